"""Sentence realisation: golden cases per phenomenon, both languages from one message."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from helpers import message, writer
from hypothesis import given, settings
from hypothesis import strategies as st

from nlg.content import hedge as hedge_rule
from nlg.lang import module
from nlg.model import Hedge, Lang, Precision
from nlg.numfmt import parse_integer
from nlg.realise.sentences import message_text, sentence_spans

CASES = yaml.safe_load((Path(__file__).parent / "golden" / "phenomena.yaml").read_text(encoding="utf-8"))


def _realise(case: dict, lang: Lang) -> str:
    m = dict(case["msg"])
    h = Hedge(m.pop("hedge", "exact"))
    msg = message(m.pop("entry"), m.pop("value"), m.pop("shown", None), h, **m)
    period = tuple(case["previous_period"]) if "previous_period" in case else None
    w = writer(lang, previous=period)
    text, _ = message_text(w, msg)
    return "".join(s.text for s in sentence_spans(w, text))


@pytest.mark.parametrize("name", sorted(CASES))
@pytest.mark.parametrize("lang", list(Lang))
def test_phenomenon(name, lang):
    assert _realise(CASES[name], lang) == CASES[name][lang.value]


def test_unknown_indicator_needs_translation_in_the_other_language():
    msg = message("_generic_quote", 320, noun="", label="# de personas que reciben asesoría",
                  label_lang="es", sector="PRO")
    text, review = message_text(writer(Lang.EN), msg)
    assert review.startswith("translation needed") and "«" not in text and "“# de personas" in text
    assert "320 people" not in text                    # the unit is unknown: never invented
    assert message_text(writer(Lang.ES), msg)[1] == ""


def test_acronym_spelled_out_once_per_document():
    w = writer(Lang.EN)
    msg = message("RE-PRGBV1", 45, 40, Hedge.OVER, noun="people", sector="PRO-GBV")
    first, _ = message_text(w, msg)
    second, _ = message_text(w, msg)
    assert "gender-based violence (GBV)" in first
    assert "gender-based violence" not in second and "GBV" in second


def test_es_pe_number_locale():
    from helpers import config

    w = writer(Lang.ES, config(number_locale={"en": "en", "es": "es_PE"}))
    text, _ = message_text(w, message("RE-FS2_PER", 2550, noun="food_kits", sector="FSC"))
    assert "2,550 kits" in text


HEDGE_WORDS = {
    Lang.EN: {"over": "over", "more than": "over", "nearly": "nearly", "almost": "nearly",
              "some": "about", "around": "about", "fewer than": "under"},
    Lang.ES: {"más de": "over", "casi": "nearly", "cerca de": "nearly", "unos": "about",
              "unas": "about", "alrededor de": "about", "menos de": "under"},
    Lang.PT: {"mais de": "over", "quase": "nearly", "cerca de": "about", "menos de": "under"},
}


def _figure(text: str, lang: Lang) -> tuple[str, int]:
    import re

    match = re.search(r"(\d[\d.,\u00a0]*\d|\d)( millions?| mill[oó]n(?:es)?| milh(?:ão|ões))?", text)
    before = text[:match.start()].lower().rstrip()
    relation = next((rel for word, rel in HEDGE_WORDS[lang].items() if before.endswith(word)), "exact")
    if match.group(2):
        whole, _, frac = match.group(1).replace(",", ".").partition(".")
        return relation, int(whole) * 1_000_000 + int(frac.ljust(6, "0")) if frac else int(whole) * 1_000_000
    return relation, parse_integer(match.group(1), locale=module(lang).NUMBER_LOCALE)


@settings(max_examples=300, deadline=None)
@given(value=st.integers(min_value=0, max_value=999_999), precision=st.sampled_from(list(Precision)),
       variant=st.integers(min_value=0, max_value=5))
def test_every_language_shows_the_same_figure_and_relation(value, precision, variant):
    q = hedge_rule.decide(value, precision=precision)
    msg = message("RE-SH1", value, q.shown, q.hedge, variant=variant, sector="SHE", places=("Lima",))
    seen = []
    for lang in Lang:
        text, _ = message_text(writer(lang), msg)
        plain = text.replace("**", "")
        seen.append(_figure(plain.split(", ", 1)[-1] if plain.startswith(("In ", "En ", "Em ")) else plain, lang))
    assert len(set(seen)) == 1
    assert seen[0][1] == q.shown


def test_data_is_never_rendered_as_a_template():
    msg = message("_generic_quote", 320, noun="", label="# of {{ 7*7 }} {% if x %}people",
                  label_lang="en", sector="PRO")
    text, _ = message_text(writer(Lang.EN), msg)
    assert "{{ 7*7 }} {% if x %}" in text and "49" not in text
