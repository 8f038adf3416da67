"""Shared test helpers: build folders inline from {path: text} and a minimal valid cell."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path
from typing import Mapping, Optional

BRANCH = """\
name: Chi bộ Tổ dân phố số 3
superior: Đảng bộ phường Hòa Bình
place: Hòa Bình
terms:
  - label: "2025–2030"
    start: 2025-01-01
committee:
  secretary: tran-thi-lan
  deputy: pham-van-duc
"""

MEMBERS = """\
members:
  - id: tran-thi-lan
    name: Trần Thị Lan
    gender: nữ
    born: 1970-04-02
    card_number: "79012345"
    citizen_id: "001170009876"
    history:
      - {date: 2000-03-01, event: admitted}
      - {date: 2001-03-01, event: confirmed}
  - id: pham-van-duc
    name: Phạm Văn Đức
    gender: nam
    born: 1968-09-10
    history:
      - {date: 1995-05-19, event: admitted}
      - {date: 1996-05-19, event: confirmed}
  - id: le-thi-hoa
    name: Lê Thị Hoa
    gender: nữ
    born: 1985-12-01
    history:
      - {date: 2010-02-03, event: admitted}
      - {date: 2011-02-03, event: confirmed}
  - id: do-van-minh
    name: Đỗ Văn Minh
    gender: nam
    born: 1990-07-15
    history:
      - {date: 2015-09-02, event: admitted}
      - {date: 2016-09-02, event: confirmed}
  - id: vu-thi-mai
    name: Vũ Thị Mai
    gender: nữ
    born: 1999-01-20
    history:
      - {date: 2025-03-26, event: admitted}
"""

MEETING = """\
kind: regular
date: 2025-08-05
start: "19:30"
end: "21:15"
place: Nhà văn hóa tổ dân phố 3
chair: tran-thi-lan
recorder: le-thi-hoa
absent:
  - member: do-van-minh
    reason: Đi công tác
agenda:
  - presenter: tran-thi-lan
    content: Đánh giá kết quả tháng 7, phương hướng tháng 8
discussion:
  - speaker: pham-van-duc
    gist: Đề nghị tăng cường vận động vệ sinh môi trường
conclusion: Chi bộ thống nhất nội dung nghị quyết tháng 8.
tasks:
  - owner: le-thi-hoa
    what: Vận động các hộ đăng ký gia đình văn hóa
    due: 2025-08-31
vote: {for: 3, against: 0}
read_back: true
"""

# The adopted resolution of MEETING, complete enough to seal and render.
ADOPTED_RESOLUTION = """\
meeting: 2025-08-05-regular
status: adopted
number: 1
title: Nghị quyết sinh hoạt chi bộ tháng 8 năm 2025
assessment: Tháng 7, chi bộ lãnh đạo hoàn thành tốt nhiệm vụ.
targets:
  - Vận động 100% hộ gia đình tham gia tổng vệ sinh môi trường
"""

MINIMAL_CELL: dict[str, str] = {
    "branch.yaml": BRANCH,
    "members.yaml": MEMBERS,
    "meetings/2025-08-05-regular.yaml": MEETING,
}


def build_tree(root: Path, files: Mapping[str, Optional[str]]) -> Path:
    """Write ``files`` ({relative path: text}) under ``root``; None deletes the file."""
    for rel, text in files.items():
        path = root / rel
        if text is None:
            path.unlink(missing_ok=True)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return root


def make_cell(root: Path, overrides: Optional[Mapping[str, Optional[str]]] = None) -> Path:
    """The minimal valid cell, with some files replaced (or deleted with None)."""
    files: dict[str, Optional[str]] = dict(MINIMAL_CELL)
    files.update(overrides or {})
    return build_tree(root, files)

# What README's first command and earlier runs leave in the bundled example (rendered documents,
# the findings cache): a test that copies the example starts from the records alone.
UNTRACKED = shutil.ignore_patterns("out", ".chibo")
