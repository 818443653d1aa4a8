"""Issue 20, finding 1: a reviewer's edit outside word/document.xml (comments, footer, styles,
document properties, a part added) is an edit: draft and batch refuse it (E510) or keep the
edited file byte for byte as NAME.edited-N.docx with --force."""
from __future__ import annotations

import shutil

import pytest

from attacks.attack_helpers import EN, ES, SAMPLE, draft, names, rewrite
from nlg.batch.run import Status, run_batch
from nlg.word import save as docx_io

EDITS = {
    "comment": {"word/comments.xml": lambda b: b.replace(b"</w:t>", b" (agreed)</w:t>", 1)},
    "footer": {"word/footer1.xml": lambda b: b.replace(b"</w:p>", b"<w:r><w:t>Draft</w:t></w:r></w:p>", 1)},
    "styles": {"word/styles.xml": lambda b: b.replace(b'w:val="Normal"', b'w:val="Normal "', 1)},
    "properties": {"docProps/core.xml": lambda b: b.replace(b"</dc:title>", b" (v2)</dc:title>", 1)},
    "added part": {"word/media/image1.png": b"\x89PNG not really"},
    "removed part": {"word/webSettings.xml": None},
}


@pytest.mark.parametrize("edit", EDITS, ids=list(EDITS))
def test_edit_outside_the_body_is_refused_then_kept_with_force(out, drafted, edit, capsys):
    edited = rewrite(out / EN, EDITS[edit])
    assert docx_io.is_edited(out / EN)
    assert not docx_io.is_edited(out / ES)
    assert draft(out) == 2
    err = capsys.readouterr().err
    assert "[E510] the document was edited after it was generated; not overwritten" in err
    assert "Traceback" not in err
    assert (out / EN).read_bytes() == edited
    assert draft(out, "--force") == 0
    assert (out / "PER_2023-11_en.edited-1.docx").read_bytes() == edited
    assert (out / EN).read_bytes() == (drafted / EN).read_bytes()


def test_untouched_draft_is_not_edited(drafted):
    assert not docx_io.is_edited(drafted / EN)
    assert not docx_io.is_edited(drafted / ES)


def test_batch_keeps_an_edited_footer(tmp_path):
    root = tmp_path / "tree"
    shutil.copytree(SAMPLE, root / "peru")
    out = tmp_path / "out"
    assert not run_batch(root, out, jobs=1).failed
    edited = rewrite(out / EN, EDITS["footer"])
    result = run_batch(root, out, jobs=1)
    assert [o.status for o in result.outcomes] == [Status.EDITED]
    assert (out / EN).read_bytes() == edited
    result = run_batch(root, out, jobs=1, force=True)
    assert [o.status for o in result.outcomes] == [Status.DRAFTED]
    assert (out / "PER_2023-11_en.edited-1.docx").read_bytes() == edited


def test_batch_redrafts_when_the_seal_key_changes(tmp_path, monkeypatch):
    root = tmp_path / "tree"
    shutil.copytree(SAMPLE, root / "peru")
    out = tmp_path / "out"
    assert not run_batch(root, out, jobs=1).failed
    assert [o.status for o in run_batch(root, out, jobs=1).outcomes] == [Status.UP_TO_DATE]
    monkeypatch.setenv("SITREP_SEAL_KEY", "our-office-secret")
    assert [o.status for o in run_batch(root, out, jobs=1).outcomes] == [Status.DRAFTED]


def test_an_edit_outside_the_body_of_the_review_copy_is_kept(out, capsys):
    assert draft(out, "--review") == 0
    review = out / "PER_2023-11_review.docx"
    assert draft(out, "--review") == 0                      # untouched: replaced silently
    edited = rewrite(review, EDITS["comment"] if "word/comments.xml" in names(review) else EDITS["footer"])
    assert draft(out, "--review") == 2
    assert "[E533] the review copy was edited" in capsys.readouterr().err
    assert review.read_bytes() == edited
