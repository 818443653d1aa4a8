"""Drafter notes belong to a bullet (issue 18 item 1, docs/notes.md).

A note naming an indicator or activity is that bullet's next sentence, in every language; a
note whose bullet is not narrated stays after the sector's bullets, flagged in the document's
language, with W290; a note naming nothing is a sector-level note, as before.
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import ROOT, SAMPLE, docx_text

from nlg.api import prepare, realise_all
from nlg.errors import ConfigError
from nlg.model import Lang

MENTAL = {"en": "It included assessments, prescribed medication",
          "es": "La atención incluyó evaluaciones"}


@pytest.fixture(scope="module")
def sample():
    draft = prepare(SAMPLE)
    return draft, realise_all(draft)


def _sector(report, code):
    return next(b for b in report.sectors if b.code == code)


def _bullet(report, key):
    return next(p for b in report.sectors for p in b.bullets if p.key == key)


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_mental_health_note_follows_the_mental_health_bullet(sample, lang):
    _, reports = sample
    report = reports[Lang(lang)]
    mental = _bullet(report, "HEA/RE-HE5_PER")
    assert MENTAL[lang] in mental.text
    assert mental.text.index(MENTAL[lang]) > mental.text.index("400")
    primary = _bullet(report, "HEA/RE-HE1")
    assert MENTAL[lang] not in primary.text
    assert [p.key for p in _sector(report, "HEA").bullets] == ["HEA/RE-HE5_PER", "HEA/RE-HE8_PER",
                                                                "HEA/RE-HE1"]   # no note paragraph


@pytest.mark.parametrize("lang", ["en", "es"])
def test_each_note_of_the_sample_ends_its_own_bullet(sample, lang):
    _, reports = sample
    report = reports[Lang(lang)]
    words = {"en": {"EDU/RE-ED5": "xenophobia", "FSC/RE-FS2_PER": "three meals",
                    "PRO/RE-PR1": "wellbeing", "PRO-GBV/RE-PRGBV3_PER": "legislative",
                    "NUT/RE-NU5_PER": "iron supplements"},
             "es": {"EDU/RE-ED5": "xenofobia", "FSC/RE-FS2_PER": "tres comidas",
                    "PRO/RE-PR1": "bienestar", "PRO-GBV/RE-PRGBV3_PER": "legislativas",
                    "NUT/RE-NU5_PER": "suplementos de hierro"}}[lang]
    for key, word in words.items():
        para = _bullet(report, key)
        assert word in para.text and para.text.rstrip().endswith(".")
        assert para.notes and word in para.notes[-1] and not para.review


def test_a_note_naming_nothing_stays_after_the_sectors_bullets(sample):
    _, reports = sample
    last = _sector(reports[Lang.EN], "INT").bullets[-1]
    assert not last.key and last.text.startswith("In Lima, through the campaign")
    assert not last.review


def test_no_warning_when_every_note_finds_its_bullet(sample):
    draft, _ = sample
    assert draft.markup_warnings == ()


def _with_notes(folder: Path, block: str) -> Path:
    path = folder / "report.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("sector_notes:")
    end = text.index("\n# As printed in the seed")
    path.write_text(text[:start] + "sector_notes:\n" + block + text[end:], encoding="utf-8")
    return folder


UNNARRATED = """  Health:
    - indicator: RE-HE2
      en: "Emergency care was given at the border."
      es: "Se brindó atención de emergencia en la frontera."
"""


@pytest.mark.parametrize("lang, reason", [
    ("en", "this note belongs to RE-HE2, which this report does not narrate"),
    ("es", "esta nota corresponde a RE-HE2, que este informe no narra"),
])
def test_a_note_whose_bullet_is_not_narrated_is_flagged_never_moved(sample_copy, lang, reason):
    draft = prepare(_with_notes(sample_copy, UNNARRATED))
    warned = [p for p in draft.markup_warnings if p.code == "W290"]
    assert len(warned) == 1 and "RE-HE2" in warned[0].message and warned[0].file.endswith("report.yaml")
    report = realise_all(draft)[Lang(lang)]
    health = _sector(report, "HEA").bullets
    assert all("emergencia" not in p.text and "Emergency" not in p.text for p in health if p.key)
    note = health[-1]
    assert not note.key and reason in note.review


def test_the_flag_shows_highlighted_in_the_document(sample_copy, tmp_path):
    from nlg.draft.output import write_drafts

    result = write_drafts(prepare(_with_notes(sample_copy, UNNARRATED)), tmp_path)
    text = docx_text(next(w.path for w in result.outputs if w.lang is Lang.ES))
    assert "Se brindó atención de emergencia en la frontera." in text
    assert any("esta nota corresponde a RE-HE2" in r for w in result.outputs for r in w.review)


def test_an_activity_and_a_catalogue_code_name_bullets_too(sample_copy):
    block = """  Water, Sanitation and Hygiene (WASH):
    - activity: newborn_kits
      en: "Each kit holds nappies and a blanket."
      es: "Cada kit contiene pañales y una manta."
  Shelter:
    - indicator: 2021/RE-SH1
      en: "Stays last three nights."
      es: "Las estancias duran tres noches."
"""
    reports = realise_all(prepare(_with_notes(sample_copy, block)))
    wash = _bullet(reports[Lang.EN], "WSH/RE-WA4")
    assert wash.text.endswith("Each kit holds nappies and a blanket.")
    assert _bullet(reports[Lang.ES], "SHE/RE-SH1").text.endswith("Las estancias duran tres noches.")


@pytest.mark.parametrize("block, code, words", [
    ("  Health:\n    - indicator: RE-HE55\n      en: x\n      es: x\n", "E185", "no indicator 'RE-HE55'"),
    ("  Health:\n    - activity: newbron_kits\n      en: x\n      es: x\n", "E185", "did you mean 'newborn_kits'"),
    ("  Health:\n    - indicator: RE-PR1\n      en: x\n      es: x\n", "E186", "not under Health"),
    ("  Health:\n    - {indicator: RE-HE1, activity: newborn_kits, en: x, es: x}\n", "E184", "not both"),
])
def test_bad_targets_are_config_errors(sample_copy, block, code, words):
    with pytest.raises(ConfigError) as info:
        prepare(_with_notes(sample_copy, block))
    assert [p.code for p in info.value.problems] == [code]
    assert words in str(info.value.problems[0])


def test_portuguese_note_in_the_brazil_sample(tmp_path):
    folder = tmp_path / "brazil"
    shutil.copytree(ROOT / "samples" / "brazil-2022-08", folder)
    draft = prepare(folder)
    sector, key = next((sp.sector, b.key) for sp in draft.plan.sectors for b in sp.bullets)
    indicator = key.split("/")[1]
    name = draft.bank.sectors[sector].names["en"]
    path = folder / "report.yaml"
    path.write_text(path.read_text(encoding="utf-8") + f"""
sector_notes:
  {name}:
    - indicator: {indicator}
      en: "A note in English."
      pt: "Uma nota em português."
""", encoding="utf-8")
    reports = realise_all(prepare(folder))
    pt = _bullet(reports[Lang("pt")], key)
    assert pt.text.endswith("Uma nota em português.") and not pt.review
    assert _bullet(reports[Lang.EN], key).text.endswith("A note in English.")


def test_a_note_in_one_language_is_flagged_in_the_other(sample_copy):
    block = """  Health:
    - indicator: RE-HE5_PER
      en: "Sessions lasted 45 minutes."
"""
    reports = realise_all(prepare(_with_notes(sample_copy, block)))
    es = _bullet(reports[Lang.ES], "HEA/RE-HE5_PER")
    assert es.text.endswith("Sessions lasted 45 minutes.")
    assert "falta el texto en español" in es.review
    assert not _bullet(reports[Lang.EN], "HEA/RE-HE5_PER").review


def test_check_leaves_the_figures_of_a_note_alone(sample_copy, tmp_path):
    from nlg.check.findings import check
    from nlg.draft.output import write_drafts

    block = """  Health:
    - indicator: RE-HE5_PER
      en: "Sessions lasted 45 minutes and 12 psychologists took part."
      es: "Las sesiones duraron 45 minutos y participaron 12 psicólogos."
"""
    folder = _with_notes(sample_copy, block)
    result = write_drafts(prepare(folder), tmp_path)
    findings = check([w.path for w in result.outputs], data=folder).findings
    assert [f for f in findings if f.code == "E610"] == []
    assert re.search(r"45 minutes", docx_text(result.outputs[0].path))
