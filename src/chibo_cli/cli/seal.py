"""The seal command: stamp agreed meetings and adopted resolutions into the cell's seal log."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Optional

import typer

from ..errors import ChiboError
from ..i18n import _
from . import app


@app.command()
def seal(
    path: Path = typer.Argument(Path("."), help=_("A cell folder or a committee folder.")),
    amend: Optional[str] = typer.Option(
        None, "--amend", help=_("Re-seal this sealed record after a correction the cell agreed.")),
    reason: Optional[str] = typer.Option(
        None, "--reason", help=_("Why the sealed record was corrected (with --amend).")),
) -> int:
    """Seal every agreed meeting and adopted resolution not sealed yet (a hash chain in seal.log)."""  # noqa: E501
    from ..seal import SHORT, seal_cell
    from .validate import load_or_fail

    if bool(amend) != bool(reason and reason.strip()):
        raise ChiboError(_("--amend and --reason go together"),
                         _("say which record was corrected and why"))
    workspace = load_or_fail(path)
    if amend and len(workspace.cells) != 1:
        raise ChiboError(_("--amend needs one cell folder, not a committee folder"))
    for cell in workspace.cells:
        result = seal_cell(cell, dt.date.today(), amend, (reason or "").strip())
        for entry in result.added:
            typer.echo(f"#{entry['seq']}  {entry['kind']:<10} {entry['id']}  "
                       f"{entry['hash'][:SHORT]}")
        head = result.head
        if head is None:
            typer.echo(_("{cell}: nothing to seal yet", cell=cell.name))
            continue
        typer.echo(_("{cell}: sealed {count} record(s); log head #{seq} {hash}", cell=cell.name,
                     count=len(result.added), seq=head["seq"], hash=head["hash"][:16]))
    return 0
