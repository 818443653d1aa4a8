"""Tests for nlg.word.pdf: finding LibreOffice, the export filter, and every failure as an OutputError.

A small shell script stands in for LibreOffice here; the real conversion of the
sample documents is tested in tests/test_look.py.
"""
from __future__ import annotations

import json
import os
import shutil
import stat
import sys
import time
from pathlib import Path

import pytest

from nlg.errors import OutputError
from nlg.word import pdf

posix_only = pytest.mark.skipif(os.name != "posix", reason="fake LibreOffice is a shell script")


def fake_soffice(folder: Path, body: str) -> Path:
    """Return an executable shell script standing in for LibreOffice."""
    script = folder / "soffice"
    script.write_text("#!/bin/sh\n" + body + "\n", encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return script


# Writes "<stem>.pdf" into --outdir for every input and records its arguments.
WRITES_PDFS = """
out=""; prev=""
for a in "$@"; do
  if [ "$prev" = "--outdir" ]; then out="$a"; fi
  prev="$a"
done
printf '%s\\n' "$@" > "$out/../args.txt"
for a in "$@"; do
  case "$a" in *.docx) n=$(basename "$a" .docx); printf '%%PDF-1.7 fake' > "$out/$n.pdf";; esac
done
"""


@pytest.fixture()
def docs(tmp_path: Path) -> list[Path]:
    """Return two (fake) .docx files in a folder of their own."""
    folder = tmp_path / "drafts"
    folder.mkdir()
    paths = [folder / "PER_2023-11_en.docx", folder / "PER_2023-11_es.docx"]
    for path in paths:
        path.write_bytes(b"PK fake")
    return paths


def test_filter_spec_is_libreoffice_json():
    spec = pdf.filter_spec()
    prefix = "pdf:writer_pdf_Export:"
    assert spec.startswith(prefix)
    options = json.loads(spec[len(prefix):])
    assert options["UseTaggedPDF"] == {"type": "boolean", "value": "true"}
    assert options["ExportNotes"] == {"type": "boolean", "value": "false"}


def test_find_soffice_in_install_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    folder = tmp_path / "LibreOffice" / "program"
    folder.mkdir(parents=True)
    assert pdf.find_soffice(search=[folder]) is None
    name = "soffice.exe" if sys.platform == "win32" else "soffice"
    program = folder / name
    program.write_text("")
    program.chmod(0o755)
    assert pdf.find_soffice(search=[tmp_path / "nowhere", folder]) == program


def test_find_soffice_on_path(tmp_path, monkeypatch):
    script = fake_soffice(tmp_path, "exit 0")
    monkeypatch.setenv("PATH", str(tmp_path))
    if os.name == "posix":
        assert pdf.find_soffice(search=[]) == script


def test_not_installed_is_a_clear_error(docs, monkeypatch):
    monkeypatch.setattr(pdf, "find_soffice", lambda **_: None)
    with pytest.raises(OutputError) as caught:
        pdf.to_pdf(docs[0])
    (problem,) = caught.value.problems
    assert problem.code == "E520"
    assert "LibreOffice is not installed" in str(caught.value)
    assert "libreoffice.org" in problem.hint and "Word" in problem.hint
    assert not docs[0].with_suffix(".pdf").exists()


def test_missing_document(tmp_path):
    with pytest.raises(OutputError, match="E523"):
        pdf.to_pdf(tmp_path / "nothing.docx", soffice=Path("/bin/true"))


@posix_only
def test_converts_all_in_one_run_with_private_profile(tmp_path, docs):
    program = fake_soffice(tmp_path, WRITES_PDFS)
    made = pdf.to_pdfs(docs, soffice=program)
    assert made == [d.with_suffix(".pdf") for d in docs]
    assert all(p.read_bytes() == b"%PDF-1.7 fake" for p in made)
    assert sorted(p.name for p in docs[0].parent.iterdir()) == sorted(
        [d.name for d in docs] + [p.name for p in made])  # no temp files left
    args = (made[0].parent.parent / "drafts" / "args.txt")
    assert not args.exists()  # the run happened in a private temp folder


@posix_only
def test_command_line(tmp_path, docs, monkeypatch):
    seen: list[list[str]] = []
    real_run = pdf._run

    def spy(command, sources, timeout):
        seen.append(command)
        real_run(command, sources, timeout)

    monkeypatch.setattr(pdf, "_run", spy)
    pdf.to_pdf(docs[0], soffice=fake_soffice(tmp_path, WRITES_PDFS))
    (command,) = seen
    profile = next(a for a in command if a.startswith("-env:UserInstallation=file:"))
    assert "sitrep-pdf-" in profile
    assert "--headless" in command and "--norestore" in command
    assert command[command.index("--convert-to") + 1] == pdf.filter_spec()
    assert command[-1] == str(docs[0].resolve())


@posix_only
def test_failure_reports_libreoffice_message(tmp_path, docs):
    program = fake_soffice(tmp_path, "echo 'Warning: failed to launch javaldx' >&2\n"
                                     "echo 'Error: source file could not be loaded' >&2\nexit 0")
    with pytest.raises(OutputError) as caught:
        pdf.to_pdfs(docs, soffice=program)
    assert [p.code for p in caught.value.problems] == ["E521", "E521"]
    assert "source file could not be loaded" in str(caught.value)
    assert "javaldx" not in str(caught.value)
    assert not any(d.with_suffix(".pdf").exists() for d in docs)


@posix_only
def test_nonzero_exit(tmp_path, docs):
    program = fake_soffice(tmp_path, WRITES_PDFS + "\nexit 3")
    with pytest.raises(OutputError, match="exit code 3"):
        pdf.to_pdf(docs[0], soffice=program)


@posix_only
def test_timeout_kills_the_whole_process_group(tmp_path, docs):
    marker = tmp_path / "child-alive"
    program = fake_soffice(tmp_path, f"(sleep 3; touch {marker}) &\nsleep 30")
    start = time.monotonic()
    with pytest.raises(OutputError) as caught:
        pdf.to_pdf(docs[0], soffice=program, timeout=0.5)
    assert time.monotonic() - start < 10
    assert caught.value.problems[0].code == "E522"
    time.sleep(3.5)
    assert not marker.exists()  # the child LibreOffice would have started is gone too


@posix_only
def test_same_names_in_two_folders(tmp_path):
    paths = []
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
        paths.append(tmp_path / name / "report.docx")
        paths[-1].write_bytes(b"PK")
    made = pdf.to_pdfs(paths, soffice=fake_soffice(tmp_path, WRITES_PDFS))
    assert made == [p.with_suffix(".pdf") for p in paths]


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice not installed")
def test_real_libreoffice_tagged_pdf(tmp_path):
    from test_assemble import build_and_save, spanish_report

    path = tmp_path / "es.docx"
    build_and_save(spanish_report(), path)
    made = pdf.to_pdf(path)
    blob = made.read_bytes()
    assert blob.startswith(b"%PDF")
    assert b"/StructTreeRoot" in blob and b"/MarkInfo" in blob  # tagged
    assert b"/Lang(es-ES)" in blob.replace(b" ", b"")
    assert b"/Subtype/Text" not in blob.replace(b" ", b"")  # comments are not printed
