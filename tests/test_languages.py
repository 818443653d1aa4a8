"""Languages as data (issue 14 item 2): the registry, report.yaml languages:, texts by language,
variant choice aligned across every language of the phrasebank."""
from __future__ import annotations

from dataclasses import replace
from types import MappingProxyType

import pytest
from conftest import ROOT, SAMPLE

from nlg import lang as languages
from nlg.api import prepare
from nlg.config.report import ConfigError, Texts, check_text, load_config
from nlg.content import plan
from nlg.draft.output import write_drafts
from nlg.lang.base import LanguageRules
from nlg.model import Lang
from nlg.phrasebank import bank as phrasebank


def test_every_language_module_is_a_language():
    assert languages.CODES[0] == languages.REFERENCE.value == "en"
    assert {"en", "es"} <= set(languages.CODES)
    assert languages.DEFAULT == (Lang.EN, Lang.ES)
    for code in languages.CODES:
        rules = languages.module(code)
        for name in LanguageRules.__annotations__:
            assert hasattr(rules, name), (code, name)
        for name in ("pluralise", "inflect", "agree", "definite_article", "join", "orthography",
                     "quantity", "money_usd"):
            assert callable(getattr(rules, name)), (code, name)


def test_every_language_has_its_phrasebank():
    bank = phrasebank.load()
    assert set(bank.langs) == set(Lang)
    for sector in bank.sectors.values():
        assert set(sector.names) == set(languages.CODES)


def _yaml(extra: str) -> str:
    text = (SAMPLE / "report.yaml").read_text(encoding="utf-8")
    return text + "\n" + extra


def test_languages_default_and_given(tmp_path):
    assert load_config(SAMPLE).languages == (Lang.EN, Lang.ES)
    assert check_text(SAMPLE, _yaml("languages: [es]")).languages == (Lang.ES,)
    assert check_text(SAMPLE, _yaml("languages: [ES, en, es]")).languages == (Lang.ES, Lang.EN)


@pytest.mark.parametrize(("value", "code"), [("[en, fr]", "E161"), ("[]", "E160"), ("{en: 1}", "E160")])
def test_languages_errors(value, code):
    with pytest.raises(ConfigError) as exc:
        check_text(SAMPLE, _yaml(f"languages: {value}"))
    assert [p.code for p in exc.value.problems] == [code]


def test_draft_writes_the_report_languages(tmp_path, sample_copy):
    (sample_copy / "report.yaml").write_text(_yaml("languages: [es]"), encoding="utf-8")
    result = write_drafts(prepare(sample_copy), tmp_path)
    assert [w.path.name for w in result.outputs] == ["PER_2023-11_es.docx"]


def test_texts_by_language_code():
    item = Texts(MappingProxyType({"es": "Hola"}))
    assert item.get(Lang.ES) == "Hola" and item.get(Lang.EN) == "" and item.first() == "Hola"
    with pytest.raises(ConfigError) as exc:
        check_text(SAMPLE, _yaml("actor: {en: partners, xx: socios}"))
    assert [p.code for p in exc.value.problems] == ["E110"]


def _bank_with(variants: dict[Lang, tuple[str, ...]]):
    bank = phrasebank.load()
    langs = {}
    for lang, lb in bank.langs.items():
        sentences = dict(lb.sentences)
        sentences["x"] = MappingProxyType({"main": variants.get(lang, variants[Lang.EN])})
        langs[lang] = replace(lb, sentences=MappingProxyType(sentences))
    return replace(bank, langs=MappingProxyType(langs))


def test_variant_count_is_the_smallest_of_every_language():
    bank = _bank_with({Lang.EN: ("a b", "c d", "e f"), Lang.ES: ("a b", "c d")})
    chosen = {plan._choose(bank, "x", "main", (0, "r", k), set()) for k in range(40)}
    assert chosen == {0, 1}


def test_an_opening_repeated_in_any_language_is_avoided():
    """English openings differ, Spanish ones repeat: the second bullet moves on in both."""
    bank = _bank_with({Lang.EN: ("{{ place }}A one", "{{ place }}B two"),
                       Lang.ES: ("{{ place }}Uno dos", "{{ place }}Uno dos")})
    seed = next(k for k in range(100) if plan._choose(bank, "x", "main", (0, "r", k), set()) == 0)
    openings: set = set()
    assert plan._choose(bank, "x", "main", (0, "r", seed), openings) == 0
    # the next bullet: index 1 opens "Uno dos" in Spanish again, so nothing better exists: first
    again = plan._choose(bank, "x", "main", (0, "r", seed), openings)
    assert again == 0
    bank = _bank_with({Lang.EN: ("{{ place }}A one", "{{ place }}B two", "{{ place }}C three"),
                       Lang.ES: ("{{ place }}Uno dos", "{{ place }}Uno dos", "{{ place }}Tres")})
    openings = set()
    first = plan._choose(bank, "x", "main", (0, "r", 1), openings)
    second = plan._choose(bank, "x", "main", (0, "r", 1), openings)
    assert second != first and {first, second} != {0, 1}


def test_a_missing_portuguese_text_falls_back_visibly(tmp_path):
    from nlg.api import realise_all

    folder = tmp_path / "bra"
    shutil_copy = __import__("shutil").copytree
    shutil_copy(ROOT / "samples" / "brazil-2022-08", folder)
    text = (folder / "report.yaml").read_text(encoding="utf-8")
    (folder / "report.yaml").write_text(text + "situation:\n  - en: \"Only in **English**.\"\n"
                                        "  - {en: \"Both.\", pt: \"Ambos.\"}\n", encoding="utf-8")
    reports = realise_all(prepare(folder))
    first, second = reports[Lang.PT].situation
    assert first.text == "Only in English." and "português" in first.review
    assert second.text == "Ambos." and not second.review
    assert not reports[Lang.EN].situation[0].review


def test_cli_draft_lang_pt(tmp_path, capsys):
    from nlg.cli import sitrep as cli

    assert cli.main(["draft", str(ROOT / "samples" / "brazil-2022-08"), "--out", str(tmp_path),
                     "--lang", "pt"]) == 0
    assert sorted(p.name for p in tmp_path.glob("*.docx")) == ["BRA_2022-08_pt.docx"]
    assert cli.main(["draft", str(SAMPLE), "--out", str(tmp_path / "per"), "--lang", "pt"]) == 0
    assert (tmp_path / "per" / "PER_2023-11_pt.docx").is_file()     # any language, on request
