"""Write changed values back into a record's YAML text, keeping everything else byte for byte.

The form edits plain data (strings, lists, mappings, as ``records.yamlio`` reads them). Saving
rewrites only the top-level keys whose value changed; inside a changed list, an item whose data is
unchanged keeps its original lines, and the comment lines just above an item stay with it. The
key's own trailing comment (``tasks: []  # phân công…``) is kept. The new text is parsed back and
compared with the intended data before anyone writes it: a mismatch is a bug, never a saved file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Sequence

import yaml

from ..authoring.text import COMMENT_COLUMN, yaml_str
from ..base.yamltext import compose, load_plain
from ..records.models import TIME
from ..records.yamlio import Plain, YamlDoc, parse_yaml_text

WIDTH = 100
# Keys whose values the format writes bare (numbers, keywords, ids, ISO dates, true/false).
_BARE_KEYS = {"for", "against", "other", "read_back", "superior", "kind", "status", "subject",
              "date", "due", "member", "chair", "recorder", "owner"}
_BARE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
_COMMENT = re.compile(r"^\s*#")


class SpliceError(RuntimeError):
    """The spliced text does not read back as the intended data (a bug in this module)."""


@dataclass
class _Block:
    """Where one top-level key's lines are, and what the original lines looked like."""

    key: str
    first: int                  # line of the key
    end: int                    # one past the last line of its value
    comment: str                # the key line's trailing comment, without '#'
    items: list[tuple[int, int]] = field(default_factory=list)  # block-sequence item spans
    dash_col: int = 2
    lead: dict[int, list[str]] = field(default_factory=dict)    # comment lines above item i
    tail: list[str] = field(default_factory=list)               # comment lines after the items


def splice(text: str, new: dict[str, Any], order: Sequence[str]) -> str:
    """``text`` with each top-level key of ``new`` set to its value; ``order`` places new keys."""
    old = _data(text)
    changed = [k for k, v in new.items() if old.get(k, _MISSING) != v]
    if not changed:
        return text
    lines = text.splitlines(keepends=True)
    if not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    blocks = _blocks(text, lines)
    # Edit from the bottom up so that the line numbers of what is still to edit stay right.
    for _anchor, _rank, key in sorted((_place(k, blocks, order, len(lines)) for k in changed),
                                      reverse=True):
        if key in blocks:
            block = blocks[key]
            lines[block.first:block.end] = _rewrite(block, new[key], old[key], lines)
        else:
            lines[_anchor:_anchor] = _key_lines(key, new[key], "", 0)
    result = "".join(lines)
    if _data(result) != {**old, **new}:
        raise SpliceError(f"spliced text does not read back: {sorted(changed)}")
    return result


_MISSING = object()


def _place(key: str, blocks: dict[str, _Block], order: Sequence[str],
           size: int) -> tuple[int, int, str]:
    """(line, rank, key): an existing key is rewritten where it is; a new one goes after the
    nearest earlier key of ``order`` that the file has (at the top when there is none).
    At one line a rewrite comes before inserts, and later keys are inserted first."""
    if key in blocks:
        return blocks[key].first, len(order) + 1, key
    rank = order.index(key) if key in order else len(order)
    before = [blocks[k] for k in order[:rank] if k in blocks]
    if before:
        return max(before, key=lambda b: b.first).end, rank, key
    first = min((b.first for b in blocks.values()), default=size)
    return first, rank, key


def _data(text: str) -> dict[str, Plain]:
    doc = parse_yaml_text(text, YamlDoc("<form>"))
    if not doc.ok or not isinstance(doc.data, dict):
        raise SpliceError(doc.diagnostics[0].message if doc.diagnostics else "not a mapping")
    return doc.data


def _blocks(text: str, lines: list[str]) -> dict[str, _Block]:
    root: Any = compose(text)
    found: dict[str, _Block] = {}
    for key_node, value in root.value:
        first = key_node.start_mark.line
        end = value.end_mark.line + (1 if value.end_mark.column else 0)
        end = max(end, first + 1)
        block = _Block(key_node.value, first, end, _key_comment(lines[first], key_node, value))
        if isinstance(value, yaml.SequenceNode) and not value.flow_style:
            _items(block, value, lines)
        found[block.key] = block
    return found


def _key_comment(line: str, key: Any, value: Any) -> str:
    if value.start_mark.line == key.start_mark.line:
        rest = line[value.end_mark.column:] if value.end_mark.line == key.start_mark.line else ""
    else:
        rest = line[key.end_mark.column:].lstrip().removeprefix(":")
    rest = rest.strip()
    return rest[1:].strip() if rest.startswith("#") else ""


def _items(block: _Block, seq: Any, lines: list[str]) -> None:
    starts = [item.start_mark.line for item in seq.value]
    block.dash_col = seq.start_mark.column
    bounds = starts + [block.end]
    for i, start in enumerate(starts):
        stop = bounds[i + 1]
        trailing = _comment_run_before(lines, stop, start + 1)
        block.items.append((start, stop - len(trailing)))
        (block.lead.setdefault(i + 1, []) if i + 1 < len(starts) else block.tail).extend(trailing)
    block.lead[0] = _comment_run_before(lines, starts[0], block.first + 1) if starts else []


def _comment_run_before(lines: list[str], stop: int, floor: int) -> list[str]:
    """The comment (and blank) lines just above ``stop``, down to ``floor`` at the lowest."""
    start = stop
    while start > floor and (_COMMENT.match(lines[start - 1]) or not lines[start - 1].strip()):
        start -= 1
    return lines[start:stop]


def _rewrite(block: _Block, value: Any, old: Any, lines: list[str]) -> list[str]:
    if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
        out = [_key_line(block.key, "", block.comment)]
        olds = old if isinstance(old, list) and block.items else []
        for i, item in enumerate(value):
            out.extend(block.lead.get(i, []) if i < len(block.items) else [])
            if i < len(olds) and olds[i] == item:
                out.extend(lines[block.items[i][0]:block.items[i][1]])
            else:
                out.extend(_item_lines(item, block.dash_col if block.items else 2))
        return out + block.tail
    return _key_lines(block.key, value, block.comment, 0)


# ------------------------------------------------------------------ emitting


def _key_line(key: str, code: str, comment: str) -> str:
    text = f"{key}:{' ' + code if code else ''}"
    if comment:
        text = f"{text:<{COMMENT_COLUMN - 2}}  # {comment}"
    return text + "\n"


def _key_lines(key: str, value: Any, comment: str, indent: int) -> list[str]:
    pad = " " * indent
    if isinstance(value, dict):
        return [pad + _key_line(key, _flow_map(value), comment)]
    if isinstance(value, list):
        if not value:
            return [pad + _key_line(key, "[]", comment)]
        if all(isinstance(v, str) for v in value):
            flow = ", ".join(_scalar("", v, flow=True) for v in value)
            return [pad + _key_line(key, f"[{flow}]", comment)]
        out = [pad + _key_line(key, "", comment)]
        for item in value:
            out.extend(_item_lines(item, indent + 2))
        return out
    if value is None:
        return [pad + _key_line(key, "", comment)]
    first, *body = _text_lines(key, str(value), comment, indent)
    return [pad + first, *body]


def _item_lines(item: Any, dash: int) -> list[str]:
    if not isinstance(item, dict):
        return [" " * dash + "- " + _scalar("", str(item)) + "\n"]
    out: list[str] = []
    for n, (key, value) in enumerate(item.items()):
        lines = _key_lines(key, value, "", dash + 2)
        if n == 0:
            lines[0] = " " * dash + "- " + lines[0][dash + 2:]
        out.extend(lines)
    return out


def _flow_map(value: dict[str, Any]) -> str:
    return "{" + ", ".join(f"{k}: {_scalar(k, str(v), flow=True)}" for k, v in value.items()
                           if v is not None) + "}"


def _text_lines(key: str, text: str, comment: str, indent: int) -> list[str]:
    """One line when it fits, else a folded (``>-``) or literal (``|-``) block. The key line
    comes without its indent, the block's lines with theirs."""
    single = _scalar(key, text)
    if "\n" not in text and indent + len(key) + 2 + len(single) <= WIDTH:
        return [_key_line(key, single, comment)]
    block = _block_scalar(key, text, indent)
    if block is not None:
        return [_key_line(key, block[0], comment)] + block[1:]
    return [_key_line(key, yaml_str(text), comment)]


def _block_scalar(key: str, text: str, indent: int) -> list[str] | None:
    pad = " " * (indent + 2)
    if "\n" in text:
        body = [pad + part + "\n" if part else "\n" for part in text.split("\n")]
        candidate = ["|-"] + body
    else:
        candidate = [">-"] + [pad + part + "\n" for part in _fold(text, WIDTH - len(pad))]
    probe = f"{key}: " + candidate[0] + "\n" + "".join(line[indent:] for line in candidate[1:])
    doc = parse_yaml_text(probe, YamlDoc("<probe>"))
    if doc.ok and isinstance(doc.data, dict) and doc.data.get(key) == text:
        return candidate
    return None


def _fold(text: str, width: int) -> list[str]:
    """Break at single spaces only: a folded block reads each break back as one space."""
    words = re.split(r"(?<=\S) (?=\S)", text)
    out: list[str] = []
    current = ""
    for word in words:
        if current and len(current) + 1 + len(word) > width:
            out.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    return out + [current]


def _scalar(key: str, text: str, flow: bool = False) -> str:
    """Bare when YAML reads it back as the same text (or as the bare keyword the field wants),
    quoted otherwise: times, '#' after a space, a leading '[' or '*', 'yes'…"""
    if key in _BARE_KEYS and _BARE.match(text) and text.lower() not in ("null", "~"):
        return text
    # '#' reads back bare unless a space precedes it, but people edit the line later: quote it;
    # times are quoted as the format asks ("01:48" is text to YAML 1.1, "19:30" a number)
    if TIME.match(text):
        return yaml_str(text)
    if text and text == text.strip() and "#" not in text and "\n" not in text \
            and _reads_back(text, flow):
        return text
    return yaml_str(text)


def _reads_back(text: str, flow: bool) -> bool:
    """Inside ``{…}`` or ``[…]`` a comma or a bracket ends the value, so flow is stricter."""
    probe, want = (f"- {{k: {text}}}", [{"k": text}]) if flow else (f"k: {text}", {"k": text})
    try:
        return bool(load_plain(probe) == want)
    except yaml.YAMLError:
        return False
