"""Spanish grammar rules (the names of :class:`nlg.lang.base.LanguageRules`)."""
from __future__ import annotations

import re
from collections.abc import Sequence

from nlg.lang.base import Noun, capitalise_first, check_conj, leading_group, match_case, sub_outside_urls, tidy_spacing

NAME = "Spanish"
LANGUAGE_TAG = "es-ES"
NUMBER_LOCALE = "es"            # R4V's Spanish: 14.971, 1,54 (a report may choose es_PE)
DATE_LOCALE = ""                # the number locale's ("5 de diciembre de 2023")
COMPACT_SCALES = (6,)           # never "billón" for 10^9: "2.500 millones"
YEAR_RANGE_JOIN = " a "         # "diciembre de 2023 a enero de 2024"
GENDERED = True
#: Plural verb forms ("recibieron") the agree rule cannot make singular: they need a verbs entry.
VERB_NEEDS_ENTRY = re.compile(r"[aeiy]ron$")

_CONJ = {"and": "y", "or": "o"}
_STRONG = "aeoáéíóú"            # a stressed í/ú is strong too (hiatus: "pa-ís")
_VOWELS = "aeiouáéíóúü"
_PLAIN = str.maketrans("áéíóú", "aeiou")
_ACUTE = str.maketrans("aeiou", "áéíóú")
#: Determiners: every form maps to (m sg, f sg, m pl, f pl).
_DETERMINERS = (("el", "la", "los", "las"), ("un", "una", "unos", "unas"),
                ("este", "esta", "estos", "estas"), ("ese", "esa", "esos", "esas"),
                ("aquel", "aquella", "aquellos", "aquellas"))
_DETERMINER_FORMS = {form: row for row in _DETERMINERS for form in row}
#: Coordinators: the words on both sides agree ("refugiadas y migrantes").
_COORDINATORS = frozenset("y e o u ni".split())
#: Words that start a complement: they and every word after them stay as they are.
_COMPLEMENT_STARTS = frozenset("de del a al en con por para sin sobre entre hasta desde que".split())
#: Adjectives in -or that do not take a feminine -a.
_COMPARATIVES = frozenset("mejor peor mayor menor superior inferior anterior posterior "
                          "exterior interior ulterior".split())
_CONJ_WORD = re.compile(r"(?<![\w'\u2019/.@-])([yYoO])(?= +(\S+))")
_CONTRACTION = re.compile(r"\b([Dd]e|[Aa]) el\b")
_OPENERS = "\"'\u201c\u2018([\u00ab\u00bf\u00a1"


def _nuclei(word: str) -> list[tuple[int, int]]:
    """Return the (start, end) of each syllable nucleus, splitting strong vowels in hiatus.

    >>> _nuclei("país"), _nuclei("guion"), _nuclei("joven")
    ([(1, 2), (2, 3)], [(2, 4)], [(1, 2), (3, 4)])
    """
    lower = re.sub(r"(?<=[qg])u(?=[eiéí])", "_", word.lower())   # the u of que/gui is silent
    nuclei = []
    for match in re.finditer(f"[{_VOWELS}]+", lower):
        start = match.start()
        for i in range(match.start() + 1, match.end()):
            if lower[i - 1] in _STRONG and lower[i] in _STRONG:
                nuclei.append((start, i))
                start = i
        nuclei.append((start, match.end()))
    return nuclei


def _add_es(word: str) -> str:
    """Return ``word`` + "es", moving the written accent as the stress rules require."""
    nuclei = _nuclei(word)
    start, end = nuclei[-1]
    last = word[start:end]
    neighbours = (word[start - 1:start] + word[end:end + 1]).lower()
    hiatus = last.lower() in ("í", "ú") and any(ch in _VOWELS for ch in neighbours)
    if word[-1] in "nsNS" and any(ch in "áéíóú" for ch in last) and not hiatus:
        return word[:start] + last.translate(_PLAIN) + word[end:] + "es"          # sesión → sesiones
    if word[-1] in "nN" and len(nuclei) > 1 and not any(ch in "áéíóú" for ch in word.lower()):
        pstart, pend = nuclei[-2]
        stressed = max(range(pstart, pend), key=lambda i: (word[i].lower() in _STRONG, i))
        return word[:stressed] + word[stressed].translate(_ACUTE) + word[stressed + 1:] + "es"
    return word + "es"


def pluralise(word: str) -> str:
    """Return the regular plural of one word (multi-word plurals come from the lexicon).

    >>> [pluralise(w) for w in ("kit", "consulta", "sesión", "actividad", "luz", "país", "crisis")]
    ['kits', 'consultas', 'sesiones', 'actividades', 'luces', 'países', 'crisis']
    """
    if " " in word.strip():
        raise ValueError(f"cannot pluralise the phrase {word!r} by rule; give its plural in the lexicon")
    if len(word) > 1 and word.isupper():
        return word                                    # las ONG
    lower = word.lower()
    if lower.endswith("í"):
        return word + "es"
    if lower[-1] in "aeiouáéóú":
        return word + "s"
    if lower[-1] == "z":
        return word[:-1] + "ces"
    if lower[-1] in "sx":
        nuclei = _nuclei(word)
        last = lower[nuclei[-1][0]:nuclei[-1][1]] if nuclei else ""
        return _add_es(word) if len(nuclei) <= 1 or any(ch in "áéíóú" for ch in last) else word
    if lower[-1] in "lrndjy" or lower.endswith("ch"):
        return _add_es(word)
    return word + "s"


def inflect(noun: Noun, count: int) -> str:
    """Return the noun in the singular when ``count`` is exactly 1, else in the plural.

    >>> inflect(Noun("persona", gender="f"), 1), inflect(Noun("persona", gender="f"), 0)
    ('persona', 'personas')
    """
    if count == 1:
        return noun.singular
    return noun.plural or pluralise(noun.singular)


def _check_gender(gender: str, what: str) -> None:
    """Raise ValueError unless ``gender`` is "m" or "f"."""
    if gender not in ("m", "f"):
        raise ValueError(f"{what}: Spanish needs gender 'm' or 'f', got {gender!r}")


def _agree_word(word: str, gender: str, plural: bool) -> str:
    """Return one masculine singular word agreed in gender and number."""
    lower = word.lower()
    slot = (gender == "f") + 2 * plural
    if lower in _DETERMINER_FORMS:
        return match_case(word, _DETERMINER_FORMS[lower][slot])
    if lower in _COORDINATORS or not lower.isalpha():
        return word
    if lower.endswith("o"):
        return word[:-1] + ("o", "a", "os", "as")[slot]
    feminine = (lower.endswith(("án", "ón", "ín", "és"))
                or (lower.endswith("or") and lower not in _COMPARATIVES))
    if gender == "f" and feminine:
        return word.translate(_PLAIN) + ("as" if plural else "a")              # inglés → inglesa
    return pluralise(word) if plural else word


def agree(word: str, *, gender: str, plural: bool) -> str:
    """Return a masculine singular adjective, participle or determiner agreed.

    In a phrase, the words joined by y/o agree; a complement ("en salud",
    "por la OIM") is left as written.

    >>> agree("capacitado", gender="f", plural=True), agree("el", gender="f", plural=False)
    ('capacitadas', 'la')
    >>> agree("unos", gender="f", plural=True), agree("vulnerable", gender="f", plural=True)
    ('unas', 'vulnerables')
    >>> agree("refugiado y migrante", gender="f", plural=True), agree("apoyado por el GTRM", gender="f", plural=True)
    ('refugiadas y migrantes', 'apoyadas por el GTRM')
    """
    _check_gender(gender, f"agree({word!r})")
    parts = word.split(" ")
    stop = next((i for i, part in enumerate(parts) if part.lower() in _COMPLEMENT_STARTS), len(parts))
    agreed = [_agree_word(part, gender, plural) for part in parts[:stop]]
    return " ".join(agreed + parts[stop:])


def definite_article(noun: Noun, *, plural: bool) -> str:
    """Return el/la/los/las, with "el" before a stressed a- ("el agua", but "las aguas").

    >>> definite_article(Noun("agua", gender="f", stressed_a=True), plural=False)
    'el'
    """
    _check_gender(noun.gender, f"noun {noun.singular!r}")
    if plural:
        return "los" if noun.gender == "m" else "las"
    return "el" if noun.gender == "m" or noun.stressed_a else "la"


def _says_i(token: str) -> bool:
    """Return True if ``token`` starts with the vowel sound /i/ (not the hie-/hia- glide)."""
    if re.match(r"[IÍ][A-ZÁÉÍÓÚ]", token):
        return True                                   # IOM: "i-o-eme"
    return re.match(r"h?(?:í|i(?![aeouáéóú]))", token.lower()) is not None


def _says_o(token: str) -> bool:
    """Return True if ``token`` starts with the sound /o/ (o-, ho-, 8, 11 "once", 80, 800...)."""
    group = leading_group(token)
    if group:
        return group == "11" or group.startswith("8")
    return re.match(r"h?[oó]", token.lower()) is not None


def conjunction(word: str, following: str) -> str:
    """Return "y"/"o" or, before the sounds /i/ and /o/, "e"/"u"; ``word`` keeps its case.

    >>> conjunction("y", "Ica"), conjunction("y", "hielo"), conjunction("o", "Oruro"), conjunction("o", "8")
    ('e', 'y', 'u', 'u')
    """
    token = following.lstrip(_OPENERS)
    if word.lower() == "y" and _says_i(token):
        return match_case(word, "e")
    if word.lower() == "o" and _says_o(token):
        return match_case(word, "u")
    return word


_CARDINALS = ("cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve")


def cardinal(n: int, gender: str = "") -> str:
    """Return a count of things in running text: uno a nueve en letras, else figures ("12").

    >>> cardinal(5), cardinal(1, "f"), cardinal(1, "m"), cardinal(1200)
    ('cinco', 'una', 'un', '1.200')
    """
    if n == 1:
        return "una" if gender == "f" else "un"
    return _CARDINALS[n] if 0 <= n < 10 else f"{n:,}".replace(",", ".")


def join(items: Sequence[str], *, conj: str = "and", serial_comma: bool = True) -> str:
    """Return items joined as a list, never with a serial comma ("A, B y C", "Salud e Higiene").

    >>> join(["Agua", "Saneamiento", "Higiene"]), join(["Piura", "Oruro"], conj="or")
    ('Agua, Saneamiento e Higiene', 'Piura u Oruro')
    """
    check_conj(conj)
    if len(items) <= 1:
        return "".join(items)
    word = conjunction(_CONJ[conj], items[-1])
    return ", ".join(items[:-1]) + f" {word} " + items[-1]


def places(names: Sequence[str], *, serial_comma: bool = True) -> str:
    """Return the admin1s of a bullet as a list (the ``place`` frame has the preposition).

    >>> places(["Tacna", "Tumbes", "Lima"])
    'Tacna, Tumbes y Lima'
    """
    return join(names, serial_comma=serial_comma)


def _contract(match: re.Match[str]) -> str:
    """Return "del"/"al" for "de el"/"a el"."""
    return match.group(1)[0] + ("el" if match.group(1).lower() == "de" else "l")


#: A definite article before an indefinite hedge and a figure: the article goes ("frente a
#: las unas 600" -> "frente a unas 600"; a month-over-month phrase quoting "unas 600").
_ARTICLE_INDEFINITE = re.compile(r"\b(?:los|las) (un[oa]s \d)", re.IGNORECASE)


def orthography(text: str) -> str:
    """Return a realised sentence tidied: spacing, y/e, o/u, del/al, first capital (idempotent).

    >>> orthography("en Tumbes y Ica , 7 o 8 talleres de el programa de El Salvador")
    'En Tumbes e Ica, 7 u 8 talleres del programa de El Salvador'
    >>> orthography("frente a las unas 600 de octubre")
    'Frente a unas 600 de octubre'
    """
    text = tidy_spacing(text)
    text = _ARTICLE_INDEFINITE.sub(r"\1", text)
    text = sub_outside_urls(_CONJ_WORD, lambda m: conjunction(m.group(1), m.group(2)), text)
    text = sub_outside_urls(_CONTRACTION, _contract, text)
    return capitalise_first(text)


def quantity(number: str, scale: str, noun: str) -> str:
    """Return number, scale word and noun phrase, with "de" after millón/millones (not after mil).

    >>> quantity("1,54", "millones", "personas"), quantity("15", "mil", "personas")
    ('1,54 millones de personas', '15 mil personas')
    """
    if noun and re.search(r"(?:ll[oó]n(?:es)?|millardos?)$", scale):
        return f"{number} {scale} de {noun}"
    return " ".join(part for part in (number, scale, noun) if part)


def money_usd(number: str, scale: str) -> str:
    """Return an amount of US dollars spelt (number and scale word decided in the plan).

    >>> money_usd("66,8", "millones"), money_usd("1.590", "millones")
    ('USD 66,8 millones', 'USD 1.590 millones')
    """
    return "USD " + quantity(number, scale, "")


_MIXED_PAIR = re.compile(r"^\w+as(?:,| y) \w+os\b")


def hedge_before(hedge: str, noun: Noun) -> str:
    """Return the hedge as it stands before ``noun``: no gendered determiner before a pair that
    opens with its feminine ("unos 600 niñas y niños" is wrong; "alrededor de 600 niñas y niños").

    >>> hedge_before("unos", Noun("niña o niño", "niñas y niños", gender="m"))
    'alrededor de'
    >>> hedge_before("unas", Noun("consulta", gender="f"))
    'unas'
    >>> hedge_before("más de", Noun("niña o niño", "niñas y niños", gender="m"))
    'más de'
    """
    if hedge in ("unos", "unas") and _MIXED_PAIR.match(noun.plural or ""):
        return "alrededor de"
    return hedge
