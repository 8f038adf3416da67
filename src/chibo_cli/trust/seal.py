"""The digital stamp across pages: a hash chain over agreed meetings and adopted resolutions.

``<cell>/seal.log`` holds one JSON object per line. Each entry records the SHA-256 of one record
file's bytes and the hash of the entry before it, so changing a sealed record, or editing,
reordering or deleting a line of the log, shows. It is not a signature: see docs/seal.md.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import weakref
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Optional, Union

from ..base.atomic import write_bytes_atomic
from ..base.diagnostics import Diagnostic, Location, Severity
from ..base.errors import ChiboError
from ..base.i18n import _
from ..records.loader import Cell
from ..records.locate import parse_reference
from ..records.models import Meeting, Resolution, ResolutionStatus

LOG_NAME = "seal.log"
GENESIS = "0" * 64
SHORT = 10
_FIELDS = {"seq": int, "kind": str, "id": str, "file": str, "sha256": str, "prev": str,
           "hash": str, "sealed": str}

Sealable = Union[Meeting, Resolution]


@dataclass(frozen=True)
class Entry:
    """One line of the seal log."""

    line: int
    data: dict[str, Any]

    @property
    def key(self) -> tuple[str, str]:
        return str(self.data["kind"]), str(self.data["id"])

    @property
    def hash(self) -> str:
        return str(self.data["hash"])


@dataclass
class Verification:
    log: Path
    entries: list[Entry] = field(default_factory=list)
    problems: list[Diagnostic] = field(default_factory=list)
    trusted: int = 0  # entries[:trusted] form an unbroken chain

    @property
    def head(self) -> Optional[Entry]:
        return self.entries[self.trusted - 1] if self.trusted else None


# ------------------------------------------------------------------ hashing


def _problem(result: Verification, code: str, line: int, message: str, hint: str = ""
             ) -> Diagnostic:
    """Something wrong with the log or a sealed record, at a line of the log."""
    return Diagnostic(code, Severity.ERROR, message, Location(str(result.log), line, 1), hint)


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def record_digest(cell: Cell, path: Path) -> str:
    """The SHA-256 of a record file as the loader read it (what was checked), else from disk."""
    doc = cell.docs.get(str(path))
    return doc.sha256 if doc is not None and doc.sha256 else file_digest(path)


def entry_hash(data: dict[str, Any]) -> str:
    """SHA-256 of the entry's canonical JSON, without its own ``hash``."""
    body = {k: v for k, v in data.items() if k != "hash"}
    text = json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# ------------------------------------------------------------------ reading and verifying


def log_path(cell: Cell) -> Path:
    return cell.root / LOG_NAME


def verify(cell: Cell) -> Verification:
    """Read the log, walk the chain and compare every sealed record with its file.

    The five seal checks and each document of a cell all ask; while the log's bytes are the same,
    the cell's last verification is the answer (record digests come from the loaded cell).
    """
    log = log_path(cell)
    try:
        raw: Optional[bytes] = log.read_bytes() if log.is_file() else None
    except OSError:
        raw = None
    memo = _last.get("verified")
    if memo is not None and memo[0]() is cell and memo[1] == raw and raw is not None:
        return memo[2]
    result = _verify(cell, log)
    _last["verified"] = (weakref.ref(cell), raw, result)
    return result


# the latest (cell, log bytes, verification): one cell is checked or rendered at a time
_last: dict[str, tuple["weakref.ref[Cell]", Optional[bytes], Verification]] = {}


def _verify(cell: Cell, log: Path) -> Verification:
    result = Verification(log)
    if not result.log.is_file():
        return result
    _read_entries(result)
    _walk_chain(result)
    _compare_records(cell, result)
    _check_gaps(cell, result)
    return result


def _read_entries(result: Verification) -> None:
    try:
        raw = result.log.read_bytes()
    except OSError as exc:
        result.problems.append(_problem(result, "V070", 1, _("cannot read the seal log: {error}",
                                                    error=exc.strerror or exc)))
        return
    for number, line in enumerate(raw.split(b"\n"), start=1):
        if not line.strip():
            continue
        data, problem = _parse_line(line)
        if problem:
            result.problems.append(_problem(result, "V070", number, problem, _(
                "the seal log is written by 'chibo seal' only; restore it from a backup")))
            result.entries.append(Entry(number, {}))
            continue
        result.entries.append(Entry(number, data))


def _parse_line(line: bytes) -> tuple[dict[str, Any], str]:
    try:
        data = json.loads(line.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return {}, _("seal log line is not a JSON entry (edited or cut short?)")
    if not isinstance(data, dict):
        return {}, _("seal log line is not a JSON entry (edited or cut short?)")
    for name, kind in _FIELDS.items():
        if not isinstance(data.get(name), kind) or isinstance(data.get(name), bool):
            return {}, _("seal log entry lacks a valid '{field}'", field=name)
    return data, ""


def _walk_chain(result: Verification) -> None:
    prev, seq = GENESIS, 1
    for index, entry in enumerate(result.entries):
        problem = _chain_problem(entry, prev, seq) if entry.data else "unreadable"
        if problem:
            if problem != "unreadable":
                result.problems.append(_problem(result, "V071", entry.line, problem, _(
                    "the log was edited, reordered or had lines removed; restore it from a "
                    "backup and compare with the short seals printed in the books")))
            return
        result.trusted = index + 1
        prev, seq = entry.hash, seq + 1


def _chain_problem(entry: Entry, prev: str, seq: int) -> str:
    data = entry.data
    if entry_hash(data) != data["hash"]:
        return _("seal entry #{seq} was edited: its hash does not match its content",
                 seq=data["seq"])
    if data["seq"] != seq:
        return _("seal chain broken: entry #{got} where #{want} was expected (lines removed or "
                 "reordered)", got=data["seq"], want=seq)
    if data["prev"] != prev:
        return _("seal chain broken: entry #{seq} does not follow the entry before it",
                 seq=data["seq"])
    return ""


def _compare_records(cell: Cell, result: Verification) -> None:
    latest: dict[tuple[str, str], Entry] = {}
    for entry in result.entries:
        if entry.data:
            latest[entry.key] = entry
    for entry in sorted(latest.values(), key=lambda e: e.line):
        path = cell.root / str(entry.data["file"])
        kind = kind_name(entry.data["kind"])
        if not _inside(cell.root, path) or not path.is_file():
            result.problems.append(_problem(result, "V073", entry.line, _(
                "sealed {kind} '{id}' is gone: {file} no longer exists", kind=kind,
                id=entry.data["id"], file=entry.data["file"]), _(
                "a sealed record is never deleted or renamed; restore the file")))
            continue
        if record_digest(cell, path) != entry.data["sha256"]:
            result.problems.append(_problem(result, "V072", entry.line, _(
                "sealed {kind} '{id}' was changed after sealing: {file}", kind=kind,
                id=entry.data["id"], file=entry.data["file"]), _(
                "restore the agreed text; a real correction is sealed with "
                "'chibo seal --amend {kind}:{id} --reason \"…\"'", kind=entry.data["kind"],
                id=entry.data["id"])))


def _check_gaps(cell: Cell, result: Verification) -> None:
    """An agreed record older than the newest sealed one but not sealed: a cut log, or late."""
    sealed = {e.key for e in result.entries if e.data}
    dates = [_record_date(cell, r) for r in _eligible(cell) if _key(r) in sealed]
    newest = max((d for d in dates if d is not None), default=None)
    if newest is None:
        return
    last_line = result.entries[-1].line if result.entries else 1
    for record in _eligible(cell):
        day = _record_date(cell, record)
        if _key(record) not in sealed and day is not None and day < newest:
            result.problems.append(_problem(result, "V074", last_line, _(
                "{kind} '{id}' of {date} is agreed but not sealed, though later records are",
                kind=kind_name(_key(record)[0]), id=record.id, date=day), _(
                "if the end of the log was cut off, restore it; if the record was entered late, "
                "run 'chibo seal'")))


def _inside(root: Path, path: Path) -> bool:
    try:
        path.resolve().relative_to(root.resolve())
    except ValueError:
        return False
    return True


# ------------------------------------------------------------------ what gets sealed


def _eligible(cell: Cell) -> list[Sealable]:
    records: list[Sealable] = [m for m in cell.meetings if m.read_back]
    records += [r for r in cell.resolutions if r.status is ResolutionStatus.adopted]
    return records


def kind_name(kind: str) -> str:
    """A record kind as messages name it: the English word, or its translation (the log and
    ``--amend meeting:ID`` keep the English word)."""
    return {"meeting": _("meeting"), "resolution": _("resolution")}.get(kind, kind)


def _key(record: Sealable) -> tuple[str, str]:
    return ("meeting" if isinstance(record, Meeting) else "resolution"), record.id


def _record_date(cell: Cell, record: Sealable) -> Optional[dt.date]:
    if isinstance(record, Meeting):
        return record.date
    if record.date is not None:
        return record.date
    meeting = cell.meeting(record.meeting)
    return meeting.date if meeting else None


def _relative(cell: Cell, record: Sealable) -> str:
    file = Path(record.meta.file)
    try:
        rel = file.resolve().relative_to(cell.root.resolve())
    except ValueError:
        rel = Path(os.path.relpath(file, cell.root))
    return rel.as_posix()


def pending(cell: Cell, verification: Verification) -> list[Sealable]:
    """Agreed meetings and adopted resolutions not sealed yet, oldest first."""
    sealed = {e.key for e in verification.entries if e.data}
    todo = [r for r in _eligible(cell) if _key(r) not in sealed]
    return sorted(todo, key=lambda r: (_record_date(cell, r) or dt.date.min,
                                       _key(r)[0] != "meeting", r.id))


# ------------------------------------------------------------------ sealing


@dataclass(frozen=True)
class Skipped:
    """A record left unsealed: why, and the errors that keep it out."""

    kind: str
    id: str
    reason: str
    errors: tuple[Diagnostic, ...] = ()


@dataclass
class SealResult:
    log: Path
    added: list[dict[str, Any]]
    head: Optional[dict[str, Any]]
    skipped: list[Skipped] = field(default_factory=list)


Why = Optional[tuple[str, tuple[Diagnostic, ...]]]


def _never(record: Sealable) -> Why:
    return None


def seal_cell(cell: Cell, today: dt.date, amend: Optional[str] = None,
              reason: str = "", held: Callable[[Sealable], Why] = _never) -> SealResult:
    """Append an entry for every record not sealed yet (or re-seal ``amend`` with a reason).

    Sealing says "agreed and final": a record that ``held`` says is held back by errors (the
    policy is rules/gate.py, shared with rendering) is left out and listed in ``skipped``.
    """
    verification = verify(cell)
    target = _find_amended(cell, verification, amend) if amend else None
    blocking = [p for p in verification.problems if p.code != "V074" and
                not (target and _amends(verification, p, _key(target)))]
    if blocking:
        first = blocking[0]
        raise ChiboError(_("{log}:{line}: {problem}", log=verification.log,
                           line=first.location.line,
                           problem=first.message),
                         _("nothing was sealed; 'chibo validate' lists every problem"))
    candidates = [target] if target else pending(cell, verification)
    records = [r for r in candidates if held(r) is None]
    skipped = [Skipped(*_key(r), *why) for r in candidates if (why := held(r)) is not None]
    head = verification.head.data if verification.head else None
    added: list[dict[str, Any]] = []
    for record in records:
        head = _new_entry(cell, record, head, today, verification, reason if amend else "")
        added.append(head)
    if added:
        _append(verification.log, added)
    return SealResult(verification.log, added, head, skipped)


def _amends(verification: Verification, problem: Diagnostic, key: tuple[str, str]) -> bool:
    """A changed-record problem about the very record being amended does not block amending."""
    entry = next((e for e in verification.entries if e.line == problem.location.line), None)
    return problem.code == "V072" and entry is not None and entry.key == key


def _find_amended(cell: Cell, verification: Verification, reference: str) -> Sealable:
    """The changed sealed record that ``reference`` names: an id, ``meeting:ID``,
    ``resolution:ID`` or the record's file. A meeting and its resolution often share an id."""
    kind, record_id, _file = parse_reference(reference)
    latest = {e.key: e for e in verification.entries if e.data}
    sealed = [r for r in _eligible(cell) if r.id == record_id and _key(r) in latest
              and kind in ("", _key(r)[0])]
    if not sealed:
        raise ChiboError(_("'{id}' is not a sealed record of this cell", id=reference),
                         _("only a sealed meeting or resolution can be amended"))
    changed = [r for r in sealed
               if record_digest(cell, cell.root / _relative(cell, r))
               != latest[_key(r)].data["sha256"]]
    if not changed:
        raise ChiboError(_("'{id}' still matches its seal; there is nothing to amend",
                           id=reference))
    if len(changed) > 1:
        raise ChiboError(_("both the meeting and the resolution '{id}' changed; say which",
                           id=record_id),
                         _("--amend meeting:{id} or --amend resolution:{id}", id=record_id))
    return changed[0]


def _new_entry(cell: Cell, record: Sealable, head: Optional[dict[str, Any]], today: dt.date,
               verification: Verification, reason: str) -> dict[str, Any]:
    kind, record_id = _key(record)
    rel = _relative(cell, record)
    data: dict[str, Any] = {
        "seq": (head["seq"] + 1) if head else 1, "kind": kind, "id": record_id, "file": rel,
        "sha256": record_digest(cell, cell.root / rel), "prev": head["hash"] if head else GENESIS,
        "sealed": today.isoformat(),
    }
    if reason:
        earlier = [e.data["seq"] for e in verification.entries if e.data and e.key == (kind,
                                                                                        record_id)]
        data["amends"], data["reason"] = earlier[-1], reason
    data["hash"] = entry_hash(data)
    return data


def _append(log: Path, entries: list[dict[str, Any]]) -> None:
    old = log.read_bytes() if log.is_file() else b""
    if old and not old.endswith(b"\n"):
        old += b"\n"
    new = "".join(json.dumps(e, ensure_ascii=False, sort_keys=True) + "\n" for e in entries)
    write_bytes_atomic(log, old + new.encode("utf-8"), overwrite=True)


# ------------------------------------------------------------------ for the books


def short_seals(cell: Cell) -> dict[tuple[str, str], str]:
    """(kind, id) → short seal (first hex digits of its entry hash), for intact sealed records.
    Keyed by kind too: a meeting and its resolution usually share their id.

    A record whose file changed since sealing, or whose entry lies past a break in the chain,
    gets no seal: a book must not print a stamp over text that is not the stamped text.
    """
    verification = verify(cell)
    changed = {p.location.line for p in verification.problems if p.code in ("V072", "V073")}
    seals: dict[tuple[str, str], str] = {}
    for entry in verification.entries[:verification.trusted]:
        if entry.line not in changed:
            seals[entry.key] = entry.hash[:SHORT]
    for entry in verification.entries[:verification.trusted]:
        if entry.line in changed:
            seals.pop(entry.key, None)
    return seals
