"""PDF through LibreOffice headless: one soffice process converts a whole batch."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path
from typing import Optional, Sequence

from ..base.atomic import write_bytes_atomic
from ..base.errors import ChiboError
from ..base.i18n import _

PACKAGE = "libreoffice-writer-nogui"
_CANDIDATES = ("soffice", "libreoffice",
               "/Applications/LibreOffice.app/Contents/MacOS/soffice",
               r"C:\Program Files\LibreOffice\program\soffice.exe")
TIMEOUT_S = 600


def find_soffice() -> Optional[str]:
    for candidate in _CANDIDATES:
        found = shutil.which(candidate) or (candidate if Path(candidate).is_file() else None)
        if found:
            return found
    return None


def require_soffice() -> str:
    """The LibreOffice program, or a clear error (exit 2). Commands with ``--pdf`` call it before
    writing anything, so a missing LibreOffice never leaves a new .docx beside an old .pdf."""
    soffice = find_soffice()
    if soffice is None:
        raise ChiboError(_("LibreOffice is needed for --pdf but was not found"),
                         _("install it: 'sudo apt-get install {package}' on Debian or Ubuntu, or "
                           "from https://www.libreoffice.org", package=PACKAGE))
    return soffice


def to_pdf(documents: Sequence[Path], force: bool = False) -> list[Path]:
    """Convert each DOCX to a PDF beside it; raise a clear error when LibreOffice is missing."""
    if not documents:
        return []
    soffice = require_soffice()
    with tempfile.TemporaryDirectory(prefix="chibo-pdf-", ignore_cleanup_errors=True) as tmp:
        work = Path(tmp)
        _run(soffice, documents, work)
        return [_collect(doc, work, force) for doc in documents]


def _run(soffice: str, documents: Sequence[Path], work: Path) -> None:
    # A private profile: a LibreOffice window the user has open must not swallow the job.
    profile = (work / "profile").as_uri()
    command = [soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore",
               "--convert-to", "pdf", "--outdir", str(work / "pdf"),
               *[str(d.resolve()) for d in documents]]
    try:
        # Its own session, so that on Ctrl-C or a timeout the whole group (the launcher and
        # soffice.bin) is stopped before the temporary profile is removed.
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                   text=True, start_new_session=True)
    except OSError as exc:
        raise ChiboError(_("LibreOffice failed: {error}", error=exc)) from None
    try:
        out, err = process.communicate(timeout=TIMEOUT_S)
    except subprocess.TimeoutExpired as exc:
        raise ChiboError(_("LibreOffice failed: {error}", error=exc)) from None
    finally:
        _stop_group(process)
    if process.returncode != 0:
        raise ChiboError(_("LibreOffice failed: {error}", error=(err or out).strip()[-500:]))


def _stop_group(process: "subprocess.Popen[str]") -> None:
    """Kill whatever of LibreOffice still runs (nothing, after a normal exit)."""
    try:
        if os.name == "posix":
            os.killpg(process.pid, signal.SIGKILL)
        else:
            process.kill()
    except (ProcessLookupError, PermissionError):
        pass
    process.wait()


def _collect(document: Path, work: Path, force: bool) -> Path:
    produced = work / "pdf" / f"{document.stem}.pdf"
    if not produced.is_file():
        raise ChiboError(_("LibreOffice did not convert {path}", path=document))
    target = document.with_suffix(".pdf")
    write_bytes_atomic(target, produced.read_bytes(), overwrite=force)
    return target
