"""SIGKILL while the form autosaves leaves the meeting file whole: the old text or the new."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from helpers import make_cell

from chibo_cli.records.yamlio import read_yaml

ATTEMPTS = 4
# What the form's autosave does on every change (RecordApp.save_now → Session.save), in a loop:
# each save rewrites the whole file, so a kill lands in the middle of one sooner or later.
SAVER = textwrap.dedent("""
    import datetime as dt, sys
    from pathlib import Path
    from chibo_cli.form.session import open_meeting
    session, _ = open_meeting("2025-08-05-regular", Path(sys.argv[1]), dt.date(2025, 8, 5))
    words = "Chi bộ thống nhất nội dung nghị quyết tháng 8, phân công từng đồng chí."
    words = " ".join([words] * 200)
    for n in range(1, 100000):
        session.save({"conclusion": f"Lần lưu {n}. {words}"})
        print(n, flush=True)
""")


def test_sigkill_during_autosave_leaves_the_old_or_the_new_file(tmp_path: Path) -> None:
    caught = 0
    for attempt in range(ATTEMPTS):
        root = make_cell(tmp_path / f"cell-{attempt}")
        meetings = root / "meetings"
        saver = subprocess.Popen([sys.executable, "-c", SAVER, str(root)],
                                 stdout=subprocess.PIPE, env=dict(os.environ, CHIBO_LANG="en"))
        deadline = time.monotonic() + 60
        while saver.poll() is None and time.monotonic() < deadline:
            if any(meetings.glob(".*.tmp")):  # a save is being written right now
                saver.send_signal(signal.SIGKILL)
                caught += 1
                break
        saver.kill()
        saver.communicate(timeout=60)
        doc = read_yaml(meetings / "2025-08-05-regular.yaml")
        assert doc.ok, doc.diagnostics
        assert isinstance(doc.data, dict)
        conclusion = str(doc.data["conclusion"])
        # the hand-written conclusion (no save finished yet) or one whole saved text
        assert conclusion == "Chi bộ thống nhất nội dung nghị quyết tháng 8." or (
            conclusion.startswith("Lần lưu ") and conclusion.endswith("phân công từng đồng chí."))
        assert [p.name for p in meetings.iterdir() if not p.name.startswith(".")] \
            == ["2025-08-05-regular.yaml"]
    assert caught >= ATTEMPTS - 1, "the kill never landed during a write"
