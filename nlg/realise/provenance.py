"""Provenance comments: where each figure of the draft comes from.

Each generated bullet gets a comment naming its indicator(s), the exact values
before hedging, the hedge applied, the admin1s (largest first, as the sentence
names them), the reporting partners and rows, and the source file with row
numbers. Wording comes from the phrasebank labels.
"""
from __future__ import annotations

from itertools import groupby

from nlg import numfmt
from nlg.content.facts import Bullet, Fact, Message, SectorTotal
from nlg.model import SOURCE_ORDER, SourceRef
from nlg.realise import textenv


def row_ranges(sources: tuple[SourceRef, ...]) -> str:
    """Return "file rows 4–6, 9" per file, compressing consecutive rows (repeats counted once).

    >>> row_ranges((SourceRef("5w.xlsx", 4), SourceRef("5w.xlsx", 5), SourceRef("5w.xlsx", 6), SourceRef("5w.xlsx", 9)))
    '5w.xlsx 4–6, 9'
    """
    parts = []
    for file, refs in groupby(sorted(set(sources), key=SOURCE_ORDER), key=lambda s: s.file):
        rows = [r.row for r in refs]
        runs: list[str] = []
        start: int | None = rows[0]
        for prev, cur in zip(rows, rows[1:] + [None]):
            if cur != prev + 1 if cur is not None else True:
                runs.append(str(start) if start == prev else f"{start}–{prev}")
                start = cur
        parts.append(f"{file} {', '.join(runs)}")
    return "; ".join(parts)


def _message_comment(w, msg: Message, fact: Fact) -> str:
    labels = w.bank.labels
    indicator = fact.entry or textenv.render(labels["comment_indicator_unknown"], {"label": fact.label})
    if fact.activity:
        indicator = f"{indicator} / {fact.activity}"
    number = lambda n: numfmt.integer(n, locale=w.locale)  # noqa: E731
    q = msg.quantity
    ranked = sorted(((a, v) for a, v in fact.by_admin1 if v), key=lambda t: (-t[1], t[0]))
    places = ", ".join(f"{a or labels['comment_national']} {number(v)}" for a, v in ranked) or "–"
    if fact.by_place:                  # several countries: each admin1 with its country
        from nlg.realise.sentences import country_name

        country = lambda c: country_name(w, c)  # noqa: E731
        ranked3 = sorted(((c, a, v) for c, a, v in fact.by_place if v), key=lambda t: (-t[2], t[0], t[1]))
        places = ", ".join(f"{a or labels['comment_national']} ({country(c)}) {number(v)}"
                           for c, a, v in ranked3) or "–"
    text = textenv.render(labels["comment_bullet"], {
        "indicator": indicator, "value": number(q.value), "shown": number(q.shown),
        "hedge": labels[f"hedge_{q.hedge.value}"], "places": places,
        "partners": str(len(fact.partners)), "rows": str(len(fact.sources)),
        "sources": row_ranges(fact.sources)})
    if msg.reached_before:             # why the bullet says so (nlg/content/table_story.py)
        text += " " + textenv.render(labels["comment_reached_before"], {
            "value": number(fact.people_monthly), "computed": number(fact.people_new)})
    return text


def bullet_comment(w, item: Bullet, facts: dict[str, Fact]) -> str:
    """Return the provenance comment of a generated bullet."""
    return "\n".join(_message_comment(w, m, facts[m.fact]) for m in item.messages)


def total_comment(w, total: SectorTotal) -> str:
    """Return the provenance comment of a people-reached table cell."""
    labels = w.bank.labels
    computed = numfmt.integer(total.computed, locale=w.locale)
    if total.overridden:
        return textenv.render(labels["comment_override"], {"computed": computed})
    return textenv.render(labels["comment_total"], {
        "value": computed, "rows": str(len(total.sources)), "partners": str(total.partners),
        "sources": row_ranges(total.sources) or "–"})
