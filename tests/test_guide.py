"""The secretaries' guide (docs/huong-dan.md): linked from the README, its pictures present and
made from the bundled example by tools/make_guide_pictures.py, so they never go stale."""

from __future__ import annotations

import os
import re
import shutil
import struct
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
GUIDE = REPO / "docs" / "huong-dan.md"
IMAGES = REPO / "docs" / "images"
sys.path.insert(0, str(REPO / "tools"))

import make_guide_pictures  # noqa: E402


def png_size(path: Path) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk."""
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    width, height = struct.unpack(">II", head[16:24])
    return width, height


def test_readme_links_the_guide_at_the_top() -> None:
    top = (REPO / "README.md").read_text("utf-8").split("\n## ")[0]
    assert "docs/huong-dan.md" in top


def test_every_picture_the_guide_shows_exists() -> None:
    shown = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", GUIDE.read_text("utf-8"))
    assert len(shown) >= 2
    missing = [link for link in shown if not (GUIDE.parent / link).is_file()]
    assert not missing, missing


def _guide_commands() -> list[list[str]]:
    """The words of every `chibo …` command the guide shows, in code blocks and inline code."""
    text = GUIDE.read_text("utf-8")
    blocks = re.findall(r"```\n(.*?)```", text, re.S) + re.findall(r"`([^`\n]+)`", text)
    return [line.split()[1:] for block in blocks for line in block.splitlines()
            if line.startswith("chibo ")]


def test_every_command_in_the_guide_exists() -> None:
    """Each `chibo …` the guide shows starts with a real command (or a root option)."""
    from test_vietnamese import COMMANDS

    shown = _guide_commands()
    assert len(shown) >= 10
    for words in shown:
        if words[0].startswith("-"):
            assert words[0] in ("--help", "--version", "--lang", "--traceback"), words
            continue
        assert tuple(words[:1]) in COMMANDS, f"chibo {' '.join(words)}"
        group = [c for c in COMMANDS if len(c) == 2 and c[0] == words[0]]
        assert not group or tuple(words[:2]) in COMMANDS, f"chibo {' '.join(words)}"


def _need(tool: str) -> None:
    if shutil.which(tool) is None:
        if os.environ.get("CI"):
            pytest.fail(f"{tool} is required in CI (.ci/run installs it)")
        pytest.skip(f"{tool} is not installed")


def test_pictures_match_the_example_as_rendered_today(tmp_path: Path) -> None:
    """LibreOffice's PNGs are not byte-identical from run to run (fonts, antialiasing), so the
    pictures are compared by what goes stale: the pages of each document and their size."""
    _need("soffice")
    _need("pdftoppm")
    fresh = {p.name: png_size(p) for p in make_guide_pictures.pictures(tmp_path)}
    committed = {p.name: png_size(p) for name in make_guide_pictures.DOCUMENTS
                 for p in IMAGES.glob(f"{name}-*.png")}
    assert fresh == committed, "run: python tools/make_guide_pictures.py"
