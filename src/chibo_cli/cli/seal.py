"""The seal command: stamp agreed meetings and adopted resolutions into the cell's seal log."""

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Optional

import typer

from ..base.errors import ChiboError
from ..base.i18n import _
from .app import app

if TYPE_CHECKING:
    from ..trust.seal import SealResult


@app.command()
def seal(
    path: Path = typer.Argument(Path("."), help=_("A cell folder or a committee folder.")),
    amend: Optional[str] = typer.Option(
        None, "--amend", help=_("Re-seal this sealed record after a correction the cell agreed.")),
    reason: Optional[str] = typer.Option(
        None, "--reason", help=_("Why the sealed record was corrected (with --amend).")),
) -> int:
    """Seal every agreed meeting and adopted resolution not sealed yet (a hash chain in seal.log)."""  # noqa: E501
    from ..records.loader import today
    from ..rules.checks import run_checks
    from ..rules.gate import Gate
    from ..trust.seal import seal_cell
    from .validate import load_or_fail

    if bool(amend) != bool(reason and reason.strip()):
        raise ChiboError(_("--amend and --reason go together"),
                         _("say which record was corrected and why"))
    workspace = load_or_fail(path)
    if amend and len(workspace.cells) != 1:
        raise ChiboError(_("--amend needs one cell folder, not a committee folder"))
    findings = run_checks(workspace)  # load problems too: a record with errors is not sealed
    skipped = 0
    for cell in workspace.cells:
        result = seal_cell(cell, today(), amend, (reason or "").strip(),
                            Gate(cell, findings).why_held)
        _report(cell.name, result)
        skipped += len(result.skipped)
    if skipped:
        sys.stderr.write(_("{count} record(s) not sealed because of errors; fix them, then run "
                           "'chibo seal' again", count=skipped) + "\n")
        return 1
    return 0


def _report(cell: str, result: "SealResult") -> None:
    from ..base.diagnostics import format_text
    from ..trust.seal import SHORT, kind_name

    for entry in result.added:
        typer.echo(f"#{entry['seq']}  {kind_name(entry['kind']):<10} {entry['id']}  "
                   f"{entry['hash'][:SHORT]}")
    shown: set[object] = set()
    for item in result.skipped:
        typer.echo(_("not sealed: {kind} '{id}': {reason}", kind=kind_name(item.kind), id=item.id,
                     reason=item.reason))
        for diag in item.errors:
            if diag not in shown:
                shown.add(diag)
                typer.echo("    " + format_text(diag).replace("\n", "\n    "))
    head = result.head
    if head is None:
        typer.echo(_("{cell}: nothing to seal yet", cell=cell))
        return
    typer.echo(_("{cell}: sealed {count} record(s); log head #{seq} {hash}", cell=cell,
                 count=len(result.added), seq=head["seq"], hash=head["hash"][:16]))
