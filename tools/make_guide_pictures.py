"""Render the bundled example's documents to PNG pictures for the secretaries' guide.

Usage:
    python tools/make_guide_pictures.py              # into docs/images/
    python tools/make_guide_pictures.py --out DIR    # elsewhere (the test compares the two)

Each document of ``DOCUMENTS`` is rendered by chibo itself (``chibo render … --pdf``, so
LibreOffice is needed), and each PDF page becomes ``<name>-<page>.png`` at 60 dpi with
``pdftoppm`` (poppler-utils). Pages are numbered without padding, so a guide links
``images/bien-ban-1.png`` whatever the page count. Only this script's own pictures are replaced:
other pictures in the folder (a screenshot, a chart) are left alone.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CELL = REPO / "examples" / "dang-bo-phuong-an-binh" / "chi-bo-to-dan-pho-5"
IMAGES = REPO / "docs" / "images"
DPI = 60

# picture name → (chibo render arguments, the file chibo writes)
DOCUMENTS = {
    "bien-ban": (["render", "minutes", "2025-08-05-regular"], "bien-ban-2025-08-05-regular.pdf"),
    "nghi-quyet": (["render", "resolution", "2025-08-05-regular"],
                   "nghi-quyet-2025-08-05-regular.pdf"),
}


def _chibo(*args: str) -> None:
    command = [sys.executable, "-c", "from chibo_cli.cli import main; main()", *args]
    subprocess.run(command, check=True, capture_output=True, text=True)


def render_pdfs(work: Path) -> dict[str, Path]:
    """Each document of ``DOCUMENTS`` as a PDF in ``work``."""
    pdfs: dict[str, Path] = {}
    for name, (args, produced) in DOCUMENTS.items():
        _chibo(*args, "-C", str(CELL), "--out", str(work), "--pdf", "--force")
        pdfs[name] = work / produced
    return pdfs


def pictures(out: Path) -> list[Path]:
    """Write the pictures into ``out``; the list of files written."""
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="chibo-guide-") as work:
        for name, pdf in render_pdfs(Path(work)).items():
            for old in out.glob(f"{name}-*.png"):
                old.unlink()
            pages = Path(work) / name
            subprocess.run(["pdftoppm", "-png", "-r", str(DPI), str(pdf), str(pages)],
                           check=True, capture_output=True)
            for page in sorted(Path(work).glob(f"{name}-*.png")):
                number = int(page.stem.rsplit("-", 1)[1])  # pdftoppm pads: -01 for 10+ pages
                target = out / f"{name}-{number}.png"
                shutil.move(str(page), target)
                written.append(target)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=IMAGES)
    for path in pictures(parser.parse_args().out):
        print(path.relative_to(REPO) if path.is_relative_to(REPO) else path)


if __name__ == "__main__":
    main()
