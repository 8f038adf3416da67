"""The command line: parse, call one core function, print, return an exit status.

Command modules import only typer at module level; the core (pydantic, docx) is imported inside
each command so that ``chibo --help`` and ``--version`` start fast.
"""

import os
import sys
from typing import Any, Optional

import typer

from ..base.errors import ChiboError, ExitStatus
from ..base.i18n import _
from . import (  # noqa: F401  (each registers its commands)
    checks,
    demo,
    records,
    render,
    report,
    seal,
    validate,
    yearly,
)
from .app import app
from .lang import prepare


def run(argv: Optional[list[str]] = None) -> int:
    """Run the command line and return its exit status; ``--lang`` holds for this run only."""
    args = list(sys.argv[1:] if argv is None else argv)
    chosen, before = _chosen_language(args), os.environ.get("CHIBO_LANG")
    if chosen:
        # the environment, not a module variable: validate's worker processes inherit it
        os.environ["CHIBO_LANG"] = chosen
    try:
        return _run(args)
    finally:
        if chosen and before is None:
            del os.environ["CHIBO_LANG"]
        elif chosen and before is not None:
            os.environ["CHIBO_LANG"] = before


def _chosen_language(args: list[str]) -> str:
    """The value of ``--lang`` among the options before the command, or ""."""
    for index, arg in enumerate(args):
        if arg.startswith("--lang="):
            return arg.partition("=")[2]
        if arg == "--lang":
            return args[index + 1] if index + 1 < len(args) else ""
        if not arg.startswith("-"):
            break
    return ""


def _run(args: list[str]) -> int:
    """The one error boundary."""
    try:
        prepare(app)  # every help text in this run's language, click's words too
        result = app(args=args, prog_name="chibo", standalone_mode=False)
    except (typer.Abort, KeyboardInterrupt):
        return _interrupted()
    except ChiboError as exc:
        _print_error(exc.message, exc.hint)
        return int(exc.status)
    except Exception as exc:  # noqa: BLE001 - the boundary that turns bugs into exit 3
        if _is_usage_error(exc):
            _show_usage_error(exc)
            return ExitStatus.USAGE
        if os.environ.get("CHIBO_TRACEBACK"):
            raise
        _print_error(_("internal error: {error}", error=f"{type(exc).__name__}: {exc}"),
                     _("this is a bug in chibo; rerun as 'chibo --traceback …' and report it"))
        return ExitStatus.INTERNAL
    if result == ExitStatus.INTERRUPTED:  # typer turns Ctrl-C into a silent Exit(130)
        return _interrupted()
    return result if isinstance(result, int) else ExitStatus.OK


def _is_usage_error(exc: Exception) -> bool:
    """Click's usage errors (typer vendors click, so match by shape, not by class)."""
    return callable(getattr(exc, "show", None)) and hasattr(exc, "exit_code")


def _show_usage_error(exc: Any) -> None:
    """Click's usage error in the user's words: the usage line, where to find help, the error."""
    from .usage_errors import describe

    if type(exc).__name__ == "NoArgsIsHelpError":
        exc.show()  # the help page, which the translating formatter wrote
        return
    ctx = getattr(exc, "ctx", None)
    if ctx is not None:
        sys.stderr.write(ctx.get_usage() + "\n")
        sys.stderr.write(_("Try '{command} {option}' for help.",
                           command=ctx.command_path, option=ctx.help_option_names[0]) + "\n\n")
    _print_error(*describe(exc))


def _interrupted() -> int:
    sys.stderr.write(_("interrupted") + "\n")
    return ExitStatus.INTERRUPTED


def _print_error(message: str, hint: str = "") -> None:
    sys.stderr.write(f"chibo: {_('error')}: {message}\n")
    if hint:
        sys.stderr.write(f"    {_('hint')}: {hint}\n")


def main() -> None:
    status = run(sys.argv[1:])
    # Every file chibo writes is complete and closed when run() returns (atomic writes fsync and
    # rename; pools are joined), so the interpreter's teardown only costs time: about 6 ms, an
    # eighth of `chibo --help`. Flush what is printed, then leave.
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass  # a reader that went away (`chibo checks | head`): nothing more to say there
    os._exit(status)
