"""Where templates come from: ``--templates DIR``, the cell's ``templates/``, the user's config
folder, then the built-in ones shipped with chibo."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Optional

from ..base.atomic import write_bytes_atomic
from ..base.errors import ChiboError
from ..base.i18n import _

NAMES = {
    "minutes-regular": "Minutes of a regular meeting (biên bản sinh hoạt thường kỳ)",
    "minutes-thematic": "Minutes of a thematic meeting (biên bản sinh hoạt chuyên đề)",
    "resolution": "A resolution (nghị quyết), with DỰ THẢO while it is a draft",
    "conclusion": "A conclusion (kết luận, KL), with DỰ THẢO while it is a draft",
    "minutes-book": "The minutes book (sổ biên bản) for a year or a term",
    "resolution-book": "The resolution notebook (sổ nghị quyết) for a term",
    "rating-list": "The list proposing each member's year-end level (danh sách đề nghị xếp loại)",
    "rating-minutes": "Minutes of the year-end review and rating meeting (biên bản kiểm điểm)",
    "report": "A report on the cells' meetings (báo cáo tình hình sinh hoạt chi bộ)",
}
SUFFIX = ".docx"


@dataclass(frozen=True)
class Found:
    name: str
    path: Path
    origin: str  # "--templates", "cell", "user", "built-in"


def builtin_dir() -> Path:
    """The built-in templates: ``chibo_cli/templates`` in a wheel, ``templates/`` in a checkout."""
    packaged = Path(str(resources.files("chibo_cli"))) / "templates"
    if (packaged / f"resolution{SUFFIX}").is_file():
        return packaged
    return Path(__file__).resolve().parents[3] / "templates"


def user_dir() -> Path:
    """The user's own templates, shared by every cell on this computer."""
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    return base / "chibo" / "templates"


def search_path(cell_root: Optional[Path], override: Optional[Path]) -> list[tuple[str, Path]]:
    places: list[tuple[str, Path]] = []
    if override is not None:
        places.append(("--templates", override))
    if cell_root is not None:
        places.append(("cell", cell_root / "templates"))
    places.append(("user", user_dir()))
    places.append(("built-in", builtin_dir()))
    return places


def find(name: str, cell_root: Optional[Path] = None, override: Optional[Path] = None) -> Found:
    """The template ``name`` from the first place that has it."""
    if name not in NAMES:
        raise ChiboError(_("unknown template '{name}'", name=name),
                         _("'chibo templates list' shows the templates"))
    if override is not None and not override.is_dir():
        raise ChiboError(_("{path} is not a folder", path=override))
    for origin, folder in search_path(cell_root, override):
        path = folder / f"{name}{SUFFIX}"
        if path.is_file():
            return Found(name, path, origin)
    raise ChiboError(_("template '{name}' not found; the installation is incomplete", name=name),
                     _("reinstall chibo"))


def listing(cell_root: Optional[Path] = None, override: Optional[Path] = None) -> list[Found]:
    return [find(name, cell_root, override) for name in NAMES]


def copy(name: str, cell_root: Path, force: bool = False) -> Path:
    """Copy the built-in template ``name`` into the cell's ``templates/`` to edit in Word."""
    if name not in NAMES:
        find(name)  # raises the usual "unknown template" error
    source = builtin_dir() / f"{name}{SUFFIX}"  # always chibo's own, never an older local copy
    target = cell_root / "templates" / f"{name}{SUFFIX}"
    write_bytes_atomic(target, source.read_bytes(), overwrite=force)
    return target
