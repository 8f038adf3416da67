"""The built-in templates ship in the wheel, and a non-editable install renders with them."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

import pytest

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    tomllib = pytest.importorskip("tomli")

REPO = Path(__file__).resolve().parents[2]


def test_every_package_is_listed_in_pyproject() -> None:
    config = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"]
    found = {".".join(p.parent.relative_to(REPO / "src").parts)
             for p in (REPO / "src").rglob("__init__.py")}
    assert set(config["packages"]) == found | {"chibo_cli.templates"}
    assert config["package-dir"]["chibo_cli.templates"] == "templates"


def _online() -> bool:
    try:
        socket.create_connection(("pypi.org", 443), timeout=3).close()
        return True
    except OSError:
        return False


def test_wheel_install_renders_with_builtin_templates(tmp_path: Path, rich_cell: Path) -> None:
    if not _online():
        pytest.skip("offline: the fresh environment needs chibo's dependencies from PyPI")
    run = _runner(tmp_path)
    run(sys.executable, "-m", "pip", "wheel", str(REPO), "-w", str(tmp_path / "w"), "--no-deps",
        "-q")
    wheel = next((tmp_path / "w").glob("chibo-*.whl"))
    run(sys.executable, "-m", "venv", str(tmp_path / "venv"))
    bin_dir = tmp_path / "venv" / ("Scripts" if sys.platform == "win32" else "bin")
    run(str(bin_dir / "python"), "-m", "pip", "install", "-q", str(wheel))
    listed = run(str(bin_dir / "chibo"), "templates", "list")
    assert str(tmp_path / "venv") in listed and "built-in" in listed
    out = run(str(bin_dir / "chibo"), "book", "minutes", str(rich_cell), "--out",
              str(tmp_path / "out"))
    assert (tmp_path / out.strip()).is_file()  # printed relative to where chibo ran


def _runner(tmp_path: Path):  # type: ignore[no-untyped-def]
    def run(*args: str) -> str:
        done = subprocess.run(args, capture_output=True, text=True, cwd=tmp_path, timeout=600)
        assert done.returncode == 0, done.stderr
        return done.stdout
    return run
