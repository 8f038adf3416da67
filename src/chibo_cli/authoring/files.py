"""Check generated text before writing it, write new record files (never over old ones), and
load the cell a scaffold works on.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Optional

from pydantic import BaseModel, ValidationError

from ..base.atomic import write_text_atomic
from ..base.diagnostics import Diagnostic
from ..base.errors import ChiboError
from ..base.i18n import _
from ..records.loader import BRANCH_FILE, Cell, load_cell
from ..records.locate import cell_folder
from ..records.schema import SCHEMA_DIR, write_schemas
from ..records.yamlio import YamlDoc, parse_yaml_text


def checked(text: str, model: type[BaseModel], file: Path) -> Any:
    """Parse and validate generated text; a problem here is bad user input, shown plainly."""
    doc = parse_yaml_text(text, YamlDoc(str(file)))
    if not doc.ok:
        raise ChiboError(doc.diagnostics[0].message)
    try:
        return model.model_validate(doc.data)
    except ValidationError as error:
        first = error.errors(include_url=False)[0]
        where = ".".join(str(p) for p in first["loc"])
        raise ChiboError(_("{field}: {problem}", field=where,
                           problem=str(first["msg"]).removeprefix("Value error, "))) from None


def create(path: Path, text: str) -> Path:
    """Write a new record file; records are never overwritten."""
    if path.exists():
        raise ChiboError(_("{path} already exists; chibo never overwrites a record", path=path),
                         _("edit the file, or delete it first to start again"))
    write_text_atomic(path, text)
    return path


def ensure_schemas(root: Path) -> None:
    """The cell's schemas, refreshed when this chibo's differ (after an upgrade, say)."""
    write_schemas(root / SCHEMA_DIR)


def cell_root(path: Path) -> Path:
    """The cell ``path`` is (or is inside), else a clear usage error."""
    return cell_folder(path)


def load_checked(root: Path, sink: Optional[list[Diagnostic]] = None) -> Cell:
    root = cell_root(root)
    cell = load_cell(root, sink=sink)
    if cell.branch is None:
        raise ChiboError(_("{file} has errors", file=root / BRANCH_FILE),
                         _("run 'chibo validate' to see them"))
    return cell
