"""Property tests: whatever a secretary types, the records the scaffolds write load back."""

from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chibo_cli.authoring.cell_folder import BranchInfo, branch_text
from chibo_cli.authoring.members import NewMember, member_block
from chibo_cli.records.loader import load_cell
from chibo_cli.records.models import Branch, Member
from chibo_cli.records.yamlio import YamlDoc, parse_yaml_text

# Any printable text, plus the characters that break hand-written YAML.
_TRICKY = st.sampled_from([": ", " #", "- ", "'", '"', "{{ 7*7 }}", "&a", "*a", "!!python/x",
                           "\\", "\t", "\n", "\u2028", "\x85", "\ufeff", "~", "null", "yes",
                           "Nguyễn", "Thả\u0309o", "%", "@", "`", "|", ">", "[", "]", "{", "}"])
_TEXT = st.lists(st.one_of(_TRICKY, st.text(min_size=1, max_size=8)), min_size=1,
                 max_size=8).map("".join).filter(lambda t: t.strip() != "" and _expected(t) != "")
_DATE = st.dates(min_value=dt.date(1930, 1, 1), max_value=dt.date(2100, 12, 31))

_SETTINGS = settings(max_examples=150, deadline=None,
                     suppress_health_check=[HealthCheck.too_slow,
                                            HealthCheck.function_scoped_fixture])


# Unicode White_Space, which pydantic strips (Python's str.strip also strips \x1c-\x1f).
_WHITE = " \t\n\x0b\x0c\r\x85\xa0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + \
    "\u2028\u2029\u202f\u205f\u3000"


def _expected(text: str) -> str:
    return unicodedata.normalize("NFC", text).strip(_WHITE)


@_SETTINGS
@given(name=_TEXT, superior=_TEXT, place=_TEXT, label=_TEXT, start=_DATE)
def test_branch_written_by_init_loads_back(name: str, superior: str, place: str, label: str,
                                           start: dt.date) -> None:
    info = BranchInfo(name, superior, place, start, label)
    doc = parse_yaml_text(branch_text(info, Path("/cell")), YamlDoc("branch.yaml"))
    assert doc.ok, doc.diagnostics
    branch = Branch.model_validate(doc.data)
    assert (branch.name, branch.superior, branch.place) == (
        _expected(name), _expected(superior), _expected(place))
    assert branch.terms[0].start == start


@_SETTINGS
@given(name=_TEXT, born=_DATE, admitted=_DATE, card=st.none() | st.from_regex(r"[0-9.]{6,12}",
                                                                               fullmatch=True))
def test_member_written_by_member_add_loads_back(tmp_path: Path, name: str, born: dt.date,
                                                 admitted: dt.date, card: str | None) -> None:
    member = NewMember(name, "nữ", born, admitted, card_number=card, citizen_id=card)
    text = "members:\n" + "\n".join("  " + line if line else line for line in
                                    member_block(member, "le-thi-hoa").splitlines()) + "\n"
    doc = parse_yaml_text(text, YamlDoc("members.yaml"))
    assert doc.ok, (text, doc.diagnostics)
    loaded = Member.model_validate(doc.data["members"][0])  # type: ignore[index]
    assert loaded.name == _expected(name)
    assert (loaded.born, loaded.history[0].date) == (born, admitted)
    assert loaded.card_number == card


@settings(max_examples=30, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(date=st.dates(min_value=dt.date(2025, 1, 2), max_value=dt.date(2030, 12, 31)),
       kind=st.sampled_from(["regular", "thematic", "extraordinary"]))
def test_meeting_written_by_new_meeting_loads_back(cli, tmp_path_factory, date: dt.date,
                                                   kind: str) -> None:
    from helpers import make_cell

    cell = make_cell(tmp_path_factory.mktemp("c") / "cell")
    result = cli("new-meeting", cell, "--kind", kind, "--date", date.isoformat(),
                 "--start", "19:30")
    if date == dt.date(2025, 8, 5) and kind == "regular":
        assert result.code == 2  # the file exists: never overwritten
        return
    assert result.code == 0, result.err
    loaded = load_cell(cell)
    assert not loaded.broken_ids
    assert any(m.date == date and m.kind.value == kind
               for m in loaded.meetings + loaded.planned)  # written ahead: planned until held
    resolution = cli("new-resolution", f"{date.isoformat()}-{kind}", "--cell", cell)
    assert resolution.code == 0, resolution.err
    assert not load_cell(cell).broken_ids


def test_noncharacters_are_escaped() -> None:
    """Found by the properties above: U+FFFE written raw made a branch.yaml that did not load."""
    info = BranchInfo("Chi bộ \ufffe\uffff", "Đảng bộ phường Hòa Bình", "Hòa Bình",
                      dt.date(2025, 1, 1), "2025–2030")
    doc = parse_yaml_text(branch_text(info, Path("/cell")), YamlDoc("branch.yaml"))
    assert doc.ok, doc.diagnostics
