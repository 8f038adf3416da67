"""Translations: every message has a Vietnamese entry, the catalog is sound, the CLI speaks it."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any, Callable

import pytest
import yaml
from helpers import ADOPTED_RESOLUTION, make_cell
from hypothesis import given, settings
from hypothesis import strategies as st

from chibo_cli.base import i18n
from chibo_cli.base.codes import PROBLEM_CODES
from chibo_cli.rules.checks import registry

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tools"))

import extract_messages as em  # noqa: E402

VI = em.catalog_path("vi")
FIX = ("translate it in src/chibo_cli/data/locale/vi.yaml; "
       "`python tools/extract_messages.py --stubs vi` prints the lines to fill in")
VIETNAMESE = re.compile("[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]",
                        re.IGNORECASE)


@pytest.fixture(scope="module")
def extraction() -> em.Extraction:
    return em.extract()


@pytest.fixture(scope="module")
def report(extraction: em.Extraction) -> em.Report:
    catalog, duplicates = em.load_catalog(VI)
    return em.check(extraction.messages, catalog, duplicates)


# --- the catalog covers the code -------------------------------------------------------------

def test_every_message_has_a_vietnamese_translation(extraction: em.Extraction,
                                                    report: em.Report) -> None:
    missing = [f"{json.dumps(m, ensure_ascii=False)}  ({extraction.messages[m][0]})"
               for m in report.missing]
    assert not missing, (f"{len(missing)} message(s) have no Vietnamese translation; {FIX}:\n"
                         + "\n".join(missing))


def test_no_translation_is_empty(report: em.Report) -> None:
    assert not report.untranslated, f"empty translations; {FIX}:\n" + "\n".join(
        report.untranslated)


def test_placeholders_of_each_translation_equal_the_source(report: em.Report) -> None:
    lines = [f"{m!r} {em.placeholders(m)} → {t!r} {em.placeholders(t)}"
             for m, t in report.placeholder_mismatch]
    assert not lines, "translations whose {placeholders} differ from the source:\n" + "\n".join(
        lines)


def test_catalog_has_no_duplicate_or_stale_entries(report: em.Report) -> None:
    assert not report.duplicates, f"keys written twice in vi.yaml: {report.duplicates}"
    assert not report.stale, ("entries no longer used by the code (delete them from vi.yaml, "
                              "or translate the reworded message instead):\n"
                              + "\n".join(report.stale))


def test_every_dynamic_call_has_known_values(extraction: em.Extraction) -> None:
    unresolved = [f"{c.site}: _({c.expression})" for c in extraction.unresolved]
    assert not unresolved, ("calls to _() with a non-literal argument; list the constant holding "
                            "its values in DYNAMIC in tools/extract_messages.py:\n"
                            + "\n".join(unresolved))


def test_every_check_summary_is_a_message(extraction: em.Extraction) -> None:
    """`chibo checks` translates each check's summary; the extractor reads them statically."""
    unknown = [f"{spec.code}: {spec.summary}" for spec in registry().values()
               if spec.summary not in extraction.messages]
    assert not unknown, ("check summaries the extractor did not find (a @check decorator it "
                         "does not recognise?):\n" + "\n".join(unknown))


def test_translations_are_vietnamese(extraction: em.Extraction) -> None:
    catalog, _dups = em.load_catalog(VI)
    # Messages that are only placeholders and punctuation, or only technical tokens, stay as is.
    neutral = {m for m in extraction.messages
               if not re.search(r"[a-z]{3}", re.sub(r"\{.*?\}", "", m))}
    english = [m for m in extraction.messages
               if m not in neutral and m in catalog and not VIETNAMESE.search(str(catalog[m]))]
    assert not english, "translations without a single Vietnamese letter:\n" + "\n".join(english)


# --- the catalog loads, fast and right --------------------------------------------------------

def test_catalog_loads_with_csafeloader_as_plain_strings() -> None:
    data = yaml.load(VI.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    assert isinstance(data, dict) and len(data) > 300
    assert all(isinstance(k, str) and isinstance(v, str) and v for k, v in data.items())
    assert i18n.catalog("vi") == data


def test_catalog_is_read_without_importing_yaml() -> None:
    """The catalog loads during `chibo --help`; every entry must keep the one-line form."""
    code = ("import sys; from chibo_cli.base.i18n import catalog; n = len(catalog('vi')); "
            "print(n, 'yaml' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, env=_env("vi"))
    count, imported = done.stdout.split()
    assert int(count) > 300 and imported == "False", (
        "vi.yaml has a line that is not `\"source\": \"translation\"` (double quotes, one line): "
        "it forces the slow YAML loader at start-up")


def test_flat_parser_falls_back_on_other_yaml_forms() -> None:
    for text in ("plain: scalar\n", "'single': 'quoted'\n", '"a": "b"  # trailing comment\n',
                 '"a": "x\\u00e9"\n', '"a": "folded\n  line"\n', '"a":\n  "b"\n'):
        assert i18n.parse_flat(text) is None, text
        assert i18n.parse_yaml(text) == {k: v for k, v in yaml.safe_load(text).items()}


def test_flat_parser_reads_escapes_comments_and_skips_stubs() -> None:
    text = textwrap.dedent('''\
        # a comment
        "say \\"hi\\"": "chào \\"bạn\\""

        "back\\\\slash": "a\\nb\\tc/"
        "stub": ""
        ''')
    assert i18n.parse_flat(text) == {'say "hi"': 'chào "bạn"', "back\\slash": "a\nb\tc/"}
    assert i18n.parse_yaml(text) == i18n.parse_flat(text)


_TEXT = st.text(st.characters(blacklist_categories=("Cc", "Cs", "Co", "Cn", "Zl", "Zp")),
                min_size=1, max_size=30)


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(_TEXT, _TEXT, min_size=1, max_size=5))
def test_flat_parser_agrees_with_yaml(entries: dict[str, str]) -> None:
    text = "".join(f"{em.yaml_quote(k)}: {em.yaml_quote(v)}\n" for k, v in entries.items())
    flat = i18n.parse_flat(text)
    assert flat is not None
    assert flat == yaml.load(text, Loader=yaml.CSafeLoader) == entries


# --- the translation function ------------------------------------------------------------------

@pytest.mark.parametrize(("env", "lang"), [
    ({"CHIBO_LANG": "vi"}, "vi"),
    ({"LANG": "vi_VN.UTF-8"}, "vi"),
    ({"CHIBO_LANG": "vi-VN"}, "vi"),
    ({"CHIBO_LANG": "en", "LANG": "vi_VN.UTF-8"}, "en"),
    ({"LC_ALL": "C.UTF-8", "LANG": "vi_VN.UTF-8"}, "vi"),  # C names no language: read on
    ({"LC_MESSAGES": "vi_VN", "LANG": "en_US.UTF-8"}, "vi"),
    ({"LANG": "en_US.UTF-8"}, "en"),
    ({"LANG": "C.UTF-8"}, "vi"),
    ({"LANG": "POSIX"}, "vi"),
    ({}, "vi"),  # chibo's users are Vietnamese
])
def test_language_comes_from_chibo_lang_then_the_locale(
        monkeypatch: pytest.MonkeyPatch, env: dict[str, str], lang: str) -> None:
    for name in ("CHIBO_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert i18n.language() == lang


def test_translate_fills_placeholders_and_falls_back(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CHIBO_LANG", "vi")
    assert i18n._("unknown member '{id}'", id="ma-van-a") == (
        "không có đảng viên 'ma-van-a' trong danh sách")
    assert i18n._("not in any catalog {x}", x=1) == "not in any catalog 1"
    monkeypatch.setenv("CHIBO_LANG", "xx")
    assert i18n._("unknown member '{id}'", id="a") == "unknown member 'a'"


def test_a_translation_with_wrong_placeholders_shows_the_source(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CHIBO_LANG", "vi")
    monkeypatch.setitem(i18n.catalog("vi"), "broken {n}", "hỏng {m}")
    assert i18n._("broken {n}", n=3) == "broken 3"


# --- the command line speaks Vietnamese ---------------------------------------------------------

BROKEN_MEETING = """\
kind: regular
date: 2025-08-05
start: "19:30"
end: "09:15"
place: Nhà văn hóa tổ dân phố 3
chair: hoang-van-khong
recorder: le-thi-hoa
absent:
  - member: le-thi-hoa
    reason: Ốm
agenda:
  - presenter: tran-thi-lan
    content: Đánh giá kết quả tháng 7
discussion:
  - speaker: pham-van-duc
    gist: Đề nghị tăng cường vận động vệ sinh môi trường
conclusion: Chi bộ thống nhất nội dung nghị quyết tháng 8.
vote: {for: 3, against: 0}
read_back: true
"""


@pytest.fixture
def broken_cell(tmp_path: Path) -> Path:
    return make_cell(tmp_path / "cell", {
        "meetings/2025-08-05-regular.yaml": BROKEN_MEETING,
        "meetings/2025-09-05-regular.yaml": "kind: regular\ndate: [2025\n",
    })


def _env(lang: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES", "LANG")}
    return {**env, "CHIBO_LANG": lang, "COLUMNS": "200", "PYTHONIOENCODING": "utf-8"}


def _chibo(lang: str, *args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", "from chibo_cli.cli import main; main()",
                           *map(str, args)], capture_output=True, text=True, env=_env(lang),
                          timeout=120)


def test_validate_in_vietnamese(broken_cell: Path) -> None:
    done = _chibo("vi", "validate", broken_cell, "--format", "json")
    findings = json.loads(done.stdout)
    codes = {f["code"] for f in findings}
    assert done.returncode == 1 and {"V001", "V011", "V012"} <= codes, done.stdout
    assert any(f["message"] == "không có đảng viên 'hoang-van-khong' trong danh sách"
               for f in findings)
    assert any(f["message"] == "người ghi biên bản 'le-thi-hoa' lại có tên trong danh sách "
                               "vắng mặt" for f in findings)
    for finding in findings:
        assert VIETNAMESE.search(finding["message"]), finding
        assert not finding["hint"] or VIETNAMESE.search(finding["hint"]), finding

    text = _chibo("vi", "validate", broken_cell)
    assert "lỗi" in text.stderr and "trong 2 tệp" in text.stderr, text.stderr
    assert "giờ viết theo dạng 24 giờ HH:MM" in text.stdout


def test_validate_in_english(broken_cell: Path) -> None:
    done = _chibo("en", "validate", broken_cell)
    assert done.returncode == 1
    assert "unknown member 'hoang-van-khong'" in done.stdout
    assert "the recorder 'le-thi-hoa' is also listed as absent" in done.stdout
    assert "error(s)" in done.stderr and "file(s)" in done.stderr
    assert not VIETNAMESE.search(done.stderr)


def test_errors_and_help_in_vietnamese(tmp_path: Path) -> None:
    missing = _chibo("vi", "validate", tmp_path / "nowhere")
    assert missing.returncode == 2 and missing.stderr.startswith("chibo: lỗi: "), missing.stderr
    helped = _chibo("vi", "--help")
    assert "Hồ sơ, kiểm tra và văn bản Word của chi bộ." in helped.stdout
    assert "Lập thư mục chi bộ: branch.yaml, members.yaml" in helped.stdout  # a docstring
    assert "Start a cell folder" not in helped.stdout


def test_command_help_follows_the_language_of_each_run(
        cli: Callable[..., Any], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    monkeypatch.setenv("CHIBO_LANG", "vi")
    assert "Lập thư mục chi bộ" in cli("--help").out
    monkeypatch.setenv("CHIBO_LANG", "en")
    assert "Start a cell folder" in cli("--help").out


def test_checks_list_and_describe_in_vietnamese(
        cli: Callable[..., Any], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CHIBO_LANG", "vi")
    listed = cli("checks").out.splitlines()
    entries = [*PROBLEM_CODES, *registry().values()]
    assert [line.split()[0] for line in listed] == [e.code for e in entries]
    for line, spec in zip(listed, entries, strict=True):
        assert line.endswith("  " + i18n.catalog("vi")[spec.summary]), line
    assert any(line.startswith("V022  resolution-majority") and "quá nửa mẫu số biểu quyết" in line
               for line in listed)
    described = cli("checks", "V022").out.splitlines()
    assert described[0] == "V022 resolution-majority (lỗi, mặc định)"
    assert described[1] == ("    Nghị quyết được thông qua (hoặc biểu quyết tại buổi sinh hoạt) "
                            "có số phiếu tán thành quá nửa mẫu số biểu quyết.")
    assert any(line.startswith("    Fails: denominator 20") for line in described)


def test_seal_names_record_kinds_in_vietnamese(
        cli: Callable[..., Any], monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    cell = make_cell(tmp_path / "cell", {"resolutions/2025-08-05.yaml": ADOPTED_RESOLUTION})
    monkeypatch.setenv("CHIBO_LANG", "vi")
    sealed = cli("seal", cell)
    assert sealed.code == 0, sealed.err
    assert [line.split()[:3] for line in sealed.out.splitlines()[:2]] == [
        ["#1", "biên", "bản"], ["#2", "nghị", "quyết"]]
    log = (cell / "seal.log").read_text("utf-8")
    assert '"kind": "meeting"' in log and '"kind": "resolution"' in log  # the log stays English

    path = cell / "resolutions/2025-08-05.yaml"
    path.write_text(path.read_text("utf-8").replace("100%", "95%"), encoding="utf-8")
    out = cli("validate", cell).out
    assert "nghị quyết '2025-08-05' đã bị sửa sau khi niêm phong" in out
    assert "'chibo seal --amend resolution:2025-08-05" in out  # a command keeps the English word
    assert "(resolution)" not in out and "(meeting)" not in out
    monkeypatch.setenv("CHIBO_LANG", "en")
    assert "sealed resolution '2025-08-05' was changed after sealing" in cli("validate", cell).out


# --- packaging and the extractor ---------------------------------------------------------------

def test_catalog_ships_in_the_wheel() -> None:
    tomllib = pytest.importorskip("tomllib")
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["chibo_cli"]
    shipped = {p for pattern in patterns for p in em.PACKAGE.glob(pattern)}
    assert VI in shipped


def test_extractor_finds_literals_docstrings_and_dynamic_calls(tmp_path: Path) -> None:
    (tmp_path / "mod.py").write_text(textwrap.dedent('''\
        from chibo_cli.base import i18n
        from chibo_cli.base.i18n import _

        @app.command()
        def hello() -> None:
            """Say hello."""
            print(_("one {n}" " joined", n=1), i18n._("two"), _(f"{x}"), _(name))

        def helper() -> None:
            """Not a command."""

        @check("V999", "a-check", Severity.WARNING)
        def a_check(cell):
            """
            A check's summary.

            Passes: not a message.
            """
        '''), encoding="utf-8")
    found = em.extract(tmp_path)
    assert set(found.messages) == {"one {n} joined", "two", "Say hello.", "A check's summary."}
    assert [c.expression for c in found.unresolved] == ["f'{x}'", "name"]
    report = em.check(found.messages, {"two": "hai", "Say hello.": "", "old": "cũ",
                                       "A check's summary.": "Tóm tắt."})
    assert report.missing == ["one {n} joined"] and report.untranslated == ["Say hello."]
    assert report.stale == ["old"] and report.failed


def test_placeholders_ignore_escaped_braces_and_keep_format_specs() -> None:
    assert em.placeholders("{{literal}} {a} {b:02d} {a}") == ["{a}", "{a}", "{b:02d}"]
    assert em.check({"x {n}"}, {"x {n}": "y {m}"}).placeholder_mismatch == [("x {n}", "y {m}")]
