"""chibo demo: deterministic generation, clean load, and validation finding exactly the plants."""

from __future__ import annotations

import json
import os
import random
import shutil
from collections import Counter
from pathlib import Path

import pytest
import yaml

from chibo_cli.base.errors import ChiboError
from chibo_cli.demo import generate as demo
from chibo_cli.demo.emit import document, scalar
from chibo_cli.demo.generate import Options, Plant, generate, read_manifest
from chibo_cli.demo.people import make_roster
from chibo_cli.records.loader import load_workspace
from chibo_cli.records.rulebook import default_rulebook
from chibo_cli.records.schema import SCHEMAS, schema_text
from chibo_cli.rules.checks import run_checks

SMALL = Options(cells=2, years=1, seed=7, start_year=2024)


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("demo") / "ward"
    generate(root, SMALL)
    return root


def test_same_seed_same_bytes(small: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    generate(again, SMALL)
    assert _tree(again) == _tree(small)


def test_other_seed_other_data(small: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    generate(other, Options(cells=2, years=1, seed=8, start_year=2024))
    assert _tree(other) != _tree(small)


def test_shape_of_a_cell(small: Path) -> None:
    cells = sorted(p for p in small.iterdir() if p.is_dir())
    assert len(cells) == 2
    for cell in cells:
        meetings = sorted((cell / "meetings").glob("*.yaml"))
        regular = [m for m in meetings if m.name.endswith("-regular.yaml")]
        thematic = [m for m in meetings if m.name.endswith("-thematic.yaml")]
        assert len(regular) == 12 and len(thematic) == 4
        assert len(list((cell / "resolutions").glob("*.yaml"))) == 12
        members = yaml.safe_load((cell / "members.yaml").read_text(encoding="utf-8"))["members"]
        assert 10 <= len(members) <= 70
        speakers = yaml.safe_load(regular[3].read_text(encoding="utf-8"))["discussion"]
        assert len(speakers) >= 5


def _found(root: Path, diagnostics: list) -> Counter:  # type: ignore[type-arg]
    return Counter((Path(d.location.file).resolve().relative_to(root.resolve()).as_posix(), d.code)
                   for d in diagnostics)


def test_loads_without_unplanted_load_errors(small: Path) -> None:
    workspace = load_workspace(small)
    planted = Counter((f"{p.cell}/{p.file}", p.code) for p in read_manifest(small)
                      if not p.code.startswith("V"))
    assert _found(small, workspace.diagnostics) == planted
    assert sum(len(c.meetings) for c in workspace.cells) == 2 * 16
    assert sum(len(c.resolutions) for c in workspace.cells) == 2 * 12


def test_validation_reports_exactly_the_plants(small: Path) -> None:
    planted = read_manifest(small)
    assert planted, "the small folder must carry planted violations"
    found = _found(small, run_checks(load_workspace(small)))
    assert found == Counter((f"{p.cell}/{p.file}", p.code) for p in planted)


def test_newcomers_are_of_age_when_admitted() -> None:
    """Members admitted in (or just before) the generated years are of the rulebook's minimum
    age that day, whatever the draw (V053 must not fire on unplanted data)."""
    minimum = default_rulebook()["members.min_admission_age"]
    ages = []
    for index in range(60):
        rng = random.Random(f"age/{index}")
        roster = make_roster(rng, demo._calendar(rng, 2024, 2025), 2024, 2025)
        ages += [date.year - p.born.year - ((date.month, date.day) < (p.born.month, p.born.day))
                 for p in roster.people for date, event, _c, _n in p.events
                 if event == "admitted" and date.year >= 2023]
    assert len(ages) > 60 and min(ages) >= minimum


def test_manifest_is_json_list(small: Path) -> None:
    data = json.loads((small / "planted.json").read_text(encoding="utf-8"))
    assert {"cell", "file", "code"} == set(data[0])


def test_refuses_to_overwrite(small: Path) -> None:
    with pytest.raises(ChiboError):
        generate(small, SMALL)


def test_cli_generate(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = cli("demo", "generate", str(tmp_path / "w"), "--cells", "1", "--years", "1")
    assert result.code == 0, result.err
    assert (tmp_path / "w" / "committee.yaml").is_file()
    assert (tmp_path / "w" / "planted.json").is_file()


@pytest.mark.parametrize("text", ["19:30", "010", "no", "yes", "null", "~", "12.5",
                                  'she said "hi"', "a: b", "- x", "#c", "back\\slash", ""])
def test_strings_stay_strings(text: str) -> None:
    loaded = yaml.safe_load(document({"value": text}))
    assert loaded["value"] == text
    assert scalar(text).startswith('"')


def test_slugs_stay_plain() -> None:
    assert scalar("tran-thi-lan") == "tran-thi-lan"
    assert scalar("in_progress") == "in_progress"


# ------------------------------------------------------------------ what --force may replace


def _folder_with_a_real_cell(small: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "mine"
    cell = next(p for p in small.iterdir() if p.is_dir())
    shutil.copytree(cell, folder / "chi-bo-that")
    (folder / "chi-bo-that" / "branch.yaml").write_text("name: Chi bộ thật\n", encoding="utf-8")
    (folder / "notes.txt").write_bytes(b"thesis notes\r\n")
    return folder


def test_force_keeps_a_folder_it_did_not_write(small: Path, tmp_path: Path) -> None:
    folder = _folder_with_a_real_cell(small, tmp_path)
    before, siblings = _tree(folder), sorted(tmp_path.iterdir())
    with pytest.raises(ChiboError, match="not written by 'chibo demo generate'"):
        generate(folder, SMALL, force=True)
    assert _tree(folder) == before
    assert sorted(tmp_path.iterdir()) == siblings


def test_force_keeps_a_file_added_to_a_demo(small: Path, tmp_path: Path) -> None:
    folder = tmp_path / "w"
    shutil.copytree(small, folder)
    (folder / "thesis.docx").write_bytes(b"PK\x03\x04")
    before = _tree(folder)
    with pytest.raises(ChiboError, match="thesis.docx"):
        generate(folder, SMALL, force=True)
    assert _tree(folder) == before


def test_force_replaces_an_earlier_demo(small: Path, tmp_path: Path) -> None:
    folder, fresh = tmp_path / "w", tmp_path / "fresh"
    shutil.copytree(small, folder)
    (folder / ".DS_Store").write_bytes(b"\0")
    other = Options(cells=1, years=1, seed=3, start_year=2024)
    generate(folder, other, force=True)
    generate(fresh, other)
    assert _tree(folder) == _tree(fresh)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fresh", "w"]  # no temp folder left


def test_a_failed_run_leaves_the_old_folder(small: Path, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "w"
    shutil.copytree(small, folder)
    before = _tree(folder)

    def half(tmp: Path, ward: str, options: Options) -> list[Plant]:
        (tmp / "committee.yaml").write_text("half\n", encoding="utf-8")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(demo, "_write_all", half)
    with pytest.raises(ChiboError, match="No space left"):
        generate(folder, SMALL, force=True)
    assert _tree(folder) == before
    assert [p.name for p in tmp_path.iterdir()] == ["w"]


def test_a_failed_swap_puts_the_old_folder_back(small: Path, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "w"
    shutil.copytree(small, folder)
    before, rename = _tree(folder), os.rename

    def refuse_new(src: Path, dst: Path) -> None:
        if Path(dst) == folder.resolve() and not str(src).endswith(".old"):
            raise OSError(13, "Permission denied")
        rename(src, dst)

    monkeypatch.setattr(os, "rename", refuse_new)
    with pytest.raises(ChiboError, match="Permission denied"):
        generate(folder, SMALL, force=True)
    assert _tree(folder) == before
    assert [p.name for p in tmp_path.iterdir()] == ["w"]


@pytest.mark.parametrize("where", ["cell", "demo", "empty"])
def test_current_folder_is_refused(cli, small: Path, tmp_path: Path,  # type: ignore[no-untyped-def]
                                   monkeypatch: pytest.MonkeyPatch, where: str) -> None:
    folder = tmp_path / where
    if where == "cell":
        folder = _folder_with_a_real_cell(small, tmp_path) / "chi-bo-that"
    elif where == "demo":
        shutil.copytree(small, folder)
    else:
        folder.mkdir()
    before = _tree(folder)
    monkeypatch.chdir(folder)
    result = cli("demo", "generate", ".", "--cells", "1", "--years", "1", "--force")
    assert result.code == 2, result.err
    assert "internal error" not in result.err and str(folder) in result.err
    assert _tree(folder) == before and folder.is_dir()


def test_relative_target_beside_the_current_folder(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    generate(Path("w"), SMALL)
    generate(Path("w"), SMALL, force=True)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["w"]


@pytest.mark.skipif(os.name == "nt", reason="POSIX mode bits")
def test_folder_is_not_private(small: Path) -> None:
    mask = os.umask(0)
    os.umask(mask)
    assert small.stat().st_mode & 0o777 == 0o777 & ~mask


def test_schema_lines_point_at_written_schemas(small: Path) -> None:
    for path in small.glob("*/**/*.yaml"):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), path
        target = (path.parent / first.split("$schema=")[1]).resolve()
        assert target.is_file() and target.parent.parent.name == ".chibo", path
        assert target.read_text(encoding="utf-8") == schema_text(SCHEMAS[target.name[:-12]])
