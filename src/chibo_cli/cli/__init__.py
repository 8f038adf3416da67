"""The command line: parse, call one core function, print, return an exit status.

Command modules import only typer at module level; the core (pydantic, docx) is imported inside
each command so that ``chibo --help`` and ``--version`` start fast.
"""

import os
import sys
from typing import Optional

import typer

from ..base.errors import ChiboError, ExitStatus
from ..base.i18n import _, translate_commands
from . import (  # noqa: F401  (each registers its commands)
    checks,
    demo,
    records,
    render,
    seal,
    validate,
    yearly,
)
from .app import app


def run(argv: Optional[list[str]] = None) -> int:
    """Run the command line and return its exit status: the one error boundary."""
    try:
        translate_commands(app)  # typer reads command docstrings only now
        result = app(args=argv, prog_name="chibo", standalone_mode=False)
    except (typer.Abort, KeyboardInterrupt):
        return _interrupted()
    except ChiboError as exc:
        _print_error(exc.message, exc.hint)
        return int(exc.status)
    except Exception as exc:  # noqa: BLE001 - the boundary that turns bugs into exit 3
        if _is_usage_error(exc):
            exc.show()  # type: ignore[attr-defined]
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
