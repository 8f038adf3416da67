"""Render a cell's minutes, resolutions and books to DOCX: the functions the CLI calls.

    from chibo_cli.records.loader import load_workspace
    from chibo_cli.documents.api import render_minutes_book
    cell = load_workspace("chi-bo-to-dan-pho-5").cells[0]
    render_minutes_book(cell, Path("out"), year=2025)
"""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path
from typing import Any, Mapping, Optional

from ..base.atomic import write_bytes_atomic
from ..base.dates import date_words
from ..base.errors import ChiboError
from ..base.i18n import _
from ..records.loader import Cell, today
from ..records.models import Meeting, MeetingKind, Resolution, ResolutionStatus, Term
from ..records.rulebook import Rulebook
from ..trust.seal import short_seals
from . import context as ctx
from . import shapes
from .kinds import kind_of, tally
from .templates import find

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


class EmptyBook(ChiboError):
    """The period holds no records: an empty book would look like a cell that never met."""


def render_minutes(cell: Cell, meeting: Meeting, out: Path, *,
                   templates: Optional[Path] = None, force: bool = False) -> Path:
    """``out/bien-ban-<meeting>.docx``: the minutes of one meeting."""
    name = "minutes-thematic" if meeting.kind is MeetingKind.thematic else "minutes-regular"
    seal = short_seals(cell).get(("meeting", meeting.id), "")
    context: shapes.MinutesContext = {"m": ctx.minutes(cell, meeting, seal)}
    return _render(cell, name, context, out, f"bien-ban-{meeting.id}", templates, force)


def render_resolution(cell: Cell, resolution: Resolution, out: Path, *,
                      templates: Optional[Path] = None, force: bool = False) -> Path:
    """``out/nghi-quyet-<id>.docx`` (``ket-luan-<id>`` for a KL): one resolution or conclusion
    in its type's template, marked DỰ THẢO while a draft."""
    kind = kind_of(cell, resolution.type)
    seal = short_seals(cell).get(("resolution", resolution.id), "")
    context: shapes.ResolutionContext = {"r": ctx.resolution(cell, resolution, seal)}
    return _render(cell, kind.template, context, out, f"{kind.stem}-{resolution.id}", templates,
                   force)


def render_minutes_book(cell: Cell, out: Path, *, year: Optional[int] = None,
                        term: Optional[str] = None, volume: int = 1,
                        templates: Optional[Path] = None, force: bool = False) -> Path:
    """The minutes book for ``year``, or for a term (``term`` is its label, or "" for the
    latest): a cover, then every meeting in date order, each on a new page."""
    meetings, period, stem = minutes_book_meetings(cell, year, term)
    seals = short_seals(cell)
    records = [ctx.minutes(cell, m, seals.get(("meeting", m.id), "")) for m in meetings]
    dates = [m.date for m in meetings]
    book = _book(cell, "SỔ BIÊN BẢN", "SINH HOẠT CHI BỘ", period, volume, dates, "")
    context: shapes.MinutesBookContext = {"book": book, "meetings": records}
    return _render(cell, "minutes-book", context, out, stem, templates, force)


def minutes_book_meetings(cell: Cell, year: Optional[int], term: Optional[str]
                          ) -> tuple[list[Meeting], str, str]:
    """(the book's meetings in order, its period, its file stem); EmptyBook when none."""
    if year is not None:
        meetings = [m for m in cell.meetings if m.date.year == year]
        period, stem = f"Năm {year}", f"so-bien-ban-{year}"
    else:
        chosen = pick_term(cell, term)
        meetings = [m for m in cell.meetings if in_term(cell, chosen, m.date)]
        period, stem = f"Nhiệm kỳ {chosen.label}", f"so-bien-ban-nhiem-ky-{chosen.label}"
    if not meetings:
        raise EmptyBook(_("{cell}: no meetings in {period}; there is no book to make",
                          cell=cell.name, period=year if year is not None else _(
                              "term {term}", term=chosen.label)))
    return sorted(meetings, key=lambda m: (m.date, m.start, m.id)), period, stem


def render_resolution_book(cell: Cell, out: Path, *, term: Optional[str] = None,
                           volume: int = 1, templates: Optional[Path] = None,
                           force: bool = False) -> Path:
    """The resolution notebook of a term: a cover counting each type, an index, every adopted
    resolution and conclusion in date order."""
    chosen = pick_term(cell, term)
    adopted = resolution_book_resolutions(cell, chosen)
    seals = short_seals(cell)
    records = [ctx.resolution(cell, r, seals.get(("resolution", r.id), "")) for r in adopted]
    dates = sorted(resolution_date(cell, r) for r in adopted)
    book = _book(cell, "SỔ NGHỊ QUYẾT", "CỦA CHI BỘ", f"Nhiệm kỳ {chosen.label}", volume, dates,
                 tally([r.type for r in adopted]))
    context: shapes.ResolutionBookContext = {"book": book, "resolutions": records}
    return _render(cell, "resolution-book", context, out, f"so-nghi-quyet-nhiem-ky-{chosen.label}",
                   templates, force)


def resolution_book_resolutions(cell: Cell, term: Term) -> list[Resolution]:
    """The adopted resolutions (and conclusions) of ``term`` in date order, then by type and
    number; EmptyBook when none."""
    adopted = [r for r in cell.resolutions if r.status is ResolutionStatus.adopted
               and in_term(cell, term, resolution_date(cell, r))]
    if not adopted:
        raise EmptyBook(_("{cell}: no adopted resolutions in term {term}; there is no book to "
                          "make", cell=cell.name, term=term.label))
    return sorted(adopted, key=lambda r: (resolution_date(cell, r), r.type, r.number or 0, r.id))


# ------------------------------------------------------------------ terms and dates


def pick_term(cell: Cell, label: Optional[str]) -> Term:
    """The term called ``label``, or the latest one."""
    terms = cell.branch.terms if cell.branch else []
    if not terms:
        raise ChiboError(_("{path}: branch.yaml names no term", path=cell.root))
    if not label:
        return max(terms, key=lambda t: t.start)
    for term in terms:
        if term.label == label:
            return term
    raise ChiboError(_("no term '{label}' in branch.yaml", label=label),
                     _("terms: {labels}", labels=", ".join(t.label for t in terms)))


def in_term(cell: Cell, term: Term, day: dt.date) -> bool:
    later = [t.start for t in (cell.branch.terms if cell.branch else []) if t.start > term.start]
    return term.start <= day and (not later or day < min(later))


def resolution_date(cell: Cell, resolution: Resolution) -> dt.date:
    meeting = cell.meeting_or_planned(resolution.meeting)
    day = resolution.date or (meeting.date if meeting else None)
    return day or dt.date.min


# ------------------------------------------------------------------ rendering


def _book(cell: Cell, title: str, subtitle: str, period: str, volume: int,
          dates: list[dt.date], counted: str) -> shapes.Book:
    header = ctx.header(cell, dates[0] if dates else today())
    return {"superior": header["superior"], "cell": header["cell"], "title": title,
            "subtitle": subtitle, "period": period, "volume": f"{volume:02d}",
            "first": date_words(dates[0]) if dates else "",
            "last": date_words(dates[-1]) if dates else "", "count": len(dates),
            "tally": counted}


def output_path(out: Path, stem: str) -> Path:
    """``out/<stem>.docx`` with a file-system-safe stem that cannot leave ``out``."""
    safe = _UNSAFE.sub("-", stem.replace("–", "-")).strip(".-") or "document"
    target = out / f"{safe}.docx"
    if target.resolve().parent != out.resolve():
        raise ChiboError(_("refusing to write {path} outside {out}", path=target, out=out))
    return target


def _render(cell: Cell, name: str, context: Mapping[str, Any], out: Path, stem: str,
            templates: Optional[Path], force: bool) -> Path:
    target = output_path(out, stem)
    if target.exists() and not force:
        raise ChiboError(_("{path} exists; not overwritten", path=target),
                         _("use --force to replace it"))
    data = render_bytes(find(name, cell.root, templates).path, dict(context), cell.rules)
    write_bytes_atomic(target, data, overwrite=force)
    return target


def render_bytes(template: Path, context: dict[str, Any], rules: Rulebook,
                 images: Optional[Mapping[str, tuple[bytes, float]]] = None) -> bytes:
    """Render ``template`` with ``context`` in the sandbox and apply the rulebook's layout.
    ``images`` maps a dotted context place (``r.chart_months``) to (PNG bytes, width in mm)."""
    from jinja2 import TemplateError
    from lxml.etree import XMLSyntaxError

    from .compiled import Prepared, document_env
    from .docx_layout import apply_layout
    from .symbols import keep_symbols_whole

    try:
        document = Prepared(str(template))
        _place_images(document, context, images or {})
        document.render(context, jinja_env=document_env(), autoescape=True)
    except TemplateError as exc:
        raise ChiboError(_("template {path}: {error}", path=template, error=exc),
                         _("run 'chibo templates lint {path}'", path=template)) from None
    except (XMLSyntaxError, KeyError, ValueError) as exc:
        raise ChiboError(_("template {path} is not a usable Word document: {error}",
                           path=template, error=exc),
                         _("run 'chibo templates lint {path}'", path=template)) from None
    apply_layout(document.docx, rules)
    keep_symbols_whole(document.docx)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _place_images(document: Any, context: dict[str, Any],
                  images: Mapping[str, tuple[bytes, float]]) -> None:
    """Put each image into the context where the template expects it (an InlineImage needs the
    template it goes into, so the caller cannot build it)."""
    from docx.shared import Mm
    from docxtpl import InlineImage

    for place, (data, width) in images.items():
        *parents, name = place.split(".")
        target = context
        for part in parents:
            target = target[part]
        target[name] = InlineImage(document, io.BytesIO(data), width=Mm(width))
