"""chibo benchmarks: a script, not timed tests. Each prints a ratio; ``all`` writes RESULTS.md.

    python benchmarks/bench.py all [--work DIR]     # everything, then benchmarks/RESULTS.md
    python benchmarks/bench.py validate|growth|startup|render|example|report [--work DIR]

Times are wall-clock medians/minima of child processes, interleaved with the floor they are
compared against, because other work on the machine moves both together.
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
FLOOR = r"""
import sys, time, pathlib, yaml
files = sorted(pathlib.Path(sys.argv[1]).rglob("*.yaml"))
start = time.perf_counter()
for path in files:
    with open(path, encoding="utf-8") as handle:
        yaml.load(handle.read(), Loader=yaml.CSafeLoader)
print(time.perf_counter() - start)
"""
MEASURE = r"""
import resource, subprocess, sys, time
start = time.perf_counter()
code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
print(time.perf_counter() - start, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, code)
"""


def run_timed(cmd: list[str]) -> tuple[float, int]:
    """Wall seconds and peak RSS (KiB, the largest process of the tree) of ``cmd``."""
    out = subprocess.run([sys.executable, "-c", MEASURE, *cmd], capture_output=True, text=True,
                         check=True).stdout.split()
    return float(out[0]), int(out[1])


def floor(folder: Path) -> float:
    out = subprocess.run([sys.executable, "-c", FLOOR, str(folder)], capture_output=True,
                         text=True, check=True)
    return float(out.stdout)


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
    folder = generate(work, 77, 5)
    files = sum(1 for _ in folder.rglob("*.yaml"))
    size = sum(p.stat().st_size for p in folder.rglob("*.yaml"))
    floors, runs, rss = [], [], 0
    for _ in range(rounds):  # interleaved: both see the same load on the machine
        floors.append(floor(folder))
        seconds, peak = run_timed([*CHIBO, "validate", str(folder), "--format", "json"])
        runs.append(seconds)
        rss = max(rss, peak)
    exact, planted, found = exact_plants(folder)
    best_floor, best = min(floors), min(runs)
    return {"files": files, "mb": size / 1e6, "floor": best_floor, "validate": best,
            "ratio": best / best_floor, "rss_mb": rss / 1024, "exact": exact,
            "planted": planted, "found": found, "floors": floors, "runs": runs}


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
        times[cells] = min(run_timed([*CHIBO, "validate", str(folder), "--format", "json"])[0]
                           for _ in range(2))
    return {"times": times, "r77": times[77] / times[7], "r770": times[770] / times[77]}


def _median_runs(cmd: list[str], n: int) -> float:
    run_timed(cmd)  # warm-up: writes the bytecode caches an installed package would have
    return statistics.median(run_timed(cmd)[0] for _ in range(n))


def bench_startup(n: int = 25) -> dict[str, object]:
    # the console script of the Python running the benchmark, even when its venv is not active
    beside = Path(sys.executable).with_name("chibo")
    chibo = str(beside) if beside.is_file() else shutil.which("chibo") or "chibo"
    base = _median_runs([sys.executable, "-c", "import typer"], n)
    version = _median_runs([chibo, "--version"], n)
    helps = _median_runs([chibo, "--help"], n)
    return {"typer": base, "version": version, "help": helps,
            "r_version": version / base, "r_help": helps / base}


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("which", choices=["all", "validate", "growth", "startup", "render",
                                          "example", "report"])
    parser.add_argument("--work", type=Path, default=Path("/tmp/chibo-bench"))
    args = parser.parse_args()
    # pip compiles an installed package's bytecode; an editable install with this set would
    # recompile chibo's modules from source on every run, which no user's machine does.
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    args.work.mkdir(parents=True, exist_ok=True)
    steps: dict[str, Callable[[], dict[str, object]]] = {
        "validate": lambda: bench_validate(args.work), "growth": lambda: bench_growth(args.work),
        "startup": bench_startup, "example": bench_example,
        "render": lambda: bench_render(args.work), "report": lambda: bench_report(args.work)}
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
