from __future__ import annotations

from pathlib import Path

import pytest
from helpers import MEETING, MEMBERS

from .util import MEETING_FILE, diagnostics, found, meeting, resolution

DUPLICATE = """\
  - id: le-thi-hoa
    name: Lê Thị Hòa
    gender: nữ
    born: 1987-06-11
    history:
      - {date: 2012-01-05, event: admitted}
"""

CASES = [
    ("V001", {}, []),
    ("V001", {MEETING_FILE: MEETING.replace("chair: tran-thi-lan", "chair: tran-thi-lann")},
     [("V001", MEETING_FILE, 6)]),
    ("V001", {MEETING_FILE: MEETING.replace(
        "  - speaker: pham-van-duc", "  - speaker: Nguyễn Văn An")
        .replace("absent:", "guests:\n  - name: Nguyễn Văn An\n    superior: true\nabsent:")}, []),
    ("V002", {"resolutions/2025-08-05.yaml": resolution()}, []),
    ("V002", {"resolutions/2025-08-05.yaml": resolution(meeting_id="2025-08-05")},
     [("V002", "resolutions/2025-08-05.yaml", 1)]),
    ("V003", {"meetings/2025-09-04-regular.yaml": meeting(
        "2025-09-04", extra="review:\n  - {task: 2025-08-05-regular#1, status: done}\n")}, []),
    ("V003", {"meetings/2025-09-04-regular.yaml": meeting(
        "2025-09-04", extra="review:\n  - {task: 2025-08-05-regular#1, status: done}\n"
                            "  - {task: 2025-08-05-regular#2, status: done}\n"
                            "  - {task: 2025-07-01-regular#1, status: not_done}\n")},
     [("V003", "meetings/2025-09-04-regular.yaml", 15),
      ("V003", "meetings/2025-09-04-regular.yaml", 16)]),
    ("V004", {}, []),
    ("V004", {"members.yaml": MEMBERS + DUPLICATE}, [("V004", "members.yaml", 38)]),
    ("V004", {"resolutions/2025-08-05.yaml": resolution(),
              "resolutions/2025-08-05.yml": resolution()},
     [("V004", "resolutions/2025-08-05.yml", 1)]),
]


@pytest.mark.parametrize(("select", "files", "expected"), CASES)
def test_reference_checks(tmp_path: Path, select: str, files: dict[str, str],
                          expected: list[tuple[str, str, int]]) -> None:
    assert found(tmp_path, files, select) == expected


def test_unknown_task_says_how_many_tasks_the_meeting_has(tmp_path: Path) -> None:
    files = {"meetings/2025-09-04-regular.yaml": meeting(
        "2025-09-04", extra="review:\n  - {task: 2025-08-05-regular#2, status: done}\n")}
    [diag] = diagnostics(tmp_path, files, "V003")
    assert diag.message == ("task '2025-08-05-regular#2': meeting '2025-08-05-regular' "
                            "assigned only 1 task(s)")


def test_duplicate_member_keeps_the_first_and_names_its_line(tmp_path: Path) -> None:
    [diag] = diagnostics(tmp_path, {"members.yaml": MEMBERS + DUPLICATE}, "V004")
    assert diag.message == "duplicate member id 'le-thi-hoa' (first at line 18)"
    assert diag.severity.value == "error" and diag.check == "duplicate-id"


def test_unknown_member_suggests_a_close_id(tmp_path: Path) -> None:
    files = {MEETING_FILE: MEETING.replace("chair: tran-thi-lan", "chair: tran-thi-lann")}
    [diag] = diagnostics(tmp_path, files, "V001")
    assert diag.message == "unknown member 'tran-thi-lann'"
    assert diag.hint == ("did you mean 'tran-thi-lan'? member ids are listed in members.yaml")


def test_unknown_member_suggests_nobody_far_off(tmp_path: Path) -> None:
    files = {MEETING_FILE: MEETING.replace("chair: tran-thi-lan", "chair: nguyen-van-khong")}
    [diag] = diagnostics(tmp_path, files, "V001")
    assert diag.hint == "member ids are listed in members.yaml"
