"""Checks: resolution numbers run on, per type, for the whole term; drafts carry no number."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

from ...base.diagnostics import Diagnostic, Severity
from ...base.i18n import _
from ...records.loader import Cell
from ...records.models import Resolution, ResolutionStatus, Term
from ._support import meeting_of, number_text, resolution_date, rule_source, symbol, term_on
from .spec import check, finding


def _numbering_hint(cell: Cell) -> str:
    return _("numbers run on for each type over the whole term, from one cell congress to the "
             "next, and are not reset each year ({source})",
             source=rule_source(cell, "numbering.cell_suffix"))


def _numbered_by_term(cell: Cell) -> dict[tuple[str, str], tuple[Term, list[Resolution]]]:
    """Numbered, adopted resolutions grouped by (term label, type), in number order."""
    groups: dict[tuple[str, str], tuple[Term, list[Resolution]]] = {}
    for resolution in cell.resolutions:
        day = resolution_date(cell, resolution)
        if resolution.status is ResolutionStatus.draft or resolution.number is None or not day:
            continue
        term = term_on(cell, day)
        if term is None:
            continue
        key = (term.label, resolution.type)
        groups.setdefault(key, (term, []))[1].append(resolution)
    for _term, items in groups.values():
        items.sort(key=lambda r: (r.number or 0, r.id))
    return groups


@check("V030", "number-duplicate")
def number_duplicate(cell: Cell) -> Iterator[Diagnostic]:
    """No two adopted resolutions of one type share a number within a term.

    Passes: ``number: 4`` and ``number: 5``, both ``type: NQ``, in the 2025–2030 term.
    Fails: two with ``number: 5`` → ``V030 number 05-NQ/CB is also used by 2025-08-05.yaml``.
    """
    for term, items in _numbered_by_term(cell).values():
        first: dict[int, Resolution] = {}
        for resolution in items:
            number = resolution.number or 0
            if number not in first:
                first[number] = resolution
                continue
            yield finding(cell.locate(resolution, "number"),
                          _("number {symbol} is also used by {other} (term {term})",
                            symbol=symbol(cell, resolution), other=_file_name(first[number]),
                            term=term.label), _numbering_hint(cell))


def _file_name(resolution: Resolution) -> str:
    return Path(resolution.meta.file).name


def _gap_finding(cell: Cell, term: Term, resolution: Resolution, missing: list[int]
                 ) -> Diagnostic:
    numbers = ", ".join(number_text(cell, n) for n in missing)
    return finding(cell.locate(resolution, "number"),
                   _("number(s) {numbers} of type {type} are missing before {symbol} "
                     "(term {term})", numbers=numbers, type=resolution.type,
                     symbol=symbol(cell, resolution), term=term.label),
                   _numbering_hint(cell) + "; " + _(
                       "if numbers before {first} were issued outside chibo, set "
                       "'first_resolution_number' on the term in branch.yaml",
                       first=number_text(cell, term.first_resolution_number)))


@check("V031", "number-gap")
def number_gap(cell: Cell) -> Iterator[Diagnostic]:
    """Adopted resolutions of one type are numbered without gaps from the term's first number.

    Passes: numbers 1, 2, 3 in a term whose ``first_resolution_number`` is 1 (the default).
    Fails: numbers 1, 2, 5 → ``V031 number(s) 03, 04 of type NQ are missing before 05-NQ/CB``;
    a number below ``first_resolution_number`` fails too. The term of a resolution is the latest
    term in branch.yaml that started on or before its date (or its meeting's date).
    """
    for term, items in _numbered_by_term(cell).values():
        expected = term.first_resolution_number
        for resolution in items:
            number = resolution.number or 0
            if number < term.first_resolution_number:
                yield finding(cell.locate(resolution, "number"),
                              _("{symbol} is below the first number {first} of term {term}",
                                symbol=symbol(cell, resolution),
                                first=number_text(cell, term.first_resolution_number),
                                term=term.label),
                              _("check the date (it decides the term) and "
                                "'first_resolution_number' in branch.yaml"))
                continue
            if number > expected:
                yield _gap_finding(cell, term, resolution, list(range(expected, number)))
            expected = number + 1  # items are in number order


@check("V032", "numbered-draft")
def numbered_draft(cell: Cell) -> Iterator[Diagnostic]:
    """A draft resolution carries no number: the number is given when it is adopted.

    Passes: ``status: draft`` with no ``number``.
    Fails: ``status: draft`` with ``number: 5`` → ``V032 draft resolution 2025-08-05 carries
    number 05``.
    """
    for resolution in cell.resolutions:
        if resolution.status is ResolutionStatus.draft and resolution.number is not None:
            yield finding(cell.locate(resolution, "number"),
                          _("draft resolution {id} carries number {number}", id=resolution.id,
                            number=number_text(cell, resolution.number)),
                          _("remove 'number:' until the meeting adopts it, or set "
                            "'status: adopted'; a draft shows DỰ THẢO and no number"))


@check("V033", "resolution-before-meeting")
def resolution_before_meeting(cell: Cell) -> Iterator[Diagnostic]:
    """A resolution is not dated before the meeting that adopts it.

    Passes: ``date: 2025-08-05`` (or no date) for a meeting held on 2025-08-05.
    Fails: ``date: 2025-08-04`` → ``V033 resolution dated 2025-08-04, before its meeting on
    2025-08-05``.
    """
    for resolution in cell.resolutions:
        meeting = meeting_of(cell, resolution)
        if meeting is not None and resolution.date is not None and resolution.date < meeting.date:
            yield finding(cell.locate(resolution, "date"),
                          _("resolution dated {date}, before its meeting on {meeting}",
                            date=resolution.date, meeting=meeting.date),
                          _("a resolution is issued on or after the day the meeting votes it; "
                            "leave 'date:' out to use the meeting's date"))


def _missing_parts(cell: Cell, resolution: Resolution) -> Iterator[Diagnostic]:
    if not (resolution.assessment or "").strip():
        yield finding(cell.locate(resolution, "assessment"),
                      _("adopted resolution {symbol} has no assessment",
                        symbol=symbol(cell, resolution)),
                      _("write under 'assessment:' how the last period's tasks were carried out"))
    if not resolution.targets:
        yield finding(cell.locate(resolution, "targets"),
                      _("adopted resolution {symbol} has no targets",
                        symbol=symbol(cell, resolution)),
                      _("list the targets, tasks and measures for the coming period under "
                        "'targets:'"))
    if not resolution.tasks:
        yield finding(cell.locate(resolution, "tasks"),
                      _("adopted resolution {symbol} assigns no tasks",
                        symbol=symbol(cell, resolution)),
                      _("list who does what by when under 'tasks:', usually copied from the "
                        "meeting"), Severity.WARNING)


@check("V034", "resolution-incomplete")
def resolution_incomplete(cell: Cell) -> Iterator[Diagnostic]:
    """An adopted resolution holds an assessment, targets and (a warning) tasks.

    Passes: ``status: adopted`` with ``assessment:``, at least one ``targets:`` entry and at
    least one ``tasks:`` entry; a draft with none of them.
    Fails: no ``assessment`` → ``V034 adopted resolution 05-NQ/CB has no assessment``; no
    ``targets`` → ``V034 adopted resolution 05-NQ/CB has no targets``; no ``tasks`` → ``V034
    warning: adopted resolution 05-NQ/CB assigns no tasks``. A resolution assesses the last
    period, sets the targets of the next and says who does what. Drafts are not checked: they
    are completed before the vote.
    """
    for resolution in cell.resolutions:
        if resolution.status is ResolutionStatus.adopted:
            yield from _missing_parts(cell, resolution)


@check("V035", "document-type")
def document_type(cell: Cell) -> Iterator[Diagnostic]:
    """A resolution's type is one the cell issues (documents.resolution_types: NQ, KL).

    Passes: ``type: KL`` (a conclusion, rendered as KẾT LUẬN), or no ``type`` (NQ).
    Fails: ``type: BC`` → ``V035 'BC' is not a type of document the cell issues from
    resolutions/ (NQ, KL)``. Each type has its own template; a report or a plan is not a
    resolution record.
    """
    allowed = [str(t) for t in cell.rules["documents.resolution_types"]]
    for resolution in cell.resolutions:
        if resolution.type not in allowed:
            yield finding(cell.locate(resolution, "type"),
                          _("'{type}' is not a type of document the cell issues from "
                            "resolutions/ ({types})", type=resolution.type,
                            types=", ".join(allowed)),
                          _("write 'type: NQ' for a resolution or 'type: KL' for a conclusion "
                            "({source})", source=rule_source(cell, "documents.resolution_types")))
