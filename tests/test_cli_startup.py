"""`chibo --help` and `--version` must not pay for the heavy libraries (issue: start-up time)."""

from __future__ import annotations

import subprocess
import sys

import pytest

HEAVY = ("docx", "docxtpl", "pydantic", "jinja2", "lxml", "yaml")


# A subcommand's --help too: typer coerces a group's absent options through pydantic unless the
# command groups (cli/app.py: Group) keep them out of it.
@pytest.mark.parametrize("args", [["--help"], ["--version"], ["validate", "--help"],
                                  ["render", "minutes", "--help"], ["book", "minutes", "-h"],
                                  ["seal", "--help"], ["candidate", "admit",
                                                                       "--help"]])
def test_help_and_version_import_no_heavy_library(args: list[str]) -> None:
    # the entry point leaves with os._exit; here it must come back to list the modules
    code = ("import os, sys, runpy; sys.argv = ['chibo', *sys.argv[1:]]\n"
            "os._exit = sys.exit\n"
            "try:\n    runpy.run_module('chibo_cli', run_name='__main__')\n"
            "except SystemExit:\n    pass\n"
            f"print(sorted(m for m in sys.modules if m.split('.')[0] in {HEAVY!r}))")
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                          check=True)
    assert done.stdout.strip().splitlines()[-1] == "[]", done.stdout[-300:]
