"""Checks: votes — who may vote, how many did, and whether the count carries the decision."""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction
from typing import Iterator, Optional

from ...base.diagnostics import Diagnostic, Location
from ...base.i18n import _
from ...records.loader import Cell
from ...records.models import (
    Located,
    Meeting,
    MemberVote,
    MemberVoteKind,
    ResolutionStatus,
    Vote,
)
from ..roster import Attendance
from ._support import attendance_at, meeting_of, rule_fraction, rule_source, show_fraction, symbol
from .spec import check, finding

PathPart = tuple[str | int, ...]


def _cast_votes(cell: Cell) -> Iterator[tuple[Located, PathPart, Vote, Meeting]]:
    """Every recorded vote with the meeting it was cast at."""
    for meeting in cell.meetings:
        if meeting.vote is not None:
            yield meeting, ("vote",), meeting.vote, meeting
        for i, member_vote in enumerate(meeting.member_votes):
            yield meeting, ("member_votes", i), member_vote, meeting
    for resolution in cell.resolutions:
        held_at = meeting_of(cell, resolution)
        if resolution.vote is not None and held_at is not None:
            yield resolution, ("vote",), resolution.vote, held_at


def _total(vote: Vote) -> int:
    return vote.for_ + vote.against + vote.other


@check("V020", "probationary-voters", counts_roster=True)
def probationary_voters(cell: Cell) -> Iterator[Diagnostic]:
    """Only full members vote: the votes cast do not exceed the full members present.

    Passes: 3 full and 1 probationary member present, ``vote: {for: 3}``.
    Fails: the same meeting with ``vote: {for: 4}`` → ``V020 4 votes cast but only 3 full members
    were present; probationary members do not vote``.
    When votes exceed everyone present, V021 reports it instead. Not checked while an entry of
    members.yaml fails to load: the counts would be short.
    """
    for record, path, vote, meeting in _cast_votes(cell):
        counts = attendance_at(cell, meeting)
        if counts.present_full < _total(vote) <= counts.present:
            yield finding(cell.locate(record, *path),
                          _("{cast} votes cast but only {full} full members were present; "
                            "probationary members do not vote", cast=_total(vote),
                            full=counts.present_full),
                          _("count only full members' votes (Điều lệ Đảng, Điều 3)"))


@check("V021", "votes-exceed-present", counts_roster=True)
def votes_exceed_present(cell: Cell) -> Iterator[Diagnostic]:
    """The votes cast (for + against + other) do not exceed the members present.

    Passes: 4 members present, ``vote: {for: 3, against: 1}``.
    Fails: 4 present, ``vote: {for: 5}`` → ``V021 5 votes cast but only 4 members were
    present``. Not checked while an entry of members.yaml fails to load: the counts would be short.
    """
    for record, path, vote, meeting in _cast_votes(cell):
        counts = attendance_at(cell, meeting)
        if _total(vote) > counts.present:
            yield finding(cell.locate(record, *path),
                          _("{cast} votes cast but only {present} members were present",
                            cast=_total(vote), present=counts.present),
                          _("check the counts and the list of absentees of {meeting}",
                            meeting=meeting.id))


def _majority_cases(cell: Cell) -> Iterator[tuple[str, Location, Optional[Vote], Meeting]]:
    """(who, where, vote, meeting) for adopted resolutions and for meeting votes without one."""
    decided = set()
    for resolution in cell.resolutions:
        meeting = meeting_of(cell, resolution)
        if resolution.status is not ResolutionStatus.adopted or meeting is None:
            continue
        decided.add(meeting.id)
        own = resolution.vote is not None
        vote = resolution.vote if own else meeting.vote
        where = cell.locate(resolution, "vote", "for") if own else (
            cell.locate(meeting, "vote", "for") if vote else cell.locate(resolution, "status"))
        yield _("resolution {symbol}", symbol=symbol(cell, resolution)), where, vote, meeting
    for meeting in cell.meetings:
        if meeting.vote is not None and meeting.id not in decided:
            yield (_("the vote of meeting {id}", id=meeting.id),
                   cell.locate(meeting, "vote", "for"), meeting.vote, meeting)


@check("V022", "resolution-majority", counts_roster=True)
def resolution_majority(cell: Cell) -> Iterator[Diagnostic]:
    """An adopted resolution (or a meeting's vote) has more than half of the vote denominator.

    Passes: denominator 4 (full members present plus those absent without reason), ``for: 3``.
    Fails: denominator 20, ``for: 9`` → ``V022 resolution 05-NQ/CB has 9 for of 20 in the
    denominator (needs more than 10)``. The denominator is not "those present": it is full
    members called minus the away, the exempted who did not come, the suspended and the excused.
    An adopted resolution with no vote recorded (on it or on its meeting) fails too. Not checked
    while an entry of members.yaml fails to load: the counts would be short.
    """
    for who, where, vote, meeting in _majority_cases(cell):
        hint = _("the denominator is full members called minus exempt-and-absent, away, "
                 "suspended and excused ({source})",
                 source=rule_source(cell, "votes.pass_more_than", meeting.date))
        if vote is None:
            yield finding(where, _("{who} is adopted but no vote is recorded", who=who),
                          _("write 'vote: {for: …, against: …}' in the resolution or its "
                            "meeting"))
            continue
        verdict = majority_verdict(cell, meeting, vote)
        if not verdict.passed:
            yield finding(where, _("{who} has {count} for of {denominator} in the denominator "
                                   "({needs})", who=who, count=vote.for_,
                                   denominator=verdict.denominator, needs=verdict.needs), hint)


@dataclass(frozen=True)
class Verdict:
    """Whether a vote carries, by the rule V022 or V023 applies (the form shows it live)."""

    count: int        # votes for
    denominator: int  # V022: full members present + absent without reason; V023: see roster
    needs: str        # "needs more than 10", "needs at least 13"
    passed: bool


def majority_verdict(cell: Cell, meeting: Meeting, vote: Vote) -> Verdict:
    """The vote on a meeting's conclusion or resolution: more than ``votes.pass_more_than`` of
    the vote denominator, by the rules in force on the meeting's day."""
    denominator = attendance_at(cell, meeting).vote_denominator
    bar = rule_fraction(cell, "votes.pass_more_than", meeting.date) * denominator
    return Verdict(vote.for_, denominator, _needs_more_than(bar), Fraction(vote.for_) > bar)


def admission_verdict(cell: Cell, meeting: Meeting, member_vote: MemberVote) -> Verdict:
    """An admission or confirmation vote: at least ``votes.admission_at_least`` of the full
    members of the cell (minus the away, the absent exempted and the suspended)."""
    denominator = attendance_at(cell, meeting).admission_denominator
    needed = math.ceil(rule_fraction(cell, "votes.admission_at_least", meeting.date) * denominator)
    return Verdict(member_vote.for_, denominator, _("needs at least {count}", count=needed),
                   member_vote.for_ >= needed)


def _needs_more_than(bar: Fraction) -> str:
    if bar.denominator == 1:
        return _("needs more than {bar}", bar=bar.numerator)
    return _("needs at least {count}", count=math.floor(bar) + 1)


def _admission_finding(cell: Cell, meeting: Meeting, index: int, counts: Attendance
                       ) -> Iterator[Diagnostic]:
    member_vote = meeting.member_votes[index]
    share = rule_fraction(cell, "votes.admission_at_least", meeting.date)
    needed = math.ceil(share * counts.admission_denominator)
    if not admission_verdict(cell, meeting, member_vote).passed:
        what = (_("admission") if member_vote.subject is MemberVoteKind.admission
                else _("confirmation"))
        yield finding(cell.locate(meeting, "member_votes", index, "for"),
                      _("{what} of '{id}' has {count} for of {denominator} full members "
                        "(needs at least {needed}, {share})", what=what, id=member_vote.member,
                        count=member_vote.for_, denominator=counts.admission_denominator,
                        needed=needed, share=show_fraction(share)),
                      _("{share} of all full members of the cell, not of those present, minus the "
                        "away, the exempted who did not come and the suspended ({source})",
                        share=show_fraction(share),
                        source=rule_source(cell, "votes.admission_at_least", meeting.date)))


@check("V023", "admission-two-thirds", counts_roster=True)
def admission_two_thirds(cell: Cell) -> Iterator[Diagnostic]:
    """Admission and confirmation votes reach two thirds of all full members of the cell.

    Passes: 6 full members in the cell, ``member_votes: [{subject: admission, member: ...,
    for: 4}]``.
    Fails: the same with ``for: 3`` → ``V023 admission of 'ngo-thi-thu' has 3 for of 6 full
    members (needs at least 4, 2/3)``. Not checked while an entry of members.yaml fails to load:
    the counts would be short.
    """
    targets = {MemberVoteKind.admission, MemberVoteKind.confirmation}
    for meeting in cell.meetings:
        if not any(v.subject in targets for v in meeting.member_votes):
            continue
        counts = attendance_at(cell, meeting)
        for i, member_vote in enumerate(meeting.member_votes):
            if member_vote.subject in targets:
                yield from _admission_finding(cell, meeting, i, counts)
