"""Who was what on a given date, and the counts a meeting's minutes and votes depend on.

Status is replayed from each member's dated history, so a 2024 meeting keeps its 2024 counts after
a 2025 change. Events dated on the meeting's day count as already in force.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterable, Mapping

from ..records.models import Category, EventKind, Meeting, Member

_LEAVES = {EventKind.transferred_out, EventKind.removed, EventKind.died}
_FLAGS = {
    EventKind.exempted: ("exempted", True), EventKind.resumed: ("exempted", False),
    EventKind.away: ("away", True), EventKind.back: ("away", False),
    EventKind.suspended: ("suspended", True), EventKind.reinstated: ("suspended", False),
    EventKind.attached: ("attached", True), EventKind.detached: ("attached", False),
}


@dataclass(frozen=True)
class Standing:
    """A member's status on one date."""

    in_cell: bool = False
    category: Category | None = None
    exempted: bool = False
    away: bool = False
    suspended: bool = False
    attached: bool = False  # from another cell, temporarily active here

    @property
    def full(self) -> bool:
        return self.in_cell and self.category is Category.full

    @property
    def probationary(self) -> bool:
        return self.in_cell and self.category is Category.probationary

    @property
    def required(self) -> bool:
        """Must attend this cell's meetings."""
        return self.in_cell and not (self.exempted or self.away or self.suspended)


def standing(member: Member, on: dt.date) -> Standing:
    state: dict[str, object] = {}
    for event in member.history:
        if event.date > on:
            break
        _apply(state, event.event, event.category)
    return Standing(**state)  # type: ignore[arg-type]


def _apply(state: dict[str, object], kind: EventKind, category: Category | None) -> None:
    if kind is EventKind.admitted:
        state.update(in_cell=True, category=Category.probationary)
    elif kind is EventKind.confirmed:
        state["category"] = Category.full
    elif kind is EventKind.transferred_in:
        state.update(in_cell=True, category=category or Category.full, attached=False)
    elif kind in _LEAVES:
        state.clear()
    elif kind in _FLAGS:
        name, value = _FLAGS[kind]
        state[name] = value
        if kind is EventKind.attached:
            state["category"] = category or Category.full


def admitted_on(member: Member) -> dt.date | None:
    """The date of the latest admission (start of probation), if any."""
    dates = [e.date for e in member.history if e.event is EventKind.admitted]
    return dates[-1] if dates else None


@dataclass(frozen=True)
class Attendance:
    """Counts for one meeting, from the roster on its date."""

    total: int                  # members of the cell (full + probationary)
    full: int
    probationary: int
    exempted: int
    away: int
    suspended: int
    attached: int               # from other cells, temporarily here
    required: int               # must attend: total minus exempted, away, suspended
    present: int                # our members present (required present + exempted who came)
    present_full: int
    absent_excused: int
    absent_unexcused: int
    absent_full_excused: int
    absent_full_unexcused: int
    vote_denominator: int       # full members called minus away, absent exempt, excused, suspended
    admission_denominator: int  # full members minus away, absent exempt, suspended

    @property
    def absent(self) -> int:
        return self.absent_excused + self.absent_unexcused

    @property
    def required_present(self) -> int:
        return self.required - self.absent


def came_anyway(meeting: Meeting, states: Mapping[str, Standing]) -> list[str]:
    """Members of the cell who did not have to attend (exempted, away, suspended) but came,
    in the order ``also_present`` lists them; ``states`` maps member ids to their standing."""
    found = [mid for mid in meeting.also_present
             if mid in states and states[mid].in_cell and not states[mid].required]
    return list(dict.fromkeys(found))


def attendance(meeting: Meeting, members: Iterable[Member]) -> Attendance:
    states = {m.id: standing(m, meeting.date) for m in members}
    ours = {mid: s for mid, s in states.items() if s.in_cell}
    required = {mid for mid, s in ours.items() if s.required}
    # Only members who had to attend can be absent: listing an exempt or away member (V015) must
    # not inflate the unexcused count, the vote denominator or ``required_present``.
    absent = {a.member: bool(a.reason) for a in meeting.absent if a.member in required}
    came = set(came_anyway(meeting, ours))
    present = (required - set(absent)) | came
    full_present = sum(ours[mid].full for mid in present)
    full_absent = [(mid, excused) for mid, excused in absent.items() if ours[mid].full]
    full_unexcused = sum(1 for _mid, excused in full_absent if not excused)
    exempt_or_away_absent = sum(1 for mid, s in ours.items() if s.full and not s.required
                                and not s.suspended and mid not in came)
    full_total = sum(s.full and not s.suspended for s in ours.values())
    return Attendance(
        total=len(ours),
        full=sum(s.full for s in ours.values()),
        probationary=sum(s.probationary for s in ours.values()),
        exempted=sum(s.exempted for s in ours.values()),
        away=sum(s.away for s in ours.values()),
        suspended=sum(s.suspended for s in ours.values()),
        attached=sum(s.attached and not s.in_cell for s in states.values()),
        required=len(required),
        present=len(present),
        present_full=full_present,
        absent_excused=sum(absent.values()),
        absent_unexcused=sum(not excused for excused in absent.values()),
        absent_full_excused=len(full_absent) - full_unexcused,
        absent_full_unexcused=full_unexcused,
        vote_denominator=full_present + full_unexcused,
        admission_denominator=full_total - exempt_or_away_absent,
    )
