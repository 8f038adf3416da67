"""The README's "A secretary's month" runs as written, with the meeting filled in where it says."""

from __future__ import annotations

import os
import re
import shlex
import shutil
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parent.parent
FILL_IN = "# During and after"


def month_commands() -> tuple[list[list[str]], list[list[str]]]:
    """The block's commands before and after the filling in, as argument lists without 'chibo'."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    block = text.split("## A secretary's month", 1)[1].split("```bash\n", 1)[1].split("```", 1)[0]
    before, after = block.replace("\\\n", " ").split(FILL_IN, 1)
    return _commands(before), _commands(after)


def _commands(text: str) -> list[list[str]]:
    lines = [shlex.split(line, comments=True) for line in text.splitlines()]
    return [words[1:] for words in lines if words and words[0] == "chibo"]


def fill_in(cell: Path, cli: Any) -> None:
    """What the secretary types during and after the meeting: two more members (the vote needs
    them), then the minutes and the adopted resolution."""
    for name, born, admitted, confirmed in (
            ("Trần Văn Bình", "1965-01-02", "1990-02-03", "1991-02-03"),
            ("Lê Thị Thu Hà", "1980-04-05", "2005-06-07", "2006-06-07")):  # 12 months (V054)
        added = cli("member", "add", cell, "--name", name, "--gender", "nữ", "--born", born,
                    "--admitted", admitted, "--confirmed", confirmed)
        assert added.code == 0, added.err
    _edit(cell / "meetings/2025-09-09-regular.yaml", {
        "end": 'end: "21:10"',
        "discussion": "discussion:\n  - speaker: tran-van-binh\n"
                      "    gist: Đề nghị ra quân tổng vệ sinh ngõ 6 vào sáng Chủ nhật",
        "conclusion": "conclusion: Chi bộ thống nhất ra quân tổng vệ sinh, phân loại rác.",
        "tasks": "tasks:\n  - owner: le-thi-thu-ha\n    what: Vận động các hộ phân loại rác\n"
                 "    due: 2025-09-30",
        "vote": "vote: {for: 3, against: 0}",
        "read_back": "read_back: true",
    })
    _edit(cell / "resolutions/2025-09-09-regular.yaml", {
        "status": "status: adopted",
        "number": "number: 1",
        "assessment": "assessment: Tháng 8 chi bộ hoàn thành tốt các nhiệm vụ đề ra.",
        "targets": "targets:\n  - Vận động 100% hộ gia đình phân loại rác tại nguồn",
        "tasks": "tasks:\n  - owner: le-thi-thu-ha\n    what: Vận động các hộ phân loại rác\n"
                 "    due: 2025-09-30",
    })


def _edit(path: Path, fields: dict[str, str]) -> None:
    text = path.read_text(encoding="utf-8")
    for key, value in fields.items():
        text, count = re.subn(rf"(?m)^{key}:.*$", lambda _m, line=value: line, text)
        assert count == 1, key
    path.write_text(text, encoding="utf-8")


def test_a_secretarys_month_runs_as_the_readme_says(cli: Any, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    if shutil.which("soffice") is None and not os.environ.get("CI"):
        pytest.skip("the README renders a PDF, which needs LibreOffice")
    before, after = month_commands()
    assert before[0][0] == "init" and any(c[0] == "seal" for c in after)
    monkeypatch.chdir(tmp_path)
    for args in before:
        result = cli(*args)
        assert result.code == 0, (args, result.err)
    fill_in(tmp_path / "to-dan-pho-5", cli)
    for args in after:
        result = cli(*args)
        assert result.code == 0, (args, result.out, result.err)
    out = tmp_path / "to-dan-pho-5/out"
    assert {p.name for p in out.glob("*.docx")} >= {
        "bien-ban-2025-09-09-regular.docx", "nghi-quyet-2025-09-09-regular.docx",
        "so-bien-ban-2025.docx", "so-nghi-quyet-nhiem-ky-2025-2030.docx"}
    assert (out / "bien-ban-2025-09-09-regular.pdf").is_file()  # the README asks for --pdf
