"""A batch of PDFs: shared among LibreOffice processes, each PDF made from its own document."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from chibo_cli.demo.generate import Options, generate
from chibo_cli.documents import pdf


def _need(tool: str) -> None:
    if shutil.which(tool) is None:
        pytest.skip(f"{tool} is not installed")


def test_books_of_a_committee_each_get_their_own_pdf(cli, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch
                                                     ) -> None:  # type: ignore[no-untyped-def]
    """Every cell's book has the same file name: the PDFs must still not be mixed up."""
    _need("soffice")
    _need("pdftotext")
    ward = tmp_path / "ward"
    generate(ward, Options(cells=3, years=1))
    started: list[int] = []
    real_start = pdf._start

    def counting(soffice: str, documents: Any, work: Path, number: int) -> Any:
        started.append(len(documents))
        return real_start(soffice, documents, work, number)

    monkeypatch.setattr(pdf, "_start", counting)
    monkeypatch.setattr(pdf, "_workers", lambda requested, documents: min(2, documents))
    result = cli("book", "minutes", ward, "--year", "2021", "--out", tmp_path / "out",
                 "--allow-errors", "--pdf")
    assert result.code == 0, result.err
    assert started == [2, 1]  # two LibreOffice processes for three books, never more
    for number in (1, 2, 3):
        book = tmp_path / "out" / f"chi-bo-to-dan-pho-so-{number}" / "so-bien-ban-2021.pdf"
        text = subprocess.run(["pdftotext", str(book), "-"], capture_output=True, text=True,
                              check=True).stdout
        assert f"TỔ DÂN PHỐ SỐ {number}" in " ".join(text.split())
