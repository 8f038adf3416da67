"""Checks: one meeting at a time — who chaired and recorded it, how long it lasted, who came."""

from __future__ import annotations

import re
from collections import defaultdict
from fractions import Fraction
from typing import Iterator

from ...base.diagnostics import Diagnostic, Severity
from ...base.i18n import _
from ...records.loader import Cell
from ...records.models import Meeting, MeetingKind, minutes_of
from ..roster import meeting_standing
from ._support import (
    active_here,
    attendance_at,
    percent,
    rule_fraction,
    rule_int,
    rule_source,
    show_fraction,
)
from .spec import check, finding

_ROLES = ("chair", "recorder")
_DATED_NAME = re.compile(r"^(\d{4}-\d{2}-\d{2})(?=-|$)(?:-([a-z]+))?")


@check("V010", "chair-role", Severity.WARNING)
def chair_role(cell: Cell) -> Iterator[Diagnostic]:
    """The chair is the cell's secretary or deputy as named in branch.yaml.

    Passes: ``chair: tran-thi-lan`` with ``committee: {secretary: tran-thi-lan}``.
    Fails: ``chair: le-thi-hoa`` → ``V010 warning: the chair 'le-thi-hoa' is neither the
    secretary nor the deputy named in branch.yaml``. Nothing is checked while branch.yaml names
    neither.
    """
    committee = cell.branch.committee if cell.branch else None
    leaders = {committee.secretary, committee.deputy} - {None} if committee else set()
    if not leaders:
        return
    for meeting in cell.meetings:
        if meeting.chair not in leaders:
            yield finding(cell.locate(meeting, "chair"),
                          _("the chair '{id}' is neither the secretary nor the deputy named in "
                            "branch.yaml", id=meeting.chair),
                          _("the secretary chairs the meeting, or the deputy in their absence "
                            "(Điều lệ Đảng, Điều 24; Hướng dẫn 42-HD/BTCTW); update 'committee:' "
                            "in branch.yaml if the committee changed"))


@check("V011", "chair-or-recorder-absent")
def chair_or_recorder_absent(cell: Cell) -> Iterator[Diagnostic]:
    """The chair and the recorder are not listed as absent from the same meeting.

    Passes: ``chair: tran-thi-lan`` and ``absent: [{member: do-van-minh}]``.
    Fails: ``recorder: le-thi-hoa`` and ``absent: [{member: le-thi-hoa}]`` → ``V011 the recorder
    'le-thi-hoa' is also listed as absent``.
    """
    for meeting in cell.meetings:
        absent = {absence.member for absence in meeting.absent}
        for role in _ROLES:
            member_id = getattr(meeting, role)
            if member_id in absent:
                yield finding(cell.locate(meeting, role),
                              _("the {role} '{id}' is also listed as absent",
                                role=_(role), id=member_id),
                              _("whoever chaired or recorded the meeting was there: fix the "
                                "{role} or the list of absentees", role=_(role)))


@check("V012", "end-before-start")
def end_before_start(cell: Cell) -> Iterator[Diagnostic]:
    """A meeting ends after it starts.

    Passes: ``start: "19:30"``, ``end: "21:15"``.
    Fails: ``start: "19:30"``, ``end: "09:15"`` → ``V012 the meeting ends at 09:15, not after it
    starts at 19:30``.
    """
    for meeting in cell.meetings:
        if meeting.end is not None and minutes_of(meeting.end) <= minutes_of(meeting.start):
            yield finding(cell.locate(meeting, "end"),
                          _("the meeting ends at {end}, not after it starts at {start}",
                            end=meeting.end, start=meeting.start),
                          _("times are 24-hour HH:MM: half past nine in the evening is "
                            "\"21:30\""))


def _same_day_thematic(cell: Cell) -> dict[object, list[Meeting]]:
    by_date: dict[object, list[Meeting]] = defaultdict(list)
    for meeting in cell.meetings:
        if meeting.kind is MeetingKind.thematic and meeting.end is not None:
            by_date[meeting.date].append(meeting)
    return by_date


def _session_finding(cell: Cell, meeting: Meeting, thematic: list[Meeting]) -> Iterator[Diagnostic]:
    parts = [meeting, *thematic]
    first = min(minutes_of(m.start) for m in parts)
    last = max(minutes_of(m.end) for m in parts if m.end is not None)
    needed = rule_int(cell, "meetings.min_minutes_combined", meeting.date)
    if last - first < needed:
        yield finding(cell.locate(meeting, "end"),
                      _("the regular and thematic meetings of {date} last {minutes} minutes "
                        "together; a combined session needs at least {needed}",
                        date=meeting.date, minutes=last - first, needed=needed),
                      _("rule meetings.min_minutes_combined ({source})",
                        source=rule_source(cell, "meetings.min_minutes_combined",
                                           meeting.date)))


@check("V013", "too-short")
def too_short(cell: Cell) -> Iterator[Diagnostic]:
    """A regular meeting lasts the minimum time; with a thematic one that day, the session does.

    Passes: a regular meeting 19:30–21:15 (105 minutes, at least 90).
    Fails: 19:30–20:30 → ``V013 the regular meeting lasts 60 minutes; it needs at least 90``.
    When a thematic meeting is held the same day, the span from the earliest start to the latest
    end must reach meetings.min_minutes_combined (120) instead: regular 19:00–20:00 and thematic
    20:00–20:45 fail with 105 minutes.
    """
    thematic = _same_day_thematic(cell)
    for meeting in cell.meetings:
        needed = rule_int(cell, "meetings.min_minutes_regular", meeting.date)
        duration = meeting.duration()
        if meeting.kind is not MeetingKind.regular or duration is None or duration <= 0:
            continue  # no end time, or V012 reports it
        if thematic.get(meeting.date):
            yield from _session_finding(cell, meeting, thematic[meeting.date])
        elif duration < needed:
            yield finding(cell.locate(meeting, "end"),
                          _("the regular meeting lasts {minutes} minutes; it needs at least "
                            "{needed}", minutes=duration, needed=needed),
                          _("rule meetings.min_minutes_regular ({source})",
                            source=rule_source(cell, "meetings.min_minutes_regular",
                                               meeting.date)))


@check("V014", "low-attendance", Severity.WARNING, counts_roster=True)
def low_attendance(cell: Cell) -> Iterator[Diagnostic]:
    """Enough of the members required to attend were present.

    Passes: 4 of 5 required members present (80%, at least 2/3).
    Fails: 2 of 5 present → ``V014 warning: 2 of 5 members required to attend were present (40%),
    below 2/3``. Required = full and probationary members minus the exempted, the away and the
    suspended on the meeting's date. Not checked while an entry of members.yaml fails to load:
    the counts would be short.
    """
    for meeting in cell.meetings:
        threshold = rule_fraction(cell, "attendance.warn_below", meeting.date)
        counts = attendance_at(cell, meeting)
        if counts.required and Fraction(counts.required_present, counts.required) < threshold:
            yield finding(cell.locate(meeting, "absent"),
                          _("{present} of {required} members required to attend were present "
                            "({share}), below {threshold}", present=counts.required_present,
                            required=counts.required,
                            share=percent(counts.required_present, counts.required),
                            threshold=show_fraction(threshold)),
                          _("no quorum is fixed for a monthly meeting, so this only warns; rule "
                            "attendance.warn_below ({source})",
                            source=rule_source(cell, "attendance.warn_below", meeting.date)))


def _absentee_problem(cell: Cell, meeting: Meeting, member_id: str) -> tuple[str, str]:
    member = cell.member(member_id)
    if member is None:
        return "", ""  # V001 reports unknown ids
    state = meeting_standing(member, meeting)
    day = meeting.date
    if not active_here(state):
        return (_("'{id}' is listed as absent but is not a member of the cell on {date}",
                  id=member_id, date=day),
                _("check the date of the meeting and the member's history in members.yaml"))
    if state.in_cell and not state.required:
        why = _("exempted") if state.exempted else _("away") if state.away else _("suspended")
        return (_("'{id}' is listed as absent but is {why} on {date}, so not required to attend",
                  id=member_id, why=why, date=day),
                _("drop them from 'absent:'; they are not counted among those required"))
    return "", ""


@check("V015", "absentee-not-member", needs_roster=True)
def absentee_not_member(cell: Cell) -> Iterator[Diagnostic]:
    """Everyone listed as absent was a member required to attend on the meeting's date.

    Passes: ``absent: [{member: do-van-minh, reason: Đi công tác}]`` for a full member.
    Fails: an absentee transferred out the month before → ``V015 'do-van-minh' is listed as
    absent but is not a member of the cell on 2025-08-05``; an exempted member listed as absent →
    ``V015 ... is exempted on 2025-08-05, so not required to attend`` (hint: drop them).
    """
    for meeting in cell.meetings:
        for i, absence in enumerate(meeting.absent):
            message, hint = _absentee_problem(cell, meeting, absence.member)
            if message:
                yield finding(cell.locate(meeting, "absent", i, "member"), message, hint)


def _people(meeting: Meeting) -> Iterator[tuple[tuple[str | int, ...], str]]:
    for role in _ROLES:
        yield (role,), getattr(meeting, role)
    for i, item in enumerate(meeting.agenda):
        yield ("agenda", i, "presenter"), item.presenter
    for i, speech in enumerate(meeting.discussion):
        yield ("discussion", i, "speaker"), speech.speaker


@check("V016", "speaker-not-member", needs_roster=True)
def speaker_not_member(cell: Cell) -> Iterator[Diagnostic]:
    """The chair, recorder, presenters and speakers named by id belong to the cell that day.

    Passes: ``speaker: pham-van-duc`` for a member, or ``speaker: Nguyễn Văn An`` for a guest
    listed under ``guests``.
    Fails: ``speaker: vu-thi-mai`` on a date before her admission → ``V016 'vu-thi-mai' speaks or
    presides on 2025-01-10 but is not a member of the cell on that date``.
    """
    for meeting in cell.meetings:
        for path, who in _people(meeting):
            member = cell.member(who)
            if member is None or active_here(meeting_standing(member, meeting)):
                continue
            yield finding(cell.locate(meeting, *path),
                          _("'{id}' speaks or presides on {date} but is not a member of the cell "
                            "on that date", id=who, date=meeting.date),
                          _("check the meeting's date and the member's history; a visitor is "
                            "written by name under 'guests:'"))


def _repeated_absentees(cell: Cell, meeting: Meeting) -> Iterator[Diagnostic]:
    first: dict[str, int] = {}
    for i, absence in enumerate(meeting.absent):
        where = cell.locate(meeting, "absent", i, "member")
        if absence.member not in first:
            first[absence.member] = where.line
            continue
        yield finding(where, _("'{id}' is listed as absent twice (first at line {line})",
                               id=absence.member, line=first[absence.member]),
                      _("list each absentee once, with the reason if one was given"))


def _absent_but_present(cell: Cell, meeting: Meeting, absent: set[str]) -> Iterator[Diagnostic]:
    for i, member_id in enumerate(meeting.also_present):
        if member_id in absent:
            yield finding(cell.locate(meeting, "also_present", i),
                          _("'{id}' is listed both as absent and under 'also_present'",
                            id=member_id),
                          _("'also_present' names exempted or away members who came anyway; "
                            "keep the member in the one list that is true"))


def _absent_but_speaking(cell: Cell, meeting: Meeting, absent: set[str]) -> Iterator[Diagnostic]:
    for i, item in enumerate(meeting.agenda):
        if item.presenter in absent:
            yield finding(cell.locate(meeting, "agenda", i, "presenter"),
                          _("'{id}' is listed as absent but presents an agenda item",
                            id=item.presenter), _absent_speaker_hint())
    for i, speech in enumerate(meeting.discussion):
        if speech.speaker in absent:
            yield finding(cell.locate(meeting, "discussion", i, "speaker"),
                          _("'{id}' is listed as absent but speaks in the discussion",
                            id=speech.speaker), _absent_speaker_hint())


def _absent_speaker_hint() -> str:
    return _("an absentee cannot speak or present at the meeting: correct the id, or drop "
             "them from 'absent:' if they came")


@check("V017", "attendance-conflict")
def attendance_conflict(cell: Cell) -> Iterator[Diagnostic]:
    """Nobody is listed as absent twice, or as absent and also present, speaking or presenting.

    Passes: ``absent: [{member: do-van-minh, reason: Đi công tác}]`` and ``discussion:`` naming
    ``pham-van-duc`` only.
    Fails: ``do-van-minh`` under ``absent`` twice → ``V017 'do-van-minh' is listed as absent
    twice (first at line 9)``; under ``absent`` and ``also_present`` → ``V017 'do-van-minh' is
    listed both as absent and under 'also_present'``; absent and ``speaker: do-van-minh`` →
    ``V017 'do-van-minh' is listed as absent but speaks in the discussion`` (an agenda
    ``presenter`` likewise). An absent chair or recorder is V011's finding.
    """
    for meeting in cell.meetings:
        absent = {absence.member for absence in meeting.absent}
        if not absent:
            continue
        yield from _repeated_absentees(cell, meeting)
        yield from _absent_but_present(cell, meeting, absent)
        yield from _absent_but_speaking(cell, meeting, absent)


def _name_parts(meeting: Meeting) -> tuple[str, str]:
    """(date, kind) written at the start of the file name: ``2025-08-05-regular-2`` →
    (``2025-08-05``, ``regular``); "" for a part that is not there or is no kind of meeting."""
    match = _DATED_NAME.match(meeting.id)
    if match is None:
        return "", ""
    kind = match.group(2) or ""
    return match.group(1), kind if kind in {k.value for k in MeetingKind} else ""


def _name_hint() -> str:
    return _("the file name is the meeting's id: if the file was copied from another meeting, "
             "correct 'date:' or 'kind:' in it; otherwise rename the file, and the resolutions "
             "and reviews that name it")


@check("V018", "file-name-mismatch")
def file_name_mismatch(cell: Cell) -> Iterator[Diagnostic]:
    """A meeting file named ``YYYY-MM-DD-<kind>`` holds that date and that kind.

    Passes: ``meetings/2025-09-09-regular.yaml`` with ``kind: regular`` and ``date: 2025-09-09``;
    a file whose name does not start with a date is not checked.
    Fails: last month's file copied to ``meetings/2025-09-09-regular.yaml`` with ``date:`` left at
    2025-08-05 → ``V018 the file name says 2025-09-09 but 'date:' is 2025-08-05``; in
    ``2025-09-09-thematic.yaml``, ``kind: regular`` → ``V018 the file name says thematic but
    'kind:' is regular``.
    """
    for meeting in cell.meetings:
        day, kind = _name_parts(meeting)
        if day and day != meeting.date.isoformat():
            yield finding(cell.locate(meeting, "date"),
                          _("the file name says {named} but 'date:' is {date}", named=day,
                            date=meeting.date.isoformat()), _name_hint())
        if kind and kind != meeting.kind.value:
            yield finding(cell.locate(meeting, "kind"),
                          _("the file name says {named} but 'kind:' is {kind}", named=kind,
                            kind=meeting.kind.value), _name_hint())
