from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from docx import Document

from chibo_cli.base.diagnostics import format_text
from chibo_cli.documents.lint import lint
from chibo_cli.documents.templates import NAMES, builtin_dir


def test_builtin_templates_are_clean() -> None:
    for name in NAMES:
        assert lint(builtin_dir() / f"{name}.docx") == []


def test_every_problem_with_its_place(tmp_path: Path, cli: Any) -> None:
    path = tmp_path / "minutes-regular.docx"
    shutil.copy(builtin_dir() / "minutes-regular.docx", path)
    document = Document(str(path))
    count = len(document.paragraphs)
    document.add_paragraph("{{ m.card_number }} và {{ nobody }}")
    split = document.add_paragraph()
    split.add_run("{{ m.pl")
    split.add_run("ace }}")
    document.add_paragraph("{% if m.kind == “thematic” %}x{% endif %}")
    document.tables[0].rows[0].cells[0].add_paragraph("{{ m.header.seal }}")
    document.save(str(path))
    problems = [format_text(p) for p in lint(path)]
    assert f"minutes-regular.docx: paragraph {count + 1}: T007 error: unknown variable " \
           "'m.card_number'" in problems
    assert f"minutes-regular.docx: paragraph {count + 1}: T007 error: unknown variable 'nobody'" \
        in problems
    assert any(f"paragraph {count + 2}: T004 warning: tag '{{{{ m.place }}}}' is split over 2 runs"
               in p for p in problems)
    assert any(f"paragraph {count + 3}: T003 error: curly quotes" in p for p in problems)
    assert "minutes-regular.docx: table 1, row 1, cell 1, paragraph 4: T007 error: unknown " \
           "variable 'm.header.seal'" in problems
    result = cli("templates", "lint", path)
    assert result.code == 1 and "m.card_number" in result.out


def test_broken_tags_and_non_documents(tmp_path: Path) -> None:
    path = tmp_path / "resolution.docx"
    shutil.copy(builtin_dir() / "resolution.docx", path)
    document = Document(str(path))
    document.add_paragraph("{{ r.title ")
    document.add_paragraph("}} and {% endif")
    document.save(str(path))
    problems = lint(path)
    assert sum("broken tag" in p.message for p in problems) == 2
    junk = tmp_path / "junk.docx"
    junk.write_text("not a zip", encoding="utf-8")
    assert "not a Word document" in lint(junk)[0].message
