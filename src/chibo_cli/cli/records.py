"""Commands that create records: init, member, new-meeting, new-resolution."""

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Optional

import typer

from ..base.errors import ChiboError
from ..base.i18n import _
from .app import Group, app

if TYPE_CHECKING:
    from ..base.diagnostics import Diagnostic
    from ..records.loader import Cell

member_app = typer.Typer(
    cls=Group, help=_("Members of a cell: add, list, import, export, record events."),
    no_args_is_help=True)
app.add_typer(member_app, name="member")

CELL_HELP = _("The cell folder.")
PIPE_WIDTH = 160


def _interactive(no_input: bool) -> bool:
    return not no_input and sys.stdin is not None and sys.stdin.isatty()


def _fill(values: dict[str, Optional[str]], questions: dict[str, str],
          no_input: bool) -> dict[str, str]:
    """Ask for the missing values in a terminal; elsewhere a missing value is a usage error."""
    missing = [key for key, value in values.items() if value is None]
    if missing and not _interactive(no_input):
        flags = ", ".join("--" + key.replace("_", "-") for key in missing)
        raise ChiboError(_("missing {flags}", flags=flags),
                         _("give them as options, or run in a terminal to be asked"))
    for key in missing:
        values[key] = _ask(questions[key], _ANSWER_CHECKS.get(key))
    return {key: str(value) for key, value in values.items()}


def _ask(question: str, check: Optional[Callable[[str], str]]) -> str:
    """Ask until the answer passes ``check``; the slip is said in chibo's words (typer's own
    prompt check prints an English 'Error:')."""
    while True:
        answer = str(typer.prompt(question))
        if check is None:
            return answer
        try:
            return check(answer)
        except typer.BadParameter as exc:
            typer.echo(f"{_('error')}: {exc.message}", err=True)


def _date_answer(text: str) -> str:
    """A typed date is checked at once, so a slip asks again instead of losing every answer."""
    from ..authoring.text import parse_date

    try:
        parse_date(text, "--term-start")
    except ChiboError as exc:
        raise typer.BadParameter(exc.message) from None
    return text


_ANSWER_CHECKS = {"term_start": _date_answer}


@app.command()
def init(
    directory: Path = typer.Argument(Path("."),
                                     help=_("Folder of the new cell (made if missing).")),
    name: Optional[str] = typer.Option(None, "--name", help=_("Name of the cell.")),
    superior: Optional[str] = typer.Option(None, "--superior", help=_("The committee above it.")),
    place: Optional[str] = typer.Option(None, "--place", help=_("Place name for dates.")),
    term_start: Optional[str] = typer.Option(None, "--term-start",
                                             help=_("First day of the term (YYYY-MM-DD).")),
    term_label: Optional[str] = typer.Option(None, "--term-label",
                                             help=_("Name of the term, e.g. 2025–2030.")),
    no_input: bool = typer.Option(False, "--no-input", help=_("Never ask; fail instead.")),
) -> None:
    """Start a cell folder: branch.yaml, members.yaml and the record folders."""
    from ..authoring.cell_folder import BranchInfo, check_init_target, init_cell
    from ..authoring.text import parse_date

    check_init_target(directory)
    values = _fill(
        {"name": name, "superior": superior, "place": place, "term_start": term_start,
         "term_label": term_label},
        {"name": _("Name of the cell (e.g. Chi bộ Tổ dân phố số 14)"),
         "superior": _("Committee above it (e.g. Đảng bộ phường Tân Phong)"),
         "place": _("Place name written before dates (e.g. Tân Phong)"),
         "term_start": _("First day of the term (YYYY-MM-DD)"),
         "term_label": _("Name of the term (e.g. 2025–2030)")}, no_input)
    info = BranchInfo(values["name"], values["superior"], values["place"],
                      parse_date(values["term_start"], "--term-start"), values["term_label"])
    for made in init_cell(directory, info):
        typer.echo(_("created {path}", path=made))


@member_app.command("add")
def member_add(
    cell: Path = typer.Argument(Path("."), help=CELL_HELP),
    name: str = typer.Option(..., "--name", help=_("Full name.")),
    gender: str = typer.Option(..., "--gender", help=_("nam or nữ.")),
    born: str = typer.Option(..., "--born", help=_("Date of birth (YYYY-MM-DD).")),
    admitted: str = typer.Option(..., "--admitted", help=_("Date of admission (YYYY-MM-DD).")),
    confirmed: Optional[str] = typer.Option(
        None, "--confirmed", help=_("Date confirmed as a full member (YYYY-MM-DD).")),
    card_number: Optional[str] = typer.Option(None, "--card-number", help=_("Party card number.")),
    citizen_id: Optional[str] = typer.Option(None, "--citizen-id", help=_("Citizen ID number.")),
    member_id: Optional[str] = typer.Option(
        None, "--id", help=_("The member's id (default: made from the name).")),
    role: Optional[str] = typer.Option(
        None, "--role", help=_("secretary or deputy: also name them in branch.yaml.")),
) -> None:
    """Add a member at the end of members.yaml (the rest of the file is left as it is)."""
    from ..authoring.files import cell_root
    from ..authoring.members import NewMember, add_member, parse_gender
    from ..authoring.roles import assign_role, check_role_free
    from ..authoring.text import parse_date, slugify

    if role is not None:
        from ..records.keywords import english

        role = english("Role", role)  # --role "bí thư" is --role secretary
        check_role_free(cell_root(cell), role)  # before the member is added, not after

    member = NewMember(
        name=name, gender=parse_gender(gender), born=parse_date(born, "--born"),
        admitted=parse_date(admitted, "--admitted"),
        confirmed=parse_date(confirmed, "--confirmed") if confirmed else None,
        card_number=card_number, citizen_id=citizen_id, id=member_id)
    if member.born >= member.admitted:
        raise ChiboError(_("the dates are out of order: born {born}, admitted {admitted}",
                           born=member.born, admitted=member.admitted),
                         _("check the year of birth and of admission"))
    new_id, path = add_member(cell, member)
    typer.echo(_("added {id} to {path}", id=new_id, path=path))
    if member_id is None and new_id != slugify(name):
        sys.stderr.write(_("note: the id '{base}' was taken (a namesake?), so this member is "
                           "'{id}'; documents tell namesakes apart by year of birth",
                           base=slugify(name), id=new_id) + "\n")
    if role is not None:
        branch = assign_role(cell_root(cell), role, new_id)
        from ..records.models import ROLE_TITLES

        # the cell's own word for the role, as the member list shows it ("bí thư chi bộ")
        title = ROLE_TITLES[role].lower()
        typer.echo(_("named {id} as {role} in {path}", id=new_id, role=title, path=branch))


@member_app.command("list")
def member_list(
    cell: Path = typer.Argument(Path("."), help=CELL_HELP),
    on: Optional[str] = typer.Option(None, "--on", help=_("Status on this date (default today).")),
    reveal: bool = typer.Option(False, "--reveal", help=_("Show ID numbers in full.")),
) -> int:
    """List the members with their status on a date; ID numbers are masked."""
    from rich.console import Console
    from rich.table import Table

    from ..authoring.files import cell_root
    from ..authoring.members import member_rows
    from ..authoring.text import parse_date
    from ..records.loader import load_cell, today

    day = parse_date(on, "--on") if on else today()
    diagnostics: list = []  # type: ignore[type-arg]
    loaded = load_cell(cell_root(cell), sink=diagnostics)
    roster = _roster_problems(loaded, diagnostics)
    if loaded.roster_unreadable:  # missing or unreadable: an empty table would say "no members"
        _unreadable_roster(roster)
    table = Table(title=_("Members on {date}", date=day))
    table.add_column(_("id"), no_wrap=True)
    for header in (_("name"), _("status"), _("role"), _("card number"), _("citizen id")):
        table.add_column(header, overflow="fold")
    for row in member_rows(loaded, day, reveal):
        table.add_row(row.id, row.name, row.status, row.role, row.card_number, row.citizen_id)
    # Piped output is read by people and grep alike: do not squeeze it into 80 columns.
    Console(width=None if sys.stdout.isatty() else PIPE_WIDTH).print(table)
    if loaded.broken_members:
        return _incomplete_roster(loaded.broken_members, roster)
    if diagnostics:
        sys.stderr.write(_("{count} problem(s) in the records; run 'chibo validate'",
                           count=len(diagnostics)) + "\n")
    return 0


def _roster_problems(loaded: "Cell", diagnostics: list["Diagnostic"]) -> list["Diagnostic"]:
    from ..base.diagnostics import file_key
    from ..records.loader import MEMBERS_FILE

    members = file_key(str(loaded.root / MEMBERS_FILE))
    return [d for d in diagnostics if file_key(d.location.file) == members]


def _unreadable_roster(problems: list["Diagnostic"]) -> None:
    if not problems:
        raise ChiboError(_("members.yaml cannot be read"),
                         _("run 'chibo validate' to see every problem"))
    first = problems[0]
    raise ChiboError(f"{first.location}: {first.message}",
                     first.hint or _("run 'chibo validate' to see every problem"))


def _incomplete_roster(broken: int, problems: list["Diagnostic"]) -> int:
    """The table lacks the members whose entries failed to load: say so, and fail."""
    from ..base.diagnostics import format_text

    for diag in problems:
        sys.stderr.write(format_text(diag) + "\n")
    sys.stderr.write(_("{count} member(s) of members.yaml could not be read and are not listed",
                       count=broken) + "\n")
    return 1


@app.command("new-meeting")
def new_meeting(
    cell: Path = typer.Argument(Path("."), help=CELL_HELP),
    kind: str = typer.Option("regular", "--kind",
                             help=_("regular, thematic or extraordinary.")),
    date: Optional[str] = typer.Option(None, "--date", help=_("Date (default today).")),
    start: Optional[str] = typer.Option(None, "--start", help=_("Start time, e.g. 19:30.")),
) -> None:
    """Write a pre-filled meeting file (agenda, chair, tasks to review) and print its path."""
    from ..authoring import meetings
    from ..authoring import text as yamltext
    from ..records.loader import today

    day = yamltext.parse_date(date, "--date") if date else today()
    begin = yamltext.parse_time(start) if start else None
    typer.echo(str(meetings.new_meeting(cell, meetings.parse_kind(kind), day, begin)))


@app.command("new-resolution")
def new_resolution(
    meeting: str = typer.Argument(..., help=_("The meeting: its file or its id.")),
    cell: Optional[Path] = typer.Option(None, "--cell", "-C", help=CELL_HELP),
) -> None:
    """Write the draft resolution of a meeting, with its tasks, and print its path."""
    from ..authoring.resolutions import new_resolution as create_resolution

    typer.echo(str(create_resolution(meeting, cell)))
