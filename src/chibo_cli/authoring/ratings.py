"""``chibo new-rating``: the year's rating record, listing the members the cell must rate."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Optional

from ..base.errors import ChiboError
from ..base.i18n import _
from ..records.loader import Cell
from ..records.models import Member, Rating
from ..rules.roster import standing
from ..rules.yearly import members_to_rate, rating_levels
from .files import checked, create, ensure_schemas, load_checked
from .text import line, render, schema_line, yaml_id

RATINGS_FOLDER = "ratings"


def rating_path(root: Path, year: int) -> Path:
    return root / RATINGS_FOLDER / f"{year}.yaml"


def new_rating(root: Path, year: int, meeting_id: Optional[str] = None) -> Path:
    """Write ``ratings/<year>.yaml`` with an entry for every member to rate; return its path."""
    cell = load_checked(root)
    path = rating_path(root, year)
    if path.exists():
        create(path, "")  # raises the never-overwrite error
    day = _review_day(cell, year, meeting_id)
    text = rating_text(cell, year, meeting_id, day)
    checked(text, Rating, path)
    ensure_schemas(root)
    path.parent.mkdir(exist_ok=True)
    return create(path, text)


def _review_day(cell: Cell, year: int, meeting_id: Optional[str]) -> dt.date:
    """The roster is read on the review meeting's day, else on the last day of the year."""
    if meeting_id is None:
        return dt.date(year, 12, 31)
    meeting = cell.meeting(meeting_id)
    if meeting is None:
        raise ChiboError(_("no meeting '{id}' in this cell", id=meeting_id),
                         _("give the name of the meeting's file without .yaml"))
    return meeting.date


def rating_text(cell: Cell, year: int, meeting_id: Optional[str], day: dt.date) -> str:
    assert cell.branch is not None
    levels = "; ".join(f"{key} ({name.lower()})" for key, name in rating_levels(cell).items())
    members = members_to_rate(cell, day)
    if not members:
        raise ChiboError(_("no member of the cell is to be rated on {day}", day=day.isoformat()),
                         _("members.yaml lists no member in the cell on that day"))
    path = rating_path(cell.root, year)
    return schema_line(path, cell.root, "rating") + render(
        "rating.yaml", year=str(year), cell=cell.branch.name, levels=levels,
        meeting=yaml_id(meeting_id) if meeting_id else "",
        example_meeting=f"{year}-12-09-regular", day=day.isoformat(),
        members="\n".join(_entry(member, day) for member in members))


def _entry(member: Member, day: dt.date) -> str:
    who = member.name + (" (dự bị)" if standing(member, day).probationary else "")
    return "\n".join([
        line(f"  - member: {yaml_id(member.id)}", who),
        line("    self_level:", "mức tự xếp loại"),
        line("    proposed_level:", "mức chi bộ đề nghị"),
        line("    vote:", "biểu quyết, ví dụ {for: 20, against: 0}"),
        line("    disciplined: false", "bị thi hành kỷ luật trong năm"),
        line("    note:", "ưu điểm, hạn chế"),
    ])
