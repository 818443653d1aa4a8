"""Tests for nlg.lang.es (RosaeNLG-style tables; domain.md §7 pitfalls each have a row)."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nlg.lang import es
from nlg.lang.base import Noun

NBSP = "\u00a0"


def test_language_tag():
    assert es.LANGUAGE_TAG == "es-ES"


@pytest.mark.parametrize(("word", "plural"), [
    ("kit", "kits"),
    ("consulta", "consultas"),
    ("sesión", "sesiones"),
    ("orientación", "orientaciones"),
    ("capacitación", "capacitaciones"),
    ("actividad", "actividades"),
    ("taller", "talleres"),
    ("canal", "canales"),
    ("luz", "luces"),
    ("raíz", "raíces"),
    ("mes", "meses"),
    ("país", "países"),
    ("autobús", "autobuses"),
    ("interés", "intereses"),
    ("bus", "buses"),
    ("crisis", "crisis"),
    ("análisis", "análisis"),
    ("virus", "virus"),
    ("joven", "jóvenes"),
    ("examen", "exámenes"),
    ("imagen", "imágenes"),
    ("origen", "orígenes"),
    ("orden", "órdenes"),
    ("tren", "trenes"),
    ("guion", "guiones"),
    ("alemán", "alemanes"),
    ("baúl", "baúles"),
    ("ley", "leyes"),
    ("sofá", "sofás"),
    ("menú", "menús"),
    ("marroquí", "marroquíes"),
    ("bono", "bonos"),
    ("niña", "niñas"),
    ("Sesión", "Sesiones"),
    ("ONG", "ONG"),
    ("NNA", "NNA"),
])
def test_pluralise(word, plural):
    assert es.pluralise(word) == plural


def test_pluralise_refuses_phrases():
    with pytest.raises(ValueError, match="lexicon"):
        es.pluralise("kit de higiene")


PERSONA = Noun("persona refugiada y migrante", "personas refugiadas y migrantes", "f")


@pytest.mark.parametrize(("noun", "count", "expected"), [
    (Noun("kit", gender="m"), 1, "kit"),
    (Noun("kit", gender="m"), 0, "kits"),             # only exactly 1 is singular
    (Noun("kit", gender="m"), 2, "kits"),
    (Noun("sesión", gender="f"), 3, "sesiones"),
    (PERSONA, 1, "persona refugiada y migrante"),
    (PERSONA, 14971, "personas refugiadas y migrantes"),
    (Noun("kit de higiene", "kits de higiene", "m"), 2, "kits de higiene"),
])
def test_inflect(noun, count, expected):
    assert es.inflect(noun, count) == expected


def test_inflect_phrase_without_plural_is_an_error():
    with pytest.raises(ValueError, match="lexicon"):
        es.inflect(Noun("kit de higiene", gender="m"), 2)


# (gender, number, lemma, expected) — RosaeNLG-style rows
@pytest.mark.parametrize(("gender", "number", "word", "expected"), [
    ("m", "sg", "capacitado", "capacitado"),
    ("f", "sg", "capacitado", "capacitada"),
    ("m", "pl", "capacitado", "capacitados"),
    ("f", "pl", "capacitado", "capacitadas"),
    ("f", "pl", "apoyado", "apoyadas"),
    ("m", "pl", "atendido", "atendidos"),
    ("f", "pl", "beneficiado", "beneficiadas"),
    ("f", "sg", "nuevo", "nueva"),
    ("f", "pl", "nuevo", "nuevas"),
    ("m", "pl", "unos", "unos"),
    ("f", "pl", "unos", "unas"),
    ("f", "pl", "unas", "unas"),
    ("m", "sg", "unos", "un"),
    ("f", "sg", "un", "una"),
    ("m", "sg", "el", "el"),
    ("f", "sg", "el", "la"),
    ("m", "pl", "el", "los"),
    ("f", "pl", "el", "las"),
    ("m", "sg", "las", "el"),
    ("f", "pl", "este", "estas"),
    ("f", "sg", "aquel", "aquella"),
    ("f", "sg", "vulnerable", "vulnerable"),
    ("f", "pl", "vulnerable", "vulnerables"),
    ("m", "pl", "vulnerable", "vulnerables"),
    ("f", "pl", "migrante", "migrantes"),
    ("f", "pl", "indígena", "indígenas"),
    ("f", "pl", "joven", "jóvenes"),
    ("f", "pl", "mayor", "mayores"),
    ("f", "sg", "mayor", "mayor"),
    ("f", "sg", "trabajador", "trabajadora"),
    ("f", "pl", "trabajador", "trabajadoras"),
    ("m", "pl", "trabajador", "trabajadores"),
    ("f", "sg", "inglés", "inglesa"),
    ("m", "pl", "inglés", "ingleses"),
    ("f", "pl", "alemán", "alemanas"),
    ("f", "pl", "refugiado y migrante", "refugiadas y migrantes"),
    ("f", "pl", "capacitado en salud", "capacitadas en salud"),
    ("f", "pl", "apoyado por el GTRM", "apoyadas por el GTRM"),
    ("f", "pl", "nuevo o renovado", "nuevas o renovadas"),
    ("f", "sg", "Capacitado", "Capacitada"),
])
def test_agree(gender, number, word, expected):
    assert es.agree(word, gender=gender, plural=number == "pl") == expected


@pytest.mark.parametrize("gender", ["", "n", "F"])
def test_agree_needs_a_gender(gender):
    with pytest.raises(ValueError, match="gender"):
        es.agree("capacitado", gender=gender, plural=False)


# (gender, number, noun, article) — as in RosaeNLG's spanish-determiners tables
@pytest.mark.parametrize(("gender", "number", "word", "stressed_a", "expected"), [
    ("f", "sg", "agua", True, "el"),
    ("f", "pl", "agua", True, "las"),
    ("f", "sg", "hambre", True, "el"),
    ("f", "sg", "área", True, "el"),
    ("f", "pl", "área", True, "las"),
    ("f", "sg", "persona", False, "la"),
    ("f", "pl", "persona", False, "las"),
    ("m", "sg", "kit", False, "el"),
    ("m", "pl", "kit", False, "los"),
    ("f", "sg", "atención", False, "la"),
])
def test_definite_article(gender, number, word, stressed_a, expected):
    noun = Noun(word, gender=gender, stressed_a=stressed_a)
    assert es.definite_article(noun, plural=number == "pl") == expected


def test_definite_article_needs_a_gender():
    with pytest.raises(ValueError, match="gender"):
        es.definite_article(Noun("kit"), plural=False)


@pytest.mark.parametrize(("items", "conj", "expected"), [
    ([], "and", ""),
    (["Tacna"], "and", "Tacna"),
    (["Tacna", "Tumbes"], "and", "Tacna y Tumbes"),
    (["Tacna", "Tumbes", "Madre de Dios"], "and", "Tacna, Tumbes y Madre de Dios"),
    (["Tumbes", "Ica"], "and", "Tumbes e Ica"),
    (["Agua", "Saneamiento", "Higiene"], "and", "Agua, Saneamiento e Higiene"),
    (["Lima", "Iquitos"], "and", "Lima e Iquitos"),
    (["agua", "hielo"], "and", "agua y hielo"),
    (["cobre", "hierro"], "and", "cobre y hierro"),
    (["Piura", "Oruro"], "or", "Piura u Oruro"),
    (["mujeres", "hombres"], "or", "mujeres u hombres"),
    (["7", "8"], "or", "7 u 8"),
    (["10", "11"], "or", "10 u 11"),
    (["70", "80"], "or", "70 u 80"),
    (["700", "800"], "or", "700 u 800"),
    (["7.000", "8.000"], "or", "7.000 u 8.000"),
    (["17", "18"], "or", "17 o 18"),
    (["Lima", "Callao"], "or", "Lima o Callao"),
    (["socios", "OIM"], "and", "socios y OIM"),
    (["ACNUR", "OIM"], "or", "ACNUR u OIM"),
])
def test_join(items, conj, expected):
    assert es.join(items, conj=conj) == expected


def test_join_never_uses_a_serial_comma():
    assert es.join(["A", "B", "C"], serial_comma=True) == "A, B y C"


@pytest.mark.parametrize(("text", "expected"), [
    # §7 pitfalls
    ("en Tumbes y Ica", "En Tumbes e Ica"),
    ("sectores de Agua, Saneamiento y Higiene", "Sectores de Agua, Saneamiento e Higiene"),
    ("Tumbes y Iquitos", "Tumbes e Iquitos"),
    ("niñas y hijas", "Niñas e hijas"),
    ("agua y hielo", "Agua y hielo"),
    ("madera y hierba", "Madera y hierba"),
    ("Piura o Oruro", "Piura u Oruro"),
    ("mujeres o hombres", "Mujeres u hombres"),
    ("7 o 8 talleres", "7 u 8 talleres"),
    ("10 o 11 talleres", "10 u 11 talleres"),
    ("17 o 18 talleres", "17 o 18 talleres"),
    ("el costo de el agua", "El costo del agua"),
    ("llegaron a el Perú", "Llegaron al Perú"),
    ("desde el norte de El Salvador", "Desde el norte de El Salvador"),
    ("viajaron a El Callao", "Viajaron a El Callao"),
    ("a el cierre de el mes", "Al cierre del mes"),
    ("de el 15 de noviembre", "Del 15 de noviembre"),
    # spacing, capitals, whole words only
    ("más  de 15 mil personas , en Lima .", "Más de 15 mil personas, en Lima."),
    ("¿ cuántas personas ?", "¿Cuántas personas?"),
    ("1,54 millones de personas", "1,54 millones de personas"),
    (f"el 21{NBSP}% de la financiación", f"El 21{NBSP}% de la financiación"),
    ("Lima-y Ica", "Lima-y Ica"),
    ("rayo Ica", "Rayo Ica"),
    ("para el programa", "Para el programa"),
    ("ayuda a ella", "Ayuda a ella"),
    # URLs untouched
    ("ver https://r4v.info/y/ica y Ica", "Ver https://r4v.info/y/ica e Ica"),
    ("ver http://x.org/de el o Oruro", "Ver http://x.org/de el u Oruro"),
    ("https://r4v.info/es a el", "https://r4v.info/es al"),
])
def test_orthography(text, expected):
    assert es.orthography(text) == expected


@pytest.mark.parametrize(("word", "following", "expected"), [
    ("y", "Ica", "e"), ("y", "ínfimo", "e"), ("y", "hijas", "e"), ("y", "híbrido", "e"),
    ("y", "hielo", "y"), ("y", "hiato", "y"), ("y", "huérfanos", "y"), ("y", "IOM", "e"),
    ("Y", "Ica", "E"), ("y", "«Ica»", "e"), ("o", "Oruro", "u"), ("o", "hospitales", "u"),
    ("o", "ómnibus", "u"), ("o", "8", "u"), ("o", "11", "u"), ("o", "11.000", "u"),
    ("o", "18", "o"), ("o", "110", "o"), ("o", "ONG", "u"), ("O", "Oruro", "U"), ("o", "uno", "o"),
])
def test_conjunction(word, following, expected):
    assert es.conjunction(word, following) == expected


@pytest.mark.parametrize(("number", "scale", "noun", "expected"), [
    ("1,54", "millones", "personas", "1,54 millones de personas"),
    ("1", "millón", "personas", "1 millón de personas"),
    ("2,5", "mil millones", "personas", "2,5 mil millones de personas"),
    ("15", "mil", "personas", "15 mil personas"),
    ("2.550", "", "kits", "2.550 kits"),
    ("1,54", "millones", "", "1,54 millones"),
    ("14.971", "", "personas refugiadas y migrantes", "14.971 personas refugiadas y migrantes"),
])
def test_quantity(number, scale, noun, expected):
    assert es.quantity(number, scale, noun) == expected


@pytest.mark.parametrize(("amount", "locale", "expected"), [
    (66_800_000, "es", "USD 66,8 millones"),
    (66_850_000, "es", "USD 66,9 millones"),
    (318_000_000, "es", "USD 318 millones"),
    (950_000, "es", "USD 950.000"),
    (1_200_000_000, "es", "USD 1.200 millones"),
    (1_000_000, "es", "USD 1 millón"),
    (66_800_000, "es_PE", "USD 66.8 millones"),
])
def test_money_usd(amount, locale, expected):
    from helpers import money

    assert money(es, amount, locale) == expected


@pytest.mark.parametrize(("ratio", "locale", "expected"), [
    (0.21, "es", f"21{NBSP}%"), (0.215, "es", f"22{NBSP}%"), (0.21, "es_PE", "21%"),
])
def test_percent(ratio, locale, expected):
    from nlg.content import figures
    from nlg.lang.base import percent

    assert percent(figures.percent(ratio).shown, locale=locale) == expected


_PIECES = st.sampled_from([
    "y", "Y", "o", "O", "e", "u", "de", "De", "el", "El", "a", "A", "al", "del", "Ica", "hielo",
    "Higiene", "Oruro", "hombres", "8", "11", "18", "8.000", "Salvador", ",", ".", ";", ":", "(",
    ")", "¿", "?", "  ", " ", "https://r4v.info/y", "x@oim.int", "«", "\u00a0", "personas",
])


@given(st.lists(_PIECES, max_size=12).map(" ".join))
def test_orthography_is_idempotent(text):
    once = es.orthography(text)
    assert es.orthography(once) == once


@given(st.text(alphabet="yoeaildhOIHE8 1.,;:()¿?-/@", max_size=30))
def test_orthography_is_idempotent_on_noise(text):
    once = es.orthography(text)
    assert es.orthography(once) == once
