"""The year-end rating's documents: the cell's list proposing each member's level (danh sách đề
nghị xếp loại) as DOCX and xlsx, and the minutes of the review meeting.

    from chibo_cli.documents.ratings import render_rating_list
    render_rating_list(cell, cell.ratings[0], Path("out"))
"""

from __future__ import annotations

import datetime as dt
import io
from collections import Counter
from pathlib import Path
from typing import Optional, TypedDict

from ..base.atomic import write_bytes_atomic
from ..base.dates import date_words
from ..base.errors import ChiboError
from ..base.i18n import _
from ..records.loader import Cell
from ..records.models import Rating
from ..rules.roster import standing
from ..rules.yearly import rating_day, rating_levels, review_meeting
from . import context as ctx
from . import shapes
from .api import _render, output_path


class RatingRow(TypedDict):
    index: int
    name: str
    category: str       # Chính thức / Dự bị
    self_level: str     # the level's name, or "" when not written
    proposed_level: str
    vote: str           # "20/20", or ""
    note: str


class RatingTotal(TypedDict):
    name: str           # Hoàn thành tốt nhiệm vụ
    count: int
    percent: str        # 78,3%


class RatingList(TypedDict):
    header: shapes.Header
    year: int
    meeting_date: str   # ngày 09 tháng 12 năm 2025, or ""
    rows: list[RatingRow]
    totals: list[RatingTotal]
    rated: int
    collective: str     # the collective's self-assessed level, by name, or ""
    collective_note: list[str]
    signer: shapes.Person
    recipients: list[str]


class RatingListContext(TypedDict):
    l: RatingList  # noqa: E741 - the templates' short names: m, r, l


class RatingMinutesContext(TypedDict):
    m: shapes.Minutes
    l: RatingList  # noqa: E741


def rating_list(cell: Cell, rating: Rating) -> RatingList:
    """The context of the list, as the list and the minutes print it."""
    levels = rating_levels(cell)
    meeting = review_meeting(cell, rating)
    day = rating_day(cell, rating)
    rows = [_row(cell, rating, index, levels, day) for index in range(len(rating.members))]
    counts = Counter(entry.proposed_level for entry in rating.members if entry.proposed_level)
    rated = sum(counts.values())
    branch = cell.branch
    if branch is None:
        raise ChiboError(_("{path}: branch.yaml could not be read; run 'chibo validate'",
                           path=cell.root))
    return {
        "header": ctx.header(cell, meeting.date if meeting else day),
        "year": rating.year,
        "meeting_date": date_words(meeting.date) if meeting else "",
        "rows": rows, "rated": rated,
        "totals": [{"name": name, "count": counts[key], "percent": _percent(counts[key], rated)}
                   for key, name in levels.items()],
        "collective": levels.get(rating.collective.self_level or "", ""),
        "collective_note": ctx.paragraphs(rating.collective.note),
        "signer": ctx.person(cell, branch.committee.secretary, "BÍ THƯ"),
        "recipients": [f"{ctx.superior_short(ctx.clean(branch.superior))} (để báo cáo)",
                       "Lưu chi bộ"],
    }


def _row(cell: Cell, rating: Rating, index: int, levels: dict[str, str],
         day: dt.date) -> RatingRow:
    entry = rating.members[index]
    member = cell.member(entry.member)
    probationary = member is not None and standing(member, day).probationary
    vote = entry.vote
    return {"index": index + 1, "name": ctx.name_of(cell, entry.member),
            "category": "Dự bị" if probationary else "Chính thức",
            "self_level": levels.get(entry.self_level or "", ""),
            "proposed_level": levels.get(entry.proposed_level or "", ""),
            "vote": f"{vote.for_}/{vote.for_ + vote.against + vote.other}" if vote else "",
            "note": ctx.clean(entry.note)}


def _percent(part: int, whole: int) -> str:
    share = part * 100 / whole if whole else 0.0
    return f"{share:.1f}".rstrip("0").rstrip(".").replace(".", ",") + "%"


def render_rating_list(cell: Cell, rating: Rating, out: Path, *,
                       templates: Optional[Path] = None, force: bool = False) -> Path:
    """``out/de-nghi-xep-loai-<year>.docx``."""
    context: RatingListContext = {"l": rating_list(cell, rating)}
    return _render(cell, "rating-list", context, out, f"de-nghi-xep-loai-{rating.year}",
                   templates, force)


def render_rating_minutes(cell: Cell, rating: Rating, out: Path, *,
                          templates: Optional[Path] = None, force: bool = False) -> Path:
    """``out/bien-ban-kiem-diem-<year>.docx``: the review meeting with the rating's results."""
    meeting = review_meeting(cell, rating)
    if meeting is None:
        raise ChiboError(_("the review of {year} names no meeting that exists", year=rating.year),
                         _("write 'meeting:' in ratings/{year}.yaml", year=rating.year))
    context: RatingMinutesContext = {"m": ctx.minutes(cell, meeting),
                                     "l": rating_list(cell, rating)}
    return _render(cell, "rating-minutes", context, out, f"bien-ban-kiem-diem-{rating.year}",
                   templates, force)


XLSX_HEADINGS = ("STT", "Họ và tên", "Đảng viên", "Tự xếp loại", "Chi bộ đề nghị",
                 "Biểu quyết (tán thành/số biểu quyết)", "Ghi chú")
XLSX_WIDTHS = (6, 30, 12, 30, 30, 16, 40)


def render_rating_xlsx(cell: Cell, rating: Rating, out: Path, *, force: bool = False) -> Path:
    """``out/de-nghi-xep-loai-<year>.xlsx``: the same list as a spreadsheet for the ward."""
    target = output_path(out, f"de-nghi-xep-loai-{rating.year}").with_suffix(".xlsx")
    if target.exists() and not force:
        raise ChiboError(_("{path} exists; not overwritten", path=target),
                         _("use --force to replace it"))
    write_bytes_atomic(target, rating_xlsx_bytes(rating_list(cell, rating)), overwrite=force)
    return target


def rating_xlsx_bytes(data: RatingList) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    sheet.title = f"Xếp loại {data['year']}"
    sheet.append([f"{data['header']['cell']} — DANH SÁCH ĐỀ NGHỊ XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN "
                  f"NĂM {data['year']}"])
    sheet.append(list(XLSX_HEADINGS))
    for row in data["rows"]:
        sheet.append([row["index"], row["name"], row["category"], row["self_level"],
                      row["proposed_level"], row["vote"], row["note"]])
    sheet.append([])
    for total in data["totals"]:
        sheet.append([None, total["name"], total["count"], total["percent"]])
    for cell in sheet[1] + sheet[2]:
        cell.font = Font(name="Times New Roman", bold=True)
    for index, width in enumerate(XLSX_WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    for row in sheet.iter_rows(min_row=3):
        for cell in row:
            cell.font = Font(name="Times New Roman")
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A3"
    book.properties.creator = "chibo"
    book.properties.created = book.properties.modified = dt.datetime(2026, 1, 1)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
