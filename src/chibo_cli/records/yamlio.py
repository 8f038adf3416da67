"""Read YAML into plain data of strings plus a map from each path to its line and column.

PyYAML's C composer gives nodes with marks; walking them ourselves (instead of constructing) lets us
reject duplicate keys and unsafe tags, bound alias expansion, keep every scalar a string (so
``19:30`` never becomes 1170 and ``010`` never becomes 8) and normalise text to NFC in one pass.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Union

import yaml

from ..base import yamltext
from ..base.diagnostics import Diagnostic, Location, Severity
from ..base.i18n import _
from ..base.problems import yaml_problem
from .encodings import describe_undecodable

PathKey = tuple[Union[str, int], ...]
Plain = Union[None, str, list["Plain"], dict[str, "Plain"]]

MAX_BYTES = 5 * 1024 * 1024
MAX_NODES = 100_000
MAX_DEPTH = 64

# libyaml's composer recurses in C: nesting ten thousand deep crashes the process, so the depth
# (and the node count, which bounds time and memory) is checked on the event stream first.
_SAFE_TAGS = {
    "tag:yaml.org,2002:" + name
    for name in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp", "omap")
}
_NULL_TAG = "tag:yaml.org,2002:null"
_MERGE_TAG = "tag:yaml.org,2002:merge"


@dataclass
class YamlDoc:
    """The plain data of one file and where each part of it came from."""

    file: str
    data: Plain = None
    marks: dict[PathKey, tuple[int, int]] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    sha256: str = ""  # of the bytes read, so that the seal need not read the file again

    def location(self, path: PathKey = ()) -> Location:
        """The nearest known location for ``path``, walking up to its parents."""
        for cut in range(len(path), -1, -1):
            mark = self.marks.get(tuple(path[:cut]))
            if mark:
                return Location(self.file, mark[0], mark[1])
        return Location(self.file, 1, 1)

    @property
    def ok(self) -> bool:
        return not self.diagnostics


class _Abort(Exception):
    def __init__(self, code: str, message: str,
                 node: yaml.Node | yaml.Event | yaml.Mark | None, hint: str = "") -> None:
        super().__init__(message)
        self.code, self.message, self.hint = code, message, hint
        self.where = _mark(node) if node is not None else (1, 1)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def read_yaml(path: Path, display: str | None = None) -> YamlDoc:
    """Read ``path``; every problem becomes a diagnostic on the document, never an error."""
    doc = YamlDoc(display or str(path))
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_BYTES + 1)  # a 5 GB file is never read whole
    except OSError as exc:
        return _fail(doc, "Y008", _("cannot read file: {error}", error=exc.strerror or exc))
    if len(raw) <= MAX_BYTES:
        doc.sha256 = hashlib.sha256(raw).hexdigest()
    text = _decode(doc, raw)
    if text is None:
        return doc
    return parse_yaml_text(text, doc)


def parse_yaml_text(text: str, doc: YamlDoc) -> YamlDoc:
    """Parse already-decoded text into ``doc``."""
    if not text.strip():
        return _fail(doc, "Y006", _("file is empty"), hint=_("write the record or delete the file"))
    try:
        _prescan(text)
        node = yamltext.compose(text)
    except _Abort as abort:
        return _fail(doc, abort.code, abort.message, *abort.where, abort.hint)
    except yaml.MarkedYAMLError as exc:
        return _syntax_error(doc, text, exc)
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        col = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        return _fail(doc, "Y001", _("character U+{code:04X} is not allowed in a YAML file",
                                    code=exc.character if isinstance(exc.character, int)
                                    else ord(str(exc.character)[:1] or "?")),
                     line, col, _("delete it; it is often pasted in by accident"))
    except (yaml.YAMLError, RecursionError, ValueError) as exc:
        return _fail(doc, "Y001", _("YAML cannot be read: {problem}", problem=type(exc).__name__))
    if node is None or (isinstance(node, yaml.ScalarNode) and node.tag == _NULL_TAG):
        return _fail(doc, "Y006", _("file holds no YAML data (only comments?)"))
    walker = _Walker(doc)
    try:
        doc.data = walker.walk(node, (), 0)
    except _Abort as abort:
        return _fail(doc, abort.code, abort.message, *abort.where, abort.hint)
    except RecursionError:
        return _fail(doc, "Y004", _("nesting is too deep"))
    return doc


def _decode(doc: YamlDoc, raw: bytes) -> str | None:
    if len(raw) > MAX_BYTES:
        limit = MAX_BYTES // (1024 * 1024)
        _fail(doc, "Y004", _("file is larger than {limit} MB; a record file is never this big",
                             limit=limit))
        return None
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]  # UTF-8 with a BOM, as old Notepad saves it: accepted as is
    try:
        if b"\x00" in raw[:8192]:  # NUL is valid UTF-8 but never in a text file
            raise UnicodeDecodeError("utf-8", raw, 0, 1, "NUL byte")
        return nfc(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1 if exc.start else 1
        code, message, hint = describe_undecodable(raw)
        _fail(doc, code, message, line, 1, hint)
        return None


def _fail(doc: YamlDoc, code: str, message: str, line: int = 1, col: int = 1,
          hint: str = "", extra: str = "") -> YamlDoc:
    loc = Location(doc.file, line, col)
    doc.diagnostics.append(Diagnostic(code, Severity.ERROR, message, loc, hint, extra=extra))
    return doc


def _mark(node: yaml.Node | yaml.Event | yaml.Mark) -> tuple[int, int]:
    # libyaml's marks are their own class, not yaml.Mark: tell a mark by its missing start_mark
    mark: Any = getattr(node, "start_mark", node)
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


def _prescan(text: str) -> None:
    """Refuse nesting deeper than MAX_DEPTH or more than MAX_NODES values before composing."""
    if _surely_small(text):
        return
    depth = count = 0
    try:
        for event in yamltext.events(text):
            if isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
                continue
            if not isinstance(event, (yaml.NodeEvent, yaml.CollectionStartEvent)):
                continue
            count += 1
            depth += isinstance(event, yaml.CollectionStartEvent)
            if depth > MAX_DEPTH:
                raise _Abort("Y004", _("nesting is too deep (more than {limit} levels)",
                                       limit=MAX_DEPTH), event)
            if count > MAX_NODES:
                raise _Abort("Y004", _("too many values (more than {limit})", limit=MAX_NODES),
                             event, _("a record file is never this big; is this the right file?"))
    except yaml.MarkedYAMLError as exc:
        # libyaml ≥ 0.2.5 (PyYAML 6.0.3+) stops deep flow nesting itself, scanning ahead of the
        # events; it is the same problem as ours, so it gets the same code.
        if "nesting depth" in (exc.problem or ""):
            raise _Abort("Y004", _("nesting is too deep (more than {limit} levels)",
                                   limit=MAX_DEPTH), exc.problem_mark) from None
        return  # composing reports the same syntax error, with its place
    except yaml.YAMLError:
        return


def _surely_small(text: str) -> bool:
    """A cheap upper bound on nesting and on the number of values is within the limits.

    Flow nesting needs a bracket per level; block nesting needs indentation or an indicator on
    the same line ('-', '?', ':'); every value needs a line, a comma or an indicator. Record files
    are far below the limits, so the exact event scan runs only for the odd file that is not.
    """
    lines = text.splitlines()
    brackets = text.count("[") + text.count("{")
    indicators = sum(text.count(c) for c in "-?:,")
    if 2 * (len(lines) + indicators + brackets) + 2 > MAX_NODES:
        return False
    if _OTHER_BREAKS.search(text):
        indent = max(len(line) - len(line.lstrip(" ")) for line in lines)
        per_line = max(sum(line.count(c) for c in "-?:") for line in lines)
    else:  # the same two maxima computed in C: a Python loop per line took 20% of a load
        indent = max(map(len, _INDENTS.findall(text)))
        per_line = max(map(len, _NOT_INDICATOR.sub("", text).split("\n")))
    return brackets + 2 * (indent + 1) + per_line <= MAX_DEPTH


_OTHER_BREAKS = re.compile("[\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
_INDENTS = re.compile(r"^ *", re.M)
_NOT_INDICATOR = re.compile(r"[^-?:\n]+")


def _syntax_error(doc: YamlDoc, text: str, exc: yaml.MarkedYAMLError) -> YamlDoc:
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = exc.problem or str(exc)
    source = text.splitlines()[line - 1] if 0 < line <= len(text.splitlines()) else ""
    said = yaml_problem(problem, source)
    if "mapping values" in problem and not _colon_in_value(source):  # not a quoting slip
        said = _("a line indented differently from the fields around it")
    if exc.context and "single document" in exc.context:
        said = _("a record file holds one YAML document, but '---' starts another")
    message = _("YAML syntax error: {problem}", problem=said)
    return _fail(doc, "Y001", message, line, col, _syntax_hint(problem, source),
                 extra=" ".join(filter(None, (exc.context, problem))))


def _syntax_hint(problem: str, source: str) -> str:
    if "\t" in source[: len(source) - len(source.lstrip())] or "tab" in problem:
        return _("indent with spaces, not tabs")
    if "mapping values" in problem and _colon_in_value(source):
        return _("a value that contains ': ' must be put in quotes")
    if "mapping values" in problem:
        return _("check the indentation: this line must line up with the fields around it")
    return _("check the indentation and quotes on this line and the one before it")


def _colon_in_value(source: str) -> bool:
    """``conclusion: Chi bộ: thống nhất`` (a value holding ': '), not a key indented wrong."""
    body = source.strip().removeprefix("- ")
    _key, _sep, value = body.partition(": ")
    return ": " in value or value.rstrip().endswith(":")


def _tag_message(tag: str) -> str:
    short = tag.replace("tag:yaml.org,2002:", "!!", 1)
    return _("tag {tag} is not allowed", tag=short)


class _Walker:
    """Turns a node tree into plain data, counting nodes so aliases cannot explode."""

    def __init__(self, doc: YamlDoc) -> None:
        self.doc = doc
        self.visited = 0

    def walk(self, node: yaml.Node, path: PathKey, depth: int) -> Plain:
        self.visited += 1
        if self.visited > MAX_NODES:
            raise _Abort("Y004", _("too many values (alias expansion?)"), node,
                         _("record files do not need YAML aliases; write values out"))
        if depth > MAX_DEPTH:
            raise _Abort("Y004", _("nesting is too deep"), node)
        if node.tag not in _SAFE_TAGS:
            raise _Abort("Y003", _tag_message(node.tag), node,
                         _("remove the tag; chibo reads plain values only"))
        self.doc.marks.setdefault(path, _mark(node))
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path, depth)
        if isinstance(node, yaml.SequenceNode):
            return [self.walk(item, path + (i,), depth + 1) for i, item in enumerate(node.value)]
        return self._scalar(node)

    def _scalar(self, node: yaml.Node) -> str | None:
        if node.tag == _NULL_TAG and getattr(node, "style", None) in (None, ""):
            return None
        value = str(node.value)
        return value if value.isascii() else nfc(value)

    def _mapping(self, node: yaml.MappingNode, path: PathKey, depth: int) -> dict[str, Plain]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise _Abort("Y001", _("a key must be plain text"), key_node)
            if key_node.tag == _MERGE_TAG:
                raise _Abort("Y003", _("YAML merge keys ('<<') are not allowed in records"),
                             key_node, _("write the fields out in full"))
            key = str(key_node.value)
            key = key if key.isascii() else nfc(key)
            if key in result:
                first = self.doc.marks.get(path + (key,), (0, 0))[0]
                raise _Abort("Y002", _("duplicate key '{key}' (first on line {line})",
                                       key=key, line=first), key_node,
                             _("YAML keeps only one of them; merge or rename"))
            self.doc.marks[path + (key,)] = _mark(key_node)
            result[key] = self.walk(value_node, path + (key,), depth + 1)
        return result
