"""One broken file is reported once, at its cause; the checks that depend on it stand down
instead of reporting what the file might have held."""

from __future__ import annotations

from pathlib import Path

from helpers import ADOPTED_RESOLUTION, MEETING, MEMBERS, make_cell

from chibo_cli.records.loader import load_workspace
from chibo_cli.rules.checks import run_checks


def month(day: str) -> str:
    return MEETING.replace("2025-08-05", day)


def adopted(meeting_id: str, number: int) -> str:
    return ADOPTED_RESOLUTION.replace("2025-08-05-regular", meeting_id).replace(
        "number: 1", f"number: {number}")


def findings(cell: Path) -> list[tuple[str, str]]:
    """The errors (a resolution without tasks is a warning, beside the point here)."""
    return [(d.code, Path(d.location.file).name) for d in run_checks(load_workspace(cell))
            if d.severity.value == "error"]


def test_one_bad_time_is_one_error(tmp_path: Path) -> None:
    cell = make_cell(tmp_path, {
        "meetings/2025-07-01-regular.yaml": month("2025-07-01"),
        "meetings/2025-08-05-regular.yaml": MEETING.replace('start: "19:30"', 'start: "19:3O"'),
        "meetings/2025-09-02-regular.yaml": month("2025-09-02"),
        "resolutions/2025-07-01-regular.yaml": adopted("2025-07-01-regular", 1),
        "resolutions/2025-08-05-regular.yaml": adopted("2025-08-05-regular", 2),
        "resolutions/2025-09-02-regular.yaml": adopted("2025-09-02-regular", 3),
    })
    assert findings(cell) == [("S003", "2025-08-05-regular.yaml")]


def test_one_bad_member_id_is_one_error_not_one_per_mention(tmp_path: Path) -> None:
    cell = make_cell(tmp_path, {
        "members.yaml": MEMBERS.replace("id: le-thi-hoa", "id: le_thi_hoa"),
        "meetings/2025-09-02-regular.yaml": month("2025-09-02"),
    })
    [(code, file)] = findings(cell)
    assert (code, file) == ("S003", "members.yaml")
    [diag] = load_workspace(cell).diagnostics
    assert diag.hint == "write it as 'le-thi-hoa'"
