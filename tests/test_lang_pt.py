"""Tests for nlg.lang.pt (Brazilian Portuguese, issue 15): plurals, agreement, contractions,
lists and places, numbers, money and dates of pt_BR."""
from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nlg import numfmt
from nlg.lang import Lang, module, pt
from nlg.lang.base import Noun


def test_a_language_of_the_registry():
    assert module(Lang.PT) is pt and module("pt") is pt
    assert (pt.NAME, pt.LANGUAGE_TAG, pt.NUMBER_LOCALE) == ("Portuguese", "pt-BR", "pt_BR")


@pytest.mark.parametrize(("word", "plural"), [
    ("kit", "kits"), ("consulta", "consultas"), ("atividade", "atividades"), ("família", "famílias"),
    ("pessoa", "pessoas"), ("mulher", "mulheres"), ("luz", "luzes"), ("item", "itens"),
    ("homem", "homens"), ("animal", "animais"), ("canal", "canais"), ("papel", "papéis"),
    ("nível", "níveis"), ("civil", "civis"), ("útil", "úteis"), ("azul", "azuis"),
    ("anzol", "anzóis"), ("mês", "meses"), ("país", "países"), ("gás", "gases"),
    ("português", "portugueses"), ("vírus", "vírus"), ("lápis", "lápis"), ("ônibus", "ônibus"),
    ("café", "cafés"), ("ONG", "ONG"), ("Consulta", "Consultas"),
])
def test_pluralise(word, plural):
    assert pt.pluralise(word) == plural


@pytest.mark.parametrize("word", ["sessão", "orientação", "cidadão", "pão", "mão"])
def test_plural_of_ao_comes_from_the_lexicon(word):
    with pytest.raises(ValueError, match="lexicon"):
        pt.pluralise(word)
    assert pt.inflect(Noun(word, word[:-2] + "ões", "f"), 2) == word[:-2] + "ões"


def test_pluralise_refuses_phrases():
    with pytest.raises(ValueError, match="phrase"):
        pt.pluralise("kit de higiene")


@pytest.mark.parametrize(("count", "form"), [(1, "pessoa"), (0, "pessoas"), (2, "pessoas")])
def test_inflect(count, form):
    assert pt.inflect(Noun("pessoa", gender="f"), count) == form


@pytest.mark.parametrize(("word", "gender", "plural", "agreed"), [
    ("capacitado", "f", True, "capacitadas"),
    ("capacitado", "m", True, "capacitados"),
    ("capacitado", "f", False, "capacitada"),
    ("refugiado e migrante", "f", True, "refugiadas e migrantes"),
    ("atendido pela OIM", "f", True, "atendidas pela OIM"),
    ("vulnerável", "f", True, "vulneráveis"),
    ("migrante", "f", True, "migrantes"),
    ("o", "f", True, "as"), ("um", "f", False, "uma"), ("este", "f", True, "estas"),
    ("aquele", "f", False, "aquela"),
    ("inglês", "f", False, "inglesa"), ("trabalhador", "f", True, "trabalhadoras"),
    ("maior", "f", False, "maior"), ("europeu", "f", False, "europeia"),
    ("beneficiado", "m", False, "beneficiado"),
])
def test_agree(word, gender, plural, agreed):
    assert pt.agree(word, gender=gender, plural=plural) == agreed


def test_agree_needs_a_gender():
    with pytest.raises(ValueError, match="gender"):
        pt.agree("capacitado", gender="", plural=True)


def test_pessoas_refugiadas_e_migrantes():
    noun = Noun("pessoa refugiada ou migrante", "pessoas refugiadas e migrantes", "f")
    assert pt.inflect(noun, 2) == "pessoas refugiadas e migrantes"
    assert pt.definite_article(noun, plural=True) == "as"
    assert pt.agree("atendido", gender=noun.gender, plural=True) == "atendidas"


@pytest.mark.parametrize(("text", "fixed"), [
    ("de o programa", "Do programa"), ("de a escola", "Da escola"), ("de os parceiros", "Dos parceiros"),
    ("em a escola", "Na escola"), ("em o estado", "No estado"), ("em as cidades", "Nas cidades"),
    ("a a população", "À população"), ("a as famílias", "Às famílias"), ("a o governo", "Ao governo"),
    ("por o GTRM", "Pelo GTRM"), ("por a OIM", "Pela OIM"), ("de este mês", "Deste mês"),
    ("em esse período", "Nesse período"), ("Em a Bahia", "Na Bahia"),
    ("parceiros  do R4V ,  em Roraima", "Parceiros do R4V, em Roraima"),
    ("veja www.r4v.info/pt/de o", "Veja www.r4v.info/pt/de o"),
    ("de oito a dez", "De oito a dez"), ("a maioria", "A maioria"),
])
def test_orthography(text, fixed):
    assert pt.orthography(text) == fixed


@given(st.text(alphabet="deoam sprá,.", max_size=40))
def test_orthography_is_idempotent(text):
    once = pt.orthography(text)
    assert pt.orthography(once) == once


@pytest.mark.parametrize(("items", "joined"), [
    (["Roraima"], "Roraima"), (["Roraima", "Amazonas"], "Roraima e Amazonas"),
    (["Roraima", "Amazonas", "São Paulo"], "Roraima, Amazonas e São Paulo"),
])
def test_join_has_no_serial_comma(items, joined):
    assert pt.join(items) == joined == pt.join(items, serial_comma=False)


def test_join_or():
    assert pt.join(["Manaus", "Boa Vista"], conj="or") == "Manaus ou Boa Vista"


@pytest.mark.parametrize(("names", "phrase"), [
    (["Roraima", "Amazonas", "São Paulo"], "em Roraima, no Amazonas e em São Paulo"),
    (["Pará"], "no Pará"), (["Bahia"], "na Bahia"), (["Rio Grande do Sul"], "no Rio Grande do Sul"),
    (["Santa Catarina", "Paraná"], "em Santa Catarina e no Paraná"),
])
def test_places_take_em_and_their_article(names, phrase):
    assert pt.places(names) == phrase


@pytest.mark.parametrize(("n", "number", "scale"), [
    (1_540_000, "1,54", "milhão"), (2_300_000, "2,3", "milhões"), (1_000_000, "1", "milhão"),
    (2_500_000_000, "2,5", "bilhões"), (999_999, "999.999", ""),
])
def test_compact_pt_br(n, number, scale):
    assert numfmt.compact(n, locale="pt_BR") == (number, scale)


def test_numbers_and_quantities():
    assert numfmt.integer(14971, locale="pt_BR") == "14.971"
    assert numfmt.integer(2550, locale="pt_BR") == "2.550"
    assert pt.quantity("1,54", "milhão", "pessoas") == "1,54 milhão de pessoas"
    assert pt.quantity("2,3", "milhões", "pessoas") == "2,3 milhões de pessoas"
    assert pt.quantity("14.971", "", "pessoas") == "14.971 pessoas"
    assert pt.quantity("15", "mil", "pessoas") == "15 mil pessoas"


@pytest.mark.parametrize(("amount", "text"), [
    (66_800_000, "US$ 66,8 milhões"), (1_500_000, "US$ 1,5 milhão"), (318_000_000, "US$ 318 milhões"),
    (1_200_000_000, "US$ 1,2 bilhão"), (950_000, "US$ 950.000"),
])
def test_money(amount, text):
    from helpers import money

    assert money(pt, amount, "pt_BR") == text


def test_percent_and_dates():
    from nlg.lang.base import percent

    assert percent(21, locale="pt_BR") == "21%"
    assert numfmt.full_date(datetime.date(2023, 12, 5), locale="pt_BR") == "5 de dezembro de 2023"
    assert numfmt.month_year(2023, 11, locale="pt_BR") == "novembro de 2023"
    assert numfmt.month_range((2023, 12), (2024, 1), locale="pt_BR") == "dezembro de 2023 a janeiro de 2024"
    assert numfmt.country_name("BRA", locale="pt_BR") == "Brasil"


def test_verbs_that_need_a_lexicon_entry():
    assert pt.VERB_NEEDS_ENTRY.search("receberam") and pt.VERB_NEEDS_ENTRY.search("participam")
    assert not pt.VERB_NEEDS_ENTRY.search("capacitado")
