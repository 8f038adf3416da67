"""typer's and click's own words in the user's language, without patching either library.

typer (which vendors click since 0.20) writes its help pages through a ``HelpFormatter`` that each
command's ``Context`` makes: chibo's commands get a context whose formatter translates the words
click writes (``Usage:``, the section headings, ``[default: …]``, ``[required]``, the help option's
text, the type names of values, the arguments' names). Usage errors are worded again at the one
error boundary (``usage_errors.describe``), by the class of the error and the shape of its
message, since click builds most of them with f-strings that no catalogue hook reaches (typer
0.29's own ``gettext`` calls cover only a few words). ``prepare`` runs before each command
line: it gives every command these classes and translates each help text into the language of
this run (``help=`` strings are translated once, at import, in whatever language that was).
"""

from __future__ import annotations

import inspect
import re
from typing import Any, Callable, Optional, Sequence

import typer
from typer.core import TyperCommand, TyperGroup

from ..base.i18n import _, language, retranslate

# Click's fixed words that reach a help page (headings, the help option's help, metavars).
CLICK_WORDS = ("Arguments", "Options", "Commands", "Show this message and exit.",
               "[OPTIONS]", "COMMAND [ARGS]...", "<str>", "<int>", "<int range>", "<path>",
               "<float>")
# The names of the commands' arguments, as click shows them ([path], {meeting}): each is the
# message "argument: <name>", whose translation is the name a Vietnamese reader sees.
ARGUMENTS = ("argument: candidate", "argument: cell", "argument: codes", "argument: directory",
             "argument: files", "argument: folder", "argument: meeting", "argument: name",
             "argument: path", "argument: resolution", "argument: year")
_ARGUMENT_IN_USAGE = re.compile(r"(?<=[\[{])[a-z_]+(?=[\]}])")
_ARGUMENT_TERM = re.compile(r"^[a-z_]+(?=\.\.\.| |$)")
_METAVAR = re.compile(r"<(list\[)?([^<>\[\]]+?)\]?>")
_EXTRAS = re.compile(r"^(?P<help>.*?)\s*\[(?P<extras>[^\[\]]*)\]$", re.DOTALL)


def word(text: str) -> str:
    """One of click's fixed words, translated; any other text unchanged."""
    return _(text) if text in CLICK_WORDS else text


def argument(name: str) -> str:
    """An argument's name in the user's language (``path`` → ``đường-dẫn``)."""
    key = f"argument: {name}"
    return _(key) if key in ARGUMENTS and _(key) != key else name


def _metavar(match: re.Match[str]) -> str:
    label = word(f"<{match[2].lower()}>")
    if label == f"<{match[2].lower()}>" and not match[1]:
        return match[0]  # choices such as <text|json> are words to type, not to translate
    return label + ("..." if match[1] else "")


def _extra(part: str) -> str:
    """One item of the ``[default: .; required]`` tail typer appends to an option's help."""
    name, colon, value = part.partition(": ")
    if part == "required":
        return _("required")
    if colon and name == "default":
        return _("default: {value}", value=value)
    if colon and name == "env var":
        return _("environment variable: {value}", value=value)
    return part  # a range such as 1<=x<=30 reads the same in any language


def help_text(text: str) -> str:
    """The help column of an option or a command, with typer's bracketed tail translated."""
    found = _EXTRAS.match(text)
    if found is None or not re.match(r"(default|required|env var)", found["extras"]):
        return word(text)
    extras = "; ".join(_extra(part) for part in found["extras"].split("; "))
    head = word(found["help"])
    return f"{head}  [{extras}]" if head else f"[{extras}]"


# click's formatter, wherever this typer keeps it (vendored since typer 0.20, click's before)
_Formatter: Any = typer.Context.formatter_class


class HelpFormatter(_Formatter):  # type: ignore[misc]
    """Click's help formatter, writing click's own words in the user's language."""

    def write_usage(self, prog: str, args: str = "", prefix: Optional[str] = None) -> None:
        for fixed in ("COMMAND [ARGS]...", "[OPTIONS]"):
            args = args.replace(fixed, _(fixed))
        args = _ARGUMENT_IN_USAGE.sub(lambda m: argument(m[0]), args)
        super().write_usage(prog, args, _("Usage: ") if prefix is None else prefix)

    def write_heading(self, heading: str) -> None:
        super().write_heading(word(heading))

    def write_dl(self, rows: Sequence[tuple[str, str]], col_max: int = 30,
                 col_spacing: int = 2) -> None:
        rows = [(_ARGUMENT_TERM.sub(lambda m: argument(m[0]), _METAVAR.sub(_metavar, term)),
                 help_text(text)) for term, text in rows]
        super().write_dl(rows, col_max, col_spacing)


class Context(typer.Context):
    formatter_class = HelpFormatter


class Command(TyperCommand):
    context_class = Context


class Group(TyperGroup):
    context_class = Context


# The language the help= strings are in: the one of the moment they were translated, at import
# (the command modules are imported just before this one).
_help_language = [language()]


def prepare(app: typer.Typer) -> None:
    """Give every command of ``app`` the translating classes and its help in this run's language."""
    now = language()
    _prepare(app, again=now != _help_language[0])  # help= strings cost 10 ms to say again
    _help_language[0] = now


def _prepare(app: typer.Typer, again: bool) -> None:
    app.info.cls = Group
    if again:
        app.info.help = _retranslated(app.info.help)
        _translate_parameters(app.registered_callback.callback if app.registered_callback
                              else None)
    for info in app.registered_commands:
        if info.cls in (None, TyperCommand):  # typer's default, None before 0.20
            info.cls = Command
        if not hasattr(info, "_chibo_doc"):
            # typer reads a command's docstring only when the command line runs
            info._chibo_doc = inspect.getdoc(info.callback) if info.help is None else None  # type: ignore[attr-defined]
        if info._chibo_doc:  # type: ignore[attr-defined]
            info.help = _(info._chibo_doc)  # type: ignore[attr-defined]
        if again:
            _translate_parameters(info.callback)
    for group in app.registered_groups:
        if again:
            group.help = _retranslated(group.help)
        if group.typer_instance is not None:
            _prepare(group.typer_instance, again)


def _retranslated(text: Any) -> Any:
    return retranslate(text) if isinstance(text, str) else text


def _translate_parameters(callback: Optional[Callable[..., Any]]) -> None:
    """Each option's and argument's ``help=``, in this run's language."""
    if callback is None:
        return
    for parameter in inspect.signature(callback).parameters.values():
        info = parameter.default
        if isinstance(info, typer.models.ParameterInfo) and isinstance(info.help, str):
            info.help = retranslate(info.help)
