"""Messages for the common slips a secretary makes, said in words (no regex), with the fix."""

from __future__ import annotations

from pathlib import Path

from helpers import MEETING, MEMBERS, make_cell

from chibo_cli.records.loader import load_workspace


def messages(tmp_path: Path, files: dict[str, str]) -> list[str]:
    workspace = load_workspace(make_cell(tmp_path, files))
    return [f"{d.code} {d.message} | {d.hint}" for d in workspace.diagnostics]


def test_a_name_where_an_id_belongs_suggests_the_id(tmp_path: Path) -> None:
    [found] = messages(tmp_path, {"meetings/2025-08-05-regular.yaml": MEETING.replace(
        "member: do-van-minh", "member: Đỗ  văn Minh")})
    assert found.startswith("S003 absent.0.member: an id uses only lowercase")
    assert found.endswith("| did you mean 'do-van-minh'?")


def test_an_unknown_name_suggests_the_id_it_would_have(tmp_path: Path) -> None:
    [found] = messages(tmp_path, {"meetings/2025-08-05-regular.yaml": MEETING.replace(
        "chair: tran-thi-lan", "chair: Phạm Quốc Khánh")})
    assert "likely 'pham-quoc-khanh'" in found and "chibo member list" in found


def test_an_unquoted_task_reference_says_to_quote_it(tmp_path: Path) -> None:
    [found] = messages(tmp_path, {"meetings/2025-08-05-regular.yaml": MEETING.replace(
        "discussion:", "review:\n  - task: 2025-07-01-regular #1\n    status: done\ndiscussion:")})
    assert "pattern" not in found and "^" not in found
    assert "a task is named by its meeting and number" in found
    assert 'task: "2025-07-01-regular#1" in quotes' in found


def test_a_wrong_indent_is_not_blamed_on_quotes(tmp_path: Path) -> None:
    [found] = messages(tmp_path, {"meetings/2025-08-05-regular.yaml": MEETING.replace(
        "    reason: Đi công tác", "     reason: Đi công tác")})
    assert "check the indentation" in found and "quotes" not in found
    [colon] = messages(tmp_path, {"meetings/2025-08-05-regular.yaml": MEETING.replace(
        "conclusion: Chi bộ", "conclusion: Kết luận: Chi bộ")})
    assert "must be put in quotes" in colon


def test_a_date_without_leading_zeros_says_how_to_write_it(tmp_path: Path) -> None:
    [found] = messages(tmp_path, {"members.yaml": MEMBERS.replace("born: 1968-09-10",
                                                                  "born: 1968-9-10")})
    assert "write the date as 1968-09-10" in found and "not a real date" not in found
    [dmy] = messages(tmp_path, {"members.yaml": MEMBERS.replace("born: 1968-09-10",
                                                                "born: 10/9/1968")})
    assert "write the date as 1968-09-10" in dmy
    [impossible] = messages(tmp_path, {"members.yaml": MEMBERS.replace("born: 1968-09-10",
                                                                       "born: 1968-02-31")})
    assert "not a real date" in impossible
