"""Reading the ward's member list: files, encodings, headings, values and every row's problem."""

from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path

import pytest

from chibo_cli.base.errors import ChiboError
from chibo_cli.records.encodings import TCVN3_TABLE
from chibo_cli.records.member_sheet import (
    find_mapping,
    parse_list_date,
    plain,
    read_members,
)
from chibo_cli.records.tabular import Cell, Sheet, column_letter, read_sheet

TONES = "\u0300\u0301\u0303\u0309\u0323"
CSV = "Họ và tên,Ngày sinh,Giới tính,Số CCCD\nLê Thị Hoa,01/12/1985,Nữ,001185001234\n"


def write_xlsx(path: Path, rows: list[list[object]], text_columns: tuple[int, ...] = ()) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    for r, values in enumerate(rows, start=1):
        for c, value in enumerate(values, start=1):
            cell = sheet.cell(r, c, value)
            if c in text_columns:
                cell.number_format = "@"
    book.save(path)
    return path


def sheet_of(*rows: list[str]) -> Sheet:
    return Sheet("list.csv", [[Cell(v) for v in row] for row in rows],
                 list(range(1, len(rows) + 1)))


# ------------------------------------------------------------------ files


def cp1258(text: str) -> bytes:
    """Windows-1258 writes the tone as a separate mark after a letter such as ê or ơ."""
    out = []
    for char in text:
        parts = unicodedata.normalize("NFD", char)
        tones = "".join(c for c in parts if c in TONES)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONES))
        out.append(base + tones)
    return "".join(out).encode("cp1258")


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1258"])
def test_csv_in_the_encodings_the_loader_knows(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "list.csv"
    path.write_bytes(cp1258(CSV) if encoding == "cp1258" else CSV.encode(encoding))
    rows = read_sheet(path).rows
    assert [c.text for c in rows[1]] == ["Lê Thị Hoa", "01/12/1985", "Nữ", "001185001234"]


def test_csv_in_tcvn3(tmp_path: Path) -> None:
    to_byte = {char: code for code, char in TCVN3_TABLE.items()}
    text = "Họ và tên;Ngày sinh\nLê Thị Hoa;01/12/1985\nĐỗ Văn Minh;15/07/1990\n"
    path = tmp_path / "list.csv"
    path.write_bytes(bytes(to_byte.get(ch, ord(ch)) for ch in text))  # as saved with .VnTime
    rows = read_sheet(path).rows
    assert rows[0][0].text == "Họ và tên" and rows[2][0].text == "Đỗ Văn Minh"


def test_csv_with_semicolons_and_a_quoted_line_break(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text('Họ và tên;Ghi chú\n"Lê Thị Hoa";"hai\ndòng"\nĐỗ Văn Minh;x\n',
                    encoding="utf-8")
    sheet = read_sheet(path)
    assert sheet.rows[2][0].text == "Đỗ Văn Minh" and sheet.numbers == [1, 2, 4]


def test_xlsx_cells_are_text_dates_and_marked_numbers(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "list.xlsx", [
        ["Họ và tên", "Ngày sinh", "Số CCCD", "Số thẻ"],
        ["Lê Thị Hoa", dt.datetime(1985, 12, 1), "001185001234", 79012345],
    ], text_columns=(3,))
    row = read_sheet(path).rows[1]
    assert row[1] == Cell("01/12/1985") and row[2] == Cell("001185001234")
    assert row[3] == Cell("79012345", number=True)


@pytest.mark.parametrize(("name", "data", "message"), [
    ("list.xls", b"\xd0\xcf\x11\xe0", ".xlsx or .csv"),
    ("list.xlsx", b"not a zip", "not a readable Excel workbook"),
    ("list.csv", b"\x81\x8d\x8f\x90\x9d" * 20, "neither UTF-8"),
])
def test_unreadable_files_are_usage_errors(tmp_path: Path, name: str, data: bytes,
                                           message: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(ChiboError, match=message):
        read_sheet(path)


def test_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ChiboError, match="does not exist"):
        read_sheet(tmp_path / "none.csv")


def test_column_letters() -> None:
    assert [column_letter(i) for i in (0, 25, 26, 27, 701, 702)] == \
        ["A", "Z", "AA", "AB", "ZZ", "AAA"]


# ------------------------------------------------------------------ headings


@pytest.mark.parametrize(("heading", "field"), [
    ("Họ và tên", "name"), ("HỌ VÀ TÊN", "name"), ("Ho va ten", "name"), ("Họ tên", "name"),
    ("Ngày, tháng, năm sinh", "born"), ("Ngày sinh", "born"), ("Giới tính", "gender"),
    ("Số thẻ đảng viên (nếu có)", "card_number"), ("Số thẻ ĐV", "card_number"),
    ("Số CCCD", "citizen_id"), ("Số CMND/CCCD", "citizen_id"), ("Số định danh cá nhân",
                                                                 "citizen_id"),
    ("Ngày vào Đảng", "admitted"), ("Ngày kết nạp", "admitted"),
    ("Ngày chính thức", "confirmed"), ("Ngày công nhận chính thức", "confirmed"),
    ("Chức vụ", "title"), ("Chức vụ, nghề nghiệp", "title"), ("Mã chibo", "id"),
])
def test_headings_with_or_without_diacritics_in_any_case(heading: str, field: str) -> None:
    mapping = find_mapping(sheet_of([heading, "Họ và tên" if field != "name" else "Ngày sinh"]))
    assert mapping.columns[field] == 0


def test_the_heading_row_is_found_below_title_rows() -> None:
    sheet = sheet_of(["ĐẢNG BỘ PHƯỜNG AN BÌNH"], ["DANH SÁCH ĐẢNG VIÊN"], [],
                     ["STT", "Ngày sinh", "Họ và tên", "Ghi chú"], ["1", "01/12/1985", "Lê Hoa"])
    mapping = find_mapping(sheet)
    assert mapping.row == 4 and mapping.columns == {"born": 1, "name": 2}
    assert mapping.unused == [0, 3]


def test_a_second_column_with_the_same_meaning_is_not_used() -> None:
    mapping = find_mapping(sheet_of(["Họ và tên", "Ngày sinh", "Ngày sinh"]))
    assert mapping.columns["born"] == 1 and mapping.unused == [2]


def test_no_heading_row_names_what_chibo_looks_for() -> None:
    with pytest.raises(ChiboError, match="no heading row") as caught:
        find_mapping(sheet_of(["Tên", "Tuổi"], ["Hoa", "40"]))
    assert "Họ và tên" in caught.value.hint


def test_plain() -> None:
    assert plain("  Số thẻ  Đảng viên (nếu có) ") == "so the dang vien"


# ------------------------------------------------------------------ rows


def read(*rows: list[str], digits: int = 12) -> tuple[list, list]:  # type: ignore[type-arg]
    sheet = sheet_of(["Họ và tên", "Ngày sinh", "Giới tính", "Số CCCD", "Ngày vào Đảng",
                      "Ngày chính thức", "Số thẻ"], *rows)
    return read_members(sheet, find_mapping(sheet), digits)


def test_a_row_read_whole() -> None:
    members, problems = read(["  Lê  Thị Hoa ", "1/12/1985", "nữ", "001 185 001 234",
                              "03.02.2010", "2011-02-03", "79.012345"])
    assert problems == []
    member = members[0]
    assert (member.name, member.gender, member.born, member.citizen_id) == \
        ("Lê Thị Hoa", "nữ", dt.date(1985, 12, 1), "001185001234")
    assert (member.admitted, member.confirmed, member.card_number) == \
        (dt.date(2010, 2, 3), dt.date(2011, 2, 3), "79.012345")


@pytest.mark.parametrize(("row", "column", "message"), [
    (["Lê Thị Hoa", "31/02/1985"], "B", "'31/02/1985' is not a date"),
    (["Lê Thị Hoa", "", "bê đê"], "C", "gender 'bê đê' is not known"),
    (["Lê Thị Hoa", "", "", "0011850012"], "D", "has 10 digits, not 12"),
    (["Lê Thị Hoa", "", "", "00118500123X"], "D", "not all digits"),
    (["Lê Thị Hoa", "01/12/1985", "", "", "01/12/1985"], "E", "on or before the date of birth"),
    (["Lê Thị Hoa", "", "", "", "03/02/2010", "03/02/2009"], "F", "before the date of admission"),
    (["", "01/12/1985"], "A", "no name in this row"),
])
def test_each_problem_names_its_row_and_column(row: list[str], column: str, message: str) -> None:
    _members, problems = read(["Đỗ Văn Minh"], row)
    assert [(p.row, p.column) for p in problems] == [(3, column)]
    assert message in problems[0].message
    assert problems[0].where("list.csv") == f"list.csv:3:{column}"


def test_blank_rows_and_a_total_line_without_columns_are_skipped() -> None:
    members, problems = read(["Lê Thị Hoa"], [], ["", "", "", "", "", "", ""])
    assert [m.name for m in members] == ["Lê Thị Hoa"] and problems == []


def test_a_citizen_id_stored_as_a_number_gets_its_zero_back() -> None:
    sheet = Sheet("list.xlsx", [[Cell("Họ và tên"), Cell("Số CCCD")],
                                [Cell("Lê Thị Hoa"), Cell("1185001234", number=True)]], [1, 2])
    members, problems = read_members(sheet, find_mapping(sheet), 12)
    assert members[0].citizen_id == "001185001234"
    assert not problems[0].error and "lost its leading zero" in problems[0].message


def test_a_card_number_stored_as_a_number_is_a_warning() -> None:
    sheet = Sheet("list.xlsx", [[Cell("Họ và tên"), Cell("Số thẻ đảng viên")],
                                [Cell("Lê Thị Hoa"), Cell("7901234", number=True)]], [1, 2])
    members, problems = read_members(sheet, find_mapping(sheet), 12)
    assert members[0].card_number == "7901234" and not problems[0].error


def test_masked_numbers_are_not_read() -> None:
    members, problems = read(["Lê Thị Hoa", "", "", "•••••••••234", "", "", "•••••345"])
    assert members[0].citizen_id is None and members[0].card_number is None
    assert sorted(p.column for p in problems) == ["D", "G"]
    assert not any(p.error for p in problems)


def test_the_old_form_writes_the_birth_date_under_nam_or_nu() -> None:
    sheet = sheet_of(["Họ và tên", "Nam", "Nữ"], ["Lê Thị Hoa", "", "01/12/1985"],
                     ["Đỗ Văn Minh", "15/07/1990", ""])
    members, problems = read_members(sheet, find_mapping(sheet), 12)
    assert [(m.gender, m.born) for m in members] == [("nữ", dt.date(1985, 12, 1)),
                                                      ("nam", dt.date(1990, 7, 15))]
    assert problems == []


@pytest.mark.parametrize(("text", "day"), [
    ("05/08/1975", dt.date(1975, 8, 5)), ("5/8/1975", dt.date(1975, 8, 5)),
    ("05-08-1975", dt.date(1975, 8, 5)), ("05.08.1975", dt.date(1975, 8, 5)),
    ("1975-08-05", dt.date(1975, 8, 5)), ("29/02/2023", None), ("05/08/75", None),
    ("tháng 8", None),
])
def test_list_dates_are_day_first(text: str, day: dt.date | None) -> None:
    assert parse_list_date(text) == day


@pytest.mark.parametrize(("name", "data", "message"), [
    ("list.csv", b"\xef\xbb\xbfH\xff\xfe", "not valid UTF-8-SIG"),
    ("list.xlsx", b"PK\x05\x06" + b"\x00" * 18, "not a readable Excel workbook"),
])
def test_damaged_files_are_usage_errors(tmp_path: Path, name: str, data: bytes,
                                        message: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(ChiboError, match=message):
        read_sheet(path)


def test_a_workbook_with_damaged_xml(tmp_path: Path) -> None:
    import zipfile

    good = write_xlsx(tmp_path / "good.xlsx", [["Họ và tên"], ["Lê Thị Hoa"]])
    bad = tmp_path / "bad.xlsx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(bad, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            target.writestr(item, data[:40] if item.filename.endswith("sheet1.xml") else data)
    with pytest.raises(ChiboError, match="not a readable Excel workbook"):
        read_sheet(bad)
