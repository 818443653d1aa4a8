"""Language-neutral pieces shared by the language modules (:mod:`nlg.lang.en`, :mod:`nlg.lang.es` ...).

Only mechanics live here (the :class:`Noun` type, URL-safe substitution,
spacing, first-letter capitals, reading how a figure starts) and
:class:`LanguageRules`, what every language module provides; every rule that
depends on a language is in that language's module.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Protocol

GENDERS = ("", "m", "f")

#: Web addresses and e-mail addresses: the orthography pass never changes them.
URL_RE = re.compile(
    r"(?:https?://|www\.)[^\s<>\"]+"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|\b[\w-]+(?:\.[\w-]+)*\.(?:org|int|info|com|net|gob|gov|edu)\b(?:/[^\s<>\"]*)?",
    re.IGNORECASE,
)
_URL_HINT = re.compile(r"://|www\.|@|\.(?:org|int|info|com|net|gob|gov|edu)\b", re.IGNORECASE)
_REPEATED_SPACES = re.compile(r" {2,}")
_SPACE_BEFORE = re.compile(r" +([)\]])| +([,.;:?!])(?=\s|$|[)\]\"'\u201d\u2019\u00bb,.;:?!])")
_SPACE_AFTER = re.compile(r"([(\[\u00bf\u00a1]) +")


@dataclass(frozen=True)
class Noun:
    """A noun head from the lexicon.

    ``plural`` empty means "compute by rule"; ``gender`` is "m"/"f" in Spanish
    and "" in English; ``stressed_a`` marks feminine nouns starting with a
    stressed a- ("agua", "área") that take "el" in the singular.
    """

    singular: str
    plural: str = ""
    gender: str = ""
    stressed_a: bool = False

    def __post_init__(self) -> None:
        if self.gender not in GENDERS:
            raise ValueError(f"noun {self.singular!r}: gender must be 'm', 'f' or '', got {self.gender!r}")
        if not self.singular.strip():
            raise ValueError("noun: singular must not be empty")


class LanguageRules(Protocol):
    """What a language module (``nlg/lang/<code>.py``) provides: constants and grammar rules.

    Constants: ``NAME`` (the language in English, for messages), ``LANGUAGE_TAG``
    (Word proofing language, "es-ES"), ``NUMBER_LOCALE`` (default Babel locale of
    numbers, overridable by ``style.number_locale``), ``DATE_LOCALE`` (Babel locale of
    dates, "" for the number locale), ``COMPACT_SCALES`` (powers of ten spelt as a
    word: (6,) stops at millions, (6, 9) has billions), ``YEAR_RANGE_JOIN`` (what joins
    two month-years of different years, "" for an en dash), ``GENDERED`` (nouns need a
    gender), ``VERB_NEEDS_ENTRY`` (a regex of the plural verb forms ``agree`` cannot
    turn singular, which need a lexicon ``verbs:`` entry; None when there are none).
    ``places`` spells the admin1s of a bullet for the ``{{ places }}`` slot of the
    ``place`` frame: a list, or, where the preposition changes with each name
    (Portuguese "em Roraima, no Amazonas"), the whole "in ..." phrase.
    """

    NAME: str
    LANGUAGE_TAG: str
    NUMBER_LOCALE: str
    DATE_LOCALE: str
    COMPACT_SCALES: tuple[int, ...]
    YEAR_RANGE_JOIN: str
    GENDERED: bool
    VERB_NEEDS_ENTRY: re.Pattern[str] | None

    def pluralise(self, word: str) -> str: ...

    def inflect(self, noun: Noun, count: int) -> str: ...

    def agree(self, word: str, *, gender: str, plural: bool) -> str: ...

    def definite_article(self, noun: Noun, *, plural: bool) -> str: ...

    def cardinal(self, n: int, gender: str = "") -> str: ...

    def join(self, items: Sequence[str], *, conj: str = "and", serial_comma: bool = True) -> str: ...

    def places(self, names: Sequence[str], *, serial_comma: bool = True) -> str: ...

    def orthography(self, text: str) -> str: ...

    def quantity(self, number: str, scale: str, noun: str) -> str: ...

    def money_usd(self, number: str, scale: str) -> str: ...

    def hedge_before(self, hedge: str, noun: Noun) -> str: ...


def percent(shown: int, *, locale: str) -> str:
    """Return a whole percentage decided in the plan as the locale writes it (the same rule in
    every language: Babel's pattern, "21%", "21\u00a0%").

    >>> percent(21, locale="en"), percent(21, locale="es"), percent(21, locale="pt_BR")
    ('21%', '21\xa0%', '21%')
    """
    from nlg import numfmt  # numfmt reads the language modules' constants

    return numfmt.percent(Decimal(shown) / 100, locale=locale)


def url_spans(text: str) -> list[tuple[int, int]]:
    """Return the (start, end) spans of web and e-mail addresses in ``text``.

    >>> url_spans("see https://r4v.info/es/peru and x")
    [(4, 28)]
    """
    if not _URL_HINT.search(text):      # cheap test first: most sentences hold no address
        return []
    return [m.span() for m in URL_RE.finditer(text)]


def sub_outside_urls(pattern: re.Pattern[str], repl: Callable[[re.Match[str]], str], text: str) -> str:
    """Return ``text`` with ``pattern`` replaced by ``repl(match)`` wherever it does not touch a URL.

    >>> sub_outside_urls(re.compile("a"), lambda m: "A", "a www.a.org a")
    'A www.a.org A'
    """
    if pattern.search(text) is None:       # nothing to replace (the common case)
        return text
    spans = url_spans(text)
    if not spans:
        return pattern.sub(repl, text)

    def keep_urls(match: re.Match[str]) -> str:
        if any(match.start() < end and start < match.end() for start, end in spans):
            return match.group(0)
        return repl(match)

    return pattern.sub(keep_urls, text)


def tidy_spacing(text: str) -> str:
    """Return ``text`` with single spaces, no space before , . ; : ? ! ) ] and none after ( [ ¿ ¡.

    >>> tidy_spacing("  In  Tumbes ,  Tacna ( south ) .")
    'In Tumbes, Tacna (south).'
    """
    text = sub_outside_urls(_REPEATED_SPACES, lambda m: " ", text).strip(" ")
    text = sub_outside_urls(_SPACE_BEFORE, lambda m: m.group(1) or m.group(2), text)
    return sub_outside_urls(_SPACE_AFTER, lambda m: m.group(1), text)


def capitalise_first(text: str) -> str:
    """Return ``text`` with its first letter in upper case, unless it starts with a figure or a URL.

    >>> capitalise_first("¿más de 15 mil personas?"), capitalise_first("14,971 people")
    ('¿Más de 15 mil personas?', '14,971 people')
    """
    match = re.search(r"\w", text)
    if match is None or not match.group(0).isalpha():
        return text
    if any(start <= match.start() < end for start, end in url_spans(text)):
        return text
    i = match.start()
    return text[:i] + text[i].upper() + text[i + 1:]


def leading_group(token: str) -> str:
    """Return the first group of digits of a figure as it is read aloud ("" if not a figure).

    Groups are of three digits, so "18,000", "18.000", "18000" and "18.5" all
    start with "18", and "1100" with "1".

    >>> leading_group("18,000"), leading_group("11000"), leading_group("8.5%"), leading_group("1100")
    ('18', '11', '8', '1')
    >>> leading_group("people")
    ''
    """
    match = re.match(r"\d+", token)
    if match is None:
        return ""
    digits = match.group(0)
    return digits[: len(digits) % 3 or 3]


def match_case(model: str, word: str) -> str:
    """Return ``word`` with the capitalisation of ``model`` (lower, Title or UPPER).

    >>> match_case("An", "a"), match_case("Y", "e"), match_case("o", "u")
    ('A', 'E', 'u')
    """
    if len(model) > 1 and model.isupper():
        return word.upper()
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def check_conj(conj: str) -> None:
    """Raise ValueError unless ``conj`` is the logical "and" or "or"."""
    if conj not in ("and", "or"):
        raise ValueError(f"join: conj must be 'and' or 'or', got {conj!r}")
