"""``chibo member import``: the ward's member list (xlsx or CSV) into members.yaml.

First a plan — which column is which, who would be added, what would change for whom, every row's
problem — and only when the user confirms it, one atomic write. Rows are matched to members by
chibo id, card number, citizen id, then name and date of birth. A value the list leaves empty never
erases one in members.yaml; a history is only ever added to (a confirmation the list knows of), and
differences in old dates are shown, not applied: a member's past is changed by hand, knowingly.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

from ..base.errors import ChiboError
from ..base.i18n import _
from ..records.loader import MEMBERS_FILE, Cell
from ..records.member_sheet import Mapping, Problem, SheetMember, find_mapping, read_members
from ..records.models import SLUG, Category, EventKind, Member
from ..records.tabular import read_sheet
from ..records.yamlio import nfc
from ..rules.roster import admitted_on, standing
from .cell_folder import members_text
from .files import load_checked
from .member_events import NewEvent
from .member_text import (
    Data,
    append_event,
    member_data,
    parsed,
    set_field,
    verified,
    write_members,
)
from .members import append_member
from .text import indent, line, render, slugify, unique_id, yaml_id, yaml_str

FIELDS = ("name", "gender", "born", "card_number", "citizen_id", "title")
PRIVATE = ("card_number", "citizen_id")


@dataclass(frozen=True)
class FieldChange:
    field: str
    old: str
    new: str


@dataclass
class NewRow:
    row: SheetMember
    id: str
    history: list[NewEvent]


@dataclass
class Plan:
    """What an import would do; nothing is written until ``apply`` is called with it."""

    sheet: str
    mapping: Mapping
    added: list[NewRow] = field(default_factory=list)
    changed: dict[str, list[FieldChange]] = field(default_factory=dict)
    events: list[NewEvent] = field(default_factory=list)
    unchanged: int = 0
    missing: list[Member] = field(default_factory=list)   # in the cell, not in the list
    problems: list[Problem] = field(default_factory=list)
    counted_before: list[str] = field(default_factory=list)  # new ids older meetings would count
    base: str = ""  # members.yaml as it was read, so a file changed meanwhile is not overwritten

    @property
    def blocked(self) -> bool:
        return any(p.error for p in self.problems)

    @property
    def empty(self) -> bool:
        return not (self.added or self.changed or self.events)


def plan_import(root: Path, source: Path, today: dt.date,
                joined: Optional[dt.date] = None) -> Plan:
    """Read ``source`` and work out what importing it into the cell at ``root`` would do."""
    cell = load_checked(root)
    if (cell.roster_unreadable and (cell.root / MEMBERS_FILE).exists()) or cell.broken_members:
        # a member chibo cannot read would be matched by no row and added a second time
        raise ChiboError(_("{file} cannot be read", file=cell.root / MEMBERS_FILE),
                         _("run 'chibo validate' to see every problem"))
    sheet = read_sheet(source)
    mapping = find_mapping(sheet)
    rows, problems = read_members(sheet, mapping, int(cell.rules["members.citizen_id_digits"]))
    plan = Plan(sheet.name, mapping, problems=problems, base=_current_text(cell))
    _Matcher(cell, plan, today, joined).run(rows)
    return plan


def _current_text(cell: Cell) -> str:
    path = cell.root / MEMBERS_FILE
    return path.read_bytes().decode("utf-8") if path.exists() else members_text(cell.root)


class _Matcher:
    def __init__(self, cell: Cell, plan: Plan, today: dt.date,
                 joined: Optional[dt.date]) -> None:
        self.cell, self.plan, self.today, self.joined = cell, plan, today, joined
        self.seen: dict[str, int] = {}           # member id → the row that named them
        self.new_keys: dict[str, int] = {}
        self.taken = {m.id for m in cell.members}
        self.index: dict[str, dict[str, list[Member]]] = {
            key: {} for key in ("id", "card_number", "citizen_id", "name_born", "name")}
        for member in cell.members:
            for key, value in self._keys_of(member).items():
                self.index[key].setdefault(value, []).append(member)

    @staticmethod
    def _keys_of(member: Member | SheetMember) -> dict[str, str]:
        born = member.born.isoformat() if member.born else ""
        name = nfc(member.name).casefold()
        keys = {"id": member.id or "", "card_number": member.card_number or "",
                "citizen_id": member.citizen_id or "", "name": name,
                "name_born": f"{name}|{born}" if born else ""}
        return {k: v for k, v in keys.items() if v}

    def run(self, rows: list[SheetMember]) -> None:
        for row in rows:
            member = self._match(row)
            if member is not None:
                self._compare(member, row)
            elif member is None and not self._failed(row):
                self._add(row)
        listed = set(self.seen)
        self.plan.missing = [m for m in self.cell.members if m.id not in listed
                             and standing(m, self.today).in_cell]

    def _failed(self, row: SheetMember) -> bool:
        return any(p.row == row.row and p.error for p in self.plan.problems)

    def _match(self, row: SheetMember) -> Optional[Member]:
        keys = self._keys_of(row)
        found: dict[str, tuple[Member, str]] = {}
        for key in ("id", "card_number", "citizen_id", "name_born"):
            for member in self.index[key].get(keys.get(key, ""), []):
                found.setdefault(member.id, (member, key))
        namesakes = self.index["name"].get(keys["name"], [])
        if not found and "name_born" not in keys and len(namesakes) == 1:
            found[namesakes[0].id] = (namesakes[0], "name")  # no birth date: a unique name
        if len(found) > 1:
            self._problem(row, _("this row matches more than one member: {ids}",
                                 ids=", ".join(sorted(found))))
            return None
        if not found:
            return None
        member = next(iter(found.values()))[0]
        if member.id in self.seen:
            self._problem(row, _("{id} is already on row {row}", id=member.id,
                                 row=self.seen[member.id]))
            return None
        self.seen[member.id] = row.row
        return member

    def _problem(self, row: SheetMember, message: str, error: bool = True,
                 column: str = "") -> None:
        self.plan.problems.append(Problem(row.row, column, message, error))

    # -------------------------------------------------------------- a member already listed

    def _compare(self, member: Member, row: SheetMember) -> None:
        if self._failed(row):
            return
        changes = [FieldChange(name, old, new) for name in FIELDS
                   for old, new in [(_text(getattr(member, name)), _text(getattr(row, name)))]
                   if new and new != old]
        if changes:
            self.plan.changed[member.id] = changes
        event = self._history(member, row)
        if event is not None:
            self.plan.events.append(event)
        if not changes and event is None:
            self.plan.unchanged += 1

    def _history(self, member: Member, row: SheetMember) -> Optional[NewEvent]:
        admitted = admitted_on(member)
        if row.admitted and admitted and row.admitted != admitted:
            self._problem(row, _("the list says admitted {listed}, members.yaml {recorded}; not "
                                 "changed", listed=row.admitted.isoformat(),
                                 recorded=admitted.isoformat()), error=False)
        confirmed = [e.date for e in member.history if e.event is EventKind.confirmed]
        if not row.confirmed:
            return None
        if confirmed and confirmed[-1] != row.confirmed:
            self._problem(row, _("the list says confirmed {listed}, members.yaml {recorded}; not "
                                 "changed", listed=row.confirmed.isoformat(),
                                 recorded=confirmed[-1].isoformat()), error=False)
        elif not confirmed and standing(member, row.confirmed).probationary \
                and row.confirmed >= member.history[-1].date:
            return NewEvent(member.id, EventKind.confirmed, row.confirmed)
        return None

    # -------------------------------------------------------------- a member new to the cell

    def _add(self, row: SheetMember) -> None:
        key = self._keys_of(row).get("name_born", "")
        if key in self.new_keys:
            self._problem(row, _("the same person as row {row}", row=self.new_keys[key]))
            return
        missing = [what for what, value in (("gender", row.gender), ("born", row.born),
                                            (_("date of admission"), row.admitted)) if not value]
        if missing:
            self._problem(row, _("{name} is not in members.yaml and a new member needs: {fields}",
                                 name=row.name, fields=", ".join(missing)))
            return
        self.new_keys[key] = row.row
        member_id = self._new_id(row)
        self.taken.add(member_id)
        self.plan.added.append(NewRow(row, member_id, self._new_history(row, member_id)))
        assert row.admitted is not None
        if self.joined is None and any(m.date >= row.admitted for m in self.cell.meetings):
            self.plan.counted_before.append(member_id)

    def _new_id(self, row: SheetMember) -> str:
        import re

        if row.id and re.match(SLUG, row.id) and row.id not in self.taken:
            return row.id
        if row.id:
            self._problem(row, _("id '{id}' is not valid or is taken; a new one is made from the "
                                 "name", id=row.id), error=False)
        return unique_id(slugify(row.name) or "dang-vien", self.taken)

    def _new_history(self, row: SheetMember, member_id: str) -> list[NewEvent]:
        assert row.admitted is not None
        joined = self.joined
        if joined is None or row.admitted >= joined:
            events = [NewEvent(member_id, EventKind.admitted, row.admitted)]
            if row.confirmed:
                events.append(NewEvent(member_id, EventKind.confirmed, row.confirmed))
            return events
        full = row.confirmed is not None and row.confirmed <= joined
        note = "Vào Đảng ngày " + row.admitted.strftime("%d/%m/%Y") + (
            ", chính thức ngày " + row.confirmed.strftime("%d/%m/%Y") if row.confirmed else "")
        events = [NewEvent(member_id, EventKind.transferred_in, joined,
                           Category.full if full else Category.probationary, note)]
        if row.confirmed and not full:
            events.append(NewEvent(member_id, EventKind.confirmed, row.confirmed))
        return events


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(getattr(value, "value", value))


# ------------------------------------------------------------------ writing


def new_member_block(new: NewRow) -> str:
    """One list item of members.yaml for an imported member, at column 0."""
    row = new.row
    history = "\n".join(line("    - " + event.line()) for event in new.history)
    block = render("member.yaml", id=yaml_id(new.id), name=yaml_str(row.name),
                   gender=row.gender or "", born=row.born.isoformat() if row.born else "",
                   card_number=yaml_str(row.card_number) if row.card_number else "",
                   citizen_id=yaml_str(row.citizen_id) if row.citizen_id else "",
                   title=yaml_str(row.title) if row.title else "", history=history)
    return block.rstrip("\n")


def apply(root: Path, plan: Plan) -> Path:
    """Write the plan to members.yaml at once; a file changed since the plan is left alone."""
    if plan.blocked:
        raise ChiboError(_("the list has errors; nothing was written"))
    path = root / MEMBERS_FILE
    old = path.read_bytes().decode("utf-8") if path.exists() else plan.base
    if old != plan.base:
        raise ChiboError(_("{file} changed while the import was waiting; nothing was written",
                           file=path), _("run the import again"))
    new = _edited(old, plan)
    write_members(path, verified(old, new, path, lambda data: _expected(data, plan, path)))
    return path


def _edited(text: str, plan: Plan) -> str:
    for member_id, changes in plan.changed.items():
        for change in changes:
            text = set_field(text, member_id, change.field, _scalar(change.field, change.new))
    for event in plan.events:
        text = append_event(text, event.member, event.line())
    for new in plan.added:
        text = append_member(text, new_member_block(new))
    return text


def _scalar(name: str, value: str) -> str:
    return value if name in ("born", "gender") else yaml_str(value)


def _expected(data: Data, plan: Plan, path: Path) -> None:
    for member_id, changes in plan.changed.items():
        item = member_data(data, member_id)
        for change in changes:
            item[change.field] = change.new
    for event in plan.events:
        member_data(data, event.member)["history"].append(event.data())
    members = data.get("members")
    if not isinstance(members, list):
        members = data["members"] = []
    for new in plan.added:
        members.append(member_data(parsed("members:\n" + indent(new_member_block(new), 2)
                                          + "\n", path), new.id))
