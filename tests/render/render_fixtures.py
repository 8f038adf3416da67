"""A cell with every kind of content the minutes and resolutions print, and text helpers."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Callable

from helpers import BRANCH, MEMBERS

RICH_MEMBERS = MEMBERS + """\
  - id: hoang-van-son
    name: Hoàng Văn Sơn
    gender: nam
    born: 1948-05-05
    history:
      - {date: 1970-01-10, event: admitted}
      - {date: 1971-01-10, event: confirmed}
      - {date: 2024-06-01, event: exempted, note: "Nghị quyết số 03-NQ/CB"}
  - id: ngo-thi-binh
    name: Ngô Thị Bình
    gender: nữ
    born: 1980-10-10
    history:
      - {date: 2005-04-04, event: admitted}
      - {date: 2006-04-04, event: confirmed}
      - {date: 2025-06-01, event: away, note: "Sinh hoạt tạm thời tại Chi bộ Công ty Sông Đà"}
  - id: dang-van-tu
    name: Đặng Văn Tú
    gender: nam
    born: 1975-02-14
    card_number: "79099999"
    citizen_id: "001075001234"
    history:
      - {date: 2001-12-12, event: admitted}
      - {date: 2002-12-12, event: confirmed}
"""

REGULAR = """\
kind: regular
date: 2025-08-05
start: "19:30"
end: "21:15"
place: Nhà văn hóa tổ dân phố 3
chair: tran-thi-lan
recorder: le-thi-hoa
guests:
  - name: Nguyễn Văn Quang
    title: Đảng ủy viên, Phó Chủ tịch UBND phường
    superior: true
  - name: Bùi Thị Nga
    title: Tổ trưởng tổ dân phố
absent:
  - member: do-van-minh
    reason: Đi công tác
  - member: dang-van-tu
dues: Thu đủ đảng phí tháng 8 của 5 đồng chí.
agenda:
  - presenter: tran-thi-lan
    content: Đánh giá kết quả tháng 7, phương hướng tháng 8
  - presenter: Nguyễn Văn Quang
    content: Phổ biến Chỉ thị 50-CT/TW về sinh hoạt chi bộ
review:
  - task: 2025-07-01-regular#1
    status: done
    note: 15 hộ đã đăng ký
discussion:
  - speaker: pham-van-duc
    gist: Đề nghị tăng cường vận động vệ sinh môi trường
  - speaker: vu-thi-mai
    gist: Đoàn thanh niên nhận làm sạch mương thoát nước
  - speaker: Nguyễn Văn Quang
    gist: Ghi nhận chi bộ sinh hoạt đúng nội dung, đề nghị chú trọng tự phê bình
conclusion: |
  Chi bộ thống nhất đánh giá tháng 7 hoàn thành tốt nhiệm vụ.

  Tháng 8 tập trung vận động gia đình văn hóa và vệ sinh môi trường.
tasks:
  - owner: le-thi-hoa
    what: Vận động các hộ đăng ký gia đình văn hóa
    due: 2025-08-31
  - owner: pham-van-duc
    what: Tổ chức tổng vệ sinh khu dân cư
    due: 2025-08-24
vote: {for: 3, against: 0}
read_back: true
"""

JULY = """\
kind: regular
date: 2025-07-01
start: "19:30"
end: "21:10"
place: Nhà văn hóa tổ dân phố 3
chair: tran-thi-lan
recorder: le-thi-hoa
agenda:
  - presenter: tran-thi-lan
    content: Đánh giá kết quả tháng 6, phương hướng tháng 7
discussion:
  - speaker: do-van-minh
    gist: Nhất trí với dự thảo nghị quyết
conclusion: Chi bộ thống nhất nội dung nghị quyết tháng 7.
tasks:
  - owner: le-thi-hoa
    what: Lập danh sách hộ đăng ký gia đình văn hóa
    due: 2025-07-31
vote: {for: 5, against: 0}
read_back: true
"""

THEMATIC = """\
kind: thematic
date: 2025-08-05
start: "21:20"
end: "22:00"
place: Nhà văn hóa tổ dân phố 3
chair: tran-thi-lan
recorder: le-thi-hoa
topic: Phòng, chống rác thải nhựa trong khu dân cư
absent:
  - member: do-van-minh
    reason: Đi công tác
  - member: dang-van-tu
agenda:
  - presenter: pham-van-duc
    content: Thực trạng rác thải nhựa ở tổ dân phố và giải pháp
discussion:
  - speaker: le-thi-hoa
    gist: Đề nghị mỗi đảng viên gương mẫu dùng túi vải khi đi chợ
conclusion: Mỗi đảng viên vận động 5 hộ liền kề giảm dùng túi ni lông.
read_back: true
"""

ADOPTED = """\
meeting: 2025-08-05-regular
status: adopted
number: 1
title: Nghị quyết sinh hoạt chi bộ tháng 8 năm 2025
assessment: Tháng 7, chi bộ lãnh đạo tổ dân phố hoàn thành tốt nhiệm vụ.
targets:
  - Vận động 100% hộ gia đình đăng ký gia đình văn hóa.
tasks:
  - owner: le-thi-hoa
    what: Vận động các hộ đăng ký gia đình văn hóa
    due: 2025-08-31
"""

DRAFT = """\
meeting: 2025-07-01-regular
status: draft
title: Nghị quyết về công tác tháng 7 năm 2025
targets:
  - Chuẩn bị sinh hoạt chuyên đề quý III.
signer: pham-van-duc
"""

RICH_CELL = {
    "branch.yaml": BRANCH.replace("place: Hòa Bình", "place: Hòa Bình\nrules:\n  "
                                  "meetings.min_minutes_combined: 30"),
    "members.yaml": RICH_MEMBERS,
    "meetings/2025-07-01-regular.yaml": JULY,
    "meetings/2025-08-05-regular.yaml": REGULAR,
    "meetings/2025-08-05-thematic.yaml": THEMATIC,
    "resolutions/2025-08-05.yaml": ADOPTED,
    "resolutions/2025-07-01.yaml": DRAFT,
}


def docx_text(data: bytes) -> str:
    """Paragraphs and table cells in document order, one line each (tables: cells by ' | ')."""
    from docx import Document

    document = Document(io.BytesIO(data))
    lines: list[str] = []
    for block in document.element.body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(_paragraph_text(block))
        elif tag == "tbl":
            for row in block.iter(_w("tr")):
                cells = [" / ".join(_paragraph_text(p) for p in tc.iter(_w("p")))
                         for tc in row.iter(_w("tc"))]
                lines.append(" | ".join(cells))
    return "\n".join(lines) + "\n"


def _paragraph_text(paragraph: object) -> str:
    """The text as printed: Word's non-breaking hyphen (in ``01-NQ/CB``) reads as a hyphen."""
    return "".join("-" if node.tag == _w("noBreakHyphen") else node.text or ""
                   for node in paragraph.iter(_w("t"), _w("noBreakHyphen")))  # type: ignore[attr-defined]


def _w(name: str) -> str:
    return f"{{http://schemas.openxmlformats.org/wordprocessingml/2006/main}}{name}"


def part(path: Path, name: str = "word/document.xml") -> str:
    with zipfile.ZipFile(path) as archive:
        return archive.read(name).decode("utf-8")


TextOf = Callable[[bytes], str]
