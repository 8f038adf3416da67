"""Every problem code found before the checks (base/codes.py) is listed once, is raised somewhere,
and has an input here that triggers it through the real command."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any, Callable

import pytest
from docx import Document
from helpers import MEETING, make_cell

from chibo_cli.base.codes import BY_CODE, PROBLEM_CODES
from chibo_cli.documents.templates import builtin_dir
from chibo_cli.rules.checks import registry

SRC = Path(__file__).resolve().parent.parent / "src" / "chibo_cli"
M = "meetings/2025-08-05-regular.yaml"

# code → the files that trigger it in the minimal cell (text, or bytes written as they are)
CELL_CASES: dict[str, dict[str, Any]] = {
    "Y001": {M: MEETING.replace("agenda:\n", "agenda: [a, b\n", 1)},
    "Y002": {M: MEETING + 'start: "20:00"\n'},
    "Y003": {M: MEETING.replace("date: 2025-08-05", "date: !!python/object:datetime.date {}")},
    "Y004": {M: "agenda: " + "[" * 200 + "]" * 200 + "\n"},
    "Y005": {M: MEETING.encode("utf-16")},
    "Y006": {M: ""},
    "Y007": {M: b"\x89PNG\r\n\x1a\n" + bytes(64)},
    "Y009": {"members.yaml": None},
    "Y010": {"meetings/2025-08-05-regular - Copy.yaml": MEETING},
    "S001": {M: MEETING.replace("recorder:", "recoder:")},
    "S002": {M: MEETING.replace("date: 2025-08-05\n", "")},
    "S003": {M: MEETING.replace('start: "19:30"', 'start: "25:61"')},
    "S004": {M: "- just\n- a list\n"},
    "R001": {"branch.yaml": "rules:\n  meetings.no_such_rule: 3\n"},
}


def _cell(tmp_path: Path, files: dict[str, Any]) -> Path:
    root = make_cell(tmp_path / "cell")
    for rel, content in files.items():
        path = root / rel
        if content is None:
            path.unlink()
        elif isinstance(content, bytes):
            path.write_bytes(content)
        elif rel == "branch.yaml":
            path.write_text(path.read_text("utf-8") + content, encoding="utf-8")
        else:
            path.write_text(content, encoding="utf-8")
    return root


@pytest.mark.parametrize("code", sorted(CELL_CASES))
def test_each_load_problem_is_triggered(cli: Callable[..., Any], tmp_path: Path,
                                        code: str) -> None:
    result = cli("validate", _cell(tmp_path, CELL_CASES[code]))
    assert result.code == 1
    assert f" {code} error" in result.out, result.out


def test_an_unreadable_file_is_y008(cli: Callable[..., Any], tmp_path: Path,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    # Permissions cannot stop root (CI runs as root), so the refusal comes from open() itself.
    root = make_cell(tmp_path / "cell")
    real_open = Path.open

    def refusing_open(self: Path, *args: Any, **kwargs: Any) -> Any:
        if self.name == "2025-08-05-regular.yaml":
            raise PermissionError(13, "Permission denied")
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refusing_open)
    result = cli("validate", root)
    assert result.code == 1 and " Y008 error: cannot read file: Permission denied" in result.out


TEMPLATE_CASES = {
    "T002": "{{ r.title ",
    "T003": "{% if r.status == “adopted” %}x{% endif %}",
    "T006": "{% for x in r.targets %}",
    "T007": "{{ r.no_such_name }}",
    "T008": "{{ r.__class__ }}",
}


@pytest.mark.parametrize("code", sorted(TEMPLATE_CASES))
def test_each_template_problem_is_triggered(cli: Callable[..., Any], tmp_path: Path,
                                            code: str) -> None:
    path = tmp_path / "resolution.docx"
    shutil.copy(builtin_dir() / "resolution.docx", path)
    document = Document(str(path))
    document.add_paragraph(TEMPLATE_CASES[code])
    document.save(str(path))
    result = cli("templates", "lint", path)
    assert f" {code} error" in result.out, result.out


def test_split_and_paragraph_tags_are_t004_and_t005(cli: Callable[..., Any],
                                                   tmp_path: Path) -> None:
    path = tmp_path / "resolution.docx"
    shutil.copy(builtin_dir() / "resolution.docx", path)
    document = Document(str(path))
    split = document.add_paragraph()
    split.add_run("{{ r.ti")
    split.add_run("tle }}").bold = True
    document.add_paragraph("Nơi nhận: {%p if r.title %}")
    document.add_paragraph("{%p endif %}")
    document.save(str(path))
    out = cli("templates", "lint", path).out
    assert " T004 warning" in out and " T005 warning" in out, out


def test_a_non_document_is_t001(cli: Callable[..., Any], tmp_path: Path) -> None:
    path = tmp_path / "minutes-regular.docx"
    path.write_text("not a zip", encoding="utf-8")
    result = cli("templates", "lint", path)
    assert result.code == 1 and " T001 error: not a Word document" in result.out


def test_the_table_matches_the_code() -> None:
    """Every Y/S/R/T code the source raises is in the table, and every entry is raised."""
    raised = set()
    for path in SRC.rglob("*.py"):
        if path.name != "codes.py":
            raised |= set(re.findall(r'"([YSRT]\d{3})"', path.read_text("utf-8")))
    assert raised == set(BY_CODE)
    assert len(BY_CODE) == len(PROBLEM_CODES)
    assert not set(BY_CODE) & set(registry())


def test_every_code_has_a_case_here() -> None:
    here = set(CELL_CASES) | set(TEMPLATE_CASES) | {"Y008", "T001", "T004", "T005"}
    assert here == set(BY_CODE)
