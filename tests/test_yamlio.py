from __future__ import annotations

from pathlib import Path

import pytest

from chibo_cli.records.yamlio import read_yaml


def _read(tmp_path: Path, content: bytes | str):
    path = tmp_path / "x.yaml"
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return read_yaml(path, "x.yaml")


def test_scalars_stay_strings_so_yaml11_surprises_do_not_happen(tmp_path: Path) -> None:
    doc = _read(tmp_path, "start: 19:30\ncode: 010\nok: no\ncard: 12.034567\nempty:\n")
    assert doc.data == {"start": "19:30", "code": "010", "ok": "no", "card": "12.034567",
                        "empty": None}


def test_marks_point_at_keys_and_items(tmp_path: Path) -> None:
    doc = _read(tmp_path, "a: 1\nlist:\n  - x: 1\n    y: 2\n")
    assert doc.marks[("list", 0, "y")] == (4, 5)
    assert str(doc.location(("list", 0, "zzz"))) == "x.yaml:3:5"


def test_text_is_normalised_to_nfc(tmp_path: Path) -> None:
    doc = _read(tmp_path, "name: Tha\u0309o\n")  # NFD: a + combining hook above
    assert doc.data == {"name": "Thảo"}


@pytest.mark.parametrize(
    ("content", "code", "line"),
    [
        ("a: 1\na: 2\n", "Y002", 2),
        ("a: !!python/object:os.system x\n", "Y003", 1),
        ("a: [1, 2\n", "Y001", 2),
        ("", "Y006", 1),
        ("# only a comment\n", "Y006", 1),
        (b"\xff\xfea\x00:\x00", "Y005", 1),
        (b"name: Tr\xe2\xa7n\n", "Y005", 1),
        (b"\x00\x01\x02binary", "Y007", 1),
        ("a: &a [x, x, x, x, x, x, x, x, x, x]\n"
         "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
         "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
         "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
         "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n"
         "f: [*e, *e, *e, *e, *e, *e, *e, *e]\n", "Y004", None),
        ("a: " + "[" * 100 + "]" * 100 + "\n", "Y004", None),
    ],
)
def test_bad_input_is_a_diagnostic(tmp_path: Path, content: bytes | str, code: str,
                                   line: int | None) -> None:
    doc = _read(tmp_path, content)
    assert [d.code for d in doc.diagnostics] == [code]
    if line is not None:
        assert doc.diagnostics[0].location.line == line


def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    doc = _read(tmp_path, b"\xef\xbb\xbfname: L\xc3\xaa\n")
    assert doc.ok and doc.data == {"name": "Lê"}
