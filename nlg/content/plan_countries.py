"""Where a multi-country bullet happened, at the level that fits (docs/subregional.md).

Decided once for both languages, from a fact's (country, admin1, value) places:

- one country: its admin1s ("In Buenos Aires and Córdoba (Argentina), …") when they are few
  (``style.national_after``) and none is national, else the country ("In Argentina, …");
- several countries, one admin1 each, few in all and none national: the admin1s with their
  countries ("In Buenos Aires (Argentina) and Montevideo (Uruguay), …");
- else the countries ("In Argentina and Uruguay, …"), up to ``style.countries_after``;
- else their number, in the main sentence only ("Across four countries, …").

Places are ranked by value, largest first (ties by name), as in single-country bullets.
"""
from __future__ import annotations

from collections import defaultdict

from nlg.config.report import Style
from nlg.content.facts import Fact


def places(fact: Fact, style: Style) -> tuple[tuple[str, ...], tuple[str, ...], int]:
    """Return (admin1s named, their countries or the countries named, countries with activity).

    With admin1s, the second tuple gives each one's country (same length); without, the
    countries to name (empty: "Across N countries" when the count is worth saying).
    """
    ranked = sorted(((v, c, a) for c, a, v in fact.by_place if v), key=lambda t: (-t[0], t[1], t[2]))
    totals: dict[str, int] = defaultdict(int)
    admin1s: dict[str, list[str]] = defaultdict(list)
    for value, country, admin1 in ranked:
        totals[country] += value
        admin1s[country].append(admin1)
    countries = tuple(sorted(totals, key=lambda c: (-totals[c], c)))
    national = any(a == "" for _, _, a in ranked)
    few = len(ranked) <= style.national_after and not national
    if len(countries) == 1 or (few and all(len(admin1s[c]) == 1 for c in countries)):
        if few:
            return tuple(a for _, _, a in ranked), tuple(c for _, c, _ in ranked), len(countries)
    if len(countries) <= style.countries_after:
        return (), countries, len(countries)
    return (), (), len(countries)
