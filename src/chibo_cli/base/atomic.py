"""Atomic writes: a temp file in the same folder, fsync, then os.replace — never a half file.

A crash (power cut, SIGKILL) leaves either the old file or the new one under the final name; at
worst a hidden ``.<name>.<random>.tmp`` stays behind, which the loader never reads.
"""

from __future__ import annotations

import errno
import os
import tempfile
import time
from pathlib import Path

from .errors import ChiboError
from .i18n import _


def write_bytes_atomic(path: Path, data: bytes, overwrite: bool = False,
                       durable: bool = True) -> None:
    """Write ``data`` to ``path`` so readers see the old file or the whole new one, never half.

    ``durable=False`` skips the fsyncs, for files that may be lost in a crash (a cache): still
    never half written, but about a millisecond cheaper per file.
    """
    if (path.exists() or path.is_symlink()) and not overwrite:
        raise _exists(path)
    _refuse_read_only(path)
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise cannot_write_in(folder, exc) from None
    try:
        (_fill if durable else _fill_unsynced)(fd, data, _mode_for(path))
        if durable:  # the findings cache is a convenience, not a record: tests pause records
            _pause_for_tests(tmp)
        _publish(tmp, path, overwrite)
    except BaseException as exc:
        _remove_quietly(tmp)
        if isinstance(exc, OSError):
            raise _cannot_write(path, exc) from None
        raise
    if durable:
        _fsync_folder(folder)


# Tests only (tests/trust/test_kill.py): the moment between the finished temp file and the rename
# is too short to hit with a signal by timing. With this variable naming a file, each write creates
# that file and waits until the test removes it (or a minute passes), so the signal lands there.
PAUSE_ENV = "CHIBO_TEST_PAUSE_BEFORE_RENAME"
_PAUSE_LIMIT_S = 60.0


def _pause_for_tests(tmp: str) -> None:
    flag = os.environ.get(PAUSE_ENV)
    if not flag:
        return
    Path(flag).write_text(tmp, encoding="utf-8")
    waited = 0.0
    while os.path.exists(flag) and waited < _PAUSE_LIMIT_S:
        time.sleep(0.01)
        waited += 0.01


def _refuse_read_only(path: Path) -> None:
    """A file the user marked read-only stays as it is: renaming over it would ignore the mark
    (and root ignores it anyway), so look at the mode bits themselves."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return
    if not mode & 0o222:
        raise ChiboError(_("{path} is read-only; not changed", path=path),
                         _("make it writable first if it really should change"))


def write_text_atomic(path: Path, text: str, overwrite: bool = False) -> None:
    write_bytes_atomic(path, text.encode("utf-8"), overwrite)


def _fill(fd: int, data: bytes, mode: int) -> None:
    _write(fd, data, mode, sync=True)


def _fill_unsynced(fd: int, data: bytes, mode: int) -> None:
    _write(fd, data, mode, sync=False)


def _write(fd: int, data: bytes, mode: int, sync: bool) -> None:
    with os.fdopen(fd, "wb") as handle:
        if hasattr(os, "fchmod"):
            os.fchmod(handle.fileno(), mode)  # mkstemp makes 0600; documents are shared files
        handle.write(data)
        handle.flush()
        if sync:
            os.fsync(handle.fileno())


def _publish(tmp: str, path: Path, overwrite: bool) -> None:
    """Move the finished temp file to its name; without ``overwrite`` never clobber a file."""
    if overwrite:
        os.replace(tmp, path)
        return
    try:
        os.link(tmp, path)  # fails atomically if ``path`` appeared meanwhile
    except FileExistsError:
        raise _exists(path) from None
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV,
                             errno.EMLINK, errno.ENOSYS):
            raise
        # No hard links here (FAT or exFAT memory sticks, some network shares): check, then move.
        if path.exists():
            raise _exists(path) from None
        os.replace(tmp, path)
        return
    _remove_quietly(tmp)


def _mode_for(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


def _exists(path: Path) -> ChiboError:
    return ChiboError(_("{path} exists; not overwritten", path=path),
                      _("use --force to replace it"))


def cannot_write_in(folder: Path, exc: OSError) -> ChiboError:
    """The error for a folder that cannot be created or written in."""
    return ChiboError(_("cannot write in {folder}: {error}", folder=folder,
                        error=exc.strerror or exc))


def _cannot_write(path: Path, exc: OSError) -> ChiboError:
    hint = ""
    if isinstance(exc, PermissionError):
        hint = _("is the file open in Word, or the folder read-only?")
    elif exc.errno == errno.ENOSPC:
        hint = _("the disk is full")
    return ChiboError(_("cannot write {path}: {error}", path=path, error=exc.strerror or exc),
                      hint)


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
