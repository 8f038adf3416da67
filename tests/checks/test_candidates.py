"""The party development checks (V100–V104), table-driven on the minimal cell."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import MEMBERS

from .util import diagnostics, found, meeting

VOTE = "meetings/2025-09-09-regular.yaml"
FILE = "candidates.yaml"
VOTED = {VOTE: meeting("2025-09-09", extra="member_votes:\n"
                       "  - {subject: admission, member: ngo-minh-tri, for: 4}\n")}

# Line 5 born, 7 course, 9–10 introducers, 12–15 dossier, 16 verified, 17 cell_vote.
CANDIDATE = """\
candidates:
  - id: ngo-minh-tri
    name: Ngô Minh Trí
    gender: nam
    born: 1996-05-14
    listed: 2024-03-01
    course: {certificate_date: 2024-04-20}
    introducers:
      - {member: tran-thi-lan, known_since: 2020-01-01, assigned: 2024-05-10}
      - {member: le-thi-hoa, known_since: 2020-01-01, assigned: 2024-05-10}
    dossier:
      - {form: 1-KNĐ, received: 2024-06-01}
      - {form: 2-KNĐ, received: 2024-06-01}
      - {form: 3-KNĐ, received: 2024-06-01}
      - {form: 5-KNĐ, received: 2024-06-01}
    verified: 2025-08-01
    cell_vote: 2025-09-09-regular
"""
DECIDED = CANDIDATE + "    decision: {date: 2025-10-20, number: 125-QĐ/ĐU}\n"
ADMITTED = MEMBERS + """\
  - id: ngo-minh-tri
    name: Ngô Minh Trí
    gender: nam
    born: 1996-05-14
    history:
      - {date: 2025-11-04, event: admitted}
"""
ONE_INTRODUCER = CANDIDATE.replace(
    "      - {member: le-thi-hoa, known_since: 2020-01-01, assigned: 2024-05-10}\n", "")
YOUTH = ONE_INTRODUCER.replace("    listed:", "    youth_union: true\n    listed:").replace(
    "      - {form: 5-KNĐ", "      - {form: 4-KNĐ, received: 2024-06-01}\n      - {form: 5-KNĐ")


def candidate(old: str, new: str, text: str = CANDIDATE) -> str:
    assert old in text
    return text.replace(old, new)


CASES = [
    ("V100", {FILE: CANDIDATE}, []),
    ("V100", {FILE: candidate("born: 1996", "born: 1964")}, [("V100", FILE, 5)]),
    ("V100", {FILE: candidate("born: 1996-05-14", "born: 1965-09-09")}, []),  # 60 that day
    ("V100", {FILE: candidate("born: 1996-05-14", "born: 2007-09-10")}, [("V100", FILE, 5)]),
    ("V100", {FILE: candidate("born: 1996", "born: 1964"), VOTE: None}, []),  # no vote yet
    ("V101", {FILE: CANDIDATE}, []),
    ("V101", {FILE: candidate("2024-04-20", "2019-06-01")}, [("V101", FILE, 7)]),
    ("V101", {FILE: candidate("2024-04-20", "2020-09-09")}, []),  # five years that day
    ("V101", {FILE: candidate("2024-04-20", "2025-09-10")}, [("V101", FILE, 7)]),
    ("V101", {FILE: candidate("    course: {certificate_date: 2024-04-20}\n", "")},
     [("V101", FILE, 16)]),
    ("V102", {FILE: CANDIDATE}, []),
    ("V102", {FILE: candidate("le-thi-hoa, known_since: 2020-01-01",
                              "le-thi-hoa, known_since: 2023-06-01")}, [("V102", FILE, 10)]),
    ("V102", {FILE: candidate("le-thi-hoa", "vu-thi-mai")}, [("V102", FILE, 10)]),
    ("V102", {FILE: ONE_INTRODUCER}, [("V102", FILE, 16)]),
    ("V102", {FILE: YOUTH}, []),
    ("V103", {FILE: CANDIDATE}, []),
    ("V103", {FILE: candidate("cell_vote: 2025-09-09", "cell_vote: 2025-09-10")},
     [("V103", FILE, 17)]),
    ("V103", {FILE: candidate("cell_vote: 2025-09-09", "cell_vote: 2025-08-05")},
     [("V103", FILE, 17)]),
    ("V103", {FILE: candidate("      - {form: 2-KNĐ, received: 2024-06-01}\n", "")},
     [("V103", FILE, 16)]),
    ("V103", {FILE: candidate("verified: 2025-08-01", "verified: 2025-10-01")},
     [("V103", FILE, 17)]),
    ("V104", {FILE: DECIDED}, []),
    ("V104", {FILE: DECIDED, "members.yaml": ADMITTED}, []),
    ("V104", {FILE: candidate("2025-10-20", "2025-09-01", DECIDED)}, [("V104", FILE, 18)]),
    ("V104", {FILE: candidate("listed: 2024-03-01", "listed: 2024-07-01")},
     [("V104", FILE, 8), ("V104", FILE, 11)]),
    ("V104", {FILE: candidate("    cell_vote: 2025-09-09-regular\n", "", DECIDED)},
     [("V104", FILE, 17)]),
    ("V104", {FILE: CANDIDATE, "members.yaml": ADMITTED}, [("V104", FILE, 2)]),
]


@pytest.mark.parametrize(("select", "files", "expected"), CASES)
def test_candidate_checks(tmp_path: Path, select: str, files: dict[str, str | None],
                          expected: list[tuple[str, str, int]]) -> None:
    assert found(tmp_path, {**VOTED, **files}, select) == expected


def test_admission_vote_may_name_a_candidate(tmp_path: Path) -> None:
    assert found(tmp_path / "a", {**VOTED, FILE: CANDIDATE}, "V001") == []
    assert found(tmp_path / "b", VOTED, "V001") == [("V001", "meetings/2025-09-09-regular.yaml",
                                                     14)]


def test_introducers_must_be_members(tmp_path: Path) -> None:
    text = candidate("member: le-thi-hoa", "member: le-thi-hoaa")
    assert found(tmp_path, {**VOTED, FILE: text}, "V001") == [("V001", FILE, 10)]


def test_the_vote_reaching_two_thirds_is_v023(tmp_path: Path) -> None:
    low = {VOTE: meeting("2025-09-09", extra="member_votes:\n"
                         "  - {subject: admission, member: ngo-minh-tri, for: 2}\n")}
    assert found(tmp_path, {**low, FILE: CANDIDATE}, "V023") == [("V023", VOTE, 14)]


def test_messages(tmp_path: Path) -> None:
    [diag] = diagnostics(tmp_path, {**VOTED, FILE: candidate("2024-04-20", "2019-06-01")},
                         "V101")
    assert diag.message == ("the certificate of 'ngo-minh-tri' (2019-06-01) expired on "
                            "2024-06-01, before the vote on 2025-09-09")
    [diag] = diagnostics(tmp_path, {**VOTED, FILE: ONE_INTRODUCER}, "V102")
    assert diag.message == "'ngo-minh-tri' has 1 introducer(s) at the vote, 2 needed"
