"""The look of the sample report, end to end: Word drafts → LibreOffice → PDF → text and pictures.

Done-when checks of issue 7: both sample documents convert to tagged PDF without
errors, the PDF text shows the key figures and every sector heading, each fits
in three pages, and page 1 is written as PNG for people to look at. Set
``SITREP_LOOK_DIR`` to keep the PDFs and PNGs (CI uploads that folder).
Skipped only when LibreOffice is absent; the organisation-template checks need
no LibreOffice.
"""
from __future__ import annotations

import io
import os
import re
import shutil
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import docx
import pytest
from conftest import SAMPLE

from nlg.api import prepare, realise_all
from nlg.draft import review
from nlg.draft.output import write_drafts
from nlg.errors import TemplateError
from nlg.lang import module
from nlg.model import Lang
from nlg.word import assemble, pdf

MAX_PAGES = 3
needs_libreoffice = pytest.mark.skipif(pdf.find_soffice() is None,
                                       reason="LibreOffice not installed")
needs_poppler = pytest.mark.skipif(
    not all(shutil.which(t) for t in ("pdfinfo", "pdftotext", "pdftoppm")),
    reason="poppler-utils not installed")


@pytest.fixture(scope="module")
def draft():
    """Return the prepared sample report."""
    return prepare(SAMPLE)


@pytest.fixture(scope="module")
def look_dir(tmp_path_factory) -> Path:
    """Return the folder for PDFs and PNGs: $SITREP_LOOK_DIR, else a temp folder."""
    chosen = os.environ.get("SITREP_LOOK_DIR")
    folder = Path(chosen) if chosen else tmp_path_factory.mktemp("look")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="module")
def pdfs(draft, look_dir) -> dict[Lang, Path]:
    """Return the PDFs of the sample in every language, converted in one LibreOffice run."""
    if pdf.find_soffice() is None:
        pytest.skip("LibreOffice not installed")
    result = write_drafts(draft, look_dir, langs=tuple(Lang), force=True)
    made = pdf.to_pdfs([w.path for w in result.outputs])
    return {w.lang: path for w, path in zip(result.outputs, made)}


def poppler(tool: str, *args: str) -> str:
    """Return the standard output of a poppler tool."""
    return subprocess.run([tool, *args], capture_output=True, text=True, check=True,
                          timeout=60).stdout


def flat(text: str) -> str:
    """Return ``text`` with all whitespace runs (line breaks, NBSP) as one space."""
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ").replace("\u202f", " "))


@needs_libreoffice
@needs_poppler
@pytest.mark.parametrize("lang", list(Lang))
def test_fits_in_three_tagged_pages(pdfs, lang):
    info = poppler("pdfinfo", str(pdfs[lang]))
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    assert pages <= MAX_PAGES
    assert re.search(r"^Tagged:\s+yes", info, re.M)
    assert re.search(r"^Page size:\s+595\.\d+ x 841\.\d+", info, re.M)  # A4


@needs_libreoffice
@needs_poppler
@pytest.mark.parametrize("lang", list(Lang))
def test_pdf_shows_key_figures_and_every_sector_heading(pdfs, draft, lang):
    text = flat(poppler("pdftotext", "-enc", "UTF-8", str(pdfs[lang]), "-"))
    report = realise_all(draft, (lang,))[lang]
    for figure in report.key_figures:
        assert flat(figure.value) in text
        assert flat(figure.label).upper() in text  # labels are set in small capitals
    assert flat(report.funding.headline).upper() in text
    for sector in report.sectors:
        assert flat(sector.heading) in text, sector.heading
    for label in (report.labels["situation"], report.labels["people_reached"]):
        assert label in text
    assert report.partners[0] in text


@needs_libreoffice
@pytest.mark.parametrize("lang", list(Lang))
def test_pdf_language_and_no_printed_comments(pdfs, lang):
    blob = pdfs[lang].read_bytes().replace(b" ", b"")
    tag = module(lang).LANGUAGE_TAG.encode()
    assert tag == {Lang.EN: b"en-GB", Lang.ES: b"es-ES", Lang.PT: b"pt-BR"}[lang]
    assert b"/Lang(" + tag + b")" in blob
    assert b"/Subtype/Text" not in blob


@needs_libreoffice
@needs_poppler
def test_page_one_png_for_people_to_look_at(pdfs, look_dir):
    for path in pdfs.values():
        prefix = look_dir / f"{path.stem}-page"
        poppler("pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", str(path), str(prefix))
        (png,) = look_dir.glob(f"{path.stem}-page-*1.png")
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        assert png.stat().st_size > 20_000  # a page with text, not a blank


def test_spanish_document_is_tagged_spanish(draft, tmp_path):
    result = write_drafts(draft, tmp_path, langs=(Lang.ES,))
    document = docx.Document(str(result.outputs[0].path))
    styles = document.styles.element
    assert set(styles.xpath(".//w:lang/@w:val")) == {"es-ES"}
    assert set(document.element.body.xpath(".//w:lang/@w:val")) <= {"es-ES"}


def test_review_copy_of_the_sample(draft, look_dir):
    reports = realise_all(draft)
    path = review.write_draft_review(draft, look_dir, force=True)
    assert path.name == "PER_2023-11_review.docx"
    table = docx.Document(str(path)).tables[0]
    texts = {c.text for row in table.rows for c in row.cells}
    for report in reports.values():
        assert all(s.heading in texts for s in report.sectors)
    keys = [row.cells[0].text for row in table.rows if row.cells[0].text]
    assert len(keys) == len(set(keys))
    if pdf.find_soffice() is not None:
        assert pdf.to_pdf(path).stat().st_size > 10_000


def test_drafting_imports_no_chart_library():
    code = ("import sys; import nlg.api, nlg.draft.output, nlg.word.assemble, nlg.draft.review, nlg.word.pdf; "
            "heavy = {'matplotlib', 'plotly', 'PIL', 'reportlab', 'pygal', 'altair', 'bokeh'}; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in heavy))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=Path(__file__).resolve().parent.parent).stdout
    assert out.strip() == "[]"


# ---------------------------------------------------------------- organisation template

LOGO_ALT = "Example Org logo: a blue square"


def png(width: int = 24, height: int = 12, rgb: tuple[int, int, int] = (46, 117, 182)) -> bytes:
    """Return a small solid-colour PNG."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))
    rows = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows))
            + chunk(b"IEND", b""))


def org_template(folder: Path, *, dotx: bool = False, drop: tuple[str, ...] = ()) -> Path:
    """Return an organisation template: the shipped one restyled, with a logo in the header."""
    source = docx.Document(io.BytesIO(assemble.template_package()))
    styles = source.styles
    styles["Normal"].font.name = "Georgia"
    styles["Heading 1"].font.color.rgb = docx.shared.RGBColor(0x8B, 0x00, 0x00)
    styles["Heading 2"].font.name = "Trebuchet MS"
    header = source.sections[0].header
    header.is_linked_to_previous = False
    run = header.paragraphs[0].add_run()
    run.add_picture(io.BytesIO(png()), height=docx.shared.Cm(1))
    run._r.xpath(".//wp:docPr")[0].set("descr", LOGO_ALT)
    for name in drop:
        element = styles[name].element
        element.getparent().remove(element)
    path = folder / ("org.dotx" if dotx else "org.docx")
    buffer = io.BytesIO()
    source.save(buffer)
    path.write_bytes(buffer.getvalue())
    if dotx:
        path.write_bytes(assemble._relabel(path.read_bytes(), assemble._DOCUMENT_CT,
                                           assemble._TEMPLATE_CT))
    return path


@pytest.mark.parametrize("dotx", [False, True])
def test_organisation_template_styles_and_logo(draft, tmp_path, dotx):
    template = org_template(tmp_path, dotx=dotx)
    result = write_drafts(draft, tmp_path / "out", template=template)
    for written in result.outputs:
        document = docx.Document(str(written.path))
        assert document.styles["Normal"].font.name == "Georgia"
        assert str(document.styles["Heading 1"].font.color.rgb) == "8B0000"
        header = document.sections[0].header
        (descr,) = header._element.xpath(".//wp:docPr/@descr")
        assert descr == LOGO_ALT  # the logo keeps its own alternative text
        (blip,) = header._element.xpath(".//a:blip/@r:embed")
        assert header.part.related_parts[blip].blob[:4] == b"\x89PNG"
        assert document.paragraphs[0].style.name == "Sitrep Title"
        lang = {Lang.EN: "en-GB", Lang.ES: "es-ES"}[written.lang]
        assert set(document.styles.element.xpath(".//w:lang/@w:val")) == {lang}


def test_organisation_template_renders_with_logo(draft, tmp_path, look_dir):
    if pdf.find_soffice() is None:
        pytest.skip("LibreOffice not installed")
    result = write_drafts(draft, tmp_path, langs=(Lang.EN,), template=org_template(tmp_path))
    made = pdf.to_pdf(result.outputs[0].path)
    blob = made.read_bytes()
    assert b"/Subtype/Image" in blob.replace(b" ", b"")
    if shutil.which("pdftoppm"):
        poppler("pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", str(made),
                str(look_dir / "org-template-page"))


def test_organisation_template_missing_styles_named_with_fix(draft, tmp_path):
    template = org_template(tmp_path, drop=("Key Figure Value", "Sitrep Table"))
    with pytest.raises(TemplateError) as caught:
        write_drafts(draft, tmp_path / "out", template=template)
    message = str(caught.value)
    assert "'Key Figure Value'" in message and "'Sitrep Table'" in message
    assert "sitrep template --out org.docx" in message
    assert not (tmp_path / "out" / draft.file_name(Lang.EN)).exists()
