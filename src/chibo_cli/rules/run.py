"""The one loop that loads and checks cells: validate, render, book and seal all go through it.

A cell is loaded, checked, handed to the caller and let go before the next one is read, so a ward
of 770 cells never sits in memory at once. The findings of a cell that has not changed since the
last run come from the cache (rules/cache.py) without loading it; a caller that needs the records
(to render or seal them) still gets them loaded, with the cached findings.

When only findings are wanted and the folder is a committee of many cells, worker processes (one
per core) each take a share of the cells. Loading is CPU-bound Python (YAML walk, pydantic) and
cells are independent; workers send back findings only, never records, so nothing large crosses
between processes.
"""

from __future__ import annotations

import multiprocessing
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, Optional, Sequence

from ..base.diagnostics import Diagnostic
from ..base.i18n import language
from ..records import loader
from ..records.loader import (
    COMMITTEE_FILE,
    Cell,
    Workspace,
    enclosing_folder,
    load_cell,
    load_committee,
)
from ..records.locate import locate
from ..records.rulebook import Rulebook
from . import cache
from .checks import CheckSpec, check_cell, registry, selected

MIN_CELLS = 8     # below this, starting processes costs more than it saves
CHUNKS_PER_WORKER = 4  # small chunks keep both cores busy until the end


@dataclass
class Folder:
    """What a path names: its cells, and the rules and findings of its committee's own file."""

    path: Path
    roots: list[Path]
    is_committee: bool
    rules: Rulebook
    findings: list[Diagnostic] = field(default_factory=list)  # committee.yaml's
    committee_file: Optional[Path] = None


@dataclass
class Checked:
    """One cell's findings (load problems first, then the checks'), and its records when asked."""

    root: Path
    findings: list[Diagnostic]
    cell: Optional[Cell] = None


@dataclass(frozen=True)
class Settings:
    """How the cells of one run are checked; sent as is to worker processes."""

    rules: Rulebook
    codes: tuple[str, ...]
    run_key: str = ""  # "" when the cache is off

    def specs(self) -> list[CheckSpec]:
        every = registry()
        return [every[code] for code in self.codes]


def open_folder(path: Path) -> Folder:
    """The cells of a cell or committee folder, and the committee's rules (a cell inside a
    committee folder is checked under the committee's rules, as when the committee is).
    Raises loader.WorkspaceError when ``path`` is neither."""
    place = locate(path)
    workspace = Workspace(place.root, [])
    holder = place.root if place.is_committee else enclosing_folder(place.root)
    rules = load_committee(workspace, holder)
    committee = holder / COMMITTEE_FILE
    return Folder(place.root, list(place.cells), place.is_committee, rules,
                  workspace.diagnostics, committee if committee.is_file() else None)


def settings(folder: Folder, specs: Sequence[CheckSpec], use_cache: bool = True) -> Settings:
    codes = tuple(spec.code for spec in specs)
    if not use_cache:
        return Settings(folder.rules, codes)
    committee = cache.file_digest(folder.committee_file) if folder.committee_file else ""
    # today's date is part of the run: a meeting dated later is planned until that day passes
    key = cache.run_key(language(), ",".join(codes), committee, loader.today().isoformat())
    return Settings(folder.rules, codes, key)


def each_cell(folder: Folder, specs: Sequence[CheckSpec], *, records: bool = False,
              workers: Optional[int] = None, use_cache: bool = True) -> Iterator[Checked]:
    """Every cell of ``folder``, checked, one at a time; with ``records`` each carries its
    loaded ``Cell``. Without records, a committee's cells may be checked by worker processes,
    and come back in any order."""
    run = settings(folder, specs, use_cache)
    count = 1 if records or not folder.is_committee else _workers(workers, len(folder.roots))
    if count < 2:
        for root in folder.roots:
            yield check_root(root, run, records)
        return
    step = count * CHUNKS_PER_WORKER
    jobs = [(folder.roots[i::step], run) for i in range(step) if folder.roots[i::step]]
    with _context().Pool(count) as pool:
        for part in pool.imap_unordered(_check_chunk, jobs):
            yield from part


def check_folder(path: Path, select: Iterable[str] | None = None, strict: bool = False,
                 workers: Optional[int] = None, use_cache: bool = True) -> list[Diagnostic]:
    """Every finding of a cell or committee folder, sorted by place: what ``chibo validate``
    prints. The same as ``run_checks(load_workspace(path))``, without holding every cell."""
    folder = open_folder(path)
    specs = selected(registry(), select, strict)
    found = list(folder.findings)
    for checked in each_cell(folder, specs, workers=workers, use_cache=use_cache):
        found.extend(checked.findings)
    return sorted(found, key=Diagnostic.sort_key)


def check_root(root: Path, run: Settings, records: bool = False) -> Checked:
    """Load and check the cell at ``root``, or take its findings from the cache."""
    key = cache.cell_key(root, run.run_key) if run.run_key else None
    known = cache.load(root, key) if key else None
    if known is not None and not records:
        return Checked(root, known)
    found: list[Diagnostic] = []
    cell = load_cell(root, run.rules, found)
    if known is not None:
        return Checked(root, known, cell)
    found.extend(check_cell(cell, run.specs()))
    if key:
        cache.store(root, key, found)
    return Checked(root, found, cell if records else None)


def _workers(requested: Optional[int], cells: int) -> int:
    if requested is not None:
        return max(1, min(requested, cells))
    if cells < MIN_CELLS:
        return 1
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max(1, min(cores or 1, cells // 2))


def _context() -> multiprocessing.context.BaseContext:
    # fork reuses the imported modules (pydantic schemas built once); elsewhere, spawn
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def _check_chunk(job: tuple[list[Path], Settings]) -> list[Checked]:
    roots, run = job
    return [check_root(root, run) for root in roots]
