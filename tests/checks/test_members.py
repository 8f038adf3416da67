from __future__ import annotations

from pathlib import Path

import pytest
from helpers import BRANCH, MEETING, MEMBERS

from .util import MEETING_FILE, diagnostics, found, meeting

UNEXCUSED = "absent:\n  - member: do-van-minh\n"
JUN, JUN_T, JUL = ("meetings/2025-06-03-regular.yaml", "meetings/2025-06-20-thematic.yaml",
                   "meetings/2025-07-02-regular.yaml")
AUG_NO_REASON = MEETING.replace("    reason: Đi công tác\n", "")
APR_2026 = "meetings/2026-04-07-regular.yaml"
CONFIRMED = MEMBERS + "      - {date: 2026-03-26, event: confirmed}\n"
VOTED_APR_2026 = meeting("2026-04-07", extra="member_votes:\n"
                         "  - {subject: confirmation, member: vu-thi-mai, for: 3}\n")

BORN_LATE = MEMBERS.replace("born: 1985-12-01", "born: 2012-12-01")
MAI_18_THAT_DAY = MEMBERS.replace("born: 1999-01-20", "born: 2007-03-26")
MAI_17 = MEMBERS.replace("born: 1999-01-20", "born: 2007-03-27")

CASES = [
    ("V052", {}, []),
    ("V052", {"members.yaml": BORN_LATE}, [("V052", "members.yaml", 21)]),
    ("V050", {}, []),
    ("V050", {JUN: meeting("2025-06-03", extra=UNEXCUSED),
              JUL: meeting("2025-07-02", extra=UNEXCUSED)}, []),
    ("V050", {JUN: meeting("2025-06-03", extra=UNEXCUSED),
              JUL: meeting("2025-07-02", extra=UNEXCUSED), MEETING_FILE: AUG_NO_REASON},
     [("V050", "members.yaml", 25)]),
    # two meetings missed in June are one month
    ("V050", {JUN: meeting("2025-06-03", extra=UNEXCUSED),
              JUN_T: meeting("2025-06-20", "thematic", extra=UNEXCUSED),
              MEETING_FILE: AUG_NO_REASON}, []),
    ("V051", {}, []),
    ("V051", {"meetings/2026-03-26-regular.yaml": meeting("2026-03-26")}, []),
    ("V051", {APR_2026: meeting("2026-04-07")}, [("V051", "members.yaml", 37)]),
    ("V051", {APR_2026: meeting("2026-04-07"), "members.yaml": CONFIRMED}, []),
    ("V053", {}, []),
    ("V053", {"members.yaml": MAI_18_THAT_DAY}, []),
    ("V053", {"members.yaml": MAI_17}, [("V053", "members.yaml", 37)]),
    ("V053", {"members.yaml": MAI_17,
              "branch.yaml": BRANCH + "rules:\n  members.min_admission_age: 17\n"}, []),
    ("V053", {"members.yaml": BORN_LATE}, []),  # born after the admission: V052's finding
    # the cell has voted the confirmation: information, not a warning (issue 10.5)
    ("V051", {APR_2026: VOTED_APR_2026}, [("V051", "members.yaml", 37)]),
    ("V057", {}, []),
    ("V057", {MEETING_FILE: MEETING.replace("Đi công tác", "Không lý do")},
     [("V057", MEETING_FILE, 10)]),
    ("V057", {MEETING_FILE: MEETING.replace("Đi công tác", "vang khong phep")},
     [("V057", MEETING_FILE, 10)]),
    ("V057", {MEETING_FILE: MEETING.replace("Đi công tác", "Không liên lạc được")}, []),
]


@pytest.mark.parametrize(("select", "files", "expected"), CASES)
def test_member_checks(tmp_path: Path, select: str, files: dict[str, str],
                       expected: list[tuple[str, str, int]]) -> None:
    assert found(tmp_path, files, select) == expected


def test_unexcused_absences_lists_the_dates(tmp_path: Path) -> None:
    files = {JUN: meeting("2025-06-03", extra=UNEXCUSED),
             JUL: meeting("2025-07-02", extra=UNEXCUSED), MEETING_FILE: AUG_NO_REASON}
    [diag] = diagnostics(tmp_path, files, "V050")
    assert diag.message == ("'do-van-minh' was absent without a reason in 3 months of 2025: "
                            "2025-06-03, 2025-07-02, 2025-08-05")
    assert "Điều 8.1" in diag.hint


def test_probation_overdue_is_judged_on_the_latest_meeting(tmp_path: Path) -> None:
    [diag] = diagnostics(tmp_path, {APR_2026: meeting("2026-04-07")}, "V051")
    assert diag.message == ("'vu-thi-mai' is still probationary on 2026-04-07, 12 months after "
                            "admission on 2025-03-26 ended on 2026-03-26")


def test_admitted_underage_gives_the_age_and_the_rule(tmp_path: Path) -> None:
    [diag] = diagnostics(tmp_path, {"members.yaml": MAI_17}, "V053")
    assert diag.message == ("'vu-thi-mai' was admitted on 2025-03-26 at 17, below the minimum "
                            "age of 18")
    assert diag.severity.value == "error" and "Điều lệ Đảng, Điều 1" in diag.hint


def test_probation_voted_awaits_the_decision_as_information(tmp_path: Path) -> None:
    [diag] = diagnostics(tmp_path, {APR_2026: VOTED_APR_2026}, "V051")
    assert diag.severity.value == "info"
    assert diag.message == ("'vu-thi-mai' awaits the superior committee's decision on the "
                            "confirmation voted at 2026-04-07-regular")


@pytest.mark.parametrize("reason", ["Không lý do", "không có lý do", "Vắng không phép",
                                    "khong ly do", "KHÔNG RÕ LÝ DO.", "Vắng không báo cáo"])
def test_a_reason_saying_none_is_counted_as_unexcused(tmp_path: Path, reason: str) -> None:
    from helpers import make_cell

    from chibo_cli.documents import context as ctx
    from chibo_cli.records.loader import load_cell

    said = {JUN: meeting("2025-06-03", extra=UNEXCUSED), JUL: meeting("2025-07-02",
                                                                      extra=UNEXCUSED),
            MEETING_FILE: MEETING.replace("Đi công tác", reason)}
    assert [d.code for d in diagnostics(tmp_path, said, "V050")] == ["V050"]
    cell = load_cell(make_cell(tmp_path, said))
    minutes = ctx.minutes(cell, cell.meeting("2025-08-05-regular"))
    assert (minutes["counts"]["absent_excused"], minutes["counts"]["absent_unexcused"]) == (0, 1)
    assert minutes["vote"] is not None and minutes["vote"]["denominator"] == 4
    assert minutes["absentees"] == [{"name": "Đỗ Văn Minh", "reason": ""}]
