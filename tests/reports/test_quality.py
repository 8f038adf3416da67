"""Meeting quality (opt-in): the scoring sheet's points, its band, its sources."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

from chibo_cli.reports.period import PeriodSpec
from chibo_cli.reports.ward import build_report

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "dang-bo-phuong-an-binh"
LATER = dt.date(2030, 1, 1)


def test_off_unless_asked() -> None:
    cell = build_report(EXAMPLE, PeriodSpec("month", "2025-10"), today=LATER).cells[0]
    assert all(row.quality is None for row in cell.rows) and not cell.quality_sources


def test_points_of_a_meeting_by_the_sheet() -> None:
    report = build_report(EXAMPLE / "chi-bo-to-dan-pho-5", PeriodSpec("month", "2025-10"),
                          today=LATER, scored=True)
    row = report.cells[0].rows[0]
    assert row.quality is not None
    # 21 of 24 present (87.5 %: from 3/4, half of 30); 7 of 21 spoke (1/3: from 1/4, half of
    # 20); agenda and a resolution (15); conclusion, vote, read back (20); tasks with owners
    # and deadlines (15)
    assert row.quality.points == {"attendance": 15.0, "speakers": 10.0, "preparation": 15.0,
                                  "conclusion": 20.0, "tasks": 15.0}
    assert (row.quality.total, row.quality.band) == (75.0, "Khá")
    assert "Phiếu chấm điểm" in report.cells[0].quality_sources["attendance"]


def test_a_committee_turns_the_sheet_on(tmp_path: Path, cli: Any) -> None:
    ward = tmp_path / "ward"
    shutil.copytree(EXAMPLE, ward)
    committee = ward / "committee.yaml"
    committee.write_text(committee.read_text("utf-8") + "rules:\n  quality.enabled: true\n"
                         "  quality.good_min: 101\n", encoding="utf-8")
    report = build_report(ward, PeriodSpec("month", "2025-11"), today=LATER)
    scored = [row.quality for cell in report.cells for row in cell.rows]
    assert scored and all(q is not None and q.band != "Tốt" for q in scored)  # 101 is out of reach
    done = cli("report", ward, "--month", "2025-11", "--format", "xlsx", "--out",
               tmp_path / "r.xlsx")
    assert done.code == 0, done.err
    from openpyxl import load_workbook

    sheet = load_workbook(tmp_path / "r.xlsx")["quality"]
    assert [c.value for c in sheet[1]][-2:] == ["points", "band"]
    assert sheet.max_row >= len(scored) + 1
