"""New record files from the text templates in ``data/scaffolds``: init, members, meetings,
resolutions.

Generated YAML is text, never ``yaml.dump``: it carries a schema line for editors and a short
Vietnamese comment on every field. Every text is parsed and validated before it is written, so a
generated file always loads back. Files are written atomically and never overwritten.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from string import Template
from typing import Any, Optional

from pydantic import BaseModel, ValidationError

from ..base.atomic import write_bytes_atomic, write_text_atomic
from ..base.diagnostics import Diagnostic, Severity
from ..base.errors import ChiboError
from ..base.i18n import _
from ..records.loader import BRANCH_FILE, MEMBERS_FILE, Cell, load_cell
from ..records.locate import cell_folder, folders_above, is_cell, record_cell
from ..records.models import (
    SLUG,
    TIME,
    Branch,
    Meeting,
    MeetingKind,
    Member,
    PlannedTopic,
    Resolution,
    Roster,
    Task,
    TaskStatus,
)
from ..records.schema import SCHEMA_DIR, write_schemas
from ..records.yamlio import YamlDoc, nfc, parse_yaml_text

FOLDERS = ("meetings", "resolutions", "plans")
COMMENT_COLUMN = 34
DEFAULT_START = "19:30"
_SLUG_RE = re.compile(SLUG)
_LINE_BREAKS = re.compile(r"[\r\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029]+")


# ------------------------------------------------------------------ text helpers


def yaml_str(text: str) -> str:
    """``text`` as a double-quoted YAML scalar that reads back exactly (after NFC)."""
    out = []
    for char in nfc(text):
        code = ord(char)
        if char in '"\\':
            out.append("\\" + char)
        elif char == "\n":
            out.append("\\n")
        elif char == "\t":
            out.append("\\t")
        elif _needs_escape(code):
            out.append(f"\\u{code:04x}" if code > 0xFF else f"\\x{code:02x}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def _needs_escape(code: int) -> bool:
    """Characters YAML does not allow (or editors mangle) written raw inside a quoted scalar."""
    return (code < 0x20 or 0x7F <= code <= 0x9F or 0xD800 <= code <= 0xDFFF
            or code in (0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF))


def yaml_id(value: str) -> str:
    """A slug as a plain scalar (quoted in the one case YAML would read it as null)."""
    return value if _SLUG_RE.match(value) and value != "null" else yaml_str(value)


def one_line(text: str) -> str:
    """User text made safe for a comment: a line break would end the comment."""
    return _LINE_BREAKS.sub(" ", text).strip()


def line(code: str, comment: str = "") -> str:
    """A line of YAML with its comment aligned."""
    if not comment:
        return code.rstrip()
    return f"{code.rstrip():<{COMMENT_COLUMN - 2}}  # {one_line(comment)}"


def render(template: str, **values: str) -> str:
    """Fill a scaffold template; ``code  # comment`` lines get their comments aligned."""
    lines = []
    for raw in _template(template).splitlines():
        code, sep, comment = raw.partition("  # ")
        if not sep or raw.lstrip().startswith("#"):
            lines.append(Template(raw).substitute(values))
        else:
            lines.append(line(Template(code).substitute(values),
                              Template(comment).substitute(values)))
    return "\n".join(lines).rstrip("\n") + "\n"


@lru_cache(maxsize=None)
def _template(name: str) -> str:
    return resources.files("chibo_cli").joinpath(f"data/scaffolds/{name}").read_text("utf-8")


def indent(block: str, spaces: int) -> str:
    pad = " " * spaces
    return "\n".join(pad + text if text else text for text in block.splitlines())


def schema_line(file: Path, root: Path, kind: str) -> str:
    """The ``yaml-language-server`` line pointing from ``file`` to the cell's schema."""
    schema = root / SCHEMA_DIR / f"{kind}.schema.json"
    rel = os.path.relpath(schema, file.parent).replace(os.sep, "/")
    return f"# yaml-language-server: $schema={rel}\n"


def slugify(name: str) -> str:
    """``Lê Thị Hoa`` → ``le-thi-hoa`` (diacritics dropped, đ → d)."""
    text = nfc(name).replace("đ", "d").replace("Đ", "D")
    text = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60].strip("-")


def unique_id(base: str, taken: set[str]) -> str:
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def parse_date(value: str, what: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise ChiboError(_("{what}: '{value}' is not a date", what=what, value=value),
                         _("write dates as YYYY-MM-DD, e.g. 2025-08-05")) from None


def parse_time(value: str) -> str:
    if not TIME.match(value.strip()):
        raise ChiboError(_("'{value}' is not a time", value=value),
                         _("write times as HH:MM, e.g. 19:30"))
    hours, minutes = value.strip().split(":")
    return f"{int(hours):02d}:{minutes}"


# ------------------------------------------------------------------ checking and writing


def checked(text: str, model: type[BaseModel], file: Path) -> Any:
    """Parse and validate generated text; a problem here is bad user input, shown plainly."""
    doc = parse_yaml_text(text, YamlDoc(str(file)))
    if not doc.ok:
        raise ChiboError(doc.diagnostics[0].message)
    try:
        return model.model_validate(doc.data)
    except ValidationError as error:
        first = error.errors(include_url=False)[0]
        where = ".".join(str(p) for p in first["loc"])
        raise ChiboError(_("{field}: {problem}", field=where,
                           problem=str(first["msg"]).removeprefix("Value error, "))) from None


def create(path: Path, text: str) -> Path:
    """Write a new record file; records are never overwritten."""
    if path.exists():
        raise ChiboError(_("{path} already exists; chibo never overwrites a record", path=path),
                         _("edit the file, or delete it first to start again"))
    write_text_atomic(path, text)
    return path


def ensure_schemas(root: Path) -> None:
    """The cell's schemas, refreshed when this chibo's differ (after an upgrade, say)."""
    write_schemas(root / SCHEMA_DIR)


def cell_root(path: Path) -> Path:
    """The cell ``path`` is (or is inside), else a clear usage error."""
    return cell_folder(path)


def load_checked(root: Path, sink: Optional[list[Diagnostic]] = None) -> Cell:
    root = cell_root(root)
    cell = load_cell(root, sink=sink)
    if cell.branch is None:
        raise ChiboError(_("{file} has errors", file=root / BRANCH_FILE),
                         _("run 'chibo validate' to see them"))
    return cell


# ------------------------------------------------------------------ init


@dataclass(frozen=True)
class BranchInfo:
    name: str
    superior: str
    place: str
    term_start: dt.date
    term_label: str


def branch_text(info: BranchInfo, root: Path) -> str:
    return schema_line(root / BRANCH_FILE, root, "branch") + render(
        "branch.yaml", name=yaml_str(info.name), superior=yaml_str(info.superior),
        place=yaml_str(info.place), term_label=yaml_str(info.term_label),
        term_start=info.term_start.isoformat())


def members_text(root: Path) -> str:
    return schema_line(root / MEMBERS_FILE, root, "members") + render("members.yaml")


def check_init_target(root: Path) -> None:
    """Refuse a path that is a file or already a cell, before asking the user anything."""
    if root.exists() and not root.is_dir():
        raise ChiboError(_("{path} is a file, not a folder", path=root))
    if (root / BRANCH_FILE).exists():
        raise ChiboError(_("{path} already exists; this folder is already a cell",
                           path=root / BRANCH_FILE), _("edit branch.yaml to change it"))
    outer = next((f for f in folders_above(root) if is_cell(f)), None)
    if outer is not None:
        raise ChiboError(_("{path} is inside the cell {cell}; a cell cannot hold another cell",
                           path=root, cell=outer),
                         _("run 'chibo init' in a folder outside {cell}, e.g. beside it",
                           cell=outer))


def init_cell(root: Path, info: BranchInfo) -> list[Path]:
    """Create a cell folder; return the files and folders made. Never touches an existing file."""
    check_init_target(root)
    branch = branch_text(info, root)
    checked(branch, Branch, root / BRANCH_FILE)
    made = [create(root / BRANCH_FILE, branch)]
    if not (root / MEMBERS_FILE).exists():
        made.append(create(root / MEMBERS_FILE, members_text(root)))
    for folder in FOLDERS:
        if not (root / folder).is_dir():
            (root / folder).mkdir(parents=True)
            made.append(root / folder)
    made.extend(_gitignore(root))
    ensure_schemas(root)
    return made


def _gitignore(root: Path) -> list[Path]:
    path = root / ".gitignore"
    old = path.read_bytes() if path.is_file() else b""
    if b"out/" in old.split():
        return []
    glue = b"" if not old or old.endswith(b"\n") else b"\n"
    write_bytes_atomic(path, old + glue + b"out/\n", overwrite=True)
    return [path]


# ------------------------------------------------------------------ members


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
    history = [line(f"    - {{date: {member.admitted.isoformat()}, event: admitted}}",
                    "kết nạp (bắt đầu dự bị)")]
    if member.confirmed:
        history.append(line(f"    - {{date: {member.confirmed.isoformat()}, event: confirmed}}",
                            "chuyển đảng viên chính thức"))
    return render("member.yaml", id=yaml_id(member_id), name=yaml_str(member.name),
                  gender=member.gender, born=member.born.isoformat(),
                  card_number=_optional_str(member.card_number),
                  citizen_id=_optional_str(member.citizen_id), history="\n".join(history))


def _optional_str(value: Optional[str]) -> str:
    return yaml_str(value.strip()) if value and value.strip() else ""


def append_member(text: str, block: str) -> str:
    """``text`` of members.yaml with ``block`` added as the last list item; the text before the
    end is kept byte for byte, except an empty ``[]`` which must become a block list."""
    import yaml

    bom = "\ufeff" if text.startswith("\ufeff") else ""
    body = text[len(bom):]
    node = _members_value(yaml.compose(body, Loader=yaml.CSafeLoader))
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
        if not _SLUG_RE.match(member.id):
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


# ------------------------------------------------------------------ member list

# The cell's own vocabulary, shown in Vietnamese whatever the interface language (as in documents).
_LEFT = {"transferred_out": "đã chuyển sinh hoạt đi", "removed": "đã xóa tên",
         "died": "đã từ trần", "detached": "đã kết thúc sinh hoạt tạm thời"}
_ROLES = {"secretary": "bí thư", "deputy": "phó bí thư", "members": "chi ủy viên"}


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
    if branch is None:
        return ""
    committee = branch.committee
    if committee.secretary == member_id:
        return _ROLES["secretary"]
    if committee.deputy == member_id:
        return _ROLES["deputy"]
    return _ROLES["members"] if member_id in committee.members else ""


def member_rows(cell: Cell, on: dt.date, reveal: bool = False) -> list[MemberRow]:
    from ..trust.privacy import mask

    return [MemberRow(m.id, m.name, status_label(m, on), role_label(cell.branch, m.id),
                      mask(m.card_number, reveal), mask(m.citizen_id, reveal))
            for m in cell.members]


# ------------------------------------------------------------------ meetings


def meeting_path(root: Path, kind: MeetingKind, date: dt.date) -> Path:
    return root / "meetings" / f"{date.isoformat()}-{kind.value}.yaml"


def parse_kind(value: str) -> MeetingKind:
    try:
        return MeetingKind(value.strip().lower())
    except ValueError:
        raise ChiboError(_("unknown meeting kind '{kind}'", kind=value),
                         _("use one of: {kinds}", kinds=", ".join(k.value for k in MeetingKind))
                         ) from None


def new_meeting(root: Path, kind: MeetingKind, date: dt.date,
                start: Optional[str] = None) -> Path:
    """Write a pre-filled meeting file; return its path."""
    problems: list[Diagnostic] = []
    cell = load_checked(root, problems)
    root = cell.root
    _refuse_unreadable_meetings(problems)
    path = meeting_path(root, kind, date)
    if path.exists():
        create(path, "")  # raises the never-overwrite error
    text = meeting_text(cell, kind, date, start)
    checked(text, Meeting, path)
    ensure_schemas(root)
    return create(path, text)


def _refuse_unreadable_meetings(problems: list[Diagnostic]) -> None:
    """The tasks to review, the place and the recorder come from earlier meetings: a meeting
    file that cannot be read would leave them silently wrong, so it is mended first."""
    broken = sorted({d.location.file for d in problems if d.severity is Severity.ERROR
                     and Path(d.location.file).parent.name == "meetings"})
    if broken:
        raise ChiboError(_("{file} cannot be read, so the new meeting cannot take its tasks to "
                           "review from it", file=broken[0]),
                         _("run 'chibo validate' to see what is wrong, mend it, then run "
                           "new-meeting again"))


def meeting_text(cell: Cell, kind: MeetingKind, date: dt.date, start: Optional[str]) -> str:
    assert cell.branch is not None
    earlier = [m for m in cell.meetings if m.date < date]
    last = earlier[-1] if earlier else None
    # the usual hour of this kind: a thematic meeting often follows the regular one at 21:00
    same_kind = [m for m in earlier if m.kind is kind]
    usual_start = same_kind[-1].start if same_kind else DEFAULT_START
    chair = _chair(cell.branch)
    recorder, recorder_note = _recorder(cell.branch, last, chair)
    planned = planned_topic(cell, date) if kind is MeetingKind.thematic else None
    roles = {"chair": chair, "recorder": recorder,
             "lead": planned.lead if planned and planned.lead else chair}
    path = meeting_path(cell.root, kind, date)
    return schema_line(path, cell.root, "meeting") + render(
        "meeting.yaml", kind=kind.value, date=date.isoformat(),
        start=yaml_str(start or usual_start),
        place=yaml_str(_place(cell, last)), chair=yaml_id(chair), recorder=yaml_id(recorder),
        recorder_note=recorder_note, topic=yaml_str(planned.topic) if planned else "",
        agenda=agenda_block(kind, date, roles, planned.topic if planned else None),
        review=review_block(cell, date) if kind is MeetingKind.regular else line(
            "review: []", "kiểm điểm nhiệm vụ kỳ trước (ghi ở cuộc họp thường kỳ)"))


def _chair(branch: Branch) -> str:
    chair = branch.committee.secretary or branch.committee.deputy
    if not chair:
        raise ChiboError(_("{file} names no secretary to chair the meeting", file=BRANCH_FILE),
                         _("set committee: secretary: <member id> in {file}", file=BRANCH_FILE))
    return chair


def _recorder(branch: Branch, last: Optional[Meeting], chair: str) -> tuple[str, str]:
    if last is not None:
        return last.recorder, "đã điền tạm người ghi biên bản kỳ trước, sửa nếu người khác ghi"
    others = [branch.committee.deputy, *branch.committee.members]
    guess = next((m for m in others if m and m != chair), chair)
    return guess, "đã điền tạm, sửa theo người được cử"


def _place(cell: Cell, last: Optional[Meeting]) -> str:
    if last is not None:
        return last.place
    assert cell.branch is not None
    return cell.meetings[-1].place if cell.meetings else cell.branch.place


def planned_topic(cell: Cell, date: dt.date) -> Optional[PlannedTopic]:
    """The plan's topic for the month of ``date`` (else its quarter) not yet held this year."""
    items = [t for plan in cell.plans if plan.year == date.year for t in plan.thematic]
    held = {m.topic for m in cell.meetings
            if m.kind is MeetingKind.thematic and m.date.year == date.year and m.date != date}
    quarter = (date.month - 1) // 3 + 1
    by_month = [t for t in items if t.month == date.month]
    by_quarter = [t for t in items if t.month is None and t.quarter == quarter]
    fresh = [t for t in by_month + by_quarter if t.topic not in held]
    chosen = fresh or by_month
    return chosen[0] if chosen else None


@lru_cache(maxsize=None)
def _agendas() -> dict[str, list[list[str]]]:
    import yaml

    data: dict[str, list[list[str]]] = yaml.load(_template("agenda.yaml"),
                                                 Loader=yaml.CSafeLoader)
    return data


def agenda_block(kind: MeetingKind, date: dt.date, roles: dict[str, str],
                 topic: Optional[str]) -> str:
    prev = (date.replace(day=1) - dt.timedelta(days=1)).month
    fill = {"month": date.month, "prev_month": prev, "year": date.year,
            "topic": f": {topic}" if topic else ""}
    rows = []
    for role, content in _agendas()[kind.value]:
        rows.append(f"  - presenter: {yaml_id(roles[role])}")
        rows.append(f"    content: {yaml_str(content.format(**fill))}")
    return "\n".join(rows)


def review_refs(cell: Cell, date: dt.date) -> list[tuple[str, TaskStatus]]:
    """Tasks to review at a regular meeting on ``date``: those of the meetings since the last
    regular one (inclusive) and reviews there still not done, each with its latest status."""
    earlier = [m for m in cell.meetings if m.date < date]
    regular = [i for i, m in enumerate(earlier) if m.kind is MeetingKind.regular]
    sources = earlier[regular[-1]:] if regular else earlier[-1:]
    status: dict[str, TaskStatus] = {}
    for meeting in sources:
        for review in meeting.review:
            status[review.task] = review.status
        for n in range(1, len(meeting.tasks) + 1):
            status.setdefault(f"{meeting.id}#{n}", TaskStatus.not_done)
    return [(ref, state) for ref, state in status.items()
            if state is not TaskStatus.done and re.match(r"^[^#\s]+#[1-9][0-9]*$", ref)]


def review_block(cell: Cell, date: dt.date) -> str:
    refs = review_refs(cell, date)
    head = "kiểm điểm nhiệm vụ kỳ trước; status: done (hoàn thành), in_progress (đang thực " \
           "hiện), not_done (chưa thực hiện)"
    if not refs:
        return line("review: []", head)
    rows = [line("review:", head)]
    for ref, state in refs:
        rows.append("  # " + one_line(f"{ref}: {_task_summary(cell, ref)}"))
        rows.append(f"  - task: {yaml_str(ref)}")
        rows.append(line(f"    status: {state.value}", "cập nhật tại cuộc họp"))
        rows.append(line("    note:", "kết quả cụ thể"))
    return "\n".join(rows)


def _task_summary(cell: Cell, ref: str) -> str:
    meeting_id, _sep, number = ref.partition("#")
    meeting = cell.meeting(meeting_id)
    index = int(number) - 1
    if meeting is None or index >= len(meeting.tasks):
        return "(không tìm thấy nhiệm vụ)"
    task = meeting.tasks[index]
    who = [task.owner] if task.owner else []
    who += [f"hạn {task.due.isoformat()}"] if task.due else []
    return task.what + (f" ({', '.join(who)})" if who else "")


# ------------------------------------------------------------------ resolutions


def find_meeting(reference: str, cell_dir: Optional[Path]) -> tuple[Cell, Meeting]:
    """A meeting named by its file path or by its id (in ``cell_dir``, default the current one)."""
    root, meeting_id = record_cell(reference, cell_dir)
    cell = load_checked(root)
    meeting = cell.meeting_or_planned(meeting_id)
    if meeting is not None:
        return cell, meeting
    if meeting_id in cell.broken_ids:
        raise ChiboError(_("meeting '{id}' has errors", id=meeting_id),
                         _("run 'chibo validate' to see them"))
    known = ", ".join(m.id for m in cell.meetings[-3:]) or _("none yet")
    raise ChiboError(_("unknown meeting '{id}'", id=meeting_id),
                     _("latest meetings: {ids}", ids=known))


def resolution_title(meeting: Meeting) -> str:
    """Dates written as the documents write them (``tháng 01``), so title and summary agree."""
    from ..base.dates import date_words, month_year

    if meeting.kind is MeetingKind.thematic:
        about = f"“{meeting.topic}”" if meeting.topic else month_year(meeting.date)
        return f"Nghị quyết chuyên đề {about}"
    if meeting.kind is MeetingKind.extraordinary:
        return f"Nghị quyết chi bộ {date_words(meeting.date)}"
    return f"Nghị quyết chi bộ {month_year(meeting.date)}"


def resolution_text(root: Path, meeting: Meeting) -> str:
    path = root / "resolutions" / f"{meeting.id}.yaml"
    return schema_line(path, root, "resolution") + render(
        "resolution.yaml", meeting=yaml_str(meeting.id), title=yaml_str(resolution_title(meeting)),
        tasks=tasks_block(meeting.tasks))


def tasks_block(tasks: Sequence[Task]) -> str:
    head = "phân công thực hiện, chép từ biên bản"
    if not tasks:
        return line("tasks: []", head + ", ví dụ - {owner: le-thi-hoa, what: \"…\", due: …}")
    rows = [line("tasks:", head)]
    for task in tasks:
        rows.append(line(f"  - owner: {yaml_id(task.owner) if task.owner else ''}",
                         "người thực hiện (mã đảng viên)"))
        rows.append(line(f"    what: {yaml_str(task.what)}", "nhiệm vụ"))
        rows.append(line(f"    due: {task.due.isoformat() if task.due else ''}", "thời hạn"))
    return "\n".join(rows)


def new_resolution(reference: str, cell_dir: Optional[Path] = None) -> Path:
    """Write the draft resolution of a meeting; return its path."""
    cell, meeting = find_meeting(reference, cell_dir)
    path = cell.root / "resolutions" / f"{meeting.id}.yaml"
    if path.exists():
        create(path, "")  # raises the never-overwrite error
    text = resolution_text(cell.root, meeting)
    checked(text, Resolution, path)
    ensure_schemas(cell.root)
    return create(path, text)
