from __future__ import annotations

from pathlib import Path

import pytest
from helpers import BRANCH

from .util import diagnostics, found, resolution

A, B, C = ("resolutions/2025-08-05-a.yaml", "resolutions/2025-08-05-b.yaml",
           "resolutions/2025-08-05-c.yaml")

TWO_TERMS = BRANCH.replace("""    start: 2025-01-01
""", """    start: 2020-01-01
  - label: "2025–2030"
    start: 2025-08-01
""").replace('label: "2025–2030"', 'label: "2020–2025"', 1)

FIRST_FIVE = BRANCH.replace("    start: 2025-01-01\n",
                            "    start: 2025-01-01\n    first_resolution_number: 5\n")

ASSESSMENT = "assessment: Tháng 7, chi bộ lãnh đạo hoàn thành tốt nhiệm vụ.\n"
TARGETS = "targets:\n  - Vận động 100% hộ gia đình đăng ký gia đình văn hóa.\n"
TASKS = ("tasks:\n  - owner: le-thi-hoa\n    what: Vận động các hộ đăng ký gia đình văn hóa\n"
         "    due: 2025-08-31\n")
COMPLETE = ASSESSMENT + TARGETS + TASKS

CASES = [
    ("V030", {A: resolution(1), B: resolution(2)}, []),
    ("V030", {A: resolution(1), B: resolution(1)}, [("V030", B, 4)]),
    ("V030", {A: resolution(1), B: resolution(1, extra="type: KL\n")}, []),
    # the same number in two terms is no duplicate
    ("V030", {"branch.yaml": TWO_TERMS, A: resolution(1),
              B: resolution(1, extra="date: 2025-07-20\n")}, []),
    ("V031", {A: resolution(1), B: resolution(2), C: resolution(3)}, []),
    ("V031", {A: resolution(1), B: resolution(2), C: resolution(5)}, [("V031", C, 4)]),
    ("V031", {A: resolution(2)}, [("V031", A, 4)]),
    ("V031", {"branch.yaml": FIRST_FIVE, A: resolution(5), B: resolution(6)}, []),
    ("V031", {"branch.yaml": FIRST_FIVE, A: resolution(3)}, [("V031", A, 4)]),
    # numbers restart with a new term
    ("V031", {"branch.yaml": TWO_TERMS, A: resolution(1),
              B: resolution(7, extra="date: 2025-07-20\n")}, [("V031", B, 4)]),
    ("V031", {A: resolution(1), B: resolution(3, "draft")}, []),  # drafts: V032's case
    ("V032", {A: resolution(None, "draft")}, []),
    ("V032", {A: resolution(4, "draft")}, [("V032", A, 4)]),
    ("V033", {A: resolution(1, extra="date: 2025-08-05\n")}, []),
    ("V033", {A: resolution(1, extra="date: 2025-08-04\n")}, [("V033", A, 5)]),
    ("V034", {A: resolution(1, extra=COMPLETE)}, []),
    ("V034", {A: resolution(None, "draft")}, []),  # a draft is completed before the vote
    ("V034", {A: resolution(1)}, [("V034", A, 1), ("V034", A, 1), ("V034", A, 1)]),
    ("V034", {A: resolution(1, extra=COMPLETE.replace(ASSESSMENT, "assessment: \"  \"\n"))},
     [("V034", A, 5)]),
    ("V034", {A: resolution(1, extra=COMPLETE.replace(TARGETS, "targets: []\n"))},
     [("V034", A, 6)]),
    ("V034", {A: resolution(1, extra=COMPLETE.replace(TASKS, ""))}, [("V034", A, 1)]),
    ("V035", {}, []),
    ("V035", {A: resolution(extra="type: KL\n")}, []),
    ("V035", {A: resolution(extra="type: BC\n")}, [("V035", A, 5)]),
]


@pytest.mark.parametrize(("select", "files", "expected"), CASES)
def test_resolution_checks(tmp_path: Path, select: str, files: dict[str, str],
                           expected: list[tuple[str, str, int]]) -> None:
    assert found(tmp_path, files, select) == expected


def test_gap_lists_every_missing_number(tmp_path: Path) -> None:
    [diag] = diagnostics(tmp_path, {A: resolution(1), B: resolution(4)}, "V031")
    assert diag.message == ("number(s) 02, 03 of type NQ are missing before 04-NQ/CB "
                            "(term 2025–2030)")
    assert "first_resolution_number" in diag.hint


def test_duplicate_names_the_other_file(tmp_path: Path) -> None:
    [diag] = diagnostics(tmp_path, {A: resolution(1), B: resolution(1)}, "V030")
    assert diag.message == "number 01-NQ/CB is also used by 2025-08-05-a.yaml (term 2025–2030)"


def test_incomplete_resolution_names_each_missing_part(tmp_path: Path) -> None:
    found = [(d.severity.value, d.message)
             for d in diagnostics(tmp_path, {A: resolution(5)}, "V034")]
    assert found == [("error", "adopted resolution 05-NQ/CB has no assessment"),
                     ("error", "adopted resolution 05-NQ/CB has no targets"),
                     ("warning", "adopted resolution 05-NQ/CB assigns no tasks")]
