"""Validate a committee folder with one process per core: each loads and checks its own cells.

Loading is CPU-bound Python (YAML walk, pydantic) and cells are independent, so a ward of 77 cells
checks almost twice as fast on two cores. Workers send back diagnostics only, never records, so
nothing large crosses between processes and each holds just its share of the cells in memory.
"""

from __future__ import annotations

import multiprocessing
import os
from pathlib import Path
from typing import Iterable, Optional

from ..base.diagnostics import Diagnostic
from ..records.loader import Workspace, load_cell, load_committee, load_workspace
from ..records.locate import locate
from ..records.rulebook import Rulebook
from .checks import CheckSpec, check_cell, registry, run_checks, selected

MIN_CELLS = 8     # below this, starting processes costs more than it saves
CHUNKS_PER_WORKER = 4  # small chunks keep both cores busy until the end


def check_folder(path: Path, select: Iterable[str] | None = None, strict: bool = False,
                 workers: Optional[int] = None) -> list[Diagnostic]:
    """The same diagnostics as ``run_checks(load_workspace(path))``, in the same order."""
    place = locate(path)
    roots = list(place.cells)
    count = _workers(workers, len(roots))
    if count < 2 or not place.is_committee:
        return run_checks(load_workspace(place.root), select, strict)
    workspace = Workspace(place.root, [])
    rules = load_committee(workspace)
    specs = selected(registry(), select, strict)
    chunks = [roots[i::count * CHUNKS_PER_WORKER] for i in range(count * CHUNKS_PER_WORKER)]
    jobs = [(chunk, rules, [s.code for s in specs]) for chunk in chunks if chunk]
    found = list(workspace.diagnostics)
    with _context().Pool(count) as pool:
        for part in pool.imap_unordered(_check_chunk, jobs):
            found.extend(part)
    return sorted(found, key=Diagnostic.sort_key)


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


def _check_chunk(job: tuple[list[Path], Rulebook, list[str]]) -> list[Diagnostic]:
    roots, rules, codes = job
    specs: list[CheckSpec] = [registry()[code] for code in codes]
    found: list[Diagnostic] = []
    for root in roots:
        cell = load_cell(root, rules, found)
        found.extend(check_cell(cell, specs))
    return found
