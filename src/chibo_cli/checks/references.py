"""References between records: members, meetings and resolutions named by id must exist."""

from __future__ import annotations

from typing import Iterator

from ..i18n import _
from ..loader import Cell
from ..models import Meeting, Record
from . import Finding, check


def _names_in_meeting(meeting: Meeting) -> set[str]:
    return {guest.name for guest in meeting.guests}


def _unknown_member(cell: Cell, record: Record, path: tuple[str | int, ...],
                    member_id: str) -> Iterator[Finding]:
    if cell.member(member_id) is None and member_id not in cell.broken_ids:
        yield Finding(cell.locate(record, *path),
                      _("unknown member '{id}'", id=member_id),
                      _("member ids are listed in members.yaml"))


@check("V001", "unknown-member")
def unknown_member(cell: Cell) -> Iterator[Finding]:
    """Every member id used in a record names a member in members.yaml.

    Passes: ``chair: tran-thi-lan`` with ``- id: tran-thi-lan`` in members.yaml.
    Fails: ``chair: tran-thi-lann`` (typo) → ``V001 unknown member 'tran-thi-lann'``.
    Presenters and speakers may also be a guest's name as written under ``guests``.
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
        for i, vote in enumerate(meeting.member_votes):
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
        for i, item in enumerate(plan.thematic):
            if item.lead:
                yield from _unknown_member(cell, plan, ("thematic", i, "lead"), item.lead)
