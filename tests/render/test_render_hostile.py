"""Every text field holds markup, quotes, emoji, NFD text and a Jinja expression: all literal."""

from __future__ import annotations

import unicodedata
import zipfile
from pathlib import Path

from helpers import make_cell
from lxml import etree
from render_fixtures import docx_text

from chibo_cli.base.diagnostics import has_errors
from chibo_cli.documents import api
from chibo_cli.records.loader import load_workspace
from chibo_cli.rules.checks import run_checks

NFD = unicodedata.normalize("NFD", "Nguyễn Thị Thủy")
HOSTILE = f"A & B < C > D \\\" ' 🎉 {NFD} {{{{ 7*7 }}}} {{% if 1 %}}x{{% endif %}} </w:t>"


def _q(text: str = "") -> str:
    return f'"{text}{HOSTILE}"'


def test_hostile_text_renders_literally(tmp_path: Path) -> None:
    root = make_cell(tmp_path / "cell", {
        "branch.yaml": f"""\
name: {_q("Chi bộ ")}
superior: {_q("Đảng bộ ")}
place: {_q()}
terms:
  - label: {_q()}
    start: 2025-01-01
committee:
  secretary: tran-thi-lan
  deputy: pham-van-duc
recipients: [{_q()}, {_q("Lưu ")}]
""",
        "members.yaml": _members(),
        "meetings/2025-08-05-regular.yaml": f"""\
kind: regular
date: 2025-08-05
start: "19:30"
end: "21:15"
place: {_q()}
chair: tran-thi-lan
recorder: le-thi-hoa
topic: {_q()}
guests: [{{name: {_q()}, title: {_q()}, superior: true}}]
absent: [{{member: do-van-minh, reason: {_q()}}}]
dues: {_q()}
agenda: [{{presenter: {_q()}, content: {_q()}}}]
discussion: [{{speaker: pham-van-duc, gist: {_q()}}}]
conclusion: {_q()}
tasks: [{{owner: le-thi-hoa, what: {_q()}, due: 2025-08-31}}]
vote: {{for: 3, against: 0}}
read_back: true
""",
        "resolutions/2025-08-05.yaml": f"""\
meeting: 2025-08-05-regular
status: adopted
number: 1
title: {_q()}
assessment: {_q()}
targets: [{_q()}]
tasks: [{{owner: le-thi-hoa, what: {_q()}}}]
recipients: [{_q()}]
""",
    })
    workspace = load_workspace(root)
    assert not has_errors(run_checks(workspace))
    cell = workspace.cells[0]
    out = tmp_path / "out"
    paths = [api.render_minutes(cell, cell.meetings[0], out),
             api.render_resolution(cell, cell.resolutions[0], out),
             api.render_minutes_book(cell, out, year=2025),
             api.render_resolution_book(cell, out)]
    literal = unicodedata.normalize("NFC", HOSTILE.replace('\\"', '"'))
    for path in paths:
        _valid_xml(path)
        text = docx_text(path.read_bytes())
        assert literal in text, path.name
        assert "🎉" in text and "{{ 7*7 }}" in text and "49" not in text


def _members() -> str:
    from helpers import MEMBERS

    return MEMBERS.replace("name: Trần Thị Lan", f"name: {_q()}")


def _valid_xml(path: Path) -> None:
    with zipfile.ZipFile(path) as archive:
        assert archive.testzip() is None
        for name in archive.namelist():
            if name.endswith(".xml") or name.endswith(".rels"):
                etree.fromstring(archive.read(name))  # raises on broken XML
    from docx import Document

    Document(str(path))
