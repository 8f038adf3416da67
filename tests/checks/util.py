"""Helpers for the check tests: the minimal cell plus small YAML files, then run checks."""

from __future__ import annotations

from pathlib import Path
from typing import Mapping, Optional

from helpers import make_cell

from chibo_cli.base.diagnostics import Diagnostic
from chibo_cli.records.loader import load_workspace
from chibo_cli.rules.checks import run_checks

MEETING_FILE = "meetings/2025-08-05-regular.yaml"


def meeting(date: str, kind: str = "regular", start: str = "19:30", end: str = "21:15",
            extra: str = "") -> str:
    """A clean meeting: no absentees, chair and recorder set. Line 2 is the date, 4 the end."""
    return (f"kind: {kind}\n"
            f"date: {date}\n"
            f'start: "{start}"\n'
            f'end: "{end}"\n'
            "place: Nhà văn hóa tổ dân phố 3\n"
            "chair: tran-thi-lan\n"
            "recorder: le-thi-hoa\n"
            "discussion:\n"
            "  - speaker: pham-van-duc\n"
            "    gist: Đề nghị tăng cường vận động vệ sinh môi trường\n"
            "conclusion: Chi bộ thống nhất nội dung nghị quyết.\n"
            "read_back: true\n" + extra)


def resolution(number: Optional[int] = 1, status: str = "adopted",
               meeting_id: str = "2025-08-05-regular", extra: str = "") -> str:
    """A resolution: line 1 meeting, 2 status, 3 title, 4 number (when given), then ``extra``."""
    text = (f"meeting: {meeting_id}\n"
            f"status: {status}\n"
            "title: Nghị quyết sinh hoạt chi bộ tháng 8 năm 2025\n")
    if number is not None:
        text += f"number: {number}\n"
    return text + extra


def diagnostics(tmp_path: Path, files: Mapping[str, Optional[str]], select: str
                ) -> list[Diagnostic]:
    """Run the checks named by ``select`` on the minimal cell with ``files`` replaced.

    The files must load cleanly, so a test never passes because of a typo in its own YAML.
    """
    workspace = load_workspace(make_cell(tmp_path, files))
    assert workspace.diagnostics == [], workspace.diagnostics
    return run_checks(workspace, [select])


def found(tmp_path: Path, files: Mapping[str, Optional[str]], select: str
          ) -> list[tuple[str, str, int]]:
    """(code, file relative to the cell, line) of every finding."""
    return [(d.code, Path(d.location.file).relative_to(tmp_path).as_posix(), d.location.line)
            for d in diagnostics(tmp_path, files, select)]
