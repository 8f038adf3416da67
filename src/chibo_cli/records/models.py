"""The records of a cell, as pydantic models. Descriptions are Vietnamese: they show on hover in
editors through the JSON Schemas that ``chibo schema`` writes."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Optional

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, field_validator, model_validator

from ..base.diagnostics import Location
from ..base.i18n import _
from .keywords import Keyword
from .yamlio import PathKey, YamlDoc

SLUG = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
TIME = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")

Slug = Annotated[str, Field(pattern=SLUG, max_length=80)]
Text = Annotated[str, Field(min_length=1, max_length=20_000)]


class Record(BaseModel):
    """Base of every record and of the parts inside one: unknown fields are errors."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=False)


@dataclass(frozen=True)
class Meta:
    """Where a record is written: its file, the path of the record inside the file, and the
    file's marks, which give the line and column of any field below that path."""

    file: str = ""
    path: PathKey = ()
    doc: Optional[YamlDoc] = None

    def location(self, *fields: str | int) -> Location:
        if self.doc is None:
            return Location(self.file)
        return self.doc.location(self.path + tuple(fields))


class Located(Record):
    """A record the loader read from a file (a whole file, or an entry such as a member): it
    carries its ``meta``, as a ledger entry does. Only these pay for a private attribute: the parts
    inside a record (absences, tasks) are located through their record's path."""

    _meta: Meta = PrivateAttr(default=Meta())

    @property
    def meta(self) -> Meta:
        return self._meta

    def located_at(self, meta: Meta) -> None:
        """Record where this was read; the loader calls it once."""
        self._meta = meta

    def locate(self, *fields: str | int) -> Location:
        """Where this record, or one of its fields by ``fields``, is written."""
        return self._meta.location(*fields)


class FileRecord(Located):
    """A record that is a whole file; its id is the file name without the suffix."""

    _id: str = PrivateAttr(default="")

    @property
    def id(self) -> str:
        return self._id

    def located_at(self, meta: Meta) -> None:
        super().located_at(meta)
        self._id = Path(meta.file).stem


def _check_time(value: str) -> str:
    if not TIME.match(value):
        raise ValueError(_("time must be written HH:MM, e.g. \"19:30\""))
    hours, minutes = value.split(":")
    return f"{int(hours):02d}:{minutes}"


def minutes_of(value: str) -> int:
    hours, minutes = value.split(":")
    return int(hours) * 60 + int(minutes)


# ---------------------------------------------------------------- branch and committee


class Term(Record):
    label: str = Field(description="Nhiệm kỳ, ví dụ \"2025–2030\"")
    start: dt.date = Field(description="Ngày bắt đầu nhiệm kỳ (ngày đại hội chi bộ)")
    first_resolution_number: int = Field(
        1, ge=1, description="Số nghị quyết đầu tiên được ghi trong chibo ở nhiệm kỳ này "
        "(khi bắt đầu dùng chibo giữa nhiệm kỳ)")


# A member's place in the cell's executive, in the words documents use; the one table of them.
ROLE_TITLES = {"secretary": "Bí thư chi bộ", "deputy": "Phó Bí thư chi bộ",
               "members": "Chi ủy viên", None: "Đảng viên"}


class Executive(Record):
    secretary: Optional[Slug] = Field(None, description="Bí thư chi bộ (mã đảng viên)")
    deputy: Optional[Slug] = Field(None, description="Phó bí thư chi bộ (mã đảng viên)")
    members: list[Slug] = Field(default_factory=list, description="Chi ủy viên (mã đảng viên)")

    def role_of(self, member_id: Optional[str]) -> Optional[str]:
        """'secretary', 'deputy', 'members' (of the executive), or None for a plain member."""
        if member_id and member_id == self.secretary:
            return "secretary"
        if member_id and member_id == self.deputy:
            return "deputy"
        return "members" if member_id in self.members else None

    def title_of(self, member_id: Optional[str]) -> str:
        """The member's title as documents write it: "Bí thư chi bộ", "Chi ủy viên", …"""
        return ROLE_TITLES[self.role_of(member_id)]


class Branch(Located):
    """branch.yaml — thông tin chi bộ."""

    name: Text = Field(description="Tên chi bộ, ví dụ \"Chi bộ Tổ dân phố số 14\"")
    superior: Text = Field(description="Cấp ủy cấp trên, ví dụ \"Đảng bộ phường Tân Phong\"")
    place: Text = Field(description="Địa danh ghi ở dòng ngày tháng văn bản, ví dụ \"Tân Phong\"")
    terms: list[Term] = Field(min_length=1, description="Các nhiệm kỳ, theo thứ tự thời gian")
    committee: Executive = Field(default_factory=Executive, description="Chi ủy / bí thư")
    recipients: Optional[list[Text]] = Field(
        None, description="Nơi nhận mặc định của nghị quyết")
    rules: dict[str, Any] = Field(default_factory=dict,
                                  description="Thay đổi quy tắc của rulebook cho chi bộ này; "
                                  "áp dụng từ một ngày: {value: 120, from: 2026-01-01}")


class CommitteeMember(Record):
    """A member of the superior committee and the cells assigned to them to follow."""

    name: Text = Field(description="Họ tên cấp ủy viên (ghi đúng như ở mục khách mời của biên bản)")
    title: Optional[str] = Field(None, description="Chức vụ")
    cells: list[str] = Field(default_factory=list,
                             description="Chi bộ được phân công theo dõi (tên thư mục chi bộ)")


class Committee(Located):
    """committee.yaml — đảng ủy cấp trên quản lý nhiều chi bộ."""

    name: Text = Field(description="Tên đảng bộ, ví dụ \"Đảng bộ phường Tân Phong\"")
    members: list[CommitteeMember] = Field(
        default_factory=list, description="Cấp ủy viên và chi bộ được phân công theo dõi")
    rules: dict[str, Any] = Field(default_factory=dict,
                                  description="Thay đổi quy tắc áp dụng cho mọi chi bộ; "
                                  "áp dụng từ một ngày: {value: 120, from: 2026-01-01}")


# ---------------------------------------------------------------- members


class Gender(Keyword):  # Vietnamese words too: keywords.py
    male = "nam"
    female = "nữ"


class EventKind(Keyword):  # Vietnamese words too: keywords.py
    admitted = "admitted"            # kết nạp (bắt đầu dự bị)
    confirmed = "confirmed"          # chuyển đảng viên chính thức
    transferred_in = "transferred_in"    # chuyển sinh hoạt đến
    transferred_out = "transferred_out"  # chuyển sinh hoạt đi
    exempted = "exempted"            # miễn công tác và sinh hoạt đảng
    resumed = "resumed"              # thôi miễn, sinh hoạt lại
    away = "away"                    # đi sinh hoạt tạm thời nơi khác
    back = "back"                    # trở về sau sinh hoạt tạm thời
    attached = "attached"            # đảng viên nơi khác sinh hoạt tạm thời tại chi bộ
    detached = "detached"            # kết thúc sinh hoạt tạm thời tại chi bộ
    suspended = "suspended"          # đình chỉ sinh hoạt
    reinstated = "reinstated"        # hết đình chỉ
    removed = "removed"              # xóa tên, khai trừ
    died = "died"                    # từ trần


class Category(Keyword):  # Vietnamese words too: keywords.py
    full = "full"
    probationary = "probationary"


class HistoryEvent(Record):
    date: dt.date = Field(description="Ngày")
    event: EventKind = Field(description="Sự kiện: admitted (kết nạp), confirmed (chuyển chính "
                             "thức), transferred_in/out (chuyển đến/đi), exempted/resumed (miễn "
                             "sinh hoạt/sinh hoạt lại), away/back (sinh hoạt tạm thời nơi khác/trở "
                             "về), attached/detached (sinh hoạt tạm thời tại chi bộ), suspended/"
                             "reinstated, removed, died")
    category: Optional[Category] = Field(
        None, description="Với transferred_in/attached: full (chính thức) hay probationary (dự bị)")
    note: Optional[str] = Field(None, description="Ghi chú, số quyết định")


class Member(Located):
    id: Slug = Field(description="Mã đảng viên trong chibo, không dấu, ví dụ \"tran-thi-lan\"")
    name: Text = Field(description="Họ và tên")
    gender: Gender = Field(description="Giới tính: nam / nữ")
    born: dt.date = Field(description="Ngày sinh")
    card_number: Optional[str] = Field(None, description="Số thẻ đảng viên (dữ liệu cá nhân)")
    citizen_id: Optional[str] = Field(None, description="Số CCCD (dữ liệu cá nhân)")
    title: Optional[str] = Field(None, description="Chức vụ, nghề nghiệp (ghi trong biên bản)")
    history: list[HistoryEvent] = Field(min_length=1, description="Diễn biến sinh hoạt đảng")

    @field_validator("history")
    @classmethod
    def _in_date_order(cls, events: list[HistoryEvent]) -> list[HistoryEvent]:
        dates = [e.date for e in events]
        if dates != sorted(dates):
            raise ValueError(_("history events must be in date order"))
        return events


class Roster(Record):
    """members.yaml — danh sách đảng viên."""

    members: list[Member] = Field(default_factory=list, description="Đảng viên")


# ---------------------------------------------------------------- meetings


class MeetingKind(Keyword):  # Vietnamese words too: keywords.py
    regular = "regular"              # thường kỳ
    thematic = "thematic"            # chuyên đề
    extraordinary = "extraordinary"  # bất thường


class Guest(Record):
    name: Text = Field(description="Họ tên khách mời")
    title: Optional[str] = Field(None, description="Chức vụ")
    superior: bool = Field(False, description="Là cấp ủy viên cấp trên dự sinh hoạt")


class Absence(Record):
    member: Slug = Field(description="Mã đảng viên vắng mặt")
    reason: Optional[str] = Field(None, description="Lý do; bỏ trống nếu vắng không lý do")


class AgendaItem(Record):
    presenter: str = Field(description="Người trình bày: mã đảng viên hoặc tên khách mời")
    content: Text = Field(description="Nội dung")


class Speech(Record):
    speaker: str = Field(description="Người phát biểu: mã đảng viên hoặc tên khách mời")
    gist: Text = Field(description="Tóm tắt ý kiến")


class Task(Record):
    owner: Optional[str] = Field(None, description="Người thực hiện (mã đảng viên)")
    what: Text = Field(description="Nhiệm vụ")
    due: Optional[dt.date] = Field(None, description="Thời hạn")


class TaskStatus(Keyword):  # Vietnamese words too: keywords.py
    done = "done"                 # hoàn thành
    in_progress = "in_progress"   # đang thực hiện
    not_done = "not_done"         # chưa thực hiện


class Review(Record):
    task: str = Field(description="Nhiệm vụ được kiểm điểm: \"<mã cuộc họp>#<số thứ tự>\"",
                      pattern=r"^[^#\s]+#[1-9][0-9]*$")
    status: TaskStatus = Field(description="done / in_progress / not_done")
    note: Optional[str] = Field(None, description="Ghi chú kết quả")


class Vote(Record):
    for_: int = Field(alias="for", ge=0, description="Số tán thành")
    against: int = Field(0, ge=0, description="Số không tán thành")
    other: int = Field(0, ge=0, description="Ý kiến khác")
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class MemberVoteKind(Keyword):  # Vietnamese words too: keywords.py
    admission = "admission"          # đề nghị kết nạp
    confirmation = "confirmation"    # đề nghị công nhận chính thức
    exemption = "exemption"          # miễn công tác và sinh hoạt đảng


class MemberVote(Vote):
    subject: MemberVoteKind = Field(description="admission / confirmation / exemption")
    member: Slug = Field(description="Đảng viên hoặc quần chúng được biểu quyết (mã)")


class Meeting(FileRecord):
    """meetings/<ngày>-<loại>.yaml — một cuộc sinh hoạt chi bộ."""

    kind: MeetingKind = Field(description="regular (thường kỳ, mỗi tháng một cuộc), thematic "
                              "(chuyên đề), extraordinary (bất thường: cuộc họp ngoài kỳ)")
    date: dt.date = Field(description="Ngày họp")
    start: str = Field(description="Giờ bắt đầu \"HH:MM\"")
    end: Optional[str] = Field(None, description="Giờ kết thúc \"HH:MM\"; chưa qua ngày họp "
                               "và chưa ghi giờ kết thúc thì là cuộc họp dự kiến")
    place: Text = Field(description="Địa điểm")
    chair: Slug = Field(description="Chủ trì (mã đảng viên)")
    recorder: Slug = Field(description="Thư ký (mã đảng viên)")
    topic: Optional[str] = Field(None, description="Chuyên đề (sinh hoạt chuyên đề)")
    guests: list[Guest] = Field(default_factory=list, description="Khách mời")
    absent: list[Absence] = Field(default_factory=list, description="Đảng viên vắng mặt")
    also_present: list[Slug] = Field(
        default_factory=list, description="Đảng viên được miễn sinh hoạt nhưng có dự họp")
    dues: Optional[str] = Field(None, description="Tình hình thu nộp đảng phí")
    agenda: list[AgendaItem] = Field(default_factory=list, description="Nội dung sinh hoạt")
    review: list[Review] = Field(default_factory=list,
                                 description="Kiểm điểm nhiệm vụ đã phân công kỳ trước")
    discussion: list[Speech] = Field(default_factory=list, description="Thảo luận, phát biểu")
    conclusion: Optional[str] = Field(None, description="Kết luận của chủ trì")
    tasks: list[Task] = Field(default_factory=list, description="Phân công nhiệm vụ")
    vote: Optional[Vote] = Field(None, description="Biểu quyết thông qua kết luận/nghị quyết")
    member_votes: list[MemberVote] = Field(
        default_factory=list,
        description="Biểu quyết kết nạp, công nhận chính thức, miễn sinh hoạt")
    read_back: bool = Field(False, description="Biên bản đã được đọc lại và hội nghị nhất trí")
    @field_validator("start", "end")
    @classmethod
    def _times(cls, value: Optional[str]) -> Optional[str]:
        return value if value is None else _check_time(value)

    def duration(self) -> Optional[int]:
        if self.end is None:
            return None
        return minutes_of(self.end) - minutes_of(self.start)


# ---------------------------------------------------------------- resolutions


class ResolutionStatus(Keyword):  # Vietnamese words too: keywords.py
    draft = "draft"
    adopted = "adopted"


class Resolution(FileRecord):
    """resolutions/<...>.yaml — một nghị quyết của chi bộ."""

    meeting: str = Field(description="Cuộc họp thông qua nghị quyết (mã cuộc họp = tên tệp)")
    status: ResolutionStatus = Field(ResolutionStatus.draft, description="draft (dự thảo) / "
                                     "adopted (đã thông qua)")
    number: Optional[int] = Field(None, ge=1, description="Số nghị quyết (cấp khi thông qua)")
    type: str = Field("NQ", pattern=r"^[A-ZĐ][A-Za-zĐ]{1,4}$", description="Loại văn bản: NQ, KL…")
    date: Optional[dt.date] = Field(None, description="Ngày ban hành (mặc định: ngày họp)")
    title: Text = Field(description="Trích yếu, ví dụ \"Nghị quyết sinh hoạt chi bộ tháng 8 "
                        "năm 2025\"")
    assessment: Optional[str] = Field(None, description="Đánh giá kết quả thực hiện")
    targets: list[Text] = Field(default_factory=list, description="Mục tiêu, nhiệm vụ, giải pháp")
    tasks: list[Task] = Field(default_factory=list, description="Phân công thực hiện")
    vote: Optional[Vote] = Field(None, description="Kết quả biểu quyết (mặc định: của cuộc họp)")
    signer: Optional[Slug] = Field(None, description="Người ký T/M chi bộ (mặc định: bí thư)")
    recipients: Optional[list[Text]] = Field(None, description="Nơi nhận")
    @model_validator(mode="after")
    def _adopted_has_number(self) -> "Resolution":
        if self.status is ResolutionStatus.adopted and self.number is None:
            raise ValueError(_("an adopted resolution needs its number"))
        return self


# ---------------------------------------------------------------- plans


class PlannedTopic(Record):
    month: Optional[int] = Field(None, ge=1, le=12, description="Tháng dự kiến")
    quarter: Optional[int] = Field(None, ge=1, le=4, description="Quý dự kiến")
    topic: Text = Field(description="Chuyên đề")
    lead: Optional[Slug] = Field(None, description="Đảng viên phụ trách chuẩn bị")

    @model_validator(mode="after")
    def _when(self) -> "PlannedTopic":
        if self.month is None and self.quarter is None:
            raise ValueError(_("give the month or the quarter"))
        return self

    @property
    def period_quarter(self) -> int:
        return self.quarter or (((self.month or 1) - 1) // 3 + 1)


class Plan(Located):
    """plans/<năm>.yaml — kế hoạch sinh hoạt chuyên đề của năm."""

    year: int = Field(ge=1930, le=2200, description="Năm")
    thematic: list[PlannedTopic] = Field(default_factory=list, description="Các chuyên đề")


# ---------------------------------------------------------------- year-end ratings

KEYWORD = r"^[a-z][a-z_]*$"


class MemberRating(Record):
    member: Slug = Field(description="Mã đảng viên được đánh giá, xếp loại")
    self_level: Optional[str] = Field(None, pattern=KEYWORD, description="Mức tự xếp loại: "
                                      "excellent / good / done / not_done")
    proposed_level: Optional[str] = Field(
        None, pattern=KEYWORD, description="Mức chi bộ đề nghị: excellent (hoàn thành xuất sắc), "
        "good (hoàn thành tốt), done (hoàn thành), not_done (không hoàn thành nhiệm vụ)")
    vote: Optional[Vote] = Field(None, description="Biểu quyết mức đề nghị")
    disciplined: bool = Field(False, description="Bị thi hành kỷ luật trong năm")
    note: Optional[str] = Field(None, description="Ghi chú: ưu điểm, hạn chế")


class CollectiveRating(Record):
    self_level: Optional[str] = Field(None, pattern=KEYWORD,
                                      description="Mức tập thể chi bộ tự xếp loại")
    note: Optional[str] = Field(None, description="Tóm tắt tự kiểm điểm của tập thể chi bộ")


class Rating(FileRecord):
    """ratings/<năm>.yaml — kiểm điểm, đánh giá, xếp loại chất lượng cuối năm."""

    year: int = Field(ge=1930, le=2200, description="Năm đánh giá")
    meeting: Optional[str] = Field(None, description="Cuộc họp kiểm điểm (mã cuộc họp = tên tệp)")
    collective: CollectiveRating = Field(default_factory=CollectiveRating,
                                         description="Tập thể chi bộ tự đánh giá")
    members: list[MemberRating] = Field(default_factory=list,
                                        description="Đảng viên được đánh giá, xếp loại")


# ---------------------------------------------------------------- party development


class Course(Record):
    certificate_date: dt.date = Field(description="Ngày cấp giấy chứng nhận lớp bồi dưỡng "
                                      "nhận thức về Đảng")
    certificate: Optional[str] = Field(None, description="Số giấy chứng nhận")


class Introducer(Record):
    member: Slug = Field(description="Đảng viên chính thức giới thiệu (mã đảng viên)")
    known_since: dt.date = Field(description="Cùng công tác, học tập, sinh sống từ ngày")
    assigned: dt.date = Field(description="Ngày chi bộ phân công giúp đỡ")


class DossierItem(Record):
    form: str = Field(pattern=r"^[1-5]-KNĐ$", description="Mẫu hồ sơ: 1-KNĐ (đơn), 2-KNĐ (lý "
                      "lịch), 3-KNĐ (giới thiệu), 4-KNĐ (nghị quyết đoàn), 5-KNĐ (nhận xét)")
    received: dt.date = Field(description="Ngày chi bộ nhận")


class Decision(Record):
    date: dt.date = Field(description="Ngày cấp ủy cấp trên quyết định kết nạp")
    number: Optional[str] = Field(None, description="Số quyết định, ví dụ \"125-QĐ/ĐU\"")


class Candidate(Located):
    id: Slug = Field(description="Mã (dùng làm mã đảng viên khi kết nạp), ví dụ \"ngo-minh-tri\"")
    name: Text = Field(description="Họ và tên")
    gender: Gender = Field(description="Giới tính: nam / nữ")
    born: dt.date = Field(description="Ngày sinh")
    title: Optional[str] = Field(None, description="Nghề nghiệp, nơi công tác")
    citizen_id: Optional[str] = Field(None, description="Số CCCD (dữ liệu cá nhân)")
    youth_union: bool = Field(False, description="Là đoàn viên (1 người giới thiệu và nghị "
                              "quyết giới thiệu của đoàn, mẫu 4-KNĐ)")
    listed: dt.date = Field(description="Ngày chi bộ đưa vào danh sách quần chúng ưu tú")
    course: Optional[Course] = Field(None, description="Lớp bồi dưỡng nhận thức về Đảng")
    introducers: list[Introducer] = Field(default_factory=list,
                                          description="Đảng viên được phân công giúp đỡ")
    dossier: list[DossierItem] = Field(default_factory=list, description="Hồ sơ đã nhận")
    verified: Optional[dt.date] = Field(None, description="Ngày hoàn thành thẩm tra lý lịch")
    cell_vote: Optional[str] = Field(None, description="Cuộc họp chi bộ xét, biểu quyết đề "
                                     "nghị kết nạp (mã cuộc họp; biểu quyết ghi ở member_votes)")
    decision: Optional[Decision] = Field(None, description="Quyết định kết nạp của cấp trên")
    note: Optional[str] = Field(None, description="Ghi chú")


class CandidateList(Located):
    """candidates.yaml — danh sách quần chúng ưu tú, người vào Đảng."""

    candidates: list[Candidate] = Field(default_factory=list, description="Quần chúng ưu tú")
