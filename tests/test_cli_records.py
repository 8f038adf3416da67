"""The record-creating commands through the command line: happy paths and every usage error."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from helpers import make_cell
from test_authoring import TASKS_MEETING, load_errors

from chibo_cli.records.loader import load_cell

INIT_FLAGS = ["--name", "Chi bộ Khu phố 2", "--superior", "Đảng bộ phường Tân Phong",
              "--place", "Tân Phong", "--term-start", "2025-06-10", "--term-label", "2025–2030"]


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


# ------------------------------------------------------------------ init


def test_init_creates_a_cell_that_validates(cli: Any, tmp_path: Path) -> None:
    root = tmp_path / "khu-pho-2"
    result = cli("init", root, *INIT_FLAGS)
    assert result.code == 0, result.err
    assert "branch.yaml" in result.out and "members.yaml" in result.out
    assert (root / ".gitignore").read_text(encoding="utf-8") == "out/\n"
    assert (root / ".chibo/schemas/branch.schema.json").is_file()
    assert load_errors(root) == []
    assert cli("validate", root).code == 0


def test_init_without_values_and_no_terminal_is_a_usage_error(cli: Any, tmp_path: Path) -> None:
    result = cli("init", tmp_path / "c", "--name", "Chi bộ 1")
    assert result.code == 2
    assert "--superior" in result.err and "--name" not in result.err
    assert not (tmp_path / "c" / "branch.yaml").exists()


def test_init_prompts_in_a_terminal(cli: Any, tmp_path: Path,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", FakeTerminal("Đảng bộ xã Hòa An\n2025-06-10\n"))
    result = cli("init", tmp_path, *INIT_FLAGS[:2], *INIT_FLAGS[4:6], *INIT_FLAGS[8:])
    assert result.code == 0, result.err
    branch = load_cell(tmp_path).branch
    assert branch is not None and branch.superior == "Đảng bộ xã Hòa An"


def test_init_no_input_never_prompts(cli: Any, tmp_path: Path,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", FakeTerminal(""))
    result = cli("init", tmp_path, "--no-input", *INIT_FLAGS[:2])
    assert result.code == 2 and "--place" in result.err


def test_init_never_overwrites_branch(cli: Any, tmp_path: Path) -> None:
    make_cell(tmp_path)
    before = (tmp_path / "branch.yaml").read_bytes()
    result = cli("init", tmp_path, *INIT_FLAGS)
    assert result.code == 2 and "already" in result.err
    assert (tmp_path / "branch.yaml").read_bytes() == before


@pytest.mark.parametrize("change, message", [
    (("--term-start", "10/06/2025"), "not a date"),
    (("--name", ""), "name"),
])
def test_init_bad_values(cli: Any, tmp_path: Path, change: tuple[str, str], message: str) -> None:
    flags = list(INIT_FLAGS)
    flags[flags.index(change[0]) + 1] = change[1]
    result = cli("init", tmp_path / "c", *flags)
    assert result.code == 2 and message in result.err and "Traceback" not in result.err


def test_init_on_a_file(cli: Any, tmp_path: Path) -> None:
    (tmp_path / "f").write_text("x", encoding="utf-8")
    result = cli("init", tmp_path / "f", *INIT_FLAGS)
    assert result.code == 2 and "is a file" in result.err


# ------------------------------------------------------------------ member add / list


def test_member_add_appends_without_touching_the_rest(cli: Any, tmp_path: Path) -> None:
    make_cell(tmp_path)
    before = (tmp_path / "members.yaml").read_bytes()
    result = cli("member", "add", tmp_path, "--name", 'Lê "Hai" #1: x', "--gender", "nam",
                 "--born", "1982-11-20", "--admitted", "2012-02-03", "--confirmed", "2013-02-03",
                 "--citizen-id", "001082004321")
    assert result.code == 0, result.err
    assert "le-hai-1-x" in result.out
    after = (tmp_path / "members.yaml").read_bytes()
    assert after.startswith(before)
    assert load_errors(tmp_path) == []
    member = load_cell(tmp_path).member("le-hai-1-x")
    assert member is not None and member.name == 'Lê "Hai" #1: x'
    assert member.citizen_id == "001082004321"


def test_member_add_to_a_fresh_cell(cli: Any, tmp_path: Path) -> None:
    assert cli("init", tmp_path, *INIT_FLAGS).code == 0
    notes = []
    for name in ("Đinh Thị Hồng", "Đinh Thị Hồng"):
        result = cli("member", "add", tmp_path, "--name", name, "--gender", "nữ", "--born",
                     "1990-04-30", "--admitted", "2020-09-02")
        assert result.code == 0
        notes.append(result.err)
    assert [m.id for m in load_cell(tmp_path).members] == ["dinh-thi-hong", "dinh-thi-hong-2"]
    assert notes[0] == "" and "'dinh-thi-hong' was taken (a namesake?)" in notes[1]
    assert load_errors(tmp_path) == []


@pytest.mark.parametrize("extra, message", [
    (["--gender", "khác"], "gender"),
    (["--born", "1990-02-31"], "not a date"),
    (["--id", "Lê Hai"], "not valid"),
    (["--id", "tran-thi-lan"], "already exists"),
    (["--confirmed", "2010-01-01"], "before the admission"),
])
def test_member_add_errors(cli: Any, tmp_path: Path, extra: list[str], message: str) -> None:
    make_cell(tmp_path)
    before = (tmp_path / "members.yaml").read_bytes()
    args = {"--name": "Cao Văn Bình", "--gender": "nam", "--born": "1990-01-01",
            "--admitted": "2015-01-01"}
    args.update(dict(zip(extra[::2], extra[1::2], strict=True)))
    result = cli("member", "add", tmp_path, *[x for pair in args.items() for x in pair])
    assert result.code == 2 and message in result.err, result.err
    assert (tmp_path / "members.yaml").read_bytes() == before


def test_member_add_needs_a_cell(cli: Any, tmp_path: Path) -> None:
    result = cli("member", "add", tmp_path / "none", "--name", "A", "--gender", "nam",
                 "--born", "1990-01-01", "--admitted", "2015-01-01")
    assert result.code == 2 and "does not exist" in result.err


def test_member_list_masks_and_reveals(cli: Any, tmp_path: Path) -> None:
    make_cell(tmp_path)
    masked = cli("member", "list", tmp_path, "--on", "2025-09-01")
    assert masked.code == 0, masked.err
    assert "Trần Thị Lan" in masked.out and "bí thư" in masked.out
    assert "001170009876" not in masked.out and "•••••••••876" in masked.out
    assert "dự bị" in masked.out  # Vũ Thị Mai, admitted in March 2025
    revealed = cli("member", "list", tmp_path, "--on", "2025-09-01", "--reveal")
    assert "001170009876" in revealed.out and "79012345" in revealed.out


def test_member_list_status_depends_on_the_date(cli: Any, tmp_path: Path) -> None:
    make_cell(tmp_path)
    early = cli("member", "list", tmp_path, "--on", "2020-01-01")
    assert "chưa vào chi bộ" in early.out


def test_member_list_errors(cli: Any, tmp_path: Path) -> None:
    make_cell(tmp_path)
    assert cli("member", "list", tmp_path, "--on", "hôm qua").code == 2
    result = cli("member", "list", tmp_path / "branch.yaml")
    assert result.code == 2 and "is a file" in result.err


# ------------------------------------------------------------------ new-meeting


def test_new_meeting_writes_and_prints_the_path(cli: Any, tmp_path: Path) -> None:
    make_cell(tmp_path, {"meetings/2025-08-05-regular.yaml": TASKS_MEETING})
    result = cli("new-meeting", tmp_path, "--date", "2025-09-04", "--start", "19:00")
    assert result.code == 0, result.err
    path = tmp_path / "meetings" / "2025-09-04-regular.yaml"
    assert result.out.strip() == str(path)
    text = path.read_text(encoding="utf-8")
    assert 'start: "19:00"' in text
    assert '- task: "2025-08-05-regular#1"' in text
    assert "# 2025-08-05-regular#1: Vận động các hộ đăng ký gia đình văn hóa" in text
    assert load_errors(tmp_path) == []


def test_new_meeting_defaults_to_today(cli: Any, tmp_path: Path) -> None:
    import datetime as dt

    make_cell(tmp_path)
    result = cli("new-meeting", tmp_path, "--kind", "thematic")
    assert result.code == 0, result.err
    assert (tmp_path / "meetings" / f"{dt.date.today().isoformat()}-thematic.yaml").is_file()


def test_new_meeting_never_overwrites(cli: Any, tmp_path: Path) -> None:
    make_cell(tmp_path)
    before = (tmp_path / "meetings/2025-08-05-regular.yaml").read_bytes()
    result = cli("new-meeting", tmp_path, "--date", "2025-08-05")
    assert result.code == 2 and "never overwrites" in result.err
    assert (tmp_path / "meetings/2025-08-05-regular.yaml").read_bytes() == before


@pytest.mark.parametrize("args, message", [
    (["--date", "2025-13-01"], "not a date"),
    (["--kind", "monthly"], "unknown meeting kind"),
    (["--start", "7pm"], "not a time"),
])
def test_new_meeting_bad_options(cli: Any, tmp_path: Path, args: list[str], message: str) -> None:
    make_cell(tmp_path)
    result = cli("new-meeting", tmp_path, *args)
    assert result.code == 2 and message in result.err and "Traceback" not in result.err


def test_new_meeting_bad_cells(cli: Any, tmp_path: Path) -> None:
    assert "does not exist" in cli("new-meeting", tmp_path / "none").err
    (tmp_path / "file.yaml").write_text("x: 1\n", encoding="utf-8")
    assert "is a file" in cli("new-meeting", tmp_path / "file.yaml").err
    empty = cli("new-meeting", tmp_path)
    assert empty.code == 2 and "chibo init" in empty.err


# ------------------------------------------------------------------ new-resolution


def test_new_resolution_by_path_and_by_id(cli: Any, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    make_cell(tmp_path, {"meetings/2025-09-04-thematic.yaml": TASKS_MEETING.replace(
        "kind: regular", "kind: thematic\ntopic: Phòng, chống tin giả").replace(
        "2025-08-05", "2025-09-04")})
    monkeypatch.chdir(tmp_path)
    by_path = cli("new-resolution", "meetings/2025-08-05-regular.yaml")
    assert by_path.code == 0, by_path.err
    assert by_path.out.strip() == str(Path("resolutions/2025-08-05-regular.yaml"))
    by_id = cli("new-resolution", "2025-09-04-thematic")
    assert by_id.code == 0, by_id.err
    text = (tmp_path / "resolutions/2025-09-04-thematic.yaml").read_text(encoding="utf-8")
    assert 'title: "Nghị quyết chuyên đề “Phòng, chống tin giả”"' in text
    assert "status: draft" in text
    assert load_errors(tmp_path) == []


def test_new_resolution_with_cell_option(cli: Any, tmp_path: Path) -> None:
    make_cell(tmp_path)
    result = cli("new-resolution", "2025-08-05-regular", "--cell", tmp_path)
    assert result.code == 0, result.err
    resolution = load_cell(tmp_path).resolution("2025-08-05-regular")
    assert resolution is not None and len(resolution.tasks) == 1
    again = cli("new-resolution", "2025-08-05-regular", "--cell", tmp_path)
    assert again.code == 2 and "never overwrites" in again.err


@pytest.mark.parametrize("meeting, message", [
    ("2025-02-01-regular", "unknown meeting"),
    ("meetings/2025-02-01-regular.yaml", "meetings/2025-02-01-regular.yaml does not exist"),
])
def test_new_resolution_unknown_meeting(cli: Any, tmp_path: Path, meeting: str,
                                        message: str) -> None:
    make_cell(tmp_path)
    result = cli("new-resolution", meeting, "--cell", tmp_path)
    assert result.code == 2 and message in result.err
    assert not (tmp_path / "resolutions").exists()


def test_init_asks_again_for_a_date_that_is_not_one(cli, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                    monkeypatch) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    answers = ["Chi bộ Tổ dân phố số 7", "Đảng bộ phường An Bình", "An Bình",
               "2025-31-12", "2025-05-20", "2025–2030"]
    monkeypatch.setattr("sys.stdin", Terminal("\n".join(answers) + "\n"))
    result = cli("init", tmp_path / "c")
    assert result.code == 0, result.out + result.err
    assert "2025-31-12" in result.out + result.err  # the complaint about the slip
    assert "start: 2025-05-20" in (tmp_path / "c" / "branch.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize("dates", [("2010-01-01", "2005-01-01", None),
                                   ("2005-01-01", "2005-01-01", "2006-01-01")])
def test_member_add_refuses_dates_out_of_order(cli, tmp_path: Path,  # type: ignore[no-untyped-def]
                                               dates: tuple[str, str, str | None]) -> None:
    from helpers import make_cell

    cell = make_cell(tmp_path)
    before = (cell / "members.yaml").read_bytes()
    born, admitted, confirmed = dates
    args = ["member", "add", cell, "--name", "Lê Văn Ba", "--gender", "nam", "--born", born,
            "--admitted", admitted, *(["--confirmed", confirmed] if confirmed else [])]
    result = cli(*args)
    assert result.code == 2 and "out of order" in result.err
    assert (cell / "members.yaml").read_bytes() == before
