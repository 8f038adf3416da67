"""The registry of named checks. Each family lives in its own module; the registry is explicit.

A check is a generator over one cell that yields diagnostics made with ``finding()``; the runner
stamps them with the check's code, name and severity. A check's docstring is its user
documentation: first line the summary, then a passing and a failing example (``docs/checks.md``
is generated from them).
"""

from __future__ import annotations

from typing import Iterable, Iterator

from ...base.diagnostics import Diagnostic
from ...records.loader import Cell, Workspace
from .spec import CheckSpec, Tier, check, finding, stamped

__all__ = ["CheckSpec", "Tier", "check", "finding", "registry", "selected", "run_checks",
           "check_cell", "UnknownCheck"]


def registry() -> dict[str, CheckSpec]:
    """Every check, by code, from the family modules listed here."""
    from . import (
        admission,
        calendar,
        candidates,
        meetings,
        members,
        ratings,
        references,
        resolutions,
        seal,
        tasks,
        votes,
    )

    specs: dict[str, CheckSpec] = {}
    for module in (references, meetings, votes, resolutions, calendar, members, admission, tasks,
                   seal, ratings, candidates):
        for value in vars(module).values():
            spec = getattr(value, "chibo_check", None)
            if isinstance(spec, CheckSpec):
                if spec.code in specs:
                    raise RuntimeError(f"check code {spec.code} registered twice")
                specs[spec.code] = spec
    return dict(sorted(specs.items()))


def selected(specs: dict[str, CheckSpec], select: Iterable[str] | None,
             strict: bool) -> list[CheckSpec]:
    """Checks to run: those named (by code, code prefix or name), else the tiers in force."""
    if select:
        wanted = [s.strip() for s in select if s.strip()]
        unknown = [w for w in wanted if not any(_matches(spec, w) for spec in specs.values())]
        if unknown:
            raise UnknownCheck(unknown)
        return [spec for spec in specs.values() if any(_matches(spec, w) for w in wanted)]
    tiers = {Tier.DEFAULT, Tier.STRICT} if strict else {Tier.DEFAULT}
    return [spec for spec in specs.values() if spec.tier in tiers]


class UnknownCheck(ValueError):
    """--select named something that is no check's code, code prefix or name."""

    def __init__(self, names: list[str]) -> None:
        super().__init__(", ".join(names))
        self.names = names


def _matches(spec: CheckSpec, wanted: str) -> bool:
    return spec.code.startswith(wanted.upper()) or spec.name == wanted


def run_checks(workspace: Workspace, select: Iterable[str] | None = None,
               strict: bool = False) -> list[Diagnostic]:
    """Load diagnostics plus every selected check over every cell, sorted by place."""
    specs = selected(registry(), select, strict)
    found = list(workspace.diagnostics)
    for cell in workspace.cells:
        found.extend(check_cell(cell, specs))
    return sorted(found, key=Diagnostic.sort_key)


def check_cell(cell: Cell, specs: Iterable[CheckSpec]) -> Iterator[Diagnostic]:
    for spec in specs:
        if _waits(spec, cell):
            continue
        for found in spec.func(cell):
            yield stamped(spec, found)


def _waits(spec: CheckSpec, cell: Cell) -> bool:
    """The check cannot judge this cell until members.yaml loads (see ``check``)."""
    if spec.counts_roster:
        return not cell.roster_complete
    return spec.needs_roster and cell.roster_unreadable
