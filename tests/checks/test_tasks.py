from __future__ import annotations

from pathlib import Path

import pytest
from helpers import MEETING

from .util import MEETING_FILE, diagnostics, found, meeting, resolution

RESOLUTION_FILE = "resolutions/2025-08-05.yaml"
THEMATIC = "meetings/2025-08-12-thematic.yaml"


def without(*lines: str) -> str:
    text = MEETING
    for line in lines:
        assert line in text
        text = text.replace(line, "")
    return text


CASES = [
    ("V060", {}, []),
    ("V060", {MEETING_FILE: without("    due: 2025-08-31\n")}, [("V060", MEETING_FILE, 19)]),
    ("V060", {MEETING_FILE: without("  - owner: le-thi-hoa\n").replace(
        "    what: Vận động", "  - what: Vận động")}, [("V060", MEETING_FILE, 19)]),
    ("V060", {RESOLUTION_FILE: resolution(extra="tasks:\n  - what: Vệ sinh đường phố\n"
                                                "    owner: do-van-minh\n")},
     [("V060", RESOLUTION_FILE, 6)]),
    ("V061", {}, []),
    ("V061", {MEETING_FILE: without(
        "conclusion: Chi bộ thống nhất nội dung nghị quyết tháng 8.\n")},
     [("V061", MEETING_FILE, 1)]),
    ("V061", {MEETING_FILE: MEETING.replace("read_back: true", "read_back: false")},
     [("V061", MEETING_FILE, 23)]),
    ("V061", {MEETING_FILE: without("discussion:\n", "  - speaker: pham-van-duc\n",
                                    "    gist: Đề nghị tăng cường vận động vệ sinh môi trường\n",
                                    "read_back: true\n")},
     [("V061", MEETING_FILE, 1), ("V061", MEETING_FILE, 1)]),
    # a thematic meeting is not held to the regular meeting's order
    ("V061", {THEMATIC: meeting("2025-08-12", "thematic", extra="topic: An ninh trật tự\n")
              .replace("conclusion: Chi bộ thống nhất nội dung nghị quyết.\n", "")}, []),
]


@pytest.mark.parametrize(("select", "files", "expected"), CASES)
def test_task_checks(tmp_path: Path, select: str, files: dict[str, str],
                     expected: list[tuple[str, str, int]]) -> None:
    assert found(tmp_path, files, select) == expected


def test_minutes_findings_have_their_own_severity(tmp_path: Path) -> None:
    text = without("discussion:\n", "  - speaker: pham-van-duc\n",
                   "    gist: Đề nghị tăng cường vận động vệ sinh môi trường\n")
    text = text.replace("read_back: true", "read_back: false")
    diags = diagnostics(tmp_path, {MEETING_FILE: text}, "V061")
    got = [(d.severity.value, d.message) for d in diags]
    assert sorted(got) == [("error", "the minutes were not read back and agreed at the meeting"),
                           ("warning", "the minutes record no discussion")]


def test_task_message_says_what_is_missing(tmp_path: Path) -> None:
    files = {MEETING_FILE: without("    due: 2025-08-31\n")}
    [diag] = diagnostics(tmp_path, files, "V060")
    assert diag.message == "task 'Vận động các hộ đăng ký gia đình văn hóa' has no due date"
    assert diag.severity.value == "warning"
