"""The kinds of document a cell issues from ``resolutions/``: nghị quyết (NQ) and kết luận (KL).

Each has its own template (its title, its wording: "CHI BỘ QUYẾT NGHỊ" or "chi bộ kết luận"), its
file name and its noun in the notebook. The rulebook (``documents.resolution_types``) says which
of them a cell issues; a type outside that list, or one chibo has no template for, is refused.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..base.errors import ChiboError
from ..base.i18n import _
from ..records.loader import Cell


@dataclass(frozen=True)
class Kind:
    symbol: str     # NQ
    noun: str       # nghị quyết
    template: str   # resolution
    stem: str       # nghi-quyet: the file name's start


KINDS = {kind.symbol: kind for kind in (
    Kind("NQ", "nghị quyết", "resolution", "nghi-quyet"),
    Kind("KL", "kết luận", "conclusion", "ket-luan"),
)}


def issued(cell: Cell) -> list[str]:
    """The types the cell issues, from the rulebook."""
    return [str(symbol) for symbol in cell.rules["documents.resolution_types"]]


def kind_of(cell: Cell, symbol: str) -> Kind:
    """The kind of a resolution's ``type``; a clear error for one the cell does not issue."""
    allowed = issued(cell)
    if symbol not in allowed or symbol not in KINDS:
        raise ChiboError(_("no template for document type '{type}'", type=symbol),
                         _("a cell issues {types} (rule documents.resolution_types); check "
                           "'type:' in the record", types=", ".join(
                               s for s in allowed if s in KINDS)))
    return KINDS[symbol]


def tally(symbols: list[str]) -> str:
    """``2 nghị quyết, 1 kết luận``: how many of each kind, in the order of KINDS."""
    counts = [(sum(s == kind.symbol for s in symbols), kind.noun) for kind in KINDS.values()]
    others = sum(s not in KINDS for s in symbols)
    parts = [f"{n} {noun}" for n, noun in counts if n]
    if others:
        parts.append(f"{others} văn bản khác")
    return ", ".join(parts) or "0"
