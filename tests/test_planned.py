"""A meeting written ahead is planned: reported as information, left out of the checks of held
meetings, of the books and of the seal, and checked in full once held."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from helpers import MEETING, make_cell

from chibo_cli.records import loader
from chibo_cli.records.loader import is_held, load_workspace

NEXT = "meetings/2025-09-09-regular.yaml"
# What new-meeting writes ahead: no end, no attendance, no vote yet.
AHEAD = """\
kind: regular
date: 2025-09-09
start: "19:30"
place: Nhà văn hóa tổ dân phố 3
chair: tran-thi-lan
recorder: le-thi-hoa
"""
DRAFT = """\
meeting: 2025-09-09-regular
status: draft
title: Nghị quyết chi bộ tháng 9 năm 2025
"""


def on(monkeypatch: pytest.MonkeyPatch, day: str) -> None:
    monkeypatch.setattr(loader, "today", lambda: dt.date.fromisoformat(day))


def cell_with_a_meeting_ahead(tmp_path: Path) -> Path:
    return make_cell(tmp_path, {NEXT: AHEAD, "resolutions/2025-09-09-regular.yaml": DRAFT})


def test_held_means_the_date_has_passed_or_the_end_is_written() -> None:
    meeting = load_meeting(MEETING)
    assert is_held(meeting, dt.date(2025, 8, 6))
    assert is_held(meeting, dt.date(2025, 8, 5))  # on the day, with its end written
    assert not is_held(meeting.model_copy(update={"end": None}), dt.date(2025, 8, 5))
    assert not is_held(meeting, dt.date(2025, 8, 4))  # dated later: planned, end or not


def load_meeting(text: str) -> Any:
    from chibo_cli.records.models import Meeting
    from chibo_cli.records.yamlio import YamlDoc, parse_yaml_text

    return Meeting.model_validate(parse_yaml_text(text, YamlDoc("m.yaml")).data)


def test_a_meeting_ahead_is_information_not_an_error(cli: Any, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    on(monkeypatch, "2025-09-02")
    cell = cell_with_a_meeting_ahead(tmp_path)
    result = cli("validate", cell)
    assert result.code == 0, result.out
    assert "V044 info: meeting 2025-09-09-regular is planned for 2025-09-09" in result.out
    assert " error: " not in result.out
    loaded = load_workspace(cell).cells[0]
    assert [m.id for m in loaded.meetings] == ["2025-08-05-regular"]
    assert [r.id for r in loaded.planned_resolutions] == ["2025-09-09-regular"]


def test_books_seal_and_drafts_around_a_meeting_ahead(cli: Any, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    on(monkeypatch, "2025-09-02")
    cell = cell_with_a_meeting_ahead(tmp_path)
    book = cli("book", "minutes", cell, "--year", "2025")
    assert book.code == 0, book.err
    draft = cli("render", "resolution", "2025-09-09-regular", "-C", cell)
    assert draft.code == 0, draft.err
    sealed = cli("seal", cell)
    assert sealed.code == 0 and "2025-09-09" not in sealed.out


def test_once_held_it_is_checked_in_full(cli: Any, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    cell = cell_with_a_meeting_ahead(tmp_path)
    on(monkeypatch, "2025-09-09")  # the day itself, no end written yet: still planned
    assert cli("validate", cell).code == 0
    on(monkeypatch, "2025-09-10")
    result = cli("validate", cell)
    assert result.code == 1 and "2025-09-09-regular.yaml" in result.out
    assert "V044" not in result.out
