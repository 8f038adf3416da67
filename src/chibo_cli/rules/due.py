"""``chibo due``: what falls due for a cell — probation ending, confirmation votes, certificates
expiring, ceremonies, tasks, the month's planned thematic topic, the year-end review and the month's
regular meeting — each with the date it is due, sorted by date.

Everything is judged on one day (``today``, given by the caller so that results can be tested)
and looks ``days`` ahead. Probation alerts follow the rulebook's days (90/60/30/15/7 by default),
whatever ``days`` is: those are the reminders secretaries are used to.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterator

from ..base.i18n import _
from ..records.loader import Cell
from ..records.models import MeetingKind, PlannedTopic, TaskStatus
from .checks._support import add_months, normal_text, rule_int
from .roster import admitted_on, standing
from .yearly import candidate_vote_meeting, ceremony_date, years_later


@dataclass(frozen=True)
class DueItem:
    day: dt.date
    cell: str
    what: str
    kind: str  # probation, confirmation, certificate, ceremony, task, thematic, rating, meeting

    def sort_key(self) -> tuple[dt.date, str, str]:
        return self.day, self.cell, self.what


def due_items(cells: list[Cell], today: dt.date, days: int) -> list[DueItem]:
    """Everything due in ``cells`` up to ``days`` after ``today`` (and what is overdue)."""
    horizon = today + dt.timedelta(days=days)
    found: list[DueItem] = []
    for cell in cells:
        for finder in (_probation, _candidates, _tasks, _thematic, _rating, _regular_meeting):
            found.extend(finder(cell, today, horizon))
    return sorted(found, key=DueItem.sort_key)


def _item(cell: Cell, day: dt.date, what: str, kind: str) -> DueItem:
    return DueItem(day, cell.name, what, kind)


def _probation(cell: Cell, today: dt.date, horizon: dt.date) -> Iterator[DueItem]:
    months = rule_int(cell, "members.probation_months")
    alerts = sorted(int(day) for day in cell.rules["due.probation_alert_days"])
    for member in cell.members:
        admitted = admitted_on(member)
        if admitted is None or not standing(member, today).probationary:
            continue
        end = add_months(admitted, months)
        left = (end - today).days
        if left < 0:
            yield _item(cell, end, _("{name}: probation ended on {day}; hold the confirmation "
                                     "vote", name=member.name, day=end.isoformat()),
                        "confirmation")
        elif end <= horizon or (alerts and left <= alerts[-1]):
            alert = min((a for a in alerts if a >= left), default=left)
            yield _item(cell, end, _("{name}: probation ends in {left} days ({alert}-day "
                                     "alert); prepare the confirmation vote", name=member.name,
                                     left=left, alert=alert), "probation")


def _candidates(cell: Cell, today: dt.date, horizon: dt.date) -> Iterator[DueItem]:
    years = rule_int(cell, "candidates.certificate_valid_years")
    for candidate in cell.candidates:
        if ceremony_date(cell, candidate) is not None:
            continue
        if candidate.decision is not None:
            yield _item(cell, candidate.decision.date,
                        _("{name}: admitted by the superior's decision; hold the ceremony and "
                          "run 'chibo candidate admit {id}'", name=candidate.name,
                          id=candidate.id), "ceremony")
            continue
        if candidate.course is None or candidate_vote_meeting(cell, candidate) is not None:
            continue
        expires = years_later(candidate.course.certificate_date, years)
        if expires <= horizon:
            yield _item(cell, expires, _("{name}: the course certificate expires on {day}; the "
                                         "cell must vote before then", name=candidate.name,
                                         day=expires.isoformat()), "certificate")


def _task_states(cell: Cell) -> dict[str, TaskStatus]:
    """Each task reference with its latest reviewed status (not reviewed: not done)."""
    states: dict[str, TaskStatus] = {}
    for meeting in cell.meetings:
        for review in meeting.review:
            states[review.task] = review.status
    return states


def _tasks(cell: Cell, today: dt.date, horizon: dt.date) -> Iterator[DueItem]:
    states = _task_states(cell)
    for meeting in cell.meetings:
        for number, task in enumerate(meeting.tasks, start=1):
            ref = f"{meeting.id}#{number}"
            if task.due is None or task.due > horizon or states.get(ref) is TaskStatus.done:
                continue
            owner = cell.member(task.owner) if task.owner else None
            who = owner.name if owner else (task.owner or _("no owner"))
            yield _item(cell, task.due, _("task {ref} ({who}): {what}", ref=ref, who=who,
                                          what=task.what), "task")


def _period_end(year: int, item: PlannedTopic) -> dt.date:
    last_month = item.month or 3 * item.period_quarter
    return add_months(dt.date(year, last_month, 1), 1) - dt.timedelta(days=1)


def _thematic(cell: Cell, today: dt.date, horizon: dt.date) -> Iterator[DueItem]:
    held = {normal_text(m.topic) for m in cell.meetings
            if m.kind is MeetingKind.thematic and m.topic and m.date.year == today.year}
    quarter = (today.month - 1) // 3 + 1
    for plan in cell.plans:
        if plan.year != today.year:
            continue
        for item in plan.thematic:
            this_period = item.month == today.month if item.month else (
                item.period_quarter == quarter)
            if this_period and normal_text(item.topic) not in held:
                yield _item(cell, _period_end(plan.year, item),
                            _("planned thematic meeting: {topic}", topic=item.topic), "thematic")


def _rating(cell: Cell, today: dt.date, horizon: dt.date) -> Iterator[DueItem]:
    month = rule_int(cell, "ratings.review_month")
    start = dt.date(today.year, month, 1)
    if horizon < start:
        return
    held = any(r.year == today.year and r.meeting for r in cell.ratings)
    if not held:
        yield _item(cell, dt.date(today.year, 12, 31),
                    _("the year-end review and rating of {year} is not held yet; 'chibo "
                      "new-rating --year {year}' starts it", year=today.year), "rating")


def _regular_meeting(cell: Cell, today: dt.date, horizon: dt.date) -> Iterator[DueItem]:
    if any(m.kind is MeetingKind.regular and (m.date.year, m.date.month) ==
           (today.year, today.month) for m in cell.meetings):
        return
    end = add_months(dt.date(today.year, today.month, 1), 1) - dt.timedelta(days=1)
    yield _item(cell, end, _("the regular meeting of {month:02d}/{year} is not held yet",
                             month=today.month, year=today.year), "meeting")
