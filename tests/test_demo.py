"""chibo demo: deterministic generation, clean load, and validation finding exactly the plants."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
import yaml

from chibo_cli.checks import run_checks
from chibo_cli.demo import Options, generate, read_manifest
from chibo_cli.demo_emit import document, scalar
from chibo_cli.errors import ChiboError
from chibo_cli.loader import load_workspace

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
