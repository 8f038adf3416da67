"""Admission and confirmation: order of vote, ceremony and confirmation; age at the vote."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import BRANCH, MEMBERS

from .util import diagnostics, found, meeting

MAI_ADMITTED = "      - {date: 2025-03-26, event: admitted}\n"


def mai(*events: str, born: str = "1999-01-20") -> str:
    """MEMBERS with vu-thi-mai's history replaced (line 37 is her first event)."""
    lines = "".join(f"      - {{{event}}}\n" for event in events)
    return MEMBERS.replace(MAI_ADMITTED, lines).replace("born: 1999-01-20", f"born: {born}")


def voting(date: str, subject: str) -> str:
    return meeting(date, extra="member_votes:\n"
                               f"  - {{subject: {subject}, member: vu-thi-mai, for: 3}}\n")


ADMITTED = "date: 2025-03-26, event: admitted"
EARLY = "date: 2026-01-15, event: confirmed"
ON_TIME = "date: 2026-03-26, event: confirmed"
MARCH_2026, JAN_2026 = "meetings/2026-03-26-regular.yaml", "meetings/2026-01-15-regular.yaml"
VOTE_2025 = "meetings/2025-03-10-regular.yaml"

CASES = [
    ("V054", {}, []),
    ("V054", {"members.yaml": mai(ADMITTED, ON_TIME),
              MARCH_2026: voting("2026-03-26", "confirmation")}, []),
    ("V054", {"members.yaml": mai(ADMITTED, EARLY)}, [("V054", "members.yaml", 38)]),
    ("V054", {JAN_2026: voting("2026-01-15", "confirmation")},
     [("V054", JAN_2026, 14)]),
    ("V054", {"members.yaml": mai(ADMITTED, EARLY),
              "branch.yaml": BRANCH + "rules:\n  members.probation_months: 9\n"}, []),
    ("V055", {}, []),
    ("V055", {"members.yaml": mai("date: 2025-03-26, event: admitted", born="2007-03-10"),
              VOTE_2025: voting("2025-03-10", "admission")}, []),
    ("V055", {"members.yaml": mai("date: 2025-03-26, event: admitted", born="2007-03-11"),
              VOTE_2025: voting("2025-03-10", "admission")}, [("V055", VOTE_2025, 14)]),
    ("V055", {"members.yaml": mai("date: 2025-03-26, event: admitted", born="1965-03-10"),
              VOTE_2025: voting("2025-03-10", "admission")}, []),
    ("V055", {"members.yaml": mai("date: 2025-03-26, event: admitted", born="1965-03-09"),
              VOTE_2025: voting("2025-03-10", "admission")}, [("V055", VOTE_2025, 14)]),
    ("V056", {}, []),
    ("V056", {VOTE_2025: voting("2025-03-10", "admission")}, []),
    ("V056", {"meetings/2025-04-01-regular.yaml": voting("2025-04-01", "admission")},
     [("V056", "members.yaml", 37)]),
]


@pytest.mark.parametrize(("select", "files", "expected"), CASES)
def test_admission_checks(tmp_path: Path, select: str, files: dict[str, str],
                          expected: list[tuple[str, str, int]]) -> None:
    assert found(tmp_path, files, select) == expected


def test_confirmed_early_names_the_dates(tmp_path: Path) -> None:
    [diag] = diagnostics(tmp_path, {"members.yaml": mai(ADMITTED, EARLY)}, "V054")
    assert diag.message == ("'vu-thi-mai' is confirmed on 2026-01-15, before 12 months of "
                            "probation from 2025-03-26 end on 2026-03-26")
    assert "Điều lệ Đảng, Điều 5" in diag.hint


def test_age_is_judged_at_the_vote_not_at_the_ceremony(tmp_path: Path) -> None:
    # 18 at the ceremony (V053 passes) but 17 when the cell voted
    files = {"members.yaml": mai("date: 2025-03-26, event: admitted", born="2007-03-20"),
             VOTE_2025: voting("2025-03-10", "admission")}
    assert found(tmp_path, files, "V053") == []
    [diag] = diagnostics(tmp_path, files, "V055")
    assert diag.severity.value == "error"
    assert diag.message == ("'vu-thi-mai' is 17 on 2025-03-10, when the cell votes on the "
                            "admission: below the minimum age of 18")


def test_past_the_upper_age_is_a_warning_with_its_source(tmp_path: Path) -> None:
    files = {"members.yaml": mai("date: 2025-03-26, event: admitted", born="1965-03-09"),
             VOTE_2025: voting("2025-03-10", "admission")}
    [diag] = diagnostics(tmp_path, files, "V055")
    assert diag.severity.value == "warning"
    assert "past 60" in diag.message and "12-HD/BTCTW" in diag.hint


def test_admitted_before_vote_message(tmp_path: Path) -> None:
    files = {"meetings/2025-04-01-regular.yaml": voting("2025-04-01", "admission")}
    [diag] = diagnostics(tmp_path, files, "V056")
    assert diag.message == ("'vu-thi-mai' is admitted on 2025-03-26, before the cell's admission "
                            "vote at 2025-04-01-regular")


def test_a_member_still_listed_as_a_candidate_is_left_to_the_candidate_checks(
        tmp_path: Path) -> None:
    # vu-thi-mai voted on after her ceremony: V056 reports it, unless candidates.yaml lists her,
    # where V104 judges the order of her stages
    files = {"meetings/2025-04-01-regular.yaml": voting("2025-04-01", "admission")}
    assert [d.code for d in diagnostics(tmp_path / "a", files, "V056")] == ["V056"]
    listed = ("candidates:\n  - id: vu-thi-mai\n    name: Vũ Thị Mai\n    gender: nữ\n"
              "    born: 1999-01-20\n    listed: 2024-03-01\n")
    assert diagnostics(tmp_path / "b", {**files, "candidates.yaml": listed}, "V056") == []
