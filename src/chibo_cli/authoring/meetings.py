"""``chibo new-meeting``: a meeting record pre-filled with the chair, the standard agenda, the
planned topic and last month's tasks to review.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from pathlib import Path
from typing import Optional

from ..base.diagnostics import Diagnostic, Severity
from ..base.errors import ChiboError
from ..base.i18n import _
from ..base.yamltext import load_plain
from ..records.keywords import with_words
from ..records.loader import BRANCH_FILE, Cell
from ..records.models import (
    Branch,
    Meeting,
    MeetingKind,
    PlannedTopic,
    TaskStatus,
)
from .files import checked, create, ensure_schemas, load_checked
from .text import line, one_line, render, schema_line, template_text, yaml_id, yaml_str

DEFAULT_START = "19:30"


def meeting_path(root: Path, kind: MeetingKind, date: dt.date) -> Path:
    return root / "meetings" / f"{date.isoformat()}-{kind.value}.yaml"


def parse_kind(value: str) -> MeetingKind:
    try:
        return MeetingKind(value.strip().lower())
    except ValueError:
        kinds = with_words(", ".join(f"'{k.value}'" for k in MeetingKind))
        raise ChiboError(_("unknown meeting kind '{kind}'", kind=value),
                         _("use one of: {kinds}", kinds=kinds)) from None


def new_meeting(root: Path, kind: MeetingKind, date: dt.date,
                start: Optional[str] = None) -> Path:
    """Write a pre-filled meeting file; return its path."""
    problems: list[Diagnostic] = []
    cell = load_checked(root, problems)
    root = cell.root
    _refuse_unreadable_meetings(problems)
    path = meeting_path(root, kind, date)
    if path.exists():
        create(path, "")  # raises the never-overwrite error
    text = meeting_text(cell, kind, date, start)
    checked(text, Meeting, path)
    ensure_schemas(root)
    return create(path, text)


def _refuse_unreadable_meetings(problems: list[Diagnostic]) -> None:
    """The tasks to review, the place and the recorder come from earlier meetings: a meeting
    file that cannot be read would leave them silently wrong, so it is mended first."""
    broken = sorted({d.location.file for d in problems if d.severity is Severity.ERROR
                     and Path(d.location.file).parent.name == "meetings"})
    if broken:
        raise ChiboError(_("{file} cannot be read, so the new meeting cannot take its tasks to "
                           "review from it", file=broken[0]),
                         _("run 'chibo validate' to see what is wrong, mend it, then run "
                           "new-meeting again"))


def meeting_text(cell: Cell, kind: MeetingKind, date: dt.date, start: Optional[str]) -> str:
    assert cell.branch is not None
    earlier = [m for m in cell.meetings if m.date < date]
    last = earlier[-1] if earlier else None
    # the usual hour of this kind: a thematic meeting often follows the regular one at 21:00
    same_kind = [m for m in earlier if m.kind is kind]
    usual_start = same_kind[-1].start if same_kind else DEFAULT_START
    chair = _chair(cell.branch)
    recorder, recorder_note = _recorder(cell.branch, last, chair)
    planned = planned_topic(cell, date) if kind is MeetingKind.thematic else None
    roles = {"chair": chair, "recorder": recorder,
             "lead": planned.lead if planned and planned.lead else chair}
    path = meeting_path(cell.root, kind, date)
    return schema_line(path, cell.root, "meeting") + render(
        "meeting.yaml", kind=kind.value, date=date.isoformat(),
        start=yaml_str(start or usual_start),
        place=yaml_str(_place(cell, last)), chair=yaml_id(chair), recorder=yaml_id(recorder),
        recorder_note=recorder_note, topic=yaml_str(planned.topic) if planned else "",
        agenda=agenda_block(kind, date, roles, planned.topic if planned else None),
        review=review_block(cell, date) if kind is MeetingKind.regular else line(
            "review: []", "kiểm điểm nhiệm vụ kỳ trước (ghi ở cuộc họp thường kỳ)"))


def _chair(branch: Branch) -> str:
    chair = branch.committee.secretary or branch.committee.deputy
    if not chair:
        raise ChiboError(_("{file} names no secretary to chair the meeting", file=BRANCH_FILE),
                         _("set committee: secretary: <member id> in {file}", file=BRANCH_FILE))
    return chair


def _recorder(branch: Branch, last: Optional[Meeting], chair: str) -> tuple[str, str]:
    if last is not None:
        return last.recorder, "đã điền tạm người ghi biên bản kỳ trước, sửa nếu người khác ghi"
    others = [branch.committee.deputy, *branch.committee.members]
    guess = next((m for m in others if m and m != chair), chair)
    return guess, "đã điền tạm, sửa theo người được cử"


def _place(cell: Cell, last: Optional[Meeting]) -> str:
    if last is not None:
        return last.place
    assert cell.branch is not None
    return cell.meetings[-1].place if cell.meetings else cell.branch.place


def planned_topic(cell: Cell, date: dt.date) -> Optional[PlannedTopic]:
    """The plan's topic for the month of ``date`` (else its quarter) not yet held this year."""
    items = [t for plan in cell.plans if plan.year == date.year for t in plan.thematic]
    held = {m.topic for m in cell.meetings
            if m.kind is MeetingKind.thematic and m.date.year == date.year and m.date != date}
    quarter = (date.month - 1) // 3 + 1
    by_month = [t for t in items if t.month == date.month]
    by_quarter = [t for t in items if t.month is None and t.quarter == quarter]
    fresh = [t for t in by_month + by_quarter if t.topic not in held]
    chosen = fresh or by_month
    return chosen[0] if chosen else None


@lru_cache(maxsize=None)
def _agendas() -> dict[str, list[list[str]]]:
    data: dict[str, list[list[str]]] = load_plain(template_text("agenda.yaml"))
    return data


def agenda_block(kind: MeetingKind, date: dt.date, roles: dict[str, str],
                 topic: Optional[str]) -> str:
    prev = (date.replace(day=1) - dt.timedelta(days=1)).month
    fill = {"month": date.month, "prev_month": prev, "year": date.year,
            "topic": f": {topic}" if topic else ""}
    rows = []
    for role, content in _agendas()[kind.value]:
        rows.append(f"  - presenter: {yaml_id(roles[role])}")
        rows.append(f"    content: {yaml_str(content.format(**fill))}")
    return "\n".join(rows)


def review_refs(cell: Cell, date: dt.date) -> list[tuple[str, TaskStatus]]:
    """Tasks to review at a regular meeting on ``date``: those of the meetings since the last
    regular one (inclusive) and reviews there still not done, each with its latest status."""
    earlier = [m for m in cell.meetings if m.date < date]
    regular = [i for i, m in enumerate(earlier) if m.kind is MeetingKind.regular]
    sources = earlier[regular[-1]:] if regular else earlier[-1:]
    status: dict[str, TaskStatus] = {}
    for meeting in sources:
        for review in meeting.review:
            status[review.task] = review.status
        for n in range(1, len(meeting.tasks) + 1):
            status.setdefault(f"{meeting.id}#{n}", TaskStatus.not_done)
    return [(ref, state) for ref, state in status.items()
            if state is not TaskStatus.done and re.match(r"^[^#\s]+#[1-9][0-9]*$", ref)]


def review_block(cell: Cell, date: dt.date) -> str:
    refs = review_refs(cell, date)
    head = "kiểm điểm nhiệm vụ kỳ trước; status: done (hoàn thành), in_progress (đang thực " \
           "hiện), not_done (chưa thực hiện)"
    if not refs:
        return line("review: []", head)
    rows = [line("review:", head)]
    for ref, state in refs:
        rows.append("  # " + one_line(f"{ref}: {_task_summary(cell, ref)}"))
        rows.append(f"  - task: {yaml_str(ref)}")
        rows.append(line(f"    status: {state.value}", "cập nhật tại cuộc họp"))
        rows.append(line("    note:", "kết quả cụ thể"))
    return "\n".join(rows)


def _task_summary(cell: Cell, ref: str) -> str:
    meeting_id, _sep, number = ref.partition("#")
    meeting = cell.meeting(meeting_id)
    index = int(number) - 1
    if meeting is None or index >= len(meeting.tasks):
        return "(không tìm thấy nhiệm vụ)"
    task = meeting.tasks[index]
    who = [task.owner] if task.owner else []
    who += [f"hạn {task.due.isoformat()}"] if task.due else []
    return task.what + (f" ({', '.join(who)})" if who else "")
