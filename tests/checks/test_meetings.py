from __future__ import annotations

from pathlib import Path

import pytest
from helpers import BRANCH, MEETING, MEMBERS

from .util import MEETING_FILE, diagnostics, found, meeting

THEMATIC = "meetings/2025-08-05-thematic.yaml"
SEPTEMBER = "meetings/2025-09-09-regular.yaml"
ABSENT_MINH = "  - member: do-van-minh\n    reason: Đi công tác\n"

MEMBERS_MINH_EXEMPT = MEMBERS.replace(
    "      - {date: 2016-09-02, event: confirmed}\n",
    "      - {date: 2016-09-02, event: confirmed}\n      - {date: 2025-01-10, event: exempted}\n")

ATTACHED = """\
  - id: ngo-thi-thu
    name: Ngô Thị Thu
    gender: nữ
    born: 1992-10-30
    history:
      - {date: 2025-06-01, event: attached, category: full}
"""


def absent(*members: str) -> str:
    """The minimal meeting with these members absent (with a reason) instead of do-van-minh."""
    lines = "".join(f"  - member: {m}\n    reason: Ốm\n" for m in members)
    return MEETING.replace(ABSENT_MINH, lines)


CASES = [
    ("V010", {}, []),
    ("V010", {MEETING_FILE: MEETING.replace("chair: tran-thi-lan", "chair: pham-van-duc")}, []),
    ("V010", {MEETING_FILE: MEETING.replace("chair: tran-thi-lan", "chair: le-thi-hoa")},
     [("V010", MEETING_FILE, 6)]),
    ("V011", {}, []),
    ("V011", {MEETING_FILE: absent("le-thi-hoa")}, [("V011", MEETING_FILE, 7)]),
    ("V011", {MEETING_FILE: absent("tran-thi-lan")}, [("V011", MEETING_FILE, 6)]),
    ("V012", {}, []),
    ("V012", {MEETING_FILE: MEETING.replace('end: "21:15"', 'end: "09:15"')},
     [("V012", MEETING_FILE, 4)]),
    ("V013", {}, []),
    ("V013", {MEETING_FILE: MEETING.replace('end: "21:15"', 'end: "20:30"')},
     [("V013", MEETING_FILE, 4)]),
    # with a thematic meeting the same day the session counts: 60 + 60 minutes is enough …
    ("V013", {MEETING_FILE: meeting("2025-08-05", start="19:00", end="20:00"),
              THEMATIC: meeting("2025-08-05", "thematic", "20:00", "21:00", "topic: An ninh\n")},
     []),
    # … 19:00–20:45 is not
    ("V013", {MEETING_FILE: meeting("2025-08-05", start="19:00", end="20:00"),
              THEMATIC: meeting("2025-08-05", "thematic", "20:00", "20:45", "topic: An ninh\n")},
     [("V013", MEETING_FILE, 4)]),
    ("V014", {}, []),
    ("V014", {MEETING_FILE: absent("do-van-minh", "pham-van-duc", "vu-thi-mai")},
     [("V014", MEETING_FILE, 8)]),
    # 4 of 5 present: fine under 2/3 and 4/5, below 9/10
    ("V014", {"branch.yaml": BRANCH + "rules:\n  attendance.warn_below: 4/5\n"}, []),
    ("V014", {"branch.yaml": BRANCH + "rules:\n  attendance.warn_below: 9/10\n"},
     [("V014", MEETING_FILE, 8)]),
    # required excludes the exempted: 4 of 4 present, while 4 of all 5 would be below 9/10
    ("V014", {"branch.yaml": BRANCH + "rules:\n  attendance.warn_below: 9/10\n",
              "members.yaml": MEMBERS_MINH_EXEMPT,
              MEETING_FILE: MEETING.replace("absent:\n" + ABSENT_MINH, "")},
     []),
    ("V015", {}, []),
    ("V015", {MEETING_FILE: absent("vu-thi-mai").replace("2025-08-05", "2025-03-01")},
     [("V015", MEETING_FILE, 9)]),
    ("V015", {"members.yaml": MEMBERS_MINH_EXEMPT}, [("V015", MEETING_FILE, 9)]),
    # a member of another cell temporarily attached here may be absent, speak or record
    ("V015", {"members.yaml": MEMBERS + ATTACHED, MEETING_FILE: absent("ngo-thi-thu")}, []),
    ("V016", {}, []),
    ("V016", {"members.yaml": MEMBERS + ATTACHED, MEETING_FILE: MEETING.replace(
        "speaker: pham-van-duc", "speaker: ngo-thi-thu")}, []),
    ("V016", {MEETING_FILE: MEETING.replace("speaker: pham-van-duc", "speaker: vu-thi-mai")
              .replace("date: 2025-08-05", "date: 2025-03-01")},
     [("V016", MEETING_FILE, 15)]),
    ("V016", {MEETING_FILE: MEETING.replace("speaker: pham-van-duc", "speaker: Nguyễn Văn An")
              .replace("absent:", "guests:\n  - name: Nguyễn Văn An\nabsent:")}, []),
    ("V017", {}, []),
    # an exempted member who came is named under also_present, and is not absent
    ("V017", {"members.yaml": MEMBERS_MINH_EXEMPT,
              MEETING_FILE: MEETING.replace("absent:\n" + ABSENT_MINH,
                                            "also_present: [do-van-minh]\n")}, []),
    ("V017", {MEETING_FILE: absent("do-van-minh", "do-van-minh")}, [("V017", MEETING_FILE, 11)]),
    ("V017", {MEETING_FILE: MEETING.replace("absent:", "also_present: [do-van-minh]\nabsent:")},
     [("V017", MEETING_FILE, 8)]),
    ("V017", {MEETING_FILE: absent("pham-van-duc")}, [("V017", MEETING_FILE, 15)]),
    ("V017", {MEETING_FILE: MEETING.replace("presenter: tran-thi-lan", "presenter: do-van-minh")},
     [("V017", MEETING_FILE, 12)]),
    ("V018", {}, []),
    # a note (its name starts with '_'), or a name whose second part is no kind, is not checked
    ("V018", {MEETING_FILE: None, "meetings/_chi-bo-thang-8.yaml": MEETING,
              "meetings/2025-08-05-chi-uy.yaml": meeting("2025-08-05", "extraordinary"),
              "meetings/2025-08-05-regular-2.yaml": meeting("2025-08-05")}, []),
    # last month's file copied, the date not changed
    ("V018", {SEPTEMBER: MEETING}, [("V018", SEPTEMBER, 2)]),
    ("V018", {THEMATIC: MEETING}, [("V018", THEMATIC, 1)]),
    ("V018", {MEETING_FILE: None, "meetings/2025-09-09.yaml": MEETING},
     [("V018", "meetings/2025-09-09.yaml", 2)]),
]


@pytest.mark.parametrize(("select", "files", "expected"), CASES)
def test_meeting_checks(tmp_path: Path, select: str, files: dict[str, str],
                        expected: list[tuple[str, str, int]]) -> None:
    assert found(tmp_path, files, select) == expected


def test_low_attendance_message_and_source(tmp_path: Path) -> None:
    files = {MEETING_FILE: absent("do-van-minh", "pham-van-duc", "vu-thi-mai")}
    [diag] = diagnostics(tmp_path, files, "V014")
    assert diag.message == ("2 of 5 members required to attend were present (40%), below 2/3")
    assert diag.severity.value == "warning" and "chưa được xác nhận" in diag.hint


def test_exempt_absentee_hint_says_drop_them(tmp_path: Path) -> None:
    [diag] = diagnostics(tmp_path, {"members.yaml": MEMBERS_MINH_EXEMPT}, "V015")
    assert "is exempted on 2025-08-05" in diag.message and "drop them" in diag.hint


def test_too_short_names_the_rule_source(tmp_path: Path) -> None:
    files = {MEETING_FILE: MEETING.replace('end: "21:15"', 'end: "20:30"')}
    [diag] = diagnostics(tmp_path, files, "V013")
    assert diag.message == "the regular meeting lasts 60 minutes; it needs at least 90"
    assert "42-HD/BTCTW" in diag.hint


def test_attendance_conflict_messages(tmp_path: Path) -> None:
    text = absent("pham-van-duc", "pham-van-duc").replace(
        "absent:", "also_present: [pham-van-duc]\nabsent:")
    messages = [d.message for d in diagnostics(tmp_path, {MEETING_FILE: text}, "V017")]
    assert messages == ["'pham-van-duc' is listed both as absent and under 'also_present'",
                        "'pham-van-duc' is listed as absent twice (first at line 10)",
                        "'pham-van-duc' is listed as absent but speaks in the discussion"]


def test_file_name_mismatch_names_both_dates(tmp_path: Path) -> None:
    [diag] = diagnostics(tmp_path, {SEPTEMBER: MEETING}, "V018")
    assert diag.message == "the file name says 2025-09-09 but 'date:' is 2025-08-05"
    assert diag.severity.value == "error" and "copied" in diag.hint
