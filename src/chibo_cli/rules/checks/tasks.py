"""Checks: tasks and the minutes — who does what by when, what every regular minutes holds, and
whether the meeting was a real discussion."""

from __future__ import annotations

from fractions import Fraction
from typing import Iterator, Sequence

from ...base.diagnostics import Diagnostic, Severity
from ...base.i18n import _
from ...records.loader import Cell
from ...records.models import Located, Meeting, MeetingKind, ResolutionStatus, Task
from ._support import attendance_at, percent, rule_source, show_fraction
from .spec import Tier, check, finding


def _task_findings(cell: Cell, record: Located, tasks: Sequence[Task]) -> Iterator[Diagnostic]:
    for i, task in enumerate(tasks):
        message = _missing_message(task)
        if message:
            yield finding(cell.locate(record, "tasks", i), message,
                          _("a task names who does it ('owner:', a member id) and by when "
                            "('due:', a date) so the next meeting can review it"))


def _missing_message(task: Task) -> str:
    what = _shorten(task.what)
    if not task.owner and task.due is None:
        return _("task '{what}' has no owner and no due date", what=what)
    if not task.owner:
        return _("task '{what}' has no owner", what=what)
    if task.due is None:
        return _("task '{what}' has no due date", what=what)
    return ""


def _shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


@check("V060", "task-incomplete", Severity.WARNING)
def task_incomplete(cell: Cell) -> Iterator[Diagnostic]:
    """Every task of a meeting or resolution has an owner and a due date.

    Passes: ``tasks: [{owner: le-thi-hoa, what: Vận động các hộ đăng ký gia đình văn hóa,
    due: 2025-08-31}]``.
    Fails: ``tasks: [{what: Vận động các hộ đăng ký gia đình văn hóa}]`` → ``V060 warning: task
    'Vận động các hộ đăng ký gia đình văn hóa' has no owner and no due date``.
    """
    for meeting in cell.meetings:
        yield from _task_findings(cell, meeting, meeting.tasks)
    for resolution in cell.resolutions:
        yield from _task_findings(cell, resolution, resolution.tasks)


def _voted_by_resolution(cell: Cell) -> set[str]:
    """Ids of meetings whose adopted resolution carries the vote (as V022 reads it)."""
    return {r.meeting for r in cell.resolutions
            if r.status is ResolutionStatus.adopted and r.vote is not None}


def _missing_end(cell: Cell, meeting: Meeting) -> Iterator[Diagnostic]:
    if meeting.end is None:
        yield finding(cell.locate(meeting, "end"), _("the minutes record no end time"),
                      _("write the time the meeting closed under 'end:', e.g. \"21:15\"; the "
                        "minutes state it at the close"))


def _missing_topic(cell: Cell, meeting: Meeting) -> Iterator[Diagnostic]:
    if meeting.kind is MeetingKind.thematic and not (meeting.topic or "").strip():
        yield finding(cell.locate(meeting, "topic"), _("the thematic meeting has no topic"),
                      _("write the topic under 'topic:', as in the year's plan"))


def _missing_conclusion(cell: Cell, meeting: Meeting) -> Iterator[Diagnostic]:
    if not meeting.conclusion:
        yield finding(cell.locate(meeting, "conclusion"),
                      _("the minutes have no conclusion of the chair"),
                      _("write the chair's conclusion under 'conclusion:'"))


def _missing_discussion(cell: Cell, meeting: Meeting) -> Iterator[Diagnostic]:
    if not meeting.discussion:
        yield finding(cell.locate(meeting, "discussion"), _("the minutes record no discussion"),
                      _("name each speaker with the gist of what they said under "
                        "'discussion:'"), Severity.WARNING)


def _missing_vote(cell: Cell, meeting: Meeting, voted: set[str]) -> Iterator[Diagnostic]:
    if meeting.vote is None and meeting.id not in voted:
        yield finding(cell.locate(meeting, "vote"),
                      _("the minutes record no vote on the conclusion or the resolution"),
                      _("write 'vote: {for: …, against: …}' in the meeting, or in the adopted "
                        "resolution whose 'meeting:' names it"))


def _missing_read_back(cell: Cell, meeting: Meeting) -> Iterator[Diagnostic]:
    if not meeting.read_back:
        yield finding(cell.locate(meeting, "read_back"),
                      _("the minutes were not read back and agreed at the meeting"),
                      _("the recorder reads the minutes back before the close; write "
                        "'read_back: true' once the meeting agreed them"))


def _minutes_findings(cell: Cell, meeting: Meeting, voted: set[str]) -> Iterator[Diagnostic]:
    yield from _missing_end(cell, meeting)
    if meeting.kind is MeetingKind.extraordinary:
        return
    yield from _missing_topic(cell, meeting)
    yield from _missing_conclusion(cell, meeting)
    yield from _missing_discussion(cell, meeting)
    if meeting.kind is MeetingKind.regular:
        yield from _missing_vote(cell, meeting, voted)
    yield from _missing_read_back(cell, meeting)


@check("V061", "minutes-incomplete")
def minutes_incomplete(cell: Cell) -> Iterator[Diagnostic]:
    """The minutes of a meeting hold what they must record, from the topic to the end time.

    Passes: a regular meeting with ``end:``, ``conclusion:``, at least one ``discussion:`` entry,
    a ``vote:`` (its own, or its adopted resolution's) and ``read_back: true``; a thematic one
    with ``topic:`` instead of the vote.
    Fails: no ``end`` → ``V061 the minutes record no end time``; no ``conclusion`` → ``V061 the
    minutes have no conclusion of the chair``; no ``discussion`` → ``V061 warning: the minutes
    record no discussion``; a regular meeting without a vote → ``V061 the minutes record no vote
    on the conclusion or the resolution``; a thematic meeting without ``topic`` → ``V061 the
    thematic meeting has no topic``; ``read_back: false`` → ``V061 the minutes were not read back
    and agreed at the meeting``. One finding per missing part (Hướng dẫn 42-HD/BTCTW, what the
    minutes record). An extraordinary meeting needs only its end time here. A file made by
    ``chibo new-meeting`` fails until the meeting is over and its minutes are filled in.
    """
    voted = _voted_by_resolution(cell)
    for meeting in cell.meetings:
        yield from _minutes_findings(cell, meeting, voted)


@check("V062", "task-not-reviewed", Severity.WARNING, Tier.STRICT)
def task_not_reviewed(cell: Cell) -> Iterator[Diagnostic]:
    """A task is reviewed at a later meeting once a regular meeting is held after its due date.

    Passes: task 1 of ``2025-08-05-regular``, due 2025-08-31, and the September meeting's
    ``review: [{task: "2025-08-05-regular#1", status: done}]``.
    Fails: the September meeting reviews nothing → ``V062 warning: task 1 of 2025-08-05-regular
    ('Vận động các hộ…', due 2025-08-31) was never reviewed``. Runs with ``--strict``: the
    review is the practice of Hướng dẫn 42-HD/BTCTW, but some cells review in the resolution.
    """
    reviewed = {review.task for meeting in cell.meetings for review in meeting.review}
    regular_dates = sorted(m.date for m in cell.meetings if m.kind is MeetingKind.regular)
    for meeting in cell.meetings:
        for i, task in enumerate(meeting.tasks):
            if f"{meeting.id}#{i + 1}" in reviewed or task.due is None:
                continue
            if regular_dates and regular_dates[-1] > max(task.due, meeting.date):
                yield finding(cell.locate(meeting, "tasks", i),
                              _("task {n} of {meeting} ('{what}', due {due}) was never reviewed",
                                n=i + 1, meeting=meeting.id, what=_shorten(task.what),
                                due=task.due),
                              _("review it at a later meeting: under 'review:', 'task: {ref}' "
                                "with its status", ref=f"{meeting.id}#{i + 1}"))


@check("V063", "few-speakers", Severity.WARNING, Tier.OPT_IN, counts_roster=True)
def few_speakers(cell: Cell) -> Iterator[Diagnostic]:
    """Enough of the members present spoke in the discussion (a figure of local scoring sheets).

    Passes: 6 members present, 3 of them named under ``discussion:`` (at least 1/2).
    Fails: 20 present, 4 spoke → ``V063 warning: 4 of the 20 members present spoke (20%), below
    1/2``. Guests' speeches do not count. Opt-in (``--select V063``): no national rule sets the
    share; ``attendance.speakers_at_least`` holds the local one. Not checked while an entry of
    members.yaml fails to load: the counts would be short.
    """
    threshold = cell.rules.fraction("attendance.speakers_at_least")
    for meeting in cell.meetings:
        present = attendance_at(cell, meeting).present
        spoke = len(_member_speakers(cell, meeting))
        if present and Fraction(spoke, present) < threshold:
            yield finding(cell.locate(meeting, "discussion"),
                          _("{spoke} of the {present} members present spoke ({share}), below "
                            "{threshold}", spoke=spoke, present=present,
                            share=percent(spoke, present), threshold=show_fraction(threshold)),
                          _("rule attendance.speakers_at_least ({source})",
                            source=rule_source(cell, "attendance.speakers_at_least")))


def _member_speakers(cell: Cell, meeting: Meeting) -> set[str]:
    absent = {absence.member for absence in meeting.absent}
    return {speech.speaker for speech in meeting.discussion
            if cell.member(speech.speaker) is not None and speech.speaker not in absent}
