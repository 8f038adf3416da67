"""``chibo member export``: the member list in Word, Excel and CSV; ids masked unless revealed;
an export with --reveal imports back without a change."""

from __future__ import annotations

import csv
import io
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from render_fixtures import docx_text

from chibo_cli.documents.lint import lint
from chibo_cli.documents.templates import builtin_dir

REPO = Path(__file__).resolve().parents[2]
EXAMPLE_CELL = REPO / "examples/dang-bo-phuong-an-binh/chi-bo-to-dan-pho-5"
ON = "2025-09-01"


def export(cli: Any, cell: Path, fmt: str, *more: str) -> Path:
    result = cli("member", "export", cell, "--format", fmt, "--on", ON, *more)
    assert result.code == 0, result.err
    return cell / "out" / f"danh-sach-dang-vien-{ON}.{fmt}"


def test_csv_lists_the_members_in_the_cell_on_the_date(cli: Any, rich_cell: Path) -> None:
    path = export(cli, rich_cell, "csv")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel reads the Vietnamese letters right
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0][:4] == ["STT", "Họ và tên", "Giới tính", "Ngày sinh"]
    by_name = {row[1]: row for row in rows[1:]}
    assert by_name["Trần Thị Lan"][6:8] == ["•••••345", "•••••••••876"]
    assert by_name["Hoàng Văn Sơn"][9] == "Miễn công tác và sinh hoạt đảng"
    assert by_name["Vũ Thị Mai"][4:6] == ["26/03/2025", ""] and by_name["Vũ Thị Mai"][9] == "Dự bị"
    assert [row[0] for row in rows[1:]] == [str(n) for n in range(1, len(rows))]


def test_reveal_shows_the_numbers(cli: Any, rich_cell: Path) -> None:
    text = export(cli, rich_cell, "csv", "--reveal").read_text(encoding="utf-8-sig")
    assert "79012345" in text and "001170009876" in text and "•" not in text


def test_members_who_left_are_not_listed(cli: Any, rich_cell: Path) -> None:
    assert cli("member", "event", "le-thi-hoa", "transferred_out", "--date", "2025-08-20",
               "-C", rich_cell).code == 0
    assert "Lê Thị Hoa" not in export(cli, rich_cell, "csv").read_text(encoding="utf-8-sig")


def test_an_existing_file_needs_force(cli: Any, rich_cell: Path) -> None:
    export(cli, rich_cell, "csv")
    again = cli("member", "export", rich_cell, "--format", "csv", "--on", ON)
    assert again.code == 2 and "exists" in again.err
    export(cli, rich_cell, "csv", "--force")


def test_an_unknown_format(cli: Any, rich_cell: Path) -> None:
    result = cli("member", "export", rich_cell, "--format", "pdf")
    assert result.code == 2 and "xlsx, docx, csv" in result.err


def test_xlsx_keeps_ids_as_text_and_dates_as_dates(cli: Any, rich_cell: Path) -> None:
    from openpyxl import load_workbook

    sheet = load_workbook(export(cli, rich_cell, "xlsx", "--reveal")).active
    assert sheet["A4"].value == "DANH SÁCH ĐẢNG VIÊN"
    header = [c.value for c in sheet[7]]
    assert header[:3] == ["STT", "Họ và tên", "Giới tính"]
    lan = [c for c in sheet[8]]
    assert lan[1].value == "Trần Thị Lan" and lan[7].value == "001170009876"
    assert lan[7].number_format == "@" and lan[3].number_format == "DD/MM/YYYY"
    assert lan[3].value.date().isoformat() == "1970-04-02"


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_an_export_with_reveal_imports_back_unchanged(cli: Any, tmp_path: Path,
                                                      fmt: str) -> None:
    cell = Path(shutil.copytree(EXAMPLE_CELL, tmp_path / "cell"))
    before = (cell / "members.yaml").read_bytes()
    path = export(cli, cell, fmt, "--reveal")
    result = cli("member", "import", path, "-C", cell, "--yes")
    assert result.code == 0, result.err
    assert "0 to add, 0 to change" in result.out and result.err == ""
    assert (cell / "members.yaml").read_bytes() == before


def test_a_masked_export_does_not_import_its_masks(cli: Any, tmp_path: Path) -> None:
    cell = Path(shutil.copytree(EXAMPLE_CELL, tmp_path / "cell"))
    result = cli("member", "import", export(cli, cell, "csv"), "-C", cell, "--yes")
    assert "0 to add, 0 to change" in result.out and "masked" in result.err


def test_docx_in_the_party_layout_across_the_page(cli: Any, rich_cell: Path) -> None:
    from docx import Document

    path = export(cli, rich_cell, "docx")
    text = docx_text(path.read_bytes())
    for key in ("ĐẢNG CỘNG SẢN VIỆT NAM", "CHI BỘ TỔ DÂN PHỐ SỐ 3", "DANH SÁCH ĐẢNG VIÊN",
                "Hòa Bình, ngày 01 tháng 9 năm 2025", "T/M CHI BỘ", "BÍ THƯ", "Trần Thị Lan",
                "•••••••••876", "Tổng số: 8 đồng chí (chính thức: 7, dự bị: 1)."):
        assert key in text, key
    assert "001170009876" not in text
    section = Document(str(path)).sections[0]
    assert section.page_width.mm == pytest.approx(297, abs=0.5)
    assert section.left_margin.mm == pytest.approx(30, abs=0.5)


def test_the_template_is_clean() -> None:
    assert lint(builtin_dir() / "member-list.docx") == []


def test_docx_converts_to_landscape_pdf(cli: Any, rich_cell: Path) -> None:
    if shutil.which("soffice") is None or shutil.which("pdfinfo") is None:
        pytest.skip("LibreOffice or pdfinfo is not installed")
    from chibo_cli.documents import pdf

    made = pdf.to_pdf([export(cli, rich_cell, "docx")])[0]
    info = subprocess.run(["pdfinfo", str(made)], capture_output=True, text=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))  # type: ignore[union-attr]
    assert "841.89 x 595.3" in info and 1 <= pages <= 2


def test_pdf_goes_with_docx_only(cli: Any, rich_cell: Path) -> None:
    result = cli("member", "export", rich_cell, "--format", "csv", "--pdf")
    assert result.code == 2 and "--pdf goes only with --format docx" in result.err
    assert not (rich_cell / "out").exists()


def test_docx_and_its_pdf(cli: Any, rich_cell: Path) -> None:
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice is not installed")
    result = cli("member", "export", rich_cell, "--format", "docx", "--on", ON, "--pdf")
    assert result.code == 0, result.err
    assert (rich_cell / "out" / f"danh-sach-dang-vien-{ON}.pdf").is_file()
