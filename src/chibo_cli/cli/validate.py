"""Commands that read records: validate, rules, schema."""

import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Optional

import typer

from ..base.errors import ChiboError
from ..base.i18n import _
from .app import app

if TYPE_CHECKING:
    from ..records.rulebook import Rule


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
    from ..base.diagnostics import format_json, format_text, has_errors
    from ..records.loader import WorkspaceError
    from ..rules.checks import UnknownCheck
    from ..rules.run import check_folder

    codes = select.split(",") if select else None
    try:
        diagnostics = check_folder(path, codes, strict)  # one process per core for a ward
    except WorkspaceError as exc:
        raise ChiboError(str(exc)) from None
    except UnknownCheck as exc:
        raise ChiboError(_("no check is called {names}", names=", ".join(exc.names)),
                         _("'chibo checks' lists every check")) from None
    if output is OutputFormat.json:
        typer.echo(format_json(diagnostics))
    else:
        for diag in diagnostics:
            typer.echo(format_text(diag))
        _summary(diagnostics)
    return 1 if has_errors(diagnostics, strict) else 0


def load_or_fail(path: Path):  # type: ignore[no-untyped-def]
    """Load a workspace or raise the usage error the boundary prints."""
    from ..records.loader import WorkspaceError, load_workspace

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
    path: Path = typer.Argument(
        Path("."), help=_("A cell folder: its own and its committee's overrides are applied.")),
    builtin: bool = typer.Option(False, "--builtin",
                                 help=_("Show the built-in rulebook, without any cell's changes.")),
) -> int:
    """Print the rules in force for a cell, each with its value and where it comes from."""
    from ..base.diagnostics import Severity, format_text
    from ..records.locate import cell_folder
    from ..records.rulebook import default_rulebook

    book, problems = default_rulebook(), []
    if not builtin:
        workspace = load_or_fail(_cell_or_explain(path, cell_folder, "chibo rules --builtin"))
        book = workspace.cells[0].rules
        problems = [d for d in workspace.diagnostics if d.code.startswith("R")]
    typer.echo(_("rulebook {version}", version=book.version))
    for rule in book.rules.values():
        typer.echo(f"{rule.key} = {_rule_value(rule)}")
        later = rule
        while later.since is not None and later.before is not None:
            typer.echo("    " + _("before {date}: {value}", date=later.since.isoformat(),
                                  value=_rule_value(later.before)))
            later = later.before
        typer.echo(f"    {rule.about} — {rule.source}")
    for diag in problems:
        sys.stderr.write(format_text(diag) + "\n")
    return 1 if any(d.severity is Severity.ERROR for d in problems) else 0


def _rule_value(rule: "Rule") -> str:
    """``90  (since 2025-10-28)  (set in branch.yaml)``: the value, since when, and who set it."""
    since = "  " + _("(since {date})", date=rule.since.isoformat()) if rule.since else ""
    origin = "" if rule.origin == "rulebook" else "  " + _("(set in {file})", file=rule.origin)
    return f"{rule.value}{since}{origin}"


def _cell_or_explain(path: Path, find: Callable[[Path], Path], elsewhere: str) -> Path:
    """The cell ``path`` is in; outside any cell, say so and what to run instead."""
    from ..records.locate import NoCellHere

    try:
        return find(path)
    except NoCellHere:
        raise ChiboError(_("{path} is not in a cell folder (no branch.yaml here or above)",
                           path=path),
                         _("run it in a cell folder, name one, or run '{command}'",
                           command=elsewhere)) from None


@app.command()
def schema(
    out: Optional[Path] = typer.Option(
        None, "--out", help=_("Folder to write the schemas to.")),
    force: bool = typer.Option(False, "--force",
                               help=_("Replace schema files whose content differs.")),
) -> None:
    """Write JSON Schemas of every record file, for completion and hover help in editors."""
    from ..records.locate import cell_folder
    from ..records.schema import SCHEMA_DIR, write_schemas

    if out is None:
        out = _cell_or_explain(Path("."), cell_folder, "chibo schema --out DIR") / SCHEMA_DIR
    for written in write_schemas(out, force=force):
        typer.echo(str(written))
