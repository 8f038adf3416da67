"""The form's screens at 80×24, in Vietnamese, held as SVG snapshots (pytest-textual-snapshot).

After a deliberate change of the screens: pytest tests/form/test_snapshots.py --snapshot-update
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from helpers import make_cell
from textual.pilot import Pilot

from .pilot import form_for, settle, tab

MEETING_ID = "2025-08-05-regular"


@pytest.fixture
def vietnamese(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CHIBO_LANG", "vi")


@pytest.mark.parametrize("name", ["attendance", "time", "content", "vote", "close"])
def test_screen(name: str, tmp_path: Path, snap_compare: Any, vietnamese: None) -> None:
    app = form_for(make_cell(tmp_path / "cell"), MEETING_ID)

    async def open_tab(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await tab(pilot, name)
        await settle(pilot)

    assert snap_compare(app, run_before=open_tab, terminal_size=(80, 24))
