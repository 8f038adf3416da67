"""Checks: the seal log — its chain is whole and every sealed record is still the sealed text.

See docs/seal.md. Every finding points at the line of ``seal.log`` that holds the entry concerned.
"""

from __future__ import annotations

from typing import Iterator

from ...base.diagnostics import Diagnostic, Severity
from ...records.loader import Cell
from ...trust.seal import verify
from .spec import check, finding


def _findings(cell: Cell, code: str) -> Iterator[Diagnostic]:
    verification = verify(cell)
    for problem in verification.problems:
        if problem.code == code:
            yield finding(problem.location, problem.message, problem.hint)


@check("V070", "seal-log-malformed")
def seal_log_malformed(cell: Cell) -> Iterator[Diagnostic]:
    """Every line of seal.log is an entry written by ``chibo seal``.

    Passes: a log written by ``chibo seal`` only.
    Fails: a line cut in half or typed by hand → ``seal.log:3:1: V070 error: seal log line is not
    a JSON entry (edited or cut short?)``.
    """
    yield from _findings(cell, "V070")


@check("V071", "seal-chain-broken")
def seal_chain_broken(cell: Cell) -> Iterator[Diagnostic]:
    """Each seal entry carries its own correct hash, its number, and the previous entry's hash.

    Passes: entries #1, #2, #3 as ``chibo seal`` wrote them.
    Fails: entry #2 deleted → ``seal.log:2:1: V071 error: seal chain broken: entry #3 where #2 was
    expected (lines removed or reordered)``; a date or hash edited by hand → ``seal entry #2 was
    edited: its hash does not match its content``.
    """
    yield from _findings(cell, "V071")


@check("V072", "sealed-record-changed")
def sealed_record_changed(cell: Cell) -> Iterator[Diagnostic]:
    """A sealed meeting or resolution file is byte for byte the file that was sealed.

    Passes: ``meetings/2025-08-05-regular.yaml`` untouched since ``chibo seal``.
    Fails: a vote count changed afterwards → ``seal.log:1:1: V072 error: sealed meeting
    '2025-08-05-regular' was changed after sealing: meetings/2025-08-05-regular.yaml``.
    """
    yield from _findings(cell, "V072")


@check("V073", "sealed-record-removed")
def sealed_record_removed(cell: Cell) -> Iterator[Diagnostic]:
    """Every sealed record file still exists under the name it was sealed with.

    Passes: the file is where it was.
    Fails: deleted or renamed → ``seal.log:1:1: V073 error: sealed meeting '2025-08-05-regular' is
    gone: meetings/2025-08-05-regular.yaml no longer exists``.
    """
    yield from _findings(cell, "V073")


@check("V074", "seal-gap", Severity.WARNING)
def seal_gap(cell: Cell) -> Iterator[Diagnostic]:
    """No agreed record is left unsealed while a later one is sealed (a log cut at the end?).

    Passes: every agreed meeting up to the newest sealed one is sealed.
    Fails: the last lines of the log removed, or a September meeting entered after October was
    sealed → ``V074 warning: meeting '2025-09-02-regular' of 2025-09-02 is agreed but not sealed,
    though later records are``.
    """
    yield from _findings(cell, "V074")

