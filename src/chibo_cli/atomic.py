"""Atomic writes: a temp file in the same folder, fsync, then os.replace — never a half file."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .errors import ChiboError
from .i18n import _


def write_bytes_atomic(path: Path, data: bytes, overwrite: bool = False) -> None:
    """Write ``data`` to ``path`` so readers see the old file or the whole new one, never half."""
    if path.exists() and not overwrite:
        raise ChiboError(_("{path} exists; not overwritten", path=path),
                         _("use --force to replace it"))
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise ChiboError(_("cannot write in {folder}: {error}", folder=folder,
                           error=exc.strerror or exc)) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if not overwrite and path.exists():
            raise ChiboError(_("{path} exists; not overwritten", path=path))
        os.replace(tmp, path)
    except BaseException:
        _remove_quietly(tmp)
        raise
    _fsync_folder(folder)


def write_text_atomic(path: Path, text: str, overwrite: bool = False) -> None:
    write_bytes_atomic(path, text.encode("utf-8"), overwrite)


def _remove_quietly(tmp: str) -> None:
    try:
        os.unlink(tmp)
    except OSError:
        pass


def _fsync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
