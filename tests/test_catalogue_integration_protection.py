"""Catalogue entries of Integration and Protection with its sub-sectors (issue 12, group B).

Every indicator of these sectors in every shipped RMRP catalogue is recognised under its
sector (the catalogues' own sector labels, English and official Spanish), has an entry of that
sector with sentences in both languages, and the entry narrates the indicator's unit: people
indicators a people figure, the others Quantity of output. Capacity-building entries say
trained / took part, never assisted.
"""
from __future__ import annotations

import pytest
from helpers import render_entry

from nlg.catalogue import PEOPLE_TYPES, shipped
from nlg.content.recognise import recogniser
from nlg.model import Lang
from nlg.phrasebank import bank as phrasebank

SECTORS = {"INT", "PRO", "PRO-CP", "PRO-GBV", "PRO-HTS", "PRO-SS"}
BANK = phrasebank.load()
REC = recogniser(BANK)
INDICATORS = [i for i in shipped().indicators if REC.sector(i.sector) in SECTORS]

#: Indicators whose entry narrates another figure than the catalogue type says, and why.
OTHER_FIGURE = {
    "2021/RE-PR6_PER": "output",            # Pin, but its unit is documents obtained
    "2023-2024/RE-GBV4": "output",          # Direct Assistance, but it counts services (sessions)
    "2023-2024/RE-IN6": "people_monthly",   # campaign counting people reached
    "2023-2024/RE-CP4": "people_monthly",   # campaigns and people reached: the people are narrated
}


@pytest.mark.parametrize("label, code", [
    ("Protection (Human Trafficking and Smuggling)", "PRO-HTS"),   # 2023-2024 spelling
    ("Protección (Trata y Tráfico de Personas)", "PRO-HTS"),
    ("Protection (Support Spaces)", "PRO-SS"), ("Protección (Espacio de Apoyo)", "PRO-SS"),
    ("Protección (Espacios de Apoyo)", "PRO-SS"),
    ("Protección (Protección de la Niñez)", "PRO-CP"), ("Proteccion (General)", "PRO"),
    ("Protección (VBG)", "PRO-GBV"), ("Integración", "INT"),
])
def test_sector_labels_of_the_catalogues(label, code):
    assert REC.sector(label) == code
    assert BANK.sector(code).top in ("PRO", "INT")


def test_the_sectors_have_their_indicators_in_every_catalogue():
    by_cycle = {c: sum(1 for i in INDICATORS if i.cycle == c) for c in ("2021", "2022", "2023-2024")}
    assert by_cycle == {"2021": 30, "2022": 7, "2023-2024": 28}


@pytest.mark.parametrize("ind", INDICATORS, ids=lambda i: i.ref)
def test_indicator_has_an_entry_of_its_sector_in_its_unit(ind):
    eid = REC.refs.get(ind.ref)
    assert eid, f"{ind.ref} has no entry"
    entry = BANK.entries[eid]
    assert entry.sector == REC.sector(ind.sector)
    assert all(eid in lb.sentences for lb in BANK.langs.values())
    expected = OTHER_FIGURE.get(ind.ref, "people_monthly" if ind.type in PEOPLE_TYPES else "output")
    assert entry.measure.value == expected


@pytest.mark.parametrize("text, entry", [
    # codes reused with another meaning across cycles: the text decides
    ("# of people trained to strengthen the protection environment", "pro_trained"),
    ("# of capacity building activities conducted to strengthen the protection environment and "
     "integrating gender, age and diversity dimensions as well considerations for ethnic groups",
     "pro_capacity_activities"),
    ("RE-PRHT1 # of individuals working with refugees and migrants trained on the prevention, "
     "identification, assistance, protection, and prosecution of human trafficking and smuggling of "
     "migrants", "hts_trained"),
    # the same meaning across cycles: one entry, one bullet
    ("# of advocacy interventions made to promote access to the territory, asylum procedures, "
     "regularization, birth registration and nationality", "pro_advocacy"),
    ("# de intervenciones de incidencia efectivas para garantizar los derechos de las personas "
     "refugiadas y migrantes de Venezuela", "pro_advocacy"),
    ("# de Espacios de Apoyo en funcionamiento", "ss_support_spaces"),
])
def test_recognised_by_text(text, entry):
    assert REC.indicator("", text) == entry


ENTRIES = sorted({REC.refs[i.ref] for i in INDICATORS})



@pytest.mark.parametrize("eid", ENTRIES)
def test_sentences_give_the_figure_and_no_generic_wording(eid):
    for lang, figure in ((Lang.EN, "1,2"), (Lang.ES, "1.2")):
        for text in render_entry(eid, 1234, lang):
            assert figure in text, text
            assert "indicator" not in text and "indicador" not in text
            assert "assisted" not in text and "atendid" not in text and "asistid" not in text


CAPACITY = sorted({REC.refs[i.ref] for i in INDICATORS if i.type in ("capacity", "people")})


@pytest.mark.parametrize("eid", CAPACITY)
def test_capacity_building_says_trained_or_took_part(eid):
    words = {Lang.EN: ("trained", "took part", "involved"),
             Lang.ES: ("capacit", "participaron", "involucraron")}
    reach = {"RE-INT5"}      # 2021 type People: the reach of social cohesion activities, no training
    for lang, allowed in words.items():
        for text in render_entry(eid, 1234, lang):
            assert any(w in text for w in allowed) or eid in reach, text


PLURAL_ES = {"recibieron", "participaron", "fueron", "estuvieron", "brindaron", "obtuvieron",
             "alcanzadas", "alcanzados", "elaborados", "afectadas", "operativos"}


@pytest.mark.parametrize("eid", ENTRIES)
def test_a_single_unit_is_singular_in_both_languages(eid):
    for text in render_entry(eid, 1, Lang.EN):
        if text.startswith("In Lima, 1 "):
            assert " were " not in text, text
    for text in render_entry(eid, 1, Lang.ES):
        if text.startswith(("En Lima, 1 ", "En Lima, se ")):
            assert not PLURAL_ES & set(text.rstrip(".").replace(",", "").split()), text
