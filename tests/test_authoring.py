"""The core of the record-creating commands: text helpers, appending members, pre-filling."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from helpers import BRANCH, MEETING, make_cell
from hypothesis import given
from hypothesis import strategies as st

from chibo_cli.authoring import cell_folder, meetings, resolutions
from chibo_cli.authoring import members as member_files
from chibo_cli.authoring import text as yamltext
from chibo_cli.base.errors import ChiboError
from chibo_cli.records.loader import load_cell
from chibo_cli.records.models import MeetingKind, TaskStatus
from chibo_cli.records.yamlio import YamlDoc, nfc, parse_yaml_text

D = dt.date


def load_errors(root: Path) -> list[str]:
    """Schema and YAML diagnostics of a cell (check findings are not wanted here)."""
    sink: list = []
    load_cell(root, sink=sink)
    return [f"{d.location}: {d.code} {d.message}" for d in sink if d.code[0] in "SY"]


def plain(text: str) -> object:
    doc = parse_yaml_text(text, YamlDoc("t.yaml"))
    assert doc.ok, doc.diagnostics
    return doc.data


# ------------------------------------------------------------------ text helpers


@pytest.mark.parametrize("text", ['Lê "Hai" #1: x', "a\\b", "tab\there", "two\nlines",
                                  "null", "19:30", "- item", "{x}", "bell\x07", "\u2028sep",
                                  "  spaced  ", "Đặng Thị Ngọc Ánh"])
def test_yaml_str_round_trips(text: str) -> None:
    assert plain(f"v: {yamltext.yaml_str(text)}\n") == {"v": nfc(text)}


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40))
def test_yaml_str_round_trips_any_text(text: str) -> None:
    assert plain(f"v: {yamltext.yaml_str(text)}\n") == {"v": nfc(text)}


@pytest.mark.parametrize("name, slug", [
    ("Lê Thị Hoa", "le-thi-hoa"), ("Đặng Văn Đông", "dang-van-dong"),
    ('Lê "Hai" #1: x', "le-hai-1-x"), ("  Nguyễn   Thị  Thu Hà ", "nguyen-thi-thu-ha"),
    ("Vũ Thị Mai", "vu-thi-mai"), ("***", ""),
])
def test_slugify(name: str, slug: str) -> None:
    assert yamltext.slugify(name) == slug


def test_slugify_nfd_input_matches_nfc() -> None:
    import unicodedata

    assert yamltext.slugify(unicodedata.normalize("NFD", "Trần Thị Lan")) == "tran-thi-lan"


def test_unique_id_counts_up() -> None:
    assert yamltext.unique_id("le-hai", {"le-hai", "le-hai-2"}) == "le-hai-3"
    assert yamltext.unique_id("le-hai", set()) == "le-hai"


def test_comment_cannot_be_broken_by_user_text() -> None:
    assert yamltext.line("a: 1", "x\nb: 2") .count("\n") == 0
    assert plain(yamltext.line("a: 1", "x\nb: 2\u2028c: 3") + "\n") == {"a": "1"}


def test_schema_line_is_relative_to_the_file(tmp_path: Path) -> None:
    line = yamltext.schema_line(tmp_path / "meetings" / "x.yaml", tmp_path, "meeting")
    assert line == "# yaml-language-server: $schema=../.chibo/schemas/meeting.schema.json\n"


@pytest.mark.parametrize("bad", ["2025-02-30", "05/08/2025", ""])
def test_parse_date_rejects(bad: str) -> None:
    with pytest.raises(ChiboError, match="not a date"):
        yamltext.parse_date(bad, "--date")


def test_parse_time_pads_and_rejects() -> None:
    assert yamltext.parse_time("7:05") == "07:05"
    with pytest.raises(ChiboError):
        yamltext.parse_time("25:00")


# ------------------------------------------------------------------ appending members

NEW = member_files.NewMember('Lê "Hai" #1: x', "nam", D(1980, 1, 2), D(2010, 5, 19), D(2011, 5, 19),
                         card_number="79001234", citizen_id="001080001234")


def block(member_id: str = "le-hai-1-x") -> str:
    return member_files.member_block(NEW, member_id)


@pytest.mark.parametrize("before", [
    "members:\n  - id: a\n    name: A\n",
    "members:\n- id: a\n  name: A\n",
    "# đầu\nmembers:\n    - id: a\n      name: A\n# cuối tệp\n",
    "members:\r\n  - id: a\r\n    name: A\r\n",
    "members:\n  - id: a\n    name: A",
    "\ufeffmembers:\n  - id: a\n    name: A\n",
])
def test_append_keeps_existing_text(before: str) -> None:
    after = member_files.append_member(before, block())
    assert after.startswith(before)
    data = plain(after.lstrip("\ufeff"))
    assert [m["id"] for m in data["members"]] == ["a", "le-hai-1-x"]  # type: ignore[index]
    assert data["members"][1]["name"] == 'Lê "Hai" #1: x'  # type: ignore[index]
    if "\r\n" in before:
        assert "\n" not in after.replace("\r\n", "")


@pytest.mark.parametrize("before", ["members: []  # danh sách\n", "members:\n"])
def test_append_to_empty_list(before: str) -> None:
    after = member_files.append_member(before, block())
    assert [m["id"] for m in plain(after)["members"]] == ["le-hai-1-x"]  # type: ignore[index]


def test_append_refuses_a_flow_list_with_items() -> None:
    with pytest.raises(ChiboError, match="not written as a list"):
        member_files.append_member("members: [{id: a}]\n", block())


def test_add_member_preserves_bytes_and_loads(tmp_path: Path) -> None:
    make_cell(tmp_path)
    before = (tmp_path / "members.yaml").read_bytes()
    member_id, path = member_files.add_member(tmp_path, NEW)
    after = path.read_bytes()
    assert member_id == "le-hai-1-x"
    assert after.startswith(before) and len(after) > len(before)
    assert load_errors(tmp_path) == []
    cell = load_cell(tmp_path)
    added = cell.member("le-hai-1-x")
    assert added is not None and added.name == 'Lê "Hai" #1: x'
    assert [e.event.value for e in added.history] == ["admitted", "confirmed"]
    assert added.card_number == "79001234"


def test_add_member_makes_ids_unique(tmp_path: Path) -> None:
    make_cell(tmp_path)
    twin = member_files.NewMember("Trần Thị Lan", "nữ", D(1990, 1, 1), D(2020, 1, 1))
    assert member_files.add_member(tmp_path, twin)[0] == "tran-thi-lan-2"
    assert member_files.add_member(tmp_path, twin)[0] == "tran-thi-lan-3"
    assert load_errors(tmp_path) == []


def test_add_member_refuses_when_the_list_is_not_last(tmp_path: Path) -> None:
    text = "members:\n  - id: a\nextra: 1\n"
    make_cell(tmp_path, {"members.yaml": text})
    with pytest.raises(ChiboError, match="safely"):
        member_files.add_member(tmp_path, NEW)
    assert (tmp_path / "members.yaml").read_text(encoding="utf-8") == text


def test_add_member_reports_a_broken_file(tmp_path: Path) -> None:
    make_cell(tmp_path, {"members.yaml": "members:\n  - id: a\n   name: [\n"})
    with pytest.raises(ChiboError, match="members.yaml:"):
        member_files.add_member(tmp_path, NEW)


# ------------------------------------------------------------------ member list


def test_status_labels_follow_the_history(tmp_path: Path) -> None:
    members = """\
    members:
      - id: hoang-van-tuan
        name: Hoàng Văn Tuấn
        gender: nam
        born: 1950-01-01
        history:
          - {date: 1975-01-01, event: admitted}
          - {date: 1976-01-01, event: confirmed}
          - {date: 2024-06-01, event: exempted}
          - {date: 2025-06-01, event: transferred_out}
    """
    make_cell(tmp_path, {"members.yaml": members})
    member = load_cell(tmp_path).members[0]
    assert member_files.status_label(member, D(1970, 1, 1)) == "chưa vào chi bộ"
    assert member_files.status_label(member, D(1975, 6, 1)) == "dự bị"
    assert member_files.status_label(member, D(2024, 7, 1)) == "chính thức, miễn sinh hoạt"
    assert member_files.status_label(member, D(2025, 7, 1)) == "đã chuyển sinh hoạt đi"


def test_member_rows_mask_ids_and_show_roles(tmp_path: Path) -> None:
    make_cell(tmp_path)
    rows = {r.id: r for r in member_files.member_rows(load_cell(tmp_path), D(2025, 9, 1))}
    assert rows["tran-thi-lan"].role == "bí thư" and rows["pham-van-duc"].role == "phó bí thư"
    assert rows["tran-thi-lan"].citizen_id == "•••••••••876"
    assert rows["vu-thi-mai"].status == "dự bị"
    shown = member_files.member_rows(load_cell(tmp_path), D(2025, 9, 1), reveal=True)
    assert shown[0].citizen_id == "001170009876"


# ------------------------------------------------------------------ meetings

TASKS_MEETING = MEETING.replace("tasks:\n", """\
review:
  - {task: "2025-07-03-regular#2", status: in_progress}
  - {task: "2025-07-03-regular#1", status: done}
tasks:
""").replace("    due: 2025-08-31\n", """\
    due: 2025-08-31
  - {owner: do-van-minh, what: "Thu đảng phí quý III"}
""")
JULY = MEETING.replace("date: 2025-08-05", "date: 2025-07-03")


def test_review_prefill_takes_last_tasks_and_open_reviews(tmp_path: Path) -> None:
    make_cell(tmp_path, {"meetings/2025-08-05-regular.yaml": TASKS_MEETING,
                         "meetings/2025-07-03-regular.yaml": JULY})
    refs = meetings.review_refs(load_cell(tmp_path), D(2025, 9, 4))
    assert refs == [("2025-07-03-regular#2", TaskStatus.in_progress),
                    ("2025-08-05-regular#1", TaskStatus.not_done),
                    ("2025-08-05-regular#2", TaskStatus.not_done)]


def test_review_prefill_includes_a_later_thematic_meeting(tmp_path: Path) -> None:
    thematic = JULY.replace("kind: regular", "kind: thematic").replace(
        "date: 2025-07-03", "date: 2025-08-20")
    make_cell(tmp_path, {"meetings/2025-08-20-thematic.yaml": thematic})
    refs = [ref for ref, _ in meetings.review_refs(load_cell(tmp_path), D(2025, 9, 4))]
    assert refs == ["2025-08-05-regular#1", "2025-08-20-thematic#1"]
    assert meetings.review_refs(load_cell(tmp_path), D(2025, 8, 5)) == []


def test_new_meeting_prefills_and_loads(tmp_path: Path) -> None:
    make_cell(tmp_path, {"meetings/2025-08-05-regular.yaml": TASKS_MEETING})
    path = meetings.new_meeting(tmp_path, MeetingKind.regular, D(2025, 9, 4))
    assert path == tmp_path / "meetings" / "2025-09-04-regular.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../.chibo/schemas/meeting.schema.json")
    assert (tmp_path / ".chibo/schemas/meeting.schema.json").is_file()
    assert "# 2025-08-05-regular#2: Thu đảng phí quý III (do-van-minh)" in text
    assert 'start: "19:30"' in text
    assert load_errors(tmp_path) == []
    meeting = load_cell(tmp_path).meeting("2025-09-04-regular")
    assert meeting is not None
    assert meeting.chair == "tran-thi-lan" and meeting.recorder == "le-thi-hoa"
    assert meeting.place == "Nhà văn hóa tổ dân phố 3"
    assert [r.task for r in meeting.review] == ["2025-07-03-regular#2", "2025-08-05-regular#1",
                                                "2025-08-05-regular#2"]
    assert "tháng 8" in meeting.agenda[2].content and "tháng 9" in meeting.agenda[3].content
    assert meeting.agenda[-1].presenter == "le-thi-hoa"
    assert meeting.vote is None and meeting.read_back is False and meeting.absent == []


def test_first_meeting_uses_branch_place_and_deputy(tmp_path: Path) -> None:
    make_cell(tmp_path, {"meetings/2025-08-05-regular.yaml": None})
    path = meetings.new_meeting(tmp_path, MeetingKind.extraordinary, D(2025, 9, 4), "08:00")
    meeting = load_cell(tmp_path).meeting(path.stem)
    assert meeting is not None and meeting.place == "Hòa Bình" and meeting.start == "08:00"
    assert meeting.recorder == "pham-van-duc" and meeting.review == []


def test_thematic_meeting_takes_the_planned_topic(tmp_path: Path) -> None:
    plan = """\
    year: 2025
    thematic:
      - {quarter: 3, topic: "Phòng, chống tin giả trên mạng xã hội", lead: le-thi-hoa}
      - {month: 9, topic: "Giữ gìn vệ sinh môi trường khu dân cư", lead: pham-van-duc}
    """
    make_cell(tmp_path, {"plans/2025.yaml": plan})
    path = meetings.new_meeting(tmp_path, MeetingKind.thematic, D(2025, 9, 10))
    meeting = load_cell(tmp_path).meeting(path.stem)
    assert meeting is not None
    assert meeting.topic == "Giữ gìn vệ sinh môi trường khu dân cư"
    assert meeting.agenda[1].presenter == "pham-van-duc"
    assert meeting.agenda[1].content.endswith(": Giữ gìn vệ sinh môi trường khu dân cư")
    august = meetings.planned_topic(load_cell(tmp_path), D(2025, 8, 12))
    assert august is not None and august.lead == "le-thi-hoa"
    assert load_errors(tmp_path) == []


def test_new_meeting_never_overwrites(tmp_path: Path) -> None:
    make_cell(tmp_path)
    original = (tmp_path / "meetings/2025-08-05-regular.yaml").read_bytes()
    with pytest.raises(ChiboError, match="never overwrites"):
        meetings.new_meeting(tmp_path, MeetingKind.regular, D(2025, 8, 5))
    assert (tmp_path / "meetings/2025-08-05-regular.yaml").read_bytes() == original


def test_new_meeting_needs_a_chair(tmp_path: Path) -> None:
    roles = "  secretary: tran-thi-lan\n  deputy: pham-van-duc\n"
    branch = BRANCH.replace(roles, "  members: []\n")
    make_cell(tmp_path, {"branch.yaml": branch})
    with pytest.raises(ChiboError, match="no secretary"):
        meetings.new_meeting(tmp_path, MeetingKind.regular, D(2025, 9, 4))


# ------------------------------------------------------------------ resolutions


@pytest.mark.parametrize("kind, topic, title", [
    ("regular", None, "Nghị quyết chi bộ tháng 8 năm 2025"),
    ("thematic", "Phòng, chống tin giả", "Nghị quyết chuyên đề “Phòng, chống tin giả”"),
    ("thematic", None, "Nghị quyết chuyên đề tháng 8 năm 2025"),
    ("extraordinary", None, "Nghị quyết chi bộ ngày 05 tháng 8 năm 2025"),
    ("regular-january", None, "Nghị quyết chi bộ tháng 01 năm 2026"),
])
def test_resolution_titles(kind: str, topic: str | None, title: str) -> None:
    from chibo_cli.records.models import Meeting

    day = D(2026, 1, 6) if kind.endswith("january") else D(2025, 8, 5)
    meeting = Meeting(kind=kind.split("-")[0], date=day, start="19:30", place="x", chair="a",
                      recorder="b", topic=topic)
    assert resolutions.resolution_title(meeting) == title


def test_new_resolution_copies_tasks_and_loads(tmp_path: Path) -> None:
    tricky = TASKS_MEETING.replace('"Thu đảng phí quý III"', '"Báo cáo \\"nóng\\" #2: xong"')
    make_cell(tmp_path, {"meetings/2025-08-05-regular.yaml": tricky})
    path = resolutions.new_resolution("2025-08-05-regular", tmp_path)
    assert path == tmp_path / "resolutions" / "2025-08-05-regular.yaml"
    assert load_errors(tmp_path) == []
    resolution = load_cell(tmp_path).resolution("2025-08-05-regular")
    assert resolution is not None
    assert resolution.status.value == "draft" and resolution.number is None
    assert resolution.title == "Nghị quyết chi bộ tháng 8 năm 2025"
    assert [(t.owner, t.what, t.due) for t in resolution.tasks] == [
        ("le-thi-hoa", "Vận động các hộ đăng ký gia đình văn hóa", D(2025, 8, 31)),
        ("do-van-minh", 'Báo cáo "nóng" #2: xong', None)]
    with pytest.raises(ChiboError, match="never overwrites"):
        resolutions.new_resolution("2025-08-05-regular", tmp_path)


def test_find_meeting_reports_broken_and_unknown(tmp_path: Path) -> None:
    make_cell(tmp_path, {"meetings/2025-09-02-regular.yaml": "kind: regular\n"})
    with pytest.raises(ChiboError, match="has errors"):
        resolutions.find_meeting("2025-09-02-regular", tmp_path)
    with pytest.raises(ChiboError, match="unknown meeting 'nope'"):
        resolutions.find_meeting("nope", tmp_path)


# ------------------------------------------------------------------ init


def test_init_cell_loads_back(tmp_path: Path) -> None:
    info = cell_folder.BranchInfo('Chi bộ "Khu phố 5" #2: Tân Lập', "Đảng bộ phường Tân Phong",
                               "Tân Phong", D(2025, 6, 10), "2025–2030")
    root = tmp_path / "cell"
    cell_folder.init_cell(root, info)
    assert load_errors(root) == []
    cell = load_cell(root)
    assert cell.branch is not None and cell.branch.name == info.name
    assert cell.branch.terms[0].start == D(2025, 6, 10) and cell.members == []
    assert all((root / d).is_dir() for d in ("meetings", "resolutions", "plans"))
    for name in ("branch.yaml", "members.yaml"):
        first = (root / name).read_text(encoding="utf-8").splitlines()[0]
        assert first == f"# yaml-language-server: $schema=.chibo/schemas/" \
                        f"{name.replace('.yaml', '')}.schema.json"
    with pytest.raises(ChiboError, match="already a cell"):
        cell_folder.init_cell(root, info)


def test_init_appends_to_an_existing_gitignore(tmp_path: Path) -> None:
    (tmp_path / ".gitignore").write_bytes(b"*.pdf")
    cell_folder.init_cell(tmp_path, cell_folder.BranchInfo("Chi bộ 1", "Đảng bộ xã A", "A",
                                                     D(2025, 1, 1), "2025–2030"))
    assert (tmp_path / ".gitignore").read_bytes() == b"*.pdf\nout/\n"


def test_new_meeting_starts_at_the_hour_of_its_own_kind(tmp_path: Path) -> None:
    """A thematic meeting held after the regular one at 21:00 does not move the next regular."""
    thematic = JULY.replace("kind: regular", "kind: thematic").replace(
        "date: 2025-07-03", "date: 2025-08-20").replace('start: "19:30"', 'start: "21:00"')
    assert 'start: "21:00"' in thematic
    make_cell(tmp_path, {"meetings/2025-08-20-thematic.yaml": thematic})
    regular = meetings.new_meeting(tmp_path, MeetingKind.regular, D(2025, 9, 4))
    assert 'start: "19:30"' in regular.read_text(encoding="utf-8")
    again = meetings.new_meeting(tmp_path, MeetingKind.thematic, D(2025, 9, 18))
    assert 'start: "21:00"' in again.read_text(encoding="utf-8")


def test_new_meeting_refuses_while_a_meeting_file_cannot_be_read(tmp_path: Path) -> None:
    """Its tasks would be missing from the review list and nobody would know."""
    duplicate_key = TASKS_MEETING.replace("kind: regular", "kind: regular\nkind: regular")
    make_cell(tmp_path, {"meetings/2025-08-05-regular.yaml": duplicate_key})
    with pytest.raises(ChiboError) as caught:
        meetings.new_meeting(tmp_path, MeetingKind.regular, D(2025, 9, 4))
    assert "2025-08-05-regular.yaml cannot be read" in caught.value.message
    assert not (tmp_path / "meetings/2025-09-04-regular.yaml").exists()
