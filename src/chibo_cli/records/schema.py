"""JSON Schemas of the record files, written from the pydantic models."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

from pydantic import BaseModel

from ..base.atomic import cannot_write_in, write_bytes_atomic
from ..base.errors import ChiboError
from ..base.i18n import _
from .models import Branch, CandidateList, Committee, Meeting, Plan, Rating, Resolution, Roster

# Inside a cell: where the scaffolds and the demo point every file's $schema line.
SCHEMA_DIR = Path(".chibo") / "schemas"

SCHEMAS: dict[str, type[BaseModel]] = {
    "branch": Branch,
    "committee": Committee,
    "members": Roster,
    "meeting": Meeting,
    "resolution": Resolution,
    "plan": Plan,
    "rating": Rating,
    "candidates": CandidateList,
}


def schema_text(model: type[BaseModel]) -> str:
    data = model.model_json_schema(by_alias=True)
    data["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def write_schemas(folder: Path, force: bool = True) -> list[Path]:
    """Write ``<name>.schema.json`` for every record kind into ``folder``; return the paths.

    A file that already holds the same text is left as it is. A file with other text (an edit,
    or another chibo version's schema) is replaced only with ``force``; without it nothing is
    written at all. The default suits the scaffolds, whose ``.chibo/schemas`` is chibo's to keep.
    """
    if folder.exists() and not folder.is_dir():
        raise ChiboError(_("{path} is not a folder", path=folder),
                         _("--out takes a folder to write the schema files into"))
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise cannot_write_in(folder, exc) from None
    texts = {folder / f"{name}.schema.json": schema_text(model).encode("utf-8")
             for name, model in SCHEMAS.items()}
    current = {path: _read(path) for path in texts}
    changed = [path for path, data in texts.items() if current[path] not in (None, data)]
    if changed and not force:
        raise ChiboError(_("{path} exists with other content; not overwritten", path=changed[0]),
                         _("use --force to replace it"))
    for path, data in texts.items():
        if current[path] != data:
            write_bytes_atomic(path, data, overwrite=current[path] is not None)
    return list(texts)


def _read(path: Path) -> Optional[bytes]:
    """The bytes of ``path``: None when there is no file, empty when it cannot be read."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError:  # a folder of that name, or no permission: not the same text
        return b""
