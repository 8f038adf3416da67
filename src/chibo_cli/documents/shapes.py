"""The shape of every template context: what a template may use. ``templates lint`` reads these."""

from __future__ import annotations

from typing import Any, Optional, TypedDict


class Header(TypedDict):
    superior: str       # ĐẢNG BỘ PHƯỜNG AN BÌNH
    cell: str           # CHI BỘ TỔ DÂN PHỐ 5
    number: str         # Số 05-NQ/CB, or "" when the document has none
    place_date: str     # An Bình, ngày 05 tháng 8 năm 2025


class Person(TypedDict):
    name: str           # as in lists: "Trần Thị Lan (sinh năm 1970)" when two share the name
    role: str
    signature: str      # the plain full name, for under a signature


class Guest(TypedDict):
    name: str
    title: str
    superior: bool


class Absentee(TypedDict):
    name: str
    reason: str         # "ốm", "UBND phường triệu tập" (first letter lowered unless an acronym)


class Visitor(TypedDict):
    """A member who did not have to attend (exempted, away, suspended) but came."""

    name: str
    status: str         # "miễn công tác và sinh hoạt đảng"


class Counts(TypedDict):
    total: int
    full: int
    probationary: int
    exempted: int
    away: int
    suspended: int
    attached: int
    required: int
    present: int        # everyone of ours who came, visitors included
    required_present: int  # of those who had to attend: required − absent
    absent: int
    absent_excused: int
    absent_unexcused: int


class AgendaItem(TypedDict):
    presenter: str
    content: str


class ReviewItem(TypedDict):
    task: str
    owner: str
    status: str
    note: str
    outcome: str        # status and note as one sentence: "đã hoàn thành. Thay 3 nắp cống."


class Speech(TypedDict):
    speaker: str
    gist: str


class Task(TypedDict):
    owner: str
    what: str
    due: str            # "ngày 31 tháng 8 năm 2025", or ""


class Vote(TypedDict):
    in_favour: int
    against: int
    other: int
    denominator: int
    percent: str        # "75%", "66,7%"
    present: int        # full members present among the denominator
    note: str           # "18 đảng viên chính thức có mặt và 1 đồng chí vắng mặt…", or ""


class MemberVote(TypedDict):
    subject: str        # "Đề nghị kết nạp quần chúng Nguyễn Văn An vào Đảng"
    vote: Vote


class Minutes(TypedDict):
    id: str
    kind: str           # regular / thematic / extraordinary
    header: Header
    summary: str        # Sinh hoạt chi bộ thường kỳ tháng 8 năm 2025
    topic: str
    date: str           # ngày 05 tháng 8 năm 2025
    start: str          # 19 giờ 30 phút
    end: str
    place: str
    guests: list[Guest]
    chair: Person
    recorder: Person
    counts: Counts
    absentees: list[Absentee]
    visitors: list[Visitor]
    dues: str
    dues_line: str      # dues as printed: "Đảng phí: …" unless the text names đảng phí itself
    agenda: list[AgendaItem]
    review: list[ReviewItem]
    discussion: list[Speech]
    conclusion: list[str]
    tasks: list[Task]
    vote: Optional[Vote]
    adopts: str         # what the vote adopts: the resolution by title and number, or the
                        # chair's conclusion
    member_votes: list[MemberVote]
    read_back: bool
    seal: str


class Resolution(TypedDict):
    id: str
    type: str           # NQ, KL: which wording the notebook prints
    header: Header
    draft: bool
    number: str         # "05", or "" for a draft
    symbol: str         # "05-NQ/CB", or "" for a draft
    title: str          # as written in the record
    summary: str        # the line under NGHỊ QUYẾT
    date: str           # ngày 05 tháng 8 năm 2025
    short_date: str     # 05/8/2025
    cell_name: str      # Chi bộ Tổ dân phố 5
    meeting_date: str
    assessment: list[str]
    targets: list[str]
    tasks: list[Task]
    vote: Optional[Vote]
    executive: str      # who carries it out: "Chi ủy", or "Bí thư chi bộ" in a cell without one
    signer: Person      # role: BÍ THƯ or PHÓ BÍ THƯ
    recipients: list[str]
    seal: str


class Book(TypedDict):
    superior: str
    cell: str
    title: str          # SỔ BIÊN BẢN / SỔ NGHỊ QUYẾT
    subtitle: str       # SINH HOẠT CHI BỘ
    period: str         # Năm 2025 / Nhiệm kỳ 2025–2030
    volume: str         # 01
    first: str          # date of the first record, in words, or ""
    last: str
    count: int
    tally: str          # "2 nghị quyết, 1 kết luận" (the resolution notebook), or ""


class MinutesContext(TypedDict):
    m: Minutes


class ResolutionContext(TypedDict):
    r: Resolution


class MinutesBookContext(TypedDict):
    book: Book
    meetings: list[Minutes]


class ResolutionBookContext(TypedDict):
    book: Book
    resolutions: list[Resolution]


class ReportSection(TypedDict):
    heading: str        # I. SINH HOẠT CHI BỘ
    lines: list[str]    # one paragraph each, figures written out


class ReportRow(TypedDict):
    """One cell's line in a committee report's table."""

    name: str
    regular: str        # 12/12
    thematic: str       # 4/4
    attendance: str     # 91,0%
    spoke: str
    superior: str       # meetings attended by the superior committee
    tasks: str          # done/given
    short: str          # what it falls short in, or ""


class Report(TypedDict):
    header: Header
    summary: str        # Tình hình sinh hoạt chi bộ năm 2025
    committee: bool
    sections: list[ReportSection]
    rows: list[ReportRow]
    chart_months: Any   # an image (docxtpl InlineImage), or "" when there is no data
    chart_ranking: Any  # committee reports only, else ""
    sign_title: str     # T/M ĐẢNG ỦY / T/M CHI BỘ
    sign_role: str      # BÍ THƯ
    sign_name: str
    recipients: list[str]


class ReportContext(TypedDict):
    r: Report
