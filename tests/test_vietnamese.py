"""Vietnamese first: no English word reaches a secretary, in any command's help, usage error,
validation or rendering; English stays whole with --lang en; JSON keeps its English keys."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any, Callable, Iterator

import pytest
from helpers import ADOPTED_RESOLUTION, MEETING, make_cell

from chibo_cli.base import i18n
from chibo_cli.base.codes import PROBLEM_CODES
from chibo_cli.base.diagnostics import Severity
from chibo_cli.cli import app
from chibo_cli.cli import checks as checks_cli
from chibo_cli.records.loader import load_workspace
from chibo_cli.records.schema import write_schemas
from chibo_cli.rules.checks.spec import Tier

# English words that must not reach a Vietnamese reader (click's, pydantic's, PyYAML's, ours).
ENGLISH = re.compile(r"\b(Usage|Options|Arguments|Commands|Error|error|warning|missing|Missing|"
                     r"expected|got|should|Invalid|invalid|required|default|Show|Try|No such|"
                     r"not one of|does not|found|cannot|allowed|Input|Value|mapping)\b")
# Names a secretary types as they are: --options, file names, ids, codes and record fields.
_TOKENS = re.compile(r"--?[a-z][a-z-]*|[\w./-]+\.(yaml|docx|pdf)|'[a-z_]+'|\b[a-z]+_[a-z_]+\b")

Cli = Callable[..., Any]


def english_in(text: str) -> list[str]:
    return [m[0] for m in ENGLISH.finditer(_TOKENS.sub(" ", text))]


def _commands(typer_app: Any = app, prefix: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    """Every command path of the application: ("validate",), ("member", "add"), …"""
    yield prefix
    for info in typer_app.registered_commands:
        yield (*prefix, info.name or info.callback.__name__.replace("_", "-"))
    for group in typer_app.registered_groups:
        yield from _commands(group.typer_instance, (*prefix, group.name))


COMMANDS = sorted(set(_commands()))

BROKEN = {
    # PyYAML: a ':' inside a value
    "meetings/2025-09-09-regular.yaml": MEETING.replace("2025-08-05", "2025-09-09").replace(
        "place: Nhà văn hóa tổ dân phố 3", "place: Nhà văn hóa: tổ dân phố 3"),
    # pydantic: an unknown keyword, a time that is not a time, an unknown field
    "meetings/2025-10-07-regular.yaml": MEETING.replace("2025-08-05", "2025-10-07").replace(
        "kind: regular", "kind: weekly").replace('start: "19:30"', 'start: "25:30"').replace(
        "read_back: true", "read_back: true\nvenue: Hội trường"),
    # a rule check: the chair is not a member
    "meetings/2025-08-05-regular.yaml": MEETING.replace("chair: tran-thi-lan",
                                                        "chair: hoang-van-khong"),
}


@pytest.fixture
def broken_cell(tmp_path: Path) -> Path:
    return make_cell(tmp_path / "cell", BROKEN)


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "chibo")
def test_every_help_page_is_vietnamese(cli: Cli, monkeypatch: pytest.MonkeyPatch,
                                       command: tuple[str, ...]) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    done = cli("--lang", "vi", *command, "--help")
    assert done.code == 0, done.err
    assert "Cách dùng: chibo" in done.out and "Tùy chọn:" in done.out, done.out
    assert not english_in(done.out), (english_in(done.out), done.out)
    usage = done.out.splitlines()[0]
    assert not re.search(r"[\[{][a-z_-]+[\]}]", usage), f"an English argument name: {usage}"


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "chibo")
def test_a_mistyped_option_is_told_in_vietnamese(cli: Cli, command: tuple[str, ...]) -> None:
    done = cli("--lang", "vi", *command, "--strcit")
    assert done.code == 2
    assert "không có tùy chọn --strcit" in done.err, done.err
    assert not english_in(done.err + done.out), (english_in(done.err), done.err)


@pytest.mark.parametrize("args, said", [
    (("member", "add", "{tmp}", "--name", "A"), "thiếu tùy chọn --gender"),
    (("book", "minutes", "{tmp}", "--year", "abc"), "giá trị của --year không hợp lệ"),
    (("validate", "--format", "xml"), "'xml' không phải một trong các giá trị"),
    (("demo", "generate", "{tmp}/d", "--cells", "0"), "ít nhất là 1"),
    (("valdate",), "không có lệnh valdate"),
    (("validate", "a", "b"), "thừa tham số: b"),
    (("validate", "--select"), "tùy chọn --select cần một giá trị"),
    (("new-resolution",), "thiếu tham số buổi-sinh-hoạt"),
    (("render",), "Lệnh:"),  # a group without its command shows its help
])
def test_usage_errors_in_vietnamese(cli: Cli, tmp_path: Path, args: tuple[str, ...],
                                    said: str) -> None:
    done = cli("--lang", "vi", *(a.replace("{tmp}", str(tmp_path)) for a in args))
    assert done.code == 2
    assert said in done.err, done.err
    assert not english_in(done.err + done.out), (english_in(done.err), done.err)


def test_the_same_usage_errors_in_english(cli: Cli, tmp_path: Path) -> None:
    assert "no such option: --strcit" in cli("validate", "--strcit").err
    assert "Usage: chibo validate [OPTIONS]" in cli("validate", "--strcit").err
    done = cli("member", "add", tmp_path, "--name", "A")
    assert "missing option --gender" in done.err
    assert "invalid value for --year: write a whole number" in cli(
        "book", "minutes", tmp_path, "--year", "abc").err


def test_validate_of_a_broken_cell_in_vietnamese(cli: Cli, broken_cell: Path) -> None:
    done = cli("--lang", "vi", "validate", broken_cell)
    assert done.code == 1
    codes = {line.split()[1] for line in done.out.splitlines() if not line.startswith(" ")}
    assert {"Y001", "S001", "S003", "V001"} <= codes, done.out
    assert "có dấu ':' ở chỗ không thể bắt đầu một mục mới" in done.out
    assert "regular (thường kỳ), thematic (chuyên đề)" in done.out
    assert "giờ viết theo dạng HH:MM" in done.out
    assert not english_in(done.out + done.err), (english_in(done.out + done.err), done.out)


def test_json_keeps_english_keys_and_the_libraries_words(cli: Cli, broken_cell: Path) -> None:
    findings = json.loads(cli("--lang", "vi", "validate", broken_cell, "--format", "json").out)
    assert all(set(f) == {"code", "severity", "message", "hint", "check", "extra", "file", "line",
                          "col"} for f in findings)
    assert {f["severity"] for f in findings} <= {"error", "warning"}  # the values, not lỗi
    extras = {f["code"]: f["extra"] for f in findings if f["extra"]}
    assert "mapping values are not allowed" in extras["Y001"]
    assert any("enum: Input should be 'regular'" in f["extra"] for f in findings), extras


def test_render_in_vietnamese(cli: Cli, tmp_path: Path, broken_cell: Path) -> None:
    cell = make_cell(tmp_path / "ok", {"resolutions/2025-08-05-regular.yaml": ADOPTED_RESOLUTION})
    done = cli("--lang", "vi", "render", "minutes", "2025-08-05-regular", "-C", cell)
    assert done.code == 0, done.err
    assert not english_in(done.out + done.err), done.out + done.err
    refused = cli("--lang", "vi", "render", "minutes", "2025-08-05-regular", "-C", broken_cell)
    assert refused.code != 0 and "lỗi" in refused.err, refused.err
    assert not english_in(refused.out + refused.err), refused.err


def test_a_vietnamese_system_needs_no_setting(broken_cell: Path) -> None:
    """LANG=vi_VN.UTF-8 and no CHIBO_LANG: help, a typo and a broken cell, all Vietnamese;
    --lang en turns it back into English for one run."""
    env = {k: v for k, v in os.environ.items() if k not in ("CHIBO_LANG", "LC_ALL", "LC_MESSAGES")}
    env.update(LANG="vi_VN.UTF-8", COLUMNS="200", PYTHONIOENCODING="utf-8")

    def chibo(*args: str | Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "chibo_cli", *map(str, args)], env=env,
                              capture_output=True, text=True, timeout=120)

    for done in (chibo("--help"), chibo("validate", "--strcit"), chibo("validate", broken_cell)):
        assert "Traceback" not in done.stderr
        assert not english_in(done.stdout + done.stderr), done.stdout + done.stderr
    english = chibo("--lang", "en", "validate", "--strcit")
    assert "Usage: chibo validate [OPTIONS]" in english.stderr
    assert "chibo: error: no such option: --strcit" in english.stderr


def test_help_follows_lang_of_each_run(cli: Cli) -> None:
    """help= strings are translated at import, in whatever language that was; each run says
    them again in its own."""
    assert "Output format." in cli("--lang", "en", "validate", "--help").out
    assert "Định dạng đầu ra." in cli("--lang", "vi", "validate", "--help").out
    assert "Output format." in cli("validate", "--help").out  # CHIBO_LANG=en again
    assert "[default: text]" in cli("validate", "--help").out


def test_lang_takes_only_en_or_vi(cli: Cli) -> None:
    done = cli("--lang", "fr", "checks")
    assert done.code == 2 and "--lang" in done.err


def test_dates_are_written_as_the_language_writes_them(monkeypatch: pytest.MonkeyPatch) -> None:
    day = dt.date(2026, 12, 1)
    monkeypatch.setenv("CHIBO_LANG", "vi")
    assert i18n._("Members on {date}", date=day).endswith("01/12/2026")
    assert i18n._("Members on {date}", date="2026-12-01").endswith("2026-12-01")  # as typed
    monkeypatch.setenv("CHIBO_LANG", "en")
    assert i18n._("Members on {date}", date=day) == "Members on 2026-12-01"


def test_member_list_title_in_vietnamese(cli: Cli, tmp_path: Path) -> None:
    cell = make_cell(tmp_path / "cell")
    done = cli("--lang", "vi", "member", "list", cell, "--on", "2026-12-01")
    assert "01/12/2026" in done.out and "2026-12-01" not in done.out, done.out


def test_checks_list_says_severity_and_tier_in_vietnamese(cli: Cli) -> None:
    stages = {code.stage for code in PROBLEM_CODES}
    assert {s.value for s in Severity} | {t.value for t in Tier} | stages == set(checks_cli.WORDS)
    lines = cli("--lang", "vi", "checks").out.splitlines()
    assert any(" lỗi " in line and " mặc định " in line for line in lines)
    assert not any(" error " in line or " default " in line for line in lines)


def test_a_slipped_answer_is_asked_again_in_vietnamese(
        cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from test_cli_records import INIT_FLAGS, FakeTerminal

    monkeypatch.setattr("sys.stdin", FakeTerminal("10/06/2025\n2025-06-10\n"))
    flags = [f for i, f in enumerate(INIT_FLAGS) if INIT_FLAGS[i - (i % 2)] != "--term-start"]
    done = cli("--lang", "vi", "init", tmp_path / "c", *flags)
    assert done.code == 0, done.err
    assert "lỗi: " in done.err and "Error" not in done.err + done.out, done.err


# --- Vietnamese keywords in records ------------------------------------------------------------

@pytest.mark.parametrize("kind, status, task", [
    ("thường kỳ", "thông qua", "hoàn thành"),
    ("thuong ky", "thong qua", "hoan thanh"),
    ("Thường Kỳ", "đã thông qua", "HOAN-THANH"),
    ("regular", "adopted", "done"),
])
def test_vietnamese_keywords_are_read_as_the_english_values(
        tmp_path: Path, kind: str, status: str, task: str) -> None:
    meeting = MEETING.replace("kind: regular", f"kind: {kind}")
    september = MEETING.replace("2025-08-05", "2025-09-09").replace(
        "read_back: true", f"read_back: true\nreview:\n  - task: 2025-08-05-regular#1\n"
                           f"    status: {task}")
    resolution = ADOPTED_RESOLUTION.replace("status: adopted", f"status: {status}")
    cell = make_cell(tmp_path / "cell", {
        "meetings/2025-08-05-regular.yaml": meeting,
        "meetings/2025-09-09-regular.yaml": september,
        "resolutions/2025-08-05-regular.yaml": resolution})
    workspace = load_workspace(cell)
    assert not [d for d in workspace.diagnostics if d.code.startswith("S")], workspace.diagnostics
    loaded = workspace.cells[0]
    assert {m.kind.value for m in loaded.meetings} == {"regular"}
    assert loaded.resolutions[0].status.value == "adopted"
    reviewed = next(m for m in loaded.meetings if m.review)
    assert reviewed.review[0].status.value == "done"


def test_schema_offers_english_and_vietnamese_words(tmp_path: Path) -> None:
    write_schemas(tmp_path)
    texts = [p.read_text("utf-8") for p in tmp_path.glob("*.json")]
    meeting = next(json.loads(t) for t in texts if '"extraordinary"' in t)
    kinds = next(d["enum"] for d in meeting["$defs"].values() if "regular" in d.get("enum", []))
    assert {"regular", "thường kỳ", "thuong ky", "chuyên đề", "chuyen de"} <= set(kinds)


def test_member_add_takes_the_role_in_vietnamese(cli: Cli, tmp_path: Path) -> None:
    cell = make_cell(tmp_path / "cell")
    branch = (cell / "branch.yaml").read_text("utf-8")
    (cell / "branch.yaml").write_text(re.sub(r"(?m)^(\s*deputy:).*$", r"\1", branch), "utf-8")
    done = cli("member", "add", cell, "--name", "Lê Văn Tâm", "--gender", "nam", "--born",
               "1980-02-03", "--admitted", "2010-05-19", "--role", "Phó Bí thư")
    assert done.code == 0, done.err
    assert "deputy: le-van-tam" in (cell / "branch.yaml").read_text("utf-8")


def test_new_meeting_takes_the_kind_in_vietnamese(cli: Cli, tmp_path: Path) -> None:
    cell = make_cell(tmp_path / "cell")
    done = cli("new-meeting", cell, "--kind", "chuyen de", "--date", "2025-09-23")
    assert done.code == 0, done.err
    assert (cell / "meetings" / "2025-09-23-thematic.yaml").is_file()


class UsageError(Exception):
    """Click's plain usage error, as the boundary sees it: a class name and a message."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@pytest.mark.parametrize("english, said", [
    ("No such command 'valdate'.", "không có lệnh valdate"),
    ("No such command 'valdate'. Did you mean 'validate'?", "không có lệnh valdate"),
    ("Missing command.", "còn thiếu tên lệnh"),
    ("Got unexpected extra argument (b)", "thừa tham số: b"),
    ("Got unexpected extra arguments (b c)", "thừa tham số: b c"),
    ("Option '--strict' does not take a value.", "tùy chọn --strict không nhận giá trị"),
    ("Option '--select' requires an argument.", "tùy chọn --select cần một giá trị"),
    ("Argument 'x' takes 2 values.", "tham số x cần 2 giá trị"),
])
def test_click_usage_messages_are_worded_again(monkeypatch: pytest.MonkeyPatch, english: str,
                                               said: str) -> None:
    from chibo_cli.cli.usage_errors import describe

    monkeypatch.setenv("CHIBO_LANG", "vi")
    message, hint = describe(UsageError(english))
    assert message == said
    assert hint == ("có phải ý bạn là 'validate'?" if "Did you mean" in english else "")


def test_an_unknown_usage_message_is_shown_as_click_wrote_it() -> None:
    from chibo_cli.cli.usage_errors import describe

    assert describe(UsageError("Something new.")) == ("Something new.", "")
