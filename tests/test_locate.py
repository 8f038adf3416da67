"""One way to find the cell: every command run in a subfolder of a cell works on that cell, a
committee folder means all its cells, and no hint leads to a cell inside a cell."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from helpers import ADOPTED_RESOLUTION, make_cell

from chibo_cli.base.errors import ChiboError
from chibo_cli.records.locate import (
    NoCellHere,
    WorkspaceError,
    cell_folder,
    locate,
    parse_reference,
    record_cell,
)


def committee(tmp_path: Path) -> Path:
    root = tmp_path / "dang-bo"
    make_cell(root / "chi-bo-1")
    make_cell(root / "chi-bo-2")
    (root / "committee.yaml").write_text("name: Đảng bộ phường Hòa Bình\n", encoding="utf-8")
    (root / "notes").mkdir()
    return root


def test_a_subfolder_of_a_cell_is_that_cell(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                            ) -> None:
    cell = make_cell(tmp_path / "to-3")
    assert locate(cell / "meetings").root == cell
    monkeypatch.chdir(cell / "meetings")
    place = locate(Path("."))
    assert (place.root, place.is_committee) == (Path(".."), False)


def test_a_committee_folder_means_all_its_cells(tmp_path: Path) -> None:
    root = committee(tmp_path)
    place = locate(root)
    assert place.is_committee and [c.name for c in place.cells] == ["chi-bo-1", "chi-bo-2"]
    assert locate(root / "chi-bo-2" / "meetings").cells == (root / "chi-bo-2",)


def test_the_walk_up_stops_at_a_committee_folder(tmp_path: Path) -> None:
    make_cell(tmp_path)  # a cell above the committee is no business of the committee's folders
    root = committee(tmp_path / "sub")
    with pytest.raises(NoCellHere):
        locate(root / "notes")


def test_outside_any_cell_is_a_chibo_error(tmp_path: Path) -> None:
    with pytest.raises(NoCellHere) as caught:
        locate(tmp_path)
    assert isinstance(caught.value, ChiboError) and "chibo init" in caught.value.message
    with pytest.raises(WorkspaceError, match="committee folder"):
        cell_folder(committee(tmp_path))


def test_a_record_is_named_by_file_id_or_kind_and_id(tmp_path: Path) -> None:
    cell = make_cell(tmp_path)
    assert parse_reference("meeting:2025-08-05-regular") == ("meeting", "2025-08-05-regular", None)
    assert parse_reference("2025-08-05-regular")[:2] == ("", "2025-08-05-regular")
    file = cell / "meetings" / "2025-08-05-regular.yaml"
    assert parse_reference(str(file))[:2] == ("meeting", "2025-08-05-regular")
    assert record_cell(str(file), None) == (cell, "2025-08-05-regular")
    with pytest.raises(WorkspaceError, match="does not exist"):
        record_cell(str(cell / "meetings" / "nope.yaml"), None)


@pytest.mark.parametrize("args", [
    ("validate",), ("seal",), ("book", "minutes", "--year", "2025"), ("member", "list"),
    ("rules",), ("new-meeting", "--date", "2025-09-02"),
    ("new-resolution", "2025-08-05-regular"),
    ("render", "resolution", "2025-08-05-regular"), ("templates", "copy", "minutes-regular"),
])
def test_every_command_works_from_the_meetings_folder(
        cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...]) -> None:
    cell = make_cell(tmp_path / "to-3", {"resolutions/2025-08-05-regular.yaml":
                                         ADOPTED_RESOLUTION})
    if args[0] == "new-resolution":
        (cell / "resolutions" / "2025-08-05-regular.yaml").unlink()
    monkeypatch.chdir(cell / "meetings")
    result = cli(*args)
    assert result.code == 0, result.out + result.err
    assert "chibo init" not in result.err
    assert not (cell / "meetings" / "meetings").exists()
    assert not (cell / "meetings" / "out").exists()
    assert not (cell / "meetings" / "templates").exists()


def test_schema_from_a_subfolder_writes_into_the_cell(cli: Any, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    cell = make_cell(tmp_path / "to-3")
    monkeypatch.chdir(cell / "meetings")
    assert cli("schema").code == 0
    assert (cell / ".chibo" / "schemas").is_dir()
    assert not (cell / "meetings" / ".chibo").exists()


@pytest.mark.parametrize("args", [("rules",), ("schema",)])
def test_rules_and_schema_outside_a_cell_say_so(cli: Any, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch,
                                                args: tuple[str, ...]) -> None:
    monkeypatch.chdir(tmp_path)
    result = cli(*args)
    assert result.code == 2 and "is not in a cell folder" in result.err
    assert list(tmp_path.iterdir()) == []


def test_rules_builtin_needs_no_cell(cli: Any, tmp_path: Path,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = cli("rules", "--builtin")
    assert result.code == 0 and "meetings.min_minutes_regular = 90" in result.out


def test_init_refuses_a_cell_inside_a_cell(cli: Any, tmp_path: Path) -> None:
    cell = make_cell(tmp_path / "to-3")
    result = cli("init", cell / "meetings" / "new", "--no-input", "--name", "Chi bộ 4",
                 "--superior", "Đảng bộ", "--place", "Hòa Bình", "--term-start", "2025-01-01",
                 "--term-label", "2025–2030")
    assert result.code == 2 and "a cell cannot hold another cell" in result.err
    assert not (cell / "meetings" / "new").exists()


def test_a_committee_folder_validates_every_cell(cli: Any, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    root = committee(tmp_path)
    (root / "chi-bo-2" / "meetings" / "2025-08-05-regular.yaml").write_text(
        "kind: regular\n", encoding="utf-8")
    monkeypatch.chdir(root)
    result = cli("validate")
    assert result.code == 1 and "chi-bo-2" in result.out and "chi-bo-1" not in result.out


def test_book_resolutions_accepts_term(cli: Any, tmp_path: Path) -> None:
    cell = make_cell(tmp_path, {"resolutions/2025-08-05-regular.yaml": ADOPTED_RESOLUTION})
    result = cli("book", "resolutions", cell, "--term")
    assert result.code == 0, result.err
