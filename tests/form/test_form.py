"""The form on a hand-written meeting: it leaves the file alone unless edited, shows validate's
findings beside their fields, works out the vote live and refuses to change a sealed record."""

from __future__ import annotations

import asyncio
import datetime as dt
import shutil
from pathlib import Path
from typing import Any, Awaitable, Callable

import pytest
from helpers import ADOPTED_RESOLUTION, make_cell
from textual.pilot import Pilot
from textual.widgets import Input, Static

from chibo_cli.base.errors import ChiboError
from chibo_cli.form.app import RecordApp
from chibo_cli.form.session import open_meeting

from .pilot import CLOCK, click, form_for, settle, tab, type_into

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "dang-bo-phuong-an-binh"
MEETING_ID = "2025-08-05-regular"

Scenario = Callable[[Pilot[Any]], Awaitable[None]]


def drive(app: RecordApp, scenario: Scenario) -> None:
    async def run() -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            await scenario(pilot)
            await settle(pilot)

    asyncio.run(run())


def shown(app: RecordApp, selector: str) -> str:
    return str(app.query_one(selector, Static).content)


async def look_at_every_tab(pilot: Pilot[Any]) -> None:
    for name in ("time", "content", "tasks", "vote", "close", "attendance"):
        await tab(pilot, name)
    await pilot.press("ctrl+s")


@pytest.mark.parametrize("meeting", ["2025-10-07-regular", "2025-09-09-thematic"])
def test_a_hand_written_meeting_round_trips_byte_for_byte(tmp_path: Path, meeting: str) -> None:
    committee = shutil.copytree(EXAMPLE, tmp_path / "committee")
    path = committee / "chi-bo-to-dan-pho-5" / "meetings" / f"{meeting}.yaml"
    before = path.read_bytes()
    app = form_for(path.parent.parent, meeting)
    drive(app, look_at_every_tab)
    assert (app.saves, app.problem) == (0, "")
    assert path.read_bytes() == before


def test_findings_appear_beside_their_field_and_go_when_fixed(tmp_path: Path) -> None:
    from helpers import MEETING

    # as new-meeting writes it: 'end:' is there, empty
    root = make_cell(tmp_path / "cell", {
        f"meetings/{MEETING_ID}.yaml": MEETING.replace('end: "21:15"', "end:")})
    app = form_for(root, MEETING_ID)
    seen: dict[str, str] = {}

    async def scenario(pilot: Pilot[Any]) -> None:
        seen["before"] = shown(app, "#find-end")
        await tab(pilot, "time")
        await click(pilot, app.query_one("#end", Input))
        await pilot.press("f2")  # the time now
        await pilot.press("ctrl+s")
        await settle(pilot)
        seen["after"] = shown(app, "#find-end")
        seen["verdict"] = shown(app, "#vote-verdict")

    drive(app, scenario)
    assert seen["before"] == "✗ V061 the minutes record no end time"
    assert seen["after"] == ""
    assert 'end: "21:15"' in (root / "meetings" / f"{MEETING_ID}.yaml").read_text("utf-8")
    # the verdict is V022's own: 3 full members present + 1 absent with a reason → 3
    assert seen["verdict"] == "3 for, denominator 3 (needs at least 2): carried"


def test_a_failing_vote_shows_validate_s_finding_and_verdict(tmp_path: Path) -> None:
    root = make_cell(tmp_path / "cell")
    app = form_for(root, MEETING_ID)
    seen: dict[str, str] = {}

    async def scenario(pilot: Pilot[Any]) -> None:
        await tab(pilot, "vote")
        await type_into(pilot, app.query_one("#tab-vote .for", Input), "1", clear=True)
        await type_into(pilot, app.query_one("#tab-vote .against", Input), "2", clear=True)
        await pilot.press("ctrl+s")
        await settle(pilot)
        seen.update(verdict=shown(app, "#vote-verdict"), finding=shown(app, "#find-vote"))

    drive(app, scenario)
    assert seen["verdict"] == "1 for, denominator 3 (needs at least 2): not carried"
    assert seen["finding"] == ("✗ V022 the vote of meeting 2025-08-05-regular has 1 for of 3 in "
                               "the denominator (needs at least 2)")


def test_a_sealed_meeting_opens_read_only(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    root = make_cell(tmp_path / "cell",
                     {f"resolutions/{MEETING_ID}.yaml": ADOPTED_RESOLUTION})
    assert cli("seal", root).code == 0
    path = root / "meetings" / f"{MEETING_ID}.yaml"
    before = path.read_bytes()
    app = form_for(root, MEETING_ID)
    seen: dict[str, Any] = {}

    async def scenario(pilot: Pilot[Any]) -> None:
        seen["note"] = shown(app, "#sealed")
        await tab(pilot, "time")
        end = app.query_one("#end", Input)
        seen["disabled"] = end.disabled
        await pilot.click(end)
        await pilot.press("9", "ctrl+s")

    drive(app, scenario)
    assert seen["disabled"] is True
    assert "chibo seal --amend 2025-08-05-regular" in seen["note"]
    assert path.read_bytes() == before
    with pytest.raises(ChiboError, match="sealed"):
        app.session.save({"end": "22:00"})


def test_an_edit_made_outside_the_form_is_not_overwritten(tmp_path: Path) -> None:
    root = make_cell(tmp_path / "cell")
    session, _created = open_meeting(MEETING_ID, root, CLOCK.date())
    path = root / "meetings" / f"{MEETING_ID}.yaml"
    outside = path.read_text("utf-8").replace("Đi công tác", "Ốm")
    path.write_text(outside, encoding="utf-8")
    with pytest.raises(ChiboError, match="changed outside the form"):
        session.save({"end": "22:00"})
    assert path.read_text("utf-8") == outside


def test_today_s_meeting_is_created_when_there_is_none(tmp_path: Path) -> None:
    root = make_cell(tmp_path / "cell")
    session, created = open_meeting(None, root, dt.date(2025, 9, 9))
    assert created and session.path == root / "meetings" / "2025-09-09-regular.yaml"
    # the review of last month's task is pre-filled, with the task's own words
    assert session.review_titles == {
        "2025-08-05-regular#1": "Vận động các hộ đăng ký gia đình văn hóa"}
    again, created = open_meeting("2025-09-09-regular", root, dt.date(2025, 9, 9))
    assert not created and again.path == session.path


def test_an_unknown_meeting_is_a_plain_error(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    root = make_cell(tmp_path / "cell")
    result = cli("record", "last-month", "-C", root)
    assert result.code == 2
    assert "unknown meeting 'last-month'" in result.err and "Traceback" not in result.err


def test_speakers_are_picked_from_those_present_and_the_guests(tmp_path: Path) -> None:
    from textual.widgets import Button, Checkbox, Select

    from chibo_cli.form.rows import AttendanceRow, GuestRow, SpeechRow

    root = make_cell(tmp_path / "cell")
    app = form_for(root, MEETING_ID)
    offered: dict[str, list[str]] = {}

    def names() -> list[str]:
        select = app.query_one(SpeechRow).query_one(Select)
        return [str(label) for label, value in select._options if isinstance(value, str)]

    async def scenario(pilot: Pilot[Any]) -> None:
        offered["at first"] = names()
        lan = next(r for r in app.query(AttendanceRow) if r.member_id == "tran-thi-lan")
        await click(pilot, lan.query_one(Checkbox))  # Trần Thị Lan is absent after all
        await click(pilot, app.query_one("#add-guests", Button))
        await type_into(pilot, app.query_one(GuestRow).query_one(Input), "Đặng Minh Khoa")
        await tab(pilot, "content")
        offered["then"] = names()

    drive(app, scenario)
    # Đỗ Văn Minh is absent in the file; Phạm Văn Đức keeps his place as the speaker on record
    assert offered["at first"] == ["Trần Thị Lan", "Phạm Văn Đức", "Lê Thị Hoa", "Vũ Thị Mai"]
    assert offered["then"] == ["Phạm Văn Đức", "Lê Thị Hoa", "Vũ Thị Mai", "Đặng Minh Khoa"]


def test_f3_and_f4_turn_the_tabs_from_anywhere(tmp_path: Path) -> None:
    from textual.widgets import TabbedContent

    app = form_for(make_cell(tmp_path / "cell"), MEETING_ID)
    seen: list[str] = []

    async def scenario(pilot: Pilot[Any]) -> None:
        await click(pilot, app.query_one("#tab-attendance Input"))
        for key in ("f4", "f4", "f3", "f3", "f3"):
            await pilot.press(key)
            seen.append(str(app.query_one(TabbedContent).active))

    drive(app, scenario)
    assert seen == ["tab-time", "tab-content", "tab-time", "tab-attendance", "tab-close"]


def test_an_absentee_the_form_has_no_row_for_is_kept(tmp_path: Path) -> None:
    from helpers import MEMBERS
    from textual.widgets import Checkbox

    from chibo_cli.form.rows import AttendanceRow

    exempted = MEMBERS.replace("      - {date: 2016-09-02, event: confirmed}\n",
                               "      - {date: 2016-09-02, event: confirmed}\n"
                               "      - {date: 2025-06-01, event: exempted}\n")
    root = make_cell(tmp_path / "cell", {"members.yaml": exempted})
    app = form_for(root, MEETING_ID)

    async def scenario(pilot: Pilot[Any]) -> None:
        hoa = next(r for r in app.query(AttendanceRow) if r.member_id == "le-thi-hoa")
        await click(pilot, hoa.query_one(Checkbox))
        await pilot.press("ctrl+s")

    drive(app, scenario)
    text = (root / "meetings" / f"{MEETING_ID}.yaml").read_text("utf-8")
    assert "absent:\n  - member: le-thi-hoa\n  - member: do-van-minh\n    reason: Đi công tác\n" \
        in text


def test_a_change_is_saved_by_itself_within_a_second(tmp_path: Path) -> None:
    root = make_cell(tmp_path / "cell")
    path = root / "meetings" / f"{MEETING_ID}.yaml"
    app = form_for(root, MEETING_ID, autosave=True)
    seen: dict[str, str] = {}

    async def scenario(pilot: Pilot[Any]) -> None:
        await tab(pilot, "time")
        end = app.query_one("#end", Input)
        end.focus()
        await pilot.press("end", "backspace", "9")  # 21:15 → 21:19, no Ctrl+S
        await pilot.pause(1.5)
        seen["file"] = path.read_text("utf-8")
        seen["status"] = shown(app, "#status")

    drive(app, scenario)
    assert 'end: "21:19"' in seen["file"]
    assert seen["status"] == "saved 21:15:00"
