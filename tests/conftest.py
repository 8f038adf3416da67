from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest

sys.path.insert(0, str(Path(__file__).parent))

REPO = Path(__file__).resolve().parent.parent


@dataclass
class CliResult:
    code: int
    out: str
    err: str


@pytest.fixture(autouse=True)
def english_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    """chibo speaks Vietnamese unless told otherwise; tests read its English, and a test of the
    Vietnamese sets CHIBO_LANG=vi itself (subprocesses inherit the variable)."""
    monkeypatch.setenv("CHIBO_LANG", "en")


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
        ) -> Callable[..., CliResult]:
    """Run chibo in-process; returns exit status, stdout and stderr together."""
    from chibo_cli.cli import run

    monkeypatch.setenv("CHIBO_LANG", "en")
    monkeypatch.delenv("CHIBO_TRACEBACK", raising=False)

    def invoke(*args: str | Path) -> CliResult:
        capsys.readouterr()
        code = run([str(a) for a in args])
        captured = capsys.readouterr()
        return CliResult(int(code), captured.out, captured.err)

    return invoke
