"""Build the bundled example's ward member list: ``python tools/build_member_sheet.py``.

``examples/dang-bo-phuong-an-binh/chi-bo-to-dan-pho-5/danh-sach-dang-vien.xlsx`` is the list the
ward keeps for Chi bộ Tổ dân phố số 5 on 15/01/2026, laid out as ward offices lay theirs out:
title rows above the headings, the headings in the ward's own order and wording, citizen ids as
text with their leading zeros, dates partly typed as text and partly as Excel dates. It differs
from the cell's members.yaml in what ``chibo member import`` is there to find:

- Trịnh Văn Quang came to the cell by transfer on 12/01/2026 (a new member: ``--joined``);
- Lê Quang Hải's position changed (a change of ``title``);
- one citizen id was typed as a number, so Excel dropped its leading zero (a warning, mended).
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from zipfile import ZIP_DEFLATED, ZipFile, ZipInfo

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from chibo_cli.documents.member_list import list_rows
from chibo_cli.records.loader import load_cell

REPO = Path(__file__).resolve().parent.parent
CELL = REPO / "examples/dang-bo-phuong-an-binh/chi-bo-to-dan-pho-5"
OUT = CELL / "danh-sach-dang-vien.xlsx"
LIST_DATE = dt.date(2026, 1, 15)
HEADINGS = ("STT", "Họ và tên", "Ngày, tháng, năm sinh", "Giới tính", "Số CCCD", "Số thẻ ĐV",
            "Ngày vào Đảng", "Ngày chính thức", "Chức vụ", "Ghi chú")
NEW_MEMBER = ("Trịnh Văn Quang", dt.date(1979, 10, 21), "Nam", "046079004418", "37.027715",
              dt.date(2006, 9, 2), dt.date(2007, 9, 2), "Kỹ sư xây dựng, nghỉ hưu",
              "Chuyển sinh hoạt đến ngày 12/01/2026")
NEW_TITLE = ("Lê Quang Hải", "Tổ phó Tổ dân phố số 5")
NUMBER_ID = "Ngô Quang Vinh"  # his citizen id is typed as a number: 046049002105 → 46049002105
FONT = Font(name="Times New Roman", size=12)


def rows() -> list[tuple[object, ...]]:
    members = list_rows(load_cell(CELL), LIST_DATE, reveal=True)
    table: list[tuple[object, ...]] = []
    for number, row in enumerate(members, start=1):
        title = NEW_TITLE[1] if row.name == NEW_TITLE[0] else row.title
        citizen: object = int(row.citizen_id) if row.name == NUMBER_ID else row.citizen_id
        # Every other row's dates are text, as when a list has been through many hands.
        born: object = row.born if number % 2 else row.born.strftime("%d/%m/%Y")  # type: ignore
        table.append((number, row.name, born, row.gender.capitalize(), citizen, row.card_number,
                      _date(row.admitted), _date(row.confirmed), title, row.note))
    name, born, gender, citizen, card, admitted, confirmed, title, note = NEW_MEMBER
    table.append((len(table) + 1, name, born.strftime("%d/%m/%Y"), gender, citizen, card,
                  _date(admitted), _date(confirmed), title, note))
    return table


def _date(day: dt.date | None) -> str:
    return day.strftime("%d/%m/%Y") if day else ""


def build() -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = "DSDV"
    for text, row in (("ĐẢNG BỘ PHƯỜNG AN BÌNH", 1),
                      ("DANH SÁCH ĐẢNG VIÊN CHI BỘ TỔ DÂN PHỐ SỐ 5", 2),
                      (f"(Tính đến ngày {LIST_DATE.strftime('%d/%m/%Y')})", 3)):
        sheet.cell(row, 1, text).font = Font(name="Times New Roman", size=13, bold=row < 3)
    first = 5
    for col, heading in enumerate(HEADINGS, start=1):
        cell = sheet.cell(first, col, heading)
        cell.font = Font(name="Times New Roman", size=12, bold=True)
        cell.alignment = Alignment(horizontal="center", wrap_text=True)
    for offset, values in enumerate(rows(), start=1):
        for col, value in enumerate(values, start=1):
            cell = sheet.cell(first + offset, col, value if value != "" else None)
            cell.font = FONT
            if isinstance(value, dt.date):
                cell.number_format = "DD/MM/YYYY"
            elif isinstance(value, str):
                cell.number_format = "@"
    buffer = io.BytesIO()
    book.save(buffer)
    OUT.write_bytes(_stable(buffer.getvalue()))
    return OUT


def _stable(data: bytes) -> bytes:
    """The same bytes on every run: fixed times inside the archive and in its properties."""
    source, out = ZipFile(io.BytesIO(data)), io.BytesIO()
    with ZipFile(out, "w", ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = _fixed_times(content)
            fixed = ZipInfo(info.filename, date_time=(2026, 1, 15, 0, 0, 0))
            fixed.compress_type = ZIP_DEFLATED
            target.writestr(fixed, content)
    return out.getvalue()


def _fixed_times(core: bytes) -> bytes:
    import re

    return re.sub(rb"(<dcterms:(created|modified)[^>]*>)[^<]*", rb"\g<1>2026-01-15T00:00:00Z", core)


if __name__ == "__main__":
    print(build())
