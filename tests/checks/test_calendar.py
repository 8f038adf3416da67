from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from helpers import BRANCH, make_cell

from .util import diagnostics, found, meeting

JUL, SEP, OCT = ("meetings/2025-07-07-regular.yaml", "meetings/2025-09-04-regular.yaml",
                 "meetings/2025-10-06-regular.yaml")
THEMATIC = "meetings/2025-09-10-thematic.yaml"
THEMATIC_OCT, NOV = "meetings/2025-10-02-thematic.yaml", "meetings/2025-11-04-regular.yaml"
PLAN = "plans/2025.yaml"
TOPIC = "Phòng chống ma túy trong tổ dân phố"


def thematic(topic: str = TOPIC, date: str = "2025-09-10") -> str:
    return meeting(date, "thematic", extra=f"topic: {topic}\n")


def plan(when: str = "month: 8") -> str:
    return f"year: 2025\nthematic:\n  - {when}\n    topic: {TOPIC}\n    lead: pham-van-duc\n"


AUG_20 = "meetings/2025-08-20-regular.yaml"

PLANNED = "meetings/2099-01-06-regular.yaml"

CASES = [
    ("V044", {}, []),
    ("V044", {PLANNED: meeting("2099-01-06")}, [("V044", PLANNED, 2)]),
    ("V043", {}, []),
    ("V043", {"meetings/2025-08-20-extraordinary.yaml": meeting("2025-08-20", "extraordinary")},
     []),
    ("V043", {AUG_20: meeting("2025-08-20")}, [("V043", AUG_20, 1)]),
    ("V043", {"branch.yaml": BRANCH + "rules:\n  meetings.regular_per_month: 2\n",
              AUG_20: meeting("2025-08-20")}, []),
    ("V040", {}, []),
    ("V040", {SEP: meeting("2025-09-04"), OCT: meeting("2025-10-06")}, []),
    ("V040", {OCT: meeting("2025-10-06")}, [("V040", OCT, 2)]),
    # a thematic meeting does not stand in for the regular one
    ("V040", {THEMATIC: thematic(), OCT: meeting("2025-10-06")}, [("V040", THEMATIC, 2)]),
    ("V040", {"branch.yaml": BRANCH + "rules:\n  meetings.regular_per_month: 2\n",
              SEP: meeting("2025-09-04")},
     [("V040", "meetings/2025-08-05-regular.yaml", 2)]),
    # the latest month is not judged yet: its regular meeting may still be held …
    ("V040", {"branch.yaml": BRANCH + "rules:\n  meetings.regular_per_month: 2\n"}, []),
    # … as when the thematic meeting of the month is written before the regular one
    ("V040", {SEP: meeting("2025-09-04"), THEMATIC_OCT: thematic(date="2025-10-02")}, []),
    # once a later month has a meeting, it is
    ("V040", {SEP: meeting("2025-09-04"), THEMATIC_OCT: thematic(date="2025-10-02"),
              NOV: meeting("2025-11-04")}, [("V040", THEMATIC_OCT, 2)]),
    ("V041", {SEP: meeting("2025-09-04")}, []),  # Q3 only partly covered
    ("V041", {JUL: meeting("2025-07-07"), SEP: meeting("2025-09-04"), THEMATIC: thematic()}, []),
    # September is the latest month: its thematic meeting may still be held
    ("V041", {JUL: meeting("2025-07-07"), SEP: meeting("2025-09-04")}, []),
    ("V041", {JUL: meeting("2025-07-07"), SEP: meeting("2025-09-04"), OCT: meeting("2025-10-06")},
     [("V041", JUL, 2)]),
    ("V042", {PLAN: plan(), SEP: meeting("2025-09-04")}, [("V042", PLAN, 4)]),
    # the same topic typed with other case, spacing and Unicode form
    ("V042", {PLAN: plan(), THEMATIC: thematic(
        "  " + unicodedata.normalize("NFD", TOPIC.upper()).replace(" ", "   ") + "  ")}, []),
    ("V042", {PLAN: plan(), THEMATIC: thematic("Học tập và làm theo tư tưởng Hồ Chí Minh")},
     [("V042", PLAN, 4)]),
    ("V042", {PLAN: plan("quarter: 4"), SEP: meeting("2025-09-04")}, []),  # not due yet
    ("V042", {PLAN: plan(), THEMATIC: thematic(date="2026-01-10")}, [("V042", PLAN, 4)]),
]


@pytest.mark.parametrize(("select", "files", "expected"), CASES)
def test_calendar_checks(tmp_path: Path, select: str, files: dict[str, str],
                         expected: list[tuple[str, str, int]]) -> None:
    assert found(tmp_path, files, select) == expected


def test_missing_month_message(tmp_path: Path) -> None:
    [diag] = diagnostics(tmp_path, {OCT: meeting("2025-10-06")}, "V040")
    assert diag.message == "1 regular meeting(s) needed in 09/2025, 0 held"
    assert "Chỉ thị 50-CT/TW" in diag.hint


def test_missing_quarter_message(tmp_path: Path) -> None:
    files = {JUL: meeting("2025-07-07"), SEP: meeting("2025-09-04"), OCT: meeting("2025-10-06")}
    [diag] = diagnostics(tmp_path, files, "V041")
    assert diag.message == "1 thematic meeting(s) needed in Q3/2025, 0 held"
    assert diag.severity.value == "warning"


def test_thematic_meeting_written_before_the_regular_one_is_no_gap(  # type: ignore[no-untyped-def]
        cli, tmp_path: Path) -> None:
    """new-meeting --kind thematic in December before December's regular meeting is written."""
    cell = make_cell(tmp_path / "c", {SEP: meeting("2025-09-04"), OCT: meeting("2025-10-06"),
                                      NOV: meeting("2025-11-04")})
    made = cli("new-meeting", cell, "--kind", "thematic", "--date", "2025-12-09")
    assert made.code == 0, made.err
    assert cli("validate", cell, "--select", "V040").out == ""
    later = cli("new-meeting", cell, "--kind", "regular", "--date", "2026-01-06")
    assert later.code == 0, later.err
    result = cli("validate", cell, "--select", "V040")
    assert "meetings/2025-12-09-thematic.yaml:" in result.out
    assert "V040 error: 1 regular meeting(s) needed in 12/2025, 0 held" in result.out
