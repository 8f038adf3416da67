"""Every bad input of the corpus, through the real command line: a clear message with file and
line, a non-zero exit status, no traceback, and nothing on disk changed."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import make_cell

from .corpus.cases import CASES, Case

SUBPROCESS_SAMPLE = {"utf16-bom", "tcvn3", "deep-nesting", "alias-bomb", "python-object-tag",
                     "impossible-date", "cell-is-a-file", "huge"}


def tree_state(root: Path) -> dict[str, str]:
    """Every file and folder under ``root`` with a hash of its bytes (folders: their mode); not
    chibo's own findings cache (.chibo/cache), which validate may write and may throw away."""
    state: dict[str, str] = {}
    for folder, dirs, files in os.walk(root):
        if Path(folder).name == ".chibo":
            dirs[:] = [d for d in dirs if d != "cache"]
        for name in dirs:
            path = Path(folder, name)
            if name == ".chibo" and not any(p.name != "cache" for p in path.iterdir()):
                continue  # made for the cache alone
            state[str(path.relative_to(root)) + "/"] = oct(path.stat().st_mode)
        for name in files:
            path = Path(folder, name)
            state[str(path.relative_to(root))] = hashlib.sha256(path.read_bytes()).hexdigest()
    return state


def build(tmp_path: Path, case: Case) -> Path:
    cell = make_cell(tmp_path / "cell", {k: v for k, v in case.files.items()
                                         if not isinstance(v, bytes)})
    for rel, content in case.files.items():
        if isinstance(content, bytes):
            (cell / rel).parent.mkdir(parents=True, exist_ok=True)
            (cell / rel).write_bytes(content)
    return cell


def check_output(case: Case, code: int, out: str, err: str, cell: Path) -> None:
    text = out + err
    assert "Traceback" not in text
    assert code != 0, text
    if case.code == "exit2":
        assert code == 2 and case.text in err, text
        return
    assert code == 1, text
    where = str(cell / case.file) + (f":{case.line}:" if case.line else ":")
    lines = [line for line in out.splitlines() if line.startswith(where)]
    assert any(f" {case.code} error: " in line and case.text in line for line in lines), (
        f"{where} {case.code} {case.text!r}\n{text}")


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_input_in_process(cli, tmp_path: Path, case: Case) -> None:
    cell = build(tmp_path, case)
    before = tree_state(tmp_path)
    result = cli(*[a.format(cell=cell) for a in case.args])
    check_output(case, result.code, result.out, result.err, cell)
    assert tree_state(tmp_path) == before


@pytest.mark.parametrize("case", [c for c in CASES if c.name in SUBPROCESS_SAMPLE],
                         ids=lambda c: c.name)
def test_bad_input_through_python_m(tmp_path: Path, case: Case) -> None:
    cell = build(tmp_path, case)
    before = tree_state(tmp_path)
    env = dict(os.environ, CHIBO_LANG="en")
    env.pop("CHIBO_TRACEBACK", None)
    done = subprocess.run([sys.executable, "-m", "chibo_cli",
                           *[a.format(cell=cell) for a in case.args]],
                          capture_output=True, text=True, encoding="utf-8", env=env, timeout=120)
    check_output(case, done.returncode, done.stdout, done.stderr, cell)
    assert tree_state(tmp_path) == before


def test_corpus_is_large_and_names_are_unique() -> None:
    assert len(CASES) >= 40
    assert len({c.name for c in CASES}) == len(CASES)
    assert len(SUBPROCESS_SAMPLE & {c.name for c in CASES}) == len(SUBPROCESS_SAMPLE)


def test_utf8_with_bom_is_simply_accepted(cli, tmp_path: Path) -> None:
    cell = make_cell(tmp_path / "cell")
    meeting = cell / "meetings/2025-08-05-regular.yaml"
    meeting.write_bytes(b"\xef\xbb\xbf" + meeting.read_bytes())
    members = cell / "members.yaml"
    members.write_bytes(b"\xef\xbb\xbf" + members.read_bytes().replace(b"\n", b"\r\n"))
    result = cli("validate", cell)
    assert result.code == 0, result.out


def test_nfd_text_equals_nfc_text(cli, tmp_path: Path) -> None:
    import unicodedata

    from chibo_cli.records.loader import load_cell

    cell = make_cell(tmp_path / "cell")
    members = cell / "members.yaml"
    members.write_text(unicodedata.normalize("NFD", members.read_text("utf-8")), encoding="utf-8")
    assert cli("validate", cell).code == 0
    loaded = load_cell(cell)
    assert loaded.member("tran-thi-lan").name == "Trần Thị Lan"  # type: ignore[union-attr]
