"""PDF through LibreOffice headless: a batch is shared among one soffice process per core."""

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


def to_pdf(documents: Sequence[Path], force: bool = False,
           workers: Optional[int] = None) -> list[Path]:
    """Convert each DOCX to a PDF beside it; raise a clear error when LibreOffice is missing.

    The documents are shared among ``workers`` LibreOffice processes (one per core by default),
    each with its own profile, started once for its whole share.
    """
    if not documents:
        return []
    soffice = require_soffice()
    with tempfile.TemporaryDirectory(prefix="chibo-pdf-", ignore_cleanup_errors=True) as tmp:
        work = Path(tmp)
        count = _workers(workers, len(documents))
        shares = [list(range(len(documents)))[k::count] for k in range(count)]
        inputs = [_stage(documents[i], i, work / "in") for i in range(len(documents))]
        _run_all(soffice, [[inputs[i] for i in share] for share in shares], work)
        return [_collect(doc, work / "pdf" / f"{inputs[i].stem}.pdf", force)
                for i, doc in enumerate(documents)]


def _workers(requested: Optional[int], documents: int) -> int:
    if requested is None:
        affinity = getattr(os, "sched_getaffinity", None)
        requested = len(affinity(0)) if affinity else (os.cpu_count() or 1)
    return max(1, min(requested, documents))


def _stage(document: Path, index: int, folder: Path) -> Path:
    """The document under a name no other document of the batch has: LibreOffice names each PDF
    after its input, and the books of a committee's cells all share their names."""
    folder.mkdir(parents=True, exist_ok=True)
    staged = folder / f"{index:05d}-{document.name}"
    try:
        staged.symlink_to(document.resolve())
    except OSError:  # no symbolic links here (some Windows accounts): a copy does as well
        shutil.copyfile(document, staged)
    return staged


def _run_all(soffice: str, shares: list[list[Path]], work: Path) -> None:
    """Start one LibreOffice per share at once, then wait for all of them."""
    processes: list["subprocess.Popen[str]"] = []
    try:
        for number, share in enumerate(shares):
            processes.append(_start(soffice, share, work, number))
        failures = [_wait(process) for process in processes]
    finally:
        for process in processes:
            _stop_group(process)
    failed = next((f for f in failures if f), "")
    if failed:
        raise ChiboError(_("LibreOffice failed: {error}", error=failed))


def _start(soffice: str, documents: Sequence[Path], work: Path,
           number: int) -> "subprocess.Popen[str]":
    # A private profile: a LibreOffice window the user has open must not swallow the job, and
    # two LibreOffice processes cannot share one.
    profile = (work / f"profile-{number}").as_uri()
    command = [soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore",
               "--convert-to", "pdf", "--outdir", str(work / "pdf"),
               *[str(d) for d in documents]]
    try:
        # Its own session, so that on Ctrl-C or a timeout the whole group (the launcher and
        # soffice.bin) is stopped before the temporary profile is removed.
        return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                text=True, start_new_session=True)
    except OSError as exc:
        raise ChiboError(_("LibreOffice failed: {error}", error=exc)) from None


def _wait(process: "subprocess.Popen[str]") -> str:
    """"" when the process converted its share, else what it said."""
    try:
        out, err = process.communicate(timeout=TIMEOUT_S)
    except subprocess.TimeoutExpired as exc:
        raise ChiboError(_("LibreOffice failed: {error}", error=exc)) from None
    if process.returncode != 0:
        return (err or out).strip()[-500:] or str(process.returncode)
    return ""


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


def _collect(document: Path, produced: Path, force: bool) -> Path:
    if not produced.is_file():
        raise ChiboError(_("LibreOffice did not convert {path}", path=document))
    target = document.with_suffix(".pdf")
    write_bytes_atomic(target, produced.read_bytes(), overwrite=force)
    return target
