"""One meeting file being recorded: open or create it, save changes, check it as validate does.

The form (``form.app``) only shows and edits; this module holds the file. Saving splices the
changed values into the file's text (``yamledit``) and writes it atomically; the live check loads
the cell from disk and runs the registry's checks, exactly as ``chibo validate`` would.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

from ..authoring.files import cell_root
from ..authoring.meetings import new_meeting, parse_kind
from ..base.atomic import write_text_atomic
from ..base.diagnostics import Diagnostic, file_key
from ..base.errors import ChiboError
from ..base.i18n import _
from ..records.keywords import english
from ..records.loader import Cell, WorkspaceError, load_workspace
from ..records.models import Meeting, MeetingKind, Member
from ..records.yamlio import Plain, YamlDoc, parse_yaml_text
from ..rules.checks import registry, selected
from ..rules.checks.votes import Verdict, admission_verdict, majority_verdict
from ..rules.roster import standing
from ..rules.run import each_cell, open_folder
from ..trust.seal import short_seals
from .yamledit import splice

# The meeting's fields in the format's order: a key the file lacks is written in its place.
ORDER = list(Meeting.model_fields)
_MEETING_ID = re.compile(r"^(\d{4}-\d{2}-\d{2})-([a-z]+)$")


@dataclass
class People:
    """Who the form offers on the meeting's date, each as (id, name), in members.yaml order."""

    required: list[tuple[str, str]] = field(default_factory=list)  # must attend
    excused: list[tuple[str, str, str]] = field(default_factory=list)  # (id, name, why not)
    everyone: list[tuple[str, str]] = field(default_factory=list)  # every member of the file


@dataclass
class Check:
    """The live check: findings in this meeting's file by top-level field, and the verdicts."""

    by_field: dict[str, list[Diagnostic]] = field(default_factory=dict)
    elsewhere: list[Diagnostic] = field(default_factory=list)  # other files of the cell
    vote: Optional[Verdict] = None
    member_votes: list[Optional[Verdict]] = field(default_factory=list)

    def all_here(self) -> list[Diagnostic]:
        return [d for found in self.by_field.values() for d in found]


class Session:
    """The meeting file at ``path`` in the cell at ``root``."""

    def __init__(self, root: Path, path: Path) -> None:
        self.root, self.path = root, path
        self.text = path.read_text("utf-8")
        self.data = _mapping(self.text, path)
        cell = _load(root)
        self.meeting_id = path.stem
        self.sealed = ("meeting", self.meeting_id) in short_seals(cell)
        self.people = people_on(cell, self.date)
        self.review_titles = {ref: task_title(cell, ref) for ref in self.review_refs()}

    @property
    def date(self) -> dt.date:
        try:
            return dt.date.fromisoformat(str(self.data.get("date")))
        except ValueError:
            raise ChiboError(_("{path}: 'date' is not a date", path=self.path),
                             _("write dates as YYYY-MM-DD, e.g. 2025-08-05")) from None

    @property
    def kind(self) -> str:
        """``regular``, ``thematic``…, also when the file says it in Vietnamese."""
        return english("MeetingKind", str(self.data.get("kind") or "regular"))

    def review_refs(self) -> list[str]:
        items = self.data.get("review")
        return [str(r.get("task")) for r in items if isinstance(r, dict)] \
            if isinstance(items, list) else []

    def save(self, values: dict[str, Plain]) -> bool:
        """Write ``values`` into the file; False when nothing changed. The file must still be
        what was read: an edit made meanwhile in another editor is not overwritten."""
        if self.sealed:
            raise ChiboError(_("{path} is sealed; the form does not change it", path=self.path))
        text = splice(self.text, values, ORDER)
        if text == self.text:
            return False
        if self.path.read_text("utf-8") != self.text:
            raise ChiboError(_("{path} was changed outside the form; not overwritten",
                               path=self.path),
                             _("close the form and open it again to see the changes"))
        write_text_atomic(self.path, text, overwrite=True)
        self.text, self.data = text, _mapping(text, self.path)
        return True

    def check(self) -> Check:
        """``chibo validate`` on the cell as it is on disk (its own loop, rules/run.py), sorted
        out for this meeting."""
        try:
            folder = open_folder(self.root)
        except WorkspaceError as exc:
            raise ChiboError(str(exc)) from None
        checked = next(each_cell(folder, selected(registry(), None, False), records=True))
        diagnostics = sorted(folder.findings + checked.findings, key=Diagnostic.sort_key)
        cell = checked.cell
        assert cell is not None  # asked for with records=True
        return sort_findings(diagnostics, self.path, self.text, cell.meeting(self.meeting_id),
                             cell)


def sort_findings(diagnostics: list[Diagnostic], path: Path, text: str,
                  meeting: Optional[Meeting], cell: Cell) -> Check:
    """Each finding of ``path`` under the top-level field whose lines hold it."""
    result = Check()
    starts = sorted((mark[0], key[0]) for key, mark in _marks(text, path).items()
                    if len(key) == 1 and isinstance(key[0], str))
    here = file_key(str(path))
    for diag in diagnostics:
        if file_key(diag.location.file) != here:
            result.elsewhere.append(diag)
            continue
        fields = [name for line, name in starts if line <= diag.location.line]
        result.by_field.setdefault(fields[-1] if fields else "", []).append(diag)
    if meeting is not None and cell.roster_complete:
        result.vote = majority_verdict(cell, meeting, meeting.vote) if meeting.vote else None
        result.member_votes = [admission_verdict(cell, meeting, v)
                               if v.subject.value != "exemption" else None
                               for v in meeting.member_votes]
    return result


def _marks(text: str, path: Path) -> dict[Any, tuple[int, int]]:
    return parse_yaml_text(text, YamlDoc(str(path))).marks


def people_on(cell: Cell, day: dt.date) -> People:
    found = People()
    for member in cell.members:
        state = standing(member, day)
        if state.in_cell or state.attached:
            found.everyone.append((member.id, member.name))
        if state.required or (state.attached and not state.in_cell):
            found.required.append((member.id, member.name))
        elif state.in_cell:
            found.excused.append((member.id, member.name, _why_not_required(member, day)))
    return found


def _why_not_required(member: Member, day: dt.date) -> str:
    state = standing(member, day)
    if state.exempted:
        return _("exempted")
    if state.away:
        return _("away")
    return _("suspended")


def task_title(cell: Cell, ref: str) -> str:
    """``2025-07-08-regular#2`` → the task's text, for the review list."""
    meeting_id, _sep, number = ref.partition("#")
    meeting = cell.meeting(meeting_id)
    index = int(number) - 1 if number.isdigit() else -1
    if meeting is None or not 0 <= index < len(meeting.tasks):
        return ""
    return meeting.tasks[index].what


# ------------------------------------------------------------------ opening


def open_meeting(reference: Optional[str], cell_dir: Optional[Path],
                 today: dt.date) -> tuple[Session, bool]:
    """The session for a meeting named by file or id (today's regular meeting when none);
    a meeting named ``<date>-<kind>`` that has no file yet is created as new-meeting does.
    Returns the session and whether the file was created now."""
    root, meeting_id = _resolve(reference, cell_dir, today)
    path = root / "meetings" / f"{meeting_id}.yaml"
    created = False
    if not path.is_file():
        named = _MEETING_ID.match(meeting_id)
        if named is None:
            raise ChiboError(_("unknown meeting '{id}'", id=meeting_id),
                             _("name a meeting file, or an id such as {example}",
                               example=f"{today.isoformat()}-regular"))
        day = _parse_day(named.group(1))
        new_meeting(root, parse_kind(named.group(2)), day)
        created = True
    return Session(root, path), created


def _resolve(reference: Optional[str], cell_dir: Optional[Path],
             today: dt.date) -> tuple[Path, str]:
    if reference is None:
        return cell_root(cell_dir or Path(".")), f"{today.isoformat()}-{MeetingKind.regular.value}"
    if reference.endswith((".yaml", ".yml")) or "/" in reference:
        file = Path(reference)
        folder = file.parent
        guess = folder.parent if folder.name == "meetings" else folder
        return cell_root(cell_dir or guess), file.stem
    return cell_root(cell_dir or Path(".")), reference


def _parse_day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ChiboError(_("'{value}' is not a date", value=text)) from None


def _load(root: Path) -> Cell:
    try:
        return load_workspace(root).cells[0]
    except WorkspaceError as exc:
        raise ChiboError(str(exc)) from None


def _mapping(text: str, path: Path) -> dict[str, Plain]:
    doc = parse_yaml_text(text, YamlDoc(str(path)))
    if not doc.ok or not isinstance(doc.data, dict):
        first = doc.diagnostics[0] if doc.diagnostics else None
        raise ChiboError(_("{path} cannot be read: {problem}", path=path,
                           problem=first.message if first else _("not a meeting")),
                         _("run 'chibo validate' to see what is wrong, mend it, then open it "
                           "again"))
    return doc.data
