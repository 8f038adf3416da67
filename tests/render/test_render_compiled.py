"""A batch compiles each template once, and the documents are the same as freshly compiled ones."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from jinja2 import Environment

from chibo_cli.documents import api, compiled
from chibo_cli.documents.env import jinja_env
from chibo_cli.records.loader import load_workspace


def test_a_second_document_compiles_nothing(rich_cell: Path, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    cell = load_workspace(rich_cell).cells[0]
    compiles: list[int] = []
    real = Environment.compile

    def counting(self: Environment, *args: object, **kwargs: object) -> object:
        compiles.append(1)
        return real(self, *args, **kwargs)  # type: ignore[arg-type]

    regular = [m for m in cell.meetings if m.kind.value == "regular"]
    api.render_minutes(cell, regular[0], tmp_path / "a")
    monkeypatch.setattr(Environment, "compile", counting)
    for index, meeting in enumerate(regular):
        api.render_minutes(cell, meeting, tmp_path / f"b{index}")
    assert len(regular) > 1 and not compiles


def test_kept_templates_render_what_fresh_ones_do(rich_cell: Path, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    cell = load_workspace(rich_cell).cells[0]
    year = cell.meetings[0].date.year
    kept = [api.render_minutes_book(cell, tmp_path / f"kept{i}", year=year) for i in range(2)]
    monkeypatch.setattr(compiled, "document_env", jinja_env)  # a new environment each time
    monkeypatch.setattr(compiled, "Prepared", compiled.DocxTemplate)
    fresh = api.render_minutes_book(cell, tmp_path / "fresh", year=year)
    assert parts(kept[0]) == parts(kept[1]) == parts(fresh)


def parts(document: Path) -> dict[str, bytes]:
    """The files inside a DOCX (its zip entries also carry the time they were written)."""
    with zipfile.ZipFile(document) as archive:
        return {name: archive.read(name) for name in archive.namelist()}
