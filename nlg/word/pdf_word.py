"""PDF through Microsoft Word (Windows, macOS) with docx2pdf, when both are there.

:func:`nlg.word.pdf.to_pdfs` uses Word when :func:`available` says so, and LibreOffice
otherwise (or when Word fails). Word prints comments into a PDF, so a copy of each
draft without its review comments is converted; the PDF is then put beside the .docx in
one step. docx2pdf (``pip install docx2pdf``, the ``word`` extra) is imported only here,
only when used.
"""
from __future__ import annotations

import importlib.util
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from nlg.word import save as docx_io

#: Where Word lives on a Mac; on Windows, Word registers the "Word.Application" COM class.
MAC_WORD = Path("/Applications/Microsoft Word.app")


class WordFailed(RuntimeError):
    """Word could not convert a document (the caller falls back to LibreOffice)."""


def word_installed(platform: str = sys.platform) -> bool:
    """Return whether Microsoft Word is installed (Windows registry, or the macOS app)."""
    if platform == "darwin":
        return MAC_WORD.is_dir()
    if platform == "win32":
        try:
            import winreg

            winreg.CloseKey(winreg.OpenKey(winreg.HKEY_CLASSES_ROOT, r"Word.Application\CLSID"))
            return True
        except OSError:
            return False
    return False


def available(platform: str = sys.platform) -> bool:
    """Return whether drafts can be converted with Word: Windows or macOS, docx2pdf, Word."""
    if os.environ.get("SITREP_PDF") == "libreoffice":      # a user's choice (and the tests')
        return False
    return (platform in ("win32", "darwin") and importlib.util.find_spec("docx2pdf") is not None
            and word_installed(platform))


def without_comments(source: Path, target: Path) -> Path:
    """Return ``target`` after writing a copy of ``source`` without its review comments."""
    import docx
    from docx.oxml.ns import qn

    document = docx.Document(str(source))
    body = document.element.body
    for tag in ("w:commentRangeStart", "w:commentRangeEnd"):
        for element in list(body.iter(qn(tag))):
            element.getparent().remove(element)
    for ref in list(body.iter(qn("w:commentReference"))):
        run = ref.getparent()
        run.getparent().remove(run)
    document.save(str(target))
    return target


def convert(sources: Sequence[Path]) -> list[Path]:
    """Return the PDFs written beside ``sources`` by Word; raise WordFailed when Word fails."""
    try:
        from docx2pdf import convert as word_convert
    except ImportError as exc:
        raise WordFailed(f"docx2pdf is not installed ({exc})") from None
    done = []
    with tempfile.TemporaryDirectory(prefix="sitrep-word-") as work:
        for source in sources:
            clean = without_comments(source, Path(work) / source.name)
            made = clean.with_suffix(".pdf")
            try:
                word_convert(str(clean), str(made))
            except Exception as exc:  # noqa: BLE001  Word's COM/AppleScript errors have no common type
                raise WordFailed(f"{type(exc).__name__}: {exc}") from None
            if not made.is_file():
                raise WordFailed("Word wrote no PDF")
            target = source.with_suffix(".pdf")
            docx_io.write_atomic(target, made.read_bytes())
            done.append(target)
    return done
