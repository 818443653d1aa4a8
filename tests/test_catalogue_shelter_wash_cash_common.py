"""Catalogue entries of Shelter, WASH, Multipurpose Cash and Common Services (issue 12).

Every indicator of these sectors in every shipped RMRP catalogue is recognised under its
sector, has an entry of that sector with sentences in both languages, and the entry narrates
the catalogue's unit: people indicators a people figure, the others Quantity of output.
"""
from __future__ import annotations

import pytest
from helpers import render_entry

from nlg.catalogue import PEOPLE_TYPES, shipped
from nlg.content.recognise import recogniser
from nlg.model import Lang
from nlg.phrasebank import bank as phrasebank

SECTORS = {"SHE", "WSH", "MPC", "COM"}
BANK = phrasebank.load()
REC = recogniser(BANK)
INDICATORS = [i for i in shipped().indicators if REC.sector(i.sector) in SECTORS]

#: Indicators whose entry deliberately narrates another figure than the catalogue type says.
OTHER_FIGURE = {
    "2021/RE-WA4": "output",          # hygiene supplies: narrated as kits, as R4V reports do
    "2023-2024/RE-WA3": "output",
    "2022/wsh-hygiene": "output",
    "2023-2024/RE-CSTR02": "people_monthly",   # type Other, but it counts individuals
    "2023-2024/RE-WA6": "people_monthly",      # campaign: "campaigns and people reached"
}


def test_every_sector_label_of_the_catalogues_is_recognised():
    names = {i.sector for i in shipped().indicators}
    common = {n for n in names if n.startswith("Common Services")}
    assert len(common) == 6
    assert {REC.sector(n) for n in common} == {"COM"}
    for label, code in [("Servicios Comunes (Transversal [CwC, PSEA, AAP])", "COM"),
                        ("Servicios comunes (Communicación)", "COM"), ("Servicios Comunes (MI)", "COM"),
                        ("Agua y saneamiento", "WSH"), ("Multipurpose Cash Assistance (MPC)", "MPC"),
                        ("Multipurpose CBI", "MPC"), ("Alojamiento", "SHE")]:
        assert REC.sector(label) == code, label


def test_the_sectors_have_their_indicators_in_every_catalogue():
    cycles = {i.cycle for i in INDICATORS}
    assert cycles == {"2021", "2022", "2023-2024"}
    assert len(INDICATORS) == 71   # 33 (2021) + 4 (2022) + 34 (2023-2024)


@pytest.mark.parametrize("ind", INDICATORS, ids=lambda i: i.ref)
def test_indicator_has_an_entry_of_its_sector_in_its_unit(ind):
    eid = REC.refs.get(ind.ref)
    assert eid, f"{ind.ref} has no entry"
    entry = BANK.entries[eid]
    assert entry.sector == REC.sector(ind.sector)
    assert all(eid in lb.sentences for lb in BANK.langs.values())
    expected = OTHER_FIGURE.get(ind.ref, "people_monthly" if ind.type in PEOPLE_TYPES else "output")
    assert entry.measure.value == expected


ENTRIES = sorted({REC.refs[i.ref] for i in INDICATORS})



@pytest.mark.parametrize("eid", ENTRIES)
def test_sentences_render_with_the_figure_and_no_generic_wording(eid):
    for lang, figure in ((Lang.EN, "1,200"), (Lang.ES, "1.200")):
        for text in render_entry(eid, 1234, lang):
            assert figure in text
            assert "assisted" not in text and "atendid" not in text and "asistid" not in text
            assert "indicator" not in text and "indicador" not in text


PLURAL_ES = {"recibieron", "participaron", "accedieron", "fueron", "reportaron", "cuentan", "han",
             "beneficiaron", "realizaron", "distribuyeron", "publicaron", "registraron", "habilitaron",
             "incluyen", "relevantes", "alcanzadas", "mejorados"}


@pytest.mark.parametrize("eid", ENTRIES)
def test_a_single_unit_is_singular_in_both_languages(eid):
    """With a figure of 1, a sentence that opens with the figure (or "se") has no plural verb."""
    for text in render_entry(eid, 1, Lang.EN):
        if text.startswith("In Lima, 1 "):
            assert " were " not in text and " have " not in text, text
    for text in render_entry(eid, 1, Lang.ES):
        if text.startswith(("En Lima, 1 ", "En Lima, se ")):
            assert not PLURAL_ES & set(text.rstrip(".").replace(",", "").split()), text
