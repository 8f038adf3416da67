"""``chibo member event``: every event kind through the command line, and every refusal."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from helpers import MEMBERS, make_cell

from chibo_cli.records.loader import load_cell
from chibo_cli.records.models import EventKind
from chibo_cli.rules.roster import standing

# One member's life in the cell, one event after another, each allowed by the one before.
LIFE = [("confirmed", "2026-03-26"), ("away", "2026-04-01"), ("back", "2026-06-01"),
        ("exempted", "2026-07-01"), ("resumed", "2026-08-01"), ("suspended", "2026-09-01"),
        ("reinstated", "2026-10-01"), ("transferred_out", "2026-11-01"),
        ("transferred_in", "2027-01-05"), ("removed", "2027-02-01")]


def history(cell: Path, member: str) -> list[tuple[str, str]]:
    found = next(m for m in load_cell(cell).members if m.id == member)
    return [(e.event.value, e.date.isoformat()) for e in found.history]


def test_every_kind_in_a_life(cli: Any, tmp_path: Path) -> None:
    cell = make_cell(tmp_path)
    for kind, date in LIFE:
        result = cli("member", "event", "vu-thi-mai", kind, "--date", date, "-C", cell)
        assert result.code == 0, (kind, result.err)
    assert history(cell, "vu-thi-mai") == [("admitted", "2025-03-26"), *LIFE]
    assert cli("validate", cell).code == 0


@pytest.mark.parametrize("kind", ["attached", "admitted"])
def test_someone_outside_the_cell_can_join(cli: Any, tmp_path: Path, kind: str) -> None:
    cell = make_cell(tmp_path)
    assert cli("member", "event", "do-van-minh", "transferred_out", "--date", "2025-09-01",
               "-C", cell).code == 0
    result = cli("member", "event", "do-van-minh", kind, "--date", "2025-10-01", "-C", cell)
    assert result.code == 0, result.err
    member = next(m for m in load_cell(cell).members if m.id == "do-van-minh")
    state = standing(member, dt.date(2025, 10, 2))
    assert state.attached if kind == "attached" else state.in_cell
    if kind == "attached":
        assert cli("member", "event", "do-van-minh", "detached", "--date", "2025-12-01",
                   "-C", cell).code == 0


def test_every_event_kind_is_covered() -> None:
    covered = {kind for kind, _date in LIFE} | {"attached", "admitted", "detached", "died"}
    assert covered == {k.value for k in EventKind}


def test_the_file_is_changed_by_one_line_only(cli: Any, tmp_path: Path) -> None:
    cell = make_cell(tmp_path)
    before = (cell / "members.yaml").read_text(encoding="utf-8")
    result = cli("member", "event", "le-thi-hoa", "died", "--date", "2025-12-20",
                 "--note", "Từ trần ngày 20/12/2025: \"an táng tại quê\"", "-C", cell)
    assert result.code == 0, result.err
    after = (cell / "members.yaml").read_text(encoding="utf-8").splitlines()
    added = [text for text in after if text not in before.splitlines()]
    assert added == ['      - {date: 2025-12-20, event: died, note: "Từ trần ngày 20/12/2025: '
                     '\\"an táng tại quê\\""}']
    assert history(cell, "le-thi-hoa")[-1] == ("died", "2025-12-20")


def test_category_goes_with_a_transfer_in(cli: Any, tmp_path: Path) -> None:
    cell = make_cell(tmp_path)
    cli("member", "event", "vu-thi-mai", "transferred_out", "--date", "2025-09-01", "-C", cell)
    result = cli("member", "event", "vu-thi-mai", "transferred_in", "--date", "2025-10-01",
                 "--category", "probationary", "-C", cell)
    assert result.code == 0, result.err
    member = next(m for m in load_cell(cell).members if m.id == "vu-thi-mai")
    assert standing(member, dt.date(2025, 10, 1)).probationary


@pytest.mark.parametrize(("args", "message"), [
    (["vu-thi-mai", "back", "--date", "2025-09-01"], "is not away on 2025-09-01"),
    (["le-thi-hoa", "confirmed", "--date", "2025-09-01"], "is not a probationary member"),
    (["le-thi-hoa", "resumed", "--date", "2025-09-01"], "is not exempted"),
    (["le-thi-hoa", "reinstated", "--date", "2025-09-01"], "is not suspended"),
    (["le-thi-hoa", "detached", "--date", "2025-09-01"], "is not attached"),
    (["le-thi-hoa", "admitted", "--date", "2025-09-01"], "is already in the cell"),
    (["le-thi-hoa", "transferred_in", "--date", "2025-09-01"], "is already in the cell"),
    (["le-thi-hoa", "away", "--date", "2009-01-01"], "date order"),
    (["le-thi-hoa", "died", "--date", "2025-13-01"], "is not a date"),
    (["le-thi-hoa", "moved", "--date", "2025-09-01"], "unknown event 'moved'"),
    (["le-thi-hoa", "away", "--date", "2025-09-01", "--category", "full"], "--category"),
    (["le-thi-hoa", "transferred_in", "--date", "2025-09-01", "--category", "x"],
     "unknown category"),
    (["nobody", "away", "--date", "2025-09-01"], "no member 'nobody'"),
])
def test_refusals_leave_the_file_alone(cli: Any, tmp_path: Path, args: list[str],
                                       message: str) -> None:
    cell = make_cell(tmp_path)
    result = cli("member", "event", *args, "-C", cell)
    assert result.code == 2 and message in result.err
    assert (cell / "members.yaml").read_text(encoding="utf-8") == MEMBERS


def test_twice_the_same_state_is_refused(cli: Any, tmp_path: Path) -> None:
    cell = make_cell(tmp_path)
    for kind, state in (("exempted", "exempted"), ("away", "away"), ("suspended", "suspended")):
        assert cli("member", "event", "le-thi-hoa", kind, "--date", "2025-09-01",
                   "-C", cell).code == 0
        again = cli("member", "event", "le-thi-hoa", kind, "--date", "2025-09-02", "-C", cell)
        assert again.code == 2 and f"already {state}" in again.err


def test_after_leaving_nothing_more_happens(cli: Any, tmp_path: Path) -> None:
    cell = make_cell(tmp_path)
    assert cli("member", "event", "le-thi-hoa", "died", "--date", "2025-09-01",
               "-C", cell).code == 0
    later = cli("member", "event", "le-thi-hoa", "away", "--date", "2025-10-01", "-C", cell)
    assert later.code == 2 and "is not in the cell on 2025-10-01" in later.err


def test_a_secretary_who_leaves_is_still_named_in_branch(cli: Any, tmp_path: Path) -> None:
    cell = make_cell(tmp_path)
    result = cli("member", "event", "tran-thi-lan", "transferred_out", "--date", "2025-09-01",
                 "-C", cell)
    assert result.code == 0 and "still names tran-thi-lan as bí thư" in result.err


def test_an_unreadable_roster_is_named(cli: Any, tmp_path: Path) -> None:
    cell = make_cell(tmp_path, {"members.yaml": "members: [\n"})
    result = cli("member", "event", "le-thi-hoa", "away", "--date", "2025-09-01", "-C", cell)
    assert result.code == 2 and "members.yaml cannot be read" in result.err


def test_the_event_may_be_named_in_vietnamese(cli: Any, tmp_path: Path) -> None:
    cell = make_cell(tmp_path)
    assert cli("member", "event", "do-van-minh", "chuyển đi", "--date", "2025-09-01",
               "-C", cell).code == 0
    result = cli("member", "event", "do-van-minh", "chuyen den", "--date", "2025-10-01",
                 "--category", "Dự bị", "-C", cell)
    assert result.code == 0, result.err
    assert history(cell, "do-van-minh")[-2:] == [("transferred_out", "2025-09-01"),
                                                 ("transferred_in", "2025-10-01")]
    assert not standing(member_of(cell, "do-van-minh"), dt.date(2025, 10, 1)).full


def member_of(cell: Path, member_id: str) -> Any:
    return next(m for m in load_cell(cell).members if m.id == member_id)
