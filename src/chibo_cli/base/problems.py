"""pydantic's and PyYAML's problems, said in the user's language by the kind of problem.

Both libraries word their errors in English only. pydantic names each error with a stable type
(``int_parsing``, ``string_pattern_mismatch``…) and its limits (``ctx``), so a message is chosen by
type; PyYAML's scanner and parser have a small fixed set of problem texts, matched by their start.
The original text is kept by the callers (a diagnostic's ``extra``) for whoever needs the detail.
"""

from __future__ import annotations

from typing import Any, Mapping

from .i18n import _


def pydantic_problem(kind: str, ctx: Mapping[str, Any] | None = None) -> str:
    """What is wrong with a value, from pydantic's error ``type`` and ``ctx``."""
    ctx = ctx or {}
    if kind.startswith(("date_", "datetime_")):
        return _("not a real date; write it as YYYY-MM-DD, e.g. 2025-08-05")
    if kind.startswith("time_"):
        return _("not a time; write it as HH:MM, e.g. \"19:30\"")
    if kind.startswith("bool_"):
        return _("write true or false")
    if kind.startswith("int_") or kind.startswith("float_") or kind == "multiple_of":
        return _("write a whole number")
    if kind in _LIMITS:
        return _(_LIMITS[kind], limit=_limit(ctx))
    if kind in ("enum", "literal_error"):
        expected = str(ctx.get("expected", "")).replace(" or ", ", ")  # pydantic's English "or"
        return _("must be one of {values}", values=expected)
    if kind in _SIMPLE:
        return _(_SIMPLE[kind])
    return _("this value is not accepted here")


def _limit(ctx: Mapping[str, Any]) -> object:
    for key in ("ge", "gt", "le", "lt", "min_length", "max_length"):
        if key in ctx:
            return ctx[key]
    return ""


_LIMITS = {
    "greater_than": "must be more than {limit}",
    "greater_than_equal": "must be at least {limit}",
    "less_than": "must be less than {limit}",
    "less_than_equal": "must be at most {limit}",
    "string_too_short": "too short: at least {limit} character(s)",
    "string_too_long": "too long: at most {limit} character(s)",
    "too_short": "too few items: at least {limit}",
    "too_long": "too many items: at most {limit}",
}

_SIMPLE = {
    "missing": "missing",
    "string_type": "write text here",
    "string_pattern_mismatch": "not written in the expected form",
    "list_type": "write a list (lines starting with '- ')",
    "dict_type": "write fields (key: value) here",
    "model_type": "write fields (key: value) here",
    "model_attributes_type": "write fields (key: value) here",
    "extra_forbidden": "this field is not known here",
}


def yaml_problem(problem: str, line: str = "") -> str:
    """PyYAML's ``problem`` text (``found character that cannot start any token``), told about
    the ``line`` it happened on (a tab in its indentation is the usual cause)."""
    if "\t" in line[: len(line) - len(line.lstrip())]:
        return _("a tab is used for indentation; indent with spaces")
    wanted = problem.removeprefix("did not find ")
    for start, message in _YAML.items():
        if wanted.startswith(start):
            return _(message)
    return _("the text is not valid YAML here")


_YAML = {
    "found character": "a character that cannot start a value here (a tab, @ or `); put the "
                       "value in quotes",
    "mapping values are not allowed": "a ':' where no new field can start: put a value that "
                                      "contains ': ' in quotes, or check the indentation",
    "could not find expected ':'": "a line without 'key: value'; is a ':' missing?",
    "found unexpected end of stream": "the file ends inside a quoted value or a bracket",
    "found undefined alias": "an '*' starts a value; put the value in quotes",
    "found undefined tag handle": "a '!' starts a value; put the value in quotes",
    "found unknown escape character": "an unknown \\ escape in a double-quoted value; write "
                                      "\\\\ or use single quotes",
    "expected ',' or ']'": "a list in [ ] is not closed",
    "expected ',' or '}'": "a mapping in { } is not closed",
    "expected '-' indicator": "a list item does not start with '- ' like the ones above it",
    "expected alphabetic or numeric character": "an '&' or '*' starts a value; put the value in "
                                                "quotes",
    "expected <block end>": "the indentation does not line up with the lines above",
    "expected <document start>": "the indentation does not line up with the lines above",
    "expected key": "a line does not fit the ones above: check the indentation and the quotes",
}
