"""In-place edits of members.yaml: only the edited value or the added line changes."""

from __future__ import annotations

from pathlib import Path

import pytest

from chibo_cli.authoring.member_text import append_event, set_field, verified
from chibo_cli.base.errors import ChiboError

TEXT = """\
# Danh sách đảng viên (ghi chú của bí thư)
members:
  - id: le-thi-hoa   # tổ trưởng
    name: Lê Thị Hoa
    gender: nữ
    born: 1985-12-01
    title:  # chức vụ
    history:
      - {date: 2010-02-03, event: admitted}  # lễ kết nạp tại nhà văn hóa
      - date: 2011-02-03
        event: confirmed
        note: >-
          Quyết định số 12-QĐ/ĐU

      # ghi chú giữa hai đảng viên
  - id: do-van-minh
    name: Đỗ Văn Minh
    gender: nam
    born: 1990-07-15
    history:
      - {date: 2015-09-02, event: admitted}
"""


def changed_lines(old: str, new: str) -> list[str]:
    before = old.splitlines()
    return [text for text in new.splitlines() if text not in before]


def test_set_field_replaces_only_the_value() -> None:
    new = set_field(TEXT, "do-van-minh", "name", '"Đỗ Văn Minh Anh"')
    assert changed_lines(TEXT, new) == ['    name: "Đỗ Văn Minh Anh"']
    assert len(new.splitlines()) == len(TEXT.splitlines())


def test_set_field_fills_an_empty_value_and_keeps_its_comment() -> None:
    new = set_field(TEXT, "le-thi-hoa", "title", '"Tổ trưởng"')
    assert '    title: "Tổ trưởng"  # chức vụ' in new.splitlines()


def test_set_field_adds_a_missing_key_before_history() -> None:
    new = set_field(TEXT, "do-van-minh", "citizen_id", '"001090001234"')
    lines = new.splitlines()
    at = lines.index('    citizen_id: "001090001234"')
    assert lines[at - 1] == "    born: 1990-07-15" and lines[at + 1] == "    history:"


def test_append_event_goes_after_the_last_item_before_a_comment() -> None:
    new = append_event(TEXT, "le-thi-hoa", "{date: 2025-03-01, event: away}")
    lines = new.splitlines()
    at = lines.index("      - {date: 2025-03-01, event: away}")
    assert lines[at - 1] == "          Quyết định số 12-QĐ/ĐU"
    assert "      # ghi chú giữa hai đảng viên" in lines[at + 1:]
    assert changed_lines(TEXT, new) == ["      - {date: 2025-03-01, event: away}"]


def test_append_event_at_the_end_of_the_file() -> None:
    new = append_event(TEXT, "do-van-minh", "{date: 2025-03-01, event: died}")
    assert new.endswith("      - {date: 2015-09-02, event: admitted}\n"
                        "      - {date: 2025-03-01, event: died}\n")


def test_crlf_and_bom_are_kept() -> None:
    text = "\ufeff" + TEXT.replace("\n", "\r\n")
    new = append_event(text, "do-van-minh", "{date: 2025-03-01, event: died}")
    new = set_field(new, "le-thi-hoa", "title", '"Tổ trưởng"')
    assert new.startswith("\ufeff") and "\n" not in new.replace("\r\n", "")


def test_a_member_on_one_line_is_refused() -> None:
    text = "members:\n  - {id: a, name: A, gender: nam, born: 1990-01-01, history: []}\n"
    with pytest.raises(ChiboError, match="one line"):
        set_field(text, "a", "name", "B")


def test_a_flow_history_is_refused() -> None:
    text = TEXT.replace("    history:\n      - {date: 2015-09-02, event: admitted}\n",
                        "    history: [{date: 2015-09-02, event: admitted}]\n")
    with pytest.raises(ChiboError, match="not a list of"):
        append_event(text, "do-van-minh", "{date: 2025-03-01, event: died}")


def test_an_unknown_member_is_refused() -> None:
    with pytest.raises(ChiboError, match="no member 'x'"):
        append_event(TEXT, "x", "{date: 2025-03-01, event: died}")


def test_verified_refuses_an_edit_that_changed_more_than_said(tmp_path: Path) -> None:
    new = set_field(TEXT, "do-van-minh", "name", '"Đỗ Văn Minh Anh"')
    with pytest.raises(ChiboError, match="more than it should"):
        verified(TEXT, new, tmp_path / "members.yaml", lambda data: None)


def test_verified_accepts_the_described_edit(tmp_path: Path) -> None:
    new = set_field(TEXT, "do-van-minh", "name", '"Đỗ Văn Minh Anh"')

    def rename(data: dict) -> None:  # type: ignore[type-arg]
        data["members"][1]["name"] = "Đỗ Văn Minh Anh"

    assert verified(TEXT, new, tmp_path / "members.yaml", rename) == new


def test_a_key_with_nothing_after_it_goes_after_the_last_line() -> None:
    text = "members:\n  - id: a\n    name: A\n    # cuối\n  - id: b\n"
    new = set_field(text, "a", "citizen_id", '"001090001234"')
    assert new.splitlines()[2:4] == ["    name: A", '    citizen_id: "001090001234"']


def test_a_block_scalar_value_is_not_replaced() -> None:
    text = TEXT.replace("    name: Đỗ Văn Minh\n", "    name: >-\n      Đỗ Văn Minh\n")
    with pytest.raises(ChiboError, match="not a one-line value"):
        set_field(text, "do-van-minh", "name", "B")


def test_a_quoted_value_is_replaced_with_its_quotes() -> None:
    text = TEXT.replace("    name: Đỗ Văn Minh\n", '    name: "Đỗ Văn Minh"  # tên\n')
    assert '    name: "Đỗ Văn Minh Anh"  # tên' in set_field(text, "do-van-minh", "name",
                                                          '"Đỗ Văn Minh Anh"').splitlines()
