"""Plain template contexts built from records and the roster; member ids become full names.

Personal data (card numbers, citizen ids, birth dates) never enters a context, so no template can
print it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from typing import Optional

from ..base.dates import date_words, month_year, place_date, quarter_year, short_date, time_words
from ..base.errors import ChiboError
from ..base.i18n import _
from ..records.loader import Cell
from ..records.models import (
    ROLE_TITLES,
    Branch,
    Meeting,
    MeetingKind,
    MemberVoteKind,
    Resolution,
    ResolutionStatus,
    TaskStatus,
)
from ..records.models import Task as TaskRecord
from ..records.models import Vote as VoteRecord
from ..rules.roster import (
    Attendance,
    Standing,
    attendance,
    came_anyway,
    excused,
    meeting_states,
)
from . import shapes
from .kinds import KINDS, kind_of

# Characters XML 1.0 cannot hold; a stray one would make Word refuse the whole file.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_STATUS = {TaskStatus.done: "đã hoàn thành", TaskStatus.in_progress: "đang thực hiện",
           TaskStatus.not_done: "chưa thực hiện"}
_MEMBER_VOTE = {MemberVoteKind.admission: "Đề nghị kết nạp quần chúng {name} vào Đảng",
                MemberVoteKind.confirmation: "Đề nghị công nhận đảng viên chính thức đối với "
                                             "đồng chí {name}",
                MemberVoteKind.exemption: "Miễn công tác và sinh hoạt đảng đối với đồng chí {name}"}
_VISITOR = (("exempted", "miễn công tác và sinh hoạt đảng"),
            ("away", "sinh hoạt tạm thời nơi khác"), ("suspended", "đang bị đình chỉ sinh hoạt"))
_SUMMARY = {MeetingKind.regular: "Sinh hoạt chi bộ thường kỳ {month}",
            MeetingKind.thematic: "Sinh hoạt chi bộ chuyên đề {quarter}",
            MeetingKind.extraordinary: "Sinh hoạt chi bộ bất thường {date}"}


def clean(text: Optional[str]) -> str:
    """Text safe for XML: control characters dropped, surrounding blanks trimmed."""
    return _XML_INVALID.sub("", text or "").strip()


def paragraphs(text: Optional[str]) -> list[str]:
    """Blank lines separate paragraphs; single line breaks inside one are kept as spaces."""
    blocks = re.split(r"\n\s*\n", clean(text))
    return [" ".join(block.split()) for block in blocks if block.strip()]


def sentence(text: Optional[str]) -> str:
    """A speaker's gist reads as a sentence: end it with a full stop unless it has one."""
    cleaned = clean(text)
    return cleaned if not cleaned or cleaned[-1] in ".!?…;:" else cleaned + "."


def superior_short(superior: str) -> str:
    """``Đảng bộ phường An Bình`` → ``Đảng ủy phường An Bình`` (the body that receives reports)."""
    words = superior.split(" ", 2)
    if len(words) >= 2 and words[0].lower() == "đảng" and words[1].lower() == "bộ":
        return " ".join(["Đảng", "ủy", *words[2:]])
    return superior


def name_of(cell: Cell, ref: Optional[str]) -> str:
    """A member id becomes the member's full name; anything else (a guest) is kept as written.
    Two members with the same name are told apart by their year of birth, as cells do on paper."""
    member = cell.member(ref) if ref else None
    if member is not None and member.name.casefold() in _shared_names(cell):
        return clean(f"{member.name} (sinh năm {member.born.year})")
    return signature_of(cell, ref)


def signature_of(cell: Cell, ref: Optional[str]) -> str:
    """The plain full name: a signature is a person's name, never told apart by a birth year."""
    if not ref:
        return ""
    member = cell.member(ref)
    return clean(member.name if member else ref)


def _shared_names(cell: Cell) -> set[str]:
    """Names two members share (each is then written with the member's birth year)."""
    if "shared_names" not in cell.derived:
        counts = Counter(m.name.casefold() for m in cell.members)
        cell.derived["shared_names"] = {name for name, n in counts.items() if n > 1}
    names: set[str] = cell.derived["shared_names"]
    return names


def header(cell: Cell, day: dt.date, number: str = "") -> shapes.Header:
    branch = _branch(cell)
    return {"superior": clean(branch.superior).upper(), "cell": clean(branch.name).upper(),
            "number": number, "place_date": place_date(clean(branch.place), day)}


def doc_number(cell: Cell, number: Optional[int], kind: str) -> str:
    """``Số 05-NQ/CB``; a draft keeps room to write the number by hand."""
    suffix = cell.rules["numbering.cell_suffix"]
    if number is None:
        return f"Số \u00a0\u00a0\u00a0\u00a0-{kind}/{suffix}"
    digits = int(cell.rules["numbering.min_digits"])
    return f"Số {number:0{digits}d}-{kind}/{suffix}"


def vote(record: Optional[VoteRecord], denominator: int, excused: int = 0,
         unexcused: int = 0) -> Optional[shapes.Vote]:
    """``excused`` and ``unexcused`` are the absent full members the denominator counts (Party
    rule): the note names them, or the votes cast would not add up to the denominator."""
    if record is None:
        return None
    share = record.for_ * 100 / denominator if denominator else 0.0
    percent = f"{share:.1f}".rstrip("0").rstrip(".").replace(".", ",") + "%"
    present = max(denominator - excused - unexcused, 0)
    return {"in_favour": record.for_, "against": record.against, "other": record.other,
            "denominator": denominator, "percent": percent, "present": present,
            "note": _vote_note(present, excused, unexcused)}


def _vote_note(present: int, excused: int, unexcused: int) -> str:
    """``18 đảng viên chính thức có mặt và 1 đồng chí vắng mặt không có lý do``; "" when all are
    present. "Chính thức" because only full members vote: the attendance line's "có mặt" counts
    probationary members too, and an exempted member who came votes here."""
    absent = [f"{n} đồng chí vắng mặt {why}" for n, why in
              ((excused, "có lý do"), (unexcused, "không có lý do")) if n]
    if not absent:
        return ""
    parts = [f"{present} đảng viên chính thức có mặt", *absent]
    return ", ".join(parts[:-1]) + " và " + parts[-1]


def tasks(cell: Cell, items: list[TaskRecord]) -> list[shapes.Task]:
    return [{"owner": name_of(cell, t.owner), "what": clean(t.what),
             "due": date_words(t.due) if t.due else ""} for t in items]


# ------------------------------------------------------------------ minutes


def minutes(cell: Cell, meeting: Meeting, seal: str = "") -> shapes.Minutes:
    """The context of one meeting's minutes."""
    counts = attendance(meeting, cell.members)
    return {
        "id": meeting.id, "kind": meeting.kind.value, "header": header(cell, meeting.date),
        "summary": _summary(meeting), "topic": clean(meeting.topic),
        "date": date_words(meeting.date), "start": time_words(meeting.start),
        "end": time_words(meeting.end), "place": clean(meeting.place),
        "guests": [{"name": clean(g.name), "title": clean(g.title), "superior": g.superior}
                   for g in meeting.guests],
        "chair": person(cell, meeting.chair, _role(cell, meeting.chair)),
        "recorder": person(cell, meeting.recorder, _role(cell, meeting.recorder)),
        "counts": _counts(counts), "absentees": _absentees(cell, meeting),
        "visitors": _visitors(cell, meeting), "dues": clean(meeting.dues),
        "dues_line": _dues_line(meeting.dues),
        "agenda": [{"presenter": name_of(cell, a.presenter), "content": clean(a.content)}
                   for a in meeting.agenda],
        "review": _review(cell, meeting), "conclusion": paragraphs(meeting.conclusion),
        "discussion": [{"speaker": name_of(cell, s.speaker), "gist": sentence(s.gist)}
                       for s in meeting.discussion],
        "tasks": tasks(cell, meeting.tasks),
        "vote": vote(meeting.vote, counts.vote_denominator,
                     unexcused=counts.absent_full_unexcused),
        "adopts": _adopts(cell, meeting),
        "member_votes": _member_votes(cell, meeting, counts), "read_back": meeting.read_back,
        "seal": clean(seal),
    }


def person(cell: Cell, ref: Optional[str], role: str) -> shapes.Person:
    return {"name": name_of(cell, ref), "role": role, "signature": signature_of(cell, ref)}


def _summary(meeting: Meeting) -> str:
    return _SUMMARY[meeting.kind].format(month=month_year(meeting.date),
                                         quarter=quarter_year(meeting.date),
                                         date=date_words(meeting.date))


def _role(cell: Cell, member_id: str) -> str:
    return _branch(cell).committee.title_of(member_id)


def _counts(att: Attendance) -> shapes.Counts:
    names = shapes.Counts.__annotations__
    return {name: getattr(att, name) for name in names}  # type: ignore[return-value]


def _absentees(cell: Cell, meeting: Meeting) -> list[shapes.Absentee]:
    # "Không lý do" written as a reason is no reason: the line reads "vắng không có lý do".
    return [{"name": name_of(cell, a.member),
             "reason": in_brackets(a.reason) if excused(a.reason) else ""}
            for a in meeting.absent]


def in_brackets(text: Optional[str]) -> str:
    """A reason read inside a sentence: ``Ốm`` → ``ốm``; an acronym (``UBND…``) stays."""
    cleaned = clean(text)
    if len(cleaned) >= 2 and cleaned[0].isupper() and cleaned[1].islower():
        return cleaned[0].lower() + cleaned[1:]
    return cleaned


def _visitors(cell: Cell, meeting: Meeting) -> list[shapes.Visitor]:
    states = meeting_states(meeting, cell.members)
    return [{"name": name_of(cell, mid), "status": _visitor_status(states[mid])}
            for mid in came_anyway(meeting, states)]


def _visitor_status(state: Standing) -> str:
    return next((text for flag, text in _VISITOR if getattr(state, flag)), "")


def _dues_line(dues: Optional[str]) -> str:
    """Dues as printed; a label only when the text does not say "đảng phí" itself, so that
    "Thu đủ đảng phí tháng 8" is not printed under a heading that repeats it."""
    text = sentence(dues)
    if not text or "đảng phí" in text.casefold():
        return text
    return f"Đảng phí: {text}"


def _adopts(cell: Cell, meeting: Meeting) -> str:
    """What the meeting's vote adopts: its resolution, named, or else the chair's conclusion."""
    own = sorted((r for r in cell.resolutions if r.meeting == meeting.id), key=lambda r: r.id)
    if not own:
        return "kết luận của đồng chí chủ trì"
    record = own[0]
    title = clean(record.title)
    kind = KINDS[record.type].noun if record.type in KINDS else "văn bản"
    if not title.casefold().startswith(kind):
        title = f"{kind} “{title}”"
    if record.status is ResolutionStatus.adopted and record.number is not None:
        number = doc_number(cell, record.number, record.type)
        return f"{title} ({number[:1].lower()}{number[1:]})"
    return title


def _review(cell: Cell, meeting: Meeting) -> list[shapes.ReviewItem]:
    items: list[shapes.ReviewItem] = []
    for review in meeting.review:
        source_id, _hash, index = review.task.rpartition("#")
        source = cell.meeting(source_id)
        task = source.tasks[int(index) - 1] if source and int(index) <= len(source.tasks) else None
        status, note = _STATUS[review.status], clean(review.note)
        items.append({"task": clean(task.what) if task else review.task,
                      "owner": name_of(cell, task.owner) if task else "",
                      "status": status, "note": note, "outcome": _outcome(status, note)})
    return items


def _outcome(status: str, note: str) -> str:
    """Status and note as one sentence. A note that starts a sentence (capital, digit) follows a
    full stop; one written as a continuation follows a semicolon. The note is never recased."""
    if not note:
        return sentence(status)
    joint = "; " if note[0].islower() else ". "
    return sentence(status + joint + note)


def _member_votes(cell: Cell, meeting: Meeting, att: Attendance) -> list[shapes.MemberVote]:
    result: list[shapes.MemberVote] = []
    for item in meeting.member_votes:
        whole_cell = item.subject in (MemberVoteKind.admission, MemberVoteKind.confirmation)
        if whole_cell:  # 2/3 of all full members: those absent with a reason count too
            counted = vote(item, att.admission_denominator, att.absent_full_excused,
                           att.absent_full_unexcused)
        else:
            counted = vote(item, att.vote_denominator, unexcused=att.absent_full_unexcused)
        assert counted is not None
        result.append({"subject": _MEMBER_VOTE[item.subject].format(
            name=name_of(cell, item.member)), "vote": counted})
    return result


# ------------------------------------------------------------------ resolutions


def resolution(cell: Cell, record: Resolution, seal: str = "") -> shapes.Resolution:
    """The context of one resolution."""
    meeting = cell.meeting_or_planned(record.meeting)  # a draft goes out before it
    day = record.date or (meeting.date if meeting else None)
    if day is None:
        raise ChiboError(_("resolution {id} has no date and its meeting '{meeting}' is unknown",
                           id=record.id, meeting=record.meeting))
    counts = attendance(meeting, cell.members) if meeting else None
    number = doc_number(cell, record.number, record.type)
    draft = record.status is ResolutionStatus.draft
    kind = kind_of(cell, record.type)
    return {
        "id": record.id, "type": kind.symbol, "header": header(cell, day, number),
        "draft": draft,
        "number": number.removeprefix("Số ").split("-")[0] if record.number else "",
        "symbol": number.removeprefix("Số ") if record.number else "",
        "title": clean(record.title), "summary": _resolution_summary(record.title, kind.noun),
        "date": date_words(day), "short_date": short_date(day),
        "cell_name": clean(_branch(cell).name),
        "meeting_date": date_words(meeting.date) if meeting else date_words(day),
        "assessment": paragraphs(record.assessment),
        "targets": [clean(t) for t in record.targets],
        "tasks": tasks(cell, record.tasks),
        "vote": vote(record.vote or (meeting.vote if meeting else None),
                     counts.vote_denominator if counts else 0,
                     unexcused=counts.absent_full_unexcused if counts else 0),
        "executive": "Chi ủy" if _branch(cell).committee.members else "Bí thư chi bộ",
        "signer": _signer(cell, record), "recipients": recipients(cell, record),
        "seal": clean(seal),
    }


def _resolution_summary(title: str, noun: str = "nghị quyết") -> str:
    """The line under NGHỊ QUYẾT (KẾT LUẬN): the title without the words it would repeat."""
    text = clean(title)
    if not text.lower().startswith(noun + " "):
        return text
    rest = text[len(noun) + 1:]
    if rest.startswith("về "):
        return rest
    if rest.lower().startswith("chi bộ "):
        return "Hội nghị " + rest[:1].lower() + rest[1:]
    return rest[:1].upper() + rest[1:]


def _signer(cell: Cell, record: Resolution) -> shapes.Person:
    committee = _branch(cell).committee
    signer = record.signer or committee.secretary or ""
    # Signed "T/M CHI BỘ / BÍ THƯ": the title without "chi bộ", which the line above says.
    title = ROLE_TITLES["deputy" if signer and signer == committee.deputy else "secretary"]
    role = title.removesuffix(" chi bộ").upper()
    return person(cell, signer, role)


def recipients(cell: Cell, record: Resolution) -> list[str]:
    """The resolution's own list, else the cell's, else the rulebook's default."""
    branch = _branch(cell)
    items = record.recipients or branch.recipients or cell.rules["documents.default_recipients"]
    short = superior_short(clean(branch.superior))
    return [clean(str(item)).replace("{superior_short}", short).rstrip(";.") for item in items]


def _branch(cell: Cell) -> Branch:
    if cell.branch is None:
        raise ChiboError(_("{path}: branch.yaml could not be read; run 'chibo validate'",
                           path=cell.root))
    return cell.branch
