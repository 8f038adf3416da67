"""Who was what on a given date, and the counts a meeting's minutes and votes depend on.

Status is replayed from each member's dated history, so a 2024 meeting keeps its 2024 counts after
a 2025 change.

An event dated on a meeting's day is already in force at that meeting (a member transferred in
that morning attends it), with one exception: what the meeting itself decides about a member
comes after its vote, so it is not in force during the meeting. At a meeting that votes on
``member_votes`` for a member,

- an ``admitted`` event on that day does not count for the subject of an admission vote (the
  candidate is not yet a member: not in the totals, not required, not absent);
- a ``confirmed`` event on that day does not count for the subject of a confirmation vote, and
  whatever the history says, that subject is never a full member at it: she is probationary, does
  not vote and is outside her own vote's denominator;
- an ``exempted`` event on that day does not count for the subject of an exemption vote (she is
  still required to attend the meeting that exempts her).

``meeting_standing`` and ``meeting_states`` apply this; every count of a meeting (checks, minutes)
goes through them. ``standing`` is the plain status on a day, for lists and reports.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, replace
from typing import Iterable, Mapping, Optional

from ..records.models import Category, EventKind, Meeting, Member, MemberVoteKind

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


# The event that carries out each kind of member vote: not in force at the meeting that votes it.
_DECIDED_BY = {MemberVoteKind.admission: EventKind.admitted,
               MemberVoteKind.confirmation: EventKind.confirmed,
               MemberVoteKind.exemption: EventKind.exempted}
_NEVER_FULL = {MemberVoteKind.admission, MemberVoteKind.confirmation}


def standing(member: Member, on: dt.date,
             pending: frozenset[EventKind] = frozenset()) -> Standing:
    """The member's status on ``on``: every event dated on or before it applied, except the
    ``pending`` kinds dated on that very day (decisions of a meeting held that day)."""
    state: dict[str, object] = {}
    for event in member.history:
        if event.date > on:
            break
        if event.date == on and event.event in pending:
            continue
        _apply(state, event.event, event.category)
    return Standing(**state)  # type: ignore[arg-type]


def voted_on(meeting: Meeting) -> dict[str, set[MemberVoteKind]]:
    """Member id → the kinds of member vote ``meeting`` takes about them."""
    found: dict[str, set[MemberVoteKind]] = {}
    for vote in meeting.member_votes:
        found.setdefault(vote.member, set()).add(vote.subject)
    return found


def meeting_standing(member: Member, meeting: Meeting) -> Standing:
    """The member's status during ``meeting``: as on its date, but what the meeting decides about
    the member is not yet in force (see the module's docstring)."""
    return _during(member, meeting.date, voted_on(meeting).get(member.id, set()))


def meeting_states(meeting: Meeting, members: Iterable[Member]) -> dict[str, Standing]:
    """Member id → status during ``meeting``."""
    subjects = voted_on(meeting)
    return {m.id: _during(m, meeting.date, subjects.get(m.id, set())) for m in members}


def _during(member: Member, day: dt.date, subjects: set[MemberVoteKind]) -> Standing:
    if not subjects:
        return standing(member, day)
    state = standing(member, day, frozenset(_DECIDED_BY[s] for s in subjects))
    if state.full and subjects & _NEVER_FULL:
        return replace(state, category=Category.probationary)
    return state


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


# Short ways of writing "no reason" (after an optional "vắng"), compared without diacritics; the
# absence is unexcused whatever the field holds. "không (có|rõ) lý do …" is matched as a prefix.
_NO_REASON_WORDS = re.compile(r"(khong|chua) (xin )?phep|khong bao( cao)?|kld|kp")


def plain_words(text: str) -> str:
    """Lower case, no diacritics (``đ`` → ``d``), words separated by single spaces."""
    decomposed = unicodedata.normalize("NFD", text.casefold().replace("đ", "d"))
    letters = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^a-z0-9]+", " ", letters).split())


def says_no_reason(reason: Optional[str]) -> bool:
    """The reason written says there was none: ``Không lý do``, ``không có lý do``, ``vắng không
    phép``, ``Khong ly do``…"""
    words = plain_words(reason or "").removeprefix("vang ")
    if re.fullmatch(r"khong (co |ro )?ly do( .*)?", words):
        return True
    return _NO_REASON_WORDS.fullmatch(words) is not None


def excused(reason: Optional[str]) -> bool:
    """An absence is excused when a reason is written and it does not say there was none."""
    return bool(reason and reason.strip()) and not says_no_reason(reason)


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
    states = meeting_states(meeting, members)
    ours = {mid: s for mid, s in states.items() if s.in_cell}
    required = {mid for mid, s in ours.items() if s.required}
    # Only members who had to attend can be absent: listing an exempt or away member (V015) must
    # not inflate the unexcused count, the vote denominator or ``required_present``.
    absent = {a.member: excused(a.reason) for a in meeting.absent if a.member in required}
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
