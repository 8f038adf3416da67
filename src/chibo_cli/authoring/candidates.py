"""``chibo candidate admit``: at the ceremony, the candidate moves into members.yaml as admitted,
from what candidates.yaml already holds (nothing is typed twice)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..base.dates import short_date
from ..base.diagnostics import Diagnostic, Severity, file_key
from ..base.errors import ChiboError
from ..base.i18n import _
from ..records.loader import CANDIDATES_FILE, Cell
from ..records.models import Candidate
from .files import load_checked
from .members import NewMember, add_member


def admit_candidate(root: Path, candidate_id: str, day: dt.date) -> tuple[str, Path]:
    """Append the candidate to members.yaml with an ``admitted`` event on ``day``."""
    problems: list[Diagnostic] = []
    cell = load_checked(root, problems)
    _refuse_unreadable_candidates(cell, problems)
    candidate = _find(cell, candidate_id)
    if cell.member(candidate.id) is not None:
        raise ChiboError(_("'{id}' is already in members.yaml", id=candidate.id))
    decision = candidate.decision
    if decision is None:
        raise ChiboError(_("'{id}' has no superior's decision yet", id=candidate.id),
                         _("write 'decision: {{date: …, number: …}}' in {file} first",
                           file=CANDIDATES_FILE))
    if day < decision.date:
        raise ChiboError(_("the ceremony on {day} is before the decision of {decision}",
                           day=day.isoformat(), decision=decision.date.isoformat()))
    number = f"số {decision.number} " if decision.number else ""
    note = f"Lễ kết nạp theo Quyết định {number}ngày {short_date(decision.date)}"
    return add_member(root, NewMember(
        name=candidate.name, gender=candidate.gender.value, born=candidate.born, admitted=day,
        citizen_id=candidate.citizen_id, id=candidate.id, title=candidate.title,
        admitted_note=note))


def _refuse_unreadable_candidates(cell: Cell, problems: list[Diagnostic]) -> None:
    path = file_key(str(cell.root / CANDIDATES_FILE))
    broken = [d for d in problems if d.severity is Severity.ERROR
              and file_key(d.location.file) == path]
    if broken:
        raise ChiboError(f"{broken[0].location}: {broken[0].message}",
                         _("run 'chibo validate' to see every problem"))


def _find(cell: Cell, candidate_id: str) -> Candidate:
    for candidate in cell.candidates:
        if candidate.id == candidate_id:
            return candidate
    known = ", ".join(c.id for c in cell.candidates) or _("none")
    raise ChiboError(_("no candidate '{id}' in {file}", id=candidate_id, file=CANDIDATES_FILE),
                     _("candidates: {ids}", ids=known))
