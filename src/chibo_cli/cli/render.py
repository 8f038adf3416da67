"""Commands that write Word documents: render, book, templates."""

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Optional, Sequence, Union

import typer

from ..base.errors import ChiboError
from ..base.i18n import _
from .app import Group, app

if TYPE_CHECKING:
    from ..base.diagnostics import Diagnostic
    from ..records.loader import Cell
    from ..records.models import Meeting, Resolution
    from ..rules.checks import CheckSpec
    from ..rules.gate import Source
    from ..rules.run import Folder

render_app = typer.Typer(cls=Group, no_args_is_help=True,
                         help=_("Render one meeting's minutes or one resolution to Word."))
book_app = typer.Typer(cls=Group, no_args_is_help=True,
                       help=_("Render the minutes book or the resolution notebook to Word."))
templates_app = typer.Typer(cls=Group, help=_("See, copy and check the Word templates."),
                            no_args_is_help=True)
app.add_typer(render_app, name="render")
app.add_typer(book_app, name="book")
app.add_typer(templates_app, name="templates")

OUT = typer.Option(None, "--out", help=_("Folder for the documents (default: out/ in the cell)."))
PDF = typer.Option(False, "--pdf", help=_("Also convert to PDF with LibreOffice."))
FORCE = typer.Option(False, "--force", help=_("Overwrite documents that exist."))
TEMPLATES = typer.Option(None, "--templates", help=_("Look for templates in this folder first."))
ALLOW = typer.Option(False, "--allow-errors",
                     help=_("Render even when the records have errors (with a warning)."))
CELL = typer.Option(None, "--cell", "-C",
                    help=_("The cell folder, when giving an id."))


# ------------------------------------------------------------------ render


@render_app.command("minutes")
def render_minutes(meeting: str = typer.Argument(..., help=_("A meeting file or its id.")),
                   cell: Optional[Path] = CELL, out: Optional[Path] = OUT, pdf: bool = PDF,
                   force: bool = FORCE, templates: Optional[Path] = TEMPLATES,
                   allow_errors: bool = ALLOW) -> int:
    """Render the minutes (biên bản) of one meeting."""
    from ..documents import api

    return _render_one(meeting, cell, lambda c, i: c.meeting_or_planned(i), api.render_minutes,
                       lambda i, c: _("no meeting '{id}' in {cell}", id=i, cell=c),
                       out, pdf, force, templates, allow_errors)


@render_app.command("resolution")
def render_resolution(resolution: str = typer.Argument(..., help=_("A resolution file or id.")),
                      cell: Optional[Path] = CELL, out: Optional[Path] = OUT, pdf: bool = PDF,
                      force: bool = FORCE, templates: Optional[Path] = TEMPLATES,
                      allow_errors: bool = ALLOW) -> int:
    """Render one resolution (nghị quyết); a draft is marked DỰ THẢO."""
    from ..documents import api

    return _render_one(resolution, cell, lambda c, i: c.resolution_or_planned(i),
                       api.render_resolution,
                       lambda i, c: _("no resolution '{id}' in {cell}", id=i, cell=c),
                       out, pdf, force, templates, allow_errors)


# The records a document is made from, for one cell: only their errors hold the document back.
Sources = Callable[["Cell"], Sequence["Source"]]


def _render_one(reference: str, cell: Optional[Path], find: Callable[["Cell", str], Any],
                render: Callable[..., Path], missing: Callable[[str, Path], str],
                out: Optional[Path], pdf: bool, force: bool, templates: Optional[Path],
                allow_errors: bool) -> int:
    """Find one record by file or id, refuse records with errors, render it (and its PDF)."""
    from ..records.locate import record_cell

    _pdf_first(pdf)
    root, record_id = record_cell(reference, cell)
    findings, found = _load_cell(root)
    record = find(found, record_id)
    if record is None:
        _missing(findings, found, record_id, missing(record_id, found.root))
    _gate(findings, found, allow_errors, sources=lambda cell: [record])
    written = render(found, record, _out(found, out), templates=templates, force=force)
    return _finish([written], pdf, force)


# ------------------------------------------------------------------ books


@book_app.command("minutes")
def book_minutes(path: Path = typer.Argument(Path("."), help=_("A cell or committee folder.")),
                 year: Optional[int] = typer.Option(None, "--year", help=_("The year's book.")),
                 term: bool = typer.Option(False, "--term", help=_("The whole term's book.")),
                 term_label: Optional[str] = typer.Option(
                     None, "--term-label", help=_("Which term (default: the latest).")),
                 volume: int = typer.Option(1, "--volume", min=1, help=_("Volume number.")),
                 out: Optional[Path] = OUT, pdf: bool = PDF, force: bool = FORCE,
                 templates: Optional[Path] = TEMPLATES, allow_errors: bool = ALLOW) -> int:
    """Render the minutes book (sổ biên bản) of a year (default: the latest) or of a term."""
    from ..documents import api

    if year is not None and (term or term_label is not None):
        raise ChiboError(_("--year and --term cannot be used together"),
                         _("a book covers one year or one term"))

    by_term = term or term_label is not None

    def year_of(cell: "Cell") -> Optional[int]:
        return None if by_term else (year or _latest_year(cell))

    def sources(cell: "Cell") -> list["Meeting"]:
        return api.minutes_book_meetings(cell, year_of(cell), term_label)[0]

    def one(cell: "Cell", folder: Path) -> Path:
        return api.render_minutes_book(cell, folder, year=year_of(cell), term=term_label,
                                       volume=volume, templates=templates, force=force)

    return _books(path, out, one, sources, pdf, force, allow_errors)


@book_app.command("resolutions")
def book_resolutions(path: Path = typer.Argument(Path("."), help=_("A cell or committee folder.")),
                     term: bool = typer.Option(
                         False, "--term", help=_("The whole term's book (the default: a "
                                                 "notebook always covers one term).")),
                     term_label: Optional[str] = typer.Option(
                         None, "--term-label", help=_("Which term (default: the latest).")),
                     volume: int = typer.Option(1, "--volume", min=1, help=_("Volume number.")),
                     out: Optional[Path] = OUT, pdf: bool = PDF, force: bool = FORCE,
                     templates: Optional[Path] = TEMPLATES, allow_errors: bool = ALLOW) -> int:
    """Render the resolution notebook (sổ nghị quyết) of a term."""
    from ..documents import api

    del term  # accepted as 'book minutes' accepts it: the notebook is always a term's

    def sources(cell: "Cell") -> list[Union["Meeting", "Resolution"]]:
        chosen = api.pick_term(cell, term_label)
        return list(api.resolution_book_resolutions(cell, chosen))

    def one(cell: "Cell", folder: Path) -> Path:
        return api.render_resolution_book(cell, folder, term=term_label, volume=volume,
                                          templates=templates, force=force)

    return _books(path, out, one, sources, pdf, force, allow_errors)


def _books(path: Path, out: Optional[Path], one: Callable[["Cell", Path], Path],
           sources: Sources, pdf: bool, force: bool, allow_errors: bool) -> int:
    _pdf_first(pdf)
    folder = _open(path)
    if not folder.is_committee:
        findings, cell = _checked(folder)
        _gate(findings, cell, allow_errors, sources=sources)
        return _finish([one(cell, _out(cell, out))], pdf, force)
    return _committee_books(folder, out, one, sources, pdf, force, allow_errors)


def _committee_books(folder: "Folder", out: Optional[Path],
                     one: Callable[["Cell", Path], Path], sources: Sources, pdf: bool,
                     force: bool, allow_errors: bool) -> int:
    """One cell at a time: loaded, checked, its book written, let go before the next."""
    from rich.console import Console
    from rich.progress import Progress

    from ..rules.run import each_cell

    written: list[Path] = []
    skipped = 0
    with Progress(console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task(_("rendering"), total=len(folder.roots))
        for checked in each_cell(folder, _default_checks(), records=True):
            cell = checked.cell
            assert cell is not None  # asked for with records=True
            progress.update(task, description=cell.root.name)
            records = _unless_empty(sources, cell)
            if records is not None:
                if _blocked(cell, folder.findings + checked.findings, allow_errors,
                            sources=records):
                    skipped += 1
                else:
                    target = _out(cell, out) / cell.root.name if out else _out(cell, None)
                    written.append(one(cell, target))
            progress.advance(task)
    status = _finish(written, pdf, force)
    return 1 if skipped else status


def _unless_empty(sources: Sources, cell: "Cell") -> Optional[Sequence["Source"]]:
    """In a committee batch, a cell with nothing in the period is reported and passed over."""
    from ..documents.api import EmptyBook

    try:
        return sources(cell)
    except EmptyBook as exc:
        sys.stderr.write(f"{exc.message}\n")
        return None


# ------------------------------------------------------------------ templates


ORIGINS = ("cell", "user", "built-in")  # where a template was found (templates.listing)


@templates_app.command("list")
def templates_list(cell: Path = typer.Argument(Path("."), help=_("A cell folder.")),
                   templates: Optional[Path] = TEMPLATES) -> None:
    """Show each template and where it would be taken from."""
    from ..documents.templates import NAMES, listing

    root = _cell_or_none(cell)
    if root is None and cell != Path("."):  # outside a cell, the bare command lists built-ins
        raise ChiboError(_("{path} is not a cell folder (no branch.yaml)", path=cell))
    for found in listing(root, templates):
        origin = _(found.origin) if found.origin in ORIGINS else found.origin
        typer.echo(f"{found.name:<18} {origin:<12} {found.path}")
        typer.echo(f"    {_(NAMES[found.name])}")


@templates_app.command("copy")
def templates_copy(name: str = typer.Argument(..., help=_("Template name (see 'list').")),
                   cell: Path = typer.Argument(Path("."), help=_("The cell folder.")),
                   force: bool = FORCE) -> None:
    """Copy a built-in template into the cell's templates/ folder, to edit in Word."""
    from ..documents.templates import copy
    from ..records.locate import cell_folder

    typer.echo(str(copy(name, cell_folder(cell), force)))


@templates_app.command("lint")
def templates_lint(files: Optional[list[Path]] = typer.Argument(
        None, help=_("Template files (default: every template the current folder uses)."))
) -> int:
    """Report broken or split tags, curly quotes in tags and unknown variables, with places."""
    from ..base.diagnostics import format_text, has_errors
    from ..documents.lint import lint
    from ..documents.templates import listing

    paths = files or [f.path for f in listing(_cell_or_none(Path(".")), None)]
    problems = []
    for path in paths:
        if not path.is_file():
            raise ChiboError(_("{path} does not exist", path=path))
        problems.extend(lint(path))
    for problem in problems:
        typer.echo(format_text(problem))
    return 1 if has_errors(problems) else 0


# ------------------------------------------------------------------ shared steps


def _cell_or_none(path: Path) -> Optional[Path]:
    """The cell ``path`` is in (or is), or None outside any cell (in a committee folder too)."""
    from ..records.locate import NoCellHere, locate

    try:
        place = locate(path)
    except NoCellHere:
        return None
    return None if place.is_committee else place.root


def _load_cell(inside: Path) -> tuple[list["Diagnostic"], "Cell"]:
    """The cell holding ``inside`` and its findings. Only that cell is read, and the committee's
    own committee.yaml beside it (its rules apply): never the committee's other cells."""
    from ..records.locate import cell_folder

    return _checked(_open(cell_folder(inside)))


def _open(path: Path) -> "Folder":
    from ..rules.run import open_folder

    return open_folder(path)


def _missing(findings: list["Diagnostic"], cell: "Cell", record_id: str, message: str) -> None:
    """No record by that id: say so, with the errors of its file if it failed to load, or the
    closest id; never the errors of other records (a half-filled meeting next month)."""
    from difflib import get_close_matches

    from ..base.diagnostics import format_text

    if record_id in cell.broken_ids:
        for diag in findings:
            if Path(diag.location.file).stem == record_id:
                sys.stderr.write(format_text(diag) + "\n")
        raise ChiboError(_("'{id}' cannot be read because of the errors above", id=record_id),
                         _("fix them, then render again"))
    ids = [r.id for r in (*cell.meetings, *cell.planned, *cell.resolutions,
                          *cell.planned_resolutions)]
    close = get_close_matches(record_id, ids, n=1, cutoff=0.6)
    raise ChiboError(message, _("did you mean '{id}'?", id=close[0]) if close else "")


def _checked(folder: "Folder") -> tuple[list["Diagnostic"], "Cell"]:
    """The one cell of a cell folder, loaded and checked; with the committee file's findings."""
    from ..rules.run import each_cell

    checked = next(each_cell(folder, _default_checks(), records=True))
    assert checked.cell is not None  # asked for with records=True
    return folder.findings + checked.findings, checked.cell


def _default_checks() -> list["CheckSpec"]:
    from ..rules.checks import registry, selected

    return selected(registry(), None, False)


def _blocked(cell: "Cell", diagnostics: list["Diagnostic"], allow_errors: bool,
             sources: Optional[Sequence["Source"]] = None) -> bool:
    """Print the errors of the cell (or of the records a document is made from); True when they
    stop it from being rendered."""
    from dataclasses import replace

    from ..base.diagnostics import format_text, relative_location
    from ..rules.gate import Gate

    errors = Gate(cell, diagnostics).errors(sources)
    if not errors:
        return False
    for diag in errors:
        shown = replace(diag, location=relative_location(diag.location, Path.cwd()))
        sys.stderr.write(format_text(shown) + "\n")
    if allow_errors:
        sys.stderr.write(_("warning: {cell} has {n} error(s); rendering anyway (--allow-errors)",
                           cell=cell.root.resolve().name, n=len(errors)) + "\n")
        return False
    sys.stderr.write(_("{cell}: {n} error(s); not rendered (fix them, or use --allow-errors)",
                       cell=cell.root.resolve().name, n=len(errors)) + "\n")
    return True


def _gate(findings: list["Diagnostic"], cell: "Cell", allow_errors: bool,
          sources: Optional[Sources] = None) -> None:
    if _blocked(cell, findings, allow_errors, sources(cell) if sources else None):
        raise typer.Exit(1)


def _out(cell: "Cell", out: Optional[Path]) -> Path:
    if out is not None and out.suffix.lower() in (".docx", ".doc", ".pdf", ".odt"):
        raise ChiboError(_("--out takes a folder, not a file name: {path}", path=out),
                         _("documents are named after their record, e.g. "
                           "bien-ban-2025-08-05-regular.docx"))
    return out if out is not None else cell.root / "out"


def _latest_year(cell: "Cell") -> int:
    from ..records.loader import today

    return max((m.date.year for m in cell.meetings), default=today().year)


def _pdf_first(pdf: bool) -> None:
    """With --pdf, stop before writing anything when LibreOffice is missing."""
    if pdf:
        from ..documents.pdf import require_soffice

        require_soffice()


def _finish(written: list[Path], pdf: bool, force: bool) -> int:
    for path in written:
        typer.echo(_shown(path))
    if pdf and written:
        from ..documents.pdf import to_pdf

        for path in to_pdf(written, force):
            typer.echo(_shown(path))
    return 0


def _shown(path: Path) -> str:
    """Relative to the current folder when inside it, however the record was named."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except (ValueError, OSError):
        return str(path)
