"""A whole meeting recorded in the form, from nothing, with clicks and key presses only: the file
it saves passes 'chibo validate' and renders the same minutes as the hand-written YAML."""

from __future__ import annotations

import asyncio
import zipfile
from pathlib import Path

from helpers import MEETING, make_cell
from textual.widgets import Button, Checkbox, Input, Select, Static, TextArea

from chibo_cli.documents.api import render_minutes
from chibo_cli.form.rows import AgendaRow, AttendanceRow, SpeechRow, TaskRow
from chibo_cli.records.loader import load_workspace

from .pilot import choose, click, form_for, settle, tab, type_into

MEETING_ID = "2025-08-05-regular"


async def _fill(pilot) -> None:  # type: ignore[no-untyped-def]
    app = pilot.app
    # Attendance: Đỗ Văn Minh is away on business; everyone else is present by default
    minh = next(r for r in app.query(AttendanceRow) if r.member_id == "do-van-minh")
    await click(pilot, minh.query_one(Checkbox))
    await type_into(pilot, minh.query_one(Input), "Đi công tác")

    await tab(pilot, "time")
    await type_into(pilot, app.query_one("#end", Input), "21:15")
    await type_into(pilot, app.query_one("#place", Input), "Nhà văn hóa tổ dân phố 3", clear=True)
    await choose(pilot, app.query_one("#recorder", Select), "Lê Thị Hoa")

    await tab(pilot, "content")
    # new-meeting wrote the standard agenda; this meeting had one item
    for row in list(app.query(AgendaRow))[1:]:
        await click(pilot, row.query_one(".remove", Button))
    await type_into(pilot, app.query_one(AgendaRow).query_one(Input),
                    "Đánh giá kết quả tháng 7, phương hướng tháng 8", clear=True)
    await click(pilot, app.query_one("#add-discussion", Button))
    speech = app.query_one(SpeechRow)
    await choose(pilot, speech.query_one(Select), "Phạm Văn Đức")
    await type_into(pilot, speech.query_one(TextArea),
                    "Đề nghị tăng cường vận động vệ sinh môi trường")
    await type_into(pilot, app.query_one("#conclusion", TextArea),
                    "Chi bộ thống nhất nội dung nghị quyết tháng 8.")

    await tab(pilot, "tasks")
    await click(pilot, app.query_one("#add-tasks", Button))
    task = app.query_one(TaskRow)
    await type_into(pilot, task.query_one(Input), "Vận động các hộ đăng ký gia đình văn hóa")
    await choose(pilot, task.query_one(Select), "Lê Thị Hoa")
    await type_into(pilot, task.query_one(".due", Input), "2025-08-31")

    await tab(pilot, "vote")
    await type_into(pilot, app.query_one("#tab-vote .for", Input), "3")
    await type_into(pilot, app.query_one("#tab-vote .against", Input), "0")

    await tab(pilot, "close")
    await click(pilot, app.query_one("#read_back", Checkbox))
    await pilot.press("ctrl+s")
    await settle(pilot)


def test_a_meeting_recorded_in_the_form_validates_and_renders_as_written(
        tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    by_form = make_cell(tmp_path / "form", {f"meetings/{MEETING_ID}.yaml": None})
    by_hand = make_cell(tmp_path / "hand")
    app = form_for(by_form, MEETING_ID)  # creates the file as new-meeting does
    shown: dict[str, str] = {}

    async def run() -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            await _fill(pilot)
            shown.update(verdict=str(app.query_one("#vote-verdict", Static).content),
                         summary=str(app.query_one("#summary", Static).content))

    asyncio.run(run())
    assert not app.problem
    assert shown["verdict"] == "3 for, denominator 3 (needs at least 2): carried", shown
    assert shown["summary"].startswith("No findings in this meeting's file."), shown

    result = cli("validate", by_form)
    assert (result.code, result.out, result.err) == (0, "", "")
    form_doc = _document_xml(by_form, tmp_path / "out-form")
    hand_doc = _document_xml(by_hand, tmp_path / "out-hand")
    assert form_doc == hand_doc
    text = (by_form / "meetings" / f"{MEETING_ID}.yaml").read_text("utf-8")
    assert "# yaml-language-server" in text and "# giờ kết thúc" in text  # comments kept
    assert MEETING.count("\n") < text.count("\n")  # the scaffold's empty fields stay


def _document_xml(root: Path, out: Path) -> bytes:
    cell = load_workspace(root).cells[0]
    meeting = cell.meeting(MEETING_ID)
    assert meeting is not None
    written = render_minutes(cell, meeting, out)
    with zipfile.ZipFile(written) as archive:
        return archive.read("word/document.xml")
