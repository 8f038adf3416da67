"""The corpus of bad inputs: each case is a cell (the minimal valid one with some files replaced)
and the diagnostic it must produce: code, file, line and a piece of the message.

``file`` is the path inside the cell; ``line`` 0 means the message carries no line (a usage error
about the folder itself). Bytes are written as they are, so legacy encodings are real bytes.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import Callable, Optional, Union

from helpers import BRANCH, MEETING, MEMBERS

from ..legacy import to_cp1258, to_tcvn3

Content = Union[str, bytes, None]
M = "meetings/2025-08-05-regular.yaml"
R = "resolutions/2025-08-05.yaml"


@dataclass(frozen=True)
class Case:
    name: str
    files: dict[str, Content]
    code: str                      # the diagnostic code, or "exit2" for a usage error
    file: str                      # where it must point
    line: int                      # the line it must name (0: none)
    text: str                      # a piece of the message
    args: tuple[str, ...] = ("validate", "{cell}")
    setup: Optional[Callable[..., None]] = field(default=None, compare=False)


def meeting(old: str, new: str) -> dict[str, Content]:
    assert old in MEETING, old
    return {M: MEETING.replace(old, new, 1)}


def members(old: str, new: str) -> dict[str, Content]:
    assert old in MEMBERS, old
    return {"members.yaml": MEMBERS.replace(old, new, 1)}


RESOLUTION = """\
meeting: 2025-08-05-regular
status: adopted
number: 1
title: Nghị quyết sinh hoạt chi bộ tháng 8 năm 2025
"""

_BOMB = ("a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
         "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c]\n"
         "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: [*e, *e, *e, *e, *e, *e, *e, *e]\n")
_NFD_ID = unicodedata.normalize("NFD", "trần-thị-lan")
_VI = "place: Nhà văn hóa tổ dân phố số 3\nconclusion: Chi bộ thống nhất nội dung nghị quyết\n"
_ADMISSION_VOTE = meeting("read_back: true", "read_back: true\nmember_votes:\n"
                          "  - {subject: admission, member: vu-thi-mai, for: 3}")

CASES: list[Case] = [
    # ---- broken YAML
    Case("unclosed-bracket", meeting("vote: {for: 3, against: 0}", "vote: {for: 3, against: 0"),
         "Y001", M, 23, "YAML syntax error"),
    Case("unclosed-quote", meeting('start: "19:30"', 'start: "19:30'), "Y001", M, 4,
         "YAML syntax error"),
    Case("tab-indent", meeting("  - member: do-van-minh", "\t- member: do-van-minh"), "Y001", M,
         9, "YAML syntax error"),
    Case("colon-in-value", meeting("conclusion: Chi bộ", "conclusion: Kết luận: Chi bộ"), "Y001",
         M, 17, "a ':' where no new field can start"),
    Case("bad-indentation", meeting("    reason: Đi công tác", "      reason: Đi công tác"),
         "Y001", M, 10, "YAML syntax error"),
    Case("two-documents", meeting("read_back: true", "read_back: true\n---\nkind: regular"), "Y001",
         M, 24, "one YAML document"),
    Case("undefined-alias", meeting("chair: tran-thi-lan", "chair: *bi-thu"), "Y001", M, 6,
         "an '*' starts a value"),
    Case("control-character", meeting("Đi công tác", "Đi công\x1btác"), "Y001", M, 11,
         "U+001B"),
    Case("complex-key", meeting("kind: regular", "? [kind]\n: regular"), "Y001", M, 1,
         "a key must be plain text"),
    Case("top-level-list", {M: "- kind: regular\n- date: 2025-08-05\n"}, "S004", M, 1,
         "expected fields"),
    Case("members-not-a-list", {"members.yaml": "members: tran-thi-lan\n"}, "S004",
         "members.yaml", 1, "must hold a list"),
    # ---- encodings and strange files
    Case("utf16-bom", {M: MEETING.encode("utf-16")}, "Y005", M, 1, "UTF-16"),
    Case("utf16-be-no-bom", {M: MEETING.encode("utf-16-be")}, "Y005", M, 1,
         "UTF-16 (big-endian, no BOM)"),
    Case("windows-1258", {M: to_cp1258(MEETING)}, "Y005", M, 5, "Windows-1258"),
    Case("tcvn3", {M: to_tcvn3(MEETING)}, "Y005", M, 5, "TCVN3"),
    Case("tcvn3-members", {"members.yaml": to_tcvn3(MEMBERS)}, "Y005", "members.yaml", 3,
         "TCVN3"),
    Case("latin1-not-vietnamese", {M: "place: Café Müller\n".encode("latin-1")}, "Y005", M, 1,
         "not valid UTF-8"),
    Case("empty", {M: ""}, "Y006", M, 1, "file is empty"),
    Case("only-comments", {M: "# biên bản sẽ ghi sau\n"}, "Y006", M, 1, "no YAML data"),
    Case("only-document-marker", {M: "---\n"}, "Y006", M, 1, "no YAML data"),
    Case("binary-png", {M: b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"}, "Y007", M, 1, "PNG"),
    Case("docx-renamed", {M: b"PK\x03\x04\x14\x00\x06\x00" + bytes(range(256))}, "Y007", M, 1,
         "ZIP"),
    Case("nul-bytes", {M: b"kind: regular\x00\x00\x00\x01\x02"}, "Y007", M, 1, "binary"),
    Case("huge", {M: "# " + "x" * (6 * 1024 * 1024) + "\n"}, "Y004", M, 1, "larger than 5 MB"),
    Case("too-many-values", {M: "tasks:\n" + "  - x\n" * 150_000}, "Y004", M, 99_999,
         "too many values"),
    Case("deep-nesting", {M: "agenda: " + "[" * 50_000 + "]" * 50_000 + "\n"}, "Y004", M, 1,
         "nesting is too deep"),
    Case("deep-block-nesting", {M: "agenda:\n" + "".join("  " * i + "- \n" for i in range(90))},
         "Y004", M, 65, "nesting is too deep"),
    Case("alias-bomb", {M: _BOMB}, "Y004", M, 1, "too many values"),
    Case("recursive-alias", {M: "agenda: &a [*a]\n"}, "Y004", M, 1, "nesting is too deep"),
    Case("python-object-tag", meeting("place: Nhà", "place: !!python/object/apply:os.system "
                                      "['echo pwned']\nx: Nhà"), "Y003", M, 5,
         "!!python/object/apply:os.system"),
    Case("python-name-tag", meeting("read_back: true", "read_back: !!python/name:os.system"),
         "Y003", M, 23, "!!python/name:os.system"),
    Case("custom-tag", meeting("place: Nhà", "place: !include /etc/passwd\nx: Nhà"), "Y003", M,
         5, "!include"),
    Case("merge-key", {M: "base: &b {kind: regular}\n<<: *b\n"}, "Y003", M, 2, "merge keys"),
    Case("duplicate-key", meeting("read_back: true", "read_back: true\nchair: pham-van-duc"),
         "Y002", M, 24, "duplicate key 'chair' (first on line 6)"),
    # ---- fields and values
    Case("typo-field", meeting("chair:", "chiar:"), "S001", M, 6, "unknown field 'chiar'"),
    Case("typo-member-field", members("gender: nữ", "gendr: nữ"), "S001", "members.yaml", 4,
         "unknown field 'gendr'"),
    Case("missing-field", meeting("recorder: le-thi-hoa\n", ""), "S002", M, 1,
         "missing field 'recorder'"),
    Case("vote-not-a-number", meeting("{for: 3, against: 0}", "{for: ba, against: 0}"), "S003",
         M, 22, "vote.for"),
    Case("bool-not-a-bool", meeting("read_back: true", "read_back: có"), "S003", M, 23,
         "read_back"),
    Case("time-out-of-range", meeting('end: "21:15"', 'end: "25:15"'), "S003", M, 4,
         "HH:MM"),
    Case("impossible-date", meeting("date: 2025-08-05", "date: 2025-02-31"), "S003", M, 2,
         "date"),
    Case("impossible-birth-date", members("born: 1985-12-01", "born: 1985-13-01"), "S003",
         "members.yaml", 21, "born"),
    Case("history-out-of-order", members("- {date: 2011-02-03, event: confirmed}",
                                         "- {date: 2009-02-03, event: confirmed}"), "S003",
         "members.yaml", 22, "date order"),
    Case("unknown-event", members("event: confirmed}", "event: promoted}"), "S003",
         "members.yaml", 10, "event"),
    Case("end-before-start", meeting('end: "21:15"', 'end: "18:15"'), "V012", M, 4,
         "not after it starts"),
    Case("born-after-admitted", members("born: 1985-12-01", "born: 2012-12-01"), "V052",
         "members.yaml", 21, "born on 2012-12-01"),
    Case("nfd-member-id", meeting("chair: tran-thi-lan", "chair: " + _NFD_ID), "S003", M, 6,
         "chair"),
    Case("bad-slug", meeting("recorder: le-thi-hoa", "recorder: Lê Thị Hoa"), "S003", M, 7,
         "recorder"),
    # ---- references
    Case("unknown-chair", meeting("chair: tran-thi-lan", "chair: nguyen-van-khong"), "V001", M,
         6, "nguyen-van-khong"),
    Case("unknown-absentee", meeting("member: do-van-minh", "member: do-van-manh"), "V001", M,
         9, "do-van-manh"),
    Case("unknown-meeting", {R: RESOLUTION.replace("2025-08-05-regular", "2025-08-06-regular")},
         "V002", R, 1, "2025-08-06-regular"),
    Case("unknown-task", meeting("discussion:", "review:\n  - {task: '2025-07-01-regular#1', "
                                 "status: done}\ndiscussion:"), "V003", M, 15,
         "2025-07-01-regular#1"),
    Case("duplicate-member-id", members("id: pham-van-duc", "id: tran-thi-lan"), "V004",
         "members.yaml", 11, "tran-thi-lan"),
    Case("unknown-rule", {"branch.yaml": BRANCH + "rules:\n  meeting.khong_co: 90\n"},
         "R001", "branch.yaml", 11, "unknown rule"),
    Case("missing-members-file", {"members.yaml": None}, "Y009", "members.yaml", 0,
         "missing file members.yaml"),
    Case("seal-log-typed-by-hand", {"seal.log": "đã đóng dấu ngày 05/8\n"}, "V070", "seal.log",
         1, "not a JSON entry"),
    # ---- membership dates and votes (issue 10.5)
    Case("confirmed-before-probation-ends", members("- {date: 2011-02-03, event: confirmed}",
                                                    "- {date: 2010-08-03, event: confirmed}"),
         "V054", "members.yaml", 24, "before 12 months of probation"),
    # 17 when the cell votes on 2025-08-05, 18 at the ceremony on 2025-09-20
    Case("underage-at-admission-vote", {**_ADMISSION_VOTE, "members.yaml": MEMBERS.replace(
        "born: 1999-01-20", "born: 2007-09-01").replace("{date: 2025-03-26, event: admitted}",
                                                        "{date: 2025-09-20, event: admitted}")},
         "V055", M, 25, "below the minimum age of 18"),
    Case("admitted-before-admission-vote", _ADMISSION_VOTE, "V056", "members.yaml", 37,
         "before the cell's admission vote"),
    # ---- documents (issue 10.6)
    Case("type-the-cell-does-not-issue", {R: RESOLUTION + "type: BC\n"}, "V035", R, 5,
         "'BC' is not a type of document the cell issues"),
    Case("render-a-type-without-template", {R: RESOLUTION + "type: BC\n"}, "exit2", "", 0,
         "no template for document type 'BC'",
         args=("render", "resolution", "2025-08-05", "-C", "{cell}", "--allow-errors")),
    # ---- the folder itself
    Case("cell-is-a-file", {}, "exit2", "", 0, "is a file, not a cell or committee folder",
         args=("validate", "{cell}/branch.yaml")),
    Case("cell-does-not-exist", {}, "exit2", "", 0, "does not exist",
         args=("validate", "{cell}/khong-co")),
    Case("not-a-cell", {"../elsewhere/ghi-chu.txt": "x\n"}, "exit2", "", 0,
         "neither branch.yaml nor committee.yaml", args=("validate", "{cell}/../elsewhere")),
    Case("rules-outside-a-cell", {"../elsewhere/ghi-chu.txt": "x\n"}, "exit2", "", 0,
         "is not in a cell folder", args=("rules", "{cell}/../elsewhere")),
    # ---- issue 10: one file, one problem, said plainly
    Case("from-the-meetings-folder", meeting("chair: tran-thi-lan", "chair: nguyen-van-khong"),
         "V001", M, 6, "nguyen-van-khong", args=("validate", "{cell}/meetings")),
    Case("windows-copy", {"meetings/2025-08-05-regular - Copy.yaml": MEETING}, "Y010",
         "meetings/2025-08-05-regular - Copy.yaml", 0, "is not named like a record"),
    Case("vietnamese-file-name", {"meetings/Biên bản tháng 8.yaml": MEETING}, "Y010",
         "meetings/Biên bản tháng 8.yaml", 0, "so it is not read"),
    Case("two-regular-meetings", {"meetings/2025-08-20-regular.yaml":
                                  MEETING.replace("2025-08-05", "2025-08-20")}, "V043",
         "meetings/2025-08-20-regular.yaml", 1, "2 regular meetings in 08/2025"),
    Case("dated-rule-without-date", {"branch.yaml": BRANCH + "rules:\n  "
                                     "meetings.min_minutes_regular: {value: 120}\n"},
         "R001", "branch.yaml", 11, "from: YYYY-MM-DD"),
    Case("name-instead-of-id", meeting("member: do-van-minh", "member: Đỗ Văn Minh"), "S003", M,
         9, "absent.0.member: an id uses only"),
    Case("unquoted-task-reference", meeting("discussion:", "review:\n  - task: "
                                            "2025-07-01-regular #1\n    status: done\n"
                                            "discussion:"), "S003", M, 15,
         "a task is named by its meeting and number"),
    Case("date-without-leading-zeros", members("born: 1968-09-10", "born: 1968-9-10"), "S003",
         "members.yaml", 14, "write the date as 1968-09-10"),
    Case("bad-member-id", members("id: le-thi-hoa", "id: le_thi_hoa"), "S003", "members.yaml",
         18, "id: an id uses only"),
    Case("bad-time", meeting('start: "19:30"', 'start: "19:3O"'), "S003", M, 3, "start"),
    Case("render-unknown-meeting", {"meetings/2025-09-02-regular.yaml": "kind: regular\n"},
         "exit2", "", 0, "no meeting '2025-08-06-regular'",
         args=("render", "minutes", "2025-08-06-regular", "-C", "{cell}")),
]
