"""A real word processor: LibreOffice converts the documents; pdftotext finds the key text."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from chibo_cli.base.errors import ChiboError
from chibo_cli.documents import api, pdf
from chibo_cli.records.loader import load_workspace


def _need(tool: str) -> None:
    if shutil.which(tool) is None:
        if os.environ.get("CI"):
            pytest.fail(f"{tool} is required in CI (.ci/run installs it)")
        pytest.skip(f"{tool} is not installed")


def _pdf_text(path: Path) -> tuple[str, int]:
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout
    return " ".join(text.split()), text.count("\f")


def _font_families(path: Path) -> set[str]:
    """The families embedded in a PDF, without the subset prefix and the style suffix."""
    lines = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True,
                           check=True).stdout.splitlines()[2:]
    return {line.split()[0].split("+")[-1].split("-")[0] for line in lines if line.strip()}


def test_documents_convert_and_read_right(rich_cell: Path, tmp_path: Path) -> None:
    _need("soffice")
    _need("pdftotext")
    cell = load_workspace(rich_cell).cells[0]
    out = tmp_path / "out"
    docs = [api.render_minutes(cell, cell.meeting("2025-08-05-regular"), out),
            api.render_minutes(cell, cell.meeting("2025-08-05-thematic"), out),
            api.render_resolution(cell, cell.resolution("2025-08-05"), out),
            api.render_resolution(cell, cell.resolution("2025-07-01"), out),
            api.render_minutes_book(cell, out, year=2025),
            api.render_resolution_book(cell, out)]
    pdfs = pdf.to_pdf(docs)
    texts = {p.stem: _pdf_text(p) for p in pdfs}
    for path in pdfs:  # a fallback font means some Vietnamese letters are missing from the font
        assert _font_families(path) <= {"TimesNewRomanPSMT", "TimesNewRoman", "LiberationSerif"}
    minutes, pages = texts["bien-ban-2025-08-05-regular"]
    for key in ("ĐẢNG CỘNG SẢN VIỆT NAM", "Hòa Bình, ngày 05 tháng 8 năm 2025",
                "CHI BỘ TỔ DÂN PHỐ SỐ 3", "Tổng số đảng viên của chi bộ: 8 đồng chí",
                "chính thức: 7", "dự bị: 1", "có mặt: 4 đồng chí", "vắng mặt: 2 đồng chí",
                "Đỗ Văn Minh: vắng có lý do", "Đặng Văn Tú: vắng không có lý do",
                "Phạm Văn Đức:", "Vũ Thị Mai:", "Nguyễn Văn Quang:",
                "tán thành: 3/4 đồng chí", "NGƯỜI GHI BIÊN BẢN", "CHỦ TRÌ HỘI NGHỊ",
                "Lê Thị Hoa", "Trần Thị Lan", "đọc lại"):
        assert key in minutes, key
    assert 1 <= pages <= 4
    resolution, pages = texts["nghi-quyet-2025-08-05"]
    for key in ("Số 01-NQ/CB", "NGHỊ QUYẾT", "T/M CHI BỘ", "BÍ THƯ", "Nơi nhận:",
                "Đảng ủy phường Hòa Bình (để báo cáo);", "Lưu chi bộ."):
        assert key in resolution, key
    assert 1 <= pages <= 3
    assert "DỰ THẢO" in texts["nghi-quyet-2025-07-01"][0]
    book, pages = texts["so-bien-ban-2025"]
    assert "SỔ BIÊN BẢN" in book and book.count("BIÊN BẢN Sinh hoạt chi bộ") == 3
    assert 4 <= pages <= 12
    notebook, pages = texts["so-nghi-quyet-nhiem-ky-2025-2030"]
    assert "DANH MỤC NGHỊ QUYẾT" in notebook and "01-NQ/CB 05/8/2025" in notebook
    assert 3 <= pages <= 6


def test_a_clear_message_when_libreoffice_is_missing(monkeypatch: pytest.MonkeyPatch,
                                                      tmp_path: Path) -> None:
    monkeypatch.setattr(pdf, "find_soffice", lambda: None)
    with pytest.raises(ChiboError) as caught:
        pdf.to_pdf([tmp_path / "a.docx"])
    assert "libreoffice-writer-nogui" in caught.value.hint
