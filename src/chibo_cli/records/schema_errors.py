"""Turn pydantic validation errors into diagnostics a secretary can act on."""

from __future__ import annotations

import difflib
import types
import typing
from typing import Any, Iterator

from pydantic import BaseModel, ValidationError

from ..base.diagnostics import Diagnostic, Severity
from ..base.i18n import _
from ..base.problems import pydantic_problem
from .keywords import with_words
from .yamlio import PathKey, YamlDoc

PERSONAL_FIELDS = frozenset({"card_number", "citizen_id"})


def diagnostics_from(error: ValidationError, model: type[BaseModel], doc: YamlDoc,
                     base: PathKey = ()) -> Iterator[Diagnostic]:
    """One diagnostic per pydantic error, located through the document's source map."""
    for item in error.errors(include_url=False):
        loc: PathKey = tuple(item["loc"])
        yield _one(item, loc, model, doc, base)


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
    if kind == "string_pattern_mismatch" and item["loc"] and item["loc"][-1] in _ID_FIELDS:
        return _("an id uses only lowercase letters without diacritics, digits and '-', "
                 "e.g. tran-thi-lan")
    if kind == "enum":
        expected = item.get("ctx", {}).get("expected", "")
        return _("must be one of {values}", values=with_words(expected))
    if kind in ("value_error", "assertion_error"):  # our own validators' words, translated there
        return str(item.get("msg", kind)).removeprefix("Value error, ")
    return pydantic_problem(kind, item.get("ctx"))


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
