"""``chibo record``: take the minutes in a full-screen form (textual is imported only here)."""

import datetime as dt
import sys
from pathlib import Path
from typing import Optional

import typer

from ..base.errors import ChiboError
from ..base.i18n import _
from .app import app


@app.command()
def record(
    meeting: Optional[str] = typer.Argument(
        None, help=_("The meeting: its file or its id (default: today's regular meeting).")),
    cell: Optional[Path] = typer.Option(None, "--cell", "-C", help=_("The cell folder.")),
) -> int:
    """Record a meeting in a form: attendance, times, speeches, tasks, the vote (no YAML)."""
    from ..form.app import open_form
    from ..form.session import open_meeting

    session, created = open_meeting(meeting, cell, dt.date.today())
    if created:
        typer.echo(_("created {path}", path=session.path))
    form = open_form(session)
    form.run()
    if form.saves:
        typer.echo(_("saved {path}", path=session.path))
    if form.problem:
        raise ChiboError(_("not saved: {problem}", problem=form.problem))
    if session.sealed or not _ask(_("Check the minutes and render them now?")):
        return 0
    return _check_and_render(session.root, session.meeting_id)


def _ask(question: str) -> bool:
    if sys.stdin is None or not sys.stdin.isatty():
        return False
    return typer.confirm(question, default=True)


def _check_and_render(root: Path, meeting_id: str) -> int:
    """``chibo validate`` on the cell, then ``chibo render minutes`` when nothing holds it back."""
    from .render import render_minutes
    from .validate import OutputFormat, validate

    status = validate(path=root, strict=False, output=OutputFormat.text, select=None)
    if status:
        typer.echo(_("fix the errors above (run 'chibo record {id}' again), then render",
                     id=meeting_id))
        return status
    return render_minutes(meeting=meeting_id, cell=root, out=None, pdf=False, force=True,
                          templates=None, allow_errors=False)

