"""``chibo report`` in every format, on a cell and on a committee: the xlsx opened with
openpyxl, the docx through LibreOffice."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "dang-bo-phuong-an-binh"


@pytest.fixture
def ward(tmp_path: Path) -> Path:
    target = tmp_path / "ward"
    shutil.copytree(EXAMPLE, target)
    return target


def test_terminal_committee_fits_80_columns(cli: Any) -> None:
    done = cli("report", EXAMPLE, "--year", "2025")
    assert done.code == 0, done.err
    lines = done.out.splitlines()
    assert lines[0].startswith("Đảng bộ phường An Bình") and "2 cell(s), 0 falling short" in (
        lines[1])
    assert max(len(line) for line in lines) <= 80
    assert "12/12" in done.out and "Lê Thị Mai Anh did not attend" in done.out


def test_terminal_cell(cli: Any) -> None:
    done = cli("report", EXAMPLE / "chi-bo-to-dan-pho-5", "--quarter", "2025-Q4")
    assert done.code == 0, done.err
    assert "regular 3/3, thematic 1/1" in done.out
    assert "2025-10-07" in done.out and max(len(x) for x in done.out.splitlines()) <= 80


def test_json_rows_name_their_files(cli: Any) -> None:
    done = cli("report", EXAMPLE, "--year", "2025", "--format", "json")
    data = json.loads(done.out)
    for cell in data["cells"]:
        assert cell["files"] and all((EXAMPLE / f).is_file() for f in cell["files"])
        assert all((EXAMPLE / row["file"]).is_file() for row in cell["rows"])
    assert data["totals"]["regular_held"] == 16


def test_csv_summary(cli: Any) -> None:
    done = cli("report", EXAMPLE, "--format", "csv")
    rows = list(csv.reader(io.StringIO(done.out)))
    assert rows[0][0] == "cell" and len(rows) == 3
    five = next(r for r in rows if r[0] == "Chi bộ Tổ dân phố số 5")
    assert five[1:5] == ["12", "12", "4", "4"]


def test_xlsx_sheets_formats_and_charts(cli: Any, ward: Path) -> None:
    from openpyxl import load_workbook

    done = cli("report", ward, "--year", "2025", "--format", "xlsx")
    assert done.code == 0, done.err
    target = ward / "out" / "bao-cao-nam-2025.xlsx"
    assert done.out.strip() == str(target)
    book = load_workbook(target)
    assert book.sheetnames == ["summary", "meetings", "months", "superior", "tasks", "members",
                               "by_month", "ranking"]
    summary = book["summary"]
    assert summary.freeze_panes == "B2" and summary["F2"].number_format == "0.0%"
    cells = {row[0]: row for row in summary.iter_rows(min_row=2, values_only=True)}
    assert cells["Chi bộ Tổ dân phố số 5"][1:5] == (12, 12, 4, 4)
    assert len(book["by_month"]._charts) == 1 and len(book["ranking"]._charts) == 1
    (line,) = book["by_month"]._charts[0].series
    assert line.val.numRef.f == "'by_month'!$D$2:$D$13"  # the attendance column, 12 months
    (bars,) = book["ranking"]._charts[0].series
    assert (bars.cat.strRef or bars.cat.numRef).f == "'ranking'!$A$2:$A$3"  # both cells
    ranked = [r[1] for r in book["ranking"].iter_rows(min_row=2, values_only=True)]
    assert ranked == sorted(ranked, reverse=True)
    months = [r[0] for r in book["by_month"].iter_rows(min_row=2, values_only=True)]
    assert months == [f"2025-{m:02d}" for m in range(1, 13)]
    again = cli("report", ward, "--year", "2025", "--format", "xlsx")
    assert again.code == 2 and "not overwritten" in again.err
    assert cli("report", ward, "--year", "2025", "--format", "xlsx", "--force").code == 0


def _docx_text(path: Path, tmp: Path) -> str:
    if not shutil.which("soffice") or not shutil.which("pdftotext"):
        pytest.skip("LibreOffice and pdftotext are needed")
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp),
                    str(path)], check=True, capture_output=True, timeout=120)
    pdf = tmp / path.with_suffix(".pdf").name
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True,
                          capture_output=True, text=True).stdout


def test_docx_committee_has_charts_and_figures(cli: Any, ward: Path, tmp_path: Path) -> None:
    out = tmp_path / "bao-cao.docx"
    done = cli("report", ward, "--year", "2025", "--format", "docx", "--out", out)
    assert done.code == 0, done.err
    with zipfile.ZipFile(out) as archive:
        images = [n for n in archive.namelist() if n.startswith("word/media/")]
    assert len(images) == 2  # attendance per month; cells ranked
    text = " ".join(_docx_text(out, tmp_path).split())
    assert "BÁO CÁO" in text and "Tình hình sinh hoạt chi bộ năm 2025" in text
    assert "Sinh hoạt thường kỳ: 16/16 cuộc" in text
    assert "Đồng chí Lê Thị Mai Anh" in text and "T/M ĐẢNG ỦY" in text


def test_docx_cell(cli: Any, ward: Path, tmp_path: Path) -> None:
    out = tmp_path / "chi-bo.docx"
    done = cli("report", ward / "chi-bo-to-dan-pho-5", "--year", "2025", "--format", "docx",
               "--out", out)
    assert done.code == 0, done.err
    with zipfile.ZipFile(out) as archive:
        assert len([n for n in archive.namelist() if n.startswith("word/media/")]) == 1
    text = " ".join(_docx_text(out, tmp_path).split())
    assert "CHI BỘ TỔ DÂN PHỐ SỐ 5" in text and "T/M CHI BỘ" in text
    assert "Sinh hoạt thường kỳ: 12/12 cuộc" in text and "IV. ĐẢNG VIÊN" in text


@pytest.mark.parametrize("args, message", [
    (["--year", "25"], "'25' is not a year"),
    (["--quarter", "2025-Q5"], "is not a quarter"),
    (["--year", "2025", "--month", "2025-01"], "give one of"),
])
def test_bad_periods_are_usage_errors(cli: Any, args: list[str], message: str) -> None:
    done = cli("report", EXAMPLE, *args)
    assert done.code == 2 and message in done.err and "Traceback" not in done.err


def test_not_a_folder_is_a_usage_error(cli: Any, tmp_path: Path) -> None:
    done = cli("report", tmp_path / "nowhere")
    assert done.code == 2 and "does not exist" in done.err


def test_help_does_not_import_the_report_libraries() -> None:
    code = ("import sys; from chibo_cli.cli import run; run(['report', '--help']); "
            "print(any(m.split('.')[0] in ('openpyxl', 'matplotlib', 'rich') "
            "for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True,
                         text=True, cwd=REPO)
    assert out.stdout.strip().endswith("False"), out.stderr


def test_unreadable_files_are_named_not_counted(cli: Any, ward: Path) -> None:
    broken = ward / "chi-bo-to-dan-pho-5" / "meetings" / "2025-12-09-regular.yaml"
    broken.write_text("kind: regular\ndate: [\n", encoding="utf-8")
    done = cli("report", ward, "--year", "2025", "--format", "json")
    assert done.code == 0 and "1 file(s) could not be read" in done.err
    assert "Traceback" not in done.err
    five = next(c for c in json.loads(done.out)["cells"] if c["folder"] == "chi-bo-to-dan-pho-5")
    assert five["unreadable"] == ["chi-bo-to-dan-pho-5/meetings/2025-12-09-regular.yaml"]
    assert five["meetings"]["regular_held"] == 11 and five["meetings"]["months_short"] == [
        "2025-12"]


def test_a_committee_without_cells(cli: Any, tmp_path: Path) -> None:
    (tmp_path / "committee.yaml").write_text("name: Đảng bộ phường Mới\n", encoding="utf-8")
    assert cli("report", tmp_path, "--year", "2025").code == 0
    for output in ("json", "csv", "xlsx", "docx"):
        done = cli("report", tmp_path, "--year", "2025", "--format", output, "--out",
                   tmp_path / f"r.{output}")
        assert done.code == 0, (output, done.err)
    refused = cli("report", tmp_path, "--out", tmp_path / "r.txt")
    assert refused.code == 2 and "--out needs" in refused.err
