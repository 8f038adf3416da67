"""Checks: party development (candidates.yaml; Điều lệ Đảng Điều 4, Hướng dẫn 12-HD/BTCTW) — age,
certificate, introducers, dossier and the order of the candidate's stages."""

from __future__ import annotations

import datetime as dt
from typing import Iterator, Optional

from ...base.diagnostics import Diagnostic
from ...base.i18n import _
from ...records.loader import Cell
from ...records.models import Candidate
from ..roster import standing
from ..yearly import (
    admission_vote_index,
    age_on,
    candidate_vote_meeting,
    ceremony_date,
    years_later,
)
from ._support import add_months, rule_int, rule_source
from .spec import check, finding

PathKey = tuple[str | int, ...]


def _voted(cell: Cell) -> Iterator[tuple[int, Candidate, dt.date]]:
    """Candidates whose cell vote names an existing meeting, with the vote's date."""
    for index, candidate in enumerate(cell.candidates):
        meeting = candidate_vote_meeting(cell, candidate)
        if meeting is not None:
            yield index, candidate, meeting.date


@check("V100", "candidate-age")
def candidate_age(cell: Cell) -> Iterator[Diagnostic]:
    """A candidate is between the minimum admission age and candidates.max_age when the cell votes.

    Passes: born 1996-05-14, the cell votes on 2025-09-09 (29 years old).
    Fails: born 1964-05-14, vote on 2025-09-09 → ``V100 'ngo-van-sau' is 61 on 2025-09-09, the
    day the cell votes; the age allowed is 18 to 60``. Whole years, the birthday counting. Older
    candidates need the superior's approval (Hướng dẫn 12-HD/BTCTW).
    """
    low, high = rule_int(cell, "members.min_admission_age"), rule_int(cell, "candidates.max_age")
    for _index, candidate, day in _voted(cell):
        age = age_on(candidate.born, day)
        over = day > years_later(candidate.born, high) and age >= high
        if age < low or over:
            yield finding(cell.locate(candidate, "born"),
                          _("'{id}' is {age} on {day}, the day the cell votes; the age allowed "
                            "is {low} to {high}", id=candidate.id, age=age, day=day.isoformat(),
                            low=low, high=high),
                          _("check the birth date, or the superior's approval ({source})",
                            source=rule_source(cell, "candidates.max_age")))


@check("V101", "candidate-certificate")
def candidate_certificate(cell: Cell) -> Iterator[Diagnostic]:
    """The course certificate is dated before the cell's vote and is not older than its validity.

    Passes: certificate 2024-04-20, vote 2025-09-09.
    Fails: certificate 2019-06-01, vote 2025-09-09 → ``V101 the certificate of 'tran-minh-quan'
    (2019-06-01) expired on 2024-06-01, before the vote on 2025-09-09``; no ``course:`` at the
    vote → ``V101 'tran-minh-quan' has no course certificate at the vote on 2025-09-09``.
    """
    years = rule_int(cell, "candidates.certificate_valid_years")
    hint = _("the certificate of the course on the Party is valid {years} years ({source})",
             years=years, source=rule_source(cell, "candidates.certificate_valid_years"))
    for _index, candidate, day in _voted(cell):
        if candidate.course is None:
            yield finding(cell.locate(candidate, "cell_vote"),
                          _("'{id}' has no course certificate at the vote on {day}",
                            id=candidate.id, day=day.isoformat()), hint)
            continue
        issued = candidate.course.certificate_date
        expires = years_later(issued, years)
        if issued > day:
            yield finding(cell.locate(candidate, "course", "certificate_date"),
                          _("the certificate of '{id}' ({issued}) is dated after the vote on "
                            "{day}", id=candidate.id, issued=issued.isoformat(),
                            day=day.isoformat()), hint)
        elif expires < day:
            yield finding(cell.locate(candidate, "course", "certificate_date"),
                          _("the certificate of '{id}' ({issued}) expired on {expires}, before "
                            "the vote on {day}", id=candidate.id, issued=issued.isoformat(),
                            expires=expires.isoformat(), day=day.isoformat()), hint)


@check("V102", "candidate-introducers", needs_roster=True)
def candidate_introducers(cell: Cell) -> Iterator[Diagnostic]:
    """Introducers are full members who have known the candidate long enough, enough of them.

    Passes: two introducers, full members on the day assigned, ``known_since`` 12 months or more
    before it; a Youth Union member (``youth_union: true``) needs one.
    Fails: ``known_since: 2025-01-10, assigned: 2025-06-10`` → ``V102 'le-thi-hoa' has known
    'tran-minh-quan' since 2025-01-10, less than 12 months before being assigned on
    2025-06-10``; a probationary introducer → ``V102 'vu-thi-mai' is not a full member of the
    cell on 2025-06-10``; one introducer at the vote → ``V102 'tran-minh-quan' has 1
    introducer(s) at the vote, 2 needed``.
    """
    months = rule_int(cell, "candidates.introducer_known_months")
    for candidate in cell.candidates:
        yield from _introducer_findings(cell, candidate, months)
    for _index, candidate, _day in _voted(cell):
        needed = 1 if candidate.youth_union else rule_int(cell, "candidates.introducers")
        if len(candidate.introducers) < needed:
            yield finding(cell.locate(candidate, "cell_vote"),
                          _("'{id}' has {count} introducer(s) at the vote, {needed} needed",
                            id=candidate.id, count=len(candidate.introducers), needed=needed),
                          _("two full members introduce a candidate, or one and the Youth "
                            "Union's resolution ({source})",
                            source=rule_source(cell, "candidates.introducers")))


def _introducer_findings(cell: Cell, candidate: Candidate, months: int) -> Iterator[Diagnostic]:
    for index, introducer in enumerate(candidate.introducers):
        member = cell.member(introducer.member)
        if member is None:
            continue  # V001 reports the unknown id
        if not standing(member, introducer.assigned).full:
            yield finding(cell.locate(candidate, "introducers", index, "member"),
                          _("'{id}' is not a full member of the cell on {day}",
                            id=introducer.member, day=introducer.assigned.isoformat()),
                          _("introducers are full members of the cell (Điều lệ Đảng, Điều 4)"))
        if add_months(introducer.known_since, months) > introducer.assigned:
            yield finding(cell.locate(candidate, "introducers", index, "known_since"),
                          _("'{id}' has known '{candidate}' since {since}, less than {months} "
                            "months before being assigned on {day}", id=introducer.member,
                            candidate=candidate.id, since=introducer.known_since.isoformat(),
                            months=months, day=introducer.assigned.isoformat()),
                          _("an introducer has worked, studied or lived with the candidate for "
                            "at least {months} months ({source})", months=months,
                            source=rule_source(cell, "candidates.introducer_known_months")))


DOSSIER = ("1-KNĐ", "2-KNĐ", "3-KNĐ", "5-KNĐ")


@check("V103", "candidate-vote")
def candidate_vote(cell: Cell) -> Iterator[Diagnostic]:
    """The cell's vote names a meeting that voted on the candidate, after a complete dossier.

    Passes: ``cell_vote: 2025-09-09-regular`` whose ``member_votes`` hold ``{subject: admission,
    member: tran-minh-quan, for: 20}``, forms 1-, 2-, 3- and 5-KNĐ (and 4-KNĐ for a Youth Union
    member) received and the history verified on or before that day.
    Fails: no such meeting → ``V103 'tran-minh-quan': the vote names meeting '2025-09-10-regular',
    which does not exist``; a meeting without the vote → ``V103 meeting '2025-09-09-regular' holds
    no admission vote on 'tran-minh-quan'``; 2-KNĐ missing → ``V103 'tran-minh-quan' was voted on
    without 2-KNĐ``. Whether the vote reaches two thirds of the full members is V023.
    """
    for candidate in cell.candidates:
        if not candidate.cell_vote:
            continue
        meeting = candidate_vote_meeting(cell, candidate)
        where = cell.locate(candidate, "cell_vote")
        if meeting is None:
            if candidate.cell_vote not in cell.broken_ids:
                yield finding(where, _("'{id}': the vote names meeting '{meeting}', which does "
                                       "not exist", id=candidate.id, meeting=candidate.cell_vote),
                              _("write the name of the meeting's file without .yaml"))
            continue
        if admission_vote_index(meeting, candidate.id) is None:
            yield finding(where, _("meeting '{meeting}' holds no admission vote on '{id}'",
                                   meeting=meeting.id, id=candidate.id),
                          _("add '{{subject: admission, member: {id}, for: …}}' under the "
                            "meeting's member_votes", id=candidate.id))
        yield from _dossier_findings(cell, candidate, meeting.date)


def _dossier_findings(cell: Cell, candidate: Candidate, day: dt.date) -> Iterator[Diagnostic]:
    forms = DOSSIER + (("4-KNĐ",) if candidate.youth_union else ())
    received = {item.form for item in candidate.dossier if item.received <= day}
    for form in sorted(set(forms) - received):
        yield finding(cell.locate(candidate, "cell_vote"),
                      _("'{id}' was voted on without {form}", id=candidate.id, form=form),
                      _("the dossier is complete before the cell votes (Hướng dẫn 12-HD/BTCTW)"))
    if candidate.verified is None or candidate.verified > day:
        yield finding(cell.locate(candidate, "cell_vote"),
                      _("'{id}' was voted on before the personal history was verified",
                        id=candidate.id),
                      _("write the date of the verification under 'verified:'"))


@check("V104", "candidate-stages", needs_roster=True)
def candidate_stages(cell: Cell) -> Iterator[Diagnostic]:
    """A candidate's dated stages follow one another, from the listing to the ceremony.

    The order: listed, introducers assigned, dossier, verified, the cell's vote, the superior's
    decision, the ceremony (the ``admitted`` event in members.yaml).

    Passes: listed 2024-03-01, assigned 2024-05-10, … decision
    2025-10-20, admitted 2025-11-04.
    Fails: decision 2025-09-01 before the vote on 2025-09-09 → ``V104 'tran-minh-quan': the
    superior's decision (2025-09-01) comes before the cell's vote (2025-09-09)``; a decision with
    no vote → ``V104 'tran-minh-quan' has the superior's decision but no cell vote``; admitted in
    members.yaml with no decision → ``V104 'tran-minh-quan' is admitted but has no superior's
    decision``. The course may come before the listing; its date is V101's.
    """
    for candidate in cell.candidates:
        stages = _stages(cell, candidate)
        yield from _out_of_order(cell, candidate, stages)
        yield from _skipped(cell, candidate, stages)


Stage = tuple[str, Optional[dt.date], PathKey]


def _stages(cell: Cell, candidate: Candidate) -> list[Stage]:
    meeting = candidate_vote_meeting(cell, candidate)
    assigned = min((i.assigned for i in candidate.introducers), default=None)
    dossier = max((d.received for d in candidate.dossier), default=None)
    return [
        (_("listed"), candidate.listed, ("listed",)),
        (_("introducers assigned"), assigned, ("introducers",)),
        (_("the dossier"), dossier, ("dossier",)),
        (_("the verification"), candidate.verified, ("verified",)),
        (_("the cell's vote"), meeting.date if meeting else None, ("cell_vote",)),
        (_("the superior's decision"), candidate.decision.date if candidate.decision else None,
         ("decision",)),
        (_("the ceremony"), ceremony_date(cell, candidate), ("id",)),
    ]


def _out_of_order(cell: Cell, candidate: Candidate, stages: list[Stage]) -> Iterator[Diagnostic]:
    latest: Optional[tuple[str, dt.date]] = None
    for name, day, path in stages:
        if day is None:
            continue
        if latest is not None and day < latest[1]:
            yield finding(cell.locate(candidate, *path),
                          _("'{id}': {stage} ({day}) comes before {earlier} ({earlier_day})",
                            id=candidate.id, stage=name, day=day.isoformat(), earlier=latest[0],
                            earlier_day=latest[1].isoformat()),
                          _("the stages follow one another (Hướng dẫn 12-HD/BTCTW)"))
        if latest is None or day >= latest[1]:
            latest = (name, day)


def _skipped(cell: Cell, candidate: Candidate, stages: list[Stage]) -> Iterator[Diagnostic]:
    vote, decision, ceremony = (stage[1] for stage in stages[-3:])
    if decision is not None and vote is None and not candidate.cell_vote:
        yield finding(cell.locate(candidate, "decision"),
                      _("'{id}' has the superior's decision but no cell vote", id=candidate.id),
                      _("write 'cell_vote:' with the meeting that voted"))
    if ceremony is not None and decision is None:
        yield finding(cell.locate(candidate, "id"),
                      _("'{id}' is admitted but has no superior's decision", id=candidate.id),
                      _("write 'decision: {{date: …, number: …}}'"))
