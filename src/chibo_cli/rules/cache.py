"""Findings of cells that have not changed, kept in ``<cell>/.chibo/cache/findings.json``.

A committee office re-checks 77 cells after one secretary's edit: the 76 unchanged cells need not
be read into records again. A cell's entry is keyed by the SHA-256 of every YAML file under the
cell and of its seal.log (by content, never by date: a copied or restored file has new dates),
of the committee's committee.yaml, and of the run (chibo's own source, the rulebook, the language
of the messages, the checks selected, today's date: planned meetings). Any other key, or an entry
that does not read back as
findings, counts as no entry at all: the cell is loaded and checked, and the entry rewritten.

The cache is a convenience: a folder that cannot be written still validates, silently uncached.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any, Iterable, Iterator, Optional

from .. import __file__ as _package_init
from ..base.atomic import write_bytes_atomic
from ..base.diagnostics import Diagnostic, Location, Severity
from ..base.errors import ChiboError

FOLDER = Path(".chibo") / "cache"
NAME = "findings.json"
FORMAT = 1
_READ = (".yaml", ".yml")
_ALSO = ("seal.log",)
_SKIPPED_FOLDERS = ("out",)  # rendered documents; dot folders (.chibo, .git) are skipped too
_PACKAGE = Path(_package_init).parent
_DEPTH = 3  # the loader reads <cell>/*.yaml and <cell>/<folder>/*.yaml; a folder link loop stops


def run_key(*parts: str) -> str:
    """The part of every cell's key that belongs to the run: chibo's source and ``parts``."""
    digest = hashlib.sha256(b"chibo-findings-1\0")
    for path in sorted(_PACKAGE.rglob("*")):
        if path.suffix in (".py", ".yaml") and path.is_file():
            digest.update(path.relative_to(_PACKAGE).as_posix().encode("utf-8") + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    for part in parts:
        digest.update(part.encode("utf-8", "surrogateescape") + b"\0")
    return digest.hexdigest()


def file_digest(path: Path) -> str:
    """The SHA-256 of a file's bytes ("" when it does not exist)."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except FileNotFoundError:
        return ""


def cell_key(root: Path, run: str) -> Optional[str]:
    """The key of the cell at ``root`` for a run; None when a file cannot be read (the loader
    then reports it, and nothing is cached)."""
    digest = hashlib.sha256(run.encode("ascii"))
    try:
        for relative, path in _inputs(root, "", _DEPTH):
            digest.update(relative.encode("utf-8", "surrogateescape") + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    except OSError:
        return None
    return digest.hexdigest()


def _inputs(folder: Path, prefix: str, depth: int) -> Iterator[tuple[str, Path]]:
    """Every file that can change a finding, in a fixed order: YAML files (folders followed as
    the loader follows them, a few levels deep), the seal log; not rendered documents, not dot
    folders (the cache itself, .git)."""
    with os.scandir(folder) as entries:
        found = sorted(entries, key=lambda e: e.name)
    for entry in found:
        relative = prefix + entry.name
        if entry.is_dir():
            if depth > 1 and not entry.name.startswith(".") and not (
                    not prefix and entry.name in _SKIPPED_FOLDERS):
                yield from _inputs(Path(entry.path), relative + "/", depth - 1)
        elif entry.name.endswith(_READ) or (not prefix and entry.name in _ALSO):
            yield relative, Path(entry.path)


# ------------------------------------------------------------------ reading and writing


def load(root: Path, key: str) -> Optional[list[Diagnostic]]:
    """The findings stored for ``key``; None when there are none, or they are not to be trusted."""
    try:
        data = json.loads((root / FOLDER / NAME).read_bytes())
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("key") != key:
        return None
    items = data.get("findings")
    if not isinstance(items, list):
        return None
    found = [_from_json(root, item) for item in items]
    return None if any(d is None for d in found) else [d for d in found if d is not None]


def store(root: Path, key: str, findings: Iterable[Diagnostic]) -> None:
    """Keep ``findings`` under ``key``; quietly nothing when the folder cannot be written, or a
    finding lies outside the cell (it could not be placed again from another path)."""
    items = [_to_json(root, diag) for diag in findings]
    if any(item is None for item in items):
        return
    text = json.dumps({"format": FORMAT, "key": key, "findings": items}, ensure_ascii=False)
    try:
        write_bytes_atomic(root / FOLDER / NAME, text.encode("utf-8"), overwrite=True,
                           durable=False)
        if not (root / FOLDER / ".gitignore").exists():  # a cell kept in git: not its business
            write_bytes_atomic(root / FOLDER / ".gitignore", b"*\n", overwrite=True,
                               durable=False)
    except (OSError, ChiboError):
        pass  # a read-only cell, a full disk: the findings are right, only not kept


def _prefix(root: Path) -> str:
    """How the loader writes files of the cell at ``root`` ("" for '.', 'to-5/' for 'to-5')."""
    return str(root / "_")[:-1]


def _to_json(root: Path, diag: Diagnostic) -> Optional[list[Any]]:
    file = diag.location.file
    if file == str(root):
        place: Optional[str] = None
    elif file.startswith(_prefix(root)) and not os.path.isabs(file[len(_prefix(root)):]) and \
            not file[len(_prefix(root)):].startswith(".."):
        place = file[len(_prefix(root)):]
    else:
        return None
    return [diag.code, diag.severity.value, diag.message, place, diag.location.line,
            diag.location.col, diag.hint, diag.check]


def _from_json(root: Path, item: Any) -> Optional[Diagnostic]:
    if not isinstance(item, list) or len(item) != 8:
        return None
    code, severity, message, place, line, col, hint, check = item
    texts = (code, severity, message, hint, check)
    if not all(isinstance(t, str) for t in texts) or not (place is None or isinstance(place, str)):
        return None
    if not all(isinstance(n, int) and not isinstance(n, bool) for n in (line, col)):
        return None
    if severity not in {s.value for s in Severity}:
        return None
    file = str(root) if place is None else _prefix(root) + place
    return Diagnostic(code, Severity(severity), message, Location(file, line, col), hint, check)
