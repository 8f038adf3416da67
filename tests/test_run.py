"""The one loop over cells (rules/run.py) and its findings cache (rules/cache.py)."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path
from typing import Any, Optional

import pytest

from chibo_cli.base.errors import ChiboError
from chibo_cli.demo.generate import Options, generate
from chibo_cli.records import loader
from chibo_cli.rules import cache, run
from chibo_cli.rules.run import check_folder

CACHE = Path(".chibo") / "cache" / "findings.json"


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    ward = tmp_path_factory.mktemp("generated") / "ward"
    generate(ward, Options(cells=3, years=2))
    return ward


@pytest.fixture
def ward(generated: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "ward"
    shutil.copytree(generated, copy)
    return copy


def cells(ward: Path) -> list[Path]:
    return sorted(p for p in ward.iterdir() if (p / "branch.yaml").is_file())


def no_loading(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("a cell was loaded though its findings were cached")

    monkeypatch.setattr(run, "load_cell", refuse)


def test_findings_are_the_same_with_and_without_the_cache(ward: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    uncached = check_folder(ward, workers=1, use_cache=False)
    assert uncached, "the generated ward has planted violations"
    assert not any((cell / CACHE).exists() for cell in cells(ward))
    first = check_folder(ward, workers=1)
    assert all((cell / CACHE).is_file() for cell in cells(ward))
    no_loading(monkeypatch)
    assert check_folder(ward, workers=1) == first == uncached


def test_worker_processes_find_the_same(ward: Path) -> None:
    alone = check_folder(ward, workers=1, use_cache=False)
    assert check_folder(ward, workers=2, use_cache=False) == alone
    assert check_folder(ward, workers=2) == alone  # writing the cache in the workers
    assert check_folder(ward, workers=2) == alone  # reading it


def test_a_cell_named_by_a_relative_path_reads_its_cache_back(ward: Path,
                                                              monkeypatch: pytest.MonkeyPatch
                                                              ) -> None:
    cell = cells(ward)[0]
    monkeypatch.chdir(cell)
    first = check_folder(Path("."))
    assert (cell / CACHE).is_file()
    no_loading(monkeypatch)
    assert check_folder(Path(".")) == first
    monkeypatch.chdir(ward)
    assert check_folder(Path(cell.name)) == [
        d.__class__(d.code, d.severity, d.message,
                    d.location.__class__(str(Path(cell.name) / d.location.file), d.location.line,
                                         d.location.col), d.hint, d.check) for d in first]


def test_a_changed_file_is_read_again(ward: Path) -> None:
    check_folder(ward, workers=1)
    meeting = sorted((cells(ward)[1] / "meetings").glob("*.yaml"))[0]
    meeting.write_text(meeting.read_text("utf-8") + "surprise: field\n", encoding="utf-8")
    found = check_folder(ward, workers=1)
    assert found == check_folder(ward, workers=1, use_cache=False)
    assert any(d.location.file == str(meeting) and d.code.startswith("S") for d in found)


@pytest.mark.parametrize("garbage", [b"{not json", b'{"format": 1, "key": "x"}', b"[]",
                                     b"\xff\xfe", b""])
def test_a_corrupt_cache_is_ignored_and_rebuilt(ward: Path, garbage: bytes) -> None:
    expected = check_folder(ward, workers=1, use_cache=False)
    check_folder(ward, workers=1)
    target = cells(ward)[0] / CACHE
    target.write_bytes(garbage)
    assert check_folder(ward, workers=1) == expected
    assert json.loads(target.read_bytes())["format"] == cache.FORMAT


def test_an_entry_with_a_forged_finding_is_not_trusted(ward: Path) -> None:
    expected = check_folder(ward, workers=1, use_cache=False)
    check_folder(ward, workers=1)
    target = cells(ward)[0] / CACHE
    data = json.loads(target.read_bytes())
    data["findings"].append(["V001", "fatal", "made up", "members.yaml", 1, 1, "", ""])
    target.write_text(json.dumps(data), encoding="utf-8")
    assert check_folder(ward, workers=1) == expected


def test_an_entry_of_another_run_is_stale(ward: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    check_folder(ward, workers=1)
    monkeypatch.setenv("CHIBO_LANG", "vi")  # messages in another language: another key
    vietnamese = check_folder(ward, workers=1)
    assert vietnamese == check_folder(ward, workers=1, use_cache=False)
    monkeypatch.setenv("CHIBO_LANG", "en")
    assert check_folder(ward, workers=1) != vietnamese


def test_a_folder_that_cannot_be_written_still_validates(ward: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    def read_only(path: Path, data: bytes, overwrite: bool = False, durable: bool = True) -> None:
        raise ChiboError(f"cannot write in {path.parent}: Read-only file system")

    monkeypatch.setattr(cache, "write_bytes_atomic", read_only)
    assert check_folder(ward, workers=1) == check_folder(ward, workers=1, use_cache=False)
    assert not any((cell / CACHE).exists() for cell in cells(ward))


def test_the_cache_is_keyed_by_the_files_of_the_cell_only(ward: Path) -> None:
    cell = cells(ward)[0]
    key = cache.cell_key(cell, "run")
    (cell / "out").mkdir()
    (cell / "out" / "bien-ban.docx").write_bytes(b"rendered")
    assert cache.cell_key(cell, "run") == key
    (cell / "seal.log").write_text("", encoding="utf-8")
    assert cache.cell_key(cell, "run") != key
    assert cache.cell_key(cell, "other run") != cache.cell_key(cell, "run")


# ------------------------------------------------------------------ what a render reads


_OPENED: Optional[list[str]] = None


def _audit(event: str, args: tuple[Any, ...]) -> None:
    if event == "open" and _OPENED is not None and isinstance(args[0], (str, Path)):
        _OPENED.append(str(Path(args[0]).resolve()))


sys.addaudithook(_audit)  # cannot be removed; it records only while _OPENED is a list


def test_a_render_inside_a_committee_reads_no_other_cell(cli, ward: Path, tmp_path: Path
                                                        ) -> None:  # type: ignore[no-untyped-def]
    global _OPENED
    cell = cells(ward)[1]
    meeting = sorted((cell / "meetings").glob("*-regular.yaml"))[0]
    _OPENED = []
    try:
        result = cli("render", "minutes", meeting, "--out", tmp_path / "out", "--allow-errors")
        opened = _OPENED
    finally:
        _OPENED = None
    assert result.code == 0, result.err
    assert (tmp_path / "out" / f"bien-ban-{meeting.stem}.docx").is_file()
    in_ward = {Path(p) for p in opened if Path(p).is_relative_to(ward.resolve())}
    others = {p for p in in_ward if not p.is_relative_to(cell.resolve())}
    assert others == {ward.resolve() / loader.COMMITTEE_FILE}
    assert meeting.resolve() in in_ward


def test_git_does_not_see_the_cache(ward: Path) -> None:
    check_folder(ward, workers=1)
    ignore = cells(ward)[0] / cache.FOLDER / ".gitignore"
    assert ignore.read_text("utf-8") == "*\n"


def test_a_folder_link_loop_does_not_stop_the_check(ward: Path) -> None:
    cell = cells(ward)[0]
    expected = check_folder(ward, workers=1, use_cache=False)
    (cell / "meetings" / "loop").symlink_to(cell, target_is_directory=True)
    assert check_folder(ward, workers=1) == expected
    assert (cell / CACHE).is_file()  # the loop is not followed for ever: the cell is cached
    assert check_folder(ward, workers=1) == expected
