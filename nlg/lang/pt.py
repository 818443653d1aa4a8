"""Brazilian Portuguese grammar rules (the names of :class:`nlg.lang.base.LanguageRules`).

As the R4V platform in Brazil writes: "pessoas refugiadas e migrantes", numbers
and dates of Babel's ``pt_BR`` (14.971; "5 de dezembro de 2023"; "1,54 milhão",
"2,3 milhões"; "US$ 66,8 milhões"), lists without a serial comma ("Roraima,
Amazonas e São Paulo"), the contractions of de/em/a/por with the article
(do, na, à, pelos) and the plurals of -l (-is) by rule; a noun in -ão takes its
plural from the lexicon (-ões, -ães or -ãos cannot be told apart by rule).
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from nlg.lang.base import Noun, capitalise_first, check_conj, match_case, sub_outside_urls, tidy_spacing

NAME = "Portuguese"
LANGUAGE_TAG = "pt-BR"
NUMBER_LOCALE = "pt_BR"          # 14.971, 1,54, "21%"
DATE_LOCALE = ""                 # the number locale's: "5 de dezembro de 2023"
COMPACT_SCALES = (6, 9)          # Brazil: "bilhão" is 10^9 ("US$ 1,2 bilhão")
YEAR_RANGE_JOIN = " a "          # "dezembro de 2023 a janeiro de 2024"
GENDERED = True
#: Plural verb forms ("receberam", "participam") the agree rule cannot make singular.
VERB_NEEDS_ENTRY = re.compile(r"(?:am|em)$")

_CONJ = {"and": "e", "or": "ou"}
_PLAIN = str.maketrans("áéíóúâêôàãõ", "aeiouaeoaão")
#: Determiners: every form maps to (m sg, f sg, m pl, f pl).
_DETERMINERS = (("o", "a", "os", "as"), ("um", "uma", "uns", "umas"),
                ("este", "esta", "estes", "estas"), ("esse", "essa", "esses", "essas"),
                ("aquele", "aquela", "aqueles", "aquelas"), ("do", "da", "dos", "das"),
                ("no", "na", "nos", "nas"), ("ao", "à", "aos", "às"), ("pelo", "pela", "pelos", "pelas"))
_DETERMINER_FORMS = {form: row for row in _DETERMINERS for form in row[:1]}
#: Coordinators: the words on both sides agree ("refugiadas e migrantes").
_COORDINATORS = frozenset("e ou nem".split())
#: Words that start a complement: they and every word after them stay as they are.
_COMPLEMENT_STARTS = frozenset("de do da dos das em no na nos nas a ao à aos às com por pelo pela "
                               "pelos pelas para sem sobre entre até desde que".split())
#: Adjectives in -or that do not take a feminine -a.
_COMPARATIVES = frozenset("melhor pior maior menor superior inferior anterior posterior "
                          "exterior interior".split())
#: Preposition + definite article (and demonstrative) -> the contraction written.
_CONTRACTIONS = {
    ("de", "o"): "do", ("de", "a"): "da", ("de", "os"): "dos", ("de", "as"): "das",
    ("em", "o"): "no", ("em", "a"): "na", ("em", "os"): "nos", ("em", "as"): "nas",
    ("a", "o"): "ao", ("a", "a"): "à", ("a", "os"): "aos", ("a", "as"): "às",
    ("por", "o"): "pelo", ("por", "a"): "pela", ("por", "os"): "pelos", ("por", "as"): "pelas",
    **{(p, d): c + d for p, c in (("de", "d"), ("em", "n")) for d in (
        "este", "esta", "estes", "estas", "esse", "essa", "esses", "essas",
        "aquele", "aquela", "aqueles", "aquelas")},
}
_CONTRACTION = re.compile(r"(?<![\w'\u2019-])(de|em|a|por|De|Em|A|Por) (o|a|os|as|este|esta|estes|estas|esse|"
                          r"essa|esses|essas|aquele|aquela|aqueles|aquelas)(?![\w'\u2019-])")
#: Places written with the definite article: Brazilian states ("no Amazonas", "na Bahia") and the
#: countries of the R4V response ("na Argentina", "no Uruguai"); the others take none ("em Roraima").
_STATE_ARTICLES = {
    "Acre": "o", "Amapá": "o", "Amazonas": "o", "Bahia": "a", "Ceará": "o", "Distrito Federal": "o",
    "Espírito Santo": "o", "Maranhão": "o", "Pará": "o", "Paraíba": "a", "Paraná": "o", "Piauí": "o",
    "Rio de Janeiro": "o", "Rio Grande do Norte": "o", "Rio Grande do Sul": "o", "Tocantins": "o",
    "Argentina": "a", "Bolívia": "a", "Brasil": "o", "Chile": "o", "Colômbia": "a", "Costa Rica": "a",
    "Equador": "o", "Guiana": "a", "México": "o", "Panamá": "o", "Paraguai": "o", "Peru": "o",
    "República Dominicana": "a", "Uruguai": "o", "Venezuela": "a",
}


def _oxytone(word: str) -> bool:
    """Return whether the last syllable is stressed: an accent there, or none at all."""
    lower = word.lower()
    if re.search(r"[áéíóúâêô][^aeiouáéíóúâêôãõ]*$", lower):
        return True
    return not re.search(r"[áéíóúâêô]", lower)


def _plural_l(word: str) -> str:
    """Return the plural of a word in -l: -al -ais, -el -éis/-eis, -ol -óis, -ul -uis, -il -is/-eis."""
    stem, vowel = word[:-2], word[-2].lower()
    oxytone = _oxytone(word)
    if vowel == "a":
        return stem + word[-2] + "is"                              # animal -> animais
    if vowel == "e":
        return stem + ("éis" if oxytone else "eis")                # papel -> papéis, nível -> níveis
    if vowel == "o":
        return stem + ("óis" if oxytone else "ois")                # anzol -> anzóis
    if vowel == "u":
        return stem + "uis"                                        # azul -> azuis
    if vowel == "i":
        return word[:-1] + "s" if oxytone else word[:-2] + "eis"   # civil -> civis, útil -> úteis
    return word + "es"


def pluralise(word: str) -> str:
    """Return the regular plural of one word (-ão and multi-word plurals come from the lexicon).

    >>> [pluralise(w) for w in ("kit", "consulta", "atividade", "mulher", "luz", "item", "animal")]
    ['kits', 'consultas', 'atividades', 'mulheres', 'luzes', 'itens', 'animais']
    >>> [pluralise(w) for w in ("papel", "nível", "civil", "útil", "azul", "mês", "país", "vírus")]
    ['papéis', 'níveis', 'civis', 'úteis', 'azuis', 'meses', 'países', 'vírus']
    >>> pluralise("sessão")
    Traceback (most recent call last):
    ValueError: the plural of 'sessão' (-ões, -ães or -ãos) cannot be made by rule; give it in the lexicon
    """
    if " " in word.strip():
        raise ValueError(f"cannot pluralise the phrase {word!r} by rule; give its plural in the lexicon")
    if len(word) > 1 and word.isupper():
        return word                                      # as ONG, os CRAS
    lower = word.lower()
    if lower.endswith("ão"):
        raise ValueError(f"the plural of {word!r} (-ões, -ães or -ãos) cannot be made by rule; "
                         "give it in the lexicon")
    if lower.endswith("m"):
        return word[:-1] + "ns"                          # homem -> homens
    if lower.endswith("l") and len(lower) > 1:
        return _plural_l(word)
    if lower.endswith(("r", "z")):
        return word + "es"
    if lower.endswith("s"):
        if lower.endswith("ís"):
            return word + "es"                           # país -> países
        if re.search(r"[áéóêô]s$", lower):
            return word[:-2] + word[-2].translate(_PLAIN) + "ses"   # mês -> meses, gás -> gases
        return word                                      # vírus, lápis, ônibus
    if lower.endswith("x"):
        return word                                      # tórax
    return word + "s"


def inflect(noun: Noun, count: int) -> str:
    """Return the noun in the singular when ``count`` is exactly 1, else in the plural.

    >>> inflect(Noun("pessoa", gender="f"), 1), inflect(Noun("sessão", "sessões", "f"), 3)
    ('pessoa', 'sessões')
    """
    if count == 1:
        return noun.singular
    return noun.plural or pluralise(noun.singular)


def _check_gender(gender: str, what: str) -> None:
    """Raise ValueError unless ``gender`` is "m" or "f"."""
    if gender not in ("m", "f"):
        raise ValueError(f"{what}: Portuguese needs gender 'm' or 'f', got {gender!r}")


def _agree_word(word: str, gender: str, plural: bool) -> str:
    """Return one masculine singular word agreed in gender and number."""
    lower = word.lower()
    slot = (gender == "f") + 2 * plural
    if lower in _DETERMINER_FORMS:
        return match_case(word, _DETERMINER_FORMS[lower][slot])
    if lower in _COORDINATORS or not lower.isalpha():
        return word
    if lower.endswith("o"):
        return word[:-1] + ("o", "a", "os", "as")[slot]               # capacitado -> capacitadas
    if lower.endswith("ês") and gender == "f":
        return word[:-2] + ("esa", "esas")[plural]                     # inglês -> inglesa
    if lower.endswith("or") and lower not in _COMPARATIVES and gender == "f":
        return word + ("a", "as")[plural]                              # trabalhador -> trabalhadora
    if lower.endswith("eu") and gender == "f":
        return word[:-2] + ("eia", "eias")[plural]                     # europeu -> europeia
    return pluralise(word) if plural else word                         # vulnerável -> vulneráveis


def agree(word: str, *, gender: str, plural: bool) -> str:
    """Return a masculine singular adjective, participle or determiner agreed.

    In a phrase, the words joined by e/ou agree; a complement ("em saúde",
    "pela OIM") is left as written.

    >>> agree("capacitado", gender="f", plural=True), agree("o", gender="f", plural=False)
    ('capacitadas', 'a')
    >>> agree("um", gender="f", plural=True), agree("vulnerável", gender="f", plural=True)
    ('umas', 'vulneráveis')
    >>> agree("refugiado e migrante", gender="f", plural=True), agree("apoiado pelo GTRM", gender="m", plural=True)
    ('refugiadas e migrantes', 'apoiados pelo GTRM')
    """
    _check_gender(gender, f"agree({word!r})")
    parts = word.split(" ")
    stop = next((i for i, part in enumerate(parts) if part.lower() in _COMPLEMENT_STARTS), len(parts))
    agreed = [_agree_word(part, gender, plural) for part in parts[:stop]]
    return " ".join(agreed + parts[stop:])


def definite_article(noun: Noun, *, plural: bool) -> str:
    """Return o/a/os/as.

    >>> definite_article(Noun("pessoa", gender="f"), plural=True)
    'as'
    >>> definite_article(Noun("kit", gender="m"), plural=False)
    'o'
    """
    _check_gender(noun.gender, f"noun {noun.singular!r}")
    return ("o", "a", "os", "as")[(noun.gender == "f") + 2 * plural]


_CARDINALS = ("zero", "um", "dois", "três", "quatro", "cinco", "seis", "sete", "oito", "nove")


def cardinal(n: int, gender: str = "") -> str:
    """Return a count of things in running text: um a nove por extenso, else figures ("1.200").

    >>> cardinal(5), cardinal(1, "f"), cardinal(2, "f"), cardinal(2, "m"), cardinal(1200)
    ('cinco', 'uma', 'duas', 'dois', '1.200')
    """
    if gender == "f" and n in (1, 2):
        return ("uma", "duas")[n - 1]
    return _CARDINALS[n] if 0 <= n < 10 else f"{n:,}".replace(",", ".")


def join(items: Sequence[str], *, conj: str = "and", serial_comma: bool = True) -> str:
    """Return items joined as a list, never with a serial comma ("A, B e C").

    >>> join(["Roraima", "Amazonas", "São Paulo"]), join(["Manaus", "Boa Vista"], conj="or")
    ('Roraima, Amazonas e São Paulo', 'Manaus ou Boa Vista')
    """
    check_conj(conj)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {_CONJ[conj]} " + items[-1]


def places(names: Sequence[str], *, serial_comma: bool = True) -> str:
    """Return where something happened, "em" before each place, with its article if it takes one.

    >>> places(["Roraima", "Amazonas", "São Paulo"])
    'em Roraima, no Amazonas e em São Paulo'
    >>> places(["Lima"]), places(["Bahia", "Distrito Federal"])
    ('em Lima', 'na Bahia e no Distrito Federal')
    >>> places(["Argentina", "Uruguai"]), places(["Buenos Aires (Argentina)"])
    ('na Argentina e no Uruguai', 'em Buenos Aires (Argentina)')
    """
    return join([_CONTRACTIONS[("em", _STATE_ARTICLES[n])] + " " + n if n in _STATE_ARTICLES
                 else "em " + n for n in names])


def _contract(match: re.Match[str]) -> str:
    """Return the contraction of a preposition and the article after it ("de o" -> "do")."""
    prep, article = match.group(1), match.group(2)
    return match_case(prep, _CONTRACTIONS[(prep.lower(), article)])


def orthography(text: str) -> str:
    """Return a realised sentence tidied: spacing, contractions, first capital (idempotent).

    >>> orthography("em a escola e  de o programa , a as famílias por os parceiros")
    'Na escola e do programa, às famílias pelos parceiros'
    """
    text = tidy_spacing(text)
    text = sub_outside_urls(_CONTRACTION, _contract, text)
    return capitalise_first(text)


def hedge_before(hedge: str, noun: Noun) -> str:
    """Return the hedge as it stands before ``noun`` (Portuguese hedges do not agree: unchanged).

    >>> hedge_before("cerca de", Noun("criança", "crianças", "f"))
    'cerca de'
    """
    return hedge


def quantity(number: str, scale: str, noun: str) -> str:
    """Return number, scale word and noun phrase, with "de" after milhão/milhões (not after mil).

    >>> quantity("1,54", "milhão", "pessoas"), quantity("15", "mil", "pessoas")
    ('1,54 milhão de pessoas', '15 mil pessoas')
    """
    if noun and re.search(r"(?:lh[ãõ]o(?:es)?|lhões)$", scale):
        return f"{number} {scale} de {noun}"
    return " ".join(part for part in (number, scale, noun) if part)


def money_usd(number: str, scale: str) -> str:
    """Return an amount of US dollars spelt (number and scale word decided in the plan).

    >>> money_usd("66,8", "milhões"), money_usd("1,2", "bilhão")
    ('US$ 66,8 milhões', 'US$ 1,2 bilhão')
    """
    return "US$ " + quantity(number, scale, "")
