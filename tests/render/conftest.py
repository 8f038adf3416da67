from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from helpers import make_cell  # noqa: E402
from render_fixtures import RICH_CELL  # noqa: E402


@pytest.fixture
def rich_cell(tmp_path: Path) -> Path:
    """The rich test cell, written to a temporary folder."""
    return make_cell(tmp_path / "to-dan-pho-3", RICH_CELL)
