"""The report on a terminal: rich tables within 80 columns, the summary first."""

from typing import Optional

from ..base.i18n import _
from ..reports.figures import CellReport
from ..reports.tables import event_name, kind_name, short_text
from ..reports.ward import Report

WIDTH = 80


def show(report: Report) -> None:
    from rich.console import Console

    console = Console(width=min(Console().width, WIDTH), highlight=False)
    console.print(f"[bold]{report.title}[/bold] — {_('report')} {report.period}")
    t = report.totals
    console.print(_("{cells} cell(s), {short} falling short; regular meetings {held}/{required}, "
                    "thematic {them}/{them_required}; attendance {rate}; spoke {share}; "
                    "visited by the superior committee: {visited}/{cells}",
                    cells=t.cells, short=t.cells_short, held=t.regular_held,
                    required=t.regular_required, them=t.thematic_held,
                    them_required=t.thematic_required, rate=pct(t.attendance_rate),
                    share=pct(t.speakers_share), visited=t.cells_visited))
    if report.committee:
        console.print(_committee_table(report))
        _assignments(console, report)
    for cell in report.cells if not report.committee else []:
        _cell(console, cell)


def pct(value: Optional[float]) -> str:
    return "–" if value is None else f"{value * 100:.0f}%"


def _committee_table(report: Report):  # type: ignore[no-untyped-def]
    from rich.table import Table

    table = Table(title=_("Cells, those falling short first"), title_justify="left",
                  expand=False, pad_edge=False)
    for name, justify in ((_("cell"), "left"), (_("reg."), "right"), (_("them."), "right"),
                          (_("att."), "right"), (_("spk."), "right"), (_("sup."), "right"),
                          (_("tasks."), "right"), (_("short"), "left")):
        table.add_column(name, justify=justify, overflow="fold")  # type: ignore[arg-type]
    for r in report.cells:
        style = "red" if r.short else None
        table.add_row(r.cell, f"{r.meetings.regular_held}/{r.meetings.regular_required}",
                      f"{r.meetings.thematic_held}/{r.meetings.thematic_required}",
                      pct(r.attendance.rate), pct(r.discussion.share),
                      str(r.superior.meetings_visited), f"{r.tasks.done}/{r.tasks.given}",
                      short_text(r), style=style)
    table.caption = _("reg. = regular meetings held/required, them. = thematic, att. = "
                      "attendance, spk. = share of those present who spoke, sup. = meetings "
                      "attended by the superior committee, tasks. = tasks done/given")
    table.caption_justify = "left"
    return table


def _assignments(console, report: Report) -> None:  # type: ignore[no-untyped-def]
    for a in report.assignments:
        if a.not_visited:
            console.print(_("{name} did not attend a meeting of: {cells}", name=a.name,
                            cells=", ".join(a.not_visited)))


def _cell(console, r: CellReport) -> None:  # type: ignore[no-untyped-def]
    from rich.table import Table

    m, a, d, s, t, p = r.meetings, r.attendance, r.discussion, r.superior, r.tasks, r.members
    facts = Table(show_header=False, box=None, pad_edge=False)
    facts.add_column(style="bold", overflow="fold")
    facts.add_column(overflow="fold")
    facts.add_row(_("meetings"), _(
        "regular {held}/{required}, thematic {them}/{them_required}, extraordinary {extra}; "
        "shortest {shortest} min, median {median} min; planned topics held {planned_held}/"
        "{planned}", held=m.regular_held, required=m.regular_required, them=m.thematic_held,
        them_required=m.thematic_required, extra=m.extraordinary, shortest=m.shortest or "–",
        median=f"{m.median:g}" if m.median is not None else "–", planned_held=m.planned_held,
        planned=m.planned_topics))
    if m.months_short or m.quarters_short:
        facts.add_row(_("missing"), ", ".join(m.months_short + m.quarters_short))
    facts.add_row(_("attendance"), _(
        "{present}/{required} ({rate}, {band}); absent with reason {excused}, without {unexcused}",
        present=a.present, required=a.required, rate=pct(a.rate), band=a.band,
        excused=a.absent_excused, unexcused=a.absent_unexcused))
    if a.over_limit:
        facts.add_row(_("over the limit"), ", ".join(a.over_limit))
    facts.add_row(_("discussion"), _("{speakers} of {present} present spoke ({share})",
                                     speakers=d.speakers, present=d.present, share=pct(d.share)))
    if d.silent:
        facts.add_row(_("never spoke"), ", ".join(d.silent))
    facts.add_row(_("superior"), _("{visited} meeting(s) attended: {names}",
                                   visited=s.meetings_visited,
                                   names=", ".join(sorted({v.guest for v in s.visits})) or "–"))
    if s.assigned_absent:
        facts.add_row(_("assigned, absent"), ", ".join(s.assigned_absent))
    facts.add_row(_("tasks"), _(
        "{given} given: {done} done, {progress} in progress, {not_done} not done, {unreviewed} "
        "not reviewed; {overdue} overdue", given=t.given, done=t.done, progress=t.in_progress,
        not_done=t.not_done, unreviewed=t.not_reviewed, overdue=t.overdue))
    facts.add_row(_("resolutions"), ", ".join(f"{k} {v}" for k, v in t.resolutions.items())
                  or "–")
    facts.add_row(_("members"), _(
        "{total} on {on}: {full} full, {prob} probationary, {exempt} exempted, {away} away, "
        "{attached} attached; {male} men, {female} women", total=p.total, on=p.on, full=p.full,
        prob=p.probationary, exempt=p.exempted, away=p.away, attached=p.attached, male=p.male,
        female=p.female))
    facts.add_row(_("ages"), ", ".join(f"{k}: {v}" for k, v in p.ages.items()))
    facts.add_row(_("changes"), ", ".join(f"{event_name(k)} {v}" for k, v in p.events.items()))
    console.print(facts)
    console.print(_meetings_table(r))


def _meetings_table(r: CellReport):  # type: ignore[no-untyped-def]
    from rich.table import Table

    table = Table(title=_("Meetings"), title_justify="left", pad_edge=False)
    scored = any(row.quality for row in r.rows)
    for name in (_("date"), _("kind"), _("min."), _("to attend"), _("present"), "%",
                 _("spoke"), _("sup."), *([_("points")] if scored else [])):
        table.add_column(name, overflow="fold", no_wrap=name == _("date"))
    for row in r.rows:
        points = [f"{row.quality.total:g} {row.quality.band}"] if row.quality else []
        table.add_row(row.date, kind_name(row.kind), str(row.minutes or "–"), str(row.required),
                      str(row.present), pct(row.rate), str(row.speakers),
                      str(len(row.superior)), *points)
    return table
