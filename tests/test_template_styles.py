"""Issue 16, item 4: templates saved by Word or LibreOffice work.

Styles are found by name whatever the case (LibreOffice writes "Heading 1", Word "heading 1"),
else by Word's built-in id; every style id the documents reference (body, comments) exists in
the output, read back from the OOXML.
"""
from __future__ import annotations

import io
import re
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from conftest import SAMPLE

from nlg.api import prepare
from nlg.draft.output import write_drafts
from nlg.draft.review import write_draft_review
from nlg.errors import TemplateError
from nlg.model import Lang
from nlg.word import assemble
from nlg.word.pdf import find_soffice
from nlg.word.styles import defined


@pytest.fixture(scope="module")
def draft():
    return prepare(SAMPLE)


def _restyled(path: Path, edit) -> Path:
    """Return ``path`` holding the shipped template with ``edit(styles_xml) -> styles_xml`` applied."""
    source = zipfile.ZipFile(io.BytesIO(assemble.template_package()))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            blob = source.read(item.filename)
            if item.filename == "word/styles.xml":
                blob = edit(blob.decode("utf-8")).encode("utf-8")
            out.writestr(item, blob)
    return path


def _drop_style(xml: str, style_id: str) -> str:
    return re.sub(rf'<w:style [^>]*w:styleId="{style_id}".*?</w:style>', "", xml, count=1, flags=re.S)


def _all_references_exist(paths) -> None:
    for path in paths:
        ids, used = defined(path)
        assert used and used <= ids, (path.name, sorted(used - ids))


def _heading_styles(path: Path) -> set[str]:
    return {p.style.name for p in docx.Document(str(path)).paragraphs if p.style.name.startswith("Heading")}


def test_capitalised_names_localised_ids_and_no_comment_styles(draft, tmp_path):
    """Why: a template saved in LibreOffice was refused ("lacks styles 'Heading 1'"), and then
    32 references pointed at a CommentReference style id that did not exist."""
    def edit(xml: str) -> str:
        xml = xml.replace('w:name w:val="heading 1"', 'w:name w:val="Heading 1"')
        xml = xml.replace('w:name w:val="heading 2"', 'w:name w:val="Heading 2"')
        xml = xml.replace('w:styleId="Heading1"', 'w:styleId="Ttulo1"')      # a Spanish Word's ids
        xml = xml.replace('w:val="Heading1"', 'w:val="Ttulo1"')
        xml = _drop_style(xml, "CommentReference")
        return _drop_style(xml, "CommentText")
    template = _restyled(tmp_path / "org.docx", edit)
    result = write_drafts(draft, tmp_path / "out", template=template)
    paths = [w.path for w in result.outputs]
    _all_references_exist(paths)
    for path in paths:
        assert {"Heading 1", "Heading 2"} <= _heading_styles(path)
        body = zipfile.ZipFile(path).read("word/document.xml").decode("utf-8")
        assert 'w:pStyle w:val="Ttulo1"' in body                            # the template's own style


def test_a_style_renamed_keeps_its_builtin_id(draft, tmp_path):
    template = _restyled(tmp_path / "org.docx",
                         lambda xml: xml.replace('w:name w:val="heading 2"', 'w:name w:val="Título 2"'))
    [written] = write_drafts(draft, tmp_path / "out", langs=(Lang.EN,), template=template).outputs
    body = zipfile.ZipFile(written.path).read("word/document.xml").decode("utf-8")
    assert 'w:pStyle w:val="Heading2"' in body
    _all_references_exist([written.path])


def test_a_style_that_is_really_missing_is_still_named(draft, tmp_path):
    template = _restyled(tmp_path / "org.docx", lambda xml: _drop_style(xml, "KeyFigureValue"))
    with pytest.raises(TemplateError) as info:
        write_drafts(draft, tmp_path / "out", template=template)
    assert "'Key Figure Value'" in str(info.value)


def test_every_referenced_style_exists_with_the_shipped_template(draft, tmp_path):
    paths = [w.path for w in write_drafts(draft, tmp_path).outputs]
    paths.append(write_draft_review(draft, tmp_path))
    _all_references_exist(paths)


@pytest.mark.skipif(find_soffice() is None, reason="LibreOffice is not installed")
def test_a_template_opened_and_saved_in_libreoffice(draft, tmp_path):
    from openxml_audit import OpenXmlValidator

    source = tmp_path / "org.docx"
    source.write_bytes(assemble.template_package())
    saved = tmp_path / "saved"
    profile = (tmp_path / "profile").as_uri()
    subprocess.run([str(find_soffice()), f"-env:UserInstallation={profile}", "--headless",
                    "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(saved), str(source)],
                   check=True, capture_output=True, timeout=180)
    template = saved / "org.docx"
    styles = zipfile.ZipFile(template).read("word/styles.xml").decode("utf-8")
    assert 'w:name w:val="Heading 1"' in styles                  # LibreOffice's capitals
    assert 'w:styleId="CommentReference"' not in styles          # and its own comment style ids
    result = write_drafts(draft, tmp_path / "out", template=template)
    paths = [w.path for w in result.outputs] + [write_draft_review(draft, tmp_path / "out",
                                                                   template=template)]
    _all_references_exist(paths)
    for path in paths:
        assert OpenXmlValidator(max_errors=0).validate(str(path)).errors == []
    assert {"Heading 1", "Heading 2"} <= _heading_styles(paths[0])
