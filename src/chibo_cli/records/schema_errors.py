"""Turn pydantic validation errors into diagnostics a secretary can act on."""

from __future__ import annotations

import datetime as dt
import difflib
import re
import types
import typing
import unicodedata
from typing import Any, Iterator, Mapping, Optional

from pydantic import BaseModel, ValidationError

from ..base.diagnostics import Diagnostic, Severity
from ..base.i18n import _
from ..base.problems import pydantic_problem
from .keywords import with_words
from .yamlio import PathKey, YamlDoc

PERSONAL_FIELDS = frozenset({"card_number", "citizen_id"})


def diagnostics_from(error: ValidationError, model: type[BaseModel], doc: YamlDoc,
                     base: PathKey = (), names: Optional[Mapping[str, str]] = None
                     ) -> Iterator[Diagnostic]:
    """One diagnostic per pydantic error, located through the document's source map.

    ``names`` maps members' names (see ``name_key``) to their ids, so that a name written where
    an id belongs is answered with the id.
    """
    for item in error.errors(include_url=False):
        loc: PathKey = tuple(item["loc"])
        found = _one(item, loc, model, doc, base)
        yield _with_hint(found, item, loc, names or {})


def name_key(name: str) -> str:
    """A name compared loosely: case, spacing and Unicode form do not matter."""
    return " ".join(unicodedata.normalize("NFC", name).casefold().split())


def _with_hint(diag: Diagnostic, item: Any, loc: PathKey, names: Mapping[str, str]) -> Diagnostic:
    """The hint of an id or a task reference that is written wrong, if it has none yet."""
    value, field = item.get("input"), str(loc[-1]) if loc else ""
    if diag.hint or item["type"] != "string_pattern_mismatch" or not isinstance(value, str):
        return diag
    hint = ""
    if field == "id":
        hint = _("write it as '{id}'", id=id_like(value))
    elif field in _ID_FIELDS:
        known = names.get(name_key(value))
        hint = (_("did you mean '{id}'?", id=known) if known else _(
            "write the member's id, not the name (here likely '{id}'); 'chibo member list' "
            "shows every id", id=id_like(value)))
    elif field == "task" and "#" not in value:
        hint = _("' #' starts a comment in YAML, so the number was lost: write "
                 "task: \"{value}#1\" in quotes, with no space before '#'", value=value)
    return Diagnostic(diag.code, diag.severity, diag.message, diag.location, hint, diag.check)


def id_like(name: str) -> str:
    """The id a name or a mistyped id most likely stands for: 'Phạm Quốc Khánh', 'pham_quoc_khanh'
    → 'pham-quoc-khanh'."""
    plain = unicodedata.normalize("NFD", name.replace("đ", "d").replace("Đ", "D"))
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")


def _one(item: Any, loc: PathKey, model: type[BaseModel], doc: YamlDoc,
         base: PathKey) -> Diagnostic:
    kind = item["type"]
    where = doc.location(base + loc)
    name = ".".join(str(p) for p in loc) or _("(file)")
    if kind == "extra_forbidden":
        field = str(loc[-1])
        known = _field_names(model, loc[:-1])
        close = difflib.get_close_matches(field, known, n=1, cutoff=0.6)
        hint = _("did you mean '{name}'?", name=close[0]) if close else _(
            "known fields here: {names}", names=", ".join(sorted(known)))
        return Diagnostic("S001", Severity.ERROR, _("unknown field '{field}'", field=field),
                          where, hint)
    if kind == "missing":
        return Diagnostic("S002", Severity.ERROR, _("missing field '{field}'", field=name), where,
                          _("add it; see docs/format.md"))
    message = _plain_problem(kind, item)
    if set(loc) & PERSONAL_FIELDS:  # never echo a citizen id or card number, even a wrong one
        return Diagnostic("S003", Severity.ERROR,
                          _("{field}: {problem}", field=name, problem=message), where,
                          extra=kind)
    return Diagnostic("S003", Severity.ERROR,
                      _("{field}: {problem} (got {value})", field=name, problem=message,
                        value=_short(item.get("input"))), where, extra=f"{kind}: {item['msg']}")


def _plain_problem(kind: str, item: Any) -> str:
    """pydantic's wording for the common mistakes, said the way a secretary would need it."""
    if kind.startswith(("date_", "datetime_")):
        fixed = _padded_date(item.get("input"))
        if fixed:
            return _("write the date as {date} (YYYY-MM-DD, two digits for month and day)",
                     date=fixed)
    if kind == "string_pattern_mismatch" and item["loc"] and item["loc"][-1] in _ID_FIELDS:
        return _("an id uses only lowercase letters without diacritics, digits and '-', "
                 "e.g. tran-thi-lan")
    if kind == "string_pattern_mismatch" and item["loc"] and item["loc"][-1] == "task":
        return _("a task is named by its meeting and number, e.g. \"2025-09-09-regular#2\"")
    if kind == "string_pattern_mismatch":
        return _("this is not written the expected way; see docs/format.md")
    if kind == "enum":
        expected = item.get("ctx", {}).get("expected", "")
        return _("must be one of {values}", values=with_words(expected))
    if kind in ("value_error", "assertion_error"):  # our own validators' words, translated there
        return str(item.get("msg", kind)).removeprefix("Value error, ")
    return pydantic_problem(kind, item.get("ctx"))


_LOOSE_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})|(\d{1,2})/(\d{1,2})/(\d{4})")


def _padded_date(value: Any) -> Optional[str]:
    """``1975-9-2`` or ``2/9/1975`` (day first, as Vietnamese write it) → ``1975-09-02``, when
    that is a real date."""
    match = _LOOSE_DATE.fullmatch(value.strip()) if isinstance(value, str) else None
    if match is None:
        return None
    iso = match.group(1, 2, 3)
    year, month, day = iso if iso[0] else (match[6], match[5], match[4])
    try:
        fixed = dt.date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None
    return fixed if fixed != value.strip() else None


_ID_FIELDS = frozenset({"id", "chair", "recorder", "member", "owner", "signer", "lead",
                        "secretary", "deputy"})


def _short(value: Any) -> str:
    text = repr(value) if not isinstance(value, dict) else "{…}"
    return text if len(text) <= 60 else text[:57] + "…"


def _field_names(model: type[BaseModel], loc: PathKey) -> list[str]:
    """The field names (as written in YAML) of the model found at ``loc`` inside ``model``."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        sub = _submodel(current, str(part))
        if sub is None:
            return []
        current = sub
    if not (isinstance(current, type) and issubclass(current, BaseModel)):
        return []
    return [f.alias or n for n, f in current.model_fields.items()]


def _submodel(model: Any, name: str) -> Any:
    if not (isinstance(model, type) and issubclass(model, BaseModel)):
        return None
    for field_name, info in model.model_fields.items():
        if name in (field_name, info.alias):
            return _unwrap(info.annotation)
    return None


def _unwrap(annotation: Any) -> Any:
    """Optional[list[X]] → X."""
    while True:
        origin = typing.get_origin(annotation)
        if origin in (list, typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            annotation = args[0] if args else None
            continue
        return annotation
