"""The secretary's year from the command line: new-rating, candidate admit and due."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from checks.test_candidates import CANDIDATE, DECIDED, VOTED
from helpers import MEMBERS, make_cell
from test_authoring import load_errors

from chibo_cli.records.loader import load_cell, load_workspace
from chibo_cli.rules.checks import run_checks
from chibo_cli.rules.due import due_items

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "dang-bo-phuong-an-binh"
EXEMPT_MINH = MEMBERS.replace("      - {date: 2016-09-02, event: confirmed}\n",
                              "      - {date: 2016-09-02, event: confirmed}\n"
                              "      - {date: 2025-09-01, event: exempted}\n")
LEFT_HOA = MEMBERS.replace("      - {date: 2011-02-03, event: confirmed}\n",
                           "      - {date: 2011-02-03, event: confirmed}\n"
                           "      - {date: 2025-10-01, event: transferred_out}\n")


# ------------------------------------------------------------------ new-rating


def test_new_rating_lists_the_members_to_rate(cli: Any, tmp_path: Path) -> None:
    root = make_cell(tmp_path, {"members.yaml": EXEMPT_MINH})
    result = cli("new-rating", root, "--year", "2025")
    assert result.code == 0, result.err
    text = (root / "ratings/2025.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../.chibo/schemas/rating.schema.json")
    listed = [line.split()[2] for line in text.splitlines() if line.startswith("  - member:")]
    # exempted out, probationary in
    assert listed == ["tran-thi-lan", "pham-van-duc", "le-thi-hoa", "vu-thi-mai"]
    assert "Vũ Thị Mai (dự bị)" in text
    assert load_errors(root) == []
    # not yet held: a warning that no meeting is named, and nothing else
    codes = [(d.code, d.severity.value) for d in run_checks(load_workspace(root))]
    assert codes == [("V094", "warning")]


def test_new_rating_reads_the_roster_on_the_review_day(cli: Any, tmp_path: Path) -> None:
    root = make_cell(tmp_path, {"members.yaml": LEFT_HOA})
    assert cli("new-rating", root, "--year", "2025", "--meeting", "2025-08-05-regular").code == 0
    text = (root / "ratings/2025.yaml").read_text(encoding="utf-8")
    assert "le-thi-hoa" in text  # still in the cell on 2025-08-05
    assert "meeting: 2025-08-05-regular" in text
    shutil.rmtree(root / "ratings")
    assert cli("new-rating", root, "--year", "2025").code == 0
    assert "le-thi-hoa" not in (root / "ratings/2025.yaml").read_text(encoding="utf-8")


def test_new_rating_never_overwrites(cli: Any, tmp_path: Path) -> None:
    root = make_cell(tmp_path)
    assert cli("new-rating", root, "--year", "2025").code == 0
    before = (root / "ratings/2025.yaml").read_bytes()
    result = cli("new-rating", root, "--year", "2025")
    assert result.code == 2 and "already exists" in result.err
    assert (root / "ratings/2025.yaml").read_bytes() == before


def test_new_rating_with_an_unknown_meeting_is_refused(cli: Any, tmp_path: Path) -> None:
    root = make_cell(tmp_path)
    result = cli("new-rating", root, "--year", "2025", "--meeting", "2025-12-01-regular")
    assert result.code == 2 and "no meeting '2025-12-01-regular'" in result.err
    assert not (root / "ratings").exists()


# ------------------------------------------------------------------ candidate admit


def test_admit_moves_the_candidate_into_members(cli: Any, tmp_path: Path) -> None:
    root = make_cell(tmp_path, {**VOTED, "candidates.yaml": DECIDED.replace(
        "    born: 1996-05-14\n", "    born: 1996-05-14\n    title: Kỹ sư\n"
        "    citizen_id: \"046096001234\"\n")})
    result = cli("candidate", "admit", "ngo-minh-tri", "--date", "2025-11-04", "-C", root)
    assert result.code == 0, result.err
    member = load_cell(root).member("ngo-minh-tri")
    assert member is not None
    assert (member.name, member.title, member.citizen_id) == ("Ngô Minh Trí", "Kỹ sư",
                                                              "046096001234")
    [event] = member.history
    assert (event.date, event.event.value) == (dt.date(2025, 11, 4), "admitted")
    assert event.note == "Lễ kết nạp theo Quyết định số 125-QĐ/ĐU ngày 20/10/2025"
    assert load_errors(root) == []
    assert [d.code for d in run_checks(load_workspace(root), ["V1"])] == []
    again = cli("candidate", "admit", "ngo-minh-tri", "--date", "2025-11-04", "-C", root)
    assert again.code == 2 and "already in members.yaml" in again.err


@pytest.mark.parametrize(("text", "date", "message"), [
    (CANDIDATE, "2025-11-04", "has no superior's decision yet"),
    (DECIDED, "2025-10-01", "before the decision of 2025-10-20"),
    (DECIDED.replace("ngo-minh-tri", "ngo-minh-tam"), "2025-11-04", "no candidate 'ngo-minh-tri'"),
])
def test_admit_refuses(cli: Any, tmp_path: Path, text: str, date: str, message: str) -> None:
    root = make_cell(tmp_path, {**VOTED, "candidates.yaml": text})
    before = (root / "members.yaml").read_bytes()
    result = cli("candidate", "admit", "ngo-minh-tri", "--date", date, "-C", root)
    assert result.code == 2 and message in result.err
    assert (root / "members.yaml").read_bytes() == before


# ------------------------------------------------------------------ due


def _due(root: Path, on: str, days: int = 30) -> list[tuple[str, str]]:
    items = due_items(load_workspace(root).cells, dt.date.fromisoformat(on), days)
    return [(i.day.isoformat(), i.kind) for i in items]


def test_probation_alerts_follow_the_rulebook_days(tmp_path: Path) -> None:
    root = make_cell(tmp_path)  # vu-thi-mai admitted 2025-03-26: probation ends 2026-03-26
    assert ("2026-03-26", "probation") not in _due(root, "2025-12-01")  # 115 days: too early
    assert ("2026-03-26", "probation") in _due(root, "2026-01-01")  # 84 days: the 90-day alert
    assert ("2026-03-26", "confirmation") in _due(root, "2026-04-01")
    items = due_items(load_workspace(root).cells, dt.date(2026, 3, 20), 0)
    [probation] = [i for i in items if i.kind == "probation"]
    assert probation.what == ("Vũ Thị Mai: probation ends in 6 days (7-day alert); prepare the "
                              "confirmation vote")


def test_meeting_rating_and_tasks_are_due(tmp_path: Path) -> None:
    root = make_cell(tmp_path)
    found = _due(root, "2025-08-20")
    assert ("2025-08-31", "task") in found  # the meeting's task, not yet reviewed
    assert not any(kind == "meeting" for _day, kind in found)  # August's meeting was held
    assert ("2025-09-30", "meeting") in _due(root, "2025-09-02")
    assert not any(kind == "rating" for _day, kind in _due(root, "2025-10-01"))
    assert ("2025-12-31", "rating") in _due(root, "2025-11-15")  # December within 30 days


def test_candidates_are_due(tmp_path: Path) -> None:
    listed = CANDIDATE.replace("    cell_vote: 2025-09-09-regular\n", "").replace(
        "2024-04-20", "2021-03-12")
    root = make_cell(tmp_path, {"candidates.yaml": listed})
    assert ("2026-03-12", "certificate") in _due(root, "2026-02-01", 60)
    assert not any(kind == "certificate" for _day, kind in _due(root, "2025-12-01", 30))
    make_cell(tmp_path, {**VOTED, "candidates.yaml": DECIDED})  # the same folder, rewritten
    assert ("2025-10-20", "ceremony") in _due(root, "2025-10-25")


def test_due_on_the_example_committee(cli: Any) -> None:
    result = cli("due", EXAMPLE, "--on", "2026-01-05", "--days", "90")
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines == sorted(lines, key=lambda line: line[:10])
    joined = "\n".join(lines)
    assert "Chi bộ Tổ dân phố số 5: Phạm Thu Hà: the course certificate expires on 2026-03-12" \
        in joined
    assert "Vũ Thị Thanh Huyền: probation ends in 29 days (30-day alert)" in joined
    assert "the regular meeting of 01/2026 is not held yet" in joined
    data = json.loads(cli("due", EXAMPLE / "chi-bo-to-dan-pho-5", "--on", "2026-01-05",
                          "--format", "json").out)
    assert {"date", "cell", "kind", "what"} == set(data[0])


def test_due_bad_format_is_a_usage_error(cli: Any) -> None:
    assert cli("due", EXAMPLE, "--format", "xml").code == 2


# ------------------------------------------------------------------ rules of the year


@pytest.mark.parametrize("override", ['ratings.levels: "tốt"', "ratings.levels: []",
                                      'due.probation_alert_days: [60, "x"]',
                                      "due.probation_alert_days: 30"])
def test_a_misshapen_override_is_an_error_not_a_crash(cli: Any, tmp_path: Path,
                                                      override: str) -> None:
    from helpers import BRANCH

    root = make_cell(tmp_path, {"branch.yaml": BRANCH + f"rules:\n  {override}\n",
                                "ratings/2025.yaml": "year: 2025\n"})
    result = cli("validate", root)
    assert result.code == 1 and "R001" in result.out, result.out + result.err
    assert cli("due", root, "--on", "2026-03-20").code == 0


def test_alert_days_and_levels_are_the_cells_to_set(tmp_path: Path) -> None:
    from helpers import BRANCH

    rules = ("rules:\n  due.probation_alert_days: [45]\n"
             "  ratings.levels: {tot: Tốt, dat: Đạt}\n")
    root = make_cell(tmp_path, {"branch.yaml": BRANCH + rules})
    assert ("2026-03-26", "probation") not in _due(root, "2026-01-01")  # 84 days: no alert now
    assert ("2026-03-26", "probation") in _due(root, "2026-02-20")
    text = "year: 2025\nmembers:\n  - {member: tran-thi-lan, proposed_level: tot}\n"
    (root / "ratings").mkdir()
    (root / "ratings/2025.yaml").write_text(text, encoding="utf-8")
    assert [d.code for d in run_checks(load_workspace(root), ["V091"])] == []
