"""chibo benchmarks: a script, not timed tests. Each prints a ratio; ``all`` writes RESULTS.md.

    python benchmarks/bench.py all [--work DIR]     # everything, then benchmarks/results.json
    python benchmarks/bench.py validate|growth|startup|render|example|report|cache|document|\
        memory|batch|pdf [--work DIR]

Times are wall-clock medians/minima of child processes, interleaved with the floor they are
compared against, because other work on the machine moves both together. CPU times are the user
plus system time of the whole process tree (workers included).
"""

from __future__ import annotations

import argparse
import collections
import hashlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Callable

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
EXAMPLE = REPO / "examples" / "dang-bo-phuong-an-binh"
CHIBO = [sys.executable, "-m", "chibo_cli"]
# the floors: PyYAML's C loader over every YAML file in one process. ``compose`` (the node tree,
# which line numbers need) is the true floor; ``load`` (with PyYAML's constructor) the older one.
FLOOR = r"""
import sys, time, pathlib, yaml
files = sorted(pathlib.Path(sys.argv[1]).rglob("*.yaml"))
read = yaml.compose if sys.argv[2] == "compose" else yaml.load
start, cpu = time.perf_counter(), time.process_time()
for path in files:
    if ".chibo" in path.parts:
        continue
    with open(path, encoding="utf-8") as handle:
        read(handle.read(), Loader=yaml.CSafeLoader)
print(time.perf_counter() - start, time.process_time() - cpu)
"""
MEASURE = r"""
import resource, subprocess, sys, time
start = time.perf_counter()
code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
use = resource.getrusage(resource.RUSAGE_CHILDREN)
print(time.perf_counter() - start, use.ru_maxrss, code, use.ru_utime + use.ru_stime)
"""


def run_timed(cmd: list[str]) -> tuple[float, int]:
    """Wall seconds and peak RSS (KiB, the largest process of the tree) of ``cmd``."""
    wall, rss, _cpu = run_measured(cmd)
    return wall, rss


def run_measured(cmd: list[str]) -> tuple[float, int, float]:
    """Wall seconds, peak RSS (KiB, the largest process of the tree) and CPU seconds of ``cmd``."""
    out = subprocess.run([sys.executable, "-c", MEASURE, *cmd], capture_output=True, text=True,
                         check=True).stdout.split()
    return float(out[0]), int(out[1]), float(out[3])


def floor(folder: Path, how: str = "load") -> float:
    return floor_cpu(folder, how)[0]


def floor_cpu(folder: Path, how: str = "compose") -> tuple[float, float]:
    """(wall, CPU) seconds of the floor over ``folder``."""
    out = subprocess.run([sys.executable, "-c", FLOOR, str(folder), how], capture_output=True,
                         text=True, check=True).stdout.split()
    return float(out[0]), float(out[1])


def drop_caches(folder: Path) -> None:
    """Remove chibo's findings caches, so that the next validate reads everything."""
    for cache in folder.glob("*/.chibo/cache"):
        shutil.rmtree(cache)
    for cache in folder.glob(".chibo/cache"):
        shutil.rmtree(cache)


def generate(work: Path, cells: int, years: int) -> Path:
    # named after the generator's source, so a changed generator never reuses stale data
    # demo*.py was the generator before the move into demo/; both, so the key never goes blind
    source = b"".join(p.read_bytes() for p in sorted((REPO / "src/chibo_cli").glob("demo*.py"))
                      + sorted((REPO / "src/chibo_cli/demo").glob("*.py")))
    folder = work / f"ward-{cells}x{years}-{hashlib.sha256(source).hexdigest()[:8]}"
    if not (folder / "planted.json").is_file():
        subprocess.run([*CHIBO, "demo", "generate", str(folder), "--cells", str(cells),
                        "--years", str(years), "--force"], check=True, stdout=subprocess.DEVNULL)
    return folder


def exact_plants(folder: Path) -> tuple[bool, int, int]:
    """Does ``chibo validate --format json`` report exactly the planted (file, code) pairs?"""
    drop_caches(folder)
    out = subprocess.run([*CHIBO, "validate", str(folder), "--format", "json"],
                         capture_output=True, text=True)
    found = collections.Counter(
        (Path(d["file"]).resolve().relative_to(folder.resolve()).as_posix(), d["code"])
        for d in json.loads(out.stdout))
    with open(folder / "planted.json", encoding="utf-8") as handle:
        planted = collections.Counter((f"{p['cell']}/{p['file']}", p["code"])
                                      for p in json.load(handle))
    return found == planted, sum(planted.values()), sum(found.values())


# ------------------------------------------------------------------ the benchmarks


def bench_validate(work: Path, rounds: int = 3) -> dict[str, object]:
    """Cold validate (no findings cache) against the floors, wall and CPU, on all cores."""
    folder = generate(work, 77, 5)
    files = sum(1 for _ in folder.rglob("*.yaml"))
    size = sum(p.stat().st_size for p in folder.rglob("*.yaml"))
    floors, composes, runs, rss = [], [], [], 0
    for _ in range(rounds):  # interleaved: both see the same load on the machine
        floors.append(floor(folder))
        composes.append(floor_cpu(folder, "compose"))
        drop_caches(folder)
        seconds, peak, cpu = run_measured([*CHIBO, "validate", str(folder), "--format", "json"])
        runs.append((seconds, cpu))
        rss = max(rss, peak)
    exact, planted, found = exact_plants(folder)
    best_floor, best = min(floors), min(r[0] for r in runs)
    compose_wall, compose_cpu = min(c[0] for c in composes), min(c[1] for c in composes)
    cpu = min(r[1] for r in runs)
    return {"files": files, "mb": size / 1e6, "floor": best_floor, "validate": best,
            "ratio": best / best_floor, "rss_mb": rss / 1024, "exact": exact,
            "planted": planted, "found": found, "floors": floors, "runs": runs,
            "compose_wall": compose_wall, "compose_cpu": compose_cpu, "cpu": cpu,
            "r_cpu": cpu / compose_cpu, "r_wall": best / compose_wall,
            "r_wall_2cores": best / (compose_wall / cores())}


def bench_cache(work: Path, rounds: int = 3) -> dict[str, object]:
    """Re-validate an unchanged ward (every cell's findings cached) against the compose floor;
    then after one secretary's edit (one file of one cell changed)."""
    folder = generate(work, 77, 5)
    subprocess.run([*CHIBO, "validate", str(folder)], capture_output=True)  # fills the cache
    composes, warm, cpus = [], [], []
    for _ in range(rounds):
        composes.append(floor_cpu(folder, "compose")[0])
        seconds, _peak, cpu = run_measured([*CHIBO, "validate", str(folder), "--format", "json"])
        warm.append(seconds)
        cpus.append(cpu)
    meeting = sorted((sorted(p for p in folder.iterdir() if p.is_dir())[0] / "meetings")
                     .glob("*.yaml"))[-1]
    original = meeting.read_bytes()
    try:
        meeting.write_bytes(original + b"# edited\n")
        edited = run_measured([*CHIBO, "validate", str(folder), "--format", "json"])[0]
    finally:
        meeting.write_bytes(original)
    base = min(composes)
    return {"compose": base, "warm": min(warm), "cpu": min(cpus), "r_warm": min(warm) / base,
            "edited": edited, "r_edited": edited / base}


def bench_report(work: Path, rounds: int = 3) -> dict[str, object]:
    """``chibo report --format json`` against ``chibo validate --format json`` on the 77 × 5
    ward, interleaved; the report must cost at most 1.2× validate (it reuses the load)."""
    folder = generate(work, 77, 5)
    validates, reports = [], []
    for _ in range(rounds):
        validates.append(run_timed([*CHIBO, "validate", str(folder), "--format", "json"])[0])
        reports.append(run_timed([*CHIBO, "report", str(folder), "--term", "--format", "json",
                                  "--out", str(work / "report.json"), "--force"])[0])
    best_validate, best_report = min(validates), min(reports)
    return {"validate": best_validate, "report": best_report,
            "ratio": best_report / best_validate, "validates": validates, "reports": reports}


def bench_growth(work: Path) -> dict[str, object]:
    times = {}
    for cells in (7, 77, 770):
        folder = generate(work, cells, 1)
        runs = []
        for _ in range(2):
            drop_caches(folder)
            runs.append(run_timed([*CHIBO, "validate", str(folder), "--format", "json"])[0])
        times[cells] = min(runs)
    return {"times": times, "r77": times[77] / times[7], "r770": times[770] / times[77]}


def cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _median_runs(cmd: list[str], n: int) -> float:
    run_timed(cmd)  # warm-up: writes the bytecode caches an installed package would have
    return statistics.median(run_timed(cmd)[0] for _ in range(n))


SUBCOMMANDS = ["validate", "rules", "schema", "checks", "init", "new-meeting", "new-resolution",
               "seal", "member add", "member list", "render minutes", "render resolution",
               "book minutes", "book resolutions", "templates list", "templates copy",
               "templates lint", "demo generate", "new-rating", "render rating",
               "candidate admit", "due"]


def bench_startup(n: int = 25) -> dict[str, object]:
    # the console script of the Python running the benchmark, even when its venv is not active
    beside = Path(sys.executable).with_name("chibo")
    chibo = str(beside) if beside.is_file() else shutil.which("chibo") or "chibo"
    base = _median_runs([sys.executable, "-c", "import typer"], n)
    version = _median_runs([chibo, "--version"], n)
    helps = _median_runs([chibo, "--help"], n)
    subs = {name: _median_runs([chibo, *name.split(), "--help"], max(5, n // 3))
            for name in SUBCOMMANDS}
    worst = max(subs, key=lambda k: subs[k])
    return {"typer": base, "version": version, "help": helps,
            "r_version": version / base, "r_help": helps / base, "subcommands": subs,
            "worst": worst, "r_worst": subs[worst] / base}


def bench_render(work: Path) -> dict[str, object]:
    folder = generate(work, 77, 1)
    cell = sorted(p for p in folder.iterdir() if (p / "branch.yaml").is_file())[0]
    year = "2021"
    results: dict[str, object] = {}
    one, _ = run_timed([*CHIBO, "book", "minutes", str(cell), "--year", year, "--out",
                        str(work / "out-one"), "--force", "--allow-errors"])
    results["one_book"] = one
    for pdf in (False, True):
        out = work / f"out-all-{'pdf' if pdf else 'docx'}"
        cmd = [*CHIBO, "book", "minutes", str(folder), "--year", year, "--out", str(out),
               "--force", "--allow-errors", *(["--pdf"] if pdf else [])]
        seconds, _ = run_timed(cmd)
        results["all_pdf" if pdf else "all_docx"] = seconds
        results["docs_pdf" if pdf else "docs_docx"] = len(list(out.rglob(
            "*.pdf" if pdf else "*.docx")))
    return results


def bench_example() -> dict[str, object]:
    total = statistics.median(run_timed([*CHIBO, "validate", str(EXAMPLE)])[0] for _ in range(9))
    bare = _median_runs([sys.executable, "-c", "pass"], 9)
    imports = subprocess.run([sys.executable, "-X", "importtime", "-c",
                              "import chibo_cli.cli, chibo_cli.rules.checks, "
                              "chibo_cli.records.loader"],
                             capture_output=True, text=True).stderr
    cumulative = sum(int(line.split("|")[1]) for line in imports.splitlines()
                     if line.startswith("import time:") and line.split("|")[2].startswith(" ")
                     and not line.split("|")[2].startswith("  ")
                     and line.split("|")[1].strip().isdigit())
    return {"total": total, "python": bare, "imports": cumulative / 1e6}


# the contexts chibo hands to docxtpl, captured instead of rendered, for the raw renders below
CAPTURE = r"""
import pickle, sys
from pathlib import Path
from chibo_cli.documents import api
from chibo_cli.documents.templates import find
from chibo_cli.records.loader import load_workspace
captured = []
def capture(cell, name, context, out, stem, templates, force):
    captured.append((str(find(name, cell.root, templates).path), dict(context)))
    return out
api._render = capture
kind, target, dump = sys.argv[1:4]
if kind == "minutes":
    meeting = Path(target)
    cell = load_workspace(meeting.parent.parent).cells[0]
    api.render_minutes(cell, cell.meeting(meeting.stem), Path("."))
else:
    for cell in load_workspace(target).cells:
        api.render_minutes_book(cell, Path("."), year=int(sys.argv[4]))
with open(dump, "wb") as handle:
    pickle.dump(captured, handle)
"""
# docxtpl alone: each template read, cleaned, compiled and rendered afresh, as docxtpl does
RAW = r"""
import io, pickle, sys
from docxtpl import DocxTemplate
from jinja2.sandbox import SandboxedEnvironment
with open(sys.argv[1], "rb") as handle:
    jobs = pickle.load(handle)
for index, (template, context) in enumerate(jobs):
    document = DocxTemplate(template)
    document.render(context, jinja_env=SandboxedEnvironment(autoescape=True), autoescape=True)
    buffer = io.BytesIO()
    document.save(buffer)
    with open(f"{sys.argv[2]}-{index}.docx", "wb") as out:
        out.write(buffer.getvalue())
"""


def _capture(work: Path, *args: str) -> Path:
    dump = work / f"contexts-{hashlib.sha256(' '.join(args).encode()).hexdigest()[:8]}.pickle"
    subprocess.run([sys.executable, "-c", CAPTURE, *args[:2], str(dump), *args[2:]], check=True)
    return dump


def _raw(dump: Path, work: Path) -> float:
    (work / "raw").mkdir(exist_ok=True)
    return run_timed([sys.executable, "-c", RAW, str(dump), str(work / "raw" / "doc")])[0]


def bench_document(work: Path, rounds: int = 5) -> dict[str, object]:
    """One minutes document of a cell inside the 77x5 committee, against the same cell copied
    out alone and against raw docxtpl with the same template and context (cold caches)."""
    folder = generate(work, 77, 5)
    cell = sorted(p for p in folder.iterdir() if (p / "branch.yaml").is_file())[0]
    alone = work / "alone" / cell.name
    if not alone.is_dir():
        shutil.copytree(cell, alone)
    meeting = sorted((cell / "meetings").glob("*-regular.yaml"))[-1]
    dump = _capture(work, "minutes", str(meeting))
    inside, apart, raw = [], [], []
    for _ in range(rounds):
        for where, times in ((cell, inside), (alone, apart)):
            drop_caches(where.parent)
            times.append(run_timed([*CHIBO, "render", "minutes", str(where / "meetings" /
                                                                     meeting.name),
                                    "--out", str(work / "out-doc"), "--force",
                                    "--allow-errors"])[0])
        raw.append(_raw(dump, work))
    best = {"inside": min(inside), "alone": min(apart), "raw": min(raw)}
    return {**best, "r_alone": best["inside"] / best["alone"],
            "r_raw": best["inside"] / best["raw"]}


def bench_memory(work: Path) -> dict[str, object]:
    """Peak RSS of validate, book and render on 770 cells x 1 year, pinned to one core."""
    folder = generate(work, 770, 1)
    cell = sorted(p for p in folder.iterdir() if (p / "branch.yaml").is_file())[0]
    meeting = sorted((cell / "meetings").glob("*-regular.yaml"))[-1]
    one = ["taskset", "-c", "0"] if shutil.which("taskset") else []
    commands = {
        "validate": [*CHIBO, "validate", str(folder), "--format", "json"],
        "book": [*CHIBO, "book", "minutes", str(folder), "--year", "2021", "--out",
                 str(work / "out-memory"), "--force", "--allow-errors"],
        "render": [*CHIBO, "render", "minutes", str(meeting), "--out", str(work / "out-memory"),
                   "--force", "--allow-errors"]}
    peaks, walls = {}, {}
    for name, cmd in commands.items():
        drop_caches(folder)
        walls[name], peak = run_timed([*one, *cmd])
        peaks[name] = peak / 1024
    return {"pinned": bool(one), "mb": peaks, "seconds": walls}


def bench_batch(work: Path) -> dict[str, object]:
    """77 minutes books of a 77x1 committee: chibo's seconds a book against raw docxtpl's."""
    folder = generate(work, 77, 1)
    dump = _capture(work, "books", str(folder), "2021")
    runs, raws = [], []
    for _ in range(2):
        drop_caches(folder)
        runs.append(run_timed([*CHIBO, "book", "minutes", str(folder), "--year", "2021",
                               "--out", str(work / "out-batch"), "--force",
                               "--allow-errors"])[0])
        raws.append(_raw(dump, work))
    books = len(list((work / "out-batch").rglob("*.docx")))
    per, raw = min(runs) / books, min(raws) / books
    return {"books": books, "per_book": per, "raw_per_book": raw, "ratio": per / raw}


PDF = r"""
import sys, time
from pathlib import Path
from chibo_cli.documents.pdf import to_pdf
documents = sorted(Path(sys.argv[1]).rglob("*.docx"))
start = time.perf_counter()
to_pdf(documents, force=True, workers=int(sys.argv[2]) or None)
print(time.perf_counter() - start, len(documents))
"""


def bench_pdf(work: Path) -> dict[str, object]:
    """The PDFs of the 77 books: one LibreOffice (as before) against one per core."""
    if not (work / "out-batch").is_dir():
        bench_batch(work)
    times = {}
    for workers in (1, 0):
        out = subprocess.run([sys.executable, "-c", PDF, str(work / "out-batch"), str(workers)],
                             capture_output=True, text=True, check=True).stdout.split()
        times["serial" if workers == 1 else "parallel"] = float(out[0])
        documents = int(out[1])
    return {**times, "documents": documents, "ratio": times["parallel"] / times["serial"],
            "cores": cores()}


# ------------------------------------------------------------------ report


def machine() -> str:
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    cpu = platform.processor() or platform.machine()
    return (f"{os.cpu_count()} cores ({cpu}), {mem:.1f} GiB RAM, Python "
            f"{platform.python_version()}, {platform.system()} {platform.release()}")


def report(results: dict[str, dict[str, object]]) -> str:
    v, g, s = results["validate"], results["growth"], results["startup"]
    lines = [f"- machine: {machine()}",
             "- reproduce: `python benchmarks/bench.py all --work /tmp/chibo-bench`", ""]
    lines += [
        "| # | benchmark | measured | target | ratio | met |", "|---|---|---|---|---|---|",
        f"| 1 | validate 77 cells × 5 years ({v['files']} files, {v['mb']:.0f} MB) | "
        f"{v['validate']:.2f} s vs floor {v['floor']:.2f} s; peak RSS {v['rss_mb']:.0f} MB | "
        f"≤ 1.3×, < 500 MB | {v['ratio']:.2f}× | "
        f"{_yes(float(v['ratio']) <= 1.3 and float(v['rss_mb']) < 500)} |",
        f"| 1b | findings = planted | {v['found']} found, {v['planted']} planted | exact | – | "
        f"{_yes(bool(v['exact']))} |",
        "| 2 | growth 7 → 77 → 770 cells × 1 year | "
        + ", ".join(f"{c}: {t:.2f} s" for c, t in g["times"].items())  # type: ignore[attr-defined]
        + f" | ≤ 11× per 10× | {g['r77']:.2f}×, {g['r770']:.2f}× | "
        f"{_yes(float(g['r77']) <= 11 and float(g['r770']) <= 11)} |",
        f"| 3 | `chibo --version` / `--help` vs `import typer` | {s['version']*1000:.0f} / "
        f"{s['help']*1000:.0f} ms vs {s['typer']*1000:.0f} ms (medians) | ≤ 1.3× | "
        f"{s['r_version']:.2f}× / {s['r_help']:.2f}× | "
        f"{_yes(float(s['r_version']) <= 1.3 and float(s['r_help']) <= 1.3)} |"]
    if "render" in results:
        r = results["render"]
        lines.append(
            f"| 4 | render: one minutes book of a year; 77 books, DOCX; 77 books + PDF | "
            f"{r['one_book']:.2f} s; {r['all_docx']:.1f} s ({r['docs_docx']} docx); "
            f"{r['all_pdf']:.1f} s ({r['docs_pdf']} pdf) | – | "
            f"{float(r['all_docx']) / 77:.2f} s / book | – |")
    if "report" in results:
        p = results["report"]
        lines.append(
            f"| 6 | `report --term --format json` vs `validate --format json`, 77 cells × 5 years "
            f"| {p['report']:.2f} s vs {p['validate']:.2f} s | ≤ 1.2× | {p['ratio']:.2f}× | "
            f"{_yes(float(p['ratio']) <= 1.2)} |")
    if "example" in results:
        e = results["example"]
        lines.append(
            f"| 5 | validate the bundled example | {e['total']*1000:.0f} ms wall; Python start "
            f"{e['python']*1000:.0f} ms, imports {e['imports']*1000:.0f} ms | – | – | – |")
    return "\n".join(lines) + "\n"


def _yes(flag: bool) -> str:
    return "yes" if flag else "**no**"


STEPS: dict[str, Callable[..., dict[str, object]]] = {
    "validate": bench_validate, "cache": bench_cache, "growth": bench_growth,
    "startup": bench_startup, "example": bench_example, "render": bench_render,
    "document": bench_document, "batch": bench_batch, "pdf": bench_pdf, "memory": bench_memory,
    "report": bench_report}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("which", choices=["all", *STEPS])
    parser.add_argument("--work", type=Path, default=Path("/tmp/chibo-bench"))
    args = parser.parse_args()
    # pip compiles an installed package's bytecode; an editable install with this set would
    # recompile chibo's modules from source on every run, which no user's machine does.
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    args.work.mkdir(parents=True, exist_ok=True)
    steps: dict[str, Callable[[], dict[str, object]]] = {
        name: (lambda step=step: step(args.work)) if name not in ("startup", "example")
        else step for name, step in STEPS.items()}  # type: ignore[misc]
    names = list(steps) if args.which == "all" else [args.which]
    results = {}
    for name in names:
        started = time.perf_counter()
        results[name] = steps[name]()
        print(name, json.dumps(results[name], default=str), f"({time.perf_counter() - started:.0f}"
              " s)", flush=True)
    if args.which == "all":
        (HERE / "results.json").write_text(json.dumps(results, default=str, indent=1) + "\n",
                                           encoding="utf-8")
        print(report(results))


if __name__ == "__main__":
    main()
