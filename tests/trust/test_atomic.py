"""Atomic writes: never half a file, never a silent overwrite, a clear message when it fails."""

from __future__ import annotations

import os
import shutil
import subprocess
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import pytest
from helpers import make_cell

from chibo_cli.base import atomic
from chibo_cli.base.atomic import write_bytes_atomic, write_text_atomic
from chibo_cli.base.errors import ChiboError


def test_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    target = tmp_path / "a.yaml"
    target.write_text("cũ\n", encoding="utf-8")
    with pytest.raises(ChiboError, match="exists; not overwritten"):
        write_text_atomic(target, "mới\n")
    assert target.read_text("utf-8") == "cũ\n"
    write_text_atomic(target, "mới\n", overwrite=True)
    assert target.read_text("utf-8") == "mới\n"
    assert [p.name for p in tmp_path.iterdir()] == ["a.yaml"]


def test_a_file_that_appears_meanwhile_is_not_clobbered(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "a.yaml"
    real_fill = atomic._fill

    def racing_fill(fd: int, data: bytes, mode: int) -> None:
        target.write_text("another writer\n", encoding="utf-8")
        real_fill(fd, data, mode)

    monkeypatch.setattr(atomic, "_fill", racing_fill)
    with pytest.raises(ChiboError, match="exists"):
        write_text_atomic(target, "mine\n")
    assert target.read_text("utf-8") == "another writer\n"
    assert [p.name for p in tmp_path.iterdir()] == ["a.yaml"]


def test_failure_mid_write_keeps_the_old_file_and_no_temp(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "book.docx"
    target.write_bytes(b"old book")

    def broken_fsync(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", broken_fsync)
    with pytest.raises(ChiboError) as raised:
        write_bytes_atomic(target, b"new book" * 1000, overwrite=True)
    assert "No space left on device" in raised.value.message
    assert raised.value.hint == "the disk is full"
    assert target.read_bytes() == b"old book"
    assert [p.name for p in tmp_path.iterdir()] == ["book.docx"]


def test_ctrl_c_mid_write_removes_the_temp_file(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(fd: int, data: bytes, mode: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(atomic, "_fill", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_bytes_atomic(tmp_path / "x.docx", b"data")
    assert list(tmp_path.iterdir()) == []


def test_new_files_are_readable_by_others_and_replacements_keep_their_mode(
        tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.docx"
    write_bytes_atomic(fresh, b"x")
    mask = os.umask(0)
    os.umask(mask)
    assert fresh.stat().st_mode & 0o777 == 0o666 & ~mask
    kept = tmp_path / "kept.yaml"
    kept.write_bytes(b"a")
    kept.chmod(0o640)
    write_bytes_atomic(kept, b"b", overwrite=True)
    assert kept.stat().st_mode & 0o777 == 0o640


def test_a_folder_in_the_way_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "out").write_text("I am a file", encoding="utf-8")
    with pytest.raises(ChiboError, match="cannot write in"):
        write_bytes_atomic(tmp_path / "out" / "x.docx", b"data")


@contextmanager
def read_only(folder: Path) -> Iterator[None]:
    """A folder nobody can write in — for root too (chattr +i), where chmod is not enough."""
    if os.geteuid() != 0:
        folder.chmod(0o555)
        try:
            yield
        finally:
            folder.chmod(0o755)
        return
    if not shutil.which("chattr") or subprocess.run(["chattr", "+i", str(folder)],
                                                   capture_output=True).returncode:
        pytest.skip("running as root without chattr: cannot make a read-only folder")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(folder)], check=True)


def test_read_only_output_folder(cli, tmp_path: Path) -> None:
    cell = make_cell(tmp_path / "cell")
    out = tmp_path / "out"
    out.mkdir()
    with read_only(out):
        result = cli("render", "minutes", "2025-08-05-regular", "-C", cell, "--out", out)
        assert result.code == 2, result.out + result.err
        assert "cannot write" in result.err and str(out) in result.err
        assert "Traceback" not in result.out + result.err
        assert list(out.iterdir()) == []
    with read_only(cell):
        result = cli("seal", cell)
        assert result.code == 2 and "cannot write in" in result.err, result.err
        assert not (cell / "seal.log").exists()


def test_a_file_marked_read_only_is_not_replaced(tmp_path: Path) -> None:
    from chibo_cli.base.atomic import write_text_atomic
    from chibo_cli.base.errors import ChiboError

    target = tmp_path / "members.yaml"
    target.write_text("members: []\n", encoding="utf-8")
    target.chmod(0o444)
    with pytest.raises(ChiboError, match="read-only"):
        write_text_atomic(target, "members: [x]\n", overwrite=True)
    assert target.read_text(encoding="utf-8") == "members: []\n"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
