"""Edit members.yaml as text, in place: set a field of a member, add an event to a history.

The secretary's comments, blank lines, order and quoting stay byte for byte; only the edited value
or the added line changes. Every edit is checked by parsing the result and comparing it with the
old data changed by hand in memory: if the text edit did anything else, nothing is written.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from ..base.atomic import write_text_atomic
from ..base.errors import ChiboError
from ..base.i18n import _
from ..base.yamltext import compose
from ..records.loader import MEMBERS_FILE
from ..records.models import Roster
from ..records.yamlio import YamlDoc, nfc, parse_yaml_text
from .files import checked

# A member's scalar fields, in the order the scaffold writes them: a missing one goes before
# the first later field present, else before ``history``.
FIELD_ORDER = ("id", "name", "gender", "born", "title", "card_number", "citizen_id", "history")

Data = dict[str, Any]


def _split_bom(text: str) -> tuple[str, str]:
    return ("\ufeff", text[1:]) if text.startswith("\ufeff") else ("", text)


def _member_node(body: str, member_id: str) -> yaml.MappingNode:
    root = compose(body)
    members = None
    if isinstance(root, yaml.MappingNode):
        members = next((v for k, v in root.value if k.value == "members"), None)
    if not isinstance(members, yaml.SequenceNode):
        raise ChiboError(_("{file} has no 'members:' list", file=MEMBERS_FILE))
    for item in members.value:
        if isinstance(item, yaml.MappingNode) and _value(item, "id") == member_id:
            if item.flow_style:
                raise ChiboError(_("member '{id}' is written on one line ({{…}}); chibo edits "
                                   "only members written field by field", id=member_id),
                                 _("write the member as '- id: …' with one field a line"))
            return item
    raise ChiboError(_("no member '{id}' in {file}", id=member_id, file=MEMBERS_FILE))


def _value(mapping: yaml.MappingNode, key: str) -> Any:
    for k, v in mapping.value:
        if k.value == key:
            return v.value if isinstance(v, yaml.ScalarNode) else v
    return None


def _line_end(body: str, index: int) -> int:
    """The end of the line holding ``index``, before its line break (``\r\n`` or ``\n``)."""
    end = body.find("\n", index)
    if end < 0:
        return len(body)
    return end - 1 if end and body[end - 1] == "\r" else end


def _newline(body: str) -> str:
    return "\r\n" if "\r\n" in body else "\n"


def set_field(text: str, member_id: str, key: str, value: str) -> str:
    """``text`` with the member's ``key`` set to the YAML scalar ``value`` (already quoted)."""
    bom, body = _split_bom(text)
    node = _member_node(body, member_id)
    for k, v in node.value:
        if k.value == key:
            if not isinstance(v, yaml.ScalarNode) or v.style in ("|", ">"):
                raise ChiboError(_("{field} of member '{id}' is not a one-line value; edit it "
                                   "by hand", field=key, id=member_id))
            start, end = v.start_mark.index, v.end_mark.index
            glue = " " if body[start - 1] == ":" else ""  # an empty value starts at the colon
            return bom + body[:start] + glue + value + body[end:]
    later = FIELD_ORDER[FIELD_ORDER.index(key) + 1:] if key in FIELD_ORDER else ("history",)
    anchor = next((k for k, _v in node.value if k.value in later), None)
    if anchor is None:
        anchor = node.value[-1][0]
        end = body.find("\n", _content_end(body, _last_end(node.value[-1][1])))
        at = len(body) if end < 0 else end + 1
    else:
        at = anchor.start_mark.index - anchor.start_mark.column
    pad = " " * anchor.start_mark.column
    return bom + body[:at] + f"{pad}{key}: {value}{_newline(body)}" + body[at:]


def append_event(text: str, member_id: str, event: str) -> str:
    """``text`` with ``event`` (a one-line flow mapping) as the last item of the member's
    history; the item goes right after the last one, before any comment that follows it."""
    bom, body = _split_bom(text)
    node = _member_node(body, member_id)
    history = next((v for k, v in node.value if k.value == "history"), None)
    if not isinstance(history, yaml.SequenceNode) or history.flow_style or not history.value:
        raise ChiboError(_("the history of member '{id}' is not a list of '- …' lines; chibo "
                           "adds events only to such a list", id=member_id),
                         _("write each event on its own '- {date: …, event: …}' line"))
    last = history.value[-1]
    column: int = history.value[0].start_mark.column - 2  # the dash: two columns left of the item
    end = _content_end(body, _last_end(last))
    at = _line_end(body, end)
    return bom + body[:at] + _newline(body) + " " * column + "- " + event + body[at:]


def _last_end(node: yaml.Node) -> int:
    """Where a node's own text ends: a block collection's end mark runs on over the comments
    that follow it, so take its last value's."""
    while isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) and not node.flow_style \
            and node.value:
        last = node.value[-1]
        node = last[1] if isinstance(node, yaml.MappingNode) else last
    return int(node.end_mark.index)


def _content_end(body: str, index: int) -> int:
    """The last character of an item, before the blank lines a block scalar's end mark takes in."""
    while index > 0 and body[index - 1] in " \t\r\n":
        index -= 1
    return max(index - 1, 0)


# ------------------------------------------------------------------ checking and writing


def parsed(text: str, path: Path) -> Data:
    doc = parse_yaml_text(nfc(text), YamlDoc(str(path)))
    if not doc.ok or not isinstance(doc.data, dict):
        first = doc.diagnostics[0] if doc.diagnostics else None
        raise ChiboError(f"{first.location}: {first.message}" if first else
                         _("{file} cannot be read", file=path),
                         _("run 'chibo validate' to see every problem"))
    return doc.data


def member_data(data: Data, member_id: str) -> Data:
    for item in data.get("members") or []:
        if isinstance(item, dict) and item.get("id") == member_id:
            return item
    raise ChiboError(_("no member '{id}' in {file}", id=member_id, file=MEMBERS_FILE))


def verified(old: str, new: str, path: Path, change: Callable[[Data], None]) -> str:
    """``new`` if it reads as ``old``'s data changed by ``change`` and as a valid roster."""
    expected = copy.deepcopy(parsed(old, path))
    change(expected)
    if parsed(new, path) != expected:
        raise ChiboError(_("cannot change {file} safely: the edit would change more than it "
                           "should", file=path),
                         _("the file's layout is unusual here; make the change by hand"))
    checked(nfc(new), Roster, path)
    return new


def write_members(path: Path, text: str) -> None:
    write_text_atomic(path, text, overwrite=True)
