"""English grammar rules (the names of :class:`nlg.lang.base.LanguageRules`)."""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from nlg.lang.base import Noun, capitalise_first, check_conj, leading_group, match_case, sub_outside_urls, tidy_spacing

NAME = "English"
LANGUAGE_TAG = "en-GB"
NUMBER_LOCALE = "en"
DATE_LOCALE = "en_GB"           # UN style: day before month ("5 December 2023")
COMPACT_SCALES = (6, 9)         # "1.54 million", "2.5 billion"
YEAR_RANGE_JOIN = ""            # "December 2023–January 2024"
GENDERED = False
VERB_NEEDS_ENTRY = None

_CONJ = {"and": "and", "or": "or"}
#: Vowel-initial words said with a consonant ("a one-off", "a university", "a European").
_YOU_OR_W = ("eu", "ewe", "once", "unic", "unif", "unil", "unio", "uniq", "unis", "unit",
             "univ", "ubiq", "uku", "ukr", "uru", "usa", "use", "usu", "uti", "uto", "ufo")
#: Words with a silent h ("an hour").
_SILENT_H = ("hour", "honest", "honour", "honor", "heir")
#: Letters whose name starts with a vowel sound ("an R4V", "an X-ray").
_VOWEL_LETTER_NAMES = "AEFHILMNORSX"
_ARTICLE = re.compile(r"(?<![\w'\u2019-])(an|An|a|A)(?= +(\S+))")
_SENTENCE_START = re.compile(r"(?:^|[.!?:]\s+)[\"'\u201c\u2018(\[]*$")
_OPENERS = "\"'\u201c\u2018([\u00ab"


def pluralise(word: str) -> str:
    """Return the regular plural of a word (irregular plurals come from the lexicon).

    >>> [pluralise(w) for w in ("kit", "activity", "box", "day", "NGO", "crisis")]
    ['kits', 'activities', 'boxes', 'days', 'NGOs', 'crises']
    """
    if len(word) > 1 and word.isupper():
        return word + "s"
    lower = word.lower()
    if lower.endswith("sis"):
        return word[:-2] + "es"
    if lower.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    if lower.endswith("y") and lower[-2:-1] not in ("a", "e", "i", "o", "u", ""):
        return word[:-1] + "ies"
    return word + "s"


def inflect(noun: Noun, count: int) -> str:
    """Return the noun in the singular when ``count`` is exactly 1, else in the plural.

    >>> inflect(Noun("child", "children"), 1), inflect(Noun("kit"), 0), inflect(Noun("kit"), 2)
    ('child', 'kits', 'kits')
    """
    if count == 1:
        return noun.singular
    return noun.plural or pluralise(noun.singular)


def agree(word: str, *, gender: str, plural: bool) -> str:
    """Return ``word`` unchanged: English adjectives and participles do not agree.

    >>> agree("trained", gender="f", plural=True)
    'trained'
    """
    return word


def definite_article(noun: Noun, *, plural: bool) -> str:
    """Return "the".

    >>> definite_article(Noun("water"), plural=False)
    'the'
    """
    return "the"


_CARDINALS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")


def cardinal(n: int, gender: str = "") -> str:
    """Return a count of things in running text: one to nine in words (UN style), else figures.

    >>> cardinal(5), cardinal(12)
    ('five', '12')
    """
    return _CARDINALS[n] if 0 <= n < 10 else f"{n:,}"


def join(items: Sequence[str], *, conj: str = "and", serial_comma: bool = True) -> str:
    """Return items joined as a list: "A", "A and B", "A, B, and C" (or "A, B and C").

    >>> join(["Tacna", "Tumbes", "Madre de Dios"]), join(["Lima", "Callao"], conj="or")
    ('Tacna, Tumbes, and Madre de Dios', 'Lima or Callao')
    >>> join(["A", "B", "C"], serial_comma=False)
    'A, B and C'
    """
    check_conj(conj)
    word = _CONJ[conj]
    if len(items) <= 2:
        return f" {word} ".join(items)
    last = f", {word} " if serial_comma else f" {word} "
    return ", ".join(items[:-1]) + last + items[-1]


def places(names: Sequence[str], *, serial_comma: bool = True) -> str:
    """Return the admin1s of a bullet as a list (the ``place`` frame has the preposition).

    >>> places(["Tacna", "Tumbes", "Lima"])
    'Tacna, Tumbes, and Lima'
    """
    return join(names, serial_comma=serial_comma)


def _figure_sound(token: str) -> str:
    """Return "vowel" for figures read with a vowel (8, 11, 18, 80-89, 800-899, 8,000...), else "consonant"."""
    group = leading_group(token)
    return "vowel" if group in ("11", "18") or group.startswith("8") else "consonant"


def _acronym_sound(token: str) -> str | None:
    """Return how an upper-case acronym starts ("vowel"/"consonant"), or None when unsure."""
    letters = re.match(r"[A-Z]+", token).group(0)
    first = letters[0]
    if len(letters) == 1 or first in "AEIO":
        return "vowel" if first in _VOWEL_LETTER_NAMES else "consonant"
    # NGO ("en-") and NATO ("nay-") start alike in writing: leave F H L M N R S X alone.
    return None if first in _VOWEL_LETTER_NAMES else "consonant"


def sound(word: str) -> str | None:
    """Return whether ``word`` is said starting with a "vowel" or "consonant" sound, None if unsure.

    >>> [sound(w) for w in ("18%", "80", "11,000", "110", "hour", "one-off", "university")]
    ['vowel', 'vowel', 'vowel', 'consonant', 'vowel', 'consonant', 'consonant']
    >>> [sound(w) for w in ("IOM", "UNHCR", "R4V", "NGO", "unaccompanied", "Áncash")]
    ['vowel', 'consonant', 'vowel', None, 'vowel', 'vowel']
    """
    token = word.lstrip(_OPENERS)
    if not token:
        return None
    if token[0].isdigit():
        return _figure_sound(token)
    if token[0] in "$\u20ac\u00a3":
        return "consonant"
    token = unicodedata.normalize("NFD", token)
    token = "".join(ch for ch in token if not unicodedata.combining(ch))
    if not token[0].isalpha():
        return None
    if re.match(r"[A-Z](?:[A-Z]|[^a-zA-Z]|$)", token):
        return _acronym_sound(token)
    lower = token.lower()
    if len(re.match(r"\w*", lower).group(0)) == 1 or re.match(r"an?\b", lower):
        return None    # a letter, or an article that this pass may itself change
    if lower.startswith(_YOU_OR_W) or re.match(r"one\b", lower):
        return "consonant"
    if lower.startswith(_SILENT_H):
        return "vowel"
    return "vowel" if lower[0] in "aeiou" else "consonant"


def _fix_article(text: str, match: re.Match[str]) -> str:
    """Return the article of ``match`` as "a" or "an" to suit the next word."""
    article, following = match.group(1), match.group(2)
    if article[0] == "A" and not _SENTENCE_START.search(text[: match.start()]):
        return article   # "Plan A is ...": a capital A inside a sentence is a label
    wanted = {"vowel": "an", "consonant": "a"}.get(sound(following) or "", article.lower())
    return match_case(article, wanted)


def orthography(text: str) -> str:
    """Return a realised sentence tidied: spacing, a/an, first capital (idempotent; URLs untouched).

    >>> orthography("a 18%  increase , a  one-off grant and an 20 kits")
    'An 18% increase, a one-off grant and a 20 kits'
    """
    tidy = tidy_spacing(text)
    fixed = sub_outside_urls(_ARTICLE, lambda match: _fix_article(tidy, match), tidy)
    return capitalise_first(fixed)


def quantity(number: str, scale: str, noun: str) -> str:
    """Return a formatted number, optional scale word and noun phrase as one phrase.

    >>> quantity("1.54", "million", "people"), quantity("14,971", "", "people")
    ('1.54 million people', '14,971 people')
    """
    return " ".join(part for part in (number, scale, noun) if part)


def money_usd(number: str, scale: str) -> str:
    """Return an amount of US dollars spelt (number and scale word decided in the plan).

    >>> money_usd("66.8", "million"), money_usd("950,000", "")
    ('US$66.8 million', 'US$950,000')
    """
    return "US$" + quantity(number, scale, "")


def hedge_before(hedge: str, noun: Noun) -> str:
    """Return the hedge as it stands before ``noun`` (English: unchanged).

    >>> hedge_before("some", Noun("child"))
    'some'
    """
    return hedge
