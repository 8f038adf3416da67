"""The registry as a whole: documented checks, each with a passing and a failing test case."""

from __future__ import annotations

import subprocess
import sys
from importlib import import_module
from pathlib import Path

import pytest

from chibo_cli.base.codes import PROBLEM_CODES
from chibo_cli.rules.checks import registry

REPO = Path(__file__).resolve().parents[2]
FAMILIES = ("references", "meetings", "votes", "resolutions", "calendar", "members", "tasks",
            "admission")


def _cases() -> list[tuple[str, list[object]]]:
    cases = []
    for family in FAMILIES:
        module = import_module(f"checks.test_{family}")
        cases.extend((select, expected) for select, _files, expected in module.CASES)
    return cases


OURS = sorted(code for code, spec in registry().items()
              if spec.func.__module__.rsplit(".", 1)[-1] in FAMILIES)


def test_the_families_hold_the_checks() -> None:
    assert len(OURS) >= 26 and {"V001", "V022", "V061"} <= set(OURS)


@pytest.mark.parametrize("code", OURS)
def test_every_check_has_a_passing_and_a_failing_case(code: str) -> None:
    cases = [expected for select, expected in _cases() if select == code]
    assert [] in cases, f"{code} has no passing case"
    assert any(expected for expected in cases), f"{code} has no failing case"


@pytest.mark.parametrize("spec", list(registry().values()), ids=lambda s: s.code)
def test_every_docstring_has_a_summary_and_two_examples(spec) -> None:  # type: ignore[no-untyped-def]
    assert spec.summary.endswith(".")
    assert "Passes:" in spec.doc and "Fails:" in spec.doc
    assert spec.code in spec.doc.split("Fails:", 1)[1]


def test_checks_command_lists_every_code(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("checks")
    assert result.code == 0
    listed = [line.split()[0] for line in result.out.splitlines()]
    assert listed == [p.code for p in PROBLEM_CODES] + sorted(registry())
    assert "V022  resolution-majority" in result.out
    assert "Y001  yaml-syntax" in result.out


def test_checks_command_describes_a_load_problem(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("checks", "y002")
    assert result.code == 0
    assert result.out.startswith("Y002 duplicate-key (error, load)")
    assert "Fails:" in result.out


def test_checks_command_describes_one_check(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("checks", "V022")
    assert result.code == 0
    assert result.out.startswith("V022 resolution-majority (error, default)\n")
    assert "    Fails: denominator 20" in result.out


def test_checks_command_rejects_an_unknown_code(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("checks", "X999")
    assert result.code == 2 and "no check is called X999" in result.err


def test_checks_doc_is_up_to_date() -> None:
    run = subprocess.run([sys.executable, str(REPO / "tools" / "gen_checks_doc.py"), "--check"],
                         capture_output=True, text=True, encoding="utf-8")
    assert run.returncode == 0, run.stderr


def test_validate_rejects_an_unknown_selection_instead_of_passing(cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from helpers import make_cell

    result = cli("validate", make_cell(tmp_path), "--select", "V001,nonsense")
    assert result.code == 2 and "no check is called nonsense" in result.err
