"""The report's views as tables (headers and rows of plain values): the terminal, CSV and xlsx
formats all draw from these, so every format shows the same figures."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict, dataclass
from typing import Optional, Union

from ..base.i18n import _
from .figures import COUNTED_EVENTS, CellReport
from .quality import PARTS
from .ward import Report

Value = Union[str, int, float, None]


@dataclass
class Table:
    name: str               # sheet name (short, no translation: a stable key for other tools)
    title: str
    headers: list[str]
    rows: list[list[Value]]
    percent: tuple[int, ...] = ()   # columns holding a share (0.9104), shown as 91%


def views(report: Report) -> list[Table]:
    found = [summary(report), meetings(report), months(report), superior(report),
             tasks(report), members(report)]
    if any(row.quality for cell in report.cells for row in cell.rows):
        found.append(quality(report))
    return found


def quality(report: Report) -> Table:
    """The scoring sheet's points per meeting, and where each part's points come from."""
    headers = [_("cell"), _("meeting"), *[part_name(p) for p in PARTS], _("points"), _("band")]
    rows: list[list[Value]] = [
        [r.cell, m.id, *[m.quality.points[p] for p in PARTS], m.quality.total, m.quality.band]
        for r in report.cells for m in r.rows if m.quality]
    sources = next((r.quality_sources for r in report.cells if r.quality_sources), {})
    rows.append([])
    rows.append([_("source")])
    rows += [[part_name(p), None, sources.get(p, "")] for p in PARTS]
    return Table("quality", _("Meeting quality"), headers, rows)


def part_name(part: str) -> str:
    names = {"attendance": _("attendance"), "speakers": _("spoke"),
             "preparation": _("preparation"), "conclusion": _("conclusion"),
             "tasks": _("tasks")}
    return names.get(part, part)


def summary(report: Report) -> Table:
    headers = [_("cell"), _("regular held"), _("regular owed"), _("thematic held"),
               _("thematic owed"),
               _("attendance"), _("band"), _("spoke"), _("superior visits"), _("tasks given"),
               _("done"), _("overdue"), _("members"), _("admitted"), _("falls short in")]
    rows: list[list[Value]] = [[
        r.cell, r.meetings.regular_held, r.meetings.regular_required, r.meetings.thematic_held,
        r.meetings.thematic_required, r.attendance.rate, r.attendance.band, r.discussion.share,
        r.superior.meetings_visited, r.tasks.given, r.tasks.done, r.tasks.overdue,
        r.members.total, r.members.events["admitted"], short_text(r)] for r in report.cells]
    return Table("summary", _("Summary"), headers, rows, percent=(5, 7))


def short_text(report: CellReport) -> str:
    names = {"regular": _("regular meetings"), "thematic": _("thematic meetings"),
             "attendance": _("attendance"), "superior": _("no superior visit")}
    return ", ".join(names[s] for s in report.short)


def meetings(report: Report) -> Table:
    headers = [_("cell"), _("meeting"), _("date"), _("kind"), _("minutes"), _("to attend"),
               _("present"), _("attendance"), _("absent with reason"), _("absent without reason"),
               _("spoke"), _("from the superior committee"), _("file")]
    rows: list[list[Value]] = [
        [r.cell, m.id, m.date, kind_name(m.kind), m.minutes, m.required, m.present, m.rate,
         m.absent_excused, m.absent_unexcused, m.speakers, ", ".join(m.superior), m.file]
        for r in report.cells for m in r.rows]
    return Table("meetings", _("Meetings"), headers, rows, percent=(7,))


def months(report: Report) -> Table:
    headers = [_("cell"), _("month"), _("to attend"), _("present"), _("attendance")]
    rows: list[list[Value]] = [[r.cell, m.month, m.required, m.present, m.rate]
                               for r in report.cells for m in r.attendance.by_month]
    return Table("months", _("Attendance by month"), headers, rows, percent=(4,))


def month_totals(report: Report) -> Table:
    """Attendance per month over all the report's cells (the chart's data)."""
    sums: dict[str, list[int]] = {}
    for cell in report.cells:
        for m in cell.attendance.by_month:
            pair = sums.setdefault(m.month, [0, 0])
            pair[0] += m.required
            pair[1] += m.present
    rows: list[list[Value]] = [[month, req, pres, round(pres / req, 4) if req else None]
                               for month, (req, pres) in sorted(sums.items())]
    return Table("by_month", _("Attendance per month"),
                 [_("month"), _("to attend"), _("present"), _("attendance")], rows, percent=(3,))


def ranking(report: Report) -> Table:
    """Cells ranked by attendance, best first (the other chart's data)."""
    ranked = sorted((r for r in report.cells if r.attendance.rate is not None),
                    key=lambda r: (-(r.attendance.rate or 0), r.cell))
    rows: list[list[Value]] = [[r.cell, r.attendance.rate, r.discussion.share] for r in ranked]
    return Table("ranking", _("Cells ranked by attendance"),
                 [_("cell"), _("attendance"), _("spoke")], rows, percent=(1, 2))


def superior(report: Report) -> Table:
    headers = [_("cell"), _("date"), _("meeting"), _("committee member"), _("assigned")]
    rows: list[list[Value]] = [[r.cell, v.date, v.meeting, v.guest, _("yes") if v.assigned
                                else _("no")] for r in report.cells for v in r.superior.visits]
    for a in report.assignments:
        for folder in a.not_visited:
            rows.append([folder, "", "", a.name, _("assigned, did not attend")])
    return Table("superior", _("Superior committee attendance"), headers, rows)


def tasks(report: Report) -> Table:
    headers = [_("cell"), _("tasks given"), _("done"), _("in progress"), _("not done"),
               _("not reviewed"), _("overdue"), _("resolutions adopted"), _("drafts")]
    rows: list[list[Value]] = [[
        r.cell, r.tasks.given, r.tasks.done, r.tasks.in_progress, r.tasks.not_done,
        r.tasks.not_reviewed, r.tasks.overdue,
        ", ".join(f"{kind} {count}" for kind, count in r.tasks.resolutions.items()),
        r.tasks.drafts] for r in report.cells]
    return Table("tasks", _("Tasks and resolutions"), headers, rows)


def members(report: Report) -> Table:
    bands = list(report.cells[0].members.ages) if report.cells else []
    headers = [_("cell"), _("on"), _("members"), _("full"), _("probationary"), _("exempted"),
               _("away"), _("attached"), *[event_name(e) for e in COUNTED_EVENTS], _("male"),
               _("female"), *bands]
    rows: list[list[Value]] = [[
        r.cell, r.members.on, r.members.total, r.members.full, r.members.probationary,
        r.members.exempted, r.members.away, r.members.attached,
        *[r.members.events[e] for e in COUNTED_EVENTS], r.members.male, r.members.female,
        *[r.members.ages.get(b, 0) for b in bands]] for r in report.cells]
    return Table("members", _("Members"), headers, rows)


def kind_name(kind: str) -> str:
    names = {"regular": _("regular"), "thematic": _("thematic"),
             "extraordinary": _("extraordinary")}
    return names.get(kind, kind)


def event_name(event: str) -> str:
    names = {"admitted": _("admitted"), "confirmed": _("confirmed"),
             "transferred_in": _("transferred in"), "transferred_out": _("transferred out"),
             "removed": _("removed"), "died": _("died")}
    return names.get(event, event)


# ------------------------------------------------------------------ text formats


def to_json(report: Report) -> str:
    return json.dumps(asdict(report), ensure_ascii=False, indent=1) + "\n"


def to_csv(table: Table) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(table.headers)
    writer.writerows(table.rows)
    return buffer.getvalue()


def show_percent(value: Optional[float]) -> str:
    return "–" if value is None else f"{value * 100:.1f}%"
