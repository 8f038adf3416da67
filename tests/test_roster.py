from __future__ import annotations

import datetime as dt

import pytest

from chibo_cli.records.models import Meeting, Member
from chibo_cli.rules.roster import attendance, standing

D = dt.date


def _member(mid: str, *events: tuple[str, str]) -> Member:
    return Member.model_validate({
        "id": mid, "name": mid.title(), "gender": "nam", "born": "1970-01-01",
        "history": [{"date": d, "event": e} for d, e in events],
    })


FULL = ("2000-01-01", "admitted"), ("2001-01-01", "confirmed")


@pytest.mark.parametrize(
    ("events", "on", "expected"),
    [
        (FULL, D(2000, 6, 1), dict(in_cell=True, probationary=True, full=False)),
        (FULL, D(2001, 1, 1), dict(full=True, required=True)),  # events on the day count
        (FULL, D(1999, 1, 1), dict(in_cell=False, required=False)),
        (FULL + (("2020-01-01", "exempted"),), D(2021, 1, 1), dict(full=True, required=False)),
        (FULL + (("2020-01-01", "exempted"), ("2021-01-01", "resumed")), D(2021, 1, 1),
         dict(required=True)),
        (FULL + (("2025-03-01", "away"), ("2025-07-01", "back")), D(2025, 5, 1),
         dict(away=True, required=False)),
        (FULL + (("2024-01-01", "transferred_out"),), D(2025, 1, 1), dict(in_cell=False)),
    ],
)
def test_standing_replays_history(events, on, expected) -> None:  # type: ignore[no-untyped-def]
    state = standing(_member("a", *events), on)
    for name, value in expected.items():
        assert getattr(state, name) == value, name


def _meeting(**extra: object) -> Meeting:
    data = {"kind": "regular", "date": "2025-06-10", "start": "19:30", "end": "21:00",
            "place": "x", "chair": "a", "recorder": "b"}
    data.update(extra)
    return Meeting.model_validate(data)


def test_attendance_counts_and_denominators() -> None:
    members = [
        _member("a", *FULL), _member("b", *FULL), _member("c", *FULL), _member("d", *FULL),
        _member("e", *FULL, ("2020-01-01", "exempted")),          # exempt, absent
        _member("f", *FULL, ("2020-01-01", "exempted")),          # exempt, came anyway
        _member("g", *FULL, ("2025-03-01", "away")),              # away
        _member("p", ("2025-01-01", "admitted")),                 # probationary
        _member("x", ("2026-01-01", "admitted")),                 # not yet a member
    ]
    meeting = _meeting(absent=[{"member": "c", "reason": "Ốm"}, {"member": "d"}],
                       also_present=["f"])
    att = attendance(meeting, members)
    assert (att.total, att.full, att.probationary) == (8, 7, 1)
    assert (att.exempted, att.away, att.required) == (2, 1, 5)
    assert (att.present, att.present_full) == (4, 3)   # a, b, p + f
    assert (att.absent_excused, att.absent_unexcused) == (1, 1)
    # full called 7 − away g − exempt-absent e − excused c = 4 (a, b, f present; d unexcused)
    assert att.vote_denominator == 4
    # full 7 − away g − exempt-absent e = 5 (excused absentees still count for admission)
    assert att.admission_denominator == 5
