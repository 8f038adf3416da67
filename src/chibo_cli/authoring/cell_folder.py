"""``chibo init``: a new cell folder with branch.yaml, members.yaml and the record folders.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from ..base.atomic import write_bytes_atomic
from ..base.errors import ChiboError
from ..base.i18n import _
from ..records.loader import BRANCH_FILE, MEMBERS_FILE
from ..records.locate import folders_above, is_cell
from ..records.models import (
    Branch,
)
from .files import checked, create, ensure_schemas
from .text import render, schema_line, yaml_str

FOLDERS = ("meetings", "resolutions", "plans")


@dataclass(frozen=True)
class BranchInfo:
    name: str
    superior: str
    place: str
    term_start: dt.date
    term_label: str


def branch_text(info: BranchInfo, root: Path) -> str:
    return schema_line(root / BRANCH_FILE, root, "branch") + render(
        "branch.yaml", name=yaml_str(info.name), superior=yaml_str(info.superior),
        place=yaml_str(info.place), term_label=yaml_str(info.term_label),
        term_start=info.term_start.isoformat())


def members_text(root: Path) -> str:
    return schema_line(root / MEMBERS_FILE, root, "members") + render("members.yaml")


def check_init_target(root: Path) -> None:
    """Refuse a path that is a file or already a cell, before asking the user anything."""
    if root.exists() and not root.is_dir():
        raise ChiboError(_("{path} is a file, not a folder", path=root))
    if (root / BRANCH_FILE).exists():
        raise ChiboError(_("{path} already exists; this folder is already a cell",
                           path=root / BRANCH_FILE), _("edit branch.yaml to change it"))
    outer = next((f for f in folders_above(root) if is_cell(f)), None)
    if outer is not None:
        raise ChiboError(_("{path} is inside the cell {cell}; a cell cannot hold another cell",
                           path=root, cell=outer),
                         _("run 'chibo init' in a folder outside {cell}, e.g. beside it",
                           cell=outer))


def init_cell(root: Path, info: BranchInfo) -> list[Path]:
    """Create a cell folder; return the files and folders made. Never touches an existing file."""
    check_init_target(root)
    branch = branch_text(info, root)
    checked(branch, Branch, root / BRANCH_FILE)
    made = [create(root / BRANCH_FILE, branch)]
    if not (root / MEMBERS_FILE).exists():
        made.append(create(root / MEMBERS_FILE, members_text(root)))
    for folder in FOLDERS:
        if not (root / folder).is_dir():
            (root / folder).mkdir(parents=True)
            made.append(root / folder)
    made.extend(_gitignore(root))
    ensure_schemas(root)
    return made


def _gitignore(root: Path) -> list[Path]:
    path = root / ".gitignore"
    old = path.read_bytes() if path.is_file() else b""
    if b"out/" in old.split():
        return []
    glue = b"" if not old or old.endswith(b"\n") else b"\n"
    write_bytes_atomic(path, old + glue + b"out/\n", overwrite=True)
    return [path]
