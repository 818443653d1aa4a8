"""Find the figures of a text with spaCy: quantity expressions with their hedges.

One blank pipeline per language (tokenizer, sentencizer) and a Matcher whose
patterns are built from the phrasebank's hedge words, so what the drafts say
("more than 900", "cerca de 2.900", "1,54 millones") is what is recognised.
Numbers are parsed with the locale's conventions through :mod:`nlg.numfmt`.
spaCy is imported here only, when `sitrep check` runs.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from nlg import numfmt
from nlg.check.wording import Wording
from nlg.model import Hedge, Lang

EXACT, RANGE, WORDS = "exact", "range", "words"
_NUMBER = r"^(?:\d{1,3}(?:[.,\u00a0\u202f\u2009]\d{3})*(?:[.,]\d+)?|\d+(?:[.,]\d+)?)%?$"
_THOUSANDS = re.compile(r"\d{1,3}([.,])\d{3}(?:\1\d{3})*")
_RANGE = r"^\d+[\u2013-]\d+$"
_SPACES = "\u00a0\u202f\u2009"
_DIGIT_SPACE = re.compile(rf"(?<=\d)[{_SPACES}](?=\d{{3}}(?!\d))")


@dataclass(frozen=True)
class Figure:
    """A figure as written in the text: its hedge, the number shown and its sentence."""

    written: str          # "more than 900", "1,54 millones"
    hedge: Hedge
    shown: Decimal        # 900, 1540000
    unit: Decimal         # what the last written digit is worth (1; 10000 for "1.54 million")
    sentence: str
    start: int            # character offset in the paragraph


@cache
def _symbols(locale: str) -> tuple[str, str]:
    """Return (group symbol, decimal symbol) of ``locale``, as the drafts write them."""
    group = numfmt.integer(1000000, locale=locale)[1]
    return group, numfmt.decimal(1.5, locale=locale, digits=1)[1]


def parse_number(text: str, *, locale: str, scaled: bool = False) -> tuple[Decimal, int] | None:
    """Return (value, decimals written) of a number in ``locale``'s convention, or None.

    Without a scale word, three digits after the only kind of separator are read
    as thousands whatever the locale ("214.633" in a text otherwise written
    "14,971"): situation reports give people, not thousandths.

    >>> parse_number("14.971", locale="es"), parse_number("1,54", locale="es")
    ((Decimal('14971'), 0), (Decimal('1.54'), 2))
    >>> parse_number("14,971", locale="en"), parse_number("1.5.3", locale="en")
    ((Decimal('14971'), 0), None)
    >>> parse_number("214.633", locale="es_PE"), parse_number("2.500", locale="es", scaled=True)
    ((Decimal('214633'), 0), (Decimal('2500'), 0))
    """
    whole = numfmt.parse_integer(text, locale=locale)
    if whole is not None:
        return Decimal(whole), 0
    if not scaled and _THOUSANDS.fullmatch(text):
        return Decimal(re.sub(r"\D", "", text)), 0
    group, point = _symbols(locale)
    head, sep, tail = text.rpartition(point)
    if not sep or not tail.isdigit() or not head:
        return None
    integer = numfmt.parse_integer(head, locale=locale)
    if integer is None:
        return None
    return Decimal(f"{integer}.{tail}"), len(tail)


@cache
def scale_words(locale: str) -> dict[str, int]:
    """Return the scale words the drafts use in ``locale`` with their powers of ten.

    >>> scale_words("en"), scale_words("es")
    ({'million': 6, 'billion': 9}, {'millón': 6, 'millones': 6})
    """
    words: dict[str, int] = {}
    for exponent in (6, 9, 12):            # Spanish "2.500 millones": the smallest power wins
        for n in (1, 2):
            word = numfmt.compact(n * 10 ** exponent, locale=locale)[1]
            if word:
                words.setdefault(word.lower(), exponent)
    return words


class Reader:
    """The spaCy pipeline, Matcher and number conventions of one language."""

    def __init__(self, lang: Lang, wording: Wording, locale: str):
        from nlg.check.spacy_import import import_spacy

        spacy = import_spacy()
        from spacy.matcher import Matcher

        self.lang, self.locale = lang, locale
        self.nlp = spacy.blank(lang.value)
        self.nlp.add_pipe("sentencizer")
        self.scales = scale_words(locale)
        self.stop_words = frozenset(self.nlp.Defaults.stop_words)
        self.matcher = Matcher(self.nlp.vocab)
        number = [{"TEXT": {"REGEX": _NUMBER}}, {"LOWER": {"IN": sorted(self.scales)}, "OP": "?"}]
        self.matcher.add(EXACT, [number])
        self.matcher.add(RANGE, [[{"TEXT": {"REGEX": _RANGE}}]])
        # counts of admin1s are written in words below ten ("across five departments")
        from nlg.lang import module
        rules = module(lang)
        self.words = {rules.cardinal(n): n for n in range(2, 10)}
        units = sorted(wording.admin1_units.get(lang.value, ()))
        if units:
            self.matcher.add(WORDS, [[{"LOWER": {"IN": sorted(self.words)}}, {"LOWER": {"IN": units}}]])
        for hedge, phrases in wording.hedges[lang.value].items():
            patterns = [[{"LOWER": t.lower_} for t in self.nlp.make_doc(p)] + number for p in phrases]
            if patterns:
                self.matcher.add(hedge, patterns)

    def docs(self, texts: list[str]):
        """Return the spaCy docs of ``texts`` (NBSP digit groups kept inside one token)."""
        group = _symbols(self.locale)[0]
        return list(self.nlp.pipe(_DIGIT_SPACE.sub(group, t) for t in texts))

    def figures(self, doc, original: str) -> list[Figure]:
        """Return the figures of one paragraph, in order, quoting ``original``."""
        from spacy.util import filter_spans

        spans = []
        for match_id, start, end in self.matcher(doc):
            span = doc[start:end]
            span.label_ = self.nlp.vocab.strings[match_id]
            spans.append(span)
        out = []
        for span in sorted(filter_spans(spans), key=lambda s: s.start):
            out.extend(self._figures(span, original))
        return out

    def _figures(self, span, original: str) -> list[Figure]:
        """Return the figure(s) one matched span stands for (two for a range "6–59")."""
        sentence = original[span.sent.start_char:span.sent.end_char].strip()
        written = original[span.start_char:span.end_char]
        if span.label_ == WORDS:
            value = Decimal(self.words[span[0].lower_])
            return [Figure(span[0].text, Hedge.EXACT, value, Decimal(1), sentence, span.start_char)]
        if span.label_ == RANGE:
            return [Figure(n, Hedge.EXACT, Decimal(n), Decimal(1), sentence, span.start_char)
                    for n in re.split("[\u2013-]", span.text)]
        scale = span[-1].lower_ if span[-1].lower_ in self.scales else ""
        token = span[-2] if scale else span[-1]
        parsed = parse_number(token.text.rstrip("%"), locale=self.locale, scaled=bool(scale))
        if parsed is None:
            return []
        value, decimals = parsed
        power = self.scales.get(scale, 0)
        hedge = Hedge.EXACT if span.label_ == EXACT else Hedge(span.label_)
        return [Figure(written, hedge, value.scaleb(power), Decimal(1).scaleb(power - decimals),
                       sentence, span.start_char)]


def english_ratio(sentence, english: frozenset[str], spanish: frozenset[str]) -> tuple[int, int]:
    """Return (English-only, Spanish-only) stop words counted in a spaCy sentence span."""
    words = [t.lower_ for t in sentence if t.is_alpha]
    return (sum(w in english and w not in spanish for w in words),
            sum(w in spanish and w not in english for w in words))
