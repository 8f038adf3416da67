"""Rules apply by date: an override may say from when, the built-in rules carry the date of the
regulation that set them, and a record is judged by the rules in force on its date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from helpers import BRANCH, make_cell

from chibo_cli.records.loader import load_workspace
from chibo_cli.records.rulebook import default_rulebook
from chibo_cli.rules.checks import run_checks

LONGER_FROM_2026 = "rules:\n  meetings.min_minutes_regular: {value: 120, from: 2026-01-01}\n"
FEBRUARY = "meetings/2026-02-03-regular.yaml"


def codes(cell: Path) -> list[tuple[str, str]]:
    workspace = load_workspace(cell)
    return [(d.code, Path(d.location.file).name) for d in run_checks(workspace)
            if d.severity.value != "info"]


def february(cell_files: dict[str, str]) -> dict[str, str]:
    """A 105-minute meeting in February 2026, like the minimal cell's August 2025 one."""
    from helpers import MEETING

    cell_files[FEBRUARY] = MEETING.replace("2025-08-05", "2026-02-03")
    return cell_files


def test_builtin_rules_carry_the_date_of_their_regulation() -> None:
    rules = default_rulebook().rules
    assert rules["meetings.min_minutes_regular"].since == dt.date(2025, 10, 28)
    assert rules["members.min_admission_age"].since == dt.date(2011, 1, 19)


def test_a_dated_override_leaves_earlier_meetings_alone(tmp_path: Path) -> None:
    cell = make_cell(tmp_path, february({"branch.yaml": BRANCH + LONGER_FROM_2026}))
    found = codes(cell)
    assert ("V013", "2026-02-03-regular.yaml") in found
    assert ("V013", "2025-08-05-regular.yaml") not in found


def test_an_undated_override_applies_to_every_record(tmp_path: Path) -> None:
    cell = make_cell(tmp_path, {"branch.yaml": BRANCH + "rules:\n  meetings.min_minutes_regular:"
                                " 120\n"})
    assert ("V013", "2025-08-05-regular.yaml") in codes(cell)


def test_a_dated_override_that_is_not_well_formed_is_r001(tmp_path: Path) -> None:
    cell = make_cell(tmp_path, {"branch.yaml": BRANCH + "rules:\n  meetings.min_minutes_regular:"
                                " {value: 120, from: 2026-13-01}\n"})
    [diag] = load_workspace(cell).diagnostics
    assert diag.code == "R001" and "2026-13-01" in diag.message
    cell = make_cell(tmp_path, {"branch.yaml": BRANCH + "rules:\n  meetings.min_minutes_regular:"
                                " {value: 120}\n"})
    [diag] = load_workspace(cell).diagnostics
    assert diag.code == "R001" and "{value: 120, from: 2026-01-01}" in diag.message


def test_rules_command_shows_the_dates(cli: Any, tmp_path: Path) -> None:
    cell = make_cell(tmp_path, {"branch.yaml": BRANCH + LONGER_FROM_2026})
    result = cli("rules", cell)
    assert result.code == 0, result.err
    assert "meetings.min_minutes_regular = 120  (since 2026-01-01)  (set in " in result.out
    assert "    before 2026-01-01: 90  (since 2025-10-28)\n" in result.out


def test_the_books_of_past_years_render_after_a_dated_override(cli: Any, tmp_path: Path) -> None:
    cell = make_cell(tmp_path, {"branch.yaml": BRANCH + LONGER_FROM_2026})
    result = cli("book", "minutes", cell, "--year", "2025")
    assert result.code == 0, result.err
