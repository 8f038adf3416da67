"""Checks: the year-end review and rating (ratings/YYYY.yaml; Quy định 366-QĐ/TW, Hướng dẫn
43-HD/BTCTW) — everyone rated once, on the rulebook's scale, within the caps, at a real meeting."""

from __future__ import annotations

import math
from collections import Counter
from typing import Iterator

from ...base.diagnostics import Diagnostic, Severity
from ...base.i18n import _
from ...records.loader import Cell
from ...records.models import Rating
from ..yearly import level_rank, members_to_rate, rating_day, rating_levels, review_meeting
from ._support import attendance_at, rule_source, show_fraction
from .spec import check, finding


@check("V090", "rating-members", needs_roster=True)
def rating_members(cell: Cell) -> Iterator[Diagnostic]:
    """Every member required to be rated is rated exactly once, and no one else.

    Passes: ``ratings/2025.yaml`` lists each member of the cell on the review day once, the
    probationary ones too, with a ``proposed_level`` once the review meeting is named.
    Fails: ``le-thi-hoa`` left out → ``V090 'le-thi-hoa' is not rated in 2025``; listed twice →
    ``V090 'le-thi-hoa' is rated twice``; an exempted member listed → ``V090 'pham-van-loc' is not
    to be rated on 2025-12-09 (exempted, away from the cell, or not a member)``; ``meeting:``
    named and no ``proposed_level`` → ``V090 'le-thi-hoa' has no proposed level``. The roster is
    read on the review meeting's day, else on 31 December.
    """
    for rating in cell.ratings:
        yield from _rated_once(cell, rating)


def _rated_once(cell: Cell, rating: Rating) -> Iterator[Diagnostic]:
    day = rating_day(cell, rating)
    required = {member.id for member in members_to_rate(cell, day)}
    seen: Counter[str] = Counter()
    for index, entry in enumerate(rating.members):
        seen[entry.member] += 1
        where = cell.locate(rating, "members", index, "member")
        if seen[entry.member] == 2:
            yield finding(where, _("'{id}' is rated twice", id=entry.member),
                          _("keep one entry per member"))
        elif entry.member not in required and cell.member(entry.member) is not None:
            yield finding(where, _("'{id}' is not to be rated on {day} (exempted, away from the "
                                   "cell, or not a member)", id=entry.member, day=day.isoformat()),
                          _("remove the entry; exempted members and those who left are not "
                            "rated by the cell"))
        elif rating.meeting and entry.proposed_level is None:
            yield finding(where, _("'{id}' has no proposed level", id=entry.member),
                          _("write the level the cell proposes under 'proposed_level:'"))
    for member_id in sorted(required - set(seen)):
        yield finding(cell.locate(rating, "members"),
                      _("'{id}' is not rated in {year}", id=member_id, year=rating.year),
                      _("add an entry for every member of the cell, probationary members too "
                        "('chibo new-rating' lists them)"))


@check("V091", "rating-level")
def rating_level(cell: Cell) -> Iterator[Diagnostic]:
    """Every level written is one of the rulebook's scale (ratings.levels).

    Passes: ``proposed_level: good`` (excellent, good, done, not_done).
    Fails: ``proposed_level: very_good`` → ``V091 'very_good' is not a rating level (excellent,
    good, done, not_done)``. The collective's ``self_level`` is checked the same way.
    """
    keys = ", ".join(rating_levels(cell))
    hint = _("the levels are in the rulebook ({source})",
             source=rule_source(cell, "ratings.levels"))
    for rating in cell.ratings:
        places: list[tuple[tuple[str | int, ...], str | None]] = [
            (("collective", "self_level"), rating.collective.self_level)]
        for index, entry in enumerate(rating.members):
            places.append((("members", index, "self_level"), entry.self_level))
            places.append((("members", index, "proposed_level"), entry.proposed_level))
        for path, level in places:
            if level is not None and level_rank(cell, level) is None:
                yield finding(cell.locate(rating, *path),
                              _("'{level}' is not a rating level ({keys})", level=level,
                                keys=keys), hint)


@check("V092", "rating-excellent-cap", Severity.WARNING)
def rating_excellent_cap(cell: Cell) -> Iterator[Diagnostic]:
    """Members proposed "excellent" are at most ratings.excellent_cap_of_good of those "good".

    Passes: 10 proposed ``good`` and 2 ``excellent`` (cap 1/5 of 10 = 2).
    Fails: 10 ``good`` and 3 ``excellent`` → ``V092 3 members proposed 'excellent' in 2025, more
    than 1/5 of the 10 proposed 'good' (at most 2)``. The cap's source is unconfirmed under Quy
    định 366-QĐ/TW: a committee sets it under ``rules:``.
    """
    share = cell.rules.fraction("ratings.excellent_cap_of_good")
    for rating in cell.ratings:
        counts = Counter(entry.proposed_level for entry in rating.members)
        allowed = math.floor(share * counts["good"])
        if counts["excellent"] > allowed:
            yield finding(cell.locate(rating, "members"),
                          _("{count} members proposed 'excellent' in {year}, more than {share} "
                            "of the {good} proposed 'good' (at most {allowed})",
                            count=counts["excellent"], year=rating.year,
                            share=show_fraction(share), good=counts["good"], allowed=allowed),
                          _("the cap is a rule of the rulebook ({source})",
                            source=rule_source(cell, "ratings.excellent_cap_of_good")))


@check("V093", "rating-disciplined")
def rating_disciplined(cell: Cell) -> Iterator[Diagnostic]:
    """A member disciplined in the year is proposed no higher than ratings.disciplined_max_level.

    Passes: ``disciplined: true`` with ``proposed_level: done``.
    Fails: ``disciplined: true`` with ``proposed_level: good`` → ``V093 'do-van-minh' was
    disciplined in 2025 and cannot be proposed above 'done'``.
    """
    ceiling = str(cell.rules["ratings.disciplined_max_level"])
    top = level_rank(cell, ceiling)
    for rating in cell.ratings:
        for index, entry in enumerate(rating.members):
            rank = level_rank(cell, entry.proposed_level or "")
            if entry.disciplined and top is not None and rank is not None and rank < top:
                yield finding(cell.locate(rating, "members", index, "proposed_level"),
                              _("'{id}' was disciplined in {year} and cannot be proposed above "
                                "'{level}'", id=entry.member, year=rating.year, level=ceiling),
                              _("the ceiling is a rule of the rulebook ({source})",
                                source=rule_source(cell, "ratings.disciplined_max_level")))


@check("V094", "rating-meeting", counts_roster=True)
def rating_meeting(cell: Cell) -> Iterator[Diagnostic]:
    """The review meeting exists, and no vote on a member has more votes than full members present.

    Passes: ``meeting: 2025-12-09-regular`` (that file exists), votes ``{for: 19}`` with 19 full
    members present.
    Fails: ``meeting: 2025-12-10-regular`` (no such file) → ``V094 the review names meeting
    '2025-12-10-regular', which does not exist``; a vote ``{for: 21}`` with 19 full members
    present → ``V094 the vote on 'le-thi-hoa' counts 21, more than the 19 full members present``.
    No meeting named yet is a warning: the review has not been held. The file name must be the
    year it holds.
    """
    for rating in cell.ratings:
        if rating.id and rating.id != str(rating.year):
            yield finding(cell.locate(rating, "year"),
                          _("{file} holds the year {year}", file=f"{rating.id}.yaml",
                            year=rating.year), _("name the file after the year: {year}.yaml",
                                                 year=rating.year))
        yield from _meeting_findings(cell, rating)


def _meeting_findings(cell: Cell, rating: Rating) -> Iterator[Diagnostic]:
    if not rating.meeting:
        yield finding(cell.locate(rating, "year"),
                      _("the review of {year} names no meeting", year=rating.year),
                      _("write 'meeting:' with the id of the meeting that held the review"),
                      Severity.WARNING)
        return
    meeting = review_meeting(cell, rating)
    if meeting is None:
        if rating.meeting not in cell.broken_ids:
            yield finding(cell.locate(rating, "meeting"),
                          _("the review names meeting '{id}', which does not exist",
                            id=rating.meeting),
                          _("write the name of the meeting's file without .yaml"))
        return
    present = attendance_at(cell, meeting).present_full
    for index, entry in enumerate(rating.members):
        vote = entry.vote
        if vote is not None and vote.for_ + vote.against + vote.other > present:
            yield finding(cell.locate(rating, "members", index, "vote"),
                          _("the vote on '{id}' counts {count}, more than the {present} full "
                            "members present", id=entry.member,
                            count=vote.for_ + vote.against + vote.other, present=present),
                          _("only full members present vote; probationary members do not"))
