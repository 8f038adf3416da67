"""References between records: members, meetings and resolutions named by id must exist."""

from __future__ import annotations

from difflib import get_close_matches
from pathlib import Path
from typing import Iterator, Sequence

from ...base.diagnostics import Diagnostic
from ...base.i18n import _
from ...records.loader import MEMBERS_FILE, Cell
from ...records.models import Located, Meeting, MemberVoteKind, Resolution
from ...records.yamlio import YamlDoc
from .spec import check, finding


def _names_in_meeting(meeting: Meeting) -> set[str]:
    return {guest.name for guest in meeting.guests}


# How alike a typed id must be to a member's id to be offered as "did you mean" (difflib's ratio).
# Not a rule of the Party, only of the hint: ids of one cell share much ("nguyen-van-"), so the
# library's default of 0.6 would offer strangers.
_CLOSE_ENOUGH = 0.8


def _unknown_member(cell: Cell, record: Located, path: tuple[str | int, ...],
                    member_id: str) -> Iterator[Diagnostic]:
    if cell.member(member_id) is None and member_id not in cell.broken_ids:
        yield finding(cell.locate(record, *path),
                      _("unknown member '{id}'", id=member_id), _unknown_hint(cell, member_id))


def _unknown_hint(cell: Cell, member_id: str) -> str:
    """"did you mean 'tran-thi-lan'?" when one member's id is close to the unknown one."""
    ids = [member.id for member in cell.members]
    close = get_close_matches(member_id, ids, n=1, cutoff=_CLOSE_ENOUGH)
    listed = _("member ids are listed in members.yaml")
    if not close:
        return listed
    return _("did you mean '{id}'?", id=close[0]) + " " + listed


@check("V001", "unknown-member", needs_roster=True)
def unknown_member(cell: Cell) -> Iterator[Diagnostic]:
    """Every member id used in a record names a member in members.yaml.

    Passes: ``chair: tran-thi-lan`` with ``- id: tran-thi-lan`` in members.yaml.
    Fails: ``chair: tran-thi-lann`` (typo) → ``V001 unknown member 'tran-thi-lann'``, with the
    hint ``did you mean 'tran-thi-lan'?`` when a member's id is that close.
    Presenters and speakers may also be a guest's name as written under ``guests``; an admission
    vote (``member_votes``) may name a candidate of candidates.yaml. Ratings and introducers are
    checked too.
    An id whose member entry fails to load is not reported: one bad id there (``id:
    tran_van_thang``) would make every record naming ``tran-van-thang`` look wrong, burying the
    cause; the entry's own error says what to fix.
    """
    for meeting in cell.meetings:
        for field in ("chair", "recorder"):
            yield from _unknown_member(cell, meeting, (field,), getattr(meeting, field))
        for i, absence in enumerate(meeting.absent):
            yield from _unknown_member(cell, meeting, ("absent", i, "member"), absence.member)
        for i, member_id in enumerate(meeting.also_present):
            yield from _unknown_member(cell, meeting, ("also_present", i), member_id)
        guests = _names_in_meeting(meeting)
        for i, item in enumerate(meeting.agenda):
            if item.presenter not in guests:
                yield from _unknown_member(cell, meeting, ("agenda", i, "presenter"),
                                           item.presenter)
        for i, speech in enumerate(meeting.discussion):
            if speech.speaker not in guests:
                yield from _unknown_member(cell, meeting, ("discussion", i, "speaker"),
                                           speech.speaker)
        for i, task in enumerate(meeting.tasks):
            if task.owner:
                yield from _unknown_member(cell, meeting, ("tasks", i, "owner"), task.owner)
        candidates = {candidate.id for candidate in cell.candidates}
        for i, vote in enumerate(meeting.member_votes):
            if vote.subject is MemberVoteKind.admission and vote.member in candidates:
                continue  # voted on before the ceremony moves them into members.yaml
            yield from _unknown_member(cell, meeting, ("member_votes", i, "member"), vote.member)
    for resolution in cell.resolutions:
        for i, task in enumerate(resolution.tasks):
            if task.owner:
                yield from _unknown_member(cell, resolution, ("tasks", i, "owner"), task.owner)
        if resolution.signer:
            yield from _unknown_member(cell, resolution, ("signer",), resolution.signer)
    if cell.branch:
        committee = cell.branch.committee
        for role in ("secretary", "deputy"):
            member_id = getattr(committee, role)
            if member_id:
                yield from _unknown_member(cell, cell.branch, ("committee", role), member_id)
    for plan in cell.plans:
        for i, topic in enumerate(plan.thematic):
            if topic.lead:
                yield from _unknown_member(cell, plan, ("thematic", i, "lead"), topic.lead)
    yield from _unknown_in_yearly(cell)


def _unknown_in_yearly(cell: Cell) -> Iterator[Diagnostic]:
    """Members named by ratings and by candidates' introducers."""
    for rating in cell.ratings:
        for i, entry in enumerate(rating.members):
            yield from _unknown_member(cell, rating, ("members", i, "member"), entry.member)
    for candidate in cell.candidates:
        for i, introducer in enumerate(candidate.introducers):
            yield from _unknown_member(cell, candidate, ("introducers", i, "member"),
                                       introducer.member)


@check("V002", "unknown-meeting")
def unknown_meeting(cell: Cell) -> Iterator[Diagnostic]:
    """A resolution's ``meeting`` names a meeting file of the cell (its name without .yaml).

    Passes: ``meeting: 2025-08-05-regular`` with ``meetings/2025-08-05-regular.yaml`` present.
    Fails: ``meeting: 2025-08-05`` → ``V002 resolution names meeting '2025-08-05', which does not
    exist``.
    """
    for resolution in cell.resolutions:
        wanted = resolution.meeting
        if cell.meeting(wanted) is None and wanted not in cell.broken_ids:
            yield finding(cell.locate(resolution, "meeting"),
                          _("resolution names meeting '{id}', which does not exist", id=wanted),
                          _("write the name of the meeting's file without .yaml, e.g. "
                            "'2025-08-05-regular'"))


def _task_problem(cell: Cell, reference: str) -> str:
    meeting_id, _sep, number_text = reference.partition("#")
    meeting = cell.meeting(meeting_id)
    if meeting is None:
        if meeting_id in cell.broken_ids:
            return ""
        return _("task '{ref}' names meeting '{id}', which does not exist",
                 ref=reference, id=meeting_id)
    if int(number_text) > len(meeting.tasks):
        return _("task '{ref}': meeting '{id}' assigned only {count} task(s)",
                 ref=reference, id=meeting_id, count=len(meeting.tasks))
    return ""


@check("V003", "unknown-task")
def unknown_task(cell: Cell) -> Iterator[Diagnostic]:
    """A reviewed task ``<meeting-id>#<n>`` names the n-th task of an existing meeting.

    Passes: ``review: [{task: 2025-08-05-regular#1, status: done}]`` when that meeting lists at
    least one task under ``tasks``.
    Fails: ``task: 2025-08-05-regular#3`` when it lists one → ``V003 task '2025-08-05-regular#3':
    meeting '2025-08-05-regular' assigned only 1 task(s)``.
    """
    for meeting in cell.meetings:
        for i, review in enumerate(meeting.review):
            problem = _task_problem(cell, review.task)
            if problem:
                yield finding(cell.locate(meeting, "review", i, "task"), problem,
                              _("tasks are numbered from 1 in the order written under 'tasks:' "
                                "of that meeting"))


def _member_id_entries(cell: Cell) -> Iterator[tuple[str, YamlDoc, int]]:
    doc = cell.docs.get(str(cell.root / MEMBERS_FILE))
    items = doc.data.get("members") if doc and isinstance(doc.data, dict) else None
    if doc is None or not isinstance(items, list):
        return
    for index, item in enumerate(items):
        member_id = item.get("id") if isinstance(item, dict) else None
        if isinstance(member_id, str):
            yield member_id.strip(), doc, index


def _duplicate_members(cell: Cell) -> Iterator[Diagnostic]:
    first_line: dict[str, int] = {}
    for member_id, doc, index in _member_id_entries(cell):
        where = doc.location(("members", index, "id"))
        if member_id in first_line:
            yield finding(where, _("duplicate member id '{id}' (first at line {line})",
                                   id=member_id, line=first_line[member_id]),
                          _("each member needs its own id; chibo uses the first one"))
        else:
            first_line[member_id] = where.line


def _duplicate_files(cell: Cell, kind: str, records: Sequence[Meeting | Resolution]
                     ) -> Iterator[Diagnostic]:
    first: dict[str, Meeting | Resolution] = {}
    for record in records:
        if record.id in first:
            yield finding(cell.locate(record),
                          _("{kind} id '{id}' is used by two files: {first} and {second}",
                            kind=kind, id=record.id, first=Path(first[record.id].meta.file).name,
                            second=Path(record.meta.file).name),
                          _("records are named by their file name without .yaml/.yml; rename "
                            "or delete one"))
        else:
            first[record.id] = record


@check("V004", "duplicate-id")
def duplicate_id(cell: Cell) -> Iterator[Diagnostic]:
    """Every member id, meeting file name and resolution file name is used once.

    Passes: two members ``tran-thi-lan`` and ``tran-thi-lan-2``.
    Fails: a second ``- id: tran-thi-lan`` in members.yaml → ``V004 duplicate member id
    'tran-thi-lan' (first at line 2)``; or both ``resolutions/2025-08-05.yaml`` and
    ``resolutions/2025-08-05.yml``.
    """
    yield from _duplicate_members(cell)
    yield from _duplicate_files(cell, _("meeting"), cell.meetings)
    yield from _duplicate_files(cell, _("resolution"), cell.resolutions)
