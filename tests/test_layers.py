"""The package is laid out by stage; a stage imports only the stages below it, and no module
imports itself back through others. Every import counts, inside functions and TYPE_CHECKING too:
a lazy import is still a dependency."""

from __future__ import annotations

import ast
import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "chibo_cli"

# Lowest first. A module may import from its own stage and any stage before it.
STAGES = ["base", "records", "trust", "rules", "documents", "reports", "authoring", "demo",
          "cli"]
TOP = {"chibo_cli", "chibo_cli.console", "chibo_cli.__main__", "chibo_cli.templates"}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path) -> set[str]:
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("chibo_cli"))
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            if base.startswith("chibo_cli"):
                found.update(_targets(base, [a.name for a in node.names]))
    return found


def _targets(base: str, names: list[str]) -> set[str]:
    """`from pkg import mod` depends on pkg.mod when that is a module, else on pkg."""
    out = set()
    for n in names:
        candidate = f"{base}.{n}"
        out.add(candidate if candidate in MODULES else base)
    return out


MODULES = {module_name(p) for p in PACKAGE.rglob("*.py")}
GRAPH = {module_name(p): imports_of(p) - {module_name(p)} for p in PACKAGE.rglob("*.py")}


def stage(module: str) -> int | None:
    parts = module.split(".")
    if len(parts) > 1 and parts[1] in STAGES:
        return STAGES.index(parts[1])
    return None


def test_every_module_has_a_stage():
    loose = sorted(m for m in MODULES if stage(m) is None and m not in TOP)
    assert not loose, f"modules outside any stage folder: {loose}"


def test_no_upward_import():
    upward = [f"{m} → {t}" for m, targets in GRAPH.items() for t in targets
              if stage(m) is not None and stage(t) is not None and stage(t) > stage(m)]  # type: ignore[operator]
    assert not upward, "a lower stage imports an upper one:\n" + "\n".join(sorted(upward))


def test_no_import_circle():
    circles = [c for c in _strongly_connected(GRAPH) if len(c) > 1]
    assert not circles, f"import circles: {circles}"


def test_the_checks_catch_what_they_guard():
    """The detectors themselves: a circle and an upward edge are seen."""
    assert [sorted(c) for c in _strongly_connected({"a": {"b"}, "b": {"a"}}) if len(c) > 1] \
        == [["a", "b"]]
    assert stage("chibo_cli.base.errors") < stage("chibo_cli.cli.render")  # type: ignore[operator]


def _strongly_connected(graph: dict[str, set[str]]) -> list[list[str]]:
    """Tarjan's algorithm, iterative enough for a few hundred modules."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    result: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            result.append(component)

    for v in graph:
        if v not in index:
            visit(v)
    return result


def test_one_module_reads_yaml():
    """PyYAML's readers are called in base/yamltext.py only (records, rulebook, catalogue and
    agendas all go through it), so the loader and its safety limits are chosen in one place."""
    readers = re.compile(r"\byaml\.(load|safe_load|compose|parse|full_load|unsafe_load)\(")
    callers = sorted(module_name(p) for p in PACKAGE.rglob("*.py")
                     if readers.search(p.read_text("utf-8")))
    assert callers == ["chibo_cli.base.yamltext"]
