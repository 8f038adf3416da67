from __future__ import annotations

import datetime as dt

import pytest

from chibo_cli.base.dates import (
    date_words,
    month_year,
    place_date,
    quarter_year,
    short_date,
    time_words,
)
from chibo_cli.documents.context import superior_short


@pytest.mark.parametrize("day, words", [
    (dt.date(2025, 8, 5), "ngày 05 tháng 8 năm 2025"),
    (dt.date(2026, 2, 5), "ngày 05 tháng 02 năm 2026"),
    (dt.date(2026, 1, 15), "ngày 15 tháng 01 năm 2026"),
    (dt.date(2025, 12, 31), "ngày 31 tháng 12 năm 2025"),
    (dt.date(2025, 3, 10), "ngày 10 tháng 3 năm 2025"),
])
def test_date_words_leading_zeros(day: dt.date, words: str) -> None:
    assert date_words(day) == words


@pytest.mark.parametrize("value, words", [
    ("19:30", "19 giờ 30 phút"), ("07:05", "7 giờ 05 phút"), ("20:00", "20 giờ 00 phút"),
    (None, "… giờ … phút"),
])
def test_time_words(value: str | None, words: str) -> None:
    assert time_words(value) == words


def test_place_date_quarter_and_short_date() -> None:
    assert place_date("An Bình", dt.date(2026, 2, 5)) == "An Bình, ngày 05 tháng 02 năm 2026"
    assert quarter_year(dt.date(2025, 9, 9)) == "quý III năm 2025"
    assert short_date(dt.date(2025, 2, 3)) == "03/02/2025"


def test_month_year_writes_the_month_as_the_date_line_does() -> None:
    assert month_year(dt.date(2025, 1, 7)) == "tháng 01 năm 2025"
    assert month_year(dt.date(2025, 9, 9)) == "tháng 9 năm 2025"


@pytest.mark.parametrize("superior, short", [
    ("Đảng bộ phường An Bình", "Đảng ủy phường An Bình"),
    ("Đảng bộ xã Tân Phong", "Đảng ủy xã Tân Phong"),
    ("Đảng ủy Khối cơ quan", "Đảng ủy Khối cơ quan"),
])
def test_superior_short(superior: str, short: str) -> None:
    assert superior_short(superior) == short
