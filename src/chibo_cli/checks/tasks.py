"""Checks: tasks and the minutes — who does what by when, and what every regular minutes holds."""

from __future__ import annotations

from typing import Iterator, Sequence

from ..diagnostics import Severity
from ..i18n import _
from ..loader import Cell
from ..models import MeetingKind, Record, Task
from . import Finding, check


def _task_findings(cell: Cell, record: Record, tasks: Sequence[Task]) -> Iterator[Finding]:
    for i, task in enumerate(tasks):
        message = _missing_message(task)
        if message:
            yield Finding(cell.locate(record, "tasks", i), message,
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
def task_incomplete(cell: Cell) -> Iterator[Finding]:
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


@check("V061", "minutes-incomplete")
def minutes_incomplete(cell: Cell) -> Iterator[Finding]:
    """The minutes of a regular meeting hold the conclusion, the discussion and the read-back.

    Passes: ``conclusion:`` written, at least one ``discussion:`` entry and ``read_back: true``.
    Fails: no ``conclusion`` → ``V061 the minutes have no conclusion of the chair``; no
    ``discussion`` → ``V061 warning: the minutes record no discussion``; ``read_back: false`` →
    ``V061 the minutes were not read back and agreed at the meeting``. One finding per missing
    part (Hướng dẫn 42-HD/BTCTW, order of a regular meeting).
    """
    for meeting in cell.meetings:
        if meeting.kind is not MeetingKind.regular:
            continue
        if not meeting.conclusion:
            yield Finding(cell.locate(meeting, "conclusion"),
                          _("the minutes have no conclusion of the chair"),
                          _("write the chair's conclusion under 'conclusion:'"))
        if not meeting.discussion:
            yield Finding(cell.locate(meeting, "discussion"),
                          _("the minutes record no discussion"),
                          _("name each speaker with the gist of what they said under "
                            "'discussion:'"), Severity.WARNING)
        if not meeting.read_back:
            yield Finding(cell.locate(meeting, "read_back"),
                          _("the minutes were not read back and agreed at the meeting"),
                          _("the recorder reads the minutes back before the close; write "
                            "'read_back: true' once the meeting agreed them"))
