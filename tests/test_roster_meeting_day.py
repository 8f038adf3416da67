"""Issue 10.4: what a meeting decides about a member is not in force during that meeting."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from helpers import MEETING, MEMBERS, make_cell

from chibo_cli.documents import context as ctx
from chibo_cli.records.loader import load_cell, load_workspace
from chibo_cli.records.models import Meeting
from chibo_cli.rules.checks import run_checks
from chibo_cli.rules.roster import attendance, meeting_standing, standing

# vu-thi-mai, admitted 2025-03-26, is confirmed on 2026-03-26 by the meeting of that day: 4 full
# members (do-van-minh absent with a reason) and her; 3 for is 3 of 4, at least 2/3.
DAY = "2026-03-26"
CONFIRMED = MEMBERS.replace("      - {date: 2025-03-26, event: admitted}\n",
                            "      - {date: 2025-03-26, event: admitted}\n"
                            f"      - {{date: {DAY}, event: confirmed}}\n")
CONFIRMING = (MEETING.replace("2025-08-05", DAY).replace("2025-08-31", "2026-04-30")
              + "member_votes:\n  - {subject: confirmation, member: vu-thi-mai, for: 3}\n")
MEETING_FILE = f"meetings/{DAY}-regular.yaml"


def _cell(tmp_path: Path, members: str = CONFIRMED, meeting: str = CONFIRMING):  # type: ignore[no-untyped-def]
    return load_cell(make_cell(tmp_path, {"members.yaml": members, MEETING_FILE: meeting,
                                          "meetings/2025-08-05-regular.yaml": None}))


def test_the_subject_of_a_confirmation_vote_is_probationary_at_it(tmp_path: Path) -> None:
    cell = _cell(tmp_path)
    mai, meeting = cell.member("vu-thi-mai"), cell.meeting(f"{DAY}-regular")
    assert standing(mai, dt.date(2026, 3, 26)).full  # on the day, after the meeting
    during = meeting_standing(mai, meeting)
    assert during.probationary and during.required
    counts = attendance(meeting, cell.members)
    assert (counts.full, counts.probationary) == (4, 1)
    assert counts.admission_denominator == 4 and counts.present_full == 3


def test_a_valid_confirmation_vote_is_not_short_of_two_thirds(tmp_path: Path) -> None:
    root = make_cell(tmp_path, {"members.yaml": CONFIRMED, MEETING_FILE: CONFIRMING,
                                "meetings/2025-08-05-regular.yaml": None})
    assert run_checks(load_workspace(root), ["V023", "V020", "V021"]) == []


def test_the_minutes_count_her_as_probationary(tmp_path: Path) -> None:
    cell = _cell(tmp_path)
    minutes = ctx.minutes(cell, cell.meeting(f"{DAY}-regular"))
    assert (minutes["counts"]["full"], minutes["counts"]["probationary"]) == (4, 1)
    [member_vote] = minutes["member_votes"]
    assert member_vote["vote"]["denominator"] == 4


def test_never_full_in_her_own_vote_even_when_confirmed_earlier(tmp_path: Path) -> None:
    early = CONFIRMED.replace(f"{{date: {DAY}, event: confirmed}}",
                              "{date: 2026-03-20, event: confirmed}")
    cell = _cell(tmp_path, members=early)
    assert meeting_standing(cell.member("vu-thi-mai"), cell.meeting(f"{DAY}-regular")).probationary


def test_an_admission_voted_and_dated_the_same_day_is_not_in_force(tmp_path: Path) -> None:
    candidate = MEMBERS.replace("      - {date: 2025-03-26, event: admitted}\n",
                                f"      - {{date: {DAY}, event: admitted}}\n")
    admitting = CONFIRMING.replace("subject: confirmation", "subject: admission")
    cell = _cell(tmp_path, members=candidate, meeting=admitting)
    counts = attendance(cell.meeting(f"{DAY}-regular"), cell.members)
    assert (counts.total, counts.full, counts.probationary) == (4, 4, 0)


def test_an_exempted_member_is_still_required_at_the_meeting_that_exempts_her(
        tmp_path: Path) -> None:
    members = CONFIRMED.replace("      - {date: 2016-09-02, event: confirmed}\n",
                                "      - {date: 2016-09-02, event: confirmed}\n"
                                f"      - {{date: {DAY}, event: exempted}}\n")
    exempting = CONFIRMING.replace("subject: confirmation, member: vu-thi-mai",
                                   "subject: exemption, member: do-van-minh")
    cell = _cell(tmp_path, members=members, meeting=exempting)
    meeting = cell.meeting(f"{DAY}-regular")
    assert meeting_standing(cell.member("do-van-minh"), meeting).required
    assert attendance(meeting, cell.members).absent_excused == 1


def test_other_events_on_the_day_are_in_force(tmp_path: Path) -> None:
    # a member transferred in that morning attends: only the meeting's own decisions wait
    cell = _cell(tmp_path)
    meeting = Meeting.model_validate({
        "kind": "regular", "date": DAY, "start": "19:30", "place": "x", "chair": "tran-thi-lan",
        "recorder": "le-thi-hoa"})
    assert meeting_standing(cell.member("vu-thi-mai"), meeting).full
