"""Commands of the secretary's year: new-rating, render rating, candidate admit, due."""

import datetime as dt
import json
from pathlib import Path
from typing import Optional

import typer

from ..base.errors import ChiboError
from ..base.i18n import _
from .app import Group, app
from .render import ALLOW, CELL, FORCE, OUT, PDF, TEMPLATES, render_app

candidate_app = typer.Typer(cls=Group, no_args_is_help=True,
                            help=_("Party development: move a candidate into the members."))
app.add_typer(candidate_app, name="candidate")


@app.command("new-rating")
def new_rating(
    cell: Path = typer.Argument(Path("."), help=_("The cell folder.")),
    year: int = typer.Option(..., "--year", help=_("The year to review and rate.")),
    meeting: Optional[str] = typer.Option(
        None, "--meeting", help=_("The meeting that holds the review (its id).")),
) -> None:
    """Write ratings/YEAR.yaml listing every member the cell must rate, and print its path."""
    from ..authoring.ratings import new_rating as create_rating

    typer.echo(str(create_rating(cell, year, meeting)))


@render_app.command("rating")
def render_rating(year: int = typer.Argument(..., help=_("The year of ratings/YEAR.yaml.")),
                  cell: Path = CELL, out: Optional[Path] = OUT, pdf: bool = PDF,
                  force: bool = FORCE, templates: Optional[Path] = TEMPLATES,
                  allow_errors: bool = ALLOW) -> int:
    """Render the year's rating: the proposal list (DOCX and xlsx) and the review minutes."""
    from ..documents import ratings as docs
    from ..records.locate import cell_folder
    from .render import _finish, _gate, _load_cell, _out

    findings, found = _load_cell(cell_folder(cell or Path(".")))
    rating = next((r for r in found.ratings if r.year == year), None)
    if rating is None:  # only this record's absence, not the errors of other records
        unreadable = (found.root / "ratings" / f"{year}.yaml").is_file()
        raise ChiboError(_("no rating for {year} in {cell}", year=year, cell=found.root),
                         _("run 'chibo validate' to see why ratings/{year}.yaml cannot be read",
                           year=year) if unreadable else
                         _("'chibo new-rating --year {year}' starts one", year=year))
    _gate(findings, found, allow_errors, sources=lambda c: [rating])
    folder = _out(found, out)
    written = [docs.render_rating_list(found, rating, folder, templates=templates, force=force)]
    if rating.meeting:
        written.append(docs.render_rating_minutes(found, rating, folder, templates=templates,
                                                  force=force))
    status = _finish(written, pdf, force)
    typer.echo(str(docs.render_rating_xlsx(found, rating, folder, force=force)))
    return status


@candidate_app.command("admit")
def candidate_admit(
    candidate_id: str = typer.Argument(..., help=_("The candidate's id in candidates.yaml.")),
    date: str = typer.Option(..., "--date", help=_("Date of the admission ceremony.")),
    cell: Path = typer.Option(Path("."), "--cell", "-C", help=_("The cell folder.")),
) -> None:
    """Add the candidate to members.yaml as admitted on the ceremony's date (nothing retyped)."""
    from ..authoring.candidates import admit_candidate
    from ..authoring.text import parse_date

    member_id, path = admit_candidate(cell, candidate_id, parse_date(date, "--date"))
    typer.echo(_("added {id} to {path}", id=member_id, path=path))


@app.command("due")
def due(
    path: Path = typer.Argument(Path("."), help=_("A cell or committee folder.")),
    days: int = typer.Option(30, "--days", min=0, help=_("How many days ahead to look.")),
    on: Optional[str] = typer.Option(None, "--on", help=_("Judge on this date (default today).")),
    output: str = typer.Option("text", "--format", help=_("text or json.")),
) -> int:
    """List what falls due, sorted by date: probation, votes, certificates, tasks, meetings."""
    import sys

    from ..authoring.text import parse_date
    from ..base.i18n import shown_date
    from ..rules.due import due_items
    from .validate import load_or_fail

    if output not in ("text", "json"):
        raise ChiboError(_("--format must be text or json, not '{value}'", value=output))
    today = parse_date(on, "--on") if on else dt.date.today()
    workspace = load_or_fail(path)
    items = due_items(workspace.cells, today, days)
    if output == "json":
        typer.echo(json.dumps([{"date": i.day.isoformat(), "cell": i.cell, "kind": i.kind,
                                "what": i.what} for i in items], ensure_ascii=False, indent=2))
    else:
        several = len(workspace.cells) > 1
        for item in items:
            late = _(" (overdue)") if item.day < today else ""
            where = f"{item.cell}: " if several else ""
            typer.echo(f"{shown_date(item.day)}{late}  {where}{item.what}")
    if workspace.diagnostics:
        sys.stderr.write(_("{count} problem(s) in the records; run 'chibo validate'",
                           count=len(workspace.diagnostics)) + "\n")
    return 0
