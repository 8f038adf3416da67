from __future__ import annotations

from pathlib import Path

from chibo_cli.documents import context as ctx
from chibo_cli.records.loader import load_workspace


def _cell(root: Path):  # type: ignore[no-untyped-def]
    return load_workspace(root).cells[0]


def test_minutes_counts_come_from_the_roster_on_the_date(rich_cell: Path) -> None:
    cell = _cell(rich_cell)
    m = ctx.minutes(cell, cell.meeting("2025-08-05-regular"))
    assert m["counts"] == {"total": 8, "full": 7, "probationary": 1, "exempted": 1, "away": 1,
                           "suspended": 0, "attached": 0, "required": 6, "present": 4,
                           "required_present": 4, "absent": 2, "absent_excused": 1,
                           "absent_unexcused": 1}
    july = ctx.minutes(cell, cell.meeting("2025-07-01-regular"))
    assert july["counts"]["away"] == 1 and july["counts"]["required"] == 6


def test_minutes_names_not_ids_and_no_personal_data(rich_cell: Path) -> None:
    cell = _cell(rich_cell)
    m = ctx.minutes(cell, cell.meeting("2025-08-05-regular"))
    assert m["chair"] == {"name": "Trần Thị Lan", "role": "Bí thư chi bộ",
                          "signature": "Trần Thị Lan"}
    assert m["absentees"] == [{"name": "Đỗ Văn Minh", "reason": "đi công tác"},
                              {"name": "Đặng Văn Tú", "reason": ""}]
    assert [s["speaker"] for s in m["discussion"]] == ["Phạm Văn Đức", "Vũ Thị Mai",
                                                       "Nguyễn Văn Quang"]
    assert m["review"] == [{"task": "Lập danh sách hộ đăng ký gia đình văn hóa",
                            "owner": "Lê Thị Hoa", "status": "đã hoàn thành",
                            "note": "15 hộ đã đăng ký",
                            "outcome": "đã hoàn thành. 15 hộ đã đăng ký."}]
    text = repr(m)
    for secret in ("79099999", "001075001234", "79012345", "1975-02-14", "dang-van-tu"):
        assert secret not in text


def test_vote_denominator_is_not_those_present(rich_cell: Path) -> None:
    cell = _cell(rich_cell)
    m = ctx.minutes(cell, cell.meeting("2025-08-05-regular"))
    # 3 full present + 1 full absent without reason; the exempted, away and excused do not count
    assert m["vote"] == {"in_favour": 3, "against": 0, "other": 0, "denominator": 4,
                         "percent": "75%", "present": 3,
                         "note": "3 đảng viên chính thức có mặt và 1 đồng chí vắng mặt "
                                 "không có lý do"}


def test_resolution_number_signer_and_recipients(rich_cell: Path) -> None:
    cell = _cell(rich_cell)
    adopted = ctx.resolution(cell, cell.resolution("2025-08-05"))
    assert adopted["header"]["number"] == "Số 01-NQ/CB"
    assert adopted["signer"] == {"name": "Trần Thị Lan", "role": "BÍ THƯ",
                                 "signature": "Trần Thị Lan"}
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

    from chibo_cli.documents.context import name_of
    from chibo_cli.records.loader import load_cell

    twin = MEMBERS.replace("name: Lê Thị Hoa", "name: Trần Thị Lan")
    cell = load_cell(make_cell(tmp_path, {"members.yaml": twin}))
    assert name_of(cell, "tran-thi-lan") == "Trần Thị Lan (sinh năm 1970)"
    assert name_of(cell, "le-thi-hoa") == "Trần Thị Lan (sinh năm 1985)"
    assert name_of(cell, "pham-van-duc") == "Phạm Văn Đức"
    assert name_of(cell, "Nguyễn Văn Khách") == "Nguyễn Văn Khách"
    minutes = ctx.minutes(cell, cell.meetings[0])
    assert minutes["chair"]["name"] == "Trần Thị Lan (sinh năm 1970)"
    assert minutes["chair"]["signature"] == "Trần Thị Lan"  # a signature is the plain name
    assert minutes["recorder"]["signature"] == "Trần Thị Lan"


def test_a_member_who_came_without_having_to_is_named_not_counted_as_required(
        rich_cell: Path) -> None:
    meeting = rich_cell / "meetings/2025-08-05-regular.yaml"
    meeting.write_text(meeting.read_text("utf-8").replace(
        "dues:", "also_present: [hoang-van-son, ngo-thi-binh]\ndues:"), "utf-8")
    cell = _cell(rich_cell)
    m = ctx.minutes(cell, cell.meeting("2025-08-05-regular"))
    counts = m["counts"]
    assert counts["required"] == counts["required_present"] + counts["absent"] == 6
    assert counts["present"] == 6  # 4 who had to come + 2 who came anyway (the checks use it)
    assert m["visitors"] == [
        {"name": "Hoàng Văn Sơn", "status": "miễn công tác và sinh hoạt đảng"},
        {"name": "Ngô Thị Bình", "status": "sinh hoạt tạm thời nơi khác"}]


def test_review_outcome_joins_status_and_note_as_written() -> None:
    assert ctx._outcome("đã hoàn thành", "Thay 3 nắp cống") == "đã hoàn thành. Thay 3 nắp cống."
    assert ctx._outcome("đang thực hiện", "còn 5 hộ") == "đang thực hiện; còn 5 hộ."
    assert ctx._outcome("chưa thực hiện", "") == "chưa thực hiện."


def test_absence_reason_reads_inside_brackets() -> None:
    assert ctx.in_brackets("Ốm") == "ốm"
    assert ctx.in_brackets("UBND phường triệu tập") == "UBND phường triệu tập"
    assert ctx.in_brackets("Đi công tác Hà Nội") == "đi công tác Hà Nội"
    assert ctx.in_brackets("") == ""


def test_dues_are_labelled_only_when_the_text_does_not_say_so() -> None:
    assert ctx._dues_line("Thu đủ đảng phí tháng 8 của 5 đồng chí.") == \
        "Thu đủ đảng phí tháng 8 của 5 đồng chí."
    assert ctx._dues_line("Đã thu 5/5 đồng chí") == "Đảng phí: Đã thu 5/5 đồng chí."
    assert ctx._dues_line(None) == ""


def test_the_vote_names_what_it_adopts(rich_cell: Path) -> None:
    cell = _cell(rich_cell)
    adopted = ctx.minutes(cell, cell.meeting("2025-08-05-regular"))["adopts"]
    assert adopted == "Nghị quyết sinh hoạt chi bộ tháng 8 năm 2025 (số 01-NQ/CB)"
    draft = ctx.minutes(cell, cell.meeting("2025-07-01-regular"))["adopts"]
    assert draft == "Nghị quyết về công tác tháng 7 năm 2025"
    none = ctx.minutes(cell, cell.meeting("2025-08-05-thematic"))["adopts"]
    assert none == "kết luận của đồng chí chủ trì"
    (rich_cell / "resolutions/2025-08-05-thematic.yaml").write_text(
        "meeting: 2025-08-05-thematic\ntype: KL\ntitle: Về phòng, chống rác thải nhựa\n", "utf-8")
    cell = _cell(rich_cell)
    named = ctx.minutes(cell, cell.meeting("2025-08-05-thematic"))["adopts"]
    assert named == "kết luận “Về phòng, chống rác thải nhựa”"


def test_the_executive_is_the_chi_uy_only_when_the_cell_has_one(rich_cell: Path) -> None:
    cell = _cell(rich_cell)
    assert ctx.resolution(cell, cell.resolution("2025-08-05"))["executive"] == "Bí thư chi bộ"
    branch = rich_cell / "branch.yaml"
    branch.write_text(branch.read_text("utf-8").replace(
        "deputy: pham-van-duc\n", "deputy: pham-van-duc\n  members: [le-thi-hoa]\n"), "utf-8")
    cell = _cell(rich_cell)
    assert ctx.resolution(cell, cell.resolution("2025-08-05"))["executive"] == "Chi ủy"


def test_votes_name_the_absent_members_the_denominator_counts(rich_cell: Path) -> None:
    meeting = rich_cell / "meetings/2025-08-05-regular.yaml"
    meeting.write_text(meeting.read_text("utf-8").replace(
        "read_back: true", "member_votes:\n  - {subject: confirmation, member: vu-thi-mai, "
        "for: 3, against: 0}\nread_back: true"), "utf-8")
    cell = _cell(rich_cell)
    [confirmation] = ctx.minutes(cell, cell.meeting("2025-08-05-regular"))["member_votes"]
    # all full members count for a confirmation: the one absent with a reason too
    assert confirmation["vote"]["denominator"] == 5
    assert confirmation["vote"]["note"] == ("3 đảng viên chính thức có mặt, 1 đồng chí vắng mặt "
                                            "có lý do và 1 đồng chí vắng mặt không có lý do")
