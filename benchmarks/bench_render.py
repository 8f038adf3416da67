"""Time rendering: a year's minutes book, and every cell's books in a committee folder.

    python benchmarks/bench_render.py [COMMITTEE_FOLDER] [--pdf]

Defaults to the bundled example. Not a test: prints timings only.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from chibo_cli.documents import api
from chibo_cli.documents.pdf import to_pdf
from chibo_cli.records.loader import load_workspace

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "dang-bo-phuong-an-binh"


def main(argv: list[str]) -> None:
    folder = Path(next((a for a in argv if not a.startswith("-")), EXAMPLE))
    started = time.perf_counter()
    workspace = load_workspace(folder)
    print(f"load {len(workspace.cells)} cell(s): {time.perf_counter() - started:.2f} s")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        cell = workspace.cells[0]
        year = max(m.date.year for m in cell.meetings)
        started = time.perf_counter()
        api.render_minutes_book(cell, out / "one", year=year)
        count = sum(m.date.year == year for m in cell.meetings)
        print(f"minutes book {year}, {count} meetings: {time.perf_counter() - started:.2f} s")
        started = time.perf_counter()
        written = []
        for each in workspace.cells:
            written.append(api.render_minutes_book(each, out / each.root.name, year=year))
            written.append(api.render_resolution_book(each, out / each.root.name))
        print(f"committee books ({len(written)} documents): {time.perf_counter() - started:.2f} s")
        if "--pdf" in argv:
            started = time.perf_counter()
            to_pdf(written)
            print(f"PDF of those, one LibreOffice process: {time.perf_counter() - started:.2f} s")


if __name__ == "__main__":
    main(sys.argv[1:])
