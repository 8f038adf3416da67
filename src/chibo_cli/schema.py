"""JSON Schemas of the record files, written from the pydantic models."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from .atomic import write_text_atomic
from .models import Branch, Committee, Meeting, Plan, Resolution, Roster

SCHEMAS: dict[str, type[BaseModel]] = {
    "branch": Branch,
    "committee": Committee,
    "members": Roster,
    "meeting": Meeting,
    "resolution": Resolution,
    "plan": Plan,
}


def schema_text(model: type[BaseModel]) -> str:
    data = model.model_json_schema(by_alias=True)
    data["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def write_schemas(folder: Path) -> list[Path]:
    """Write ``<name>.schema.json`` for every record kind into ``folder``; return the paths."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, model in SCHEMAS.items():
        path = folder / f"{name}.schema.json"
        write_text_atomic(path, schema_text(model), overwrite=True)
        written.append(path)
    return written
