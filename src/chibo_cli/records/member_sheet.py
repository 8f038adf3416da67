"""The ward's member list (danh sách đảng viên) read from a sheet: which column is which, and each
row as member fields, with every problem named by its row and column.

Headings are matched without diacritics, case or punctuation, in any order ("Họ và tên",
"HO TEN", "Ngày, tháng, năm sinh", "Số thẻ đảng viên (nếu có)"…). Lists often carry title rows
above the headings, so the heading row is the first of the top rows that names a member's name and
at least one other known column. A list that gives the birth date under a "Nam" or a "Nữ" column
(the old paper form) is read too.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Optional

from ..base.errors import ChiboError
from ..base.i18n import _
from .tabular import Cell, Sheet, column_letter
from .yamlio import nfc

MASK = "•"  # what trust.privacy.mask puts in place of hidden digits
HEADING_ROWS = 15  # title rows above the headings: a name, a date, a blank line or three

# field → headings (written without diacritics, lower case, single spaces)
HEADINGS: dict[str, tuple[str, ...]] = {
    "id": ("ma chibo",),
    "name": ("ho va ten", "ho ten", "ho va ten dang vien", "ten dang vien", "ho ten dang vien"),
    "gender": ("gioi tinh", "gioi", "nam nu"),
    "born": ("ngay sinh", "ngay thang nam sinh", "sinh ngay"),
    "born_male": ("nam",),
    "born_female": ("nu",),
    "admitted": ("ngay vao dang", "ngay ket nap", "ngay ket nap dang", "vao dang",
                 "ngay ket nap vao dang"),
    "confirmed": ("ngay chinh thuc", "ngay cong nhan chinh thuc", "ngay chuyen chinh thuc",
                  "ngay cong nhan dang vien chinh thuc", "chinh thuc"),
    "card_number": ("so the dang vien", "so the", "so the dv", "the dang vien"),
    "citizen_id": ("so cccd", "cccd", "so can cuoc cong dan", "so can cuoc", "so dinh danh",
                   "so dinh danh ca nhan", "so cmnd cccd", "cmnd cccd", "so cmnd"),
    "title": ("chuc vu", "chuc vu nghe nghiep", "nghe nghiep", "chuc vu cong tac",
              "chuc vu don vi cong tac"),
}
_BY_HEADING = {heading: key for key, headings in HEADINGS.items() for heading in headings}
# What each field is, in the cell's own words (shown in the mapping whatever the language).
FIELD_LABELS = {"id": "mã đảng viên trong chibo", "name": "họ và tên", "gender": "giới tính",
                "born": "ngày sinh", "born_male": "ngày sinh (nam)",
                "born_female": "ngày sinh (nữ)", "admitted": "ngày vào Đảng",
                "confirmed": "ngày chính thức", "card_number": "số thẻ đảng viên",
                "citizen_id": "số CCCD", "title": "chức vụ, nghề nghiệp"}
_DATE = re.compile(r"^(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})$")
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_PARENS = re.compile(r"\([^)]*\)")
_GENDERS = {"nam": "nam", "nu": "nữ", "male": "nam", "female": "nữ", "m": "nam", "f": "nữ"}


def plain(text: str) -> str:
    """``Số thẻ Đảng viên (nếu có)`` → ``so the dang vien``: a heading as it is matched."""
    text = _PARENS.sub(" ", nfc(text)).replace("đ", "d").replace("Đ", "D")
    text = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text.lower()).split())


@dataclass(frozen=True)
class Problem:
    row: int           # the row's number in the file
    column: str        # "C", or "" for the whole row
    message: str
    error: bool = True  # an error keeps the row out; a warning is shown and the row is used

    def where(self, sheet: str) -> str:
        return f"{sheet}:{self.row}" + (f":{self.column}" if self.column else "")


@dataclass
class Mapping:
    """Which column holds which field, and the headings nothing reads (shown, not silently lost)."""

    row: int                              # the heading row's number in the file
    index: int                            # its index in ``Sheet.rows``
    columns: dict[str, int] = field(default_factory=dict)
    headings: dict[int, str] = field(default_factory=dict)  # column → heading as written
    unused: list[int] = field(default_factory=list)


@dataclass
class SheetMember:
    """One row of the list, its values parsed; ``None`` where the list leaves the value out."""

    row: int
    name: str
    id: Optional[str] = None
    gender: Optional[str] = None
    born: Optional[dt.date] = None
    admitted: Optional[dt.date] = None
    confirmed: Optional[dt.date] = None
    card_number: Optional[str] = None
    citizen_id: Optional[str] = None
    title: Optional[str] = None


def find_mapping(sheet: Sheet) -> Mapping:
    """The heading row and its columns; a usage error naming the headings chibo looks for."""
    for index, row in enumerate(sheet.rows[:HEADING_ROWS]):
        found = {col: _BY_HEADING.get(plain(cell.text)) for col, cell in enumerate(row)}
        keys = [key for key in found.values() if key]
        if "name" in keys and len(set(keys)) >= 2:
            return _mapping(sheet, index, row, found)
    raise ChiboError(_("{sheet}: no heading row with 'Họ và tên' and another known column in its "
                       "first {count} rows", sheet=sheet.name, count=HEADING_ROWS),
                     _("headings chibo reads: Họ và tên, Giới tính, Ngày sinh, Ngày vào Đảng, "
                       "Ngày chính thức, Số thẻ đảng viên, Số CCCD, Chức vụ"))


def _mapping(sheet: Sheet, index: int, row: list[Cell],
             found: dict[int, Optional[str]]) -> Mapping:
    mapping = Mapping(sheet.numbers[index], index)
    for col, key in found.items():
        heading = row[col].text
        if not heading:
            continue
        mapping.headings[col] = heading
        if key is None or key in mapping.columns:
            mapping.unused.append(col)  # the second of two "Ngày sinh" columns is not guessed at
        else:
            mapping.columns[key] = col
    return mapping


def read_members(sheet: Sheet, mapping: Mapping, id_digits: int
                 ) -> tuple[list[SheetMember], list[Problem]]:
    """Every row under the headings that holds a name; blank rows and a trailing total are
    skipped."""
    members: list[SheetMember] = []
    problems: list[Problem] = []
    for row, number in zip(sheet.rows[mapping.index + 1:], sheet.numbers[mapping.index + 1:],
                           strict=True):
        if not any(cell.text for cell in row):
            continue
        member = _read_row(row, number, mapping, id_digits, problems)
        if member is not None:
            members.append(member)
    return members, problems


def _read_row(row: list[Cell], number: int, mapping: Mapping, id_digits: int,
              problems: list[Problem]) -> Optional[SheetMember]:
    reader = _RowReader(row, number, mapping, problems)
    name = " ".join(reader.text("name").split())
    if not name:
        if any(row[col].text for col in mapping.columns.values() if col < len(row)):
            problems.append(Problem(number, reader.letter("name"), _("no name in this row")))
        return None  # a row of notes or a total line under the table
    member = SheetMember(number, name, id=reader.text("id") or None,
                         title=reader.text("title") or None,
                         card_number=reader.card_number(), citizen_id=reader.citizen_id(id_digits))
    member.gender = reader.gender()
    member.born = reader.date("born")
    reader.born_by_gender(member)
    member.admitted = reader.date("admitted")
    member.confirmed = reader.date("confirmed")
    reader.order(member)
    return member


class _RowReader:
    """Reads one row's cells into values, adding a problem for each that cannot be read."""

    def __init__(self, row: list[Cell], number: int, mapping: Mapping,
                 problems: list[Problem]) -> None:
        self.row, self.number, self.mapping, self.problems = row, number, mapping, problems

    def cell(self, key: str) -> Cell:
        col = self.mapping.columns.get(key)
        return self.row[col] if col is not None and col < len(self.row) else Cell("")

    def text(self, key: str) -> str:
        return self.cell(key).text

    def letter(self, key: str) -> str:
        col = self.mapping.columns.get(key)
        return column_letter(col) if col is not None else ""

    def problem(self, key: str, message: str, error: bool = True) -> None:
        self.problems.append(Problem(self.number, self.letter(key), message, error))

    def date(self, key: str) -> Optional[dt.date]:
        text = self.text(key)
        if not text:
            return None
        day = parse_list_date(text)
        if day is None:
            self.problem(key, _("'{value}' is not a date", value=text) + "; " + _(
                "write dates as dd/mm/yyyy, e.g. 05/08/1975"))
        return day

    def gender(self) -> Optional[str]:
        text = self.text("gender")
        if not text:
            return None
        gender = _GENDERS.get(plain(text))
        if gender is None:
            self.problem("gender", _("gender '{value}' is not known", value=text) + "; " + _(
                "write nam or nữ"))
        return gender

    def born_by_gender(self, member: SheetMember) -> None:
        """The old form writes the birth date under the column "Nam" or the column "Nữ"."""
        for key, gender in (("born_male", "nam"), ("born_female", "nữ")):
            day = self.date(key) if self.text(key) else None
            if day is not None and member.born is None:
                member.born, member.gender = day, member.gender or gender

    def masked(self, key: str) -> bool:
        """A list exported without --reveal hides the ids: read them as not given."""
        if MASK not in self.text(key):
            return False
        self.problem(key, _("the number is masked ({value}), so it is not read",
                            value=self.text(key)) + "; " + _(
            "export the list with --reveal to import its numbers"), error=False)
        return True

    def card_number(self) -> Optional[str]:
        cell = self.cell("card_number")
        if self.masked("card_number"):
            return None
        value = "".join(cell.text.split())
        if value and cell.number:
            self.problem("card_number", _("the card number {value} is stored as a number in the "
                                          "sheet, so any leading zero is lost", value=value)
                         + "; " + _("format the column as Text in Excel and type it again"),
                         error=False)
        return value or None

    def citizen_id(self, digits: int) -> Optional[str]:
        cell = self.cell("citizen_id")
        if self.masked("citizen_id"):
            return None
        value = re.sub(r"[\s.]", "", cell.text)
        if not value:
            return None
        if not value.isdigit():
            self.problem("citizen_id", _("the citizen id '{value}' is not all digits",
                                         value=cell.text))
            return None
        if cell.number and len(value) < digits:
            # Excel dropped the zeros a number cannot start with; the id has a fixed length.
            self.problem("citizen_id", _("the citizen id was stored as a number and lost its "
                                         "leading zero(s); read as {value}",
                                         value=value.zfill(digits)), error=False)
            return value.zfill(digits)
        if len(value) != digits:
            self.problem("citizen_id", _("the citizen id {value} has {count} digits, not {digits}",
                                         value=value, count=len(value), digits=digits))
            return None
        return value

    def order(self, member: SheetMember) -> None:
        if member.born and member.admitted and member.admitted <= member.born:
            self.problem("admitted", _("admitted on or before the date of birth"))
        if member.admitted and member.confirmed and member.confirmed < member.admitted:
            self.problem("confirmed", _("confirmed before the date of admission"))


def parse_list_date(text: str) -> Optional[dt.date]:
    """``05/08/1975``, ``5/8/1975``, ``05-08-1975``, ``05.08.1975`` (day first, as Vietnamese
    lists write them) or ISO ``1975-08-05``; ``None`` when it is not a real date."""
    text = text.strip()
    try:
        if _ISO.match(text):
            return dt.date.fromisoformat(text)
        match = _DATE.match(text)
        if match:
            day, month, year = (int(g) for g in match.groups())
            return dt.date(year, month, day)
    except ValueError:
        return None
    return None
