"""The ``chibo`` entry point. ``--version`` answers before typer is imported: the one question
asked often enough, in scripts, for start-up time to matter more than the command line's shape."""

from __future__ import annotations

import sys


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        from . import __version__

        sys.stdout.write(f"chibo {__version__}\n")
        sys.exit(0)
    from .cli import main as cli_main

    cli_main()
