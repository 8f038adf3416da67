"""The ``chibo`` entry point.

``--version`` answers before typer is imported: it is asked often enough, in scripts, for start-up
time to matter. A Ctrl-C while the modules are still importing exits 130 without a traceback; once
they are loaded, the command line's own boundary takes over (it lets atomic writes clean up).
"""

from __future__ import annotations

import os
import signal
import sys
from types import FrameType
from typing import Optional


def _interrupted_while_starting(signum: int, frame: Optional[FrameType]) -> None:
    sys.stderr.write("interrupted\n")
    os._exit(130)  # nothing has been written yet, so there is nothing to clean up


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        from . import __version__

        sys.stdout.write(f"chibo {__version__}\n")
        sys.exit(0)
    previous = signal.signal(signal.SIGINT, _interrupted_while_starting)
    from .cli import main as cli_main

    signal.signal(signal.SIGINT, previous)
    cli_main()
