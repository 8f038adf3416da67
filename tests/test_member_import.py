"""``chibo member import``: the plan, the confirmation, the one atomic write, and the bundled
example's ward list."""

from __future__ import annotations

import datetime as dt
import io
import shutil
from pathlib import Path
from typing import Any

import pytest
from helpers import MEMBERS, make_cell

from chibo_cli.authoring.member_import import apply, plan_import
from chibo_cli.base.errors import ChiboError
from chibo_cli.records.loader import load_cell
from chibo_cli.rules.roster import standing

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "examples/dang-bo-phuong-an-binh"
EXAMPLE_LIST = "chi-bo-to-dan-pho-5/danh-sach-dang-vien.xlsx"
HEAD = "STT,Họ và tên,Ngày sinh,Giới tính,Số thẻ đảng viên,Số CCCD,Ngày vào Đảng,Ngày chính thức\n"


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def write_list(cell: Path, *rows: str) -> Path:
    path = cell / "list.csv"
    path.write_text(HEAD + "".join(row + "\n" for row in rows), encoding="utf-8")
    return path


def member(cell: Path, member_id: str) -> Any:
    return next(m for m in load_cell(cell).members if m.id == member_id)


@pytest.fixture
def example(tmp_path: Path) -> Path:
    return Path(shutil.copytree(EXAMPLE, tmp_path / "ward"))


# ------------------------------------------------------------------ the bundled example


def test_the_example_list_is_built_by_its_tool(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    sys.path.insert(0, str(REPO / "tools"))
    import build_member_sheet

    monkeypatch.setattr(build_member_sheet, "OUT", tmp_path / "list.xlsx")
    built = build_member_sheet.build()
    assert built.read_bytes() == (EXAMPLE / EXAMPLE_LIST).read_bytes()


def test_the_example_list_dry_run(cli: Any, example: Path) -> None:
    cell = example / "chi-bo-to-dan-pho-5"
    before = (cell / "members.yaml").read_bytes()
    result = cli("member", "import", example / EXAMPLE_LIST, "-C", cell, "--dry-run")
    assert result.code == 0, result.err
    assert "headings on row 5" in result.out
    assert "C  Ngày, tháng, năm sinh  →  born (ngày sinh)" in result.out
    assert "F  Số thẻ ĐV  →  card_number (số thẻ đảng viên)" in result.out
    assert "J  Ghi chú  →  (not used)" in result.out
    assert "add trinh-van-quang: Trịnh Văn Quang (row 30)" in result.out
    assert "change le-quang-hai: title Chủ cơ sở sửa chữa ô tô → Tổ phó Tổ dân phố số 5" \
        in result.out
    assert "1 to add, 1 to change" in result.out and "dry run: nothing was written" in result.out
    assert ":14:E: warning: the citizen id was stored as a number" in result.err
    assert "would count at meetings already held" in result.err
    assert (cell / "members.yaml").read_bytes() == before


def test_the_example_list_imported_with_joined(cli: Any, example: Path) -> None:
    cell = example / "chi-bo-to-dan-pho-5"
    before = (cell / "members.yaml").read_text(encoding="utf-8")
    result = cli("member", "import", example / EXAMPLE_LIST, "-C", cell, "--joined",
                 "2026-01-12", "--yes")
    assert result.code == 0, result.err
    after = (cell / "members.yaml").read_text(encoding="utf-8")
    assert after.startswith(before.split("  - id: le-quang-hai")[0])  # the top: byte for byte
    quang = member(cell, "trinh-van-quang")
    assert quang.citizen_id == "046079004418" and quang.title == "Kỹ sư xây dựng, nghỉ hưu"
    assert standing(quang, dt.date(2026, 1, 12)).full
    assert not standing(quang, dt.date(2025, 12, 9)).in_cell  # not in last year's meetings
    assert member(cell, "le-quang-hai").title == "Tổ phó Tổ dân phố số 5"
    assert member(cell, "ngo-quang-vinh").citizen_id == "046049002105"
    assert cli("validate", example).code == 0
    again = cli("member", "import", example / EXAMPLE_LIST, "-C", cell, "--yes")
    assert "0 to add, 0 to change" in again.out
    assert (cell / "members.yaml").read_text(encoding="utf-8") == after


# ------------------------------------------------------------------ confirmation


def test_without_a_terminal_or_yes_nothing_is_written(cli: Any, tmp_path: Path) -> None:
    cell = make_cell(tmp_path)
    path = write_list(cell, "1,Ngô Văn Tư,02/02/1980,Nam,,,01/01/2010,01/01/2011")
    result = cli("member", "import", path, "-C", cell)
    assert result.code == 2 and "not confirmed" in result.err and "--yes" in result.err
    assert (cell / "members.yaml").read_text(encoding="utf-8") == MEMBERS


@pytest.mark.parametrize(("answer", "written"), [("y\n", True), ("n\n", False)])
def test_a_terminal_is_asked(cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                             answer: str, written: bool) -> None:
    cell = make_cell(tmp_path)
    path = write_list(cell, "1,Ngô Văn Tư,02/02/1980,Nam,,,01/01/2010,01/01/2011")
    monkeypatch.setattr("sys.stdin", FakeTerminal(answer))
    result = cli("member", "import", path, "-C", cell)
    assert (result.code == 0) is written
    assert any(m.id == "ngo-van-tu" for m in load_cell(cell).members) is written


def test_an_error_in_any_row_writes_nothing(cli: Any, tmp_path: Path) -> None:
    cell = make_cell(tmp_path)
    path = write_list(cell, "1,Ngô Văn Tư,02/02/1980,Nam,,,01/01/2010,",
                      "2,Hà Thị Yến,31/02/1990,Nữ,,,01/01/2015,")
    result = cli("member", "import", path, "-C", cell, "--yes")
    assert result.code == 1
    assert "list.csv:3:C: error: '31/02/1990' is not a date" in result.err
    assert "nothing was written" in result.err
    assert (cell / "members.yaml").read_text(encoding="utf-8") == MEMBERS


# ------------------------------------------------------------------ matching


def plan(cell: Path, *rows: str, joined: dt.date | None = None) -> Any:
    return plan_import(cell, write_list(cell, *rows), dt.date(2025, 9, 1), joined)


def test_rows_match_by_card_citizen_id_or_name_and_birth(tmp_path: Path) -> None:
    cell = make_cell(tmp_path)
    result = plan(cell, "1,Trần Thị Lan Anh,,,79012345,,,",          # card → renamed
                  "2,Phạm Văn Đức,10/09/1968,Nam,,001068000111,,",  # name + born → new id
                  "3,Lê Thị Hoa,,,,,,")                              # name alone, unique
    assert {k: [(c.field, c.new) for c in v] for k, v in result.changed.items()} == {
        "tran-thi-lan": [("name", "Trần Thị Lan Anh")],
        "pham-van-duc": [("citizen_id", "001068000111")]}
    assert result.unchanged == 1 and not result.added and not result.problems
    assert sorted(m.id for m in result.missing) == ["do-van-minh", "vu-thi-mai"]


def test_an_empty_value_never_erases(tmp_path: Path) -> None:
    cell = make_cell(tmp_path)
    result = plan(cell, "1,Trần Thị Lan,02/04/1970,Nữ,,,,")
    assert not result.changed and result.unchanged == 1


def test_a_row_naming_two_members_is_an_error(tmp_path: Path) -> None:
    cell = make_cell(tmp_path)
    result = plan(cell, "1,Lê Thị Hoa,01/12/1985,Nữ,79012345,,,")
    assert result.blocked and "more than one member: le-thi-hoa, tran-thi-lan" in \
        result.problems[0].message


def test_the_same_member_twice_is_an_error(tmp_path: Path) -> None:
    cell = make_cell(tmp_path)
    result = plan(cell, "1,Lê Thị Hoa,01/12/1985,Nữ,,,,", "2,Lê Thị Hoa,01/12/1985,Nữ,,,,",
                  "3,Ngô Văn Tư,02/02/1980,Nam,,,01/01/2010,", "4,Ngô Văn Tư,02/02/1980,Nam,,,,")
    assert [(p.row, p.message) for p in result.problems] == [
        (3, "le-thi-hoa is already on row 2"), (5, "the same person as row 4")]


def test_a_new_member_needs_gender_birth_and_admission(tmp_path: Path) -> None:
    cell = make_cell(tmp_path)
    result = plan(cell, "1,Ngô Văn Tư,02/02/1980,,,,,")
    assert result.blocked and "needs: gender, date of admission" in result.problems[0].message


def test_a_confirmation_the_list_knows_is_added(tmp_path: Path) -> None:
    cell = make_cell(tmp_path)
    result = plan(cell, "1,Vũ Thị Mai,20/01/1999,Nữ,,,26/03/2025,26/03/2026")
    assert [(e.member, e.kind.value, e.date) for e in result.events] == \
        [("vu-thi-mai", "confirmed", dt.date(2026, 3, 26))]
    apply(cell, result)
    assert standing(member(cell, "vu-thi-mai"), dt.date(2026, 3, 26)).full


def test_old_dates_that_differ_are_shown_not_changed(tmp_path: Path) -> None:
    cell = make_cell(tmp_path)
    result = plan(cell, "1,Lê Thị Hoa,01/12/1985,Nữ,,,04/02/2010,04/02/2011")
    messages = [p.message for p in result.problems]
    assert not result.blocked and len(messages) == 2
    assert "admitted 2010-02-04, members.yaml 2010-02-03; not changed" in messages[0]
    assert not result.events and not result.changed


def test_joined_makes_new_members_transfers(tmp_path: Path) -> None:
    cell = make_cell(tmp_path)
    result = plan(cell, "1,Ngô Văn Tư,02/02/1980,Nam,,,01/01/2010,01/01/2011",
                  "2,Hà Thị Yến,05/05/1995,Nữ,,,01/06/2025,",
                  "3,Đinh Văn Tạo,05/05/2001,Nam,,,01/10/2025,", joined=dt.date(2025, 9, 1))
    histories = {n.id: [(e.kind.value, e.category.value if e.category else None)
                        for e in n.history] for n in result.added}
    assert histories == {"ngo-van-tu": [("transferred_in", "full")],
                         "ha-thi-yen": [("transferred_in", "probationary")],
                         "dinh-van-tao": [("admitted", None)]}
    assert not result.counted_before
    apply(cell, result)
    assert "Vào Đảng ngày 01/01/2010" in (member(cell, "ngo-van-tu").history[0].note or "")


def test_without_joined_older_meetings_would_count_new_members(tmp_path: Path) -> None:
    cell = make_cell(tmp_path)
    assert plan(cell, "1,Ngô Văn Tư,02/02/1980,Nam,,,01/01/2010,").counted_before == \
        ["ngo-van-tu"]
    assert plan(cell, "1,Ngô Văn Tư,02/02/1980,Nam,,,01/01/2026,").counted_before == []


def test_a_file_changed_while_waiting_is_left_alone(tmp_path: Path) -> None:
    cell = make_cell(tmp_path)
    result = plan(cell, "1,Ngô Văn Tư,02/02/1980,Nam,,,01/01/2010,")
    (cell / "members.yaml").write_text(MEMBERS + "# sửa tay\n", encoding="utf-8")
    with pytest.raises(ChiboError, match="changed while the import was waiting"):
        apply(cell, result)
    assert (cell / "members.yaml").read_text(encoding="utf-8").endswith("# sửa tay\n")


def test_a_namesake_gets_its_own_id(tmp_path: Path) -> None:
    cell = make_cell(tmp_path)
    result = plan(cell, "1,Lê Thị Hoa,05/05/1990,Nữ,,,01/01/2015,")
    assert [n.id for n in result.added] == ["le-thi-hoa-2"]


def test_a_cell_without_members_yaml_is_started(cli: Any, tmp_path: Path) -> None:
    cell = make_cell(tmp_path, {"members.yaml": None, "meetings/2025-08-05-regular.yaml": None})
    path = write_list(cell, "1,Ngô Văn Tư,02/02/1980,Nam,'0790001,001080000123,01/01/2010,")
    result = cli("member", "import", path, "-C", cell, "--yes")
    assert result.code == 0, result.err
    assert member(cell, "ngo-van-tu").card_number == "'0790001"


def test_a_roster_with_an_unreadable_member_is_not_imported_into(cli: Any,
                                                                 tmp_path: Path) -> None:
    broken = MEMBERS.replace("    born: 1985-12-01\n", "    born: 1985-13-01\n")
    cell = make_cell(tmp_path, {"members.yaml": broken})
    path = write_list(cell, "1,Lê Thị Hoa,01/12/1985,Nữ,,,03/02/2010,")
    result = cli("member", "import", path, "-C", cell, "--yes")
    assert result.code == 2 and "members.yaml cannot be read" in result.err
    assert (cell / "members.yaml").read_text(encoding="utf-8") == broken
