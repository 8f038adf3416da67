"""chibo schema: the JSON Schemas land where the scaffolds' $schema lines point; nothing that
differs is overwritten without --force, and a file given as --out is a clear error."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import make_cell

from chibo_cli.authoring import files
from chibo_cli.authoring import text as yamltext
from chibo_cli.base.errors import ChiboError
from chibo_cli.records.schema import SCHEMAS, write_schemas


def _tree(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(folder.iterdir())}


def test_default_is_where_the_scaffolds_point(cli, tmp_path: Path,  # type: ignore[no-untyped-def]
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    make_cell(tmp_path)  # outside a cell, 'chibo schema' says so (tests/test_locate.py)
    monkeypatch.chdir(tmp_path)
    result = cli("schema")
    assert result.code == 0, result.err
    line = yamltext.schema_line(tmp_path / "meetings" / "x.yaml", tmp_path, "meeting")
    assert (tmp_path / "meetings" / line.split("$schema=")[1].strip()).is_file()
    assert sorted(p.name for p in (tmp_path / files.SCHEMA_DIR).iterdir()) == sorted(
        f"{name}.schema.json" for name in SCHEMAS)


def test_out_is_a_file(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "afile.txt"
    target.write_bytes(b"keep me\n")
    result = cli("schema", "--out", target)
    assert result.code == 2 and "not a folder" in result.err and "internal" not in result.err
    result = cli("schema", "--out", target / "sub")
    assert result.code == 2 and "internal" not in result.err
    assert target.read_bytes() == b"keep me\n"


def test_same_content_is_left_alone(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert cli("schema", "--out", tmp_path).code == 0
    before = _tree(tmp_path)
    assert cli("schema", "--out", tmp_path).code == 0
    assert _tree(tmp_path) == before


def test_other_content_needs_force(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    write_schemas(tmp_path)
    edited = tmp_path / "meeting.schema.json"
    edited.write_text("{}\n", encoding="utf-8")
    (tmp_path / "plan.schema.json").unlink()
    before = _tree(tmp_path)
    result = cli("schema", "--out", tmp_path)
    assert result.code == 2 and "meeting.schema.json" in result.err and "--force" in result.err
    assert _tree(tmp_path) == before  # all or nothing: the missing one was not written either
    assert cli("schema", "--out", tmp_path, "--force").code == 0
    assert edited.read_text(encoding="utf-8") != "{}\n"
    assert (tmp_path / "plan.schema.json").is_file()


def test_library_default_refreshes_for_the_scaffolds(tmp_path: Path) -> None:
    (tmp_path / "branch.schema.json").write_text("{}\n", encoding="utf-8")
    write_schemas(tmp_path)
    assert (tmp_path / "branch.schema.json").read_text(encoding="utf-8") != "{}\n"
    (tmp_path / "branch.schema.json").write_text("{}\n", encoding="utf-8")
    with pytest.raises(ChiboError):
        write_schemas(tmp_path, force=False)
