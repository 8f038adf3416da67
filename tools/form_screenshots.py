"""Write the screenshots of 'chibo record' in docs/images/ (SVG, Textual's own export).

Usage: python tools/form_screenshots.py
The form is opened headless at 80×24, in Vietnamese, on a copy of the example cell's October
2025 meeting, one screenshot per tab shown in README.md and docs/huong-dan.md (section 9).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import shutil
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "examples" / "dang-bo-phuong-an-binh"
IMAGES = REPO / "docs" / "images"
MEETING = "2025-10-07-regular"
TABS = ("attendance", "content", "vote")


async def _shoot(root: Path) -> None:
    from chibo_cli.form.app import open_form
    from chibo_cli.form.session import open_meeting

    session, _created = open_meeting(MEETING, root, dt.date(2025, 10, 7))
    app = open_form(session, clock=lambda: dt.datetime(2025, 10, 7, 21, 5))
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        for name in TABS:
            await pilot.click(f"#tabs Tab#--content-tab-tab-{name}")
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            app.save_screenshot(filename=f"record-{name}.svg", path=str(IMAGES))
            print(IMAGES / f"record-{name}.svg")


def main() -> None:
    os.environ["CHIBO_LANG"] = "vi"
    IMAGES.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        copy = shutil.copytree(EXAMPLE, Path(folder) / "committee")
        asyncio.run(_shoot(copy / "chi-bo-to-dan-pho-5"))


if __name__ == "__main__":
    main()
