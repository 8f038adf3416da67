"""YAML text for new record files: quoting, comments aligned in a column, the text templates
in ``data/scaffolds``, ids made from names, and the dates and times a user types.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import unicodedata
from functools import lru_cache
from importlib import resources
from pathlib import Path
from string import Template

from ..base.errors import ChiboError
from ..base.i18n import _
from ..records.models import (
    SLUG,
    TIME,
)
from ..records.schema import SCHEMA_DIR
from ..records.yamlio import nfc

COMMENT_COLUMN = 34
SLUG_RE = re.compile(SLUG)
_LINE_BREAKS = re.compile(r"[\r\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029]+")


def yaml_str(text: str) -> str:
    """``text`` as a double-quoted YAML scalar that reads back exactly (after NFC)."""
    out = []
    for char in nfc(text):
        code = ord(char)
        if char in '"\\':
            out.append("\\" + char)
        elif char == "\n":
            out.append("\\n")
        elif char == "\t":
            out.append("\\t")
        elif _needs_escape(code):
            out.append(f"\\u{code:04x}" if code > 0xFF else f"\\x{code:02x}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def _needs_escape(code: int) -> bool:
    """Characters YAML does not allow (or editors mangle) written raw inside a quoted scalar."""
    return (code < 0x20 or 0x7F <= code <= 0x9F or 0xD800 <= code <= 0xDFFF
            or code in (0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF))


def yaml_id(value: str) -> str:
    """A slug as a plain scalar (quoted in the one case YAML would read it as null)."""
    return value if SLUG_RE.match(value) and value != "null" else yaml_str(value)


def one_line(text: str) -> str:
    """User text made safe for a comment: a line break would end the comment."""
    return _LINE_BREAKS.sub(" ", text).strip()


def line(code: str, comment: str = "") -> str:
    """A line of YAML with its comment aligned."""
    if not comment:
        return code.rstrip()
    return f"{code.rstrip():<{COMMENT_COLUMN - 2}}  # {one_line(comment)}"


def render(template: str, **values: str) -> str:
    """Fill a scaffold template; ``code  # comment`` lines get their comments aligned."""
    lines = []
    for raw in template_text(template).splitlines():
        code, sep, comment = raw.partition("  # ")
        if not sep or raw.lstrip().startswith("#"):
            lines.append(Template(raw).substitute(values))
        else:
            lines.append(line(Template(code).substitute(values),
                              Template(comment).substitute(values)))
    return "\n".join(lines).rstrip("\n") + "\n"


@lru_cache(maxsize=None)
def template_text(name: str) -> str:
    return resources.files("chibo_cli").joinpath(f"data/scaffolds/{name}").read_text("utf-8")


def indent(block: str, spaces: int) -> str:
    pad = " " * spaces
    return "\n".join(pad + text if text else text for text in block.splitlines())


def schema_line(file: Path, root: Path, kind: str) -> str:
    """The ``yaml-language-server`` line pointing from ``file`` to the cell's schema."""
    schema = root / SCHEMA_DIR / f"{kind}.schema.json"
    rel = os.path.relpath(schema, file.parent).replace(os.sep, "/")
    return f"# yaml-language-server: $schema={rel}\n"


def slugify(name: str) -> str:
    """``Lê Thị Hoa`` → ``le-thi-hoa`` (diacritics dropped, đ → d)."""
    text = nfc(name).replace("đ", "d").replace("Đ", "D")
    text = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60].strip("-")


def unique_id(base: str, taken: set[str]) -> str:
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def parse_date(value: str, what: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise ChiboError(_("{what}: '{value}' is not a date", what=what, value=value),
                         _("write dates as YYYY-MM-DD, e.g. 2025-08-05")) from None


def parse_time(value: str) -> str:
    if not TIME.match(value.strip()):
        raise ChiboError(_("'{value}' is not a time", value=value),
                         _("write times as HH:MM, e.g. 19:30"))
    hours, minutes = value.strip().split(":")
    return f"{int(hours):02d}:{minutes}"
