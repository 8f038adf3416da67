"""Members in and out: ``chibo member import``, ``member export`` and ``member event``."""

import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Optional

import typer

from ..base.errors import ChiboError, ExitStatus
from ..base.i18n import _
from .records import CELL_HELP, member_app

if TYPE_CHECKING:
    from ..authoring.member_import import Plan


@member_app.command("event")
def member_event(
    member: str = typer.Argument(..., help=_("The member's id.")),
    kind: str = typer.Argument(..., help=_("What happened: confirmed, transferred_out, exempted, "
                                           "resumed, away, back, died…")),
    date: str = typer.Option(..., "--date", help=_("The day it took effect (YYYY-MM-DD).")),
    note: Optional[str] = typer.Option(None, "--note",
                                       help=_("A note, e.g. the number of the decision.")),
    category: Optional[str] = typer.Option(
        None, "--category", help=_("full or probationary (transferred_in, attached).")),
    cell: Path = typer.Option(Path("."), "--cell", "-C", help=CELL_HELP),
) -> None:
    """Add an event to a member's history in members.yaml (the rest of the file is untouched)."""
    from ..authoring.files import load_checked
    from ..authoring.member_events import NewEvent, add_event, leaves, parse_category, parse_kind
    from ..authoring.members import role_label
    from ..authoring.text import parse_date

    event = NewEvent(member, parse_kind(kind), parse_date(date, "--date"),
                     parse_category(category) if category else None, note)
    path = add_event(cell, event)
    typer.echo(_("added {event} on {date} to {id} in {path}", event=event.kind.value,
                 date=event.date.isoformat(), id=member, path=path))
    role = role_label(load_checked(cell).branch, member)
    if leaves(event.kind) and role:
        sys.stderr.write(_("note: branch.yaml still names {id} as {role}; name their successor "
                           "there", id=member, role=role) + "\n")


@member_app.command("import")
def member_import(
    source: Path = typer.Argument(..., help=_("The member list: .xlsx or .csv.")),
    cell: Path = typer.Option(Path("."), "--cell", "-C", help=CELL_HELP),
    dry_run: bool = typer.Option(False, "--dry-run", help=_("Show what would change; write "
                                                            "nothing.")),
    yes: bool = typer.Option(False, "--yes", "-y", help=_("Write without asking (for scripts).")),
    joined: Optional[str] = typer.Option(
        None, "--joined", help=_("New members came to the cell by transfer on this date "
                                 "(YYYY-MM-DD).")),
    reveal: bool = typer.Option(False, "--reveal", help=_("Show ID numbers in full.")),
) -> int:
    """Read the ward's member list and add or update members, after showing what would change."""
    from ..authoring.member_import import apply, plan_import
    from ..authoring.text import parse_date

    day = parse_date(joined, "--joined") if joined else None
    plan = plan_import(cell, source, dt.date.today(), day)
    _show_plan(plan, reveal)
    if plan.blocked:
        typer.echo(_("nothing was written: correct the rows above in the list and run the "
                     "import again"), err=True)
        return ExitStatus.FINDINGS
    if plan.empty or dry_run:
        if dry_run and not plan.empty:
            typer.echo(_("dry run: nothing was written"))
        return ExitStatus.OK
    if not yes:
        _confirm()
    typer.echo(_("wrote {path}", path=apply(cell, plan)))
    return ExitStatus.OK


def _confirm() -> None:
    if sys.stdin is None or not sys.stdin.isatty():
        raise ChiboError(_("not confirmed: nothing was written"),
                         _("give --yes to write without asking, or --dry-run to only look"))
    if not typer.confirm(_("Write these changes to members.yaml?"), default=False):
        raise ChiboError(_("not confirmed: nothing was written"))


def _show_plan(plan: "Plan", reveal: bool) -> None:
    from ..records.member_sheet import FIELD_LABELS
    from ..records.tabular import column_letter
    from ..trust.privacy import mask

    echo = typer.echo
    echo(_("{sheet}: headings on row {row}", sheet=plan.sheet, row=plan.mapping.row))
    used = {col: key for key, col in plan.mapping.columns.items()}
    for col, heading in plan.mapping.headings.items():
        target = used.get(col)
        field = f"{target} ({FIELD_LABELS[target]})" if target else _("(not used)")
        echo(f"  {column_letter(col)}  {heading}  →  {field}")
    private = ("card_number", "citizen_id")
    for new in plan.added:
        echo(_("add {id}: {name} (row {row})", id=new.id, name=new.row.name, row=new.row.row))
    for member_id, changes in plan.changed.items():
        for change in changes:
            hide = change.field in private
            echo(_("change {id}: {field} {old} → {new}", id=member_id, field=change.field,
                   old=mask(change.old, reveal) if hide else change.old or "∅",
                   new=mask(change.new, reveal) if hide else change.new))
    for event in plan.events:
        echo(_("add to {id}'s history: {event} on {date}", id=event.member,
               event=event.kind.value, date=event.date.isoformat()))
    for member in plan.missing:
        echo(_("not in the list: {id} ({name}); if they left, record it with 'chibo member "
               "event {id} transferred_out --date …'", id=member.id, name=member.name))
    for problem in sorted(plan.problems, key=lambda p: (p.row, p.column)):
        level = _("error") if problem.error else _("warning")
        echo(f"{problem.where(plan.sheet)}: {level}: {problem.message}", err=True)
    if plan.counted_before:
        echo(_("warning: {count} new member(s) would count at meetings already held since their "
               "admission; if they came by transfer, give --joined DATE",
               count=len(plan.counted_before)), err=True)
    echo(_("{added} to add, {changed} to change, {unchanged} unchanged, {missing} not in the list",
           added=len(plan.added), changed=len(plan.changed) + len(
               {e.member for e in plan.events} - set(plan.changed)),
           unchanged=plan.unchanged, missing=len(plan.missing)))


@member_app.command("export")
def member_export(
    cell: Path = typer.Argument(Path("."), help=CELL_HELP),
    file_format: str = typer.Option("xlsx", "--format", help=_("xlsx, docx or csv.")),
    on: Optional[str] = typer.Option(None, "--on", help=_("The list on this date (default "
                                                          "today).")),
    out: Optional[Path] = typer.Option(None, "--out", help=_("Folder to write into (default the "
                                                             "cell's out/).")),
    reveal: bool = typer.Option(False, "--reveal", help=_("Show ID numbers in full.")),
    force: bool = typer.Option(False, "--force", help=_("Replace an existing file.")),
    templates: Optional[Path] = typer.Option(None, "--templates",
                                             help=_("Folder of your own templates (docx).")),
    pdf: bool = typer.Option(False, "--pdf", help=_("Also convert to PDF with LibreOffice.")),
) -> None:
    """Write the member list (danh sách đảng viên) as the ward asks for it; ids masked."""
    from ..authoring.files import load_checked
    from ..authoring.text import parse_date
    from ..documents.member_list import FORMATS, export_members

    if file_format not in FORMATS:
        raise ChiboError(_("unknown format '{format}'", format=file_format),
                         _("use one of: {formats}", formats=", ".join(FORMATS)))
    if pdf and file_format != "docx":
        raise ChiboError(_("--pdf goes only with --format docx"))
    loaded = load_checked(cell)
    day = parse_date(on, "--on") if on else dt.date.today()
    target = export_members(loaded, out or loaded.root / "out", file_format, day, reveal=reveal,
                            force=force, templates=templates)
    typer.echo(_("wrote {path}", path=target))
    if pdf:
        from ..documents.pdf import to_pdf

        for made in to_pdf([target], force=force):
            typer.echo(_("wrote {path}", path=made))
