"""A spreadsheet (.xlsx) or a CSV file read as rows of text, each row with its number in the file.

Every cell comes back as text, as the user sees it: a card number ``0370045`` typed as text keeps
its zero, a date cell becomes ``dd/mm/yyyy``. A number cell is marked, because Excel has already
dropped the leading zeros of an id stored as a number and only the reader can say so.
CSV files are read in the encodings the loader recognises: UTF-8 (with or without BOM), UTF-16
with a BOM, and the two legacy Vietnamese encodings (Windows-1258, TCVN3).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..base.errors import ChiboError
from ..base.i18n import _
from .encodings import decode_tcvn3, legacy_vietnamese, utf16_kind
from .yamlio import nfc

SUFFIXES = (".xlsx", ".xlsm", ".csv")


@dataclass(frozen=True)
class Cell:
    text: str
    number: bool = False  # the spreadsheet stored it as a number (leading zeros are gone)


@dataclass
class Sheet:
    """The rows of a file; ``rows[i]`` is line or row ``numbers[i]`` of the file."""

    name: str
    rows: list[list[Cell]] = field(default_factory=list)
    numbers: list[int] = field(default_factory=list)


def read_sheet(path: Path) -> Sheet:
    """The first worksheet of an .xlsx file, or a CSV file; a clear error for anything else."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise ChiboError(_("{path}: chibo reads member lists from .xlsx or .csv files", path=path),
                         _("in Excel, use Save As and choose Excel Workbook (.xlsx) or CSV UTF-8"))
    if not path.is_file():
        raise ChiboError(_("{path} does not exist", path=path))
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ChiboError(_("cannot read {path}: {error}", path=path,
                           error=exc.strerror or exc)) from None
    if suffix == ".csv":
        return Sheet(path.name, *_csv_rows(decode_csv(raw, path)))
    return _xlsx(raw, path)


# ------------------------------------------------------------------ CSV


def decode_csv(raw: bytes, path: Path) -> str:
    """The text of a CSV file in any encoding the loader recognises, normalised to NFC."""
    marked = _by_mark(raw)
    if marked:
        try:
            return nfc(raw.decode(marked))
        except UnicodeDecodeError:
            raise ChiboError(_("{path} starts as {encoding} but is not valid {encoding}",
                               path=path, encoding=marked.upper()),
                             _("in Excel, use Save As and choose CSV UTF-8 (Comma delimited)")
                             ) from None
    try:
        return nfc(raw.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    legacy = legacy_vietnamese(raw)
    if legacy == "tcvn3":
        return nfc(decode_tcvn3(raw))
    if legacy in ("cp1258", "either"):  # Excel on Vietnamese Windows saves "CSV" as cp1258
        return nfc(raw.decode("cp1258", errors="replace"))
    raise ChiboError(_("{path}: the text is neither UTF-8 nor a Vietnamese encoding chibo knows",
                       path=path),
                     _("in Excel, use Save As and choose CSV UTF-8 (Comma delimited)"))


def _by_mark(raw: bytes) -> str:
    """The encoding a byte-order mark names ("utf-8-sig", "utf-16"), or ""."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) and "32" not in utf16_kind(raw):
        return "utf-16"
    return ""


def _csv_rows(text: str) -> tuple[list[list[Cell]], list[int]]:
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(text[:4096], ",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    rows, numbers = [], []
    start = 1
    for values in reader:
        rows.append([Cell(v.strip()) for v in values])
        numbers.append(start)
        start = reader.line_num + 1  # a quoted value may span lines: number rows by their start
    return rows, numbers


# ------------------------------------------------------------------ xlsx


def _xlsx(raw: bytes, path: Path) -> Sheet:
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
        try:
            return _first_sheet(book, path)
        finally:
            book.close()
    except ChiboError:
        raise
    # openpyxl raises many kinds of error on a damaged or foreign file (zipfile, XML, KeyError,
    # TypeError…): each means the same to the user, and none may become a traceback.
    except Exception as exc:  # noqa: BLE001
        raise ChiboError(_("{path} is not a readable Excel workbook: {error}", path=path,
                           error=f"{type(exc).__name__}: {exc}"),
                         _("open it in Excel and save it again as Excel Workbook (.xlsx)")
                         ) from None


def _first_sheet(book: Any, path: Path) -> Sheet:
    if not book.worksheets:
        raise ChiboError(_("{path} has no worksheet", path=path))
    sheet = book.worksheets[0]
    result = Sheet(f"{path.name} [{sheet.title}]")
    for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
        result.rows.append([_xlsx_cell(v) for v in values])
        result.numbers.append(number)
    return result


def _xlsx_cell(value: object) -> Cell:
    if value is None:
        return Cell("")
    if isinstance(value, dt.datetime):
        return Cell(value.date().strftime("%d/%m/%Y"))
    if isinstance(value, dt.date):
        return Cell(value.strftime("%d/%m/%Y"))
    if isinstance(value, bool):
        return Cell(str(value))
    if isinstance(value, float) and value.is_integer():
        return Cell(str(int(value)), number=True)
    if isinstance(value, (int, float)):
        return Cell(str(value), number=True)
    return Cell(nfc(str(value)).strip())


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA: the column as the spreadsheet names it."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters
