"""Exceptions that carry an exit status to the command line's one error boundary."""

from __future__ import annotations

from enum import IntEnum


class ExitStatus(IntEnum):
    OK = 0
    FINDINGS = 1       # errors found (or warnings with --strict)
    USAGE = 2          # bad arguments, or input that cannot be read at all
    INTERNAL = 3       # a bug in chibo: rerun with --traceback
    INTERRUPTED = 130  # Ctrl-C


class ChiboError(Exception):
    """A problem to show the user as one clear message, without a traceback."""

    status = ExitStatus.USAGE

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
