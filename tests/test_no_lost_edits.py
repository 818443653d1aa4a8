"""No lost edits: `sitrep draft` never replaces a document a reviewer edited or has open,
keeps it as a backup with --force, and writes atomically. Driven through the CLI."""
from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import docx
import pytest
from test_check import EN, ES, SAMPLE, draft

from nlg.cli import sitrep as cli
from nlg.draft.files import backup_path, lock_file
from nlg.errors import OutputError
from nlg.word import save as docx_io

QA = "PER_2023-11_qa.xlsx"           # the QA workbook, written beside the drafts


@pytest.fixture(scope="module")
def drafted(tmp_path_factory) -> Path:
    """Return a folder holding the untouched sample drafts (made once per module)."""
    return draft(tmp_path_factory.mktemp("drafted"))


@pytest.fixture()
def out(drafted, tmp_path) -> Path:
    """Return an output folder holding a copy of the drafts."""
    target = tmp_path / "out"
    shutil.copytree(drafted, target)
    return target


def review(path: Path) -> bytes:
    """Return the bytes of ``path`` after a reviewer adds a sentence in Word (python-docx)."""
    document = docx.Document(str(path))
    document.paragraphs[-1].add_run(" Reviewed by the sector lead.")
    document.save(str(path))
    return path.read_bytes()


def run_draft(out: Path, *extra: str) -> int:
    return cli.main(["draft", str(SAMPLE), "--out", str(out), *extra])


def test_redraft_over_untouched_drafts_is_byte_identical(out, drafted, capsys):
    assert run_draft(out) == 0
    for name in (EN, ES, QA):
        assert (out / name).read_bytes() == (drafted / name).read_bytes()
    assert sorted(p.name for p in out.iterdir()) == [EN, ES, QA]


def test_edited_draft_is_left_intact_and_named(out, capsys):
    edited = review(out / EN)
    other = (out / ES).read_bytes()
    assert run_draft(out) == 2
    err = capsys.readouterr().err
    assert f"{out / EN}: [E510] the document was edited after it was generated; not overwritten" in err
    assert "--force" in err
    assert (out / EN).read_bytes() == edited
    assert (out / ES).read_bytes() == other            # nothing written when one output is edited
    assert sorted(p.name for p in out.iterdir()) == [EN, ES, QA]


def test_force_keeps_the_edited_draft_and_says_where(out, drafted, capsys):
    edited = review(out / EN)
    assert run_draft(out, "--force") == 0
    stdout = capsys.readouterr().out
    backup = out / "PER_2023-11_en.edited-1.docx"
    assert f"the reviewer's edited version was kept as {backup}" in stdout
    assert backup.read_bytes() == edited
    assert (out / EN).read_bytes() == (drafted / EN).read_bytes()
    assert not docx_io.is_edited(out / EN)
    review(out / EN)
    assert run_draft(out, "--force") == 0               # a second backup never replaces the first
    assert backup.read_bytes() == edited
    assert (out / "PER_2023-11_en.edited-2.docx").exists()


def test_file_that_is_not_a_draft_is_kept(out, capsys):
    (out / ES).write_text("someone's notes", encoding="utf-8")
    assert run_draft(out) == 2
    assert "[E510]" in capsys.readouterr().err
    assert (out / ES).read_text(encoding="utf-8") == "someone's notes"


@pytest.mark.parametrize("lock", ["~$R_2023-11_en.docx", ".~lock.PER_2023-11_en.docx#"])
def test_document_open_in_word_or_libreoffice_is_not_replaced(out, capsys, lock):
    (out / lock).write_bytes(b"owner")
    before = (out / EN).read_bytes()
    assert run_draft(out, "--force") == 2
    err = capsys.readouterr().err
    assert f"{out / EN}: [E505] the document is open in Word or LibreOffice (lock file {lock})" in err
    assert f"delete {lock}" in err
    assert (out / EN).read_bytes() == before
    assert lock_file(out / EN) == out / lock


def test_unwritable_output_folder_is_a_clear_error(tmp_path, capsys):
    blocker = tmp_path / "taken"
    blocker.write_text("a file, not a folder")
    assert run_draft(blocker / "out") == 2
    assert "[E504] cannot create the output folder" in capsys.readouterr().err


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0,
                    reason="permissions are not enforced for root or on Windows")
def test_read_only_output_folder_is_a_clear_error(out, capsys):
    out.chmod(0o500)
    try:
        assert run_draft(out, "--force") == 2
    finally:
        out.chmod(0o700)
    assert "[E504] cannot write in the output folder" in capsys.readouterr().err


def test_atomic_write_leaves_no_temporary_file(out, monkeypatch):
    def fail(*args):
        raise PermissionError(13, "The process cannot access the file")
    before = (out / EN).read_bytes()
    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OutputError) as info:
        docx_io.write_atomic(out / EN, b"new")
    assert info.value.problems[0].code == "E501"
    assert "close it in Word" in str(info.value)
    assert (out / EN).read_bytes() == before
    assert sorted(p.name for p in out.iterdir()) == [EN, ES, QA]


def test_locked_output_gives_a_message_not_a_traceback(out, monkeypatch, capsys):
    review_free = (out / EN).read_bytes()
    monkeypatch.setattr(os, "replace", lambda *a: (_ for _ in ()).throw(PermissionError(13, "Permission denied")))
    assert run_draft(out) == 2
    err = capsys.readouterr().err
    assert "[E501] cannot write PER_2023-11_en.docx: Permission denied" in err
    assert "Traceback" not in err
    assert (out / EN).read_bytes() == review_free
    assert not [p for p in out.iterdir() if p.suffix == ".tmp"]


def test_backup_path_is_free(tmp_path):
    target = tmp_path / "a.docx"
    assert backup_path(target) == tmp_path / "a.edited-1.docx"
    (tmp_path / "a.edited-1.docx").write_bytes(b"")
    assert backup_path(target) == tmp_path / "a.edited-2.docx"
