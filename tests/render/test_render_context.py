from __future__ import annotations

from pathlib import Path

from chibo_cli.loader import load_workspace
from chibo_cli.render import context as ctx


def _cell(root: Path):  # type: ignore[no-untyped-def]
    return load_workspace(root).cells[0]


def test_minutes_counts_come_from_the_roster_on_the_date(rich_cell: Path) -> None:
    cell = _cell(rich_cell)
    m = ctx.minutes(cell, cell.meeting("2025-08-05-regular"))
    assert m["counts"] == {"total": 8, "full": 7, "probationary": 1, "exempted": 1, "away": 1,
                           "suspended": 0, "attached": 0, "required": 6, "present": 4,
                           "absent": 2, "absent_excused": 1, "absent_unexcused": 1}
    july = ctx.minutes(cell, cell.meeting("2025-07-01-regular"))
    assert july["counts"]["away"] == 1 and july["counts"]["required"] == 6


def test_minutes_names_not_ids_and_no_personal_data(rich_cell: Path) -> None:
    cell = _cell(rich_cell)
    m = ctx.minutes(cell, cell.meeting("2025-08-05-regular"))
    assert m["chair"] == {"name": "Trần Thị Lan", "role": "Bí thư chi bộ"}
    assert m["absentees"] == [{"name": "Đỗ Văn Minh", "reason": "Đi công tác"},
                              {"name": "Đặng Văn Tú", "reason": ""}]
    assert [s["speaker"] for s in m["discussion"]] == ["Phạm Văn Đức", "Vũ Thị Mai",
                                                       "Nguyễn Văn Quang"]
    assert m["review"] == [{"task": "Lập danh sách hộ đăng ký gia đình văn hóa",
                            "owner": "Lê Thị Hoa", "status": "đã hoàn thành",
                            "note": "15 hộ đã đăng ký"}]
    text = repr(m)
    for secret in ("79099999", "001075001234", "79012345", "1975-02-14", "dang-van-tu"):
        assert secret not in text


def test_vote_denominator_is_not_those_present(rich_cell: Path) -> None:
    cell = _cell(rich_cell)
    m = ctx.minutes(cell, cell.meeting("2025-08-05-regular"))
    # 3 full present + 1 full absent without reason; the exempted, away and excused do not count
    assert m["vote"] == {"in_favour": 3, "against": 0, "other": 0, "denominator": 4,
                         "percent": "75%"}


def test_resolution_number_signer_and_recipients(rich_cell: Path) -> None:
    cell = _cell(rich_cell)
    adopted = ctx.resolution(cell, cell.resolution("2025-08-05"))
    assert adopted["header"]["number"] == "Số 01-NQ/CB"
    assert adopted["signer"] == {"name": "Trần Thị Lan", "role": "BÍ THƯ"}
    assert adopted["recipients"] == ["Đảng ủy phường Hòa Bình (để báo cáo)",
                                     "Đảng viên trong chi bộ", "Lưu chi bộ"]
    assert adopted["summary"] == "Sinh hoạt chi bộ tháng 8 năm 2025"
    draft = ctx.resolution(cell, cell.resolution("2025-07-01"))
    assert draft["draft"] and draft["number"] == ""
    assert draft["signer"]["role"] == "PHÓ BÍ THƯ"
    assert draft["summary"] == "về công tác tháng 7 năm 2025"


def test_number_digits_come_from_the_rulebook(rich_cell: Path) -> None:
    branch = rich_cell / "branch.yaml"
    branch.write_text(branch.read_text("utf-8").replace(
        "rules:\n", "rules:\n  numbering.min_digits: 3\n"), encoding="utf-8")
    cell = _cell(rich_cell)
    assert ctx.resolution(cell, cell.resolution("2025-08-05"))["header"]["number"] == \
        "Số 001-NQ/CB"


def test_clean_drops_characters_xml_cannot_hold() -> None:
    assert ctx.clean("a\x00b\x0bc\tdé\n") == "abc\tdé"
    assert ctx.paragraphs("Một\nhai\n\nBa") == ["Một hai", "Ba"]


def test_members_with_the_same_name_are_told_apart_by_birth_year(tmp_path: Path) -> None:
    from helpers import MEMBERS, make_cell

    from chibo_cli.loader import load_cell
    from chibo_cli.render.context import name_of

    twin = MEMBERS.replace("name: Lê Thị Hoa", "name: Trần Thị Lan")
    cell = load_cell(make_cell(tmp_path, {"members.yaml": twin}))
    assert name_of(cell, "tran-thi-lan") == "Trần Thị Lan (sinh năm 1970)"
    assert name_of(cell, "le-thi-hoa") == "Trần Thị Lan (sinh năm 1985)"
    assert name_of(cell, "pham-van-duc") == "Phạm Văn Đức"
    assert name_of(cell, "Nguyễn Văn Khách") == "Nguyễn Văn Khách"
