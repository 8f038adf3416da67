"""Nothing lost: SIGKILL in the middle of writing a large book or a committee batch leaves every
existing file intact and no partial file under a final name; Ctrl-C exits 130 cleanly.

The signal is sent at the riskiest moment every time, not by timing: the test hook in
base/atomic.py (``CHIBO_TEST_PAUSE_BEFORE_RENAME``) makes each write wait, with its temp file
complete, until the test removes a flag file."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from helpers import MEETING, make_cell

from chibo_cli.base.atomic import PAUSE_ENV


def _chibo(*args: str | Path, pause: Path | None = None) -> subprocess.Popen[bytes]:
    """chibo in a child process; with ``pause``, every atomic write waits before its rename
    until the test removes that file (the hook in base/atomic.py)."""
    env = dict(os.environ, CHIBO_LANG="en")
    env.pop("CHIBO_TRACEBACK", None)
    env.pop(PAUSE_ENV, None)
    if pause is not None:
        env[PAUSE_ENV] = str(pause)
    return subprocess.Popen([sys.executable, "-m", "chibo_cli", *map(str, args)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)


def _wait_for_pause(process: subprocess.Popen[bytes], flag: Path, timeout: float = 240) -> None:
    """Until the writer has its temp file complete and waits before the rename."""
    deadline = time.monotonic() + timeout
    while not flag.exists():
        if process.poll() is not None:
            _out, err = process.communicate()
            pytest.fail("chibo ended without writing: " + err.decode("utf-8", "replace"))
        assert time.monotonic() < deadline, "chibo never reached a write"
        time.sleep(0.01)


def _signal_at_write(args: list[str | Path], flag: Path, number: int = 1,
                     signum: int = signal.SIGKILL) -> tuple[int, str]:
    """Start chibo, let ``number - 1`` writes finish, send ``signum`` between the temp file of
    the ``number``-th write and its rename; returns its exit status and output."""
    process = _chibo(*args, pause=flag)
    for _done in range(number - 1):
        _wait_for_pause(process, flag)
        flag.unlink()
    _wait_for_pause(process, flag)
    temps = [p for p in Path(flag.read_text("utf-8") or ".").parent.glob(".*.tmp")]
    assert temps, "the temp file is complete before the rename"
    process.send_signal(signum)
    out, err = process.communicate(timeout=120)
    flag.unlink(missing_ok=True)
    return process.returncode, (out + err).decode("utf-8", "replace")


def _digests(root: Path) -> dict[Path, str]:
    return {p: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in root.rglob("*") if p.is_file()}


def _complete_docx(path: Path) -> bool:
    try:
        with zipfile.ZipFile(path) as archive:
            return archive.testzip() is None and "word/document.xml" in archive.namelist()
    except zipfile.BadZipFile:
        return False


def _assert_intact(root: Path, before: dict[Path, str]) -> None:
    after = _digests(root)
    for path, digest in before.items():
        assert path in after, f"{path} disappeared"
        if path.suffix == ".docx" and after[path] != digest:
            assert _complete_docx(path), f"{path} is a partial document"
        else:
            assert after[path] == digest, f"{path} changed"
    for path in after:
        if path.name.endswith(".tmp"):
            assert path.name.startswith("."), f"temp file {path} is not hidden"
        elif path.suffix == ".docx":
            assert _complete_docx(path), f"{path} is a partial document"


@pytest.fixture(scope="module")
def big_cell(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A cell with 200 meetings in one term, each with a long discussion."""
    speeches = "".join(f"  - speaker: pham-van-duc\n    gist: Ý kiến số {n} — "
                       + "đề nghị tăng cường vận động nhân dân giữ gìn vệ sinh môi trường, " * 8
                       + "\n" for n in range(12))
    files: dict[str, str | None] = {"meetings/2025-08-05-regular.yaml": None}
    months: set[tuple[int, int]] = set()
    for index in range(200):  # every third day from 2025-01-01: all held (none after today)
        day = dt.date(2025, 1, 1) + dt.timedelta(days=3 * index)
        kind = "extraordinary" if (day.year, day.month) in months else "regular"
        months.add((day.year, day.month))
        text = MEETING.replace("2025-08-05", day.isoformat()).replace(
            "2025-08-31", (day + dt.timedelta(days=20)).isoformat()).replace(
            "kind: regular", f"kind: {kind}")
        files[f"meetings/{day.isoformat()}-{kind}.yaml"] = text.replace(
            "discussion:\n", "discussion:\n" + speeches)
    cell = make_cell(tmp_path_factory.mktemp("big") / "cell", files)
    first = _chibo("book", "minutes", cell, "--term", "--allow-errors")
    out, err = first.communicate(timeout=300)
    assert first.returncode == 0, err.decode()
    return cell


def test_sigkill_while_writing_a_large_book(big_cell: Path, tmp_path: Path) -> None:
    assert len(list((big_cell / "meetings").glob("*.yaml"))) == 200
    before = _digests(big_cell)
    status, _text = _signal_at_write(["book", "minutes", big_cell, "--term", "--allow-errors",
                                      "--force"], tmp_path / "pause")
    assert status == -signal.SIGKILL
    _assert_intact(big_cell, before)
    book = next((big_cell / "out").glob("*.docx"))
    assert _digests(big_cell)[book] == before[book]  # killed before the rename: the old book


def test_sigkill_at_each_write_of_a_committee_batch(tmp_path: Path) -> None:
    committee = tmp_path / "committee"
    made = subprocess.run([sys.executable, "-m", "chibo_cli", "demo", "generate", str(committee),
                           "--cells", "4", "--years", "3"], capture_output=True, timeout=300)
    assert made.returncode == 0, made.stderr.decode()
    first = _chibo("book", "minutes", committee, "--allow-errors")
    first.communicate(timeout=300)
    books = sorted(committee.glob("*/out/*.docx"))
    assert len(books) == 4
    before = _digests(committee)
    for number in (1, 2, 4):  # the first book, one in the middle, the last
        status, _text = _signal_at_write(["book", "minutes", committee, "--allow-errors",
                                          "--force"], tmp_path / "pause", number)
        assert status == -signal.SIGKILL
        _assert_intact(committee, before)
        # the books written before the kill were replaced whole; the one being written was not
        assert _digests(committee)[books[number - 1]] == before[books[number - 1]]
    assert not [p for p in committee.rglob("*") if p.is_file() and p.suffix not in
                (".yaml", ".docx", ".json", ".tmp") and ".chibo" not in p.parts]


def test_ctrl_c_exits_130_without_a_traceback(big_cell: Path, tmp_path: Path) -> None:
    before = _digests(big_cell)
    left = set((big_cell / "out").glob(".*.tmp"))  # what an earlier SIGKILL may have left
    status, text = _signal_at_write(["book", "minutes", big_cell, "--term", "--allow-errors",
                                     "--force"], tmp_path / "pause", signum=signal.SIGINT)
    # -SIGINT: CPython re-raises SIGINT at exit when the interrupt landed inside eval()'d code
    # (namedtuple); a shell shows both as status 130.
    assert status in (130, -signal.SIGINT), text
    assert "Traceback" not in text and "interrupted" in text
    _assert_intact(big_cell, before)
    assert set((big_cell / "out").glob(".*.tmp")) == left  # Ctrl-C removes its temp file
