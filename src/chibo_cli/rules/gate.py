"""Which errors hold a record back: the one policy for rendering, books and sealing.

A document or a seal stands on the records it is made from. It is held back by an error-level
finding in those records' files (a resolution also stands on its meeting), in the files every
record of the cell depends on (branch.yaml, members.yaml, the committee's committee.yaml), and in a
record file of the cell that could not be read at all, since nobody can tell what it would change.
Errors in the cell's *other* readable records do not count: next month's half-filled meeting does
not hold back this month's minutes. A check marked ``holds_back=False`` (a meeting missing before
a record, reported at it) never holds a record back.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Optional, Sequence, Union

from ..base.diagnostics import Diagnostic, Severity, file_key
from ..base.i18n import _
from ..records.loader import BRANCH_FILE, COMMITTEE_FILE, MEMBERS_FILE, Cell
from ..records.models import Meeting, Rating, Resolution, ResolutionStatus
from .checks import registry

Source = Union[Meeting, Resolution, Rating]


@dataclass(frozen=True)
class Hold:
    """Why a record is held back, and the errors that hold it."""

    reason: str
    errors: tuple[Diagnostic, ...] = ()


class Gate:
    """The errors of one cell, indexed once, asked about record after record."""

    def __init__(self, cell: Cell, findings: Iterable[Diagnostic]) -> None:
        self.cell = cell
        self._by_file = _errors_by_file(findings)
        self._records = {file_key(cell.file_of(r)) for r in (*cell.meetings, *cell.resolutions,
                                                               *cell.planned,
                                                               *cell.planned_resolutions)}
        self._root = cell.root.resolve()

    def hold(self, sources: Sequence[Source]) -> Optional[Hold]:
        """None when a document or seal made from ``sources`` may go ahead."""
        shared = self._shared()
        if shared is not None:
            return shared
        own: list[Diagnostic] = []
        for record in sources:
            own.extend(self._by_file.get(file_key(self.cell.file_of(record)), []))
        if own:
            return Hold(_("it has errors"), tuple(own))
        for record in sources:
            theirs = self._meeting_errors(record)
            if theirs:
                return Hold(_("its meeting '{id}' has errors", id=theirs[0]), theirs[1])
        return None

    def why_held(self, record: Source) -> Optional[tuple[str, tuple[Diagnostic, ...]]]:
        """``hold`` of one record, as ``trust.seal.seal_cell`` takes it."""
        hold = self.hold([record])
        return (hold.reason, hold.errors) if hold else None

    def errors(self, sources: Optional[Sequence[Source]] = None) -> list[Diagnostic]:
        """Every error that holds back ``sources`` (all of the cell's without them)."""
        if sources is None:
            return [d for key, diags in self._by_file.items() if self._in_cell(key) for d in diags]
        hold = self.hold(sources)
        return list(hold.errors) if hold else []

    def _shared(self) -> Optional[Hold]:
        files = [self.cell.root / BRANCH_FILE, self.cell.root / MEMBERS_FILE,
                 self.cell.root.parent / COMMITTEE_FILE]
        found = [d for f in files for d in self._by_file.get(file_key(str(f)), [])]
        found += [d for key, diags in self._by_file.items() if self._unreadable_record(key)
                  for d in diags]
        if found:
            names = ", ".join(sorted({Path(d.location.file).name for d in found}))
            return Hold(_("{files} has errors, so the records could not be fully checked",
                          files=names), tuple(found))
        if self.cell.branch is None or not self.cell.roster_complete:
            return Hold(_("branch.yaml or members.yaml could not be read in full, so the records "
                          "could not be fully checked"))
        return None

    def _meeting_errors(self, record: Source) -> Optional[tuple[str, tuple[Diagnostic, ...]]]:
        meetings = [m for m in sources_of(self.cell, [record]) if m is not record]
        theirs = tuple(d for m in meetings
                       for d in self._by_file.get(file_key(self.cell.file_of(m)), []))
        return (meetings[0].id, theirs) if theirs else None

    def _unreadable_record(self, key: Path) -> bool:
        """An error file under meetings/ or resolutions/ that no loaded record owns."""
        return (self._in_cell(key) and key.parent.name in ("meetings", "resolutions")
                and key not in self._records)

    def _in_cell(self, key: Path) -> bool:
        try:
            return key.resolve().is_relative_to(self._root) or key.name == COMMITTEE_FILE
        except OSError:
            return False


def sources_of(cell: Cell, records: Sequence[Source]) -> list[Source]:
    """The records a document is made from: ``records`` and the meetings of adopted resolutions
    (their vote and date come from the meeting) and of ratings (the review meeting). A draft stands
    alone: it is sent out before its meeting, whose minutes are still empty."""
    found: list[Source] = list(records)
    for record in records:
        meeting = None
        if isinstance(record, Resolution) and record.status is ResolutionStatus.adopted:
            meeting = cell.meeting(record.meeting)
        elif isinstance(record, Rating) and record.meeting:
            meeting = cell.meeting(record.meeting)
        if meeting is not None:
            found.append(meeting)
    return found


def _errors_by_file(findings: Iterable[Diagnostic]) -> dict[Path, list[Diagnostic]]:
    specs = registry()
    errors: dict[Path, list[Diagnostic]] = {}
    for diag in findings:
        spec = specs.get(diag.code)
        if diag.severity is Severity.ERROR and (spec is None or spec.holds_back):
            errors.setdefault(file_key(diag.location.file), []).append(diag)
    return errors
