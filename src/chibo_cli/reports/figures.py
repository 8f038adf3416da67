"""The figures of one cell over a period, as plain dataclasses (JSON through ``asdict``).

Attendance uses the roster code the checks use (``roster.attendance``): present and required
leave out the exempted, the away and the suspended, so the rates match the minutes.
"""

from __future__ import annotations

import datetime as dt
import os
import statistics
from collections import Counter
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import Optional, Sequence

from ..records.loader import Cell
from ..records.models import (
    CommitteeMember,
    Located,
    Meeting,
    MeetingKind,
    Resolution,
    ResolutionStatus,
)
from ..rules.checks._support import attendance_at, months_between, normal_text
from ..rules.roster import Standing, standing
from . import quality
from .period import Period, month_end
from .quality import Quality

COUNTED_EVENTS = ("admitted", "confirmed", "transferred_in", "transferred_out", "removed", "died")


@dataclass
class MeetingRow:
    """One meeting: who had to come, who came, who spoke, who came from above."""

    id: str
    date: str
    kind: str
    minutes: Optional[int]
    required: int
    present: int
    absent_excused: int
    absent_unexcused: int
    rate: Optional[float]
    speakers: int
    superior: list[str]
    file: str
    quality: Optional[Quality] = None


@dataclass
class MonthRate:
    month: str  # 2025-08
    required: int
    present: int
    rate: Optional[float]


@dataclass
class MeetingFigures:
    months: int                    # months the cell had to meet in (ended, since its first record)
    regular_held: int
    regular_required: int
    months_short: list[str]
    thematic_held: int
    thematic_required: int         # whole quarters in the period × the rule
    quarters_short: list[str]
    extraordinary: int
    shortest: Optional[int]        # minutes
    median: Optional[float]
    planned_topics: int
    planned_held: int


@dataclass
class AttendanceFigures:
    required: int                  # summed over meetings
    present: int
    rate: Optional[float]
    band: str
    absent_excused: int
    absent_unexcused: int
    over_limit: list[str]          # names of members absent without reason in ≥ limit months
    by_month: list[MonthRate]


@dataclass
class DiscussionFigures:
    present: int
    speakers: int                  # members present who spoke, summed over meetings
    share: Optional[float]
    silent: list[str]              # attended at least once in the period, never spoke


@dataclass
class Visit:
    date: str
    meeting: str
    guest: str
    assigned: bool                 # a committee member assigned to follow this cell


@dataclass
class SuperiorFigures:
    meetings_visited: int
    visits: list[Visit]
    assigned: list[str]            # committee members assigned to the cell
    assigned_absent: list[str]     # of those, who never attended in the period


@dataclass
class TaskFigures:
    given: int
    done: int
    in_progress: int
    not_done: int
    not_reviewed: int
    overdue: int
    resolutions: dict[str, int]    # adopted in the period, by type (NQ, KL…)
    drafts: int


@dataclass
class MemberFigures:
    on: str
    total: int
    full: int
    probationary: int
    exempted: int
    away: int
    attached: int
    events: dict[str, int]
    male: int
    female: int
    ages: dict[str, int]


@dataclass
class CellReport:
    cell: str
    folder: str
    above: str                     # from branch.yaml: the body above, the place for dates
    place: str
    period: str
    start: str
    end: str
    meetings: MeetingFigures
    attendance: AttendanceFigures
    discussion: DiscussionFigures
    superior: SuperiorFigures
    tasks: TaskFigures
    members: MemberFigures
    rows: list[MeetingRow] = field(default_factory=list)
    short: list[str] = field(default_factory=list)   # regular, thematic, attendance, superior
    files: list[str] = field(default_factory=list)
    quality_sources: dict[str, str] = field(default_factory=dict)  # when the sheet is on
    unreadable: list[str] = field(default_factory=list)  # files left out: they did not load


# ------------------------------------------------------------------ one cell


def cell_report(cell: Cell, period: Period, today: dt.date, base: Path,
                assignments: Sequence[CommitteeMember] = (), scored: bool = False) -> CellReport:
    """Every figure of ``cell`` over ``period``; files are named relative to ``base``;
    ``scored`` (or the rule ``quality.enabled``) adds the scoring sheet's points per meeting."""
    meetings = [m for m in cell.meetings if period.holds(m.date)]
    scored = scored or quality.enabled(cell)
    rows = [_row(cell, m, base, scored) for m in meetings]
    assigned = [a for a in assignments if cell.root.name in a.cells]
    report = CellReport(
        cell=cell.name, folder=cell.root.name,
        above=cell.branch.superior if cell.branch else "",
        place=cell.branch.place if cell.branch else "", period=period.label,
        start=period.start.isoformat(), end=period.end.isoformat(),
        meetings=_meeting_figures(cell, meetings, period, today),
        attendance=_attendance(cell, meetings, rows),
        discussion=_discussion(cell, meetings),
        superior=_superior(rows, assigned),
        tasks=_tasks(cell, meetings, period, today),
        members=_members(cell, period.start, min(period.end, today)),
        rows=rows, files=_files(cell, meetings, period, base),
        quality_sources=quality.sources(cell) if scored else {})
    report.short = shortfalls(cell, report)
    return report


def _row(cell: Cell, meeting: Meeting, base: Path, scored: bool) -> MeetingRow:
    counts = attendance_at(cell, meeting)
    present = counts.required_present
    came = _present_members(cell, meeting)
    speakers = len(_member_speakers(cell, meeting) & came)
    return MeetingRow(
        id=meeting.id, date=meeting.date.isoformat(), kind=meeting.kind.value,
        minutes=meeting.duration(), required=counts.required, present=present,
        absent_excused=counts.absent_excused, absent_unexcused=counts.absent_unexcused,
        rate=ratio(present, counts.required), speakers=speakers,
        superior=[g.name for g in meeting.guests if g.superior],
        file=relative(cell.file_of(meeting), base),
        quality=quality.score(cell, meeting, counts.required, present, speakers, len(came))
        if scored else None)


def _meeting_figures(cell: Cell, meetings: list[Meeting], period: Period,
                     today: dt.date) -> MeetingFigures:
    months = required_months(cell, period, today)
    per_month = int(cell.rules["meetings.regular_per_month"])
    per_quarter = int(cell.rules["meetings.thematic_per_quarter"])
    regular = Counter(_month(m.date) for m in meetings if m.kind is MeetingKind.regular)
    thematic = Counter(_quarter(m.date) for m in meetings if m.kind is MeetingKind.thematic)
    quarters = whole_quarters(months)
    lengths = [d for m in meetings if (d := m.duration()) is not None and d > 0]
    planned, held = _plan(cell, meetings, period)
    return MeetingFigures(
        months=len(months), regular_held=sum(regular.values()),
        regular_required=len(months) * per_month,
        months_short=[m for m in months if regular[m] < per_month],
        thematic_held=sum(thematic.values()), thematic_required=len(quarters) * per_quarter,
        quarters_short=[q for q in quarters if thematic[q] < per_quarter],
        extraordinary=sum(m.kind is MeetingKind.extraordinary for m in meetings),
        shortest=min(lengths) if lengths else None,
        median=float(statistics.median(lengths)) if lengths else None,
        planned_topics=planned, planned_held=held)


def required_months(cell: Cell, period: Period, today: dt.date) -> list[str]:
    """Months of the period that have ended by ``today``, from the cell's first meeting on
    record (a cell that started using chibo mid-year owes nothing before it)."""
    if not cell.meetings:
        return []
    first = max(period.start, cell.meetings[0].date.replace(day=1))
    last = min(period.end, today)
    if month_end(last.year, last.month) > last:  # the running month is not owed yet
        last = last.replace(day=1) - dt.timedelta(days=1)
    if last < first:
        return []
    return [f"{y}-{m:02d}" for y, m in months_between((first.year, first.month),
                                                       (last.year, last.month))]


def whole_quarters(months: list[str]) -> list[str]:
    """Quarters all three of whose months are owed."""
    owed = set(months)
    quarters = dict.fromkeys(_quarter_of(m) for m in months)
    return [q for q in quarters if all(m in owed for m in _months_of(q))]


def _quarter_of(month: str) -> str:
    year, number = month.split("-")
    return f"{year}-Q{(int(number) - 1) // 3 + 1}"


def _months_of(quarter: str) -> list[str]:
    year, q = quarter.split("-Q")
    return [f"{year}-{int(q) * 3 - 2 + i:02d}" for i in range(3)]


def _month(day: dt.date) -> str:
    return f"{day.year}-{day.month:02d}"


def _quarter(day: dt.date) -> str:
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def _plan(cell: Cell, meetings: list[Meeting], period: Period) -> tuple[int, int]:
    """(planned thematic topics falling in the period, of them held as a thematic meeting)."""
    held = {normal_text(m.topic) for m in meetings
            if m.kind is MeetingKind.thematic and m.topic}
    planned = [t for plan in cell.plans for t in plan.thematic
               if _topic_in(plan.year, t.month, t.period_quarter, period)]
    return len(planned), sum(normal_text(t.topic) in held for t in planned)


def _topic_in(year: int, month: Optional[int], quarter: int, period: Period) -> bool:
    first = dt.date(year, month or quarter * 3 - 2, 1)
    last = month_end(year, month or quarter * 3)
    return first <= period.end and last >= period.start


# ------------------------------------------------------------------ attendance, discussion


def _attendance(cell: Cell, meetings: list[Meeting], rows: list[MeetingRow]) -> AttendanceFigures:
    required = sum(r.required for r in rows)
    present = sum(r.present for r in rows)
    by_month: dict[str, list[int]] = {}
    for row in rows:
        pair = by_month.setdefault(row.date[:7], [0, 0])
        pair[0] += row.required
        pair[1] += row.present
    rate = ratio(present, required)
    return AttendanceFigures(
        required=required, present=present, rate=rate, band=band(cell, rate),
        absent_excused=sum(r.absent_excused for r in rows),
        absent_unexcused=sum(r.absent_unexcused for r in rows),
        over_limit=_over_limit(cell, meetings),
        by_month=[MonthRate(month, req, pres, ratio(pres, req))
                  for month, (req, pres) in sorted(by_month.items())])


def band(cell: Cell, rate: Optional[float]) -> str:
    """The seeds' attendance bands (≥ 90 %, 75–90 %, 50–75 %, below), bounds from the rulebook."""
    if rate is None:
        return ""
    bounds = [cell.rules.fraction(f"reports.attendance_{name}") for name in ("high", "mid", "low")]
    labels = [f"≥ {pct(bounds[0])}", f"{pct(bounds[1])}–{pct(bounds[0])}",
              f"{pct(bounds[2])}–{pct(bounds[1])}", f"< {pct(bounds[2])}"]
    for bound, label in zip(bounds, labels, strict=False):
        if Fraction(rate).limit_denominator(10_000) >= bound:
            return label
    return labels[-1]


def pct(value: Fraction) -> str:
    return f"{round(float(value) * 100)}%"


def _over_limit(cell: Cell, meetings: list[Meeting]) -> list[str]:
    """Members absent without a reason in at least the limit's number of months of one year
    (months, not meetings, as check V050 counts)."""
    limit = int(cell.rules["members.unexcused_absences_limit"])
    months: dict[tuple[str, int], set[int]] = {}
    for meeting in meetings:
        for absence in meeting.absent:
            state = states_at(cell, meeting).get(absence.member)
            if absence.reason or state is None or not state.required:
                continue
            months.setdefault((absence.member, meeting.date.year), set()).add(meeting.date.month)
    over = {mid for (mid, _year), found in months.items() if len(found) >= limit}
    return sorted(_name(cell, mid) for mid in over)


def _member_speakers(cell: Cell, meeting: Meeting) -> set[str]:
    """Members of the cell who spoke (guests are not members; a name said twice counts once)."""
    return {s.speaker for s in meeting.discussion if cell.member(s.speaker) is not None}


def states_at(cell: Cell, meeting: Meeting) -> dict[str, Standing]:
    """Every member's standing on the meeting's date, once per meeting for all the figures."""
    cache = cell.__dict__.setdefault("_report_states", {})
    entry = cache.get(id(meeting))
    if entry is None or entry[0] is not meeting:
        entry = (meeting, {m.id: standing(m, meeting.date) for m in cell.members})
        cache[id(meeting)] = entry
    states: dict[str, Standing] = entry[1]
    return states


def _present_members(cell: Cell, meeting: Meeting) -> set[str]:
    absent = {a.member for a in meeting.absent}
    also = set(meeting.also_present)
    return {mid for mid, state in states_at(cell, meeting).items()
            if (state.required and mid not in absent) or (state.in_cell and mid in also)}


def _discussion(cell: Cell, meetings: list[Meeting]) -> DiscussionFigures:
    came: set[str] = set()
    spoke: set[str] = set()
    present_sum = speakers_sum = 0
    for meeting in meetings:
        present = _present_members(cell, meeting)
        speakers = _member_speakers(cell, meeting) & present
        present_sum += len(present)
        speakers_sum += len(speakers)
        came |= present
        spoke |= speakers
    return DiscussionFigures(present=present_sum, speakers=speakers_sum,
                             share=ratio(speakers_sum, present_sum),
                             silent=sorted(_name(cell, mid) for mid in came - spoke))


# ------------------------------------------------------------------ superiors, tasks, members


def _superior(rows: list[MeetingRow], assigned: list[CommitteeMember]) -> SuperiorFigures:
    names = {normal_text(a.name): a.name for a in assigned}
    visits = [Visit(r.date, r.id, guest, normal_text(guest) in names)
              for r in rows for guest in r.superior]
    seen = {normal_text(v.guest) for v in visits}
    return SuperiorFigures(
        meetings_visited=sum(bool(r.superior) for r in rows), visits=visits,
        assigned=[a.name for a in assigned],
        assigned_absent=[a.name for a in assigned if normal_text(a.name) not in seen])


def _tasks(cell: Cell, meetings: list[Meeting], period: Period, today: dt.date) -> TaskFigures:
    """Tasks given at the period's meetings, by their latest review up to the period's end."""
    until = min(period.end, today)
    latest: dict[str, str] = {}
    for meeting in cell.meetings:  # in date order: a later review overrides an earlier one
        if meeting.date <= until:
            for review in meeting.review:
                latest[review.task] = review.status.value
    statuses: Counter[str] = Counter()
    overdue = 0
    for meeting in meetings:
        for number, task in enumerate(meeting.tasks, start=1):
            status = latest.get(f"{meeting.id}#{number}", "not_reviewed")
            statuses[status] += 1
            overdue += bool(task.due and task.due < until and status != "done")
    adopted = Counter(r.type for r in cell.resolutions
                      if r.status is ResolutionStatus.adopted and _resolution_in(cell, r, period))
    drafts = sum(r.status is ResolutionStatus.draft and _resolution_in(cell, r, period)
                 for r in cell.resolutions)
    return TaskFigures(
        given=sum(statuses.values()), done=statuses["done"], in_progress=statuses["in_progress"],
        not_done=statuses["not_done"], not_reviewed=statuses["not_reviewed"], overdue=overdue,
        resolutions=dict(sorted(adopted.items())), drafts=drafts)


def _resolution_in(cell: Cell, resolution: Resolution, period: Period) -> bool:
    day = resolution.date
    if day is None:
        meeting = cell.meeting(resolution.meeting)
        day = meeting.date if meeting else None
    return day is not None and period.holds(day)


def _members(cell: Cell, since: dt.date, on: dt.date) -> MemberFigures:
    """Counts on the period's last day (or today); the events of the period."""
    states = {m.id: standing(m, on) for m in cell.members}
    ours = [m for m in cell.members if states[m.id].in_cell]
    events: Counter[str] = Counter(str(e.event.value) for m in cell.members for e in m.history
                     if e.event.value in COUNTED_EVENTS and since <= e.date <= on)
    return MemberFigures(
        on=on.isoformat(), total=len(ours),
        full=sum(states[m.id].full for m in ours),
        probationary=sum(states[m.id].probationary for m in ours),
        exempted=sum(states[m.id].exempted for m in ours),
        away=sum(states[m.id].away for m in ours),
        attached=sum(s.attached and not s.in_cell for s in states.values()),
        events={kind: events[kind] for kind in COUNTED_EVENTS},
        male=sum(m.gender.value == "nam" for m in ours),
        female=sum(m.gender.value == "nữ" for m in ours),
        ages=age_bands(cell, [age(m.born, on) for m in ours]))


def age(born: dt.date, on: dt.date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def age_bands(cell: Cell, ages: list[int]) -> dict[str, int]:
    """Counts per age band; the bands' upper bounds (30, 45, 60) come from the rulebook."""
    bounds = [int(b) for b in cell.rules["reports.age_bands"]]
    pairs = zip(bounds, bounds[1:], strict=False)
    labels = [f"≤ {bounds[0]}"] + [f"{lo + 1}–{hi}" for lo, hi in pairs]
    labels.append(f"> {bounds[-1]}")
    counts = dict.fromkeys(labels, 0)
    for years in ages:
        index = next((i for i, bound in enumerate(bounds) if years <= bound), len(bounds))
        counts[labels[index]] += 1
    return counts


# ------------------------------------------------------------------ shortfalls and helpers


def shortfalls(cell: Cell, report: CellReport) -> list[str]:
    """What an office would chase: missed meetings, low attendance, no superior visit."""
    found = []
    if report.meetings.months_short:
        found.append("regular")
    if report.meetings.quarters_short:
        found.append("thematic")
    rate = report.attendance.rate
    if rate is not None and Fraction(rate).limit_denominator(10_000) < cell.rules.fraction(
            "attendance.warn_below"):
        found.append("attendance")
    if report.rows and not report.superior.meetings_visited:
        found.append("superior")
    return found


def ratio(part: int, whole: int) -> Optional[float]:
    return round(part / whole, 4) if whole else None


def relative(file: str, base: Path) -> str:
    """``file`` relative to ``base``, by the names alone (resolving every path through the file
    system took a third of a ward's report)."""
    if not file:
        return ""
    return Path(os.path.relpath(file, base)).as_posix()


def _name(cell: Cell, member_id: str) -> str:
    member = cell.member(member_id)
    return member.name if member else member_id


def _files(cell: Cell, meetings: list[Meeting], period: Period, base: Path) -> list[str]:
    """Every file the cell's figures were counted from."""
    records: list[Located] = [*meetings, *(r for r in cell.resolutions
                                          if _resolution_in(cell, r, period))]
    if cell.branch is not None:
        records.append(cell.branch)
    files = [cell.file_of(r) for r in records]
    files.append(str(cell.root / "members.yaml"))
    files += [str(cell.root / "plans" / f"{p.year}.yaml") for p in cell.plans
              if period.start.year <= p.year <= period.end.year]
    return sorted({relative(f, base) for f in files if f})

