"""Nothing leaked: citizen ids and party card numbers never reach terminal output, JSON or rendered
documents unless --reveal is given. Every command runs on a copy of the example committee."""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import pytest

from chibo_cli.records.yamlio import read_yaml

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "dang-bo-phuong-an-binh"


def _secrets(committee: Path) -> set[str]:
    found: set[str] = set()
    for members in committee.glob("*/members.yaml"):
        data = read_yaml(members).data
        assert isinstance(data, dict)
        for member in data["members"]:  # type: ignore[union-attr]
            for key in ("card_number", "citizen_id"):
                value = member.get(key)  # type: ignore[union-attr]
                if value:
                    found.add(value)
                    digits = re.sub(r"\D", "", value)
                    if len(digits) >= 6:
                        found.add(digits)
    return found


def _docx_text(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        parts = [archive.read(n).decode("utf-8", "replace") for n in archive.namelist()
                 if n.endswith(".xml")]
    raw = "\n".join(parts)
    return raw + "\n" + re.sub(r"<[^>]+>", "", raw)  # tags stripped: runs joined up


def _leaks(text: str, secrets: set[str]) -> list[str]:
    return sorted(s for s in secrets if s in text)


@pytest.fixture
def committee(tmp_path: Path) -> Path:
    if not EXAMPLE.is_dir():
        pytest.skip("the example committee is not there yet")
    target = tmp_path / "dang-bo"
    shutil.copytree(EXAMPLE, target, ignore=shutil.ignore_patterns("out"))  # README run leaves out/
    return target


def _commands(committee: Path) -> list[tuple[str, ...]]:
    cells = sorted(p for p in committee.iterdir() if (p / "branch.yaml").is_file())
    first = cells[0]
    meeting = sorted((first / "meetings").glob("*.yaml"))[-1].stem
    resolution = sorted((first / "resolutions").glob("*.yaml"))[-1].stem
    commands: list[tuple[str, ...]] = [
        ("validate", str(committee)), ("validate", str(committee), "--format", "json"),
        ("validate", str(committee), "--strict", "--format", "json"),
        ("rules", str(first)), ("checks",),
        ("render", "minutes", meeting, "-C", str(first)),
        ("render", "resolution", resolution, "-C", str(first)),
        ("book", "minutes", str(committee), "--allow-errors"),
        ("book", "resolutions", str(committee), "--allow-errors"),
        ("seal", str(committee)),
        ("book", "minutes", str(first), "--force", "--allow-errors"),
        ("templates", "list", str(first)),
        ("new-meeting", str(first), "--date", "2026-12-01", "--start", "19:30"),
        ("new-resolution", "2026-12-01-regular", "--cell", str(first)),
    ]
    commands += [("member", "list", str(cell)) for cell in cells]
    return commands


def test_no_command_prints_or_renders_an_id_number(cli, committee: Path) -> None:
    secrets = _secrets(committee)
    assert len(secrets) >= 10
    outputs: list[str] = []
    for args in _commands(committee):
        result = cli(*args)
        assert "Traceback" not in result.out + result.err, args
        assert result.code in (0, 1), (args, result.err)
        leaked = _leaks(result.out + result.err, secrets)
        assert not leaked, f"chibo {' '.join(args)} printed {leaked}"
        outputs.append(result.out)
    documents = list(committee.rglob("*.docx"))
    assert len(documents) >= 5
    for document in documents:
        assert not _leaks(_docx_text(document), secrets), document
    log = committee.rglob("seal.log")
    for path in log:
        assert not _leaks(path.read_text("utf-8"), secrets)


def test_reveal_shows_them_so_the_search_above_can_find_them(cli, committee: Path) -> None:
    cell = sorted(p for p in committee.iterdir() if (p / "members.yaml").is_file())[0]
    result = cli("member", "list", cell, "--reveal")
    assert result.code == 0
    assert _leaks(result.out, _secrets(committee))


def test_a_wrongly_typed_id_number_is_not_echoed_by_validate(cli, tmp_path: Path) -> None:
    from helpers import MEMBERS, make_cell

    cell = make_cell(tmp_path / "cell", {"members.yaml": MEMBERS.replace(
        'citizen_id: "001170009876"', 'citizen_id: ["001170009876"]').replace(
        'card_number: "79012345"', 'card_number: {so: "79012345"}')})
    for args in (("validate", cell), ("validate", cell, "--format", "json")):
        result = cli(*args)
        assert result.code == 1
        assert "card_number" in result.out and "citizen_id" in result.out
        assert not _leaks(result.out + result.err, {"001170009876", "79012345"}), result.out
