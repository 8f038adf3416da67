"""The year-end rating and party development, as the checks, scaffolds, documents and ``chibo
due`` all read them: who must be rated, the rating scale, and a candidate's dated stages."""

from __future__ import annotations

import datetime as dt
from typing import Optional

from ..records.loader import Cell
from ..records.models import Candidate, EventKind, Meeting, Member, MemberVoteKind, Rating
from .roster import standing


def rating_levels(cell: Cell) -> dict[str, str]:
    """The rulebook's scale, best first: level key → its Vietnamese name."""
    levels = cell.rules["ratings.levels"]
    return {str(key): str(name) for key, name in dict(levels).items()}


def level_rank(cell: Cell, level: str) -> Optional[int]:
    """0 for the best level; None for a key not on the scale."""
    keys = list(rating_levels(cell))
    return keys.index(level) if level in keys else None


def review_meeting(cell: Cell, rating: Rating) -> Optional[Meeting]:
    return cell.meeting(rating.meeting) if rating.meeting else None


def rating_day(cell: Cell, rating: Rating) -> dt.date:
    """The day the roster is read for a rating: the review meeting's, else the year's last."""
    meeting = review_meeting(cell, rating)
    return meeting.date if meeting else dt.date(rating.year, 12, 31)


def to_be_rated(member: Member, day: dt.date) -> bool:
    """Members of the cell are rated, probationary ones too; the exempted are not, nor those
    who have left or only attend here temporarily (their own cell rates them)."""
    state = standing(member, day)
    return state.in_cell and not state.exempted


def members_to_rate(cell: Cell, day: dt.date) -> list[Member]:
    return [member for member in cell.members if to_be_rated(member, day)]


# ------------------------------------------------------------------ party development


def candidate_vote_meeting(cell: Cell, candidate: Candidate) -> Optional[Meeting]:
    return cell.meeting(candidate.cell_vote) if candidate.cell_vote else None


def admission_vote_index(meeting: Meeting, candidate_id: str) -> Optional[int]:
    """Where the meeting's ``member_votes`` hold the admission vote on the candidate."""
    for index, vote in enumerate(meeting.member_votes):
        if vote.subject is MemberVoteKind.admission and vote.member == candidate_id:
            return index
    return None


def ceremony_date(cell: Cell, candidate: Candidate) -> Optional[dt.date]:
    """The admission date once the candidate has moved into members.yaml (the ceremony)."""
    member = cell.member(candidate.id)
    if member is None:
        return None
    dates = [e.date for e in member.history if e.event is EventKind.admitted]
    return dates[0] if dates else None


def age_on(born: dt.date, day: dt.date) -> int:
    """Whole years of age on ``day`` (the birthday itself counts)."""
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def years_later(day: dt.date, years: int) -> dt.date:
    """The same day ``years`` later; 29 February becomes 28 February in a common year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)
