"""Turn selected facts into a language-neutral content plan.

Every decision that both languages must share is taken here, once: the figure
shown and its hedge, the variant of each sentence (a stable hash of seed, report
and bullet, so adding a bullet rewords no other), the places named, and the
dominant population type.
"""
from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import replace

from nlg.config.report import ReportConfig
from nlg.content import figures, hedge, plan_countries, table_story
from nlg.content.aggregate import OTHER
from nlg.content.facts import Bullet, ContentPlan, Fact, Flag, Message, Printed, Quantity, SectorPlan
from nlg.content.select import Selection
from nlg.lang import CODES, REFERENCE
from nlg.model import Lang, PopType, Precision
from nlg.phrasebank.bank import Phrasebank

DOMINANT_SHARE = 0.8
#: An indicator in no catalogue and no entry: every language quotes its text as written (the
#: other language is flagged "translation needed") with the bare figure: its unit is unknown.
GENERIC_QUOTE = "_generic_quote"


def stable_index(*parts: object, n: int) -> int:
    """Return a deterministic index in ``range(n)`` for ``parts``.

    >>> stable_index(0, "PER/2023-11", "EDU/RE-ED1", n=2) == stable_index(0, "PER/2023-11", "EDU/RE-ED1", n=2)
    True
    """
    digest = hashlib.sha256("|".join(map(str, parts)).encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") % max(n, 1)


def plan(selection: Selection, config: ReportConfig, bank: Phrasebank,
         people_assisted: int | None, *, previous_period: tuple[int, int] | None = None,
         people_assisted_previous: int | None = None,
         assisted_by_country: tuple[tuple[str, int | None], ...] = (),
         printed: Mapping[str, Printed] | None = None,
         table: Mapping[str, int] | None = None) -> ContentPlan:
    """Return the content plan for the selected facts.

    ``printed``: the previous month's figures as its draft printed them (nlg.content.previous),
    quoted by a month-over-month phrase. ``table``: the people-reached table's figures by
    top-level sector (:func:`nlg.content.table_story.cells`), which no bullet shows a figure
    above unsaid.
    """
    report_id = f"{config.key}/{config.period.label}"
    table = table or {}
    sectors = []
    for top, selected in selection.sectors:
        openings: set[tuple[Lang, str]] = set()
        bullets = []
        cell = table.get(top)
        for item in selected:
            main = _message(item.main, "main", config, bank, report_id, openings,
                            printed=printed or {}, cell=cell)
            follows = [_message(f, "follow", config, bank, report_id, set(), main.places,
                                main.place_countries, cell=cell) for f in item.follows]
            bullets.append(Bullet(key=item.main.key, sector=top, messages=(main, *follows),
                                  review=flags((item.main, *item.follows))))
        sectors.append(SectorPlan(top, tuple(bullets)))
    assisted = None
    if people_assisted is not None:
        assisted = Quantity(people_assisted, people_assisted, hedge.Hedge.EXACT)
    return ContentPlan(tuple(sectors), assisted, previous_period if previous_period else None,
                       people_assisted_previous, assisted_by_country=assisted_by_country,
                       refugees=figures.refugees(config), funding=figures.funding(config))


#: Data warnings that touch a printed figure: a bullet built on a row with one of them is
#: flagged. Breakdown mismatches (W209, W210), missing CVA details (W205-W207) and the like do
#: not change the figure a bullet prints and go to the QA list only.
FLAGGING_WARNINGS = frozenset({"W208", "W211", "W250", "W251"})


def flags(facts: tuple[Fact, ...]) -> tuple[Flag, ...]:
    """Why a bullet needs a human (docs/methodology.md, "What a review flag means")."""
    out: list[Flag] = []
    for fact in facts:
        if not fact.entry:
            out.append(Flag("unknown_indicator"))
        if fact.similar_to:
            out.append(Flag("similar_indicator", (("official", fact.similar_to),)))
        if fact.outlier:
            out.append(Flag("implausible", (("row", fact.outlier),)))
    return tuple(dict.fromkeys(out))


def template_id(fact: Fact) -> str:
    """Return the sentence key of a fact: its activity, entry, or a generic frame."""
    if fact.activity:
        return fact.activity
    if fact.entry:
        return fact.entry
    return GENERIC_QUOTE


def _variants(bank: Phrasebank, key: str, form: str) -> dict[Lang, tuple[str, ...]]:
    """Return the variants of one sentence form in every language of the phrasebank."""
    out = {}
    for lang, lb in bank.langs.items():
        forms = lb.sentences.get(key, {})
        out[lang] = forms.get(form) or forms.get("main") or ()
    return out


def _opening(variant: str) -> str:
    """Return the first two words of a variant after its place: what makes bullets sound alike."""
    return " ".join(variant.replace("{{ place }}", "").split()[:2])


def _choose(bank: Phrasebank, key: str, form: str, seed: tuple, openings: set[tuple[Lang, str]]) -> int:
    """Return the variant index of one message, the same in every language.

    Variants are paired by position, so the index is drawn (a stable hash of the plan's
    seed, report and fact) among the positions every language has; in a sector, the
    next position is taken while the drawn one opens like an earlier bullet in any
    language, so the choice depends on the plan and the whole phrasebank, not on one
    language's wording.
    """
    variants = _variants(bank, key, form)
    n = min((len(v) for v in variants.values()), default=0) or 1
    first = stable_index(*seed, n=n)
    for step in range(n):
        index = (first + step) % n
        opening = {(lang, _opening(v[index]) if v else "") for lang, v in variants.items()}
        if not opening & openings:
            openings.update(opening)
            return index
    return first


def decide_quantity(fact: Fact, config: ReportConfig, bank: Phrasebank) -> Quantity:
    """Return how a fact's figure is shown (hedge.decide with the entry's precision and the style)."""
    entry = bank.entries.get(fact.entry)
    precision = entry.precision if entry else Precision.APPROXIMATE
    if fact.activity:
        precision = Precision.APPROXIMATE if precision is Precision.EXACT else precision
    sensitive = fact.sector != OTHER and bank.sector(fact.sector).sensitive
    s = config.style
    return hedge.decide(fact.value, precision=precision, small_count=s.small_count,
                        nearly_tolerance=s.nearly_tolerance, about_tolerance=s.about_tolerance,
                        sensitive_threshold=s.sensitive_threshold if sensitive else 0)


def _places(fact: Fact, limit: int) -> tuple[str, ...]:
    """Return the admin1s to name; none when the figure has national rows (admin1 "")."""
    ranked = sorted(((v, a) for a, v in fact.by_admin1 if v), key=lambda t: (-t[0], t[1]))
    names = tuple(a for _, a in ranked)
    return names if len(names) <= limit and "" not in names else ()


def _population(fact: Fact) -> str:
    total = sum(n for _, n in fact.population)
    if not total:
        return ""
    pop, n = max(fact.population, key=lambda t: (t[1], t[0].value))
    return pop.value if n >= DOMINANT_SHARE * total and pop is not PopType.DESTINATION else ""


def _message(fact: Fact, form: str, config: ReportConfig, bank: Phrasebank, report_id: str,
             openings: set[tuple[Lang, str]], main_places: tuple[str, ...] | None = None,
             main_countries: tuple[str, ...] = (), printed: Mapping[str, Printed] | None = None,
             *, cell: int | None = None) -> Message:
    key = template_id(fact)
    entry = bank.entries.get(fact.entry)
    usd = _usd(fact, config, bank, key, form)
    if usd is not None:
        form = f"{form}_usd"
    noun = bank.activities[fact.activity].noun if fact.activity else (entry.noun if entry else "")
    places = _places(fact, config.style.national_after)
    countries: tuple[str, ...] = ()
    country_count = 0
    if config.multi:
        places, countries, country_count = plan_countries.places(fact, config.style)
    change = change_direction(fact.value, fact.previous, config.style.change_threshold) \
        if form.startswith("main") else ""
    before = (printed or {}).get(fact.key) if change else None
    if change and before is None and fact.previous is not None:
        before = Printed(Quantity(fact.previous, fact.previous, hedge.Hedge.EXACT))
    if main_places is not None and set(places) == set(main_places) \
            and set(countries) == set(main_countries):
        places, countries = (), ()
    quantity, reached_before = table_story.against_table(
        fact, decide_quantity(fact, config, bank), cell, config.period.start == config.period.end)
    return Message(
        fact=fact.key, entry=key, form=form,
        variant=_choose(bank, key, form, (config.style.seed, report_id, fact.key), openings),
        quantity=quantity,
        noun=noun if entry or fact.activity else "",
        group=entry.group if entry else "refugees_migrants",
        places=places, region_count=_region_count(fact),
        population=_population(fact), activity=fact.activity, label=fact.label,
        label_lang=label_lang(fact.label, bank) if fact.label else "",
        previous=fact.previous if change else None, change=change, usd=usd,
        previous_shown=before.quantity if before else None,
        previous_variant=before.variant if before else 0,
        place_countries=countries, country_count=country_count, reached_before=reached_before,
    )


def _region_count(fact: Fact) -> int:
    """Return the number of admin1s with activity (of every country, for several)."""
    if fact.by_place:
        return len({(c, a) for c, a, v in fact.by_place if a and v})
    return len([a for a in fact.admin1s if a])


def _usd(fact: Fact, config: ReportConfig, bank: Phrasebank, key: str, form: str) -> Quantity | None:
    """The transfer value to state: only when the export gives it and every language's entry
    has a ``<form>_usd`` form that narrates it (decided here once, hedged like any figure)."""
    if not fact.value_usd or fact.value_usd < 1:
        return None
    if not all(f"{form}_usd" in lb.sentences.get(key, {}) for lb in bank.langs.values()):
        return None
    value = int(fact.value_usd)
    if value >= figures.MILLION:       # "over US$1.2 million": cut to its precision, never above
        return figures.money_over(value)
    return replace(hedge.decide(value, precision=Precision.APPROXIMATE,
                                small_count=config.style.small_count,
                                nearly_tolerance=config.style.nearly_tolerance,
                                about_tolerance=config.style.about_tolerance), unit="USD")


def change_direction(value: int, previous: int | None, threshold: float) -> str:
    """Return "up"/"down" when the change against the previous period is notable, else "".

    >>> change_direction(1656, 700, 0.25), change_direction(710, 700, 0.25), change_direction(5, None, 0.25)
    ('up', '', '')
    """
    if not previous:
        return ""
    ratio = (value - previous) / previous
    if abs(ratio) < threshold:
        return ""
    return "up" if ratio > 0 else "down"


def label_lang(label: str, bank: Phrasebank) -> str:
    """Return the language code an indicator wording is written in, by stopwords ("" if none).

    A tie goes to the reference language, then to the first in language order.
    """
    words = set(label.lower().replace(",", " ").split())
    scores = {lang.value: len(words & lb.stopwords) for lang, lb in bank.langs.items()}
    best = max(scores, key=lambda k: (scores[k], k == REFERENCE.value, -CODES.index(k)))
    return best if scores[best] else ""
