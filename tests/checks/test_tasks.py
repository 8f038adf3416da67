from __future__ import annotations

from pathlib import Path

import pytest
from helpers import MEETING, make_cell

from chibo_cli.records.loader import load_workspace
from chibo_cli.rules.checks import run_checks

from .util import MEETING_FILE, diagnostics, found, meeting, resolution

RESOLUTION_FILE = "resolutions/2025-08-05.yaml"
THEMATIC = "meetings/2025-08-12-thematic.yaml"
EXTRA = "meetings/2025-08-20-extraordinary.yaml"
TOPIC = "topic: An ninh trật tự\n"
THEMATIC_TEXT = meeting("2025-08-12", "thematic", extra=TOPIC)  # the topic on line 13
VOTE = "vote: {for: 3, against: 0}\n"


def without(*lines: str) -> str:
    text = MEETING
    for line in lines:
        assert line in text
        text = text.replace(line, "")
    return text


NO_VOTE = MEETING.replace(VOTE, "")

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
    # the end time, on every kind of meeting: left out, or left empty as new-meeting writes it
    ("V061", {MEETING_FILE: without('end: "21:15"\n')}, [("V061", MEETING_FILE, 1)]),
    ("V061", {MEETING_FILE: MEETING.replace('end: "21:15"', "end:")}, [("V061", MEETING_FILE, 4)]),
    ("V061", {EXTRA: meeting("2025-08-20", "extraordinary")}, []),
    ("V061", {EXTRA: meeting("2025-08-20", "extraordinary").replace('end: "21:15"\n', "")},
     [("V061", EXTRA, 1)]),
    # the vote of a regular meeting: its own, or its adopted resolution's (as V022 reads it)
    ("V061", {MEETING_FILE: NO_VOTE}, [("V061", MEETING_FILE, 1)]),
    ("V061", {MEETING_FILE: NO_VOTE, RESOLUTION_FILE: resolution(extra=VOTE)}, []),
    ("V061", {MEETING_FILE: NO_VOTE, RESOLUTION_FILE: resolution(status="draft", number=None,
                                                                 extra=VOTE)},
     [("V061", MEETING_FILE, 1)]),
    # a thematic meeting: topic, conclusion, discussion and read-back, no vote needed
    ("V061", {THEMATIC: THEMATIC_TEXT}, []),
    ("V061", {THEMATIC: THEMATIC_TEXT.replace(TOPIC, "")}, [("V061", THEMATIC, 1)]),
    ("V061", {THEMATIC: THEMATIC_TEXT.replace(TOPIC, "topic:\n")}, [("V061", THEMATIC, 13)]),
    ("V061", {THEMATIC: THEMATIC_TEXT.replace(
        "conclusion: Chi bộ thống nhất nội dung nghị quyết.\n", "")}, [("V061", THEMATIC, 1)]),
    ("V061", {THEMATIC: THEMATIC_TEXT.replace("read_back: true", "read_back: false")},
     [("V061", THEMATIC, 12)]),
]


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



SEPTEMBER = "meetings/2025-09-09-regular.yaml"
REVIEWED = 'review:\n  - task: "2025-08-05-regular#1"\n    status: done\n'
# The minimal cell has 4 members present; a guest's speech does not count as a member's.
GUEST_SPEAKS = ("guests:\n  - name: Nguyễn Văn Quang\n    superior: true\n"
                "discussion:\n  - speaker: Nguyễn Văn Quang\n    gist: Ghi nhận\n")
ONE_OF_FOUR = MEETING.replace("discussion:\n", GUEST_SPEAKS)
TWO_OF_FOUR = ONE_OF_FOUR.replace("discussion:\n",
                                  "discussion:\n  - speaker: le-thi-hoa\n    gist: Nhất trí\n")

CASES += [
    # no regular meeting after the due date yet: nothing to say
    ("V062", {}, []),
    ("V062", {SEPTEMBER: meeting("2025-09-09")}, [("V062", MEETING_FILE, 19)]),
    ("V062", {SEPTEMBER: meeting("2025-09-09", extra=REVIEWED)}, []),
    # reviewed at a thematic meeting counts too
    ("V062", {SEPTEMBER: meeting("2025-09-09"),
              "meetings/2025-09-02-thematic.yaml": meeting(
                  "2025-09-02", "thematic", extra="topic: An ninh trật tự\n" + REVIEWED)}, []),
    # due after the last regular meeting: it can wait
    ("V062", {SEPTEMBER: meeting("2025-09-09"),
              MEETING_FILE: MEETING.replace("due: 2025-08-31", "due: 2025-09-30")}, []),
    ("V063", {MEETING_FILE: TWO_OF_FOUR}, []),
    ("V063", {MEETING_FILE: ONE_OF_FOUR}, [("V063", MEETING_FILE, 17)]),
]


@pytest.mark.parametrize(("select", "files", "expected"), CASES)
def test_task_checks(tmp_path: Path, select: str, files: dict[str, str],
                     expected: list[tuple[str, str, int]]) -> None:
    assert found(tmp_path, files, select) == expected


def test_few_speakers_says_how_many(tmp_path: Path) -> None:
    diags = diagnostics(tmp_path, {MEETING_FILE: ONE_OF_FOUR}, "V063")
    assert [d.message for d in diags] == ["1 of the 4 members present spoke (25%), below 1/2"]


def test_tiers_decide_what_runs(tmp_path: Path) -> None:
    """V062 runs with --strict, V063 only when selected; by default neither runs."""
    workspace = load_workspace(make_cell(tmp_path, {SEPTEMBER: meeting("2025-09-09")}))
    codes = {d.code for d in run_checks(workspace)}
    assert not codes & {"V062", "V063"}
    codes = {d.code for d in run_checks(workspace, strict=True)}
    assert "V062" in codes and "V063" not in codes
    assert {d.code for d in run_checks(workspace, ["V063"])} == {"V063"}


@pytest.mark.parametrize(("kind", "missing"), [
    # in the order of the file's lines
    ("regular", ["end time", "no discussion", "no conclusion", "no vote", "not read back"]),
    ("thematic", ["end time", "no topic", "no discussion", "no conclusion", "not read back"]),
])
def test_a_new_meeting_file_fails_until_the_minutes_are_filled_in(
        tmp_path: Path, kind: str, missing: list[str]) -> None:
    import datetime as dt

    from chibo_cli.authoring.meetings import new_meeting
    from chibo_cli.records.models import MeetingKind

    new_meeting(make_cell(tmp_path), MeetingKind(kind), dt.date(2025, 9, 2))
    diags = [d for d in run_checks(load_workspace(tmp_path), ["V061"])
             if Path(d.location.file).name == f"2025-09-02-{kind}.yaml"]
    assert len(diags) == len(missing)
    for diag, words in zip(sorted(diags, key=lambda d: d.location.line), missing, strict=True):
        assert words in diag.message
        assert diag.severity.value == ("warning" if words == "no discussion" else "error")
