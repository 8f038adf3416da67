"""Commands that read records: validate, rules, schema."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from ..errors import ChiboError
from ..i18n import _
from . import app


class OutputFormat(str, Enum):
    text = "text"
    json = "json"


@app.command()
def validate(
    path: Path = typer.Argument(Path("."), help=_("A cell folder or a committee folder.")),
    strict: bool = typer.Option(False, "--strict", help=_("Warnings fail too; run strict checks.")),
    output: OutputFormat = typer.Option(OutputFormat.text, "--format", help=_("Output format.")),
    select: Optional[str] = typer.Option(
        None, "--select", help=_("Run only these checks: codes, code prefixes or names, "
                                 "comma-separated (opt-in checks too).")),
) -> int:
    """Check every record of a cell (or of every cell of a committee) against the rules."""
    from ..diagnostics import format_json, format_text, has_errors
    from ..loader import WorkspaceError
    from ..parallel import check_folder

    codes = select.split(",") if select else None
    try:
        diagnostics = check_folder(path, codes, strict)  # one process per core for a ward
    except WorkspaceError as exc:
        raise ChiboError(str(exc)) from None
    if output is OutputFormat.json:
        typer.echo(format_json(diagnostics))
    else:
        for diag in diagnostics:
            typer.echo(format_text(diag))
        _summary(diagnostics)
    return 1 if has_errors(diagnostics, strict) else 0


def load_or_fail(path: Path):  # type: ignore[no-untyped-def]
    """Load a workspace or raise the usage error the boundary prints."""
    from ..loader import WorkspaceError, load_workspace

    try:
        return load_workspace(path)
    except WorkspaceError as exc:
        raise ChiboError(str(exc)) from None


def _summary(diagnostics: list) -> None:  # type: ignore[type-arg]
    if not diagnostics:
        return
    errors = sum(d.severity.value == "error" for d in diagnostics)
    warnings = sum(d.severity.value == "warning" for d in diagnostics)
    files = len({d.location.file for d in diagnostics})
    sys.stderr.write(_("{errors} error(s), {warnings} warning(s) in {files} file(s)",
                       errors=errors, warnings=warnings, files=files) + "\n")


@app.command()
def rules(
    path: Path = typer.Argument(Path("."), help=_("A cell folder (its overrides are applied).")),
) -> None:
    """Print the rules in force for a cell, each with its value and where it comes from."""
    from ..loader import find_cell_roots, load_cell
    from ..rulebook import default_rulebook

    book = default_rulebook()
    if path.is_dir() and (path / "branch.yaml").is_file():
        roots, _committee = find_cell_roots(path)
        book = load_cell(roots[0]).rules
    typer.echo(_("rulebook {version}", version=book.version))
    for rule in book.rules.values():
        origin = "" if rule.origin == "rulebook" else "  " + _("(set in {file})", file=rule.origin)
        typer.echo(f"{rule.key} = {rule.value}{origin}")
        typer.echo(f"    {rule.about} — {rule.source}")


@app.command()
def schema(
    out: Path = typer.Option(Path("schemas"), "--out", help=_("Folder to write the schemas to.")),
) -> None:
    """Write JSON Schemas of every record file, for completion and hover help in editors."""
    from ..schema import write_schemas

    for written in write_schemas(out):
        typer.echo(str(written))
