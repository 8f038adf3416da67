"""Issue 10.6–10.7: a conclusion (KL) is a KẾT LUẬN in its own template, and the notebook tells
the types apart: full symbols in its index, date order, each type counted on the cover."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import ADOPTED_RESOLUTION, BRANCH, MEETING, make_cell
from render_fixtures import docx_text

from chibo_cli.base.errors import ChiboError
from chibo_cli.documents import api
from chibo_cli.records.loader import load_cell

CONCLUSION = ADOPTED_RESOLUTION.replace(
    "title: Nghị quyết sinh hoạt chi bộ tháng 8 năm 2025",
    "title: Kết luận về công tác phòng chống lụt bão năm 2025\ntype: KL")
SEPTEMBER = "meetings/2025-09-09-regular.yaml"


def _cell(tmp_path: Path, files: dict[str, str | None]):  # type: ignore[no-untyped-def]
    return load_cell(make_cell(tmp_path / "cell", files))


def test_a_conclusion_is_titled_and_worded_as_one(tmp_path: Path) -> None:
    cell = _cell(tmp_path, {"resolutions/2025-08-05-kl.yaml": CONCLUSION})
    written = api.render_resolution(cell, cell.resolutions[0], tmp_path / "out")
    assert written.name == "ket-luan-2025-08-05-kl.docx"
    text = docx_text(written.read_bytes())
    lines = text.splitlines()
    assert "KẾT LUẬN" in lines and "về công tác phòng chống lụt bão năm 2025" in lines
    assert "Số 01-KL/CB" in text and "chi bộ kết luận như sau:" in text
    assert "Kết luận được chi bộ biểu quyết thông qua" in text
    assert "thực hiện nghiêm túc kết luận này" in text
    assert "NGHỊ QUYẾT" not in text and "QUYẾT NGHỊ" not in text and "nghị quyết" not in text


def test_a_resolution_keeps_its_wording(tmp_path: Path) -> None:
    cell = _cell(tmp_path, {"resolutions/2025-08-05.yaml": ADOPTED_RESOLUTION})
    text = docx_text(api.render_resolution(cell, cell.resolutions[0], tmp_path / "out")
                     .read_bytes())
    assert "NGHỊ QUYẾT" in text.splitlines() and "CHI BỘ QUYẾT NGHỊ:" in text
    assert "KẾT LUẬN" not in text


def test_a_type_the_cell_does_not_issue_is_refused(tmp_path: Path) -> None:
    report = ADOPTED_RESOLUTION + "type: BC\n"
    cell = _cell(tmp_path, {"resolutions/2025-08-05.yaml": report})
    with pytest.raises(ChiboError) as caught:
        api.render_resolution(cell, cell.resolutions[0], tmp_path / "out")
    assert "'BC'" in caught.value.message and "NQ, KL" in caught.value.hint
    assert not (tmp_path / "out").exists()


def test_the_rulebook_decides_which_types_a_cell_issues(tmp_path: Path) -> None:
    only_nq = BRANCH + "rules:\n  documents.resolution_types: [NQ]\n"
    cell = _cell(tmp_path, {"branch.yaml": only_nq, "resolutions/2025-08-05-kl.yaml": CONCLUSION})
    with pytest.raises(ChiboError):
        api.render_resolution(cell, cell.resolutions[0], tmp_path / "out")


def test_the_notebook_index_shows_full_symbols_in_date_order(tmp_path: Path) -> None:
    september = MEETING.replace("2025-08-05", "2025-09-09").replace("2025-08-31", "2025-09-30")
    files: dict[str, str | None] = {
        SEPTEMBER: september,
        # numbered first, dated later: the index is in date order, not number order
        "resolutions/2025-09-09.yaml": ADOPTED_RESOLUTION.replace(
            "meeting: 2025-08-05-regular", "meeting: 2025-09-09-regular").replace(
            "tháng 8", "tháng 9").replace("number: 1", "number: 2"),
        "resolutions/2025-08-05.yaml": ADOPTED_RESOLUTION,
        "resolutions/2025-08-05-kl.yaml": CONCLUSION,
    }
    cell = _cell(tmp_path, files)
    text = docx_text(api.render_resolution_book(cell, tmp_path / "out").read_bytes())
    assert "Số văn bản trong sổ: 2 nghị quyết, 1 kết luận" in text
    index = [line.split(" | ")[0] for line in text.splitlines() if "/2025 | " in line]
    assert index == ["01-KL/CB", "01-NQ/CB", "02-NQ/CB"]
    titles = [line for line in text.splitlines() if line in ("NGHỊ QUYẾT", "KẾT LUẬN")]
    assert titles == ["KẾT LUẬN", "NGHỊ QUYẾT", "NGHỊ QUYẾT"]
    assert text.count("CHI BỘ QUYẾT NGHỊ:") == 2 and text.count("chi bộ kết luận như sau") == 1


def test_templates_list_names_the_conclusion_template(cli) -> None:  # type: ignore[no-untyped-def]
    listed = cli("templates", "list")
    assert listed.code == 0 and "conclusion" in listed.out
