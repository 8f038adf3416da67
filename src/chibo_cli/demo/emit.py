"""Write YAML text directly (fast, with comments) for ``chibo demo``.

Only the shapes the record files use: mappings, lists, flow mappings, strings, numbers, booleans
and dates. Every string that is not a plain slug is double-quoted, so no text can turn into a
number, a boolean or a syntax error.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Iterable

_PLAIN = re.compile(r"^[a-z][a-z0-9_]*(?:-[a-z0-9_]+)*$")
_YAML11_WORDS = {"y", "n", "yes", "no", "on", "off", "true", "false", "null"}
_ESCAPES = (("\\", "\\\\"), ('"', '\\"'), ("\n", "\\n"), ("\t", "\\t"), ("\r", "\\r"))


class Flow(dict):  # type: ignore[type-arg]
    """A mapping written on one line: ``{for: 12, against: 0}``."""


def scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, dt.date)):
        return value.isoformat() if isinstance(value, dt.date) else str(value)
    text = str(value)
    if _PLAIN.match(text) and text not in _YAML11_WORDS:
        return text
    for char, escape in _ESCAPES:  # str.replace runs in C; translate() is slow on non-ASCII
        if char in text:
            text = text.replace(char, escape)
    return '"' + text + '"'


def _flow(mapping: Flow) -> str:
    return "{" + ", ".join(f"{k}: {scalar(v)}" for k, v in mapping.items()) + "}"


def _mapping(data: dict[str, Any], indent: int, out: list[str]) -> None:
    pad = " " * indent
    for key, value in data.items():
        if isinstance(value, Flow):
            out.append(f"{pad}{key}: {_flow(value)}")
        elif isinstance(value, dict):
            out.append(f"{pad}{key}:")
            _mapping(value, indent + 2, out)
        elif isinstance(value, list):
            if not value:
                out.append(f"{pad}{key}: []")
                continue
            out.append(f"{pad}{key}:")
            _sequence(value, indent + 2, out)
        else:
            out.append(f"{pad}{key}: {scalar(value)}")


def _sequence(items: Iterable[Any], indent: int, out: list[str]) -> None:
    pad = " " * indent
    for item in items:
        if isinstance(item, Flow):
            out.append(f"{pad}- {_flow(item)}")
        elif isinstance(item, dict):
            start = len(out)
            _mapping(item, indent + 2, out)
            out[start] = f"{pad}- {out[start][indent + 2:]}"
        else:
            out.append(f"{pad}- {scalar(item)}")


def document(data: dict[str, Any], comments: Iterable[str] = ()) -> str:
    """The YAML text of ``data`` (key order kept), after ``# comment`` lines."""
    out = [f"# {line}" if line else "#" for line in comments]
    _mapping(data, 0, out)
    return "\n".join(out) + "\n"
