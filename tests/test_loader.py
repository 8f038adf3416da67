from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from helpers import BRANCH, MEETING, build_tree, make_cell

from chibo_cli.records.loader import WorkspaceError, load_cell, load_workspace


def _codes(diags) -> list[tuple[str, str, int]]:  # type: ignore[no-untyped-def]
    return [(d.code, Path(d.location.file).name, d.location.line) for d in diags]


def test_minimal_cell_loads_cleanly(tmp_path: Path) -> None:
    ws = load_workspace(make_cell(tmp_path))
    assert ws.diagnostics == []
    cell = ws.cells[0]
    assert [m.id for m in cell.members][:2] == ["tran-thi-lan", "pham-van-duc"]
    assert cell.meetings[0].id == "2025-08-05-regular"
    assert cell.meetings[0].start == "19:30"


def test_typo_in_field_name_suggests_the_right_one(tmp_path: Path) -> None:
    make_cell(tmp_path, {"meetings/2025-08-05-regular.yaml":
                         MEETING.replace("recorder:", "recoder:")})
    ws = load_workspace(tmp_path)
    unknown = [d for d in ws.diagnostics if d.code == "S001"]
    assert unknown and unknown[0].location.line == 7
    assert "'recorder'" in unknown[0].hint


def test_one_broken_member_does_not_hide_the_others(tmp_path: Path) -> None:
    make_cell(tmp_path)
    text = (tmp_path / "members.yaml").read_text(encoding="utf-8")
    broken = text.replace("born: 1968-09-10", "born: 1968-02-31")
    (tmp_path / "members.yaml").write_text(broken, encoding="utf-8")
    ws = load_workspace(tmp_path)
    assert [(c, f) for c, f, _l in _codes(ws.diagnostics)] == [("S003", "members.yaml")]
    cell = ws.cells[0]
    assert "pham-van-duc" not in {m.id for m in cell.members}
    assert "pham-van-duc" in cell.broken_ids
    assert len(cell.members) == 4
    assert cell.broken_members == 1 and not cell.roster_complete  # counting checks wait


def test_a_clean_roster_is_complete(tmp_path: Path) -> None:
    cell = load_workspace(make_cell(tmp_path)).cells[0]
    assert cell.roster_complete and cell.broken_members == 0


def test_meeting_times_must_be_hh_mm(tmp_path: Path) -> None:
    make_cell(tmp_path, {"meetings/2025-08-05-regular.yaml":
                         MEETING.replace('end: "21:15"', 'end: "21h15"')})
    diags = load_workspace(tmp_path).diagnostics
    assert _codes(diags) == [("S003", "2025-08-05-regular.yaml", 4)]
    assert "HH:MM" in diags[0].message


def test_rule_overrides_apply_and_unknown_rules_are_errors(tmp_path: Path) -> None:
    make_cell(tmp_path, {"branch.yaml": BRANCH + "rules:\n  meetings.min_minutes_regular: 60\n"
                                         "  meetings.min_minute: 5\n"})
    ws = load_workspace(tmp_path)
    assert _codes(ws.diagnostics) == [("R001", "branch.yaml", 12)]
    rule = ws.cells[0].rules.rules["meetings.min_minutes_regular"]
    assert rule.value == 60 and rule.origin.endswith("branch.yaml")


def test_committee_folder_loads_every_cell_and_its_rules(tmp_path: Path) -> None:
    build_tree(tmp_path, {"committee.yaml": "name: Đảng bộ phường Hòa Bình\nrules:\n"
                                            "  attendance.warn_below: 3/4\n"})
    make_cell(tmp_path / "a")
    make_cell(tmp_path / "b")
    ws = load_workspace(tmp_path)
    assert [c.root.name for c in ws.cells] == ["a", "b"]
    assert ws.cells[1].rules.fraction("attendance.warn_below") == pytest.approx(0.75)


def test_missing_members_file_is_a_diagnostic(tmp_path: Path) -> None:
    make_cell(tmp_path, {"members.yaml": None})
    diags = load_workspace(tmp_path).diagnostics
    assert [d.code for d in diags] == ["Y009"]
    # 'chibo init' refuses a folder with a branch.yaml: the hint must not send the user there
    assert "chibo init" not in diags[0].hint
    assert f"chibo member add {tmp_path} --name" in diags[0].hint and "backup" in diags[0].hint


def test_the_hinted_member_add_starts_a_missing_members_file(cli: Any, tmp_path: Path) -> None:
    make_cell(tmp_path, {"members.yaml": None})
    result = cli("member", "add", tmp_path, "--name", "Trần Thị Lan", "--gender", "nữ",
                 "--born", "1970-04-02", "--admitted", "2000-03-01")
    assert result.code == 0, result.err
    cell = load_workspace(tmp_path).cells[0]
    assert [m.id for m in cell.members] == ["tran-thi-lan"] and cell.roster_complete


def test_a_refused_member_add_leaves_no_members_file_behind(cli: Any, tmp_path: Path) -> None:
    make_cell(tmp_path, {"members.yaml": None})
    result = cli("member", "add", tmp_path, "--name", "Trần Thị Lan", "--gender", "nữ",
                 "--born", "1970-04-02", "--admitted", "2000-03-01", "--confirmed", "1999-03-01")
    assert result.code == 2 and "confirmation date is before" in result.err
    assert not (tmp_path / "members.yaml").exists()


def test_member_list_without_members_file_fails(cli: Any, tmp_path: Path) -> None:
    make_cell(tmp_path, {"members.yaml": None})
    result = cli("member", "list", tmp_path)
    assert result.code == 2 and result.out == ""
    assert "missing file members.yaml" in result.err and "chibo member add" in result.err


def test_member_list_with_unreadable_members_file_fails(cli: Any, tmp_path: Path) -> None:
    make_cell(tmp_path, {"members.yaml": "members: [\n"})
    result = cli("member", "list", tmp_path)
    assert result.code == 2 and result.out == ""
    assert "members.yaml:2:1: YAML syntax error" in result.err


def test_member_list_says_which_members_it_could_not_list(cli: Any, tmp_path: Path) -> None:
    make_cell(tmp_path)
    path = tmp_path / "members.yaml"
    path.write_text(path.read_text("utf-8").replace("born: 1968-09-10", "born: 1968-02-31"),
                    encoding="utf-8")
    result = cli("member", "list", tmp_path, "--on", "2025-09-01")
    assert result.code == 1
    assert "Trần Thị Lan" in result.out and "Phạm Văn Đức" not in result.out
    assert "S003 error: born: not a real date" in result.err
    assert "1 member(s) of members.yaml could not be read and are not listed" in result.err


@pytest.mark.parametrize("kind", ["missing", "file", "empty-dir"])
def test_a_path_that_is_not_a_workspace_is_a_usage_error(tmp_path: Path, kind: str) -> None:
    target = tmp_path / "x"
    if kind == "file":
        target.write_text("hi", encoding="utf-8")
    elif kind == "empty-dir":
        target.mkdir()
    with pytest.raises(WorkspaceError):
        load_workspace(target)


def test_cli_validate_prints_file_line_code_and_hint(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    make_cell(tmp_path, {"meetings/2025-08-05-regular.yaml": MEETING.replace("chair:", "chiar:")})
    result = cli("validate", tmp_path)
    assert result.code == 1
    assert "2025-08-05-regular.yaml:6:1: S001 error: unknown field 'chiar'" in result.out
    assert "hint: did you mean 'chair'?" in result.out


def test_cli_validate_is_silent_on_a_clean_cell(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("validate", make_cell(tmp_path))
    assert (result.code, result.out, result.err) == (0, "", "")


def test_cli_validate_on_missing_folder_exits_2(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("validate", tmp_path / "nope")
    assert result.code == 2 and "does not exist" in result.err and "Traceback" not in result.err


def test_load_cell_direct(tmp_path: Path) -> None:
    cell = load_cell(make_cell(tmp_path))
    assert cell.branch is not None and cell.branch.place == "Hòa Bình"


def test_an_unreadable_roster_is_one_error_not_one_per_member_named(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    make_cell(tmp_path, {"members.yaml": "members: [\n"})
    result = cli("validate", tmp_path)
    assert result.code == 1
    assert [line.split()[1] for line in result.out.splitlines()
            if not line.startswith(" ")] == ["Y001"]


# ------------------------------------------------------------------ a cell inside a committee


def _ward(root: Path, rules: str) -> Path:
    build_tree(root, {"committee.yaml": "name: Đảng bộ phường Hòa Bình\nrules:\n" + rules})
    return make_cell(root / "a")


def test_a_cell_named_alone_keeps_its_committees_rules(tmp_path: Path) -> None:
    cell = _ward(tmp_path, "  attendance.warn_below: 3/4\n  meetings.min_minutes_regular: 100\n")
    (cell / "branch.yaml").write_text(BRANCH + "rules:\n  meetings.min_minutes_regular: 60\n",
                                      encoding="utf-8")
    alone = load_workspace(cell)
    assert alone.diagnostics == []
    rules = alone.cells[0].rules
    assert rules.rules["attendance.warn_below"].origin.endswith("committee.yaml")
    assert rules["meetings.min_minutes_regular"] == 60  # the cell's own override wins
    whole = load_workspace(tmp_path).cells[0].rules
    assert {k: r.value for k, r in whole.rules.items()} == {
        k: r.value for k, r in rules.rules.items()}


def test_a_broken_committee_override_is_reported_for_a_cell_named_alone(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cell = _ward(tmp_path, "  attendance.warn_below: 0.9.1\n")
    diags = load_workspace(cell).diagnostics
    assert _codes(diags) == [("R001", "committee.yaml", 3)]
    monkeypatch.chdir(cell)
    [diag] = load_workspace(".").diagnostics
    assert diag.location.file == str(Path("..") / "committee.yaml")


def test_rules_command_reports_a_broken_committee_override(cli: Any, tmp_path: Path) -> None:
    cell = _ward(tmp_path, "  attendance.warn_below: 0.9.1\n")
    result = cli("rules", cell)
    assert result.code == 1
    assert "attendance.warn_below = 2/3\n" in result.out
    assert "committee.yaml:3:3: R001 error: '0.9.1' is not a fraction such as 2/3" in result.err


def test_rules_command_shows_a_committee_override(cli: Any, tmp_path: Path) -> None:
    cell = _ward(tmp_path, "  attendance.warn_below: 3/4\n")
    result = cli("rules", cell)
    assert result.code == 0, result.err
    assert "attendance.warn_below = 3/4  (set in " in result.out
    assert "committee.yaml)" in result.out


@pytest.mark.parametrize("name", ["2025-08-05-regular - Copy.yaml", "Biên bản tháng 8.yaml",
                                  "2025-08-05-Regular.yml"])
def test_a_file_not_named_like_a_record_is_an_error_and_not_read(
        cli: Any, tmp_path: Path, name: str) -> None:
    cell = make_cell(tmp_path, {f"meetings/{name}": MEETING,
                                "resolutions/2025-08-05-regular (1).yaml": "meeting: x\n"})
    workspace = load_workspace(cell)
    assert [m.id for m in workspace.cells[0].meetings] == ["2025-08-05-regular"]
    assert sorted(_codes(workspace.diagnostics)) == sorted([
        ("Y010", name, 0), ("Y010", "2025-08-05-regular (1).yaml", 0)])
    result = cli("validate", cell)
    assert result.code == 1 and "hint: rename it" in result.out and "'_'" in result.out
    # like a file that cannot be read, it might be the real minutes: nothing is sealed meanwhile
    sealed = cli("seal", cell)
    assert sealed.code == 1 and not (cell / "seal.log").exists()
    (cell / "meetings" / name).rename(cell / "meetings" / ("_" + name))
    (cell / "resolutions" / "2025-08-05-regular (1).yaml").unlink()
    assert cli("seal", cell).code == 0
    assert name not in (cell / "seal.log").read_text("utf-8")


def test_a_note_starting_with_underscore_is_not_read(tmp_path: Path) -> None:
    cell = make_cell(tmp_path, {"meetings/_Biên bản nháp.yaml": "not: [a record\n"})
    assert load_workspace(cell).diagnostics == []
