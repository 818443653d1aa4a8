"""Recognition of sectors, indicators (code, text, similarity) and activities."""
from __future__ import annotations

import pytest

from nlg.catalogue import SIMILARITY
from nlg.content.recognise import normalise, recogniser, split_code
from nlg.phrasebank import bank as phrasebank


@pytest.fixture(scope="module")
def rec():
    return recogniser(phrasebank.load())


@pytest.mark.parametrize("label, code", [
    ("Education", "EDU"), ("Educación", "EDU"), ("EDUCACION", "EDU"),
    ("Protection", "PRO"), ("Protection (GBV)", "PRO-GBV"), ("Protección (VBG)", "PRO-GBV"),
    ("Protection (Child Protection)", "PRO-CP"), ("Multipurpose Cash Assistance", "MPC"),
    ("Multipurpose CBI", "MPC"), ("CBI Multiproposito", "MPC"), ("WASH", "WSH"),
    ("Agua, Saneamiento e Higiene", "WSH"), ("Humanitarian Transportation", "HTR"),
    ("Seguridad Alimentaria", "FSC"), ("Bananas", ""),
])
def test_sector_labels(rec, label, code):
    assert rec.sector(label) == code


@pytest.mark.parametrize("code, label, entry", [
    ("RE-PR1", "", "RE-PR1"),                                       # code column
    ("", "RE-FS1 # of individuals receiving food assistance", "RE-FS1"),   # code in front
    ("", "re-fs1: # of individuals receiving food assistance", "RE-FS1"),
    ("", "# of individuals receiving food assistance", "RE-FS1"),   # exact text
    ("", "# de personas que reciben asistencia alimentaria", "RE-FS1"),   # Spanish text
    ("", "N° de personas que reciben asistencia alimentaria", "RE-FS1"),  # N° prefix
    ("", "#  OF INDIVIDUALS RECEIVING FOOD ASSISTANCE.", "RE-FS1"),  # case, punctuation
    # rewordings between planning years
    ("", "# of refugees and migrants who received protection-related assistance and specialised services",
     "RE-PR1"),
    ("", "# of refugees and migrants enrolled in formal educational institutions or enrolled in "
         "alternative or non-formal education activities / programmes", "RE-ED1"),
    ("", "# of people who received a bicycle", ""),                  # unknown
    ("RE-XX9", "# of people who received a bicycle", ""),
    ("RE-PRCP2_PER", "", "RE-PRCP2_PER"),     # a platform's code, its entry also in a catalogue
    ("RE-PR7_PER", "", "pro_psychosocial_support"),   # a 2021 catalogue code: the catalogue decides
])
def test_indicators(rec, code, label, entry):
    assert rec.indicator(code, label) == entry


def test_similarity_threshold_is_documented():
    assert SIMILARITY == 0.85


@pytest.mark.parametrize("name, activity", [
    ("Newborn kits", "newborn_kits"), ("Kits para recién nacidos", "newborn_kits"),
    ("NEWBORN KITS", "newborn_kits"), ("Cinema in your neighbourhood", ""),
])
def test_activities(rec, name, activity):
    assert rec.activity("RE-WA4", name) == activity


def test_normalise_and_split():
    assert normalise("Nº de niñas") == "de ninas"
    assert split_code("RE-PRGBV3_PER # de actividades")[0] == "RE-PRGBV3_PER"
