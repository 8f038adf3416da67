"""Find the cell (or committee) a folder belongs to, and the record a user named.

Like git finding its repository, a folder that is neither a cell nor a committee is looked up
from: `chibo validate` in `meetings/` means the cell above it. This is the one place that decides
it, so every command agrees, and no message ever suggests `chibo init` inside a cell.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Optional

from ..base.errors import ChiboError
from ..base.i18n import _

BRANCH_FILE = "branch.yaml"
COMMITTEE_FILE = "committee.yaml"
RECORD_SUFFIXES = (".yaml", ".yml")
KIND_OF_FOLDER = {"meetings": "meeting", "resolutions": "resolution"}


class WorkspaceError(ChiboError):
    """The path given is not a cell or committee folder, nor inside one (a usage error)."""


class NoCellHere(WorkspaceError):
    """The folder exists, but neither it nor any folder above it is a cell or committee."""


@dataclass(frozen=True)
class Place:
    """A cell folder, or a committee folder with its cells."""

    root: Path
    cells: tuple[Path, ...]
    is_committee: bool


def is_cell(folder: Path) -> bool:
    return (folder / BRANCH_FILE).is_file()


def locate(path: Path) -> Place:
    """The cell or committee ``path`` names: itself, else the cell it is inside (the nearest
    folder above with branch.yaml). Paths stay as the user wrote them ('.' → '..').

    The walk up stops at a committee folder: cells sit in it, never above it, and a stray
    committee.yaml far up (in /tmp, say) must not turn a typo into a committee-wide run.
    """
    _must_be_folder(path)
    if is_cell(path):
        return Place(path, (path,), False)
    here = _as_committee(path)
    if here is not None:
        return here
    for folder in folders_above(path):
        if is_cell(folder):
            return Place(folder, (folder,), False)
        if (folder / COMMITTEE_FILE).is_file():
            break
    raise NoCellHere(_("{path} holds neither {branch} nor {committee}; run 'chibo init' to "
                       "start a cell", path=path, branch=BRANCH_FILE, committee=COMMITTEE_FILE))


def cell_folder(path: Path) -> Path:
    """The one cell ``path`` is in (or is); a committee folder is an error naming its cells."""
    place = locate(path)
    if place.is_committee:
        raise WorkspaceError(_("{path} is a committee folder; name one of its cells", path=path),
                             _("its cells: {cells}", cells=", ".join(
                                 c.name for c in place.cells) or _("none yet")))
    return place.root


def parse_reference(reference: str) -> tuple[str, str, Optional[Path]]:
    """(kind, id, file) of a record named by its file, by its id, or as ``meeting:<id>``.

    ``kind`` is "meeting", "resolution" or "" (not said); ``file`` is None for an id.
    """
    if reference.endswith(RECORD_SUFFIXES):  # '../../x' is an id no record has, not a path
        file = Path(reference)
        return KIND_OF_FOLDER.get(file.resolve().parent.name, ""), file.stem, file
    kind, colon, record_id = reference.partition(":")
    if colon and kind in KIND_OF_FOLDER.values():
        return kind, record_id, None
    return "", reference, None


def record_cell(reference: str, cell: Optional[Path]) -> tuple[Path, str]:
    """(cell folder, record id) of a record named by its file or by its id in ``cell``
    (default: the cell the current folder is in)."""
    _kind, record_id, file = parse_reference(reference)
    if file is None:
        return cell_folder(cell or Path(".")), record_id
    if not file.is_file():
        raise WorkspaceError(_("{path} does not exist", path=file))
    return cell_folder(cell or file.parent), record_id


def _must_be_folder(path: Path) -> None:
    if not path.exists():
        raise WorkspaceError(_("{path} does not exist", path=path))
    if not path.is_dir():
        raise WorkspaceError(_("{path} is a file, not a cell or committee folder", path=path))


def _as_committee(folder: Path) -> Optional[Place]:
    """A committee folder: it holds committee.yaml, or cell folders."""
    cells = tuple(sorted(p for p in folder.iterdir() if p.is_dir() and is_cell(p)))
    if cells or (folder / COMMITTEE_FILE).is_file():
        return Place(folder, cells, True)
    return None


def folders_above(path: Path) -> Iterator[Path]:
    """The folders above ``path`` (which need not exist yet), up to the file system's root,
    written relative when ``path`` is."""
    current, seen = path, path.resolve()
    while True:
        parent = Path(os.path.normpath(current / ".."))
        resolved = parent.resolve()
        if resolved == seen:
            return
        yield parent
        current, seen = parent, resolved
