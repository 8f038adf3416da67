"""Ids and output names that try to leave the folder: refused with a message, nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import BRANCH, make_cell

from .test_corpus import tree_state

ESCAPES = [
    (("render", "minutes", "../../x", "-C", "{cell}"), "no meeting '../../x'"),
    (("render", "minutes", "../../x.yaml", "-C", "{cell}"), "does not exist"),
    (("render", "resolution", "../../x", "-C", "{cell}"), "no resolution '../../x'"),
    (("render", "minutes", "../../../../../../etc/passwd", "-C", "{cell}"), "no meeting"),
    (("new-resolution", "../../x", "--cell", "{cell}"), "unknown meeting '../../x'"),
    (("new-resolution", "../../../etc/passwd.yaml", "--cell", "{cell}"), "does not exist"),
    (("new-meeting", "{cell}", "--date", "../../x"), "is not a date"),
    (("new-meeting", "{cell}", "--kind", "../../x"), "unknown meeting kind"),
    (("new-meeting", "{cell}", "--date", "2025-02-31"), "is not a date"),
    (("render", "minutes", "2025-08-05-regular", "-C", "{cell}", "--out",
      "{cell}/meetings/2025-08-05-regular.yaml"), "cannot write in"),
    (("seal", "{cell}", "--amend", "../../x", "--reason", "thử"), "not a sealed record"),
]


@pytest.mark.parametrize(("args", "message"), ESCAPES, ids=[" ".join(a[:3]) for a, _m in ESCAPES])
def test_escape_is_refused_and_nothing_changes(cli, tmp_path: Path, args: tuple[str, ...],
                                               message: str) -> None:
    cell = make_cell(tmp_path / "work" / "cell")
    before = tree_state(tmp_path)
    result = cli(*[a.format(cell=cell) for a in args])
    assert result.code == 2, result.out + result.err
    assert message in result.err and "Traceback" not in result.out + result.err
    assert tree_state(tmp_path) == before


def test_a_term_label_cannot_steer_the_book_out_of_its_folder(cli, tmp_path: Path) -> None:
    cell = make_cell(tmp_path / "cell", {"branch.yaml": BRANCH.replace(
        'label: "2025–2030"', 'label: "../../../thoat-ra"')})
    result = cli("book", "minutes", cell, "--term")
    assert result.code == 0, result.err
    written = [p for p in tmp_path.rglob("*.docx")]
    assert len(written) == 1 and written[0].parent == cell / "out"
    assert "thoat-ra" in written[0].name
