"""The period a report covers: a year, a quarter, a month, or a cell's current term."""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from ..base.errors import ChiboError
from ..base.i18n import _
from ..records.loader import Cell
from ..rules.checks._support import add_months

DATED = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class Period:
    """First and last day, both included, and how to name it in a report."""

    start: dt.date
    end: dt.date
    label: str  # "năm 2025", "quý 3/2025", "tháng 08/2025", "nhiệm kỳ 2025–2030"

    def holds(self, day: dt.date) -> bool:
        return self.start <= day <= self.end


@dataclass(frozen=True)
class PeriodSpec:
    """What the user asked for; ``term`` is resolved per cell (cells have their own terms)."""

    kind: str  # year, quarter, month, term
    value: str = ""

    def resolve(self, cell: Optional[Cell] = None) -> Period:
        if self.kind == "term":
            return _term_period(cell)
        return parse(self.kind, self.value)


def parse(kind: str, value: str) -> Period:
    """``year 2025``, ``quarter 2025-Q3``, ``month 2025-08`` → a Period; ChiboError if malformed."""
    patterns = {"year": r"(\d{4})", "quarter": r"(\d{4})-[Qq]([1-4])",
                "month": r"(\d{4})-(0[1-9]|1[0-2])"}
    found = re.fullmatch(patterns[kind], value.strip())
    if not found:
        examples = {"year": "2025", "quarter": "2025-Q3", "month": "2025-08"}
        names = {"year": _("year"), "quarter": _("quarter"), "month": _("month")}
        raise ChiboError(_("'{value}' is not a {kind}", value=value, kind=names[kind]),
                         _("write it as {example}", example=examples[kind]))
    year = int(found.group(1))
    if kind == "year":
        return Period(dt.date(year, 1, 1), dt.date(year, 12, 31), f"năm {year}")
    if kind == "quarter":
        quarter = int(found.group(2))
        first = dt.date(year, quarter * 3 - 2, 1)
        return Period(first, month_end(year, quarter * 3), f"quý {quarter}/{year}")
    month = int(found.group(2))
    return Period(dt.date(year, month, 1), month_end(year, month), f"tháng {month:02d}/{year}")


def month_end(year: int, month: int) -> dt.date:
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return following - dt.timedelta(days=1)


def _term_period(cell: Optional[Cell]) -> Period:
    terms = sorted(cell.branch.terms, key=lambda t: t.start) if cell and cell.branch else []
    if not terms:
        raise ChiboError(_("{path}: branch.yaml names no term", path=cell.root if cell else "?"))
    latest = terms[-1]
    # the next congress has not been held: the term runs its length from the rulebook
    years = int(cell.rules["reports.term_years"]) if cell else 5
    end = add_months(latest.start, 12 * years) - dt.timedelta(days=1)  # 29/2 → 28/2 safely
    return Period(latest.start, end, f"nhiệm kỳ {latest.label}")


def latest_year(roots: list[Path], today: dt.date) -> int:
    """The year of the latest meeting on record, read from the meeting files' names
    (``2025-08-05-regular.yaml``; V018 holds a file to the date it names), so a ward is not
    loaded twice; this year when there is none."""
    years = [int(name[:4]) for root in roots if (root / "meetings").is_dir()
             for name in os.listdir(root / "meetings") if DATED.match(name)]
    return max(years, default=today.year)


def file_stem(label: str) -> str:
    """``năm 2025`` → ``nam-2025``, ``quý 3/2025`` → ``quy-3-2025``: ASCII for file names."""
    import unicodedata

    plain = unicodedata.normalize("NFD", label.replace("đ", "d").replace("Đ", "D"))
    ascii_text = "".join(c for c in plain if not unicodedata.combining(c))
    return re.sub(r"[^A-Za-z0-9]+", "-", ascii_text).strip("-").lower() or "bao-cao"
