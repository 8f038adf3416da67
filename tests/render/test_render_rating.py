"""The year-end rating's documents, rendered from the bundled example."""

from __future__ import annotations

import io
import shutil
from pathlib import Path
from typing import Any

from render_fixtures import docx_text

from chibo_cli.documents import ratings as docs
from chibo_cli.records.loader import load_workspace

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "dang-bo-phuong-an-binh"
CELL = "chi-bo-to-dan-pho-5"


def _example(tmp_path: Path) -> Path:
    shutil.copytree(EXAMPLE, tmp_path / "ward")
    return tmp_path / "ward" / CELL


def test_the_list_holds_every_member_and_the_totals(tmp_path: Path) -> None:
    cell = load_workspace(_example(tmp_path)).cells[0]
    text = docx_text(docs.render_rating_list(cell, cell.ratings[0], tmp_path).read_bytes())
    assert "DANH SÁCH" in text and "đề nghị xếp loại chất lượng đảng viên năm 2025" in text
    assert "CHI BỘ TỔ DÂN PHỐ SỐ 5" in text and "An Bình, ngày 09 tháng 12 năm 2025" in text
    assert "Bùi Thị Ngọc Anh" in text and "19/20" in text
    assert "- Hoàn thành tốt nhiệm vụ: 18 đồng chí (78,3%);" in text
    assert "- Không hoàn thành nhiệm vụ: 0 đồng chí (0%)." in text
    assert "Tập thể chi bộ tự đánh giá, xếp loại: Hoàn thành tốt nhiệm vụ." in text
    assert "Phạm Văn Lộc" not in text  # exempted: not rated
    assert "{{" not in text and "{%" not in text
    assert "046" not in text  # no citizen id


def test_the_minutes_hold_the_meeting_and_the_results(tmp_path: Path) -> None:
    cell = load_workspace(_example(tmp_path)).cells[0]
    text = docx_text(docs.render_rating_minutes(cell, cell.ratings[0], tmp_path).read_bytes())
    assert "Hội nghị kiểm điểm, đánh giá, xếp loại chất lượng tập thể chi bộ và đảng viên" in text
    assert "Tổng số đảng viên của chi bộ: 24 đồng chí" in text
    assert "Kết quả biểu quyết đề nghị xếp loại đảng viên" in text
    assert "NGƯỜI GHI BIÊN BẢN" in text and "CHỦ TRÌ HỘI NGHỊ" in text
    assert "{{" not in text


def test_the_xlsx_keeps_the_rows(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    cell = load_workspace(_example(tmp_path)).cells[0]
    path = docs.render_rating_xlsx(cell, cell.ratings[0], tmp_path)
    sheet = load_workbook(io.BytesIO(path.read_bytes())).active
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert rows[1][:5] == ["STT", "Họ và tên", "Đảng viên", "Tự xếp loại", "Chi bộ đề nghị"]
    members = [row for row in rows[2:] if isinstance(row[0], int)]
    assert len(members) == 23
    assert members[0][:6] == [1, "Nguyễn Thị Hạnh", "Chính thức", "Hoàn thành tốt nhiệm vụ",
                              "Hoàn thành xuất sắc nhiệm vụ", "20/20"]
    assert [None, "Hoàn thành tốt nhiệm vụ", 18, "78,3%"] in [row[:4] for row in rows]


def test_render_rating_command(cli: Any, tmp_path: Path) -> None:
    root = _example(tmp_path)
    result = cli("render", "rating", "2025", "-C", root)
    assert result.code == 0, result.err
    for name in ("de-nghi-xep-loai-2025.docx", "de-nghi-xep-loai-2025.xlsx",
                 "bien-ban-kiem-diem-2025.docx"):
        assert (root / "out" / name).is_file()
    again = cli("render", "rating", "2025", "-C", root)
    assert again.code == 2 and "not overwritten" in again.err
    assert cli("render", "rating", "2024", "-C", root).code == 2


def test_a_rating_with_errors_is_held_back(cli: Any, tmp_path: Path) -> None:
    root = _example(tmp_path)
    path = root / "ratings" / "2025.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "proposed_level: done", "proposed_level: so_so", 1), encoding="utf-8")
    result = cli("render", "rating", "2025", "-C", root)
    assert result.code == 1 and "V091" in result.err
    assert not (root / "out").exists()
    assert cli("render", "rating", "2025", "-C", root, "--allow-errors").code == 0
