"""Saving from the form rewrites only what changed; everything else stays byte for byte."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from chibo_cli.form.session import ORDER
from chibo_cli.form.yamledit import splice
from chibo_cli.records.yamlio import YamlDoc, parse_yaml_text

REPO = Path(__file__).resolve().parents[2]

EXAMPLES = sorted((REPO / "examples").rglob("meetings/*.yaml"))


def data(text: str) -> dict:  # type: ignore[type-arg]
    doc = parse_yaml_text(text, YamlDoc("t.yaml"))
    assert doc.ok, doc.diagnostics
    assert isinstance(doc.data, dict)
    return doc.data


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_unchanged_values_give_the_same_bytes(path: Path) -> None:
    text = path.read_text("utf-8")
    assert splice(text, data(text), ORDER) == text


@pytest.mark.parametrize("path", EXAMPLES[::4], ids=lambda p: p.name)
def test_one_changed_speech_leaves_every_other_line_alone(path: Path) -> None:
    text = path.read_text("utf-8")
    old = data(text)
    if not old.get("discussion"):
        pytest.skip("no discussion")
    speeches = copy.deepcopy(old["discussion"])
    speeches[0]["gist"] = "Ý kiến mới: có dấu # và dấu hai chấm"
    out = splice(text, {"discussion": speeches}, ORDER)
    assert data(out) == {**old, "discussion": speeches}
    removed = set(text.splitlines()) - set(out.splitlines())
    added = set(out.splitlines()) - set(text.splitlines())
    assert added == {'    gist: "Ý kiến mới: có dấu # và dấu hai chấm"'}
    assert all(line.lstrip().startswith(("gist", "- speaker")) or line.startswith("      ")
               for line in removed), removed


SCAFFOLD = """\
# Biên bản sinh hoạt chi bộ
kind: regular                     # thường kỳ
start: "19:30"                    # giờ bắt đầu
end:                              # giờ kết thúc
absent: []                        # đảng viên vắng mặt
review:                           # kiểm điểm
  # 2025-07-08-regular#1: Vận động các hộ
  - task: "2025-07-08-regular#1"
    status: not_done              # cập nhật tại cuộc họp
    note:                         # kết quả cụ thể
  # 2025-07-08-regular#2: Tuần tra
  - task: "2025-07-08-regular#2"
    status: not_done              # cập nhật tại cuộc họp
    note:                         # kết quả cụ thể
vote:                             # biểu quyết
read_back: false                  # đọc lại
"""


def test_comments_of_changed_fields_and_items_are_kept() -> None:
    old = data(SCAFFOLD)
    review = copy.deepcopy(old["review"])
    review[1] = {"task": "2025-07-08-regular#2", "status": "done", "note": "Tuần tra 4 đêm"}
    out = splice(SCAFFOLD, {"end": "21:15", "absent": [{"member": "do-van-minh"}],
                            "review": review, "vote": {"for": "12", "against": "0"},
                            "read_back": "true"}, ORDER)
    assert out == """\
# Biên bản sinh hoạt chi bộ
kind: regular                     # thường kỳ
start: "19:30"                    # giờ bắt đầu
end: "21:15"                      # giờ kết thúc
absent:                           # đảng viên vắng mặt
  - member: do-van-minh
review:                           # kiểm điểm
  # 2025-07-08-regular#1: Vận động các hộ
  - task: "2025-07-08-regular#1"
    status: not_done              # cập nhật tại cuộc họp
    note:                         # kết quả cụ thể
  # 2025-07-08-regular#2: Tuần tra
  - task: "2025-07-08-regular#2"
    status: done
    note: Tuần tra 4 đêm
vote: {for: 12, against: 0}       # biểu quyết
read_back: true                   # đọc lại
"""


def test_a_field_the_file_lacks_goes_in_its_place_in_the_format() -> None:
    text = "kind: regular\nstart: \"19:30\"\nread_back: false\n"
    out = splice(text, {"end": "21:00", "conclusion": "Nhất trí.", "guests": [
        {"name": "Đặng Minh Khoa", "title": "Đảng ủy viên", "superior": "true"}]}, ORDER)
    assert out == ('kind: regular\nstart: "19:30"\nend: "21:00"\nguests:\n'
                   "  - name: Đặng Minh Khoa\n    title: Đảng ủy viên\n    superior: true\n"
                   "conclusion: Nhất trí.\nread_back: false\n")


@pytest.mark.parametrize("value", [
    "19:30", "yes", "no", "null", "~", "010", "12.5", "2025-08-05", "#1 ưu tiên",
    "a: b", "- gạch đầu", "[không]", "{x}", "*sao", "&neo", "!thẻ", "%", "@", "`", "'nháy",
    '"kép', "x #y", "dòng 1\ndòng 2", "  thụt", "a\tb", "\u2028", "Nguyễn Văn A, Trần Thị B",
    "Một ý kiến dài " * 20 + "hết.", "tab\tgiữa " * 15,
])
def test_any_text_reads_back_as_typed(value: str) -> None:
    text = "kind: regular\nconclusion:\nread_back: false\n"
    want = value.strip() if value.strip() != value else value
    out = splice(text, {"conclusion": want, "discussion": [{"speaker": want, "gist": want}]},
                 ORDER)
    assert data(out)["conclusion"] == want
    assert data(out)["discussion"] == [{"speaker": want, "gist": want}]


def test_times_are_quoted_and_long_text_folds() -> None:
    text = "kind: regular\nread_back: false\n"
    long = "Chi bộ nhất trí đánh giá kết quả thực hiện nhiệm vụ tháng 7 và thông qua phương " \
           "hướng nhiệm vụ tháng 8 năm 2025 của chi bộ."
    out = splice(text, {"start": "19:30", "end": "01:48", "conclusion": long}, ORDER)
    assert 'start: "19:30"\nend: "01:48"\n' in out
    assert "conclusion: >-\n  Chi bộ nhất trí" in out
    assert max(len(line) for line in out.splitlines()) <= 100
