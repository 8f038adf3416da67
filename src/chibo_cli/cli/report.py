"""``chibo report``: the figures superiors ask for, for a cell or every cell of a committee."""

from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from ..base.errors import ChiboError
from ..base.i18n import _
from .app import app


class ReportFormat(str, Enum):
    terminal = "terminal"
    json = "json"
    csv = "csv"
    xlsx = "xlsx"
    docx = "docx"


@app.command()
def report(
    path: Path = typer.Argument(Path("."), help=_("A cell folder or a committee folder.")),
    year: Optional[str] = typer.Option(None, "--year", help=_("A year, e.g. 2025.")),
    quarter: Optional[str] = typer.Option(None, "--quarter", help=_("A quarter, e.g. 2025-Q3.")),
    month: Optional[str] = typer.Option(None, "--month", help=_("A month, e.g. 2025-08.")),
    term: bool = typer.Option(False, "--term", help=_("Each cell's current term.")),
    output: ReportFormat = typer.Option(ReportFormat.terminal, "--format",
                                        help=_("Output format.")),
    out: Optional[Path] = typer.Option(
        None, "--out", help=_("File to write (xlsx and docx: default out/bao-cao-….xlsx|docx "
                              "in the folder; json and csv: default standard output).")),
    force: bool = typer.Option(False, "--force", help=_("Replace an existing file.")),
    scored: bool = typer.Option(
        False, "--quality", help=_("Score each meeting on the local scoring sheet (rules "
                                   "quality.*; on for good with quality.enabled: true).")),
) -> int:
    """Figures of meetings, attendance, discussion, superior visits, tasks and members."""
    from ..records.loader import WorkspaceError
    from ..reports.ward import build_report

    if out is not None and output is ReportFormat.terminal:
        raise ChiboError(_("--out needs --format json, csv, xlsx or docx"))
    spec = _period(year, quarter, month, term)
    try:
        result = build_report(path, spec, scored=scored)
    except WorkspaceError as exc:
        raise ChiboError(str(exc)) from None
    _warn_unreadable(result.unreadable)
    if output is ReportFormat.terminal:
        from .report_view import show

        show(result)
        return 0
    data = _encode(result, output, path)
    if out is None and output in (ReportFormat.json, ReportFormat.csv):
        typer.echo(data.decode("utf-8"), nl=False)
        return 0
    target = out or _default_target(path, result.period, output.value)
    _write(target, data, force)
    typer.echo(str(target))
    return 0


def _warn_unreadable(files: list[str]) -> None:
    import sys

    if files:
        sys.stderr.write(_("warning: {count} file(s) could not be read and are not counted: "
                           "{files}", count=len(files), files=", ".join(files[:5])
                           + (", …" if len(files) > 5 else "")) + "\n")
        sys.stderr.write("    " + _("hint") + ": " + _("'chibo validate' shows what is wrong "
                                                      "with them") + "\n")


def _period(year: Optional[str], quarter: Optional[str], month: Optional[str], term: bool):  # type: ignore[no-untyped-def]
    from ..reports.period import PeriodSpec, parse

    given = [(k, v) for k, v in (("year", year), ("quarter", quarter), ("month", month)) if v]
    if len(given) + term > 1:
        raise ChiboError(_("give one of --year, --quarter, --month or --term"))
    if term:
        return PeriodSpec("term")
    if not given:
        return None
    kind, value = given[0]
    parse(kind, value)  # a malformed value is a usage error before anything is loaded
    return PeriodSpec(kind, value)


def _encode(result, output: ReportFormat, path: Path) -> bytes:  # type: ignore[no-untyped-def]
    from ..reports import tables

    if output is ReportFormat.json:
        return tables.to_json(result).encode("utf-8")
    if output is ReportFormat.csv:
        return tables.to_csv(tables.summary(result)).encode("utf-8")
    if output is ReportFormat.xlsx:
        from ..reports.xlsx import workbook_bytes

        return workbook_bytes(result)
    from ..reports.docx import document_bytes

    return document_bytes(result, path)


def _default_target(path: Path, period: str, suffix: str) -> Path:
    from ..reports.period import file_stem

    return path / "out" / f"bao-cao-{file_stem(period)}.{suffix}"


def _write(target: Path, data: bytes, force: bool) -> None:
    from ..base.atomic import write_bytes_atomic

    if target.is_dir():
        raise ChiboError(_("{path} is a folder; give a file name", path=target))
    if target.exists() and not force:
        raise ChiboError(_("{path} exists; not overwritten", path=target),
                         _("use --force to replace it"))
    target.parent.mkdir(parents=True, exist_ok=True)
    write_bytes_atomic(target, data, overwrite=force)
