"""Record a change in a member's status (``chibo member event``): one line added to the member's
history in members.yaml, after checking that the change makes sense on that date."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from ..base.errors import ChiboError
from ..base.i18n import _
from ..records.keywords import english
from ..records.loader import MEMBERS_FILE
from ..records.models import Category, EventKind, Member
from ..rules.roster import Standing, standing
from .files import load_checked
from .member_text import Data, append_event, member_data, verified, write_members
from .text import yaml_str

_LEAVING = (EventKind.transferred_out, EventKind.removed, EventKind.died)
_WITH_CATEGORY = (EventKind.transferred_in, EventKind.attached)
_JOINING = (EventKind.admitted, EventKind.transferred_in, EventKind.attached)


@dataclass(frozen=True)
class NewEvent:
    member: str
    kind: EventKind
    date: dt.date
    category: Optional[Category] = None
    note: Optional[str] = None

    def line(self) -> str:
        """The event as a one-line flow mapping, as the example files write events."""
        parts = [f"date: {self.date.isoformat()}", f"event: {self.kind.value}"]
        if self.category is not None:
            parts.append(f"category: {self.category.value}")
        if self.note and self.note.strip():
            parts.append(f"note: {yaml_str(self.note.strip())}")
        return "{" + ", ".join(parts) + "}"

    def data(self) -> Data:
        item: Data = {"date": self.date.isoformat(), "event": self.kind.value}
        if self.category is not None:
            item["category"] = self.category.value
        if self.note and self.note.strip():
            item["note"] = self.note.strip()
        return item


def parse_kind(value: str) -> EventKind:
    try:
        return EventKind(english("EventKind", value.strip()).lower())  # or "chuyển đi"…
    except ValueError:
        raise ChiboError(_("unknown event '{kind}'", kind=value),
                         _("use one of: {kinds}", kinds=", ".join(k.value for k in EventKind))
                         ) from None


def parse_category(value: str) -> Category:
    try:
        return Category(english("Category", value.strip()).lower())  # or "chính thức"…
    except ValueError:
        raise ChiboError(_("unknown category '{value}'", value=value),
                         _("use full (chính thức) or probationary (dự bị)")) from None


def refusal(member: Member, event: NewEvent) -> Optional[str]:
    """Why ``event`` cannot follow the member's history, or None when it can."""
    last = member.history[-1].date
    if event.date < last:
        return _("{id}'s history is in date order and its last event is on {date}; an earlier "
                 "event is added by hand in its place", id=member.id, date=last.isoformat())
    if event.category is not None and event.kind not in _WITH_CATEGORY:
        return _("--category goes only with transferred_in or attached")
    return _state_refusal(member.id, standing(member, event.date), event)


def _state_refusal(member_id: str, state: Standing, event: NewEvent) -> Optional[str]:
    kind, day = event.kind, event.date.isoformat()
    here = state.in_cell or state.attached
    allowed: dict[EventKind, tuple[bool, str]] = {
        EventKind.admitted: (not here, _("{id} is already in the cell on {date}")),
        EventKind.transferred_in: (not state.in_cell, _("{id} is already in the cell on {date}")),
        EventKind.attached: (not here, _("{id} is already in the cell on {date}")),
        EventKind.confirmed: (state.probationary,
                              _("{id} is not a probationary member on {date}")),
        EventKind.exempted: (not state.exempted, _("{id} is already exempted on {date}")),
        EventKind.resumed: (state.exempted, _("{id} is not exempted on {date}")),
        EventKind.away: (not state.away, _("{id} is already away on {date}")),
        EventKind.back: (state.away, _("{id} is not away on {date}")),
        EventKind.detached: (state.attached and not state.in_cell,
                             _("{id} is not attached to the cell on {date}")),
        EventKind.suspended: (not state.suspended, _("{id} is already suspended on {date}")),
        EventKind.reinstated: (state.suspended, _("{id} is not suspended on {date}")),
    }
    if not here and kind not in _JOINING:
        return _("{id} is not in the cell on {date}").format(id=member_id, date=day)
    if kind is EventKind.away and not state.in_cell:  # an attached member leaves by detached
        return _("{id} is not in the cell on {date}").format(id=member_id, date=day)
    ok, message = allowed.get(kind, (True, ""))
    return None if ok else message.format(id=member_id, date=day)


def add_event(root: Path, event: NewEvent) -> Path:
    """Add ``event`` to the member's history in members.yaml; return the file."""
    cell = load_checked(root)
    path = cell.root / MEMBERS_FILE
    if cell.roster_unreadable and path.exists():
        raise ChiboError(_("{file} cannot be read", file=path),
                         _("run 'chibo validate' to see every problem"))
    member = next((m for m in cell.members if m.id == event.member), None)
    if member is None:
        known = ", ".join(m.id for m in cell.members[:5]) or _("none yet")
        raise ChiboError(_("no member '{id}' in {file}", id=event.member, file=path),
                         _("'chibo member list' shows the ids; e.g. {ids}", ids=known))
    problem = refusal(member, event)
    if problem:
        raise ChiboError(problem)
    old = path.read_bytes().decode("utf-8")
    new = append_event(old, event.member, event.line())

    def change(data: Data) -> None:
        member_data(data, event.member)["history"].append(event.data())

    write_members(path, verified(old, new, path, change))
    return path


def leaves(kind: EventKind) -> bool:
    return kind in _LEAVING
