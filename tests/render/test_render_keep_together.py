"""Issue 10.8: a signature block never splits across pages, and ``01-NQ/CB`` never breaks at its
hyphen. LibreOffice lays the documents out; pdftotext reads each page."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from helpers import MEETING, make_cell

from chibo_cli.documents import api, pdf
from chibo_cli.records.loader import load_cell

SIGNER = "Trần Thị Lan"
# one line each at 14 pt; from 10 to 34 of them the page break sweeps through the signature
LENGTHS = range(10, 35)
TARGET = "Vận động hộ gia đình tham gia tổng vệ sinh môi trường khu dân cư số {n}"


def _need(tool: str) -> None:
    if shutil.which(tool) is None:
        if os.environ.get("CI"):
            pytest.fail(f"{tool} is required in CI (.ci/run installs it)")
        pytest.skip(f"{tool} is not installed")


def _resolution(number: int, targets: int) -> str:
    lines = "".join(f"  - {TARGET.format(n=n)}\n" for n in range(targets))
    return (f"meeting: 2025-08-05-regular\nstatus: adopted\nnumber: {number}\n"
            f"date: 2025-08-{number % 28 + 1:02d}\n"
            "title: Nghị quyết sinh hoạt chi bộ tháng 8 năm 2025\n"
            f"assessment: Chi bộ hoàn thành tốt nhiệm vụ.\ntargets:\n{lines}")


def _pages(path: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout
    return [" ".join(page.split()) for page in text.split("\f")]


def _split_signatures(pages: list[str]) -> list[int]:
    """Pages where the signer's name and "T/M CHI BỘ" are not there together, one for one."""
    return [i + 1 for i, page in enumerate(pages) if page.count(SIGNER) != page.count("T/M CHI BỘ")]


def _meeting(index: int, speeches: int) -> tuple[str, str]:
    """A meeting every 20 days from 2025-01-06, all held by now (a later one would be planned
    and left out of the book), with ``speeches`` one-line speeches."""
    day = (dt.date(2025, 1, 6) + dt.timedelta(days=20 * (index - 1))).isoformat()
    said = "".join(f"  - speaker: pham-van-duc\n    gist: Ý kiến số {n} về vệ sinh môi trường\n"
                   for n in range(speeches))
    text = MEETING.replace("2025-08-05", day).replace("2025-08-31", day)
    return f"meetings/{day}-regular.yaml", text.replace("discussion:\n", "discussion:\n" + said)


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Path], Path, Path]:
    _need("soffice")
    _need("pdftotext")
    files: dict[str, str | None] = {"meetings/2025-08-05-regular.yaml": MEETING.replace(
        "tasks:\n  - owner: le-thi-hoa\n", "tasks:\n  - owner: pham-van-duc\n")}
    for index, length in enumerate(LENGTHS, start=1):
        files[f"resolutions/2025-08-05-r{index:02d}.yaml"] = _resolution(index, length)
        name, text = _meeting(index, length + 10)
        files[name] = text
    root = make_cell(tmp_path_factory.mktemp("keep") / "cell", files)
    cell = load_cell(root)
    out = root / "out"
    singles = [api.render_resolution(cell, r, out) for r in cell.resolutions]
    notebook = api.render_resolution_book(cell, out)
    minutes = api.render_minutes_book(cell, out, term="")
    converted = pdf.to_pdf([*singles, notebook, minutes])
    return converted[:-2], converted[-2], converted[-1]


def test_the_signature_stays_on_one_page_in_single_documents(rendered) -> None:  # type: ignore[no-untyped-def]
    singles, _book, _minutes = rendered
    assert max(len(_pages(p)) for p in singles) >= 2  # the sweep does cross a page break
    split = {p.name: _split_signatures(_pages(p)) for p in singles}
    assert not {name: pages for name, pages in split.items() if pages}


def test_the_signature_stays_on_one_page_in_the_notebook(rendered) -> None:  # type: ignore[no-untyped-def]
    _singles, book, _minutes = rendered
    pages = _pages(book)
    assert sum(page.count("T/M CHI BỘ") for page in pages) == len(LENGTHS)
    assert _split_signatures(pages) == []


def test_the_minutes_signatures_stay_on_one_page_in_the_book(rendered) -> None:  # type: ignore[no-untyped-def]
    _singles, _book, minutes = rendered
    pages = _pages(minutes)
    # the recorder's and the chair's names side by side are the signature row's last line
    names = "Lê Thị Hoa Trần Thị Lan"
    assert sum(page.count("CHỦ TRÌ HỘI NGHỊ") for page in pages) == len(LENGTHS) + 1
    assert len(pages) > len(LENGTHS) + 10  # the sweep runs meetings over a page
    split = [i + 1 for i, page in enumerate(pages)
             if page.count("CHỦ TRÌ HỘI NGHỊ") != page.count(names)]
    assert split == []


def test_a_document_number_is_never_broken_at_its_hyphen(rendered) -> None:  # type: ignore[no-untyped-def]
    singles, _book, _minutes = rendered
    first = " ".join(_pages(singles[0]))
    assert "Số 01-NQ/CB" in first or "Số 01‑NQ/CB" in first


def test_the_symbol_hyphen_is_word_s_non_breaking_hyphen(tmp_path: Path) -> None:
    from helpers import ADOPTED_RESOLUTION
    from render_fixtures import docx_text, part

    root = make_cell(tmp_path / "cell", {"resolutions/2025-08-05.yaml": ADOPTED_RESOLUTION})
    cell = load_cell(root)
    written = api.render_resolution(cell, cell.resolutions[0], root / "out")
    xml = part(written)
    assert "Số 01</w:t><w:noBreakHyphen/><w:t xml:space=\"preserve\">NQ/CB" in xml
    assert "01-NQ" not in xml
    assert "Số 01-NQ/CB" in docx_text(written.read_bytes())
