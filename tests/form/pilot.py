"""Driving the form headless: clicks and key presses through Textual's pilot."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from textual import events
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Select

from chibo_cli.form.app import RecordApp, open_form
from chibo_cli.form.session import open_meeting

CLOCK = dt.datetime(2025, 8, 5, 21, 15)


def form_for(root: Path, meeting: str, autosave: bool = False) -> RecordApp:
    """The form on ``meeting``; unless ``autosave``, it saves only on Ctrl+S, so that a test
    decides when the save and the live check run (on a busy machine a keystroke's pause can
    outlast the autosave delay, and every save starts a check)."""
    session, _created = open_meeting(meeting, root, CLOCK.date())
    app = open_form(session, clock=lambda: CLOCK)
    if not autosave:
        app.save_delay = app.autosave_every = 3600.0
    return app


async def settle(pilot: Pilot[Any]) -> None:
    """Let timers, the save and the live check in its worker thread finish."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def tab(pilot: Pilot[Any], name: str) -> None:
    await pilot.click(f"#tabs Tab#--content-tab-tab-{name}")
    await pilot.pause()


async def click(pilot: Pilot[Any], widget: Widget) -> None:
    # Save now (Ctrl+S) and let the live check land first: its findings appear under the
    # fields, and the lines below them move.
    await pilot.press("ctrl+s")
    await settle(pilot)
    widget.scroll_visible(animate=False, immediate=True)
    await pilot.pause()
    # (a drop-down opens over itself during the click, so pilot.click's answer says little)
    await pilot.click(widget)
    await pilot.pause()


async def type_into(pilot: Pilot[Any], widget: Widget, text: str, clear: bool = False) -> None:
    """Click the field and type ``text``: its first word key by key, the rest pasted as a
    terminal pastes (one event), since a key press costs about 70 ms on a busy test machine."""
    await click(pilot, widget)
    if clear:
        await pilot.press("home", "ctrl+k")
    first, space, rest = text.partition(" ")
    await pilot.press(*first)
    if space:
        pilot.app.post_message(events.Paste(space + rest))  # as the terminal sends it
        await pilot.pause()


async def choose(pilot: Pilot[Any], select: Select[str], label: str) -> None:
    """Open the drop-down with a click, type the name to find it, press enter."""
    await click(pilot, select)
    for key in label:  # one by one: the search box takes its time with each letter
        await pilot.press(key)
        await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()
    wanted = [value for text, value in select._options if str(text) == label]
    assert select.value == wanted[0], f"{label!r} not chosen: {select.value!r}"
