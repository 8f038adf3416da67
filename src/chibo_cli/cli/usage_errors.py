"""Click's usage errors, worded again in the user's language at the error boundary.

Click builds these messages with f-strings (``No such option: --strcit``), so no catalogue hook
reaches them; each is recognised by its class (by name: typer vendors click, an older typer uses
click itself) and its attributes, and the few plain ``UsageError`` texts by their shape. A text
that matches nothing is shown as click wrote it: better English than nothing.
"""

from __future__ import annotations

import re
from typing import Any, Callable

from ..base.i18n import _


def describe(exc: Any) -> tuple[str, str]:
    """The translated message and hint of a click usage error."""
    kind = type(exc).__name__
    if kind == "NoSuchOption":
        hint = ""
        if getattr(exc, "possibilities", None):
            hint = _("did you mean {options}?", options=", ".join(sorted(exc.possibilities)))
        return _("no such option: {option}", option=exc.option_name), hint
    if kind == "MissingParameter":
        return _missing(exc), ""
    if kind == "BadParameter":
        return _("invalid value for {name}: {problem}", name=_param_name(exc),
                 problem=_bad_value(exc)), ""
    return _plain(str(getattr(exc, "message", exc)))


def _param_name(exc: Any) -> str:
    hint = getattr(exc, "param_hint", None)
    if hint is not None:
        return hint if isinstance(hint, str) else " / ".join(hint)
    param = getattr(exc, "param", None)
    if param is None:
        return ""
    from .lang import argument

    opts = [o for o in getattr(param, "opts", []) if o.startswith("-")]
    return " / ".join(opts) or argument(param.metavar or param.name or "")


def _missing(exc: Any) -> str:
    param = getattr(exc, "param", None)
    kind = getattr(exc, "param_type", None) or getattr(param, "param_type_name", "")
    name = _param_name(exc)
    if kind == "argument":
        return _("missing argument {name}", name=name)
    return _("missing option {name}", name=name)


def _bad_value(exc: Any) -> str:
    """Why a value was refused: pydantic's error type when typer coerced it, else the text."""
    from ..base.problems import pydantic_problem

    cause = exc.__cause__
    errors = getattr(cause, "errors", None)
    if callable(errors):
        found = errors()
        if found:
            first = found[0]
            if first.get("type") == "value_error":  # typer's own choice check
                return _plain_reason(str(first.get("msg", "")).removeprefix("Value error, "))
            return pydantic_problem(str(first.get("type", "")), first.get("ctx"))
    return _plain_reason(str(exc.message))


def _plain_reason(text: str) -> str:
    for pattern, say in _REASONS:
        found = pattern.fullmatch(text)
        if found:
            return say(found)
    return text  # chibo's own checks raise BadParameter with a message already translated


def _plain(text: str) -> tuple[str, str]:
    for pattern, say in _MESSAGES:
        found = pattern.fullmatch(text)
        if found:
            return say(found), ""
    suggestion = re.fullmatch(r"(.*?)\.? Did you mean (.*)\?", text, re.DOTALL)
    if suggestion:
        message, _hint = _plain(suggestion[1])
        return message, _("did you mean {options}?", options=suggestion[2])
    return text, ""


Say = Callable[["re.Match[str]"], str]

_REASONS: list[tuple[re.Pattern[str], Say]] = [
    (re.compile(r"'?(.*?)'? is not one of (.*)\."),
     lambda m: _("'{value}' is not one of {choices}", value=m[1], choices=m[2])),
    (re.compile(r"(?:File|Directory|Path) '(.*)' does not exist\."),
     lambda m: _("'{path}' does not exist", path=m[1])),
    (re.compile(r"(?:File|Directory|Path) (.*) is a file\."),
     lambda m: _("{path} is a file, not a folder", path=m[1])),
    (re.compile(r"(?:File|Directory|Path) (.*) is a directory\."),
     lambda m: _("{path} is a folder, not a file", path=m[1])),
    (re.compile(r"Value (.*) is not a valid (.*)\."),
     lambda m: _("{value} is not accepted here", value=m[1])),
]

_MESSAGES: list[tuple[re.Pattern[str], Say]] = [
    (re.compile(r"No such command '(.*)'\.?"), lambda m: _("no such command: {name}", name=m[1])),
    (re.compile(r"Missing command\."), lambda m: _("a command is missing")),
    (re.compile(r"Got unexpected extra argument(?:s|\(s\))? \((.*)\)", re.DOTALL),
     lambda m: _("too many arguments: {extra}", extra=m[1])),
    (re.compile(r"Option '(.*)' does not take a value\."),
     lambda m: _("option {option} takes no value", option=m[1])),
    (re.compile(r"Option '(.*)' requires (?:an argument|(\d+) arguments)\.?"),
     lambda m: _("option {option} needs a value", option=m[1])),
    (re.compile(r"Argument '(.*)' takes (\d+) values\."),
     lambda m: _("argument {name} takes {count} values", name=m[1], count=m[2])),
]
