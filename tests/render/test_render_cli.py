from __future__ import annotations

from pathlib import Path
from typing import Any

from docx import Document
from helpers import build_tree, make_cell
from render_fixtures import RICH_CELL, docx_text

from chibo_cli.documents.api import output_path
from chibo_cli.documents.templates import NAMES


def test_render_minutes_by_id_and_by_path(cli: Any, rich_cell: Path) -> None:
    result = cli("render", "minutes", "2025-08-05-regular", "--cell", rich_cell)
    assert result.code == 0, result.err
    written = rich_cell / "out" / "bien-ban-2025-08-05-regular.docx"
    assert result.out.strip() == str(written) and written.is_file()
    again = cli("render", "minutes", rich_cell / "meetings" / "2025-08-05-regular.yaml")
    assert again.code == 2 and "exists" in again.err and "--force" in again.err
    forced = cli("render", "minutes", rich_cell / "meetings/2025-08-05-regular.yaml", "--force",
                 "--out", rich_cell / "elsewhere")
    assert forced.code == 0 and (rich_cell / "elsewhere/bien-ban-2025-08-05-regular.docx").is_file()


def test_render_resolution_and_unknown_id(cli: Any, rich_cell: Path) -> None:
    ok = cli("render", "resolution", "2025-07-01", "-C", rich_cell)
    assert ok.code == 0, ok.err
    assert "DỰ THẢO" in docx_text(Path(ok.out.strip()).read_bytes())
    missing = cli("render", "resolution", "2099-01-01", "-C", rich_cell)
    assert missing.code == 2 and "no resolution '2099-01-01'" in missing.err


def test_records_with_errors_are_not_rendered(cli: Any, rich_cell: Path) -> None:
    meeting = rich_cell / "meetings/2025-08-05-regular.yaml"
    meeting.write_text(meeting.read_text("utf-8").replace("for: 3,", "for: 9,"), "utf-8")
    refused = cli("book", "minutes", rich_cell, "--year", "2025")
    assert refused.code == 1
    assert "2025-08-05-regular.yaml" in refused.err and "error" in refused.err
    assert not (rich_cell / "out").exists()
    allowed = cli("book", "minutes", rich_cell, "--year", "2025", "--allow-errors")
    assert allowed.code == 0 and "rendering anyway" in allowed.err
    assert (rich_cell / "out/so-bien-ban-2025.docx").is_file()


def test_books_for_a_committee_render_every_cell(cli: Any, tmp_path: Path) -> None:
    committee = build_tree(tmp_path / "dang-bo",
                           {"committee.yaml": "name: Đảng bộ phường Hòa Bình\n"})
    make_cell(committee / "chi-bo-a", RICH_CELL)
    make_cell(committee / "chi-bo-b")
    result = cli("book", "minutes", committee, "--term", "--out", tmp_path / "out")
    assert result.code == 0, result.err
    names = sorted(p.relative_to(tmp_path / "out").as_posix()
                   for p in (tmp_path / "out").rglob("*.docx"))
    assert names == ["chi-bo-a/so-bien-ban-nhiem-ky-2025-2030.docx",
                     "chi-bo-b/so-bien-ban-nhiem-ky-2025-2030.docx"]
    notebooks = cli("book", "resolutions", committee)
    assert notebooks.code == 0, notebooks.err
    assert (committee / "chi-bo-a/out/so-nghi-quyet-nhiem-ky-2025-2030.docx").is_file()


def test_minutes_book_has_every_meeting_in_date_order(cli: Any, rich_cell: Path) -> None:
    result = cli("book", "minutes", rich_cell)  # the latest year by default
    assert result.code == 0, result.err
    text = docx_text(Path(result.out.strip()).read_bytes())
    starts = [text.index(s) for s in ("tháng 7 năm 2025", "thường kỳ tháng 8 năm 2025",
                                      "chuyên đề quý III năm 2025")]
    assert starts == sorted(starts) and "SỔ BIÊN BẢN" in text and "Quyển số: 01" in text
    document = Document(result.out.strip())
    breaks = [p for p in document.paragraphs if p.style.name == "Chibo Page Break"]
    assert len(breaks) == 3


def test_templates_list_copy_and_lookup_order(cli: Any, rich_cell: Path, tmp_path: Path) -> None:
    listed = cli("templates", "list", rich_cell)
    assert listed.code == 0 and listed.out.count("built-in") == len(NAMES)
    assert "conclusion " in listed.out and "(kết luận, KL)" in listed.out
    copied = cli("templates", "copy", "minutes-regular", rich_cell)
    assert copied.code == 0
    target = rich_cell / "templates/minutes-regular.docx"
    document = Document(str(target))
    document.add_paragraph("Bản mẫu riêng của chi bộ")
    document.save(str(target))
    assert "cell" in cli("templates", "list", rich_cell).out
    cli("render", "minutes", "2025-08-05-regular", "-C", rich_cell)
    own = rich_cell / "out/bien-ban-2025-08-05-regular.docx"
    assert "Bản mẫu riêng của chi bộ" in docx_text(own.read_bytes())
    override = tmp_path / "mine"
    override.mkdir()
    document.paragraphs[-1].text = "Bản mẫu trong --templates"
    document.save(str(override / "minutes-regular.docx"))
    cli("render", "minutes", "2025-08-05-regular", "-C", rich_cell, "--templates", override,
        "--force")
    assert "Bản mẫu trong --templates" in docx_text(own.read_bytes())
    assert cli("templates", "copy", "minutes-regular", rich_cell).code == 2  # exists
    assert cli("templates", "copy", "nope", rich_cell).code == 2


def test_output_names_stay_inside_the_out_folder(tmp_path: Path) -> None:
    assert output_path(tmp_path, "../../etc/passwd").parent == tmp_path
    assert output_path(tmp_path, "so-bien-ban-nhiem-ky-2025–2030").name == \
        "so-bien-ban-nhiem-ky-2025-2030.docx"
    assert output_path(tmp_path, "..").name == "document.docx"


def test_a_book_of_an_empty_year_is_refused_and_year_excludes_term(cli: Any,
                                                                   rich_cell: Path) -> None:
    empty = cli("book", "minutes", rich_cell, "--year", "2019")
    assert empty.code == 2 and "no meetings in 2019" in empty.err
    assert not (rich_cell / "out").exists()
    both = cli("book", "minutes", rich_cell, "--year", "2025", "--term")
    assert both.code == 2 and "cannot be used together" in both.err


def test_only_the_records_a_document_is_made_from_hold_it_back(cli: Any, rich_cell: Path
                                                               ) -> None:
    """Next year's half-filled meeting does not stop this year's minutes, book or resolution;
    an error in the meeting of an adopted resolution stops the resolution, not its draft."""
    august = (rich_cell / "meetings/2025-08-05-regular.yaml").read_text("utf-8")
    broken = august.replace("date: 2025-08-05", "date: 2026-01-06").replace("for: 3,", "for: 9,")
    (rich_cell / "meetings/2026-01-06-regular.yaml").write_text(broken, "utf-8")
    assert cli("render", "minutes", "2025-08-05-regular", "-C", rich_cell).code == 0
    assert cli("book", "minutes", rich_cell, "--year", "2025").code == 0
    assert cli("book", "resolutions", rich_cell).code == 0
    refused = cli("book", "minutes", rich_cell, "--year", "2026")
    assert refused.code == 1 and "2026-01-06-regular.yaml" in refused.err

    (rich_cell / "meetings/2025-08-05-regular.yaml").write_text(
        august.replace("for: 3,", "for: 9,"), "utf-8")
    refused = cli("render", "resolution", "2025-08-05", "-C", rich_cell, "--force")
    assert refused.code == 1 and "2025-08-05-regular.yaml" in refused.err
    assert cli("render", "resolution", "2025-07-01", "-C", rich_cell, "--force").code == 0


def test_an_error_in_a_shared_file_holds_back_every_document(cli: Any, rich_cell: Path) -> None:
    members = rich_cell / "members.yaml"
    members.write_text(members.read_text("utf-8").replace("born: ", "born: 2025-02-31 #", 1),
                       "utf-8")
    refused = cli("render", "minutes", "2025-08-05-regular", "-C", rich_cell)
    assert refused.code == 1 and "members.yaml" in refused.err
    assert not (rich_cell / "out").exists()


def test_templates_list_of_a_folder_that_is_no_cell(cli: Any, tmp_path: Path) -> None:
    result = cli("templates", "list", tmp_path / "nope")
    assert result.code == 2 and "does not exist" in result.err
    (tmp_path / "plain").mkdir()
    result = cli("templates", "list", tmp_path / "plain")
    assert result.code == 2 and "is not a cell folder" in result.err


def test_out_takes_a_folder_not_a_file_name(cli: Any, rich_cell: Path) -> None:
    result = cli("render", "minutes", "2025-08-05-regular", "-C", rich_cell,
                 "--out", rich_cell / "bien-ban.docx")
    assert result.code == 2 and "--out takes a folder" in result.err
    assert not (rich_cell / "bien-ban.docx").exists()


def test_an_unknown_meeting_is_named_not_another_meetings_errors(cli: Any, tmp_path: Path) -> None:
    cell = make_cell(tmp_path, {"meetings/2025-09-02-regular.yaml":
                                "kind: regular\ndate: 2025-09-02\nstart: \"19:30\"\n"})
    result = cli("render", "minutes", "2025-08-06-regular", "-C", cell)
    assert result.code == 2, result.err
    assert "no meeting '2025-08-06-regular'" in result.err
    assert "did you mean '2025-08-05-regular'?" in result.err
    assert "2025-09-02-regular" not in result.err


def test_a_meeting_that_cannot_be_read_shows_its_own_errors(cli: Any, tmp_path: Path) -> None:
    cell = make_cell(tmp_path, {"meetings/2025-09-02-regular.yaml": "kind: [\n"})
    result = cli("render", "minutes", "2025-09-02-regular", "-C", cell)
    assert result.code == 2 and "2025-09-02-regular.yaml:" in result.err
    assert "'2025-09-02-regular' cannot be read" in result.err
