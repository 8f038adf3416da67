"""Text of each rendered document (paragraphs and table cells, in order) against golden files.

Regenerate on purpose only: ``CHIBO_REGEN_GOLDEN=1 python -m pytest tests/render``.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from render_fixtures import docx_text

from chibo_cli.base.diagnostics import has_errors
from chibo_cli.documents import api
from chibo_cli.records.loader import load_workspace
from chibo_cli.rules.checks import run_checks

GOLDEN = Path(__file__).parent / "golden"
EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "dang-bo-phuong-an-binh"


def _compare(name: str, path: Path) -> None:
    text = docx_text(path.read_bytes())
    golden = GOLDEN / f"{name}.txt"
    if os.environ.get("CHIBO_REGEN_GOLDEN") == "1":
        golden.write_text(text, encoding="utf-8")
    assert golden.is_file(), f"no golden file {golden}: run with CHIBO_REGEN_GOLDEN=1"
    assert text == golden.read_text("utf-8"), f"{name} differs from {golden}"


def test_rich_cell_documents(rich_cell: Path, tmp_path: Path) -> None:
    cell = load_workspace(rich_cell).cells[0]
    out = tmp_path / "out"
    _compare("minutes-regular", api.render_minutes(cell, cell.meeting("2025-08-05-regular"), out))
    _compare("minutes-thematic",
             api.render_minutes(cell, cell.meeting("2025-08-05-thematic"), out))
    _compare("resolution-adopted", api.render_resolution(cell, cell.resolution("2025-08-05"), out))
    _compare("resolution-draft", api.render_resolution(cell, cell.resolution("2025-07-01"), out))
    _compare("minutes-book", api.render_minutes_book(cell, out, year=2025))
    _compare("resolution-book", api.render_resolution_book(cell, out))


def test_example_books(tmp_path: Path) -> None:
    if not (EXAMPLE / "committee.yaml").is_file():
        pytest.skip("the bundled example is not there")
    workspace = load_workspace(EXAMPLE)
    assert not has_errors(run_checks(workspace)), "the bundled example must validate"
    for cell in workspace.cells:
        out = tmp_path / cell.root.name
        _compare(f"example-{cell.root.name}-minutes-2025",
                 api.render_minutes_book(cell, out, year=2025))
        _compare(f"example-{cell.root.name}-resolutions",
                 api.render_resolution_book(cell, out))


def test_every_example_record_renders(tmp_path: Path) -> None:
    if not (EXAMPLE / "committee.yaml").is_file():
        pytest.skip("the bundled example is not there")
    from docx import Document

    for cell in load_workspace(EXAMPLE).cells:
        for meeting in cell.meetings:
            path = api.render_minutes(cell, meeting, tmp_path / cell.root.name)
            text = docx_text(path.read_bytes())
            assert cell.member(meeting.chair).name in text  # type: ignore[union-attr]
            Document(str(path))
        for resolution in cell.resolutions:
            path = api.render_resolution(cell, resolution, tmp_path / cell.root.name)
            assert "NGHỊ QUYẾT" in docx_text(path.read_bytes())
