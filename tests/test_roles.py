from __future__ import annotations

from pathlib import Path

import pytest
from helpers import BRANCH, make_cell

from chibo_cli.authoring.roles import assign_role
from chibo_cli.base.errors import ChiboError
from chibo_cli.records.loader import load_cell

EMPTY_ROLES = BRANCH.replace("  secretary: tran-thi-lan\n  deputy: pham-van-duc\n",
                             "  secretary:        # bí thư\n  deputy:\n")


def test_fills_only_the_role_line_and_keeps_the_comment(tmp_path: Path) -> None:
    make_cell(tmp_path, {"branch.yaml": EMPTY_ROLES})
    before = (tmp_path / "branch.yaml").read_text(encoding="utf-8")
    assign_role(tmp_path, "secretary", "tran-thi-lan")
    assign_role(tmp_path, "deputy", "pham-van-duc")
    after = (tmp_path / "branch.yaml").read_text(encoding="utf-8")
    assert after == before.replace("  secretary:        # bí thư\n",
                                   "  secretary: tran-thi-lan  # bí thư\n").replace(
        "  deputy:\n", "  deputy: pham-van-duc\n")
    branch = load_cell(tmp_path).branch
    assert branch is not None and branch.committee.secretary == "tran-thi-lan"


@pytest.mark.parametrize(("role", "message"), [("secretary", "already names 'tran-thi-lan'"),
                                               ("chairman", "unknown role")])
def test_refuses_a_taken_or_unknown_role(tmp_path: Path, role: str, message: str) -> None:
    make_cell(tmp_path)
    before = (tmp_path / "branch.yaml").read_bytes()
    with pytest.raises(ChiboError, match=message):
        assign_role(tmp_path, role, "le-thi-hoa")
    assert (tmp_path / "branch.yaml").read_bytes() == before


def test_member_add_with_a_taken_role_adds_nobody(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    make_cell(tmp_path)
    before = (tmp_path / "members.yaml").read_bytes()
    result = cli("member", "add", tmp_path, "--name", "Đặng Văn Đông", "--gender", "nam",
                 "--born", "1980-01-01", "--admitted", "2005-01-01", "--role", "secretary")
    assert result.code == 2 and "already names" in result.err
    assert (tmp_path / "members.yaml").read_bytes() == before
