"""Vietnamese dates and times as the Party's forms write them."""

from __future__ import annotations

import datetime as dt
from typing import Optional

_ROMAN_QUARTERS = {1: "I", 2: "II", 3: "III", 4: "IV"}


def day_text(value: int) -> str:
    """Days below 10 take a leading zero: 05."""
    return f"{value:02d}"


def month_text(value: int) -> str:
    """Months 1 and 2 take a leading zero (02) so no one can add a digit; others do not (8)."""
    return f"{value:02d}" if value <= 2 else str(value)


def date_words(value: dt.date) -> str:
    """``ngày 05 tháng 8 năm 2025``."""
    return f"ngày {day_text(value.day)} tháng {month_text(value.month)} năm {value.year}"


def place_date(place: str, value: dt.date) -> str:
    """``An Bình, ngày 05 tháng 02 năm 2026`` (the italic line under the Party's name)."""
    return f"{place}, {date_words(value)}"


def time_words(value: Optional[str]) -> str:
    """``"19:30"`` → ``19 giờ 30 phút``; a missing time stays a blank to fill by hand."""
    if not value:
        return "… giờ … phút"
    hours, minutes = value.split(":")
    return f"{int(hours)} giờ {minutes} phút"


def month_year(value: dt.date) -> str:
    """``tháng 8 năm 2025``, ``tháng 01 năm 2025``: written as in the date line of the same page
    (and as offices title their January and February resolutions)."""
    return f"tháng {month_text(value.month)} năm {value.year}"


def quarter_year(value: dt.date) -> str:
    """``quý III năm 2025``."""
    return f"quý {_ROMAN_QUARTERS[(value.month - 1) // 3 + 1]} năm {value.year}"


def short_date(value: dt.date) -> str:
    """``05/8/2025`` for tables."""
    return f"{day_text(value.day)}/{month_text(value.month)}/{value.year}"


def iso_to_vietnamese(text: str) -> str:
    """``2025-09-30`` → ``30/09/2025``, for figures kept as ISO text (JSON) shown to a person;
    any other text unchanged."""
    try:
        return dt.date.fromisoformat(text).strftime("%d/%m/%Y")
    except ValueError:
        return text
