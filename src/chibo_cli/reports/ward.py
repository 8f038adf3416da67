"""A report over a cell or a committee folder: load (one process per core on a ward, as
``validate`` does), compute each cell's figures, then the committee's totals and assignments."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional, Sequence

from ..base.diagnostics import Diagnostic, Severity
from ..records.loader import Workspace, load_cell, load_committee, load_workspace
from ..records.locate import locate
from ..records.models import CommitteeMember
from ..records.rulebook import Rulebook
from ..rules.checks._support import normal_text
from ..rules.run import _context, _workers
from .figures import CellReport, cell_report, ratio, relative
from .period import PeriodSpec, latest_year

CHUNKS_PER_WORKER = 4


@dataclass
class Assignment:
    """A committee member, the cells they follow, and which of those they visited."""

    name: str
    title: str
    cells: list[str]
    visited: list[str]
    not_visited: list[str]


@dataclass
class Totals:
    cells: int
    cells_short: int
    regular_held: int
    regular_required: int
    thematic_held: int
    thematic_required: int
    attendance_required: int
    attendance_present: int
    attendance_rate: Optional[float]
    speakers: int
    present: int
    speakers_share: Optional[float]
    cells_visited: int
    tasks_given: int
    tasks_done: int
    members: int
    admitted: int


@dataclass
class Report:
    """What ``chibo report`` prints or writes: one cell, or a committee's cells and totals."""

    title: str              # the committee's or the cell's name
    superior: str           # the body above (for the document's header)
    place: str
    period: str
    committee: bool
    cells: list[CellReport]  # cells that fall short first
    totals: Totals
    assignments: list[Assignment] = field(default_factory=list)

    @property
    def unreadable(self) -> list[str]:
        return [f for cell in self.cells for f in cell.unreadable]


def build_report(path: Path, spec: Optional[PeriodSpec] = None,
                 today: Optional[dt.date] = None, workers: Optional[int] = None,
                 scored: bool = False) -> Report:
    """The report of the cell or committee at ``path`` (WorkspaceError when it is neither);
    ``scored`` adds the meeting-quality points whatever ``quality.enabled`` says."""
    today = today or dt.date.today()
    place = locate(path)
    path, roots, is_committee = place.root, list(place.cells), place.is_committee
    spec = spec or PeriodSpec("year", str(latest_year(roots, today)))
    count = _workers(workers, len(roots)) if is_committee else 1
    if count < 2:
        workspace = load_workspace(path)
        members = workspace.committee.members if workspace.committee else []
        reports = [cell_report(c, spec.resolve(c), today, path, members, scored)
                   for c in workspace.cells]
        for cell, report in zip(workspace.cells, reports, strict=True):
            inside = str(cell.root / "x")[:-1]  # the folder's path and a separator
            _note_unreadable(report, [d for d in workspace.diagnostics
                                      if d.location.file.startswith(inside)], path)
    else:
        workspace, reports = _parallel(path, roots, spec, today, count, scored)
    return _assemble(workspace, reports, is_committee)


def _parallel(path: Path, roots: list[Path], spec: PeriodSpec, today: dt.date,
              count: int, scored: bool) -> tuple[Workspace, list[CellReport]]:
    workspace = Workspace(path, [])
    rules = load_committee(workspace)
    members = workspace.committee.members if workspace.committee else []
    chunks = [roots[i::count * CHUNKS_PER_WORKER] for i in range(count * CHUNKS_PER_WORKER)]
    jobs = [(chunk, rules, spec, today, path, members, scored) for chunk in chunks if chunk]
    with _context().Pool(count) as pool:
        parts = list(pool.imap_unordered(_chunk, jobs))
    reports = [r for part in parts for r in part]
    order = {root.name: index for index, root in enumerate(roots)}
    return workspace, sorted(reports, key=lambda r: order.get(r.folder, 0))


def _chunk(job: tuple[list[Path], Rulebook, PeriodSpec, dt.date, Path,
                      Sequence[CommitteeMember], bool]) -> list[CellReport]:
    roots, rules, spec, today, base, members, scored = job
    reports = []
    for root in roots:
        problems: list[Diagnostic] = []
        cell = load_cell(root, rules, problems)
        reports.append(cell_report(cell, spec.resolve(cell), today, base, members, scored))
        _note_unreadable(reports[-1], problems, base)
    return reports


def _note_unreadable(report: CellReport, problems: list[Diagnostic], base: Path) -> None:
    """Name, on a cell's figures, its files that failed to load: the figures leave them out (a
    meeting that does not load is not counted), and the reader must know."""
    report.unreadable = sorted({relative(d.location.file, base) for d in problems
                                if d.severity is Severity.ERROR and d.location.file})


def _assemble(workspace: Workspace, reports: list[CellReport], is_committee: bool) -> Report:
    ranked = sorted(reports, key=lambda r: (not r.short, -len(r.short),
                                            r.attendance.rate if r.attendance.rate is not None
                                            else 2.0))
    members = workspace.committee.members if workspace.committee else []
    first = reports[0] if reports else None
    place = first.place if first else ""
    if is_committee:
        title = workspace.committee.name if workspace.committee else workspace.root.name
        superior = title
    else:
        title = first.cell if first else workspace.root.name
        superior = first.above if first else ""
    return Report(title=title, superior=superior, place=place,
                  period=reports[0].period if reports else "", committee=is_committee,
                  cells=ranked, totals=totals(reports),
                  assignments=assignments(members, reports) if is_committee else [])


def totals(reports: list[CellReport]) -> Totals:
    required = sum(r.attendance.required for r in reports)
    present = sum(r.attendance.present for r in reports)
    speakers = sum(r.discussion.speakers for r in reports)
    came = sum(r.discussion.present for r in reports)
    return Totals(
        cells=len(reports), cells_short=sum(bool(r.short) for r in reports),
        regular_held=sum(r.meetings.regular_held for r in reports),
        regular_required=sum(r.meetings.regular_required for r in reports),
        thematic_held=sum(r.meetings.thematic_held for r in reports),
        thematic_required=sum(r.meetings.thematic_required for r in reports),
        attendance_required=required, attendance_present=present,
        attendance_rate=ratio(present, required), speakers=speakers, present=came,
        speakers_share=ratio(speakers, came),
        cells_visited=sum(bool(r.superior.meetings_visited) for r in reports),
        tasks_given=sum(r.tasks.given for r in reports),
        tasks_done=sum(r.tasks.done for r in reports),
        members=sum(r.members.total for r in reports),
        admitted=sum(r.members.events["admitted"] for r in reports))


def assignments(members: Sequence[CommitteeMember], reports: list[CellReport]
                ) -> list[Assignment]:
    """Each committee member's cells, split by whether they attended a meeting there."""
    by_folder = {r.folder: r for r in reports}
    found = []
    for member in members:
        key = normal_text(member.name)
        visited = [c for c in member.cells if c in by_folder and any(
            normal_text(v.guest) == key for v in by_folder[c].superior.visits)]
        found.append(Assignment(member.name, member.title or "", list(member.cells), visited,
                                [c for c in member.cells if c not in visited]))
    return found
