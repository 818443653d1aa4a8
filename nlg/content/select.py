"""Choose what each sector narrates.

Within a top-level sector, candidate facts are ranked by the entry's priority
(phrasebanks/indicators.yaml), then by the size of the change against the
previous period when known, then by value; the first ``bullets_per_sector``
become bullets. Entries that ``follow`` a selected entry, and known activities
of it, become follow-up sentences of its bullet. Zero values are never narrated.
"""
from __future__ import annotations

from dataclasses import dataclass

from nlg.config.report import Style
from nlg.content.aggregate import OTHER
from nlg.content.facts import Fact, Facts
from nlg.phrasebank.bank import Phrasebank

MAX_FOLLOWS = 3


@dataclass(frozen=True)
class SelectedBullet:
    main: Fact
    follows: tuple[Fact, ...]


@dataclass(frozen=True)
class Selection:
    sectors: tuple[tuple[str, tuple[SelectedBullet, ...]], ...]   # (top sector, bullets)


def _top(fact: Fact, bank: Phrasebank) -> str:
    return OTHER if fact.sector == OTHER else bank.sector(fact.sector).top


def _rank(fact: Fact, bank: Phrasebank, threshold: float = 0.25) -> tuple:
    """Return the sort key: priority, then a notable change, then size."""
    entry = bank.entries.get(fact.entry)
    priority = entry.priority if entry else -5
    change = abs(fact.value - fact.previous) / max(fact.previous, 1) if fact.previous else 0.0
    return (-priority, -(change >= threshold), -fact.value, fact.key)


def _follows(main: Fact, pool: list[Fact], bank: Phrasebank) -> tuple[Fact, ...]:
    if not main.entry:          # an indicator the phrasebank does not know has no follow-ups
        return ()
    entries = [f for f in pool if not f.activity and f.entry
               and bank.entries[f.entry].follows == main.entry]
    activities = [f for f in pool if f.activity and f.entry == main.entry and not main.activity]
    activities.sort(key=lambda f: (-bank.activities[f.activity].priority, -f.value, f.key))
    entries.sort(key=lambda f: _rank(f, bank))
    return tuple((entries + activities)[:MAX_FOLLOWS])


def select(facts: Facts, bank: Phrasebank, style: Style) -> Selection:
    """Return the facts to narrate, grouped by top-level sector in R4V order."""
    by_sector: dict[str, list[Fact]] = {}
    for fact in facts.facts:
        if fact.value > 0:
            by_sector.setdefault(_top(fact, bank), []).append(fact)
    order = {c: s.order for c, s in bank.sectors.items()}
    chosen = []
    for top in sorted(by_sector, key=lambda c: order.get(c, len(order))):
        pool = by_sector[top]
        present = {f.entry for f in pool if not f.activity and f.entry}
        mains = [f for f in pool if not f.activity and
                 not (f.entry and bank.entries[f.entry].follows in present)]
        mains.sort(key=lambda f: _rank(f, bank, style.change_threshold))
        bullets = tuple(SelectedBullet(m, _follows(m, pool, bank))
                        for m in mains[:style.bullets_per_sector])
        chosen.append((top, bullets))
    return Selection(tuple(chosen))
