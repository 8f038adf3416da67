"""The member list (danh sách đảng viên) on a date, as the ward asks for it: Word (the Party's
layout, from the ``member-list`` template), Excel, or CSV. Card and citizen numbers are masked
unless revealed. The column headings are those ``chibo member import`` reads, so a list exported
with ``--reveal`` imports back without a change."""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import astuple, dataclass, field
from pathlib import Path
from typing import Optional

from ..base.atomic import write_bytes_atomic
from ..base.dates import date_words
from ..base.errors import ChiboError
from ..base.i18n import _
from ..records.loader import Cell
from ..records.models import Category, EventKind, Member
from ..rules.roster import Standing, standing
from ..trust.privacy import mask
from . import context as ctx
from . import shapes

FORMATS = ("xlsx", "docx", "csv")
TITLE = "DANH SÁCH ĐẢNG VIÊN"
HEADINGS = ("STT", "Họ và tên", "Giới tính", "Ngày sinh", "Ngày vào Đảng", "Ngày chính thức",
            "Số thẻ đảng viên", "Số CCCD", "Chức vụ, nghề nghiệp", "Ghi chú")
WIDTHS = (6, 26, 9, 12, 14, 14, 16, 16, 30, 28)  # xlsx columns, in characters
DATE_COLUMNS = (3, 4, 5)
TEXT_COLUMNS = (6, 7)  # ids: text, so Excel keeps their leading zeros


@dataclass(frozen=True)
class ListRow:
    number: int
    name: str
    gender: str
    born: Optional[dt.date]
    admitted: Optional[dt.date]
    confirmed: Optional[dt.date]
    card_number: str
    citizen_id: str
    title: str
    note: str
    probationary: bool = field(default=False, compare=False)

    def values(self) -> tuple[object, ...]:
        """The values under ``HEADINGS``, in order."""
        return astuple(self)[:len(HEADINGS)]


def list_rows(cell: Cell, on: dt.date, reveal: bool = False) -> list[ListRow]:
    """The members in the cell on ``on`` (and those attached to it), in the roster's order."""
    rows: list[ListRow] = []
    for member in cell.members:
        state = standing(member, on)
        if not (state.in_cell or state.attached):
            continue
        rows.append(ListRow(len(rows) + 1, ctx.clean(member.name), member.gender.value.title(),
                            member.born, _first(member, EventKind.admitted, on),
                            _first(member, EventKind.confirmed, on),
                            mask(member.card_number, reveal), mask(member.citizen_id, reveal),
                            ctx.clean(member.title), note(state),
                            state.category is Category.probationary))
    return rows


def _first(member: Member, kind: EventKind, on: dt.date) -> Optional[dt.date]:
    dates = [e.date for e in member.history if e.event is kind and e.date <= on]
    return dates[0] if dates else None


def note(state: Standing) -> str:
    """What the ward needs to know beside the name: probation, exemption, absence."""
    parts = ["Dự bị" if state.category is Category.probationary else ""]
    parts += [label for flag, label in (
        (state.attached and not state.in_cell, "Sinh hoạt tạm thời tại chi bộ"),
        (state.exempted, "Miễn công tác và sinh hoạt đảng"),
        (state.away, "Sinh hoạt tạm thời nơi khác"),
        (state.suspended, "Đình chỉ sinh hoạt")) if flag]
    return "; ".join(p for p in parts if p)


def _date_text(day: Optional[dt.date]) -> str:
    return day.strftime("%d/%m/%Y") if day else ""


def export_members(cell: Cell, out: Path, file_format: str, on: dt.date, *,
                   reveal: bool = False, force: bool = False,
                   templates: Optional[Path] = None) -> Path:
    """Write the list to ``out/danh-sach-dang-vien-<date>.<format>``; return the file."""
    rows = list_rows(cell, on, reveal)
    if not rows:
        raise ChiboError(_("{cell}: no members on {date}; there is no list to make",
                           cell=cell.name, date=on.isoformat()))
    target = out / f"danh-sach-dang-vien-{on.isoformat()}.{file_format}"
    if target.exists() and not force:
        raise ChiboError(_("{path} exists; not overwritten", path=target),
                         _("use --force to replace it"))
    makers = {"csv": lambda: csv_bytes(rows), "xlsx": lambda: xlsx_bytes(cell, rows, on),
              "docx": lambda: docx_bytes(cell, rows, on, templates)}
    write_bytes_atomic(target, makers[file_format](), overwrite=force)
    return target


# ------------------------------------------------------------------ CSV and Excel


def _texts(row: ListRow) -> list[str]:
    return [_date_text(v) if isinstance(v, dt.date) else "" if v is None else str(v)
            for v in row.values()]


def csv_bytes(rows: list[ListRow]) -> bytes:
    """UTF-8 with a BOM: Excel opens it with the Vietnamese letters intact."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(HEADINGS)
    writer.writerows(_texts(row) for row in rows)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def xlsx_bytes(cell: Cell, rows: list[ListRow], on: dt.date) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    sheet.title = "Danh sách đảng viên"
    font = str(cell.rules["layout.font"])
    header = ctx.header(cell, on)
    titles = [(header["superior"], False), (header["cell"], True), ("", False),
              (TITLE, True), (f"(Đến {date_words(on)})", False)]
    for number, (text, bold) in enumerate(titles, start=1):
        sheet.cell(number, 1, text).font = Font(name=font, size=13, bold=bold)
    for number in (4, 5):
        sheet.merge_cells(start_row=number, end_row=number, start_column=1,
                          end_column=len(HEADINGS))
        sheet.cell(number, 1).alignment = Alignment(horizontal="center")
    thin = Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    first = len(titles) + 2
    for col, heading in enumerate(HEADINGS, start=1):
        head = sheet.cell(first, col, heading)
        head.font, head.border = Font(name=font, size=12, bold=True), box
        head.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        sheet.column_dimensions[get_column_letter(col)].width = WIDTHS[col - 1]
    for offset, row in enumerate(rows, start=1):
        for col, value in enumerate(row.values()):
            target = sheet.cell(first + offset, col + 1, value if value != "" else None)
            target.font, target.border = Font(name=font, size=12), box
            if col in DATE_COLUMNS:
                target.number_format = "DD/MM/YYYY"
            elif col in TEXT_COLUMNS:
                target.number_format = "@"
    sheet.freeze_panes = sheet.cell(first + 1, 1)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


# ------------------------------------------------------------------ Word


def context(cell: Cell, rows: list[ListRow], on: dt.date) -> shapes.MemberListContext:
    branch = cell.branch
    secretary = branch.committee.secretary if branch else None
    full = sum(1 for r in rows if not r.probationary)
    return {"d": {
        "header": ctx.header(cell, on),
        "summary": f"{ctx.clean(branch.name) if branch else ''} (đến {date_words(on)})",
        "rows": [{"number": r.number, "name": r.name, "gender": r.gender,
                  "born": _date_text(r.born), "admitted": _date_text(r.admitted),
                  "confirmed": _date_text(r.confirmed), "card_number": r.card_number,
                  "citizen_id": r.citizen_id, "title": r.title, "note": r.note} for r in rows],
        "total": len(rows), "full": full, "probationary": len(rows) - full,
        "signer": ctx.person(cell, secretary, "BÍ THƯ"),
    }}


def docx_bytes(cell: Cell, rows: list[ListRow], on: dt.date, templates: Optional[Path]) -> bytes:
    from .api import render_bytes
    from .templates import find

    template = find("member-list", cell.root, templates).path
    return render_bytes(template, dict(context(cell, rows, on)), cell.rules)
