"""Hostile templates run in the sandbox: attribute walks to __class__, __globals__, os and file
reads are refused with a message naming the template, never executed; record text is never
evaluated as a template."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from helpers import MEETING, make_cell

MARKER = "chibo-pwned"

PAYLOADS = {
    "mro-subclasses": ("{{ ''.__class__.__mro__[1].__subclasses__() }}", "__class__"),
    "cycler-os": ("{{ cycler.__init__.__globals__.os.system('touch " + MARKER + "') }}",
                  "__init__"),
    "self-dict": ("{{ self.__dict__ }}", "__dict__"),
    "for-subclasses": ("{% for x in ().__class__.__base__.__subclasses__() %}{{ x }}"
                       "{% endfor %}", "__class__"),
    "lipsum-popen": ("{{ lipsum.__globals__['os'].popen('cat /etc/passwd').read() }}",
                     "__globals__"),
    "namespace-globals": ("{{ namespace.__init__.__globals__ }}", "__init__"),
    "format-walk": ("{{ '{0.__class__}'.format(m) }}", "__class__"),
    "attr-filter": ("{{ m|attr('__class__') }}", "__class__"),
    "request-open": ("{{ request.application.__globals__.__builtins__.open('/etc/passwd')"
                     ".read() }}", "request"),
    "config-items": ("{{ config.items() }}", "config"),
}
LOADER_PAYLOADS = {
    "include-file": "{% include '/etc/passwd' %}",
    "import-module": "{% import 'os' as os %}",
    "extends-file": "{% extends '/etc/passwd' %}",
}


def _hostile_cell(root: Path, payload: str) -> Path:
    import docx

    cell = make_cell(root)
    document = docx.Document()
    document.add_paragraph("BIÊN BẢN SINH HOẠT CHI BỘ")
    document.add_paragraph(payload)
    (cell / "templates").mkdir()
    document.save(str(cell / "templates" / "minutes-regular.docx"))
    return cell


def _render(cli, cell: Path):  # type: ignore[no-untyped-def]
    return cli("render", "minutes", "2025-08-05-regular", "-C", cell)


def _assert_not_executed(tmp_path: Path, cell: Path, text: str) -> None:
    assert not list(tmp_path.rglob(MARKER)) and not Path(MARKER).exists()
    assert "root:x:0" not in text and "Traceback" not in text
    assert not list(cell.rglob("out/*.docx"))


@pytest.mark.parametrize("name", sorted(PAYLOADS))
def test_attribute_walks_are_refused(cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                     name: str) -> None:
    monkeypatch.chdir(tmp_path)
    payload, attribute = PAYLOADS[name]
    cell = _hostile_cell(tmp_path / "cell", payload)
    result = _render(cli, cell)
    _assert_not_executed(tmp_path, cell, result.out + result.err)
    assert result.code == 2, result.err
    assert "templates/minutes-regular.docx" in result.err
    assert attribute in result.err and ("unsafe" in result.err or "undefined" in result.err)


@pytest.mark.parametrize("name", sorted(LOADER_PAYLOADS))
def test_file_reads_through_tags_are_never_executed(cli, tmp_path: Path, name: str) -> None:
    cell = _hostile_cell(tmp_path / "cell", LOADER_PAYLOADS[name])
    result = _render(cli, cell)
    _assert_not_executed(tmp_path, cell, result.out + result.err)
    assert result.code != 0


@pytest.mark.parametrize("name", sorted(LOADER_PAYLOADS))
def test_file_reads_through_tags_are_a_clear_refusal(cli, tmp_path: Path, name: str) -> None:
    cell = _hostile_cell(tmp_path / "cell", LOADER_PAYLOADS[name])
    result = _render(cli, cell)
    assert result.code == 2 and "templates/minutes-regular.docx" in result.err, result.err
    named = re.search(r"'([^']+)'", LOADER_PAYLOADS[name])
    assert named and named.group(1) in result.err  # the file the tag tried to reach


def _docx_text(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        xml = archive.read("word/document.xml").decode("utf-8")
    return re.sub(r"<[^>]+>", "", xml).replace("&lt;", "<").replace("&gt;", ">").replace(
        "&amp;", "&").replace("&#39;", "'").replace("&quot;", '"')


def test_record_text_is_never_evaluated(cli, tmp_path: Path) -> None:
    conclusion = ("conclusion: \"{{ 7*7 }} {% if true %}KHÔNG{% endif %} "
                  "{{ cycler.__init__.__globals__ }} <w:p/> & Nhà\"\n")
    cell = make_cell(tmp_path / "cell", {"meetings/2025-08-05-regular.yaml": re.sub(
        r"conclusion: .*\n", conclusion, MEETING)})
    result = _render(cli, cell)
    assert result.code == 0, result.err
    text = _docx_text(next((cell / "out").glob("*.docx")))
    assert "{{ 7*7 }}" in text and "{% if true %}KHÔNG{% endif %}" in text
    assert "{{ cycler.__init__.__globals__ }}" in text and "<w:p/> & Nhà" in text
    assert "49 KHÔNG" not in text


@pytest.mark.parametrize("name", sorted({**PAYLOADS, **LOADER_PAYLOADS}))
def test_lint_reports_what_the_sandbox_would_refuse(cli, tmp_path: Path, name: str) -> None:
    payload = PAYLOADS[name][0] if name in PAYLOADS else LOADER_PAYLOADS[name]
    cell = _hostile_cell(tmp_path / "cell", payload)
    result = cli("templates", "lint", cell / "templates" / "minutes-regular.docx")
    assert result.code == 1, result.out + result.err
    expected = ("unknown variable" if name in ("config-items", "request-open") else
                "reads other files" if name in LOADER_PAYLOADS else "internal attribute")
    assert expected in result.out, result.out
