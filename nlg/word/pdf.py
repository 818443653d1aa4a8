"""Convert Word drafts to tagged (accessible) PDF with LibreOffice (or Word: nlg.word.pdf_word).

LibreOffice runs headless with a private, throw-away profile, so a conversion
works while the user has LibreOffice open and leaves their settings alone. The
PDF is written beside the .docx in one step (temporary file, then rename).

Errors are :class:`~nlg.errors.OutputError` with codes E520 (LibreOffice not
found), E521 (conversion failed), E522 (timed out).
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from nlg.errors import OutputError, error
from nlg.word import save as docx_io

NAMES = ("soffice", "libreoffice")
#: Where installers put LibreOffice when it is not on PATH.
INSTALL_DIRS = (
    Path("C:/Program Files/LibreOffice/program"),
    Path("C:/Program Files (x86)/LibreOffice/program"),
    Path("/Applications/LibreOffice.app/Contents/MacOS"),
    Path("/opt/libreoffice/program"),
    Path("/usr/lib/libreoffice/program"),
    Path("/snap/bin"),
)
#: PDF export options: tagged structure, document title shown, no comments printed.
EXPORT_OPTIONS = {"UseTaggedPDF": True, "ExportNotes": False, "ExportNotesPages": False,
                  "DisplayPDFDocumentTitle": True, "ExportBookmarks": True}
TIMEOUT = 180  # seconds, for one LibreOffice run
_INSTALL_HINT = ("install LibreOffice (https://www.libreoffice.org/download/); on Windows or macOS "
                 "with Microsoft Word, pip install docx2pdf lets Word convert them; or save the "
                 ".docx as PDF from Word (File > Save As > PDF, 'Document structure tags "
                 "for accessibility' ticked)")


def find_soffice(*, search: Sequence[Path] = INSTALL_DIRS) -> Path | None:
    """Return the LibreOffice program on PATH or in a usual install folder, else None."""
    for name in NAMES:
        found = shutil.which(name)
        if found:
            return Path(found)
    suffix = ".exe" if sys.platform == "win32" else ""
    for folder in search:
        for name in NAMES:
            candidate = folder / f"{name}{suffix}"
            if candidate.is_file() and os.access(candidate, os.X_OK):
                return candidate
    return None


def filter_spec(options: dict[str, bool] = EXPORT_OPTIONS) -> str:
    """Return the ``--convert-to`` argument: the PDF filter with JSON options (LibreOffice ≥ 7.4).

    >>> filter_spec({"UseTaggedPDF": True})
    'pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"}}'
    """
    typed = {key: {"type": "boolean", "value": "true" if value else "false"}
             for key, value in options.items()}
    return "pdf:writer_pdf_Export:" + json.dumps(typed, separators=(",", ":"))


def to_pdf(docx_path: str | Path, *, soffice: Path | None = None,
           timeout: float = TIMEOUT) -> Path:
    """Return the tagged PDF written beside ``docx_path`` (same name, .pdf)."""
    return to_pdfs([docx_path], soffice=soffice, timeout=timeout)[0]


def to_pdfs(docx_paths: Sequence[str | Path], *, soffice: Path | None = None,
            timeout: float = TIMEOUT) -> list[Path]:
    """Return the PDFs written beside each .docx, converted in a single LibreOffice run.

    On Windows and macOS, Microsoft Word converts them when it is installed with docx2pdf
    (:mod:`nlg.word.pdf_word`); LibreOffice is used otherwise, or when Word fails.
    """
    sources = [Path(p).resolve() for p in docx_paths]
    if soffice is None and all(s.is_file() for s in sources):
        from nlg.word import pdf_word

        if pdf_word.available():
            try:
                return pdf_word.convert(sources)
            except pdf_word.WordFailed:
                pass                   # LibreOffice below; its own errors name what is wrong
    if len({s.stem for s in sources}) < len(sources):  # LibreOffice names outputs by stem
        return [to_pdf(s, soffice=soffice, timeout=timeout) for s in sources]
    for source in sources:
        if not source.is_file():
            raise OutputError(problems=[error("E523", file=str(source))])
    program = soffice or find_soffice()
    if program is None:
        raise OutputError(problems=[error(
            "E520", file=str(sources[0]) if sources else None, hint=_INSTALL_HINT)])
    with tempfile.TemporaryDirectory(prefix="sitrep-pdf-") as work:
        folder = Path(work)
        _run(_command(program, folder, sources), sources, timeout)
        return [_move(folder / f"{s.stem}.pdf", s.with_suffix(".pdf")) for s in sources]


def _command(program: Path, folder: Path, sources: list[Path]) -> list[str]:
    """Return the LibreOffice command line converting ``sources`` into ``folder``."""
    profile = (folder / "profile").as_uri()
    return [str(program), f"-env:UserInstallation={profile}", "--headless", "--invisible",
            "--norestore", "--nologo", "--nodefault", "--nolockcheck",
            "--convert-to", filter_spec(), "--outdir", str(folder), *map(str, sources)]


def _run(command: list[str], sources: list[Path], timeout: float) -> None:
    """Return after running LibreOffice; raise OutputError when it fails or hangs."""
    new_group = {"start_new_session": True} if os.name == "posix" else {}
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               stdin=subprocess.DEVNULL, **new_group)
    try:
        out, err = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        _kill(process)
        raise OutputError(problems=[error(
            "E522", f"LibreOffice did not finish within {timeout:g} s; no PDF was written",
            file=str(sources[0]), hint="try again; if it hangs again, open the .docx in "
            "LibreOffice or Word and export it as PDF by hand")]) from None
    folder = Path(command[command.index("--outdir") + 1])
    missing = [s for s in sources if not (folder / f"{s.stem}.pdf").is_file()]
    if process.returncode or missing:
        detail = _last_line(err) or _last_line(out) or f"exit code {process.returncode}"
        raise OutputError(problems=[error(
            "E521", f"LibreOffice could not convert the document to PDF ({detail})",
            file=str(s), hint="open the .docx in LibreOffice to see whether it is damaged, "
            "or export it as PDF by hand") for s in (missing or sources)])


def _kill(process: subprocess.Popen) -> None:
    """Return after stopping LibreOffice and the processes it started."""
    if os.name == "posix":
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    else:
        process.kill()
    process.communicate()


def _last_line(blob: bytes) -> str:
    """Return the last non-empty line of a program's output that is not a Java warning."""
    lines = [ln.strip() for ln in blob.decode("utf-8", "replace").splitlines()]
    useful = [ln for ln in lines if ln and "javaldx" not in ln]
    return useful[-1] if useful else ""


def _move(made: Path, target: Path) -> Path:
    """Return ``target`` after putting the converted PDF there in one step."""
    docx_io.write_atomic(target, made.read_bytes())
    return target
