"""The README's "A secretary's year" runs as written on a copy of the example cell, with the
review filled in and the candidate's decision written where it says."""

from __future__ import annotations

import shlex
import shutil
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parent.parent
EXAMPLE_CELL = REPO / "examples" / "dang-bo-phuong-an-binh" / "chi-bo-to-dan-pho-5"
FILL_IN = "# After the review"


def year_commands() -> tuple[list[list[str]], list[list[str]]]:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    block = text.split("## A secretary's year", 1)[1].split("```bash\n", 1)[1].split("```", 1)[0]
    before, after = block.split(FILL_IN, 1)
    return _commands(before), _commands(after.split("\n", 1)[1])  # past the marker's line


def _commands(text: str) -> list[list[str]]:
    lines = [shlex.split(line, comments=True) for line in text.splitlines()]
    return [words[1:] for words in lines if words and words[0] == "chibo"]


def test_a_secretarys_year_runs_as_the_readme_says(cli: Any, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    cell = tmp_path / "to-dan-pho-5"
    shutil.copytree(EXAMPLE_CELL, cell)
    filled = (cell / "ratings/2025.yaml").read_text(encoding="utf-8")
    (cell / "ratings/2025.yaml").unlink()
    before, after = year_commands()
    assert [c[0] for c in before] == ["new-rating"]
    assert [c[0] for c in after] == ["validate", "render", "candidate", "due"]
    monkeypatch.chdir(tmp_path)
    for args in before:
        result = cli(*args)
        assert result.code == 0, (args, result.err)
    scaffolded = (cell / "ratings/2025.yaml").read_text(encoding="utf-8")
    assert scaffolded.count("  - member:") == filled.count("  - {member:") == 23
    (cell / "ratings/2025.yaml").write_text(filled, encoding="utf-8")  # the review, filled in
    outputs = {}
    for args in after:
        if args[0] == "candidate":
            _decided(cell / "candidates.yaml")
        result = cli(*args)
        assert result.code == 0, (args, result.out, result.err)
        outputs[args[0]] = result.out
    assert (cell / "out/de-nghi-xep-loai-2025.xlsx").is_file()
    assert "pham-thu-ha" in (cell / "members.yaml").read_text(encoding="utf-8")
    assert outputs["validate"] == ""


def _decided(candidates: Path) -> None:
    """The months between: the cell voted on Phạm Thu Hà and the ward decided to admit her."""
    text = candidates.read_text(encoding="utf-8")
    candidates.write_text(text.replace(
        "    note: Lý lịch đã gửi", "    decision: {date: 2026-01-20, number: 210-QĐ/ĐU}\n"
        "    note: Lý lịch đã gửi"), encoding="utf-8")
