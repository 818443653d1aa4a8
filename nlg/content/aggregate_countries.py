"""Aggregate a multi-country (sub-regional) report: each rule per country, then summed.

R4V counts a sub-regional platform as the sum of its countries: each country's people
reached per sector and its people assisted (the intersector rule, per admin1 of that
country) are what that country's own report would show; the platform's figures are their
sums (docs/subregional.md). The counting rules that the data decide (the RMRP Activity
filter, whether New beneficiaries are reported) are decided per country too.
"""
from __future__ import annotations

from dataclasses import replace

from nlg.config.report import ReportConfig
from nlg.content import counting
from nlg.content import totals as totals_
from nlg.content.counting import Resolved
from nlg.content.facts import Fact, Facts, SectorTotal
from nlg.model import Problem
from nlg.phrasebank.bank import Phrasebank


def facts(facts_: tuple[Fact, ...], resolved: list[Resolved], hows: dict[str, counting.Rules],
          totals: tuple[SectorTotal, ...], config: ReportConfig, bank: Phrasebank,
          problems: list[Problem], *, unknown_sectors: tuple[str, ...]) -> Facts:
    """Return the Facts of a multi-country report: its countries' cells and their sums."""
    cells: dict[str, dict[str, SectorTotal]] = {}
    assisted: list[tuple[str, int | None]] = []
    present = {r.row.country for r in resolved}
    for code in config.countries:
        mine = [r for r in resolved if r.row.country == code]
        own = hows[code] if mine else counting.Rules(rmrp_filter=False, new_reported=True)
        overrides = totals_.overrides_of(config.country_people_reached.get(code, {}),
                                   f"people_reached.{code}", bank, problems)
        table = totals_.sector_totals(mine, own, overrides, bank)
        cells[code] = {t.sector: t for t in table}
        assisted.append((code, counting.people_assisted(mine, own)
                         if mine and own.new_reported else None))
        problems += totals_.given_assisted(config.country_figures.get(code, {}), table,
                                        f"key_figures.by_country.{code}.people_assisted")
    known = [n for _, n in assisted if n is not None]
    with_rows = [c for c in config.countries if c in present]
    return Facts(
        facts=facts_,
        sector_totals=tuple(_platform_cell(t, cells, config.countries) for t in totals),
        people_assisted=sum(known) if known else None,
        warnings=tuple(problems),
        unknown_sectors=unknown_sectors,
        rmrp_filter=any(hows[c].rmrp_filter for c in with_rows) or not with_rows,
        new_reported=any(hows[c].new_reported for c in with_rows),
        countries=config.countries,
        assisted_by_country=tuple(assisted),
        countries_rmrp_all=tuple(c for c in with_rows if not hows[c].rmrp_filter),
        countries_not_reported=tuple(c for c in with_rows if not hows[c].new_reported),
        countries_with_rows=tuple(with_rows),
    )


def _platform_cell(total: SectorTotal, cells: dict[str, dict[str, SectorTotal]],
                   countries: tuple[str, ...]) -> SectorTotal:
    """Return a sector's platform total with each country's cell: the sum of the countries'
    figures (those not reported left out), unless report.yaml gives the platform's."""
    mine = tuple(replace(cells[c].get(total.sector) or _empty(total.sector), country=c)
                 for c in countries)
    values = [t.value for t in mine if t.value is not None]
    value = total.value if total.overridden else (sum(values) if values else None)
    return replace(total, value=value, computed=sum(t.computed for t in mine), by_country=mine)


def _empty(sector: str) -> SectorTotal:
    """Return the cell of a sector a country's rows never reach (shown "–")."""
    return SectorTotal(sector=sector, value=0, computed=0, overridden=False, rows=0, partners=0)


def country_facts(facts: Facts, code: str) -> tuple[SectorTotal, ...]:
    """Return one country's people-reached cells, in the table's order."""
    return tuple(next(c for c in t.by_country if c.country == code) for t in facts.sector_totals)
