"""``chibo member add`` (a member appended as text, the rest of members.yaml untouched) and the
member list with each member's status on a date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional

from ..base.atomic import write_text_atomic
from ..base.errors import ChiboError
from ..base.i18n import _
from ..base.yamltext import compose
from ..records.loader import MEMBERS_FILE, Cell
from ..records.models import (
    Branch,
    Member,
    Roster,
)
from ..records.yamlio import YamlDoc, nfc, parse_yaml_text
from .cell_folder import members_text
from .files import cell_root, checked
from .text import SLUG_RE, indent, line, render, slugify, unique_id, yaml_id, yaml_str


@dataclass(frozen=True)
class NewMember:
    name: str
    gender: str
    born: dt.date
    admitted: dt.date
    confirmed: Optional[dt.date] = None
    card_number: Optional[str] = None
    citizen_id: Optional[str] = None
    id: Optional[str] = None
    title: Optional[str] = None
    admitted_note: Optional[str] = None  # the decision, when a candidate is admitted


_GENDERS = {"nam": "nam", "male": "nam", "m": "nam",
            "nữ": "nữ", "nu": "nữ", "female": "nữ", "f": "nữ"}


def parse_gender(value: str) -> str:
    gender = _GENDERS.get(nfc(value).strip().lower())
    if gender is None:
        raise ChiboError(_("gender '{value}' is not known", value=value),
                         _("write nam or nữ"))
    return gender


def member_block(member: NewMember, member_id: str) -> str:
    """The text of one list item of members.yaml, at column 0."""
    note = f", note: {yaml_str(member.admitted_note)}" if member.admitted_note else ""
    history = [line(f"    - {{date: {member.admitted.isoformat()}, event: admitted{note}}}",
                    "kết nạp (bắt đầu dự bị)")]
    if member.confirmed:
        history.append(line(f"    - {{date: {member.confirmed.isoformat()}, event: confirmed}}",
                            "chuyển đảng viên chính thức"))
    return render("member.yaml", id=yaml_id(member_id), name=yaml_str(member.name),
                  gender=member.gender, born=member.born.isoformat(),
                  title=_optional_str(member.title), card_number=_optional_str(member.card_number),
                  citizen_id=_optional_str(member.citizen_id), history="\n".join(history))


def _optional_str(value: Optional[str]) -> str:
    return yaml_str(value.strip()) if value and value.strip() else ""


def append_member(text: str, block: str) -> str:
    """``text`` of members.yaml with ``block`` added as the last list item; the text before the
    end is kept byte for byte, except an empty ``[]`` which must become a block list."""
    import yaml

    bom = "\ufeff" if text.startswith("\ufeff") else ""
    body = text[len(bom):]
    node = _members_value(compose(body))
    if isinstance(node, yaml.SequenceNode) and not node.flow_style:
        dash = node.start_mark.column
    elif (isinstance(node, yaml.SequenceNode) and not node.value) or (
            isinstance(node, yaml.ScalarNode) and node.value == "" and not node.style):
        dash = 2
        body = body[:_offset(body, node.start_mark)] + body[_offset(body, node.end_mark):]
    else:
        raise ChiboError(_("{file}: 'members:' is not written as a list of '- id: …' items",
                           file=MEMBERS_FILE), _("chibo appends only to a block list"))
    newline = "\r\n" if "\r\n" in body else "\n"
    if body and not body.endswith("\n"):
        body += newline
    addition = indent(block, dash).replace("\n", newline) + newline
    return bom + body + addition


def _members_value(root: Any) -> Any:
    import yaml

    if isinstance(root, yaml.MappingNode):
        for key, value in root.value:
            if isinstance(key, yaml.ScalarNode) and key.value == "members":
                return value
    raise ChiboError(_("{file} has no 'members:' list", file=MEMBERS_FILE))


def _offset(text: str, mark: Any) -> int:
    lines = text.split("\n")
    return sum(len(row) + 1 for row in lines[:mark.line]) + int(mark.column)


def add_member(root: Path, member: NewMember) -> tuple[str, Path]:
    """Append ``member`` to the cell's members.yaml; return its id and the file."""
    root = cell_root(root)
    path = root / MEMBERS_FILE
    existing = path.exists()  # a missing file is started in memory: a refusal leaves nothing
    items = _member_items(path) if existing else []
    member_id = _new_member_id(member, {str(i.get("id")) for i in items if isinstance(i, dict)})
    if member.confirmed and member.confirmed < member.admitted:
        raise ChiboError(_("the confirmation date is before the admission date"))
    block = member_block(member, member_id)
    checked("members:\n" + indent(block, 2) + "\n", Roster, path)
    current = path.read_bytes().decode("utf-8") if existing else members_text(root)
    text = append_member(current, block)
    _verify_append(text, path, len(items) + 1, member_id)
    write_text_atomic(path, text, overwrite=existing)
    return member_id, path


def _member_items(path: Path) -> list[Any]:
    from ..records.yamlio import read_yaml

    doc = read_yaml(path)
    if not doc.ok:
        first = doc.diagnostics[0]
        raise ChiboError(f"{first.location}: {first.message}", _("fix it, then add the member"))
    items = doc.data.get("members") if isinstance(doc.data, dict) else None
    return items if isinstance(items, list) else []


def _new_member_id(member: NewMember, taken: set[str]) -> str:
    if member.id:
        if not SLUG_RE.match(member.id):
            raise ChiboError(_("id '{id}' is not valid", id=member.id),
                             _("use lowercase letters, digits and dashes, e.g. le-thi-hoa"))
        if member.id in taken:
            raise ChiboError(_("a member with id '{id}' already exists", id=member.id))
        return member.id
    base = slugify(member.name)
    if not base:
        raise ChiboError(_("cannot make an id from the name '{name}'", name=member.name),
                         _("give one with --id"))
    return unique_id(base, taken)


def _verify_append(text: str, path: Path, count: int, member_id: str) -> None:
    doc = parse_yaml_text(nfc(text), YamlDoc(str(path)))
    items = doc.data.get("members") if doc.ok and isinstance(doc.data, dict) else None
    last = items[-1] if isinstance(items, list) and len(items) == count else None
    if not isinstance(last, dict) or last.get("id") != member_id:
        raise ChiboError(_("cannot add to {file} safely: the list is not the last thing in it",
                           file=path), _("move 'members:' to the end of the file"))



# The cell's own vocabulary, shown in Vietnamese whatever the interface language (as in documents).
_LEFT = {"transferred_out": "đã chuyển sinh hoạt đi", "removed": "đã xóa tên",
         "died": "đã từ trần", "detached": "đã kết thúc sinh hoạt tạm thời"}


@dataclass(frozen=True)
class MemberRow:
    id: str
    name: str
    status: str
    role: str
    card_number: str
    citizen_id: str


def status_label(member: Member, on: dt.date) -> str:
    """What the member was on ``on``, in Vietnamese: ``chính thức, miễn sinh hoạt``."""
    from ..rules.roster import standing

    state = standing(member, on)
    past = [e for e in member.history if e.date <= on]
    if not state.in_cell and not state.attached:
        if not past:
            return "chưa vào chi bộ"
        return _LEFT.get(past[-1].event.value, "không còn sinh hoạt tại chi bộ")
    parts = ["chính thức" if state.category and state.category.value == "full" else "dự bị"]
    flags = [(state.attached and not state.in_cell, "sinh hoạt tạm thời tại chi bộ"),
             (state.exempted, "miễn sinh hoạt"), (state.away, "sinh hoạt tạm thời nơi khác"),
             (state.suspended, "đình chỉ sinh hoạt")]
    return ", ".join(parts + [label for on_flag, label in flags if on_flag])


def role_label(branch: Optional[Branch], member_id: str) -> str:
    """The member's place in the executive for the member list ("bí thư"), empty for others."""
    if branch is None or branch.committee.role_of(member_id) is None:
        return ""
    return branch.committee.title_of(member_id).removesuffix(" chi bộ").lower()


def member_rows(cell: Cell, on: dt.date, reveal: bool = False) -> list[MemberRow]:
    from ..trust.privacy import mask

    return [MemberRow(m.id, m.name, status_label(m, on), role_label(cell.branch, m.id),
                      mask(m.card_number, reveal), mask(m.citizen_id, reveal))
            for m in cell.members]
