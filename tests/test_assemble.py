"""Tests for nlg.word.assemble: layout, styles, spans, comments, bookmarks, templates."""
from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest

from nlg.errors import TemplateError
from nlg.model import Lang
from nlg.realise.doc import FundingBlock, KeyFigure, Paragraph, RealisedReport, SectorBlock, Span, Table
from nlg.word import assemble
from nlg.word import ooxml as docx_xml
from nlg.word import save as docx_io

CREATED = dt.datetime(2023, 12, 15, 12, 0, 0)
URL = "https://www.r4v.info/en/peru"


def english_report() -> RealisedReport:
    """Return a small English report exercising every layout feature."""
    health = SectorBlock("health", "Health", (
        Paragraph((Span("GTRM partners provided "), Span("nearly 400 consultations", bold=True),
                   Span(" on mental health.")), comment="5w.csv:12-40", key="health.consult"),
        Paragraph((Span("See the "), Span("R4V portal", link=URL), Span(".")),
                  review="figure differs from last month by 80%", key="health.portal"),
    ))
    food = SectorBlock("food", "Food security", (
        Paragraph((Span("2,550 food kits", bold=True), Span(" were delivered in Tumbes.")),
                  key="food.kits"),
    ))
    return RealisedReport(
        lang=Lang.EN, language_tag="en-GB", title="Peru",
        subtitle="Situation report — November 2023", doc_title="Peru situation report",
        labels={"situation": "Situation", "response": "Response",
                "people_reached": "People reached by sector", "coordination": "Coordination",
                "contacts": "Contacts", "source": "Source", "published": "Published:",
                "review_prefix": "REVIEW"},
        key_figures=(KeyFigure("Refugees and migrants in Peru", "1.54M", comment="R4V figure"),
                     KeyFigure("People assisted directly", "14,971", note="*")),
        funding=FundingBlock(0.21, "21% funded", "US$66.8M funded of US$318M required",
                             "Source: Financial Tracking System (FTS)", comment="FTS 2023-11"),
        situation=(Paragraph((Span("The "), Span("CPP deadline ended", bold=True),
                              Span(" on 10 November.")), key="situation.cpp"),),
        sectors=(food, health),
        people_reached=Table("", "People reached*", ("Food security", "Health", "WASH"),
                             ("8,190", "4,379", "0"), (8190, 4379, 0),
                             ("5w.csv: 12 rows", "", ""), note="*Includes people in transit."),
        coordination=(Paragraph((Span("The GTRM met "), Span("on 30 November", bold=True),
                                 Span(".")),),),
        partners_heading="GTRM partners (3)", partners=("ACNUR", "OIM", "UNICEF"),
        contacts=(Paragraph((Span("Coordination: "),
                             Span("urquia@unhcr.org", link="mailto:urquia@unhcr.org"))),),
        footnotes=("* Includes people in transit.",), published="15 December 2023",
        embedded='{"facts": [1, 2, 3]}')


def spanish_report() -> RealisedReport:
    """Return the Spanish counterpart of :func:`english_report`."""
    en = english_report()
    return RealisedReport(
        lang=Lang.ES, language_tag="es-ES", title="Perú",
        subtitle="Informe de situación — noviembre de 2023", doc_title="Perú: informe",
        labels={"situation": "Situación", "response": "Respuesta",
                "people_reached": "Personas alcanzadas por sector",
                "coordination": "Coordinación", "contacts": "Contactos", "source": "Fuente",
                "published": "Publicado:", "review_prefix": "REVISAR"},
        key_figures=(KeyFigure("Refugiados y migrantes en Perú", "1,54 M"),),
        funding=FundingBlock(0.21, "21 % financiado", "66,8 M US$ de 318 M US$",
                             "Fuente: FTS"),
        situation=(Paragraph((Span("El plazo del "), Span("CPP terminó", bold=True),
                              Span(".")), review="revisar", key="situacion.cpp"),),
        sectors=(SectorBlock("health", "Salud", (Paragraph((
            Span("Casi 400 consultas", bold=True), Span(" de salud mental; véase "),
            Span("R4V", link=URL), Span(".")), comment="5w.csv", key="health.consult"),)),),
        people_reached=en.people_reached, coordination=(), partners_heading="Socios (3)",
        partners=en.partners, contacts=(), footnotes=(), published="15 de diciembre de 2023",
        embedded='{"facts": []}')


def build_and_save(report: RealisedReport, path: Path, **options) -> str:
    """Return the document hash after building ``report`` and saving it to ``path``."""
    document = assemble.build(report, **options)
    core = docx_io.CoreInfo.from_report(report, created=CREATED)
    return docx_io.save(document, path, embedded=report.embedded, core=core)


def body_paragraphs(document) -> list[tuple[str, str]]:
    """Return (style name, text) of the top-level body paragraphs."""
    return [(p.style.name, p.text) for p in document.paragraphs]


@pytest.fixture(scope="module")
def en_doc():
    """Return the English report built with comments."""
    return assemble.build(english_report())


def test_body_order_and_styles(en_doc):
    got = body_paragraphs(en_doc)
    assert got == [
        ("Sitrep Title", "Peru"),
        ("Sitrep Subtitle", "Situation report — November 2023"),
        ("Sitrep Subtitle", "Published: 15 December 2023"),
        ("Heading 1", "Situation"),
        ("List Bullet", "The CPP deadline ended on 10 November."),
        ("Heading 1", "Response"),
        ("Heading 2", "Food security"),
        ("List Bullet", "2,550 food kits were delivered in Tumbes."),
        ("Heading 2", "Health"),
        ("List Bullet", "GTRM partners provided nearly 400 consultations on mental health."),
        ("List Bullet", "See the R4V portal."),
        ("Heading 1", "People reached by sector"),
        ("Sitrep Note", "*Includes people in transit."),
        ("Sitrep Note", "* Includes people in transit."),
        ("Heading 1", "Coordination"),
        ("Normal", "The GTRM met on 30 November."),
        ("Heading 1", "GTRM partners (3)"),
        ("Sitrep Partners", "ACNUR\u00a0| OIM\u00a0| UNICEF"),
        ("Heading 1", "Contacts"),
        ("Sitrep Note", "Coordination: urquia@unhcr.org"),
    ]


def test_footnotes_last_without_a_chart():
    report = english_report()
    table = Table("", "", (), (), (), ())
    document = assemble.build(RealisedReport(**{**report.__dict__, "people_reached": table}))
    assert body_paragraphs(document)[-2:] == [
        ("Sitrep Note", "Coordination: urquia@unhcr.org"),
        ("Sitrep Note", "* Includes people in transit.")]
    assert "People reached by sector" not in [p.text for p in document.paragraphs]


@pytest.mark.parametrize("caption, shown", [("People reached by sector", []),
                                            ("PEOPLE REACHED BY SECTOR", []),
                                            ("New people reached in November",
                                             ["New people reached in November"])])
def test_caption_not_repeating_the_heading(caption, shown):
    report = english_report()
    table = dataclasses.replace(report.people_reached, caption=caption)
    document = assemble.build(RealisedReport(**{**report.__dict__, "people_reached": table}))
    assert [p.text for p in document.paragraphs if p.style.name == "Caption"] == shown
    (alt,) = document.tables[1]._tbl.xpath("./w:tblPr/w:tblCaption/@w:val")
    assert alt == caption


def test_bold_spans_are_bold_runs(en_doc):
    bullet = next(p for p in en_doc.paragraphs if p.text.startswith("GTRM partners"))
    assert [r.text for r in bullet.runs if r.bold] == ["nearly 400 consultations"]
    assert [r.text for r in bullet.runs if r.text and not r.bold] == ["GTRM partners provided ",
                                                          " on mental health."]


def test_link_spans_are_external_hyperlinks(en_doc):
    bullet = next(p for p in en_doc.paragraphs if p.text == "See the R4V portal.")
    (link,) = bullet.hyperlinks
    assert (link.text, link.url) == ("R4V portal", URL)
    assert link.runs[0].style.name == "Hyperlink"
    contact = next(p for p in en_doc.paragraphs if p.text.startswith("Coordination:"))
    assert contact.hyperlinks[0].url == "mailto:urquia@unhcr.org"


def test_comments_review_and_highlight(en_doc):
    comments = {c.text: c for c in en_doc.comments}
    assert set(comments) == {
        "R4V figure", "FTS 2023-11", "5w.csv:12-40", "5w.csv: 12 rows",
        "REVIEW: figure differs from last month by 80%"}
    assert {(c.author, c.initials) for c in comments.values()} == {("sitrep-nlg", "SN")}
    review = next(p for p in en_doc.paragraphs if p.text == "See the R4V portal.")
    marks = review._p.xpath(".//w:r[w:t]/w:rPr/w:highlight/@w:val")
    assert marks == ["yellow"] * 3
    others = [p for p in en_doc.paragraphs if p._p is not review._p]
    assert not any(p._p.xpath(".//w:highlight") for p in others)


def test_comment_spans_whole_paragraph(en_doc):
    bullet = next(p for p in en_doc.paragraphs if p.text == "See the R4V portal.")
    tags = [el.tag.split("}")[1] for el in bullet._p if not el.tag.endswith("pPr")]
    assert tags == ["commentRangeStart", "bookmarkStart", "r", "hyperlink", "r",
                    "bookmarkEnd", "commentRangeEnd", "r"]
    assert bullet._p.xpath("./w:r[last()]/w:commentReference")


def test_comment_with_review_and_provenance():
    report = english_report()
    bullet = Paragraph((Span("x"),), comment="5w.csv:3", review="check", key="k")
    report = RealisedReport(**{**report.__dict__, "situation": (bullet,)})
    document = assemble.build(report)
    assert "REVIEW: check\n5w.csv:3" in [c.text for c in document.comments]


def test_no_comments_no_highlight():
    document = assemble.build(english_report(), comments=False)
    assert len(document.comments) == 0
    body = document.element.body
    assert not body.xpath(".//w:highlight | .//w:commentRangeStart | .//w:commentReference")
    assert docx_xml.bookmarks(document)  # keys stay recoverable


def test_bookmarks_carry_bullet_keys(en_doc):
    marks = docx_xml.bookmarks(en_doc)
    keys = ("situation.cpp", "food.kits", "health.consult", "health.portal")
    assert marks == {
        docx_xml.bookmark_name("situation.cpp"): "The CPP deadline ended on 10 November.",
        docx_xml.bookmark_name("food.kits"): "2,550 food kits were delivered in Tumbes.",
        docx_xml.bookmark_name("health.consult"):
            "GTRM partners provided nearly 400 consultations on mental health.",
        docx_xml.bookmark_name("health.portal"): "See the R4V portal.",
    }
    assert all(docx_xml.bookmark_name(k).startswith("sitrep_") for k in keys)
    ids = en_doc.element.body.xpath(".//w:bookmarkStart/@w:id")
    assert len(ids) == len(set(ids))


def test_key_figures_and_funding(en_doc):
    figures = en_doc.tables[0]
    cells = figures.rows[0].cells
    assert figures.style.name == "Sitrep Key Figures"
    assert [(p.style.name, p.text) for p in cells[1].paragraphs] == [
        ("Key Figure Value", "14,971"), ("Key Figure Label", "People assisted directly*")]
    funding = cells[2]
    assert [p.text for p in funding.paragraphs] == [
        "21% funded", "US$66.8M funded of US$318M required",
        "Source: Financial Tracking System (FTS)"]
    (bar,) = funding.tables
    fill, rest = bar.rows[0].cells
    assert bar.style.name == "Sitrep Bar"
    assert (fill.paragraphs[0].style.name, rest.paragraphs[0].style.name) == (
        "Bar Fill", "Bar Rest")
    assert fill.width / (fill.width + rest.width) == pytest.approx(0.21, abs=0.01)


@pytest.mark.parametrize("ratio, styles", [(0.0, ["Bar Rest"]), (1.0, ["Bar Fill"]),
                                           (1.7, ["Bar Fill"])])
def test_funding_bar_edges(ratio, styles):
    report = english_report()
    funding = FundingBlock(ratio, "h", "d", "s")
    document = assemble.build(RealisedReport(**{**report.__dict__, "funding": funding}))
    bar = document.tables[0].rows[0].cells[-1].tables[0]
    assert [c.paragraphs[0].style.name for c in bar.rows[0].cells] == styles


def test_people_reached_chart(en_doc):
    table = en_doc.tables[1]
    assert table.style.name == "Sitrep Table"
    rows = [[c.text for c in row.cells] for row in table.rows]
    assert rows == [["", "People reached*", "People reached*"], ["Food security", "8,190", ""],
                    ["Health", "4,379", ""], ["WASH", "0", ""]]
    styles = [[c.paragraphs[0].style.name for c in row.cells] for row in table.rows[1:]]
    assert styles == [["Sitrep Table Header", "Sitrep Table Value", "Bar Fill"]] * 2 + [
        ["Sitrep Table Header", "Sitrep Table Value", "Sitrep Note"]]
    full, half = (row.cells[2].paragraphs[0].paragraph_format for row in table.rows[1:3])
    inner = table.rows[1].cells[2].width - 2 * 28 * 635 - full.left_indent
    assert full.right_indent == 0 and full.left_indent == half.left_indent > 0
    assert 1 - half.right_indent / inner == pytest.approx(4379 / 8190, abs=0.01)


def test_people_reached_alt_text_and_pagination(en_doc):
    tbl = en_doc.tables[1]._tbl
    assert tbl.xpath("./w:tblPr/w:tblDescription/@w:val") == [
        "Food security: 8,190; Health: 4,379; WASH: 0"]
    rows = tbl.xpath("./w:tr")
    assert all(row.xpath("./w:trPr/w:cantSplit") for row in rows)
    assert rows[0].xpath("./w:trPr/w:tblHeader")
    kept = [bool(row.xpath(".//w:p/w:pPr/w:keepNext")) for row in rows]
    assert kept == [True, True, True, False]
    tags = [el.tag.split("}")[1] for el in tbl.tblPr]
    assert tags == sorted(tags, key=["tblStyle", "tblW", "tblInd", "tblLayout", "tblLook",
                                     "tblCaption", "tblDescription"].index)


def test_key_figures_text_lines_up_with_the_body(en_doc):
    table = en_doc.tables[0]
    (indent,) = table._tbl.xpath("./w:tblPr/w:tblInd/@w:w")
    margin = en_doc.styles["Sitrep Key Figures"].element.xpath(".//w:tblCellMar/w:left/@w:w")
    assert int(indent) == -int(margin[0])
    width = sum(c.width for c in table.rows[0].cells)
    section = en_doc.sections[0]
    text = section.page_width - section.left_margin - section.right_margin
    assert width == pytest.approx(text + 2 * int(margin[0]) * 635, abs=10)


def test_template_reads_well():
    """Bullets and partners are left-aligned; widow control on; headings keep with next."""
    document = docx.Document(str(assemble.DEFAULT_TEMPLATE))
    styles = document.styles
    for name in ("Normal", "List Bullet", "Sitrep Partners"):
        assert not styles[name].element.xpath("./w:pPr/w:jc[@w:val='both']"), name
    assert styles.element.xpath("./w:docDefaults/w:pPrDefault/w:pPr/w:widowControl")
    for name in ("Heading 1", "Heading 2", "Sitrep Title", "Sitrep Subtitle"):
        assert styles[name].paragraph_format.keep_with_next, name
    tabs = styles["Header"].element.xpath("./w:pPr/w:tabs/w:tab/@w:pos")
    assert tabs == ["4819", "9638"]  # centre and right edge of the A4 text block


def test_language_tag_spanish():
    document = assemble.build(spanish_report())
    styles = document.styles.element
    langs = styles.xpath("./w:docDefaults/w:rPrDefault/w:rPr/w:lang/@w:val")
    assert langs == ["es-ES"]
    assert set(styles.xpath(".//w:lang/@w:val")) == {"es-ES"}
    assert document.settings.element.xpath("./w:themeFontLang/@w:val") == ["es-ES"]
    assert document.paragraphs[0].text == "Perú"
    assert "REVISAR: revisar" in [c.text for c in document.comments]


def test_language_tag_english(en_doc):
    assert set(en_doc.styles.element.xpath(".//w:lang/@w:val")) == {"en-GB"}


def test_missing_label_fails_loudly():
    report = english_report()
    labels = {k: v for k, v in report.labels.items() if k != "contacts"}
    with pytest.raises(KeyError, match="contacts"):
        assemble.build(RealisedReport(**{**report.__dict__, "labels": labels}))


def _rewrite(src: Path, dst: Path, change) -> None:
    """Copy the .docx ``src`` to ``dst`` applying ``change(name, bytes) -> bytes``."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info, change(info.filename, zin.read(info.filename)))


def test_dotx_template_accepted(tmp_path):
    dotx = tmp_path / "org.dotx"
    _rewrite(assemble.DEFAULT_TEMPLATE, dotx, lambda name, blob: blob.replace(
        b"document.main+xml", b"template.main+xml") if name == "[Content_Types].xml" else blob)
    with pytest.raises(ValueError):
        docx.Document(str(dotx))  # python-docx alone refuses it
    out = tmp_path / "out.docx"
    build_and_save(english_report(), out, template=dotx)
    assert docx.Document(str(out)).paragraphs[0].text == "Peru"
    assert b"template.main+xml" not in zipfile.ZipFile(out).read("[Content_Types].xml")


def test_user_template_body_cleared_footer_kept(tmp_path):
    source = docx.Document(str(assemble.DEFAULT_TEMPLATE))
    source.add_paragraph("Letterhead text that must go")
    source.sections[0].header.paragraphs[0].text = "ORG HEADER"
    path = tmp_path / "org.docx"
    source.save(str(path))
    document = assemble.build(english_report(), template=path)
    assert "Letterhead text that must go" not in [p.text for p in document.paragraphs]
    assert document.sections[0].header.paragraphs[0].text == "ORG HEADER"
    assert document.sections[0].footer._element.xpath(".//w:instrText/text()") == [" PAGE "]


def test_template_missing_styles(tmp_path):
    source = docx.Document(str(assemble.DEFAULT_TEMPLATE))
    for name in ("Key Figure Value", "Sitrep Bar"):
        element = source.styles[name].element
        element.getparent().remove(element)
    path = tmp_path / "org.docx"
    source.save(str(path))
    with pytest.raises(TemplateError) as caught:
        assemble.build(english_report(), template=path)
    message = str(caught.value)
    assert "'Key Figure Value'" in message and "'Sitrep Bar'" in message
    assert "sitrep template --out org.docx" in message
    assert [p.code for p in caught.value.problems] == ["E402", "E402"]


def test_template_not_a_docx(tmp_path):
    path = tmp_path / "org.docx"
    path.write_text("not a zip")
    with pytest.raises(TemplateError, match="org.docx"):
        assemble.build(english_report(), template=path)


def test_shipped_template_has_a4_and_styles():
    document = docx.Document(str(assemble.DEFAULT_TEMPLATE))
    section = document.sections[0]
    assert (section.page_width.twips, section.page_height.twips) == (11906, 16838)
    assert round(section.left_margin.cm, 1) == 2.0
    for name, kind in assemble.REQUIRED_STYLES.items():
        assert document.styles[name].type == kind


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice not installed")
def test_libreoffice_renders(tmp_path):
    paths = [tmp_path / "en.docx", tmp_path / "es.docx"]
    build_and_save(english_report(), paths[0])
    build_and_save(spanish_report(), paths[1])
    profile = f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}"
    subprocess.run(["soffice", profile, "--headless", "--convert-to", "pdf", "--outdir",
                    str(tmp_path), *map(str, paths)], check=True, capture_output=True,
                   timeout=180)
    for path in paths:
        pdf = path.with_suffix(".pdf")
        assert pdf.stat().st_size > 5000
        if shutil.which("pdftotext"):
            text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True,
                                  text=True, check=True).stdout
            assert "14,971" in text or "1,54 M" in text
            assert "PER" in text
    if shutil.which("pdftoppm"):  # page 1 preview, looked at by hand during development
        subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1",
                        str(tmp_path / "en.pdf"), str(tmp_path / "en")], check=True)
        assert list(tmp_path.glob("en-*1.png"))
