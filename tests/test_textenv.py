"""The direct filling of templates gives exactly what the strict jinja sandbox gives."""
from __future__ import annotations

import pytest

from nlg.lang import module
from nlg.lang.base import Noun
from nlg.phrasebank import bank as phrasebank
from nlg.realise import textenv

SLOTS = {"place": "In Lima, ", "actor": "GTRM partners", "count": "over 900 people",
         "group": "refugees and migrants", "sector": "Health", "label": "# of {{ x }} people",
         "official": "# of {{ y }} people", "row": "5w.xlsx:12", "units": "departments",
         "places": "Lima and Tumbes", "n": "9", "hedge": "over", "quantity": "900 people",
         "previous": "700", "month": "October", "platform": "GTRM", "country": "Peru",
         "period": "November 2023", "date": "5 December 2023", "percent": "21%",
         "funded": "US$66.8 million", "required": "US$318 million", "source": "FTS",
         "indicator": "RE-ED1", "value": "906", "shown": "900", "partners": "3", "rows": "4",
         "sources": "5w.xlsx 4–6", "computed": "2,954", "codes": "W209",
         "countries": "Aruba and Curaçao", "target": "RE-HE2"}


def _templates():
    bank = phrasebank.load()
    for lang, lb in bank.langs.items():
        for key, forms in lb.sentences.items():
            for form, variants in forms.items():
                for i, source in enumerate(variants):
                    yield pytest.param(lang, source, id=f"{lang.value}-{key}-{form}-{i}")
        for group in (lb.frames, lb.hedges):
            for key, variants in group.items():
                for i, source in enumerate(variants):
                    yield pytest.param(lang, source, id=f"{lang.value}-{key}-{i}")
        for key, source in lb.labels.items():
            yield pytest.param(lang, source, id=f"{lang.value}-label-{key}")


@pytest.mark.parametrize("lang, source", list(_templates()))
@pytest.mark.parametrize("gender, plural", [("f", True), ("m", False)])
def test_direct_fill_equals_jinja(lang, source, gender, plural):
    bank = phrasebank.load()
    lb = bank.langs[lang]
    agreement = textenv.Agreement(module(lang), Noun("persona", gender=gender if module(lang).GENDERED else ""),
                                  plural, dict(lb.verbs))
    assert textenv._direct(source) is not None, "a shipped template needs jinja"
    direct = textenv.render(source, SLOTS, agreement=agreement, acronyms=textenv.Acronyms(dict(lb.acronyms)))
    jinja = textenv.sandboxed(source, SLOTS, agreement=agreement,
                              acronyms=textenv.Acronyms(dict(lb.acronyms)))
    assert direct == jinja


def test_missing_slot_is_an_error_both_ways():
    from nlg.errors import PhrasebankError

    for source in ("In {{ places }}", "In {{ places | acronym }}"):
        with pytest.raises(PhrasebankError) as caught:
            textenv.render(source, {})
        assert caught.value.problems[0].code == "E318"
        assert "'places'" in str(caught.value)


def test_logic_is_refused_when_rendering_not_only_by_lint():
    from nlg.errors import PhrasebankError

    with pytest.raises(PhrasebankError) as caught:
        textenv.render("{% if 1 %}{{ places }}{% endif %}", {"places": "Lima"})
    assert caught.value.problems[0].code == "E316"
    assert "an {% if %} block" in str(caught.value)
