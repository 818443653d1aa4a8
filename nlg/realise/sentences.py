"""Realise the bullets of a content plan in one language.

Per message: choose the sentence template (entry, form, variant from the plan),
build the slots (place, actor, count, group, sector, label) with the language's
rules and the locale wrapper, render it in the sandbox, then run the language's
orthography pass over the marked-up text.
"""
from __future__ import annotations

from dataclasses import dataclass

from nlg import numfmt
from nlg.config.report import ReportConfig
from nlg.content.facts import Bullet, Message, Quantity
from nlg.lang.base import LanguageRules, Noun
from nlg.model import Hedge, Lang
from nlg.phrasebank.bank import LangBank, Phrasebank
from nlg.places import admin1_term
from nlg.realise import textenv
from nlg.realise.doc import Paragraph, Span
from nlg.realise.markup import parse, polish


@dataclass
class Writer:
    """The per-document state of one language: rules, wording, acronyms used."""

    lang: Lang
    rules: LanguageRules
    bank: LangBank
    phrasebank: Phrasebank
    config: ReportConfig
    acronyms: textenv.Acronyms
    previous_period: tuple[int, int] | None = None

    @property
    def locale(self) -> str:
        """Return the number locale of this language."""
        return self.config.style.locale(self.lang)

    def frame(self, name: str, index: int = 0, **slots: str) -> str:
        """Return a document frame (phrasebank ``frames``) rendered with ``slots``."""
        variants = self.bank.frames[name]
        return textenv.render(variants[index % len(variants)], slots)

    def noun(self, key: str, population: str = "") -> Noun:
        """Return the lexicon noun for ``key``, for the dominant population and policy."""
        key = self.bank.noun_populations.get(key, {}).get(population, key) if population else key
        if self.config.style.inclusive and key in self.bank.inclusive:
            return self.bank.inclusive[key]
        return self.bank.nouns[key]

    def spell(self, q: Quantity) -> tuple[str, str]:
        """Return (number text, scale word) of a figure of the plan, as decided there."""
        return numfmt.spell(q.shown, step=q.step, scale=q.scale, locale=self.locale)

    def money(self, q: Quantity) -> str:
        """Return an amount of US dollars of the plan as this language writes it."""
        return self.rules.money_usd(*self.spell(q))


def _count(w: Writer, q: Quantity, noun: Noun, variant: int,
           bare: bool = False) -> tuple[str, textenv.Agreement]:
    """The hedged figure with its noun; ``bare``: the figure alone (unit unknown)."""
    inflect_as = q.shown if q.hedge is Hedge.EXACT else 2
    agreement = textenv.Agreement(w.rules, noun, inflect_as != 1, dict(w.bank.verbs))
    number, scale = w.spell(q)
    quantity = w.rules.quantity(number, scale, "" if bare else w.rules.inflect(noun, inflect_as))
    hedges = w.bank.hedges[q.hedge.value]
    hedge = textenv.render(hedges[variant % len(hedges)], {}, agreement=agreement)
    hedge = w.rules.hedge_before(hedge, noun)
    text = w.frame("count", hedge=hedge, quantity=quantity).strip()
    return text, agreement


def _usd(w: Writer, q: Quantity, variant: int) -> str:
    """The hedged transfer value ("over US$12,400", "más de USD 12.400")."""
    hedges = w.bank.hedges[q.hedge.value]
    hedge = textenv.render(hedges[variant % len(hedges)], {})
    return " ".join(p for p in (hedge, w.money(q)) if p)


def country_name(w: Writer, code: str) -> str:
    """Return a country's name: Babel's (CLDR), or the phrasebank's where R4V writes it
    otherwise (label ``country_<code>``: "Trinidad and Tobago", not CLDR's "Trinidad & Tobago")."""
    return w.bank.labels.get(f"country_{code}") or numfmt.country_name(code, locale=w.locale)


def country_in_text(w: Writer, code: str) -> str:
    """Return a country's name in running text: :func:`country_name`, or the phrasebank's where
    English or Spanish adds an article (label ``country_in_<code>``: "the Dominican Republic")."""
    return w.bank.labels.get(f"country_in_{code}") or country_name(w, code)


def _countries_place(w: Writer, msg: Message) -> str:
    """Return the place phrase of a multi-country message (nlg/content/plan_countries.py)."""
    join = lambda items: w.rules.join(list(items), serial_comma=w.config.style.serial_comma)  # noqa: E731
    places = lambda items: w.rules.places(list(items), serial_comma=w.config.style.serial_comma)  # noqa: E731
    name = lambda code: country_name(w, code)  # noqa: E731
    if msg.places:
        codes = msg.place_countries
        if len(set(codes)) == 1:
            text = places([w.frame("place_in_country", places=join(msg.places), country=name(codes[0]))])
        else:
            text = places(w.frame("place_in_country", places=a, country=name(c))
                          for a, c in zip(msg.places, codes))
        return w.frame("place", places=text)
    if msg.place_countries:
        return w.frame("place", places=places(country_in_text(w, c) for c in msg.place_countries))
    if msg.form.startswith("main") and msg.country_count > 1:
        units = w.noun("place_countries")
        return w.frame("place_national", n=w.rules.cardinal(msg.country_count, units.gender),
                       units=w.rules.inflect(units, msg.country_count))
    return ""


def _place(w: Writer, msg: Message) -> str:
    if msg.place_countries or msg.country_count:
        return _countries_place(w, msg)
    if msg.places:
        return w.frame("place", places=w.rules.places(list(msg.places),
                                                      serial_comma=w.config.style.serial_comma))
    if msg.form.startswith("main") and msg.region_count > w.config.style.national_after:
        units = w.noun(admin1_term(w.config.country))
        return w.frame("place_national", n=w.rules.cardinal(msg.region_count, units.gender),
                       units=w.rules.inflect(units, msg.region_count))
    return ""


def _actor(w: Writer, variant: int) -> str:
    if w.config.actor and w.config.actor.get(w.lang):
        return w.config.actor.get(w.lang)
    if w.config.multi:                 # a sub-regional platform: "R4V partners"
        return w.frame("actor_subregional", variant)
    return w.frame("actor", variant, platform=w.config.platform)


def _template(w: Writer, msg: Message) -> tuple[str, str]:
    key, review = msg.entry, ""
    if msg.label and msg.label_lang != w.lang.value:   # quoted in the language it is written in
        review = w.bank.labels["review_translation_needed"]
    forms = w.bank.sentences[key]
    variants = forms.get(msg.form) or forms.get(msg.form.removesuffix("_usd")) or forms["main"]
    return variants[msg.variant % len(variants)], review


def message_text(w: Writer, msg: Message) -> tuple[str, str]:
    """Return (marked-up sentence, review reason) for one message."""
    source, review = _template(w, msg)
    noun = w.noun(msg.noun or "output_units", msg.population)
    count, agreement = _count(w, msg.quantity, noun, msg.variant, bare=not msg.noun)
    top = w.phrasebank.sectors.get(msg.fact.split("/")[0])
    slots = {
        "place": _place(w, msg),
        "actor": _actor(w, msg.variant),
        "count": count,
        "group": w.rules.inflect(w.noun(msg.group, msg.population), 2),
        "sector": top.names[w.lang.value] if top else w.bank.labels["other_sector"],
        "label": msg.label,
        "usd": _usd(w, msg.usd, msg.variant) if msg.usd else "",
    }
    text = textenv.render(source, slots, agreement=agreement, acronyms=w.acronyms)
    return text + change_phrase(w, msg) + reached_before(w, msg), review


def reached_before(w: Writer, msg: Message) -> str:
    """Return the sentence a figure above its sector's people-reached cell adds (the plan's
    ``reached_before``): ". The figure counts everyone assisted in November, including people
    reached before" (frame ``reached_before``, the message's aligned variant), or ""."""
    if not msg.reached_before:
        return ""
    month = numfmt.month_name(w.config.period.end[1], locale=w.locale)
    return ". " + w.frame("reached_before", msg.variant, month=month)


def change_phrase(w: Writer, msg: Message) -> str:
    """Return the month-over-month phrase (" (down from nearly 8,500 in October)") or ""."""
    period = w.previous_period
    if not msg.change or msg.previous is None or period is None:
        return ""
    before = msg.previous_shown or Quantity(msg.previous, msg.previous, Hedge.EXACT)
    noun = w.noun(msg.noun or "output_units", msg.population)
    return change_text(w, msg.change, before, msg.previous_variant, noun, period)


def change_text(w: Writer, change: str, before: Quantity, variant: int, noun: Noun,
                period: tuple[int, int]) -> str:
    """Return the frame ``change_up``/``change_down`` quoting the previous figure as printed:
    its hedge (the previous draft's word) and figure, agreeing with the counted noun."""
    plural = before.shown != 1 or before.hedge is not Hedge.EXACT
    agreement = textenv.Agreement(w.rules, noun, plural, dict(w.bank.verbs))
    hedges = w.bank.hedges[before.hedge.value]
    hedge = textenv.render(hedges[variant % len(hedges)], {}, agreement=agreement)
    number, scale = w.spell(before)
    figure = w.rules.quantity(number, scale, "")
    previous = " ".join(p for p in (w.rules.hedge_before(hedge, noun), figure) if p)
    return textenv.render(w.bank.frames[f"change_{change}"][0],
                          {"previous": previous, "month": month_label(w, period)},
                          agreement=agreement)


def month_label(w: Writer, period: tuple[int, int]) -> str:
    """Return the previous month's name, with its year when the year differs."""
    if period[0] != w.config.period.start[0]:
        return numfmt.month_year(*period, locale=w.locale)
    return numfmt.month_name(period[1], locale=w.locale)


def sentence_spans(w: Writer, text: str) -> tuple[Span, ...]:
    """Return the spans of one sentence after the orthography pass, ending with a full stop."""
    spans = polish(parse(text), w.rules.orthography)
    if spans and not spans[-1].text.rstrip().endswith((".", "!", "?")):
        spans = (*spans, Span("."))
    return spans


def bullet(w: Writer, item: Bullet, comment: str) -> Paragraph:
    """Return the paragraph of a generated bullet."""
    spans: list[Span] = []
    labels = w.bank.labels
    reviews = [textenv.render(labels[f"review_{f.reason}"], dict(f.slots)) for f in item.review]
    for msg in item.messages:
        text, review = message_text(w, msg)
        if review:
            reviews.append(review)
        if spans:
            spans.append(Span(" "))
        spans.extend(sentence_spans(w, text))
    return Paragraph(tuple(spans), comment=comment, review="; ".join(dict.fromkeys(reviews)),
                     key=item.key)
