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
    from ..records.loader import WorkspaceError, today
    from ..rules.checks import registry, selected
    from ..rules.gate import Gate
    from ..rules.run import each_cell, open_folder
    from ..trust.seal import seal_cell

    if bool(amend) != bool(reason and reason.strip()):
        raise ChiboError(_("--amend and --reason go together"),
                         _("say which record was corrected and why"))
    try:
        folder = open_folder(path)
    except WorkspaceError as exc:
        raise ChiboError(str(exc)) from None
    if amend and len(folder.roots) != 1:
        raise ChiboError(_("--amend needs one cell folder, not a committee folder"))
    skipped = 0
    # one cell at a time; load problems count too: a record with errors is not sealed
    for checked in each_cell(folder, selected(registry(), None, False), records=True):
        cell = checked.cell
        assert cell is not None  # asked for with records=True
        result = seal_cell(cell, today(), amend, (reason or "").strip(),
                           Gate(cell, folder.findings + checked.findings).why_held)
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
