"""Small helpers the check families share: rule sources, resolution symbols and dates, months."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from fractions import Fraction
from typing import Optional

from ...records.loader import Cell
from ...records.models import Meeting, Resolution, Term
from ..roster import Attendance, Standing, attendance


def rule_source(cell: Cell, key: str, on: Optional[dt.date] = None) -> str:
    """The document a rule comes from (or the file that overrode it), for hints. Hints put it in
    parentheses, so a parenthesis inside the source becomes a clause: no "(… (…))"."""
    rule = cell.rules.on(on).rules[key]
    source = re.sub(r"\s*\(([^()]*)\)", r"; \1", rule.source)
    if rule.origin != "rulebook":
        return f"{source}; {rule.origin}"
    return source


def rule_int(cell: Cell, key: str, on: Optional[dt.date] = None) -> int:
    """A whole-number rule, as in force on ``on`` (a record's date; None: the latest)."""
    return int(cell.rules.on(on)[key])


def rule_fraction(cell: Cell, key: str, on: Optional[dt.date] = None) -> Fraction:
    return cell.rules.on(on).fraction(key)


def number_text(cell: Cell, number: int) -> str:
    return f"{number:0{rule_int(cell, 'numbering.min_digits')}d}"


def symbol(cell: Cell, resolution: Resolution) -> str:
    """``05-NQ/CB``; a resolution without a number is named by its id."""
    if resolution.number is None:
        return resolution.id
    suffix = cell.rules["numbering.cell_suffix"]
    return f"{number_text(cell, resolution.number)}-{resolution.type}/{suffix}"


def attendance_at(cell: Cell, meeting: Meeting) -> Attendance:
    """``roster.attendance`` of a meeting, computed once for all the checks (a ward has
    thousands of meetings, and several checks count each one)."""
    cache: dict[str, Attendance] = cell.derived.setdefault("attendance", {})
    key = meeting.meta.file or meeting.id
    if key not in cache:
        cache[key] = attendance(meeting, cell.members)
    return cache[key]


def meeting_of(cell: Cell, resolution: Resolution) -> Optional[Meeting]:
    return cell.meeting(resolution.meeting)


def resolution_date(cell: Cell, resolution: Resolution) -> Optional[dt.date]:
    """Its own date, else its meeting's date; for a meeting that failed to load, the date its
    id starts with (so one bad time in the minutes does not also open a gap in the numbers)."""
    if resolution.date is not None:
        return resolution.date
    meeting = meeting_of(cell, resolution)
    if meeting is not None:
        return meeting.date
    return date_in_id(resolution.meeting) if resolution.meeting in cell.broken_ids else None


def date_in_id(record_id: str) -> Optional[dt.date]:
    """The date a record id starts with (``2025-08-05-regular``), if it is a real one."""
    try:
        return dt.date.fromisoformat(record_id[:10])
    except ValueError:
        return None


def unreadable_months(cell: Cell) -> set[tuple[int, int]]:
    """The months of the meeting files that failed to load: a count there cannot be trusted."""
    days = (date_in_id(stem) for stem in cell.broken_files.get("meetings", ()))
    return {(day.year, day.month) for day in days if day is not None}


def term_on(cell: Cell, day: dt.date) -> Optional[Term]:
    """The latest term that started on or before ``day``."""
    if cell.branch is None:
        return None
    started = [t for t in cell.branch.terms if t.start <= day]
    return max(started, key=lambda t: t.start) if started else None


def active_here(state: Standing) -> bool:
    """A member of the cell, or one temporarily attached to it, on that date."""
    return state.in_cell or state.attached


def show_fraction(value: Fraction) -> str:
    """``10`` for whole numbers, else ``14/3`` so nothing is rounded away."""
    if value.denominator == 1:
        return str(value.numerator)
    return f"{value.numerator}/{value.denominator}"


def percent(part: int, whole: int) -> str:
    return f"{round(Fraction(100 * part, whole))}%"


def month_key(day: dt.date) -> tuple[int, int]:
    return day.year, day.month


def months_between(first: tuple[int, int], last: tuple[int, int]) -> list[tuple[int, int]]:
    """Every (year, month) from ``first`` to ``last`` inclusive."""
    start, end = first[0] * 12 + first[1] - 1, last[0] * 12 + last[1] - 1
    return [(index // 12, index % 12 + 1) for index in range(start, end + 1)]


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later, clamped to the month's end (31/1 + 1 → 28 or 29/2)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = index // 12, index % 12 + 1
    next_first = dt.date(year + month // 12, month % 12 + 1, 1)
    last_day = (next_first - dt.timedelta(days=1)).day
    return dt.date(year, month, min(day.day, last_day))


def age_on(born: dt.date, day: dt.date) -> int:
    """Whole years of age on ``day`` (the birthday itself counts)."""
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def normal_text(text: str) -> str:
    """For comparing titles typed by people: NFC, casefold, single spaces."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())
