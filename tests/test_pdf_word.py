"""Issue 16, item 6: `--pdf` uses Microsoft Word on Windows and macOS when it is installed.

No Word here: a stand-in docx2pdf module records what Word would be given. Word gets a copy
without the review comments (Word prints comments into PDFs); LibreOffice is used when Word
is absent, docx2pdf is not installed, or Word fails.
"""
from __future__ import annotations

import sys
import types
import zipfile
from pathlib import Path

import pytest
from conftest import SAMPLE
from test_pdf import WRITES_PDFS, fake_soffice, posix_only

from nlg.api import prepare
from nlg.draft.output import write_drafts
from nlg.word import pdf, pdf_word


@pytest.fixture(scope="module")
def drafts(tmp_path_factory) -> list[Path]:
    out = tmp_path_factory.mktemp("word")
    return [w.path for w in write_drafts(prepare(SAMPLE), out).outputs]


@pytest.fixture()
def word(monkeypatch):
    """Return the calls of a stand-in docx2pdf, with Word 'installed'."""
    calls = []

    def convert(source, target):
        with zipfile.ZipFile(source) as package:
            body = package.read("word/document.xml")
        calls.append((Path(source), Path(target), b"commentReference" in body))
        Path(target).write_bytes(b"%PDF-1.7 from Word")

    monkeypatch.setitem(sys.modules, "docx2pdf", types.SimpleNamespace(convert=convert))
    monkeypatch.setattr(pdf_word, "available", lambda platform=sys.platform: True)
    return calls


def test_word_converts_a_copy_without_comments(drafts, word):
    made = pdf.to_pdfs(drafts)
    assert made == [p.with_suffix(".pdf") for p in drafts]
    assert all(p.read_bytes() == b"%PDF-1.7 from Word" for p in made)
    assert [c[2] for c in word] == [False, False]              # no comment reached Word
    assert all(c[0] != d for c, d in zip(word, drafts))        # a copy, never the draft itself
    with zipfile.ZipFile(drafts[0]) as package:                # the draft keeps its comments
        assert b"commentReference" in package.read("word/document.xml")


@posix_only
def test_libreoffice_when_word_fails(drafts, tmp_path, monkeypatch):
    def broken(source, target):
        raise RuntimeError("Word.Application: not registered")

    monkeypatch.setitem(sys.modules, "docx2pdf", types.SimpleNamespace(convert=broken))
    monkeypatch.setattr(pdf_word, "available", lambda platform=sys.platform: True)
    monkeypatch.setattr(pdf, "find_soffice", lambda **_: fake_soffice(tmp_path, WRITES_PDFS))
    made = pdf.to_pdfs(drafts)
    assert all(p.read_bytes() == b"%PDF-1.7 fake" for p in made)


@pytest.mark.parametrize("platform, spec, installed, expected", [
    ("linux", True, True, False),        # Linux: always LibreOffice
    ("win32", False, True, False),       # no docx2pdf
    ("darwin", True, False, False),      # no Word
    ("win32", True, True, True),
    ("darwin", True, True, True),
])
def test_when_word_is_used(monkeypatch, platform, spec, installed, expected):
    monkeypatch.delenv("SITREP_PDF", raising=False)
    monkeypatch.setattr(pdf_word.importlib.util, "find_spec",
                        lambda name: object() if spec and name == "docx2pdf" else None)
    monkeypatch.setattr(pdf_word, "word_installed", lambda platform: installed)
    assert pdf_word.available(platform) is expected
    monkeypatch.setenv("SITREP_PDF", "libreoffice")
    assert pdf_word.available(platform) is False


def test_word_detection_on_a_mac(monkeypatch, tmp_path):
    monkeypatch.setattr(pdf_word, "MAC_WORD", tmp_path / "Microsoft Word.app")
    assert pdf_word.word_installed("darwin") is False
    (tmp_path / "Microsoft Word.app").mkdir()
    assert pdf_word.word_installed("darwin") is True
    assert pdf_word.word_installed("linux") is False


def test_docx2pdf_is_never_imported_while_drafting():
    import subprocess

    code = ("import sys; from nlg.api import prepare; from nlg.draft.output import write_drafts; "
            "import tempfile; write_drafts(prepare(sys.argv[1]), tempfile.mkdtemp()); "
            "print('docx2pdf' in sys.modules, 'nlg.word.pdf_word' in sys.modules)")
    run = subprocess.run([sys.executable, "-c", code, str(SAMPLE)], capture_output=True, text=True, timeout=120)
    assert run.stdout.split() == ["False", "False"], run.stderr
