"""Lint a Word template: broken or split tags, curly quotes in tags, unknown variables — each
with the paragraph (or table cell) it is in. Word splits what you type into runs and turns
straight quotes into curly ones, which is how good templates go bad."""

from __future__ import annotations

import re
import typing
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator, Optional

from jinja2 import TemplateSyntaxError, nodes
from lxml import etree

from ..base.diagnostics import Diagnostic, Location, Severity
from ..base.i18n import _
from . import shapes
from .env import jinja_env
from .ratings import RatingListContext, RatingMinutesContext

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_PARTS = re.compile(r"^word/(document|header\d*|footer\d*)\.xml$")
_TOKEN = re.compile(r"\{\{|\{%|\{#|\}\}|%\}|#\}")
_CLOSER = {"{{": "}}", "{%": "%}", "{#": "#}"}
_CURLY = "“”‘’"
CONTEXTS: dict[str, type] = {
    "minutes-regular": shapes.MinutesContext, "minutes-thematic": shapes.MinutesContext,
    "resolution": shapes.ResolutionContext, "conclusion": shapes.ResolutionContext,
    "minutes-book": shapes.MinutesBookContext,
    "resolution-book": shapes.ResolutionBookContext,
    "rating-list": RatingListContext, "rating-minutes": RatingMinutesContext,
    "report": shapes.ReportContext,
}
ANY = object()


# The template problems, T codes in the registry of codes (records/codes.py lists them).
NOT_A_DOCUMENT, BROKEN_TAG, CURLY_QUOTES, SPLIT_TAG = "T001", "T002", "T003", "T004"
PARAGRAPH_TAG, SYNTAX, UNKNOWN_NAME, UNSAFE = "T005", "T006", "T007", "T008"


def _problem(code: str, where: str, message: str) -> Diagnostic:
    severity = Severity.WARNING if code in (SPLIT_TAG, PARAGRAPH_TAG) else Severity.ERROR
    return Diagnostic(code, severity, message, Location(where))


@dataclass(frozen=True)
class Para:
    where: str
    runs: list[str]

    @property
    def text(self) -> str:
        return "".join(self.runs)


def lint(path: Path) -> list[Diagnostic]:
    """Every problem in the template at ``path``; its file name says which context it gets."""
    try:
        with zipfile.ZipFile(path) as archive:
            parts = {n: archive.read(n) for n in archive.namelist() if _PARTS.match(n)}
    except (OSError, zipfile.BadZipFile, KeyError) as exc:
        return [_problem(NOT_A_DOCUMENT, str(path),
                         _("not a Word document (.docx): {error}", error=exc))]
    if "word/document.xml" not in parts:
        return [_problem(NOT_A_DOCUMENT, str(path),
                         _("not a Word document: word/document.xml missing"))]
    scope = _scope(path.stem)
    problems: list[Diagnostic] = []
    for name in sorted(parts, key=lambda n: (n != "word/document.xml", n)):
        problems.extend(_lint_part(path, name, parts[name], scope))
    return problems


def _lint_part(path: Path, name: str, data: bytes, scope: dict[str, Any]) -> list[Diagnostic]:
    prefix = f"{path.name}: " + ("" if name == "word/document.xml" else
                                 f"{Path(name).stem}, ")
    try:
        root = etree.fromstring(data)
    except etree.XMLSyntaxError as exc:
        return [_problem(NOT_A_DOCUMENT, f"{prefix}{name}", _("damaged XML: {error}", error=exc))]
    paras = list(_paragraphs(root, prefix))
    problems = [p for para in paras for p in _tag_problems(para)]
    if any(p.code == BROKEN_TAG for p in problems):  # no Jinja parse until fixed
        return problems
    return problems + _jinja_problems(data.decode("utf-8"), paras, scope)


# ------------------------------------------------------------------ where each paragraph is


def _paragraphs(root: Any, prefix: str) -> Iterator[Para]:
    body_index = table_index = 0
    for element in root.iter(f"{W}p", f"{W}tbl"):
        if element.tag == f"{W}tbl":
            if _ancestor(element, "tbl") is None:
                table_index += 1
            continue
        cell = _ancestor(element, "tc")
        if cell is None:
            body_index += 1
            where = _("paragraph {n}", n=body_index)
        else:
            where = _cell_label(cell, element, table_index)
        runs = ["".join(t.text or "" for t in run.iter(f"{W}t")) for run in element.iter(f"{W}r")]
        yield Para(prefix + where, runs)


def _ancestor(element: Any, name: str) -> Any:
    parent = element.getparent()
    while parent is not None and parent.tag != f"{W}{name}":
        parent = parent.getparent()
    return parent


def _cell_label(cell: Any, paragraph: Any, table_index: int) -> str:
    row = cell.getparent()
    rows = [r for r in row.getparent() if r.tag == f"{W}tr"]
    cells = [c for c in row if c.tag == f"{W}tc"]
    paras = [p for p in cell if p.tag == f"{W}p"]
    number = paras.index(paragraph) + 1 if paragraph in paras else 1
    return _("table {t}, row {r}, cell {c}, paragraph {p}", t=table_index,
             r=rows.index(row) + 1, c=cells.index(cell) + 1, p=number)


# ------------------------------------------------------------------ tags inside one paragraph


def _tag_problems(para: Para) -> Iterator[Diagnostic]:
    text, opened, start = para.text, "", 0
    for match in _TOKEN.finditer(text):
        token = match.group()
        if token in _CLOSER:
            if opened:
                yield _broken(para, text[start:match.start()])
            opened, start = token, match.start()
        elif opened and token == _CLOSER[opened]:
            yield from _whole_tag(para, start, match.end())
            opened = ""
        elif not opened and token != "}}":
            yield _broken(para, text[max(0, match.start() - 20):match.end()])
    if opened:
        yield _broken(para, text[start:start + 40])


def _broken(para: Para, fragment: str) -> Diagnostic:
    return _problem(BROKEN_TAG, para.where, _("broken tag '{tag}': opened and closed in different "
                                              "paragraphs, or not closed", tag=fragment.strip()))


def _whole_tag(para: Para, start: int, end: int) -> Iterator[Diagnostic]:
    tag = para.text[start:end]
    if any(q in tag for q in _CURLY):
        yield _problem(CURLY_QUOTES, para.where, _("curly quotes in tag '{tag}': type straight "
                                                   "quotes (turn off AutoFormat's smart quotes)",
                                                   tag=tag))
    pieces = _runs_spanned(para.runs, start, end)
    if pieces > 1:
        yield _problem(SPLIT_TAG, para.where, _("tag '{tag}' is split over {n} runs (formatting "
                                                "changes inside it); retype it in one go",
                                                tag=tag, n=pieces))
    if re.match(r"\{%-?\s*p\s", tag) and para.text.strip() != tag.strip():
        yield _problem(PARAGRAPH_TAG, para.where, _("'{tag}' removes its whole paragraph: the "
                                                    "other text in it is lost", tag=tag))


def _runs_spanned(runs: list[str], start: int, end: int) -> int:
    position, count = 0, 0
    for run in runs:
        if run and position < end and position + len(run) > start:
            count += 1
        position += len(run)
    return count


# ------------------------------------------------------------------ the template as Jinja


def _jinja_problems(xml: str, paras: list[Para], scope: dict[str, Any]) -> list[Diagnostic]:
    from docxtpl import DocxTemplate

    patched = DocxTemplate.__new__(DocxTemplate).patch_xml(re.sub(r"<w:p([ >])", r"\n<w:p\1", xml))
    env = jinja_env()
    try:
        tree = env.parse(patched)
    except TemplateSyntaxError as exc:
        where = paras[min(max((exc.lineno or 2) - 2, 0), len(paras) - 1)].where if paras else "?"
        return [_problem(SYNTAX, where, _("template syntax: {error}", error=exc.message))]
    unknown: dict[str, None] = {}
    _walk(tree, dict(scope), unknown)
    return [*_unsafe_problems(tree, paras),
            *(_problem(UNKNOWN_NAME, _where_used(name, paras),
                       _("unknown variable '{name}'", name=name)) for name in unknown)]


_FILE_TAGS = (nodes.Include, nodes.Import, nodes.FromImport, nodes.Extends)


def _unsafe_problems(tree: nodes.Node, paras: list[Para]) -> Iterator[Diagnostic]:
    """What the sandbox would refuse at render time, reported before anyone renders."""
    for tag in tree.find_all(_FILE_TAGS):
        yield _problem(UNSAFE, "?", _("'{tag}' reads other files; templates may not",
                                      tag=type(tag).__name__.lower()))
    for expr in tree.find_all((nodes.Getattr, nodes.Getitem, nodes.Const)):
        attr = _attribute_named(expr)
        if attr and (attr.startswith("_") or "__" in attr):
            yield _problem(UNSAFE, _where_used(attr, paras),
                           _("'{attr}' is an internal attribute; the sandbox refuses it",
                             attr=attr))


def _attribute_named(node: nodes.Node) -> Optional[str]:
    """The attribute an expression reaches for; a string constant counts too, since
    ``'{0.__class__}'.format(x)`` and ``x|attr('__class__')`` reach through strings."""
    if isinstance(node, nodes.Getattr):
        return str(node.attr)
    if isinstance(node, nodes.Getitem):
        return _const(node.arg)
    if isinstance(node, nodes.Const) and isinstance(node.value, str):
        return node.value
    return None


def _where_used(name: str, paras: list[Para]) -> str:
    parts = [re.escape(p) for p in name.split(".")]
    pattern = re.compile(r"\b" + r"\s*\.\s*".join(parts) + r"\b")
    found = [p.where for p in paras if pattern.search(p.text)]
    return "; ".join(found) if found else "?"


def _scope(stem: str) -> dict[str, Any]:
    kinds = [CONTEXTS[stem]] if stem in CONTEXTS else list(CONTEXTS.values())
    scope: dict[str, Any] = {name: ANY for name in jinja_env().globals}
    for kind in kinds:
        scope.update(typing.get_type_hints(kind))
    return scope


def _walk(node: nodes.Node, scope: dict[str, Any], unknown: dict[str, None]) -> None:
    if isinstance(node, nodes.For):
        _walk(node.iter, scope, unknown)
        inner = dict(scope, loop=ANY)
        _bind(node.target, _element(_type_of(node.iter, scope, unknown)), inner)
        for child in [*node.body, *node.else_, *([node.test] if node.test else [])]:
            _walk(child, inner, unknown)
        return
    if isinstance(node, (nodes.Assign, nodes.AssignBlock)):
        _bind(node.target, ANY, scope)
    if isinstance(node, (nodes.Name, nodes.Getattr, nodes.Getitem)):
        _type_of(node, scope, unknown)
        return
    for child in node.iter_child_nodes():
        _walk(child, scope, unknown)


def _bind(target: nodes.Node, kind: Any, scope: dict[str, Any]) -> None:
    if isinstance(target, nodes.Name):
        scope[target.name] = kind
    for child in target.iter_child_nodes():
        _bind(child, ANY, scope)


def _type_of(node: nodes.Node, scope: dict[str, Any], unknown: dict[str, None]) -> Any:
    """The shape of an expression; records names and attributes that no context provides."""
    if isinstance(node, nodes.Name):
        if node.name not in scope:
            unknown[node.name] = None
            return ANY
        return scope[node.name]
    if isinstance(node, (nodes.Getattr, nodes.Getitem)):
        base = _type_of(node.node, scope, unknown)
        attr = node.attr if isinstance(node, nodes.Getattr) else _const(node.arg)
        if attr is None:
            _walk(node.arg, scope, unknown)  # type: ignore[union-attr]
            return ANY
        fields = _fields(base)
        if fields is None:
            return ANY
        if attr not in fields:
            unknown[f"{_dotted(node.node)}.{attr}"] = None
            return ANY
        return fields[attr]
    for child in node.iter_child_nodes():
        _walk(child, scope, unknown)
    return ANY


def _const(node: nodes.Node) -> Optional[str]:
    return node.value if isinstance(node, nodes.Const) and isinstance(node.value, str) else None


def _dotted(node: nodes.Node) -> str:
    if isinstance(node, nodes.Name):
        return node.name
    if isinstance(node, nodes.Getattr):
        return f"{_dotted(node.node)}.{node.attr}"
    return "…"


def _fields(kind: Any) -> Optional[dict[str, Any]]:
    kind = _unwrap_optional(kind)
    if isinstance(kind, type) and hasattr(kind, "__total__") and hasattr(kind, "__annotations__"):
        return typing.get_type_hints(kind)
    return None


def _element(kind: Any) -> Any:
    kind = _unwrap_optional(kind)
    if typing.get_origin(kind) is list:
        return typing.get_args(kind)[0]
    return ANY


def _unwrap_optional(kind: Any) -> Any:
    args = [a for a in typing.get_args(kind) if a is not type(None)]
    if typing.get_origin(kind) is typing.Union and len(args) == 1:
        return args[0]
    return kind
