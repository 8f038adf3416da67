"""The year-end rating checks (V090–V094), table-driven on the minimal cell."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import BRANCH, MEMBERS

from .util import diagnostics, found, meeting

REVIEW = "meetings/2025-12-09-regular.yaml"
RATING = "ratings/2025.yaml"
IDS = ("tran-thi-lan", "pham-van-duc", "le-thi-hoa", "do-van-minh", "vu-thi-mai")


def rating(levels: tuple[str, ...] = ("good",) * 5, ids: tuple[str, ...] = IDS,
           head: str = "year: 2025\nmeeting: 2025-12-09-regular\n", vote: str = "{for: 4}",
           extra: str = "") -> str:
    """Line 1 year, 2 meeting, 3 'members:', then one member a line from line 4."""
    rows = [f"  - {{member: {member}, proposed_level: {level}, vote: {vote}{extra}}}\n"
            for member, level in zip(ids, levels, strict=False)]
    return head + "members:\n" + "".join(rows)


WITH_REVIEW = {REVIEW: meeting("2025-12-09")}
MINH_LEFT = MEMBERS.replace("      - {date: 2016-09-02, event: confirmed}\n",
                            "      - {date: 2016-09-02, event: confirmed}\n"
                            "      - {date: 2025-10-01, event: transferred_out}\n")
FOUR = IDS[:3] + IDS[4:]

CASES = [
    ("V090", {RATING: rating()}, []),
    ("V090", {RATING: rating(ids=IDS[:4])}, [("V090", RATING, 3)]),
    ("V090", {RATING: rating(ids=IDS + ("le-thi-hoa",), levels=("good",) * 6)},
     [("V090", RATING, 9)]),
    ("V090", {RATING: rating(ids=FOUR, levels=("good",) * 4), "members.yaml": MINH_LEFT}, []),
    ("V090", {RATING: rating(), "members.yaml": MINH_LEFT}, [("V090", RATING, 7)]),
    ("V090", {RATING: rating().replace(", proposed_level: good", "", 1)}, [("V090", RATING, 4)]),
    # no review meeting named yet: levels may still be empty
    ("V090", {RATING: rating(head="year: 2025\n").replace(", proposed_level: good", "")}, []),
    ("V091", {RATING: rating()}, []),
    ("V091", {RATING: rating(levels=("good", "very_good", "good", "good", "good"))},
     [("V091", RATING, 5)]),
    ("V091", {RATING: "year: 2025\ncollective: {self_level: best}\n"}, [("V091", RATING, 2)]),
    ("V092", {RATING: rating(levels=("excellent", "good", "good", "good", "good"))},
     [("V092", RATING, 3)]),
    ("V092", {RATING: rating(levels=("excellent", "good", "good", "good", "good")),
              "branch.yaml": BRANCH + "rules:\n  ratings.excellent_cap_of_good: \"1/4\"\n"}, []),
    ("V093", {RATING: rating(levels=("done",) * 5, extra=", disciplined: true")}, []),
    ("V093", {RATING: rating(extra=", disciplined: true")}, [("V093", RATING, n)
                                                             for n in range(4, 9)]),
    ("V094", {RATING: rating()}, []),
    ("V094", {RATING: rating(head="year: 2025\nmeeting: 2025-12-10-regular\n")},
     [("V094", RATING, 2)]),
    ("V094", {RATING: rating(vote="{for: 4, against: 1}")}, [("V094", RATING, n)
                                                             for n in range(4, 9)]),
    ("V094", {RATING: rating(head="year: 2025\n")}, [("V094", RATING, 1)]),
    ("V094", {"ratings/2024.yaml": rating()}, [("V094", "ratings/2024.yaml", 1)]),
]


@pytest.mark.parametrize(("select", "files", "expected"), CASES)
def test_rating_checks(tmp_path: Path, select: str, files: dict[str, str],
                       expected: list[tuple[str, str, int]]) -> None:
    assert found(tmp_path, {**WITH_REVIEW, **files}, select) == expected


def test_missing_member_is_named(tmp_path: Path) -> None:
    [diag] = diagnostics(tmp_path, {**WITH_REVIEW, RATING: rating(ids=IDS[:4])}, "V090")
    assert diag.message == "'vu-thi-mai' is not rated in 2025"


def test_cap_message_counts_and_source(tmp_path: Path) -> None:
    levels = ("excellent", "good", "good", "good", "good")
    [diag] = diagnostics(tmp_path, {**WITH_REVIEW, RATING: rating(levels=levels)}, "V092")
    assert diag.message == ("1 members proposed 'excellent' in 2025, more than 1/5 of the 4 "
                            "proposed 'good' (at most 0)")
    assert "chưa được xác nhận" in diag.hint
    assert diag.severity.value == "warning"


def test_no_meeting_is_a_warning(tmp_path: Path) -> None:
    [diag] = diagnostics(tmp_path, {**WITH_REVIEW, RATING: rating(head="year: 2025\n")}, "V094")
    assert diag.severity.value == "warning"


def test_rated_member_ids_must_exist(tmp_path: Path) -> None:
    ids = IDS[:4] + ("vu-thi-maii",)
    assert found(tmp_path, {**WITH_REVIEW, RATING: rating(ids=ids)}, "V001") == [
        ("V001", RATING, 8)]
