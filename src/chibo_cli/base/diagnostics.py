"""One diagnostic format for every problem chibo finds: load errors and rule checks alike."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from enum import Enum
from pathlib import Path
from typing import Iterable


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True)
class Location:
    """A place in a file; line and column are 1-based, 0 when unknown."""

    file: str
    line: int = 0
    col: int = 0

    def __str__(self) -> str:
        if self.line:
            return f"{self.file}:{self.line}:{self.col or 1}"
        return self.file


@dataclass(frozen=True)
class Diagnostic:
    code: str
    severity: Severity
    message: str
    location: Location
    hint: str = ""
    check: str = ""
    extra: str = ""  # the library's own English words behind a translated message (JSON only)

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.location.file, self.location.line, self.location.col, self.code)

    def to_dict(self) -> dict[str, object]:
        data = asdict(self)
        data["severity"] = self.severity.value
        data.update(data.pop("location"))
        return data


def file_key(file: str) -> Path:
    """A diagnostic's or a record's file as an absolute path, to tell whether two name the same
    file however each was written ("" stays empty)."""
    if not file:
        return Path()
    try:
        return Path(file).resolve()
    except OSError:
        return Path(file)


def relative_location(loc: Location, root: Path) -> Location:
    """Show paths relative to the folder the user named, as they typed it."""
    try:
        rel = Path(loc.file).resolve().relative_to(root.resolve())
    except ValueError:
        return loc
    return Location(str(rel), loc.line, loc.col)


def format_text(diag: Diagnostic) -> str:
    from .i18n import _

    labels = {Severity.ERROR: _("error"), Severity.WARNING: _("warning"), Severity.INFO: _("info")}
    head = f"{diag.location}: {diag.code} {labels[diag.severity]}: {diag.message}"
    if diag.hint:
        return f"{head}\n    {_('hint')}: {diag.hint}"
    return head


def format_json(diags: Iterable[Diagnostic]) -> str:
    return json.dumps([d.to_dict() for d in diags], ensure_ascii=False, indent=2)


def has_errors(diags: Iterable[Diagnostic], strict: bool = False) -> bool:
    failing = {Severity.ERROR, Severity.WARNING} if strict else {Severity.ERROR}
    return any(d.severity in failing for d in diags)
