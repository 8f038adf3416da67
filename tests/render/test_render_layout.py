"""Layout asserted in the DOCX XML: page, margins, fonts in four slots, sizes, fields."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from render_fixtures import part

from chibo_cli.documents import api
from chibo_cli.records.loader import load_workspace


def _twips(mm: float) -> int:
    return round(mm * 1440 / 25.4)


@pytest.fixture
def rendered(rich_cell: Path, tmp_path: Path) -> dict[str, Path]:
    cell = load_workspace(rich_cell).cells[0]
    out = tmp_path / "out"
    return {
        "minutes": api.render_minutes(cell, cell.meeting("2025-08-05-regular"), out),
        "thematic": api.render_minutes(cell, cell.meeting("2025-08-05-thematic"), out),
        "adopted": api.render_resolution(cell, cell.resolution("2025-08-05"), out),
        "draft": api.render_resolution(cell, cell.resolution("2025-07-01"), out),
        "book": api.render_minutes_book(cell, out, year=2025),
        "notebook": api.render_resolution_book(cell, out),
    }


def _style(styles: str, style_id: str) -> str:
    match = re.search(rf'<w:style [^>]*w:styleId="{style_id}".*?</w:style>', styles, re.S)
    assert match, style_id
    return match.group(0)


def test_page_size_margins_and_first_page_different(rendered: dict[str, Path]) -> None:
    for path in rendered.values():
        body = part(path)
        assert f'w:w="{_twips(210)}"' in body and f'w:h="{_twips(297)}"' in body
        margins = re.search(r"<w:pgMar [^>]*/>", body)
        assert margins
        for side, mm in (("top", 20), ("bottom", 20), ("left", 30), ("right", 15)):
            assert f'w:{side}="{_twips(mm)}"' in margins.group(0), (side, path.name)
        assert "<w:titlePg/>" in body


def test_page_number_field_centred_in_the_header_not_on_page_one(
        rendered: dict[str, Path]) -> None:
    import zipfile

    with zipfile.ZipFile(rendered["book"]) as archive:
        rels = archive.read("word/_rels/document.xml.rels").decode()
        body = archive.read("word/document.xml").decode()
        default = re.search(r'<w:headerReference w:type="default" r:id="(\w+)"', body)
        first = re.search(r'<w:headerReference w:type="first" r:id="(\w+)"', body)
        assert default and first
        target = {rid: t for rid, t in re.findall(r'Id="(\w+)"[^>]*Target="([^"]+)"', rels)}
        default_xml = archive.read("word/" + target[default.group(1)]).decode()
        first_xml = archive.read("word/" + target[first.group(1)]).decode()
    assert "PAGE" in default_xml and 'w:fldCharType="begin"' in default_xml
    assert "PAGE" not in first_xml


def test_times_new_roman_in_all_four_slots_and_vietnamese(rendered: dict[str, Path]) -> None:
    styles = part(rendered["minutes"], "word/styles.xml")
    fonts = re.findall(r"<w:rFonts [^>]*/>", styles)
    assert fonts
    for element in fonts:
        for slot in ("ascii", "hAnsi", "cs", "eastAsia"):
            assert f'w:{slot}="Times New Roman"' in element, element
        assert "Theme" not in element
    defaults = re.search(r"<w:docDefaults>.*?</w:docDefaults>", styles, re.S)
    assert defaults and 'w:val="vi-VN"' in defaults.group(0)


def test_sizes_bold_italic_and_indent(rendered: dict[str, Path]) -> None:
    styles = part(rendered["minutes"], "word/styles.xml")
    normal = _style(styles, "Normal")
    assert '<w:sz w:val="28"/>' in normal and 'w:firstLine="567"' in normal
    assert '<w:jc w:val="both"/>' in _style(styles, "ChiboBody")
    title = _style(styles, "ChiboTitle")
    assert '<w:sz w:val="30"/>' in title and "<w:b/>" in title
    party = _style(styles, "ChiboParty")
    assert '<w:sz w:val="30"/>' in party and "<w:b/>" in party and "<w:bottom " in party
    assert "<w:i/>" in _style(styles, "ChiboPlaceDate")
    assert "<w:b/>" in _style(styles, "ChiboHeaderCell")
    assert "<w:b/>" not in _style(styles, "ChiboHeader")
    assert "<w:b/>" in _style(styles, "ChiboSignName")
    assert "<w:b/>" not in _style(styles, "ChiboSignRole")
    assert '<w:u w:val="single"/>' in _style(styles, "ChiboRecipientsHead")


def test_header_table_has_no_borders(rendered: dict[str, Path]) -> None:
    body = part(rendered["adopted"])
    first_table = body[body.index("<w:tbl>"):body.index("</w:tbl>")]
    assert 'w:val="nil"' in first_table and 'w:val="single"' not in first_table
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in first_table
    assert '>Số 01</w:t><w:noBreakHyphen/><w:t xml:space="preserve">NQ/CB<' in first_table


def test_layout_numbers_follow_the_cells_rules(rich_cell: Path, tmp_path: Path) -> None:
    branch = rich_cell / "branch.yaml"
    branch.write_text(branch.read_text("utf-8").replace(
        "rules:\n", "rules:\n  layout.margins_mm: {top: 25, bottom: 20, left: 35, right: 15}\n"
        "  layout.body_pt: 13\n  layout.font: Arial\n"), encoding="utf-8")
    cell = load_workspace(rich_cell).cells[0]
    path = api.render_minutes(cell, cell.meeting("2025-08-05-regular"), tmp_path)
    body, styles = part(path), part(path, "word/styles.xml")
    assert f'w:left="{_twips(35)}"' in body and f'w:top="{_twips(25)}"' in body
    assert '<w:sz w:val="26"/>' in _style(styles, "Normal")
    assert 'w:eastAsia="Arial"' in styles and "Times New Roman" not in styles


def test_draft_mark_and_signatures(rendered: dict[str, Path]) -> None:
    draft, adopted = part(rendered["draft"]), part(rendered["adopted"])
    assert "DỰ THẢO" in draft and "DỰ THẢO" not in adopted
    assert "PHÓ BÍ THƯ" in draft and "Phạm Văn Đức" in draft
    assert "T/M CHI BỘ" in adopted and ">BÍ THƯ<" in adopted and "K/T" not in adopted
    minutes = part(rendered["minutes"])
    assert "NGƯỜI GHI BIÊN BẢN" in minutes and "CHỦ TRÌ HỘI NGHỊ" in minutes


def _header_parts(path: Path) -> list[str]:
    import zipfile

    with zipfile.ZipFile(path) as archive:
        return [archive.read(n).decode() for n in archive.namelist()
                if re.match(r"word/(header|footer)\d*\.xml$", n)]


def test_page_number_is_not_pushed_off_centre_by_the_body_indent(
        rendered: dict[str, Path]) -> None:
    for path in rendered.values():
        header = _style(part(path, "word/styles.xml"), "Header")
        assert 'w:firstLine="0"' in header, path.name
        numbered = [xml for xml in _header_parts(path) if "PAGE" in xml]
        assert numbered and all('w:firstLine="0"' in xml for xml in numbered), path.name


def test_books_print_no_stamp_label_but_keep_each_records_seal(rich_cell: Path,
                                                               tmp_path: Path) -> None:
    from render_fixtures import docx_text

    cell = load_workspace(rich_cell).cells[0]
    book = api.render_minutes_book(cell, tmp_path, year=2025)
    notebook = api.render_resolution_book(cell, tmp_path)
    for path in (book, notebook):
        assert all("giáp lai" not in xml for xml in _header_parts(path)), path.name
        assert "giáp lai" not in part(path)
    assert "Số biên bản trong sổ: 3" in docx_text(book.read_bytes())
    notebook_text = docx_text(notebook.read_bytes())
    assert "Số văn bản trong sổ: 1 nghị quyết" in notebook_text
    assert "DANH MỤC NGHỊ QUYẾT\nNhiệm kỳ 2025–2030\n-----\n" in notebook_text
    seal = _style(part(book, "word/styles.xml"), "ChiboSeal")
    assert '<w:sz w:val="18"/>' in seal and "<w:color " in seal


def test_an_empty_draft_keeps_its_three_sections_with_lines_to_fill(rich_cell: Path,
                                                                   tmp_path: Path) -> None:
    from render_fixtures import docx_text

    (rich_cell / "resolutions/2025-07-01.yaml").write_text(
        "meeting: 2025-07-01-regular\nstatus: draft\ntitle: Nghị quyết chi bộ tháng 7 năm 2025\n",
        "utf-8")
    cell = load_workspace(rich_cell).cells[0]
    text = docx_text(api.render_resolution(cell, cell.resolution("2025-07-01"),
                                           tmp_path).read_bytes())
    lines = text.splitlines()
    heads = ["I. ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN NHIỆM VỤ", "II. MỤC TIÊU, NHIỆM VỤ VÀ GIẢI PHÁP",
             "III. TỔ CHỨC THỰC HIỆN"]
    places = [lines.index(head) for head in heads]
    for place in places:
        assert lines[place + 1].startswith("……"), lines[place + 1]
    assert sum(line.startswith("……") for line in lines) == 9


def test_only_the_last_item_of_the_task_list_ends_with_a_full_stop(
        rendered: dict[str, Path]) -> None:
    from render_fixtures import docx_text

    lines = docx_text(rendered["adopted"].read_bytes()).splitlines()
    start = lines.index("III. TỔ CHỨC THỰC HIỆN") + 1
    items = [line for line in lines[start:] if line.startswith("- ")]
    assert items[-1].startswith("- Bí thư chi bộ tổ chức triển khai")
    assert all(line.endswith(";") for line in items[:-1]) and items[-1].endswith(".")
