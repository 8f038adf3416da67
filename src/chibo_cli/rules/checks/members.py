"""Checks: members — unexcused absences, probation past its term, impossible birth dates."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Iterator

from ...base.diagnostics import Diagnostic, Location, Severity
from ...base.i18n import _, shown_date
from ...records.loader import Cell
from ...records.models import EventKind, Meeting, Member, MemberVoteKind
from ..roster import admitted_on, excused, meeting_standing, says_no_reason, standing
from ._support import add_months, age_on, rule_int, rule_source
from .spec import check, finding


def _unexcused_by_year(cell: Cell) -> dict[str, dict[int, list[dt.date]]]:
    """member id → year → dates of meetings they had to attend and missed without a reason."""
    found: dict[str, dict[int, list[dt.date]]] = defaultdict(lambda: defaultdict(list))
    for meeting in cell.meetings:
        for absence in meeting.absent:
            member = cell.member(absence.member)
            if (excused(absence.reason) or member is None
                    or not meeting_standing(member, meeting).required):
                continue
            found[member.id][meeting.date.year].append(meeting.date)
    return found


@check("V050", "unexcused-absences", Severity.WARNING, needs_roster=True)
def unexcused_absences(cell: Cell) -> Iterator[Diagnostic]:
    """No member missed meetings without a reason in members.unexcused_absences_limit months a year.

    Passes: ``do-van-minh`` absent without a reason in March and April 2025 only.
    Fails: also in June 2025 → ``V050 warning: 'do-van-minh' was absent without a reason in 3
    months of 2025: 2025-03-05, 2025-04-02, 2025-06-04`` at the member's entry in members.yaml.
    Months are counted, not meetings: missing the regular and the thematic meeting of one month
    counts once.
    """
    limit = rule_int(cell, "members.unexcused_absences_limit")
    missed = _unexcused_by_year(cell)
    for member in cell.members:
        for year, dates in sorted(missed.get(member.id, {}).items()):
            months = {day.month for day in dates}
            if len(months) >= limit:
                yield _absences_finding(cell, member, year, len(months), dates)


def _absences_finding(cell: Cell, member: Member, year: int, months: int,
                      dates: list[dt.date]) -> Diagnostic:
    return finding(cell.locate(member, "id"),
                   _("'{id}' was absent without a reason in {count} months of {year}: {dates}",
                     id=member.id, count=months, year=year,
                     dates=", ".join(shown_date(day) for day in sorted(dates))),
                   _("the cell considers removing the member's name ({source}); if a reason "
                     "was given, write it under 'reason:'",
                     source=rule_source(cell, "members.unexcused_absences_limit")))


@check("V057", "reason-says-none", Severity.WARNING, needs_roster=True)
def reason_says_none(cell: Cell) -> Iterator[Diagnostic]:
    """An absence's reason is a reason, not words saying there was none.

    Passes: ``absent: [{member: do-van-minh, reason: Đi công tác}]``, or no ``reason`` at all.
    Fails: ``reason: Không lý do`` (also ``không có lý do``, ``vắng không phép``, ``khong ly
    do``…) → ``V057 warning: the reason given for 'do-van-minh' ('Không lý do') says there was
    none; counted as absent without a reason``. chibo counts such an absence as unexcused (in the
    vote denominator, V050 and the minutes) whatever the field holds.
    """
    for meeting in cell.meetings:
        for i, absence in enumerate(meeting.absent):
            if says_no_reason(absence.reason):
                yield finding(cell.locate(meeting, "absent", i, "reason"),
                              _("the reason given for '{id}' ('{reason}') says there was none; "
                                "counted as absent without a reason", id=absence.member,
                                reason=absence.reason),
                              _("leave 'reason:' out when there was none ({source})",
                                source=rule_source(cell, "members.unexcused_absences_limit")))


def _admission_index(member: Member) -> int:
    indexes = [i for i, e in enumerate(member.history) if e.event is EventKind.admitted]
    return indexes[-1]


@check("V051", "probation-overdue", Severity.WARNING, needs_roster=True)
def probation_overdue(cell: Cell) -> Iterator[Diagnostic]:
    """No member is still probationary past the probation period after admission.

    Passes: admitted 2025-03-26, confirmed 2026-03-26.
    Fails: admitted 2025-03-26, no ``confirmed`` event, latest meeting 2026-04-07 → ``V051
    warning: 'vu-thi-mai' is still probationary on 2026-04-07, 12 months after admission on
    2025-03-26 ended on 2026-03-26``. Judged on the date of the cell's latest meeting, not today.
    When the cell has already voted on her confirmation it is information, not a warning: ``V051
    info: 'vu-thi-mai' awaits the superior committee's decision on her confirmation, voted at
    2026-04-07-regular``.
    """
    if not cell.meetings:
        return
    on = max(m.date for m in cell.meetings)
    for member in cell.members:
        admitted = admitted_on(member)
        if admitted is None or not standing(member, on).probationary:
            continue
        months = rule_int(cell, "members.probation_months", admitted)  # the rule at admission
        due = add_months(admitted, months)
        if on > due:
            where = cell.locate(member, "history", _admission_index(member), "date")
            voted = _confirmation_vote(cell, member, admitted)
            yield (_awaiting(where, member, voted) if voted is not None
                   else _overdue(cell, where, member, on, admitted, due))


def _confirmation_vote(cell: Cell, member: Member, admitted: dt.date) -> Meeting | None:
    """The latest meeting since the admission that voted on the member's confirmation."""
    votes = [m for m in cell.meetings if m.date > admitted and any(
        v.subject is MemberVoteKind.confirmation and v.member == member.id
        for v in m.member_votes)]
    return max(votes, key=lambda m: m.date) if votes else None


def _awaiting(where: Location, member: Member, meeting: Meeting) -> Diagnostic:
    return finding(where, _("'{id}' awaits the superior committee's decision on the "
                            "confirmation voted at {meeting}", id=member.id, meeting=meeting.id),
                   _("when the decision comes, add a 'confirmed' event with its date and number"),
                   Severity.INFO)


def _overdue(cell: Cell, where: Location, member: Member, on: dt.date, admitted: dt.date,
             due: dt.date) -> Diagnostic:
    months = rule_int(cell, "members.probation_months", admitted)  # the rule at admission
    return finding(where, _("'{id}' is still probationary on {on}, {months} months after "
                            "admission on {admitted} ended on {due}", id=member.id,
                            on=on, months=months, admitted=admitted, due=due),
                   _("vote on confirmation and add a 'confirmed' event to the history "
                     "({source})",
                     source=rule_source(cell, "members.probation_months", admitted)))


@check("V052", "born-after-admitted", needs_roster=True)
def born_after_admitted(cell: Cell) -> Iterator[Diagnostic]:
    """A member was born before every event of their party history (a typo in a year, usually).

    Passes: born 1985-12-01, admitted 2010-02-03.
    Fails: born 2012-12-01, admitted 2010-02-03 → ``V052 error: 'le-thi-hoa' was born on
    2012-12-01, not before the first event of the history (admitted on 2010-02-03)``.
    """
    for member in cell.members:
        first = member.history[0] if member.history else None
        if first is not None and member.born >= first.date:
            yield finding(cell.locate(member, "born"),
                          _("'{id}' was born on {born}, not before the first event of the "
                            "history ({event} on {date})", id=member.id,
                            born=member.born, event=first.event.value,
                            date=first.date),
                          _("check the years of 'born' and of the history"))


def _first_admission(member: Member) -> int | None:
    indexes = [i for i, e in enumerate(member.history) if e.event is EventKind.admitted]
    return indexes[0] if indexes else None


@check("V053", "admitted-underage", needs_roster=True)
def admitted_underage(cell: Cell) -> Iterator[Diagnostic]:
    """A member was at least members.min_admission_age (18) years old when admitted.

    Passes: born 1999-01-20, admitted 2025-03-26 (26 years old); born 2007-03-26, admitted
    2025-03-26 (18 that day).
    Fails: born 2007-03-27, admitted 2025-03-26 → ``V053 'vu-thi-mai' was admitted on
    2025-03-26 at 17, below the minimum age of 18`` at the ``admitted`` event. Age is counted in
    whole years from ``born`` to the admission date (Điều lệ Đảng, Điều 1). A birth date after
    the admission is V052's finding.
    """
    for member in cell.members:
        index = _first_admission(member)
        if index is None:
            continue
        admitted = member.history[index].date
        minimum = rule_int(cell, "members.min_admission_age", admitted)
        age = age_on(member.born, admitted)
        if member.born < admitted and age < minimum:
            yield finding(cell.locate(member, "history", index, "date"),
                          _("'{id}' was admitted on {date} at {age}, below the minimum age of "
                            "{minimum}", id=member.id, date=admitted, age=age,
                            minimum=minimum),
                          _("check the years of 'born' and of the admission ({source})",
                            source=rule_source(cell, "members.min_admission_age", admitted)))
