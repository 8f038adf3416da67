"""Meeting quality (opt-in): a local scoring sheet's points per meeting and its band.

Scoring sheets differ between committees; the points and thresholds are rulebook values
(``quality.*``), each with its source, and a committee turns the sheet on with
``quality.enabled: true`` in committee.yaml (or ``chibo report --quality``).
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Optional

from ..records.loader import Cell
from ..records.models import Meeting, MeetingKind

PARTS = ("attendance", "speakers", "preparation", "conclusion", "tasks")
BANDS = (("good", "Tốt"), ("fair", "Khá"), ("pass", "Trung bình"))


@dataclass
class Quality:
    points: dict[str, float]     # part → points earned
    total: float
    band: str                    # Tốt / Khá / Trung bình / Yếu


def enabled(cell: Cell) -> bool:
    return str(cell.rules["quality.enabled"]).strip().lower() in ("true", "1", "yes", "có")


def sources(cell: Cell) -> dict[str, str]:
    """Each part's rule and where its points come from, for the report's reader."""
    return {part: cell.rules.rules[f"quality.{part}_points"].source for part in PARTS}


def score(cell: Cell, meeting: Meeting, required: int, present: int, speakers: int,
          came: int) -> Quality:
    """The sheet's points for one meeting; ``came`` counts everyone of ours who attended."""
    earned = {
        "attendance": _graded(cell, "attendance", _share(present, required),
                              cell.rules.fraction("reports.attendance_high"),
                              cell.rules.fraction("reports.attendance_mid")),
        "speakers": _graded(cell, "speakers", _share(speakers, came),
                            cell.rules.fraction("attendance.speakers_at_least"),
                            cell.rules.fraction("attendance.speakers_at_least") / 2),
        "preparation": _full(cell, "preparation") * _prepared(cell, meeting),
        "conclusion": _full(cell, "conclusion") * _concluded(cell, meeting),
        "tasks": _full(cell, "tasks") * _assigned(meeting),
    }
    total = sum(earned.values())
    return Quality(earned, total, band(cell, total))


def band(cell: Cell, total: float) -> str:
    for key, label in BANDS:
        if total >= float(cell.rules[f"quality.{key}_min"]):
            return label
    return "Yếu"


def _full(cell: Cell, part: str) -> float:
    return float(cell.rules[f"quality.{part}_points"])


def _share(part: int, whole: int) -> Optional[Fraction]:
    return Fraction(part, whole) if whole else None


def _graded(cell: Cell, part: str, share: Optional[Fraction], full_at: Fraction,
            half_at: Fraction) -> float:
    if share is None:
        return 0.0
    if share >= full_at:
        return _full(cell, part)
    return _full(cell, part) / 2 if share >= half_at else 0.0


def _prepared(cell: Cell, meeting: Meeting) -> float:
    """An agenda, and for a regular meeting the draft resolution that names it; a thematic
    meeting its topic and a presenter."""
    if meeting.kind is MeetingKind.thematic:
        return float(bool(meeting.topic) and bool(meeting.agenda))
    drafted = any(r.meeting == meeting.id for r in cell.resolutions)
    return (float(bool(meeting.agenda)) + float(drafted)) / 2


def _concluded(cell: Cell, meeting: Meeting) -> float:
    """A conclusion, a vote (regular meetings: on the meeting or on its resolution), minutes
    read back: a third each."""
    voted = meeting.vote is not None or any(
        r.meeting == meeting.id and r.vote is not None for r in cell.resolutions)
    if meeting.kind is MeetingKind.thematic:
        voted = True  # a thematic meeting concludes without a vote
    return (float(bool(meeting.conclusion)) + float(voted) + float(meeting.read_back)) / 3


def _assigned(meeting: Meeting) -> float:
    """Tasks with an owner and a deadline; half when some lack either; none without tasks."""
    if not meeting.tasks:
        return 0.0
    complete = all(t.owner and t.due for t in meeting.tasks)
    return 1.0 if complete else 0.5
