"""The people-reached table of a report (per top-level sector) and the checks of the figures
report.yaml gives for it; used by :mod:`nlg.content.aggregate` and, per country, by
:mod:`nlg.content.aggregate_countries`.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from nlg.content import counting
from nlg.content.counting import Resolved, round_half_up
from nlg.content.facts import SectorTotal
from nlg.content.recognise import recogniser
from nlg.errors import warning
from nlg.model import SOURCE_ORDER, Activity, Problem
from nlg.phrasebank.bank import Phrasebank

#: The sector of rows whose sector is not recognised.
OTHER = "OTHER"


def given_assisted(figures, totals: tuple[SectorTotal, ...], column: str) -> list[Problem]:
    """W262: a given people_assisted outside [largest sector cell, sum of the table]."""
    given = figures.get("people_assisted")
    cells = [t.value for t in totals if t.value is not None and not t.overridden]
    if given is None or not cells or not any(cells):
        return []
    value, low, high = int(given.value), max(cells), sum(cells)
    if low <= value <= high:
        return []
    why = (f"below the largest sector figure ({low:,})" if value < low
           else f"above the sum of the people-reached table ({high:,})")
    return [warning("W262", f"people_assisted {value:,} given in report.yaml is {why}: people "
                    "assisted counts each person once, so it lies between the two",
                    file="report.yaml", column=column, value=str(value),
                    hint="check the figure, or leave it out to compute it with the intersector rule")]


def missing_months(rows: Iterable[Activity], end: tuple[int, int]) -> tuple[str, ...]:
    """Return the months ("YYYY-MM") from January of ``end``'s year to ``end`` without any row.

    >>> missing_months([], (2022, 3))
    ('2022-01', '2022-02', '2022-03')
    """
    have = {r.month for r in rows}
    months = (f"{end[0]:04d}-{m:02d}" for m in range(1, end[1] + 1))
    return tuple(m for m in months if m not in have)


def month_ranges(months: Iterable[str]) -> str:
    """Return months as runs ("2022-01 to 2022-03, 2022-05").

    >>> month_ranges(["2022-01", "2022-02", "2022-03", "2022-05"])
    '2022-01 to 2022-03, 2022-05'
    """
    runs: list[list[str]] = []
    for m in months:
        y, n = int(m[:4]), int(m[5:7])
        if runs and (int(runs[-1][-1][:4]), int(runs[-1][-1][5:7]) + 1) == (y, n):
            runs[-1].append(m)
        else:
            runs.append([m])
    return ", ".join(r[0] if len(r) == 1 else f"{r[0]} to {r[-1]}" for r in runs)


def missing_warning(missing: tuple[str, ...], end: tuple[int, int]) -> list[Problem]:
    """W264: a year-to-date table from an export that lacks months since January."""
    if not missing:
        return []
    return [warning("W264", f"no row for {month_ranges(missing)}: the year-to-date people-reached table "
                    "(style.people_reached_table) counts only the months the data have, and its "
                    "footnote names the missing ones",
                    column="Month", value=month_ranges(missing),
                    hint=f"export the 5W rows from {end[0]:04d}-01 to {end[0]:04d}-{end[1]:02d}, "
                         "or use style.people_reached_table: period")]


def overrides_of(given, key: str, bank: Phrasebank, problems: list[Problem]) -> dict[str, int]:
    """Return people_reached overrides by top-level sector code (W252 for an unknown sector)."""
    rec = recogniser(bank)
    overrides = {}
    for name, value in given.items():
        code = rec.sector(name)
        if not code:
            problems.append(warning("W252", f"{key}: unknown sector, override ignored",
                                    file="report.yaml", value=name,
                                    hint="use a sector name such as Education or WASH"))
        else:
            overrides[bank.sector(code).top] = value
    return overrides


def sector_totals(resolved: list[Resolved], how, overrides: dict[str, int],
                   bank: Phrasebank) -> tuple[SectorTotal, ...]:
    """Return the people-reached table (``how``: the rules, or each country's)."""
    sums = counting.sector_sums(resolved, how)
    rows: defaultdict[str, int] = defaultdict(int)
    partners: defaultdict[str, set[str]] = defaultdict(set)
    sources = defaultdict(list)
    for r in resolved:
        if counting.own(how, r).rmrp_filter and not r.row.rmrp:
            continue
        rows[r.top] += 1
        partners[r.top].add(r.row.appealing_org)
        if counting.counts(r, how):
            sources[r.top].append(r.row.source)
    tops = [c for c, s in bank.sectors.items() if not s.parent and c != "COM"]
    if rows.get("COM"):
        tops.append("COM")
    if rows.get(OTHER):
        tops.append(OTHER)
    reported = any(h.new_reported for h in how.values()) if isinstance(how, dict) else how.new_reported
    out = []
    for c in tops:
        computed = round_half_up(sums.get(c, 0.0))
        value = overrides.get(c, computed if reported else None)
        out.append(SectorTotal(sector=c, value=value, computed=computed, overridden=c in overrides,
                               rows=rows[c], partners=len(partners[c]),
                               sources=tuple(sorted(sources[c], key=SOURCE_ORDER)), counted_rows=len(sources[c])))
    return tuple(out)
