"""Checks: admission and confirmation — the order of vote, ceremony and confirmation, and age.

The cell votes on admission, the superior committee decides, then the cell holds the ceremony
(the ``admitted`` date); probation runs 12 months from it, then the cell votes on confirmation.
"""

from __future__ import annotations

import datetime as dt
from typing import Iterator

from ...base.diagnostics import Diagnostic, Severity
from ...base.i18n import _
from ...records.loader import Cell
from ...records.models import EventKind, Meeting, Member, MemberVoteKind
from ._support import add_months, age_on, rule_int, rule_source
from .spec import check, finding


def _member_votes(cell: Cell, subject: MemberVoteKind
                  ) -> Iterator[tuple[Meeting, int, Member]]:
    """(meeting, index under member_votes, member) of every vote of that kind on a member of
    members.yaml. Someone still in candidates.yaml is judged by the candidate checks (V100–V104),
    so nothing is reported twice."""
    listed = {candidate.id for candidate in cell.candidates}
    for meeting in cell.meetings:
        for i, vote in enumerate(meeting.member_votes):
            member = cell.member(vote.member)
            if vote.subject is subject and member is not None and member.id not in listed:
                yield meeting, i, member


def _events(member: Member, kind: EventKind) -> list[tuple[int, dt.date]]:
    return [(i, e.date) for i, e in enumerate(member.history) if e.event is kind]


def _probation_start(member: Member, day: dt.date) -> dt.date | None:
    """The latest admission on or before ``day``."""
    dates = [d for _i, d in _events(member, EventKind.admitted) if d <= day]
    return dates[-1] if dates else None


@check("V054", "confirmed-early", needs_roster=True)
def confirmed_early(cell: Cell) -> Iterator[Diagnostic]:
    """No member is confirmed, or voted on for confirmation, before the probation period ends.

    Passes: admitted 2025-03-26, confirmation vote and ``confirmed`` on 2026-03-26.
    Fails: ``confirmed`` on 2026-01-15 → ``V054 'vu-thi-mai' is confirmed on 2026-01-15, before
    her 12 months of probation from 2025-03-26 end on 2026-03-26`` at the ``confirmed`` event; a
    confirmation vote at a meeting before that day is reported at the vote. Probation is counted
    from the admission ceremony (members.probation_months).
    """
    months = rule_int(cell, "members.probation_months")
    hint = _("probation lasts {months} months from the admission ceremony; the cell votes on "
             "confirmation after it ends ({source})", months=months,
             source=rule_source(cell, "members.probation_months"))
    for member in cell.members:
        for index, day in _events(member, EventKind.confirmed):
            start = _probation_start(member, day)
            if start is not None and day < add_months(start, months):
                yield finding(cell.locate(member, "history", index, "date"),
                              _("'{id}' is confirmed on {date}, before {months} months of "
                                "probation from {start} end on {due}",
                                **_dates(member, day, months, start)), hint)
    for meeting, i, member in _member_votes(cell, MemberVoteKind.confirmation):
        start = _probation_start(member, meeting.date)
        if start is not None and meeting.date < add_months(start, months):
            yield finding(cell.locate(meeting, "member_votes", i, "member"),
                          _("'{id}' is voted on for confirmation on {date}, before {months} "
                            "months of probation from {start} end on {due}",
                            **_dates(member, meeting.date, months, start)), hint)


def _dates(member: Member, day: dt.date, months: int, start: dt.date) -> dict[str, object]:
    return {"id": member.id, "date": day, "months": months, "start": start,
            "due": add_months(start, months)}


@check("V055", "admission-vote-age", needs_roster=True)
def admission_vote_age(cell: Cell) -> Iterator[Diagnostic]:
    """A candidate is of admission age (18 to 60) on the day the cell votes on the admission.

    The limits are the rules members.min_admission_age and candidates.max_age.

    Passes: born 2007-03-26, admission vote on 2025-03-26 (18 that day); born 1965-05-01, vote
    on 2025-05-01 (60 that day).
    Fails: born 2007-09-01, vote on 2025-08-05 → ``V055 'vu-thi-mai' is 17 on 2025-08-05, when the
    cell votes on the admission: below the minimum age of 18`` (an error); born 1965-05-01, vote
    on 2025-05-02 → ``V055 warning: 'vu-thi-mai' is past 60 …: an exception needs the superior
    committee's approval``. The age is judged when the cell considers the case, not only at the
    ceremony (V053). A member still listed in candidates.yaml is judged there (V100).
    """
    least, most = rule_int(cell, "members.min_admission_age"), rule_int(cell, "candidates.max_age")
    for meeting, i, member in _member_votes(cell, MemberVoteKind.admission):
        day, where = meeting.date, cell.locate(meeting, "member_votes", i, "member")
        age = age_on(member.born, day)
        if member.born < day and age < least:
            yield finding(where, _("'{id}' is {age} on {date}, when the cell votes on the "
                                   "admission: below the minimum age of {minimum}", id=member.id,
                                   age=age, date=day, minimum=least),
                          _("check 'born' in members.yaml and the meeting's date ({source})",
                            source=rule_source(cell, "members.min_admission_age")))
        elif day > add_months(member.born, 12 * most):
            yield finding(where, _("'{id}' is past {maximum} on {date}, when the cell votes on "
                                   "the admission (born {born})", id=member.id, maximum=most,
                                   date=day, born=member.born),
                          _("an exception needs the superior committee's approval; note its "
                            "decision in the history ({source})",
                            source=rule_source(cell, "candidates.max_age")),
                          Severity.WARNING)


@check("V056", "admitted-before-vote", needs_roster=True)
def admitted_before_vote(cell: Cell) -> Iterator[Diagnostic]:
    """A member voted on for admission is admitted (the ceremony) on or after the cell's vote.

    Passes: admission vote at the meeting of 2025-08-05, ``admitted`` on 2025-10-10.
    Fails: ``admitted`` on 2025-07-20 and no later admission → ``V056 'vu-thi-mai' is admitted on
    2025-07-20, before the cell's admission vote at 2025-08-05-regular`` at the ``admitted``
    event. The admission date is the ceremony, held after the superior committee's decision. A
    member still listed in candidates.yaml is judged there (V104).
    """
    for meeting, _i, member in _member_votes(cell, MemberVoteKind.admission):
        admissions = _events(member, EventKind.admitted)
        if not admissions or any(day >= meeting.date for _index, day in admissions):
            continue
        index, day = admissions[-1]
        yield finding(cell.locate(member, "history", index, "date"),
                      _("'{id}' is admitted on {date}, before the cell's admission vote at "
                        "{meeting}", id=member.id, date=day, meeting=meeting.id),
                      _("the admission date is the ceremony, after the vote and the superior "
                        "committee's decision; check both dates ({source})",
                        source=rule_source(cell, "votes.admission_at_least")))
