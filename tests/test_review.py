"""Tests for nlg.draft.review: the side-by-side English | Spanish review copy."""
from __future__ import annotations

import dataclasses
import datetime as dt
import zipfile

import docx
import pytest
from docx.enum.section import WD_ORIENT
from test_assemble import english_report, spanish_report

from nlg.draft import review
from nlg.errors import OutputError
from nlg.model import Lang
from nlg.realise.doc import Paragraph, SectorBlock, Span
from nlg.word import assemble


@pytest.fixture(scope="module")
def reports():
    """Return the small test reports keyed by language (given in reverse order on purpose)."""
    es = spanish_report()
    situation = tuple(dataclasses.replace(p, key="situation.cpp") for p in es.situation)
    return {Lang.ES: dataclasses.replace(es, situation=situation), Lang.EN: english_report()}


@pytest.fixture(scope="module")
def table(reports):
    """Return the review document's single table."""
    document = review.build_review(reports)
    (only,) = document.tables
    return only


def rows_text(table) -> list[list[str]]:
    """Return the text of every cell, row by row."""
    return [[c.text for c in row.cells] for row in table.rows]


def row_of(table, english: str):
    """Return the row whose English cell is ``english``."""
    return next(r for r in table.rows if r.cells[1].text.split("\n")[0] == english)


def test_header_names_languages_in_their_own_words(table):
    assert rows_text(table)[0] == ["", "English", "Español"]
    assert table.rows[0]._tr.xpath("./w:trPr/w:tblHeader")


def test_one_row_per_paragraph_in_document_order(table):
    english = [row[1].split("\n")[0] for row in rows_text(table)[1:]]
    assert english[:5] == ["Peru", "Situation report — November 2023",
                           "Published: 15 December 2023",
                           "1.54M  Refugees and migrants in Peru", "14,971  People assisted directly*"]
    order = ["21% funded", "Situation", "The CPP deadline ended on 10 November.", "Response",
             "Food security", "2,550 food kits were delivered in Tumbes.", "Health",
             "GTRM partners provided nearly 400 consultations on mental health.",
             "See the R4V portal.", "People reached by sector", "People reached*",
             "Food security: 8,190", "*Includes people in transit.", "Coordination",
             "The GTRM met on 30 November.", "GTRM partners (3)", "ACNUR | OIM | UNICEF",
             "Contacts", "Coordination: urquia@unhcr.org"]
    positions = [english.index(text) for text in order]
    assert positions == sorted(positions)


def test_pairs_and_missing_translations(table):
    row = row_of(table, "2,550 food kits were delivered in Tumbes.")
    assert row.cells[2].text == "—"  # the Spanish report has no food sector
    assert row.cells[0].text == "food.kits"
    health = row_of(table, "GTRM partners provided nearly 400 consultations on mental health.")
    assert health.cells[2].text == "Casi 400 consultas de salud mental; véase R4V."
    assert health.cells[0].text == "health.consult"


def test_styles_match_the_drafts(table):
    styles = {r.cells[1].paragraphs[0].text: r.cells[1].paragraphs[0].style.name
              for r in table.rows[1:]}
    assert styles["Situation"] == "Heading 1"
    assert styles["Health"] == "Heading 2"
    assert styles["See the R4V portal."] == "List Bullet"
    assert styles["The GTRM met on 30 November."] == "Normal"
    assert table.style.name == "Sitrep Table"
    bold = row_of(table, "The CPP deadline ended on 10 November.").cells[1].paragraphs[0]
    assert [r.text for r in bold.runs if r.bold] == ["CPP deadline ended"]


def test_review_flags_are_highlighted_and_explained(table):
    row = row_of(table, "The CPP deadline ended on 10 November.")
    spanish = row.cells[2].paragraphs
    assert spanish[-1].text == "⚑ revisar"
    assert spanish[-1].style.name == "Sitrep Note"
    assert spanish[0]._p.xpath(".//w:highlight/@w:val")[0] == "yellow"
    assert not row.cells[1].paragraphs[0]._p.xpath(".//w:highlight")
    portal = row_of(table, "See the R4V portal.")
    assert portal.cells[1].paragraphs[-1].text == "⚑ figure differs from last month by 80%"


def test_each_column_tagged_with_its_language(table):
    for row in table.rows:
        for cell, tag in zip(row.cells[1:], ("en-GB", "es-ES")):
            langs = set(cell._tc.xpath(".//w:r/w:rPr/w:lang/@w:val"))
            assert langs <= {tag}, (cell.text, langs)
    link = row_of(table, "See the R4V portal.").cells[1]
    assert link._tc.xpath(".//w:hyperlink/w:r/w:rPr/w:lang/@w:val") == ["en-GB"]


def test_rows_do_not_split_across_pages(table):
    assert all(tr.xpath("./w:trPr/w:cantSplit") for tr in table._tbl.xpath("./w:tr"))


def test_unmatched_keys_get_rows_of_their_own():
    rows = review.review_rows([english_report(), spanish_report()])  # situation keys differ
    keys = [(r.key, [c.text for c in r.cells]) for r in rows if r.key.startswith("situ")]
    assert keys == [("situation.cpp", ["The CPP deadline ended on 10 November.", "—"]),
                    ("situacion.cpp", ["—", "El plazo del CPP terminó."])]


def test_sector_missing_in_one_language():
    en = english_report()
    extra = SectorBlock("wash", "WASH", (Paragraph((Span("x"),), key="wash.x"),))
    en = dataclasses.replace(en, sectors=en.sectors + (extra,))
    rows = review.review_rows([en, spanish_report()])
    heading = next(r for r in rows if r.cells[0].text == "WASH")
    assert (heading.level, heading.key, heading.cells[1].text) == (2, "wash", "—")


def test_write_review_landscape_no_embedded_data(tmp_path, reports):
    path = review.write_review(reports, tmp_path / "review.docx",
                               created=dt.datetime(2023, 12, 15, 12))
    document = docx.Document(str(path))
    section = document.sections[0]
    assert section.orientation == WD_ORIENT.LANDSCAPE
    assert section.page_width > section.page_height
    assert document.core_properties.title == "Peru situation report | Perú: informe"
    assert document.core_properties.created == dt.datetime(2023, 12, 15, 12,
                                                           tzinfo=dt.UTC)
    assert not [n for n in zipfile.ZipFile(path).namelist() if n.startswith("customXml/item")]
    assert document.paragraphs[0].text == "Peru | Perú"
    first = path.read_bytes()
    review.write_review(reports, path, created=dt.datetime(2023, 12, 15, 12))
    assert path.read_bytes() == first  # deterministic


def test_edited_review_copy_is_kept(tmp_path, reports):
    path = review.write_review(reports, tmp_path / "review.docx")
    assert not review.is_edited(path)
    review.write_review(reports, path)  # unchanged: replaced silently
    edited = docx.Document(str(path))
    edited.tables[0].rows[1].cells[2].paragraphs[0].add_run(" (corregido)")
    edited.save(str(path))
    assert review.is_edited(path)
    with pytest.raises(OutputError) as caught:
        review.write_review(reports, path)
    assert caught.value.problems[0].code == "E533"
    assert "--force" in str(caught.value)
    review.write_review(reports, path, force=True)
    backup = tmp_path / "review.edited-1.docx"
    assert "(corregido)" in docx.Document(str(backup)).tables[0].rows[1].cells[2].text
    assert not review.is_edited(path)


def test_review_uses_the_organisation_template(tmp_path, reports):
    source = docx.Document(str(assemble.DEFAULT_TEMPLATE))
    source.styles["Normal"].font.name = "Georgia"
    source.sections[0].header.paragraphs[0].text = "ORG"
    org = tmp_path / "org.docx"
    source.save(str(org))
    document = review.build_review(reports, template=org)
    assert document.styles["Normal"].font.name == "Georgia"
    assert document.sections[0].header.paragraphs[0].text == "ORG"


def test_one_language_only():
    document = review.build_review({Lang.EN: english_report()})
    assert [c.text for c in document.tables[0].rows[0].cells] == ["", "English"]
    with pytest.raises(ValueError):
        review.build_review({})


@pytest.mark.parametrize("tag, name", [("en-GB", "English"), ("es-ES", "Español"),
                                       ("es-PE", "Español"), ("en", "English")])
def test_language_name(tag, name):
    assert review.language_name(tag) == name
