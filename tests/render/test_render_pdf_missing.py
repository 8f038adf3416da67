"""Issue 10.9: --pdf without LibreOffice writes nothing, so no new .docx sits beside an old .pdf."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from chibo_cli.documents import pdf


@pytest.mark.parametrize("command", [
    ("render", "minutes", "2025-08-05-regular", "-C"),
    ("render", "resolution", "2025-08-05", "-C"),
    ("book", "minutes"),
    ("book", "resolutions"),
])
def test_pdf_without_libreoffice_stops_before_writing(cli: Any, rich_cell: Path,
                                                      monkeypatch: pytest.MonkeyPatch,
                                                      command: tuple[str, ...]) -> None:
    first = cli(*command, rich_cell)
    assert first.code == 0, first.err
    docx = Path(first.out.strip())
    docx.write_bytes(b"last hour's docx")  # a rerender would replace it
    docx.with_suffix(".pdf").write_bytes(b"%PDF-1.4 last hour's document")
    before = {p.name: p.read_bytes() for p in docx.parent.iterdir()}
    monkeypatch.setattr(pdf, "find_soffice", lambda: None)
    result = cli(*command, rich_cell, "--pdf", "--force")
    assert result.code == 2, result.err
    assert "LibreOffice is needed for --pdf" in result.err and "Traceback" not in result.err
    assert result.out == ""
    assert {p.name: p.read_bytes() for p in docx.parent.iterdir()} == before


def test_pdf_without_libreoffice_on_a_committee_writes_nothing(cli: Any, rich_cell: Path,
                                                              monkeypatch: pytest.MonkeyPatch
                                                              ) -> None:
    monkeypatch.setattr(pdf, "find_soffice", lambda: None)
    result = cli("book", "minutes", rich_cell.parent, "--pdf")
    assert result.code == 2 and "LibreOffice" in result.err
    assert not (rich_cell / "out").exists()
