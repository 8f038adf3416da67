"""The report's figures against an independent count of the YAML files: the bundled example,
and a generated ward with planted values."""

from __future__ import annotations

import datetime as dt
import shutil
from dataclasses import asdict
from pathlib import Path
from typing import Any

import pytest
import yaml

from chibo_cli.demo.generate import Options, generate
from chibo_cli.reports.figures import CellReport
from chibo_cli.reports.period import PeriodSpec, file_stem, parse
from chibo_cli.reports.ward import build_report

from .independent import count, read

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "dang-bo-phuong-an-binh"
LATER = dt.date(2030, 1, 1)  # every month of the period has ended


def agree(cell: CellReport, root: Path, first: dt.date, last: dt.date) -> None:
    expected = count(root, first, last)
    m, a, d = cell.meetings, cell.attendance, cell.discussion
    assert (m.regular_held, m.thematic_held, m.extraordinary) == (
        expected["regular"], expected["thematic"], expected["extraordinary"]), cell.folder
    assert (a.required, a.present, a.absent_excused, a.absent_unexcused) == (
        expected["required"], expected["present"], expected["excused"], expected["unexcused"])
    assert (d.present, d.speakers) == (expected["came"], expected["spoke"])
    assert cell.superior.meetings_visited == expected["visited"]
    assert cell.tasks.given == expected["tasks"]
    assert (cell.members.total, cell.members.full) == (expected["members"], expected["full"])
    assert cell.members.events["admitted"] == expected["admitted"]
    assert a.over_limit == expected["over_limit"]


def test_example_figures_match_an_independent_count() -> None:
    report = build_report(EXAMPLE, PeriodSpec("year", "2025"), today=LATER)
    assert report.committee and report.period == "năm 2025"
    assert {c.folder for c in report.cells} == {"chi-bo-to-dan-pho-5",
                                                "chi-bo-truong-tieu-hoc-le-loi"}
    for cell in report.cells:
        agree(cell, EXAMPLE / cell.folder, dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    five = next(c for c in report.cells if c.folder == "chi-bo-to-dan-pho-5")
    # the worked example of docs/format.md: 24 required, 21 present on 2025-10-07
    october = next(r for r in five.rows if r.id == "2025-10-07-regular")
    assert (october.required, october.present) == (24, 21)
    assert october.file == "chi-bo-to-dan-pho-5/meetings/2025-10-07-regular.yaml"
    assert (five.meetings.regular_required, five.meetings.thematic_required) == (12, 4)
    assert "chi-bo-to-dan-pho-5/members.yaml" in five.files
    # Lê Lợi's records start in September 2025: four months and one whole quarter are owed
    le_loi = next(c for c in report.cells if c.folder == "chi-bo-truong-tieu-hoc-le-loi")
    assert (le_loi.meetings.months, le_loi.meetings.thematic_required) == (4, 1)
    totals = report.totals
    assert totals.attendance_present == sum(c.attendance.present for c in report.cells)
    follows = {a.name: a for a in report.assignments}
    assert follows["Lê Thị Mai Anh"].not_visited == ["chi-bo-to-dan-pho-5",
                                                     "chi-bo-truong-tieu-hoc-le-loi"]
    assert follows["Đặng Minh Khoa"].visited == ["chi-bo-to-dan-pho-5"]


def test_a_quarter_and_a_month_count_only_their_meetings() -> None:
    report = build_report(EXAMPLE / "chi-bo-to-dan-pho-5", PeriodSpec("quarter", "2025-Q3"),
                          today=LATER)
    cell = report.cells[0]
    assert not report.committee and cell.period == "quý 3/2025"
    assert [r.date[:7] for r in cell.rows] == ["2025-07", "2025-08", "2025-09", "2025-09"]
    agree(cell, EXAMPLE / "chi-bo-to-dan-pho-5", dt.date(2025, 7, 1), dt.date(2025, 9, 30))
    month = build_report(EXAMPLE / "chi-bo-to-dan-pho-5", PeriodSpec("month", "2025-10"),
                         today=LATER).cells[0]
    assert [r.id for r in month.rows] == ["2025-10-07-regular"]
    assert month.meetings.thematic_required == 0  # no whole quarter in one month


def test_a_running_month_is_not_owed_yet() -> None:
    cell = build_report(EXAMPLE / "chi-bo-to-dan-pho-5", PeriodSpec("year", "2025"),
                        today=dt.date(2025, 10, 20)).cells[0]
    assert cell.meetings.months == 9  # October has not ended on the 20th
    assert cell.members.on == "2025-10-20"


@pytest.fixture(scope="module")
def ward(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """An 8-cell generated ward with planted values: a missing month, a cell never visited,
    a member absent without reason in three months."""
    root = tmp_path_factory.mktemp("ward") / "w"
    generate(root, Options(cells=8, years=1))
    cells = sorted(p for p in root.iterdir() if (p / "branch.yaml").is_file())
    missing, unvisited, absentee = cells[0], cells[3], cells[5]
    for path in missing.glob("*/2021-05-*-regular.yaml"):
        path.unlink()
    for path in (missing / "resolutions").glob("2021-05-*.yaml"):
        path.unlink()
    for path in (unvisited / "meetings").glob("*.yaml"):
        _edit(path, lambda m: m.pop("guests", None))
    name = _plant_absences(absentee)
    return {"root": root, "missing": missing.name, "unvisited": unvisited.name,
            "absentee": (absentee.name, name)}


def _edit(path: Path, change: Any) -> None:
    data = read(path)
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _plant_absences(cell: Path) -> str:
    """Mark the secretary absent without reason at the regular meetings of March, April, June."""
    secretary = read(cell / "branch.yaml")["committee"]["secretary"]
    for month in ("03", "04", "06"):
        path = next((cell / "meetings").glob(f"2021-{month}-*-regular.yaml"))
        _edit(path, lambda m: m.setdefault("absent", []).append({"member": secretary})
              if secretary not in {a["member"] for a in m.get("absent") or []} else None)
    members = read(cell / "members.yaml")["members"]
    return str(next(m["name"] for m in members if m["id"] == secretary))


def test_generated_ward_matches_an_independent_count(ward: dict[str, Any]) -> None:
    report = build_report(ward["root"], PeriodSpec("year", "2021"), today=LATER, workers=1)
    assert len(report.cells) == 8
    for cell in report.cells:
        agree(cell, ward["root"] / cell.folder, dt.date(2021, 1, 1), dt.date(2021, 12, 31))
    by_folder = {c.folder: c for c in report.cells}
    missing = by_folder[ward["missing"]]
    assert missing.meetings.months_short == ["2021-05"] and "regular" in missing.short
    assert (missing.meetings.regular_held, missing.meetings.regular_required) == (11, 12)
    unvisited = by_folder[ward["unvisited"]]
    assert unvisited.superior.meetings_visited == 0 and "superior" in unvisited.short
    follower = next(a for a in report.assignments if ward["unvisited"] in a.cells)
    assert ward["unvisited"] in follower.not_visited
    folder, name = ward["absentee"]
    assert name in by_folder[folder].attendance.over_limit
    shorts = [bool(c.short) for c in report.cells]
    assert shorts == sorted(shorts, reverse=True)  # cells that fall short come first
    assert report.totals.cells_short == sum(shorts) >= 2


def test_parallel_and_serial_reports_agree(ward: dict[str, Any]) -> None:
    spec = PeriodSpec("year", "2021")
    serial = build_report(ward["root"], spec, today=LATER, workers=1)
    parallel = build_report(ward["root"], spec, today=LATER, workers=2)
    assert asdict(parallel) == asdict(serial)


def test_default_period_is_the_latest_year_on_record(ward: dict[str, Any]) -> None:
    assert build_report(ward["root"], today=LATER, workers=1).period == "năm 2021"


def test_term_period_is_each_cells_latest_term(tmp_path: Path) -> None:
    cell = tmp_path / "to-5"
    shutil.copytree(EXAMPLE / "chi-bo-to-dan-pho-5", cell)
    report = build_report(cell, PeriodSpec("term"), today=LATER)
    assert report.cells[0].start == "2025-05-20" and report.period == "nhiệm kỳ 2025–2030"


@pytest.mark.parametrize("kind, value, first, last", [
    ("year", "2024", "2024-01-01", "2024-12-31"),
    ("quarter", "2024-Q1", "2024-01-01", "2024-03-31"),
    ("month", "2024-02", "2024-02-01", "2024-02-29"),
])
def test_periods(kind: str, value: str, first: str, last: str) -> None:
    period = parse(kind, value)
    assert (period.start.isoformat(), period.end.isoformat()) == (first, last)


def test_file_stem_is_ascii() -> None:
    assert file_stem("quý 3/2025") == "quy-3-2025"
    assert file_stem("nhiệm kỳ 2025–2030") == "nhiem-ky-2025-2030"
