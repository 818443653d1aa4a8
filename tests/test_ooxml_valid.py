"""Issue 16, item 5: every Word file the tool writes is schema-valid OOXML.

Nobody opens the files in Microsoft Word here, so openxml-audit (a pure-Python port of the
Open XML SDK validator) stands in: drafts in both languages (with and without comments),
drafts of Spanish-header reports and of a sub-regional one, the review copy and the template
(.docx and .dotx) must show no finding. Comments carry ``w:date``: the report's date, so
reruns stay byte-identical (tests/test_reproducible.py).
"""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT, SAMPLE
from lxml import etree
from openxml_audit import OpenXmlValidator

from nlg.api import created_time, prepare
from nlg.draft.output import write_drafts
from nlg.draft.review import write_draft_review
from nlg.model import Lang
from nlg.word import assemble

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TREE = ROOT / "samples" / "tree"


def findings(path: Path) -> list[str]:
    """Return every finding of the validator on ``path`` (no limit)."""
    result = OpenXmlValidator(max_errors=0).validate(str(path))
    return [str(e) for e in result.errors]


@pytest.fixture(scope="module")
def written(tmp_path_factory) -> dict[str, Path]:
    """Return every kind of Word file the tool writes, by a short name."""
    out = tmp_path_factory.mktemp("ooxml")
    draft = prepare(SAMPLE)
    files = {}
    for w in write_drafts(draft, out / "comments").outputs:
        files[f"draft-{w.lang.value}"] = w.path
    for w in write_drafts(draft, out / "clean", comments=False).outputs:
        files[f"clean-{w.lang.value}"] = w.path
    files["review"] = write_draft_review(draft, out / "comments")
    for suffix in ("docx", "dotx"):
        path = out / f"org.{suffix}"
        path.write_bytes(assemble.template_package(dotx=suffix == "dotx"))
        files[f"template-{suffix}"] = path
    for label, folder in (("col/2023-09", TREE / "col" / "2023-09"), ("ecu/2023-10", TREE / "ecu" / "2023-10"),
                          ("southern-cone", ROOT / "samples" / "southern-cone-2022-08"),
                          ("brazil", ROOT / "samples" / "brazil-2022-08")):
        assert (folder / "report.yaml").is_file(), folder
        d = prepare(folder)
        last = d.config.languages[-1] if getattr(d.config, "languages", None) else Lang.ES
        for w in write_drafts(d, out / label.replace("/", "-"), langs=(last,)).outputs:
            files[f"{label}-{w.lang.value}"] = w.path
    return files


@pytest.mark.parametrize("name", ["draft-en", "draft-es", "clean-en", "clean-es", "review",
                                  "template-docx", "template-dotx", "col/2023-09-es", "ecu/2023-10-es",
                                  "southern-cone-es", "brazil-pt"])
def test_the_validator_finds_nothing(written, name):
    """Why: every document had `w:insideV` before `w:bottom` in `w:tblBorders` (SitrepKeyFigures)."""
    assert name in written, sorted(written)
    assert findings(written[name]) == []


def test_the_validator_does_find_the_old_border_order(tmp_path):
    """The check can fail: the template as it was (insideV before bottom) is reported."""
    data = assemble.template_package()
    source = zipfile.ZipFile(io.BytesIO(data))
    styles = source.read("word/styles.xml").decode("utf-8")
    good = ('<w:bottom w:val="single" w:sz="12" w:space="0" w:color="DEEAF6"/>'
            '<w:insideV w:val="single" w:sz="8" w:space="0" w:color="DEEAF6"/>')
    assert good in styles
    bad = good.split("/>")[1] + "/>" + good.split("/>")[0] + "/>"
    target = tmp_path / "old.docx"
    with zipfile.ZipFile(target, "w") as out:
        for item in source.infolist():
            blob = source.read(item.filename)
            out.writestr(item, styles.replace(good, bad).encode("utf-8") if item.filename == "word/styles.xml" else blob)  # noqa: E501
    assert any("Unexpected element 'bottom'" in f for f in findings(target))


def test_comments_are_dated_with_the_report(written):
    """Why: comments carried no w:date, and docx2python crashed reading them."""
    expected = created_time(prepare(SAMPLE).config).strftime("%Y-%m-%dT%H:%M:%SZ")
    assert expected == "2023-12-05T12:00:00Z"                # published: 2023-12-05
    with zipfile.ZipFile(written["draft-es"]) as package:
        comments = etree.fromstring(package.read("word/comments.xml"))
    dates = [c.get(f"{W}date") for c in comments.iter(f"{W}comment")]
    assert dates and set(dates) == {expected}


def test_docx2python_reads_the_comments(written):
    from docx2python import docx2python

    with docx2python(str(written["draft-en"])) as document:
        comments = document.comments
    assert len(comments) > 10
    assert {c[2] for c in comments} == {"2023-12-05T12:00:00Z"}


def test_two_runs_write_the_same_bytes(written, tmp_path):
    again = write_drafts(prepare(SAMPLE), tmp_path).outputs
    for w in again:
        assert w.path.read_bytes() == written[f"draft-{w.lang.value}"].read_bytes()
