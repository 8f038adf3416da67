"""Load a cell folder, or a committee folder of cells, into records plus diagnostics."""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, Iterable, Optional, TypeVar

from pydantic import ValidationError

from ..base.diagnostics import Diagnostic, Location, Severity
from ..base.i18n import _
from .locate import BRANCH_FILE, COMMITTEE_FILE, WorkspaceError, locate
from .models import (
    Branch,
    Candidate,
    CandidateList,
    Committee,
    Located,
    Meeting,
    Member,
    Meta,
    Plan,
    Rating,
    Resolution,
)
from .rulebook import Rulebook, coerce_override, default_rulebook, validate_override
from .schema_errors import diagnostics_from, id_like, name_key
from .yamlio import PathKey, YamlDoc, read_yaml

__all__ = ["BRANCH_FILE", "COMMITTEE_FILE", "WorkspaceError"]

MEMBERS_FILE = "members.yaml"
CANDIDATES_FILE = "candidates.yaml"
YAML_SUFFIXES = (".yaml", ".yml")
# Meeting and resolution files are named after the meeting: its date, then lower-case words
# (2025-09-09-regular). A name with spaces or capitals is a copy ("… - Copy") or a note.
DATED_FOLDERS = ("meetings", "resolutions")
RECORD_NAME = re.compile(r"\d{4}-\d{2}-\d{2}(-[a-z0-9]+)*")

M = TypeVar("M", bound=Located)


@dataclass
class Cell:
    """One party cell: its records, the rules in force for it, and where each record came from."""

    root: Path
    branch: Optional[Branch] = None
    members: list[Member] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)
    resolutions: list[Resolution] = field(default_factory=list)
    plans: list[Plan] = field(default_factory=list)
    ratings: list[Rating] = field(default_factory=list)
    candidates: list[Candidate] = field(default_factory=list)
    # Meetings not held yet (see is_held) and their resolutions: kept apart, so that no check,
    # book or seal treats a meeting written ahead as one that took place.
    planned: list[Meeting] = field(default_factory=list)
    planned_resolutions: list[Resolution] = field(default_factory=list)
    rules: Rulebook = field(default_factory=default_rulebook)
    docs: dict[str, YamlDoc] = field(default_factory=dict)
    broken_ids: set[str] = field(default_factory=set)  # ids of records that failed to load
    # per folder ("meetings", "resolutions"), the ids of the files that failed to load: checks
    # that count those records stand down rather than report what the file may hold
    broken_files: dict[str, set[str]] = field(default_factory=dict)
    roster_unreadable: bool = False  # members.yaml missing or unreadable: member checks wait
    broken_members: int = 0  # entries of members.yaml that failed to load: counts would be short
    # Values derived from the records by later stages (attendance per meeting, names shared by two
    # members): the records do not change once loaded, so each is computed once per cell.
    derived: dict[str, Any] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return self.branch.name if self.branch else self.root.name

    @property
    def roster_complete(self) -> bool:
        """Every member of members.yaml loaded: attendance and vote counts can be trusted."""
        return not self.roster_unreadable and self.broken_members == 0

    def member(self, member_id: str) -> Optional[Member]:
        return self._members_by_id.get(member_id)

    def meeting(self, meeting_id: str) -> Optional[Meeting]:
        return self._meetings_by_id.get(meeting_id)

    def meeting_or_planned(self, meeting_id: str) -> Optional[Meeting]:
        """A meeting by id, held or planned (to render its agenda or draft its resolution)."""
        return self.meeting(meeting_id) or next(
            (m for m in self.planned if m.id == meeting_id), None)

    def resolution_or_planned(self, resolution_id: str) -> Optional[Resolution]:
        """A resolution by id, also the draft of a planned meeting (sent out before it)."""
        return self.resolution(resolution_id) or next(
            (r for r in self.planned_resolutions if r.id == resolution_id), None)

    def resolution(self, resolution_id: str) -> Optional[Resolution]:
        return self._resolutions_by_id.get(resolution_id)

    # Checks look records up by id thousands of times per cell; scanning the lists each time made
    # validating a five-year ward quadratic. The lists are complete once load_cell returns.

    @cached_property
    def _members_by_id(self) -> dict[str, Member]:
        return _first_by_id(self.members)

    @cached_property
    def _meetings_by_id(self) -> dict[str, Meeting]:
        return _first_by_id(self.meetings)

    @cached_property
    def _resolutions_by_id(self) -> dict[str, Resolution]:
        return _first_by_id(self.resolutions)

    def locate(self, record: Located, *path: str | int) -> Location:
        """Where ``record`` (or one of its fields, by ``path``) is written."""
        if not record.meta.file:
            return Location(str(self.root))
        return record.locate(*path)

    def file_of(self, record: Located) -> str:
        """The file ``record`` was read from ("" for records built in memory)."""
        return record.meta.file


R = TypeVar("R", Member, Meeting, Resolution)


def _first_by_id(records: list[R]) -> dict[str, R]:
    index: dict[str, R] = {}
    for record in records:
        index.setdefault(record.id, record)
    return index


@dataclass
class Workspace:
    root: Path
    cells: list[Cell]
    committee: Optional[Committee] = None
    diagnostics: list[Diagnostic] = field(default_factory=list)


# ------------------------------------------------------------------ discovery


def load_workspace(path: Path | str) -> Workspace:
    """Load a cell folder or a committee folder; raise WorkspaceError if it is neither.

    A cell folder inside a committee folder is loaded with the committee's rules, as it is when
    the whole committee is loaded: the rules in force for a cell do not depend on the path given.
    """
    place = locate(Path(path))
    root = place.root
    workspace = Workspace(root, [])
    base_rules = load_committee(workspace, root if place.is_committee else enclosing_folder(root))
    for cell_root in place.cells:
        cell = load_cell(cell_root, base_rules, workspace.diagnostics)
        workspace.cells.append(cell)
    return workspace


def enclosing_folder(cell_root: Path) -> Path:
    """The folder holding ``cell_root``, written so that messages read as the user typed it
    ('.' → '..', 'to-5' → '.')."""
    return Path(os.path.normpath(cell_root / ".."))


def load_committee(workspace: Workspace, folder: Optional[Path] = None) -> Rulebook:
    """Read committee.yaml in ``folder`` (the workspace's root by default), if there is one, into
    ``workspace``; return the rules its cells start from."""
    rules = default_rulebook()
    path = (workspace.root if folder is None else folder) / COMMITTEE_FILE
    if not path.is_file():
        return rules
    doc = read_yaml(path)
    workspace.diagnostics.extend(doc.diagnostics)
    committee = _validate(Committee, doc, (), workspace.diagnostics)
    if committee is None:
        return rules
    committee.located_at(Meta(doc.file, (), doc))
    workspace.committee = committee
    return _apply_rules(rules, committee.rules, doc, workspace.diagnostics)


# ------------------------------------------------------------------ one cell


def load_cell(root: Path, rules: Rulebook | None = None,
              sink: list[Diagnostic] | None = None) -> Cell:
    """Load every record of the cell at ``root``; problems go to ``sink``."""
    diags: list[Diagnostic] = sink if sink is not None else []
    cell = Cell(root, rules=rules or default_rulebook())
    branch_doc = _read(cell, root / BRANCH_FILE, diags)
    cell.branch = _validate(Branch, branch_doc, (), diags)
    if cell.branch is not None:
        cell.branch.located_at(Meta(branch_doc.file, (), branch_doc))
        cell.rules = _apply_rules(cell.rules, cell.branch.rules, branch_doc, diags)
    _load_members(cell, diags)
    meetings = _load_folder(cell, "meetings", Meeting, diags)
    meetings.sort(key=lambda m: (m.date, m.start, m.id))
    _set_apart_planned(cell, meetings, _load_folder(cell, "resolutions", Resolution, diags))
    cell.plans = _load_folder(cell, "plans", Plan, diags)
    cell.ratings = _load_folder(cell, "ratings", Rating, diags)
    _load_candidates(cell, diags)
    return cell


def _set_apart_planned(cell: Cell, meetings: list[Meeting],
                       resolutions: list[Resolution]) -> None:
    """Held meetings and their resolutions go where checks, books and seals look; meetings not
    held yet (and resolutions naming them) wait in ``planned``."""
    day = today()
    cell.meetings = [m for m in meetings if is_held(m, day)]
    cell.planned = [m for m in meetings if not is_held(m, day)]
    planned_ids = {m.id for m in cell.planned}
    cell.resolutions = [r for r in resolutions if r.meeting not in planned_ids]
    cell.planned_resolutions = [r for r in resolutions if r.meeting in planned_ids]


def _load_candidates(cell: Cell, diags: list[Diagnostic]) -> None:
    """candidates.yaml is optional: a cell that develops no members has none."""
    path = cell.root / CANDIDATES_FILE
    if not path.is_file():
        return
    doc = _read(cell, path, diags)
    found = _validate(CandidateList, doc, (), diags)
    if found is None:
        return
    for index, candidate in enumerate(found.candidates):
        candidate.located_at(Meta(doc.file, ("candidates", index), doc))
    found.located_at(Meta(doc.file, (), doc))
    cell.candidates = found.candidates


def _read(cell: Cell, path: Path, diags: list[Diagnostic]) -> YamlDoc:
    if not path.is_file():
        doc = YamlDoc(str(path))
        doc.diagnostics.append(Diagnostic("Y009", Severity.ERROR,
                                          _("missing file {name}", name=path.name),
                                          Location(str(path)), missing_hint(path)))
    else:
        doc = read_yaml(path)
    cell.docs[doc.file] = doc
    diags.extend(doc.diagnostics)
    return doc


def missing_hint(path: Path) -> str:
    """What to do about a missing cell file: 'chibo init' refuses a folder that has branch.yaml,
    so a lost members.yaml is restored, or started again by adding the members one by one."""
    if path.name == MEMBERS_FILE:
        return _("restore it from a backup, or start it again with 'chibo member add {cell} "
                 "--name … --gender … --born … --admitted …' for each member", cell=path.parent)
    return _("run 'chibo init' to create it")


def _validate(model: type[M], doc: YamlDoc, base: PathKey,
              diags: list[Diagnostic], names: Optional[dict[str, str]] = None) -> Optional[M]:
    if not doc.ok:
        return None
    data: Any = doc.data
    for part in base:
        data = data[part]
    if not isinstance(data, dict):
        diags.append(Diagnostic("S004", Severity.ERROR,
                                _("expected fields (key: value), found {kind}",
                                  kind=_kind(data)), doc.location(base)))
        return None
    try:
        return model.model_validate(data)
    except ValidationError as error:
        diags.extend(diagnostics_from(error, model, doc, base, names))
        return None


def _kind(data: Any) -> str:
    if isinstance(data, list):
        return _("a list")
    return _("plain text") if data is not None else _("nothing")


def _load_members(cell: Cell, diags: list[Diagnostic]) -> None:
    doc = _read(cell, cell.root / MEMBERS_FILE, diags)
    if not doc.ok:
        cell.roster_unreadable = True  # one error for the file, not one per member it names
        return
    data = doc.data
    items = data.get("members") if isinstance(data, dict) else None
    extra = sorted(set(data) - {"members"}) if isinstance(data, dict) else []
    if not isinstance(items, list) or extra:
        problem = _("unknown field '{field}'", field=extra[0]) if extra else _(
            "members.yaml must hold a list under 'members:'")
        diags.append(Diagnostic("S004", Severity.ERROR, problem, doc.location(("members",))))
        if not isinstance(items, list):
            cell.roster_unreadable = True
            return
    seen: dict[str, Member] = {}
    for index, item in enumerate(items):
        member = _validate(Member, doc, ("members", index), diags)
        if member is None:
            cell.broken_members += 1
            _remember_broken_id(cell, item)
            continue
        member.located_at(Meta(doc.file, ("members", index), doc))
        if member.id in seen:
            continue  # the first one wins; check V004 (duplicate-id) reports the others
        seen[member.id] = member
        cell.members.append(member)


def _remember_broken_id(cell: Cell, item: Any) -> None:
    """The id of a member entry that failed to load, also as it was surely meant (an id written
    'tran_van_thang' is 'tran-van-thang' in every meeting): references to it are not errors."""
    if isinstance(item, dict) and isinstance(item.get("id"), str):
        cell.broken_ids.update({item["id"], id_like(item["id"])})


def _load_folder(cell: Cell, folder: str, model: type[M], diags: list[Diagnostic]) -> list[M]:
    records: list[M] = []
    names = {name_key(m.name): m.id for m in cell.members}
    for path in _yaml_files(cell.root / folder):
        if folder in DATED_FOLDERS and not RECORD_NAME.fullmatch(path.stem):
            diags.append(_misnamed(path))  # a stray copy must not count as a second meeting
            continue
        doc = _read(cell, path, diags)
        record = _validate(model, doc, (), diags, names)
        if record is None:
            cell.broken_ids.add(path.stem)
            cell.broken_files.setdefault(folder, set()).add(path.stem)
            continue
        record.located_at(Meta(doc.file, (), doc))
        records.append(record)
    return records


def _misnamed(path: Path) -> Diagnostic:
    example = "2025-09-09-regular.yaml"
    return Diagnostic("Y010", Severity.ERROR,
                      _("'{name}' is not named like a record ('{example}'), so it is not read",
                        name=path.name, example=example),
                      Location(str(path)),
                      _("rename it to the meeting's date and kind, or start its name with '_' "
                        "to keep it as a note (files starting with '_' are not read)"))


def _yaml_files(folder: Path) -> Iterable[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir()
                  if p.suffix in YAML_SUFFIXES and not p.name.startswith((".", "_"))
                  and p.is_file())


def _apply_rules(rules: Rulebook, overrides: dict[str, Any], doc: YamlDoc,
                 diags: list[Diagnostic]) -> Rulebook:
    valid: dict[str, Any] = {}
    for key, value in overrides.items():
        rule = rules.rules.get(key)
        where = doc.location(("rules", key))
        if rule is None:
            diags.append(Diagnostic("R001", Severity.ERROR, _("unknown rule '{key}'", key=key),
                                    where, _("'chibo rules' lists every rule")))
            continue
        problem = validate_override(rule, value)
        if problem:
            diags.append(Diagnostic("R001", Severity.ERROR, problem, where))
            continue
        valid[key] = coerce_override(rule, value)
    updated, _unknown = rules.overridden(valid, doc.file)
    return updated


def today() -> dt.date:
    """Today's date: the one place chibo asks the clock (tests fix it here)."""
    return dt.date.today()


def is_held(meeting: Meeting, day: dt.date) -> bool:
    """A meeting has been held by ``day`` when its date has passed, or it is ``day`` and its end
    time is written. A meeting dated later, even with an end time, is planned."""
    return meeting.date < day or (meeting.date == day and meeting.end is not None)
