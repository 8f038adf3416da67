"""Checks: the calendar — a regular meeting every month, a thematic one every quarter, as planned.

The span checked runs from the month of the cell's first held meeting to the month of its last, so
the result depends on the records only; today's date only decides which meetings are held yet
(records.loader.is_held). A month still under way (the latest meeting's) is not judged for its
regular meeting until a later month has a meeting.
"""

from __future__ import annotations

import datetime as dt
from typing import Iterator, Optional

from ...base.diagnostics import Diagnostic, Severity
from ...base.i18n import _
from ...records.loader import Cell
from ...records.models import Meeting, MeetingKind, PlannedTopic
from ._support import (
    add_months,
    month_key,
    months_between,
    normal_text,
    rule_int,
    rule_source,
    unreadable_months,
)
from .spec import check, finding


def _span(cell: Cell) -> Optional[tuple[tuple[int, int], tuple[int, int]]]:
    if not cell.meetings:
        return None
    days = [m.date for m in cell.meetings]
    return month_key(min(days)), month_key(max(days))


def _first_meeting_from(cell: Cell, day: dt.date) -> Meeting:
    """The meeting a calendar gap is reported at: the first one held on or after ``day``."""
    later = [m for m in cell.meetings if m.date >= day]
    return min(later, key=lambda m: (m.date, m.start)) if later else cell.meetings[-1]


def _count(cell: Cell, kind: MeetingKind, months: set[tuple[int, int]]) -> int:
    return sum(m.kind is kind and month_key(m.date) in months for m in cell.meetings)


def _closed_months(cell: Cell) -> list[tuple[int, int]]:
    """The months from the first meeting's to the one before the latest meeting's: the month of
    the latest meeting may still see its regular meeting, so it is judged once a later month has
    a meeting."""
    span = _span(cell)
    return months_between(*span)[:-1] if span else []


@check("V040", "missing-regular-meeting", holds_back=False)
def missing_regular_meeting(cell: Cell) -> Iterator[Diagnostic]:
    """Every month from the first meeting to the month before the latest has its regular meeting.

    Passes: regular meetings on 2025-08-05, 2025-09-04 and 2025-10-06; also a thematic meeting
    on 2025-12-09 written before December's regular meeting (the latest month is not judged yet).
    Fails: 2025-08-05 and 2025-10-06 only → ``V040 1 regular meeting(s) needed in 09/2025, 0
    held``, reported at the first meeting on or after the missing month's first day. Thematic
    and extraordinary meetings do not count. The month of the cell's latest meeting is judged once
    a later month has a meeting; a month holding a meeting file that cannot be read is not judged
    (that file's own error says what to fix). ``chibo seal`` still seals the meeting the finding
    is reported at: the finding is not about its text.
    """
    unknown = unreadable_months(cell)  # its meeting file's error is the finding there
    for year, month in _closed_months(cell):
        if (year, month) in unknown:
            continue
        needed = rule_int(cell, "meetings.regular_per_month", dt.date(year, month, 1))
        held = _count(cell, MeetingKind.regular, {(year, month)})
        if held < needed:
            where = _first_meeting_from(cell, dt.date(year, month, 1))
            yield finding(cell.locate(where, "date"),
                          _("{needed} regular meeting(s) needed in {month:02d}/{year}, {held} "
                            "held", needed=needed, month=month, year=year, held=held),
                          _("a regular meeting every month ({source}); add the missing "
                            "meeting's minutes under meetings/",
                            source=rule_source(cell, "meetings.regular_per_month",
                                               dt.date(year, month, 1))))


@check("V043", "extra-regular-meeting")
def extra_regular_meeting(cell: Cell) -> Iterator[Diagnostic]:
    """A month has no more regular meetings than the rule asks; another meeting is extraordinary.

    Passes: ``2025-08-05-regular`` and ``2025-08-20-extraordinary`` (``kind: extraordinary``,
    sinh hoạt bất thường) in August 2025.
    Fails: a second ``kind: regular`` meeting on 2025-08-20 → ``V043 2 regular meetings in
    08/2025; a month has 1``, reported at the later one (often a copy of the first).
    """
    by_month: dict[tuple[int, int], list[Meeting]] = {}
    for meeting in cell.meetings:
        if meeting.kind is MeetingKind.regular:
            by_month.setdefault(month_key(meeting.date), []).append(meeting)
    for (year, month), held in by_month.items():
        needed = rule_int(cell, "meetings.regular_per_month", dt.date(year, month, 1))
        for extra in held[needed:]:
            yield finding(cell.locate(extra, "kind"),
                          _("{held} regular meetings in {month:02d}/{year}; a month has "
                            "{needed}", held=len(held), month=month, year=year, needed=needed),
                          _("mark a meeting called outside the monthly one 'kind: "
                            "extraordinary' (bất thường), or delete a copy"))


@check("V044", "planned-meeting", Severity.INFO, holds_back=False)
def planned_meeting(cell: Cell) -> Iterator[Diagnostic]:
    """A meeting written ahead is planned: reported, and checked in full once held.

    A meeting is held when its date has passed, or it is today and its ``end:`` is written.
    Until then it stays out of every other check, of the books and of the seal, and so does its
    draft resolution.
    Passes: every meeting dated before today (nothing to report).
    Fails: ``meetings/2026-12-09-regular.yaml`` written on 2026-12-02 → ``V044 info: meeting
    2026-12-09-regular is planned for 2026-12-09; it is checked once held`` (information, never
    an error).
    """
    for meeting in cell.planned:
        yield finding(cell.locate(meeting, "date"),
                      _("meeting {id} is planned for {date}; it is checked once held",
                        id=meeting.id, date=meeting.date.isoformat()),
                      _("a meeting counts as held once its date has passed, or on the day once "
                        "its 'end:' time is written"))


def _full_quarters(first: tuple[int, int], last: tuple[int, int]) -> Iterator[tuple[int, int]]:
    for year in range(first[0], last[0] + 1):
        for quarter in range(1, 5):
            if first <= (year, 3 * quarter - 2) and (year, 3 * quarter) <= last:
                yield year, quarter


@check("V041", "missing-thematic-quarter", Severity.WARNING)
def missing_thematic_quarter(cell: Cell) -> Iterator[Diagnostic]:
    """Every full quarter from the first meeting to the month before the latest has a thematic one.

    Passes: meetings from July to October 2025 with ``kind: thematic`` on 2025-09-10; also July to
    September with no thematic meeting yet (September is the latest month: it may still come).
    Fails: July to October with only regular meetings → ``V041 warning: 1 thematic meeting(s)
    needed in Q3/2025, 0 held``. Quarters the records cover only in part are not checked, and
    like V040, a quarter ending with the latest meeting's month waits for a later meeting.
    """
    closed = _closed_months(cell)
    if not closed:
        return
    needed = rule_int(cell, "meetings.thematic_per_quarter")
    unknown = unreadable_months(cell)
    for year, quarter in _full_quarters(closed[0], closed[-1]):
        months = {(year, 3 * quarter - offset) for offset in range(3)}
        if months & unknown:
            continue
        held = _count(cell, MeetingKind.thematic, months)
        if held < needed:
            where = _first_meeting_from(cell, dt.date(year, 3 * quarter - 2, 1))
            yield finding(cell.locate(where, "date"),
                          _("{needed} thematic meeting(s) needed in Q{quarter}/{year}, {held} "
                            "held", needed=needed, quarter=quarter, year=year, held=held),
                          _("at least one thematic meeting a quarter, besides the monthly one "
                            "({source})",
                            source=rule_source(cell, "meetings.thematic_per_quarter")))


def _period_end(year: int, item: PlannedTopic) -> dt.date:
    last_month = item.month or 3 * item.period_quarter
    return add_months(dt.date(year, last_month, 1), 1) - dt.timedelta(days=1)


@check("V042", "planned-topic-not-held", Severity.WARNING)
def planned_topic_not_held(cell: Cell) -> Iterator[Diagnostic]:
    """Each topic in plans/YYYY.yaml was held as a thematic meeting that year.

    Passes: ``topic: Phòng chống ma túy trong tổ dân phố`` in plans/2025.yaml and a thematic
    meeting in 2025 with the same topic (case, spacing and Unicode form do not matter).
    Fails: no such meeting → ``V042 warning: planned topic 'Phòng chống ma túy trong tổ dân phố'
    was not held as a thematic meeting in 2025``. Only topics whose planned month or quarter ended
    before the cell's latest meeting are checked.
    """
    if not cell.meetings:
        return
    latest = max(m.date for m in cell.meetings)
    held = {(m.date.year, normal_text(m.topic)) for m in cell.meetings
            if m.kind is MeetingKind.thematic and m.topic}
    for plan in cell.plans:
        for i, item in enumerate(plan.thematic):
            if _period_end(plan.year, item) >= latest:
                continue
            if (plan.year, normal_text(item.topic)) not in held:
                yield finding(cell.locate(plan, "thematic", i, "topic"),
                              _("planned topic '{topic}' was not held as a thematic meeting in "
                                "{year}", topic=item.topic, year=plan.year),
                              _("write the same topic under 'topic:' in the thematic meeting's "
                                "file, or revise the plan"))
