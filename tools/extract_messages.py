"""Collect every message passed to ``_()`` in the package and check a translation catalog.

Usage:
    python tools/extract_messages.py                      # print every message, one per line
    python tools/extract_messages.py --check vi           # missing / stale / broken entries
    python tools/extract_messages.py --stubs vi           # YAML lines to paste for missing ones
    python tools/extract_messages.py --dynamic            # calls whose argument is not a literal

A message is the string literal (adjacent literals are joined by Python) given as the first
argument of a call to ``_`` or ``<module>._``, the docstring of a function decorated with
``@<app>.command`` (typer shows it as the help; ``cli.lang.prepare`` translates it), or the
first docstring line of a function decorated with ``@check("V…", …)`` (the summary that
``chibo checks`` translates; the rest of a check's docstring stays English).
A call with any other first argument (``_(role)``) must be listed in ``DYNAMIC`` with the
module-level constant that holds its possible values; those values are messages too.
``--dynamic`` lists such calls.

With ``--check`` the exit status is 1 when a message has no translation, a translation is empty,
its placeholders differ from the source's, the catalog has a duplicate key, or a dynamic call is
not listed in ``DYNAMIC``. Stale entries (no longer in the code) are listed but do not fail.
"""

from __future__ import annotations

import argparse
import ast
import string
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping

REPO = Path(__file__).resolve().parent.parent
PACKAGE = REPO / "src" / "chibo_cli"
LOCALE = PACKAGE / "data" / "locale"

# (file, argument as written) of a call such as ``_(role)`` → (file, constant) holding every value
# the argument can take: the strings of a tuple/list/set, or the values of a dict. None: the values
# are collected another way (command docstrings, check summaries: see ``extract``).
DYNAMIC: dict[tuple[str, str], tuple[str, str] | None] = {
    ("src/chibo_cli/cli/lang.py", "info._chibo_doc"): None,
    ("src/chibo_cli/base/i18n.py", "english(text)"): None,  # retranslate: any message at all
    ("src/chibo_cli/cli/lang.py", "text"): ("src/chibo_cli/cli/lang.py", "CLICK_WORDS"),
    ("src/chibo_cli/cli/lang.py", "fixed"): ("src/chibo_cli/cli/lang.py", "CLICK_WORDS"),
    ("src/chibo_cli/cli/lang.py", "key"): ("src/chibo_cli/cli/lang.py", "ARGUMENTS"),
    ("src/chibo_cli/base/problems.py", "_LIMITS[kind]"):
        ("src/chibo_cli/base/problems.py", "_LIMITS"),
    ("src/chibo_cli/base/problems.py", "_SIMPLE[kind]"):
        ("src/chibo_cli/base/problems.py", "_SIMPLE"),
    ("src/chibo_cli/base/problems.py", "message"): ("src/chibo_cli/base/problems.py", "_YAML"),
    ("src/chibo_cli/cli/checks.py", "summary"): None,  # check docstrings and base/codes.py
    ("src/chibo_cli/cli/checks.py", "entry.summary"): None,
    ("src/chibo_cli/cli/checks.py", "text"): ("src/chibo_cli/cli/checks.py", "WORDS"),
    ("src/chibo_cli/cli/render.py", "found.origin"): ("src/chibo_cli/cli/render.py", "ORIGINS"),
    ("src/chibo_cli/rules/checks/meetings.py", "role"):
        ("src/chibo_cli/rules/checks/meetings.py", "_ROLES"),
    ("src/chibo_cli/records/encodings.py", "kind"):
        ("src/chibo_cli/records/encodings.py", "_MAGIC"),
    ("src/chibo_cli/cli/render.py", "NAMES[found.name]"):
        ("src/chibo_cli/documents/templates.py", "NAMES"),
}


@dataclass(frozen=True)
class Site:
    """Where a call to ``_`` is, relative to the repository when possible."""

    file: str
    line: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}"


@dataclass(frozen=True)
class Dynamic:
    site: Site
    expression: str


@dataclass
class Extraction:
    messages: dict[str, list[Site]]
    dynamic: list[Dynamic]
    unresolved: list[Dynamic]  # dynamic calls missing from DYNAMIC (or whose constant is gone)


def _is_translate(func: ast.expr) -> bool:
    if isinstance(func, ast.Name):
        return func.id == "_"
    return isinstance(func, ast.Attribute) and func.attr == "_"


def _is_command(node: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    for decorator in node.decorator_list:
        func = decorator.func if isinstance(decorator, ast.Call) else decorator
        if isinstance(func, ast.Attribute) and func.attr == "command":
            return True
    return False


def _check_summary(node: ast.FunctionDef | ast.AsyncFunctionDef) -> str | None:
    """The summary of a function decorated with ``@check("V…", …)``: its docstring's first line,
    as ``CheckSpec.summary`` reads it. None for any other function."""
    for decorator in node.decorator_list:
        if not (isinstance(decorator, ast.Call) and decorator.args):
            continue
        func, code = decorator.func, decorator.args[0]
        name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
        if name == "check" and isinstance(code, ast.Constant) and isinstance(code.value, str):
            doc = (ast.get_docstring(node, clean=False) or "").strip()
            return doc.splitlines()[0] if doc else None
    return None


def _code_summary(node: ast.AST) -> str | None:
    """The summary of a problem code declared as ``_code("Y001", "name", \"\"\"doc\"\"\")`` in
    base/codes.py: its doc's first line, as ``ProblemCode.summary`` reads it."""
    if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
            and node.func.id == "_code" and len(node.args) >= 3):
        return None
    doc = node.args[2]
    if isinstance(doc, ast.Constant) and isinstance(doc.value, str):
        return doc.value.splitlines()[0]
    return None


def _relative(path: Path) -> str:
    try:
        return path.resolve().relative_to(REPO).as_posix()
    except ValueError:
        return path.as_posix()


def _constant_strings(path: Path, name: str) -> list[tuple[str, int]] | None:
    """The strings of module-level constant ``name`` (dict: its values), or None if not found."""
    if not path.is_file():
        return None
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign):
            targets, value = node.targets, node.value
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            targets, value = [node.target], node.value
        else:
            continue
        if any(isinstance(t, ast.Name) and t.id == name for t in targets):
            parts = list(value.values) if isinstance(value, ast.Dict) else [value]
            return [(n.value, n.lineno) for part in parts for n in ast.walk(part)
                    if isinstance(n, ast.Constant) and isinstance(n.value, str)]
    return None


def _resolve(found: Extraction) -> None:
    """Add the values behind each dynamic call to the messages; keep the calls it cannot."""
    for call in found.dynamic:
        key = (call.site.file, call.expression)
        if key in DYNAMIC and DYNAMIC[key] is None:
            continue
        source = DYNAMIC.get(key)
        strings = _constant_strings(REPO / source[0], source[1]) if source else None
        if source is None or not strings:
            found.unresolved.append(call)
            continue
        for text, line in strings:
            sites = found.messages.setdefault(text, [])
            if Site(source[0], line) not in sites:
                sites.append(Site(source[0], line))


def extract(package: Path = PACKAGE) -> Extraction:
    """Every message under ``package`` with its call sites, and the dynamic calls."""
    found = Extraction({}, [], [])
    for path in sorted(package.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                doc = ast.get_docstring(node) if _is_command(node) else _check_summary(node)
                if doc:
                    found.messages.setdefault(doc, []).append(Site(_relative(path), node.lineno))
            summary = _code_summary(node)
            if summary:
                found.messages.setdefault(summary, []).append(Site(_relative(path), node.lineno))
            if not (isinstance(node, ast.Call) and _is_translate(node.func) and node.args):
                continue
            site = Site(_relative(path), node.lineno)
            arg = node.args[0]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                found.messages.setdefault(arg.value, []).append(site)
            else:
                found.dynamic.append(Dynamic(site, ast.unparse(arg)))
    _resolve(found)
    return found


def placeholders(text: str) -> list[str]:
    """The ``{name}`` fields of a format string, sorted, repeats kept; ``{{`` is not a field."""
    try:
        return sorted(f"{{{name}{'!' + conv if conv else ''}{':' + spec if spec else ''}}}"
                      for _, name, spec, conv in string.Formatter().parse(text)
                      if name is not None)
    except ValueError as exc:  # an unmatched brace
        return [f"<malformed: {exc}>"]


def catalog_path(lang: str) -> Path:
    return LOCALE / f"{lang}.yaml"


def load_catalog(path: Path) -> tuple[dict[str, str], list[str]]:
    """The catalog as the program reads it (CSafeLoader) and the keys that appear twice."""
    import yaml

    text = path.read_text(encoding="utf-8")
    node = yaml.compose(text, Loader=yaml.CSafeLoader)
    keys = [key.value for key, _ in node.value] if isinstance(node, yaml.MappingNode) else []
    duplicates = sorted({key for key in keys if keys.count(key) > 1})
    data = yaml.load(text, Loader=yaml.CSafeLoader) or {}
    if not isinstance(data, dict):
        raise ValueError(f"{path}: the catalog must be a mapping of source to translation")
    return {str(k): v for k, v in data.items()}, duplicates


@dataclass
class Report:
    missing: list[str]
    untranslated: list[str]          # present, but empty or not a string
    placeholder_mismatch: list[tuple[str, str]]
    duplicates: list[str]
    stale: list[str]                 # in the catalog, no longer in the code

    @property
    def failed(self) -> bool:
        return bool(self.missing or self.untranslated or self.placeholder_mismatch
                     or self.duplicates)


def check(messages: dict[str, list[Site]] | set[str], catalog: Mapping[str, object],
          duplicates: list[str] | None = None) -> Report:
    """Compare the messages of the code with a catalog."""
    missing = sorted(m for m in messages if m not in catalog)
    present = sorted(m for m in messages if m in catalog)
    untranslated = [m for m in present
                    if not isinstance(catalog[m], str) or not str(catalog[m]).strip()]
    mismatch = [(m, str(catalog[m])) for m in present if m not in untranslated
                and placeholders(m) != placeholders(str(catalog[m]))]
    stale = sorted(k for k in catalog if k not in messages)
    return Report(missing, untranslated, mismatch, duplicates or [], stale)


def yaml_quote(text: str) -> str:
    """A YAML double-quoted scalar that is also a JSON string (the catalog's one form)."""
    import json

    return json.dumps(text, ensure_ascii=False)


def _print_report(report: Report, extraction: Extraction, lang: str) -> None:
    for call in extraction.unresolved:
        print(f"unresolved dynamic call: {call.site}: _({call.expression}); list the constant "
              f"holding its values in DYNAMIC in tools/extract_messages.py")
    for message in report.missing:
        sites = ", ".join(str(s) for s in extraction.messages[message])
        print(f"missing: {yaml_quote(message)}  ({sites})")
    for message in report.untranslated:
        print(f"empty translation: {yaml_quote(message)}")
    for message, translation in report.placeholder_mismatch:
        print(f"placeholders differ: {yaml_quote(message)} {placeholders(message)} "
              f"→ {yaml_quote(translation)} {placeholders(translation)}")
    for message in report.duplicates:
        print(f"duplicate key: {yaml_quote(message)}")
    for message in report.stale:
        print(f"stale (no longer in the code): {yaml_quote(message)}")
    print(f"{lang}: {len(extraction.messages)} messages, {len(report.missing)} missing, "
          f"{len(report.placeholder_mismatch)} with other placeholders, "
          f"{len(report.stale)} stale", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--check", metavar="LANG", help="check data/locale/LANG.yaml")
    group.add_argument("--stubs", metavar="LANG", help="print YAML lines for missing messages")
    group.add_argument("--dynamic", action="store_true", help="list non-literal calls to _()")
    args = parser.parse_args(argv)
    extraction = extract()
    if args.dynamic:
        for call in extraction.dynamic:
            state = "UNRESOLVED" if call in extraction.unresolved else "resolved"
            print(f"{call.site}: _({call.expression})  {state}")
        return 1 if extraction.unresolved else 0
    if args.check or args.stubs:
        lang = args.check or args.stubs
        catalog, duplicates = load_catalog(catalog_path(lang))
        report = check(extraction.messages, catalog, duplicates)
        if args.stubs:
            for message in report.missing:
                print(f'{yaml_quote(message)}: ""')
            return 0
        _print_report(report, extraction, lang)
        return 1 if report.failed or extraction.unresolved else 0
    for message in sorted(extraction.messages):
        print(yaml_quote(message))
    return 0


if __name__ == "__main__":
    sys.exit(main())
