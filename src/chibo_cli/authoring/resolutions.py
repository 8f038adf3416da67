"""``chibo new-resolution``: a draft resolution linked to its meeting.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Optional

from ..base.errors import ChiboError
from ..base.i18n import _
from ..records.loader import Cell
from ..records.locate import record_cell
from ..records.models import (
    Meeting,
    MeetingKind,
    Resolution,
    Task,
)
from .files import checked, create, ensure_schemas, load_checked
from .text import line, render, schema_line, yaml_id, yaml_str


def find_meeting(reference: str, cell_dir: Optional[Path]) -> tuple[Cell, Meeting]:
    """A meeting named by its file path or by its id (in ``cell_dir``, default the current one)."""
    root, meeting_id = record_cell(reference, cell_dir)
    cell = load_checked(root)
    meeting = cell.meeting_or_planned(meeting_id)
    if meeting is not None:
        return cell, meeting
    if meeting_id in cell.broken_ids:
        raise ChiboError(_("meeting '{id}' has errors", id=meeting_id),
                         _("run 'chibo validate' to see them"))
    known = ", ".join(m.id for m in cell.meetings[-3:]) or _("none yet")
    raise ChiboError(_("unknown meeting '{id}'", id=meeting_id),
                     _("latest meetings: {ids}", ids=known))


def resolution_title(meeting: Meeting) -> str:
    """Dates written as the documents write them (``tháng 01``), so title and summary agree."""
    from ..base.dates import date_words, month_year

    if meeting.kind is MeetingKind.thematic:
        about = f"“{meeting.topic}”" if meeting.topic else month_year(meeting.date)
        return f"Nghị quyết chuyên đề {about}"
    if meeting.kind is MeetingKind.extraordinary:
        return f"Nghị quyết chi bộ {date_words(meeting.date)}"
    return f"Nghị quyết chi bộ {month_year(meeting.date)}"


def resolution_text(root: Path, meeting: Meeting) -> str:
    path = root / "resolutions" / f"{meeting.id}.yaml"
    return schema_line(path, root, "resolution") + render(
        "resolution.yaml", meeting=yaml_str(meeting.id), title=yaml_str(resolution_title(meeting)),
        tasks=tasks_block(meeting.tasks))


def tasks_block(tasks: Sequence[Task]) -> str:
    head = "phân công thực hiện, chép từ biên bản"
    if not tasks:
        return line("tasks: []", head + ", ví dụ - {owner: le-thi-hoa, what: \"…\", due: …}")
    rows = [line("tasks:", head)]
    for task in tasks:
        rows.append(line(f"  - owner: {yaml_id(task.owner) if task.owner else ''}",
                         "người thực hiện (mã đảng viên)"))
        rows.append(line(f"    what: {yaml_str(task.what)}", "nhiệm vụ"))
        rows.append(line(f"    due: {task.due.isoformat() if task.due else ''}", "thời hạn"))
    return "\n".join(rows)


def new_resolution(reference: str, cell_dir: Optional[Path] = None) -> Path:
    """Write the draft resolution of a meeting; return its path."""
    cell, meeting = find_meeting(reference, cell_dir)
    path = cell.root / "resolutions" / f"{meeting.id}.yaml"
    if path.exists():
        create(path, "")  # raises the never-overwrite error
    text = resolution_text(cell.root, meeting)
    checked(text, Resolution, path)
    ensure_schemas(cell.root)
    return create(path, text)
