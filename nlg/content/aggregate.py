"""Aggregate validated 5W rows into facts (docs/methodology.md).

- A fact per (sector, indicator) and per (sector, indicator, known activity).
- ``people_monthly`` narrates Total monthly beneficiaries for a one-month report;
  for a multi-month period it narrates New beneficiaries, since monthly totals are
  never summed across months. ``output`` sums Quantity of output.
- Who counts in people reached and people assisted: :mod:`nlg.content.counting` (R4V rules).
- Sums of apportioned decimals are rounded half-up once, on the sum.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace

from nlg.config.report import ReportConfig
from nlg.content import aggregate_countries as countries
from nlg.content import counting
from nlg.content.counting import Resolved, round_half_up
from nlg.content.facts import Fact, Facts
from nlg.content.recognise import Recogniser, normalise, recogniser, split_code
from nlg.content.totals import OTHER, given_assisted, missing_months, missing_warning, overrides_of, sector_totals
from nlg.errors import warning
from nlg.model import SOURCE_ORDER, Activity, Breakdown, Dataset, Measure, Problem
from nlg.phrasebank.bank import Entry, Phrasebank


def aggregate(data: Dataset, config: ReportConfig, bank: Phrasebank, *,
              year_to_date: Dataset | None = None) -> Facts:
    """Return the facts of a report's validated rows.

    ``year_to_date``: the rows from January to the period's end, when the people-reached table
    counts the year so far (``style.people_reached_table: year_to_date``); else the table counts
    the period's rows."""
    rec = recogniser(bank)
    problems: list[Problem] = []
    year = config.period.end[0]
    resolved = [_resolve(row, rec, bank, year, problems) for row in data.activities]
    how = counting.rules(resolved)
    hows: counting.Rules | dict[str, counting.Rules] = _country_rules(resolved, config) if config.multi else how
    multi_month = config.period.start != config.period.end
    groups: dict[tuple[str, str, str], list[Resolved]] = defaultdict(list)
    for r in resolved:
        if counting.own(hows, r).rmrp_filter and not r.row.rmrp and not config.style.narrate_non_rmrp:
            continue                   # the report narrates what it counts: RMRP activities
        key_entry = r.found.entry or "?" + normalise(split_code(r.row.indicator_label)[1])
        groups[(r.sector, key_entry, "")].append(r)
        activity = rec.activity(r.found.entry, r.row.activity_name) if r.found.entry else ""
        if activity:
            groups[(r.sector, key_entry, activity)].append(r)
    facts = tuple(_fact(k, rs, bank, multi_month, config.multi) for k, rs in sorted(groups.items()))
    unknown = sorted({r.row.sector_label for r in resolved if r.sector == OTHER})
    problems += _report_warnings(resolved, hows, config.style.narrate_non_rmrp)
    overrides = overrides_of(config.people_reached, "people_reached", bank, problems)
    table_rows, table_hows, missing = resolved, hows, tuple[str, ...]()
    if year_to_date is not None:       # the year's rows: their row warnings are earlier reports' own
        table_rows = [_resolve(row, rec, bank, year, []) for row in year_to_date.activities]
        table_hows = _country_rules(table_rows, config) if config.multi else counting.rules(table_rows)
        missing = missing_months(year_to_date.activities, config.period.end)
        problems += missing_warning(missing, config.period.end)
    totals = sector_totals(table_rows, table_hows, overrides, bank)
    if year_to_date is None:           # people assisted is the period's figure, the table the year's
        problems += given_assisted(config.key_figures, totals, "key_figures.people_assisted")
    facts = tuple(f for f in facts if f.value > 0)
    if isinstance(hows, dict):
        return replace(countries.facts(facts, resolved, hows, totals, config, bank, problems,
                                       unknown_sectors=tuple(unknown)),
                       table_counts=config.style.people_reached_table, table_missing=missing)
    table_how = table_hows if isinstance(table_hows, counting.Rules) else how
    return Facts(
        facts=facts,
        sector_totals=totals,
        people_assisted=(counting.people_assisted(resolved, how)
                         if resolved and how.new_reported else None),
        warnings=tuple(problems),
        unknown_sectors=tuple(unknown),
        rmrp_filter=table_how.rmrp_filter,
        new_reported=table_how.new_reported,
        table_counts=config.style.people_reached_table,
        table_missing=missing,
    )


def _country_rules(resolved: list[Resolved], config: ReportConfig) -> dict[str, counting.Rules]:
    """Return each country's counting rules, decided on its own rows (a multi-country report)."""
    mine: dict[str, list[Resolved]] = {code: [] for code in config.members}
    for r in resolved:
        mine.setdefault(r.row.country, []).append(r)
    return {code: counting.rules(rows) for code, rows in mine.items()}


def with_previous(facts: Facts, previous: Facts) -> Facts:
    """Return ``facts`` with each fact's value in the previous period (same key) attached."""
    before = {f.key: f.value for f in previous.facts if f.measure}
    return replace(facts, facts=tuple(replace(f, previous=before.get(f.key)) for f in facts.facts))


def _resolve(row: Activity, rec: Recogniser, bank: Phrasebank, year: int, problems: list[Problem]) -> Resolved:
    sector = rec.sector(row.sector_label)
    found = rec.identify(row.indicator_code, row.indicator_label, year)
    where = dict(file=row.source.file, row=row.source.row)
    if not sector:
        problems.append(warning("W250", column="Sector", value=row.sector_label, **where))
        sector = OTHER
    entry = bank.entries.get(found.entry)
    if entry:
        own = entry.sector
        if sector != OTHER and bank.sector(own).top != bank.sector(sector).top:
            problems.append(warning("W251", f"indicator {entry.id} belongs to sector {own}, not {sector}",
                                    column="Indicator", value=row.indicator_label, **where,
                                    hint="check the sector of this row"))
        sector = own
    return Resolved(row, sector, _top(sector, bank), found, entry.kind if entry else "")


def _report_warnings(resolved: list[Resolved], how: counting.Rules | dict[str, counting.Rules],
                     narrate_non_rmrp: bool) -> list[Problem]:
    """W260, W263, W261 (``how``: the rules, or each country's)."""
    out = []
    reported = any(h.new_reported for h in how.values()) if isinstance(how, dict) else how.new_reported
    if not reported and any(r.row.total_monthly for r in resolved):
        out.append(warning("W260", "New beneficiaries are empty or 0 on every row while Total monthly "
                           "beneficiaries are not: people reached cannot be counted and the table "
                           "shows 'not reported'",
                           column="New beneficiaries",
                           hint="ask partners to report New beneficiaries of the month (first "
                                "assistance this year), or give people_reached in report.yaml"))
    outside = sum(1 for r in resolved if counting.own(how, r).rmrp_filter and not r.row.rmrp)
    if outside:
        what = "narrated but not counted" if narrate_non_rmrp else "neither narrated nor counted"
        out.append(warning("W263", f"{outside} row(s) marked RMRP Activity = No are {what}: "
                           "the report covers the RMRP response (style.narrate_non_rmrp)",
                           column="RMRP Activity", value=str(outside),
                           hint="mark the row RMRP Activity = Yes if it is part of the RMRP"))
    unknown = [r for r in resolved if r.found.how == "none"]
    if unknown:
        texts = sorted({split_code(r.row.indicator_label)[1] for r in unknown})
        out.append(warning("W261", f"{len(unknown)} row(s) of {len(texts)} indicator(s) found in no RMRP "
                           "catalogue are narrated but not counted in people reached",
                           column="Indicator", value="; ".join(t[:60] for t in texts[:5]),
                           hint="check the indicator text against the RMRP catalogue, or give the "
                                "indicator a phrasebank entry with type: direct"))
    return out


def _measure(entry: Entry | None, rows: list[Activity]) -> Measure:
    if entry is not None:
        return entry.measure
    people = sum(r.total_monthly for r in rows)
    return Measure.PEOPLE_MONTHLY if people else Measure.OUTPUT


def _value(measure: Measure, rows: Iterable[Activity], multi_month: bool) -> int:
    if measure is Measure.OUTPUT:
        return round_half_up(sum(r.quantity_output for r in rows))
    if measure is Measure.PEOPLE_NEW or multi_month:
        return round_half_up(sum(r.new_beneficiaries for r in rows))
    return round_half_up(sum(r.total_monthly for r in rows))


def _outlier(rows: list[Activity], measure: Measure, multi_month: bool, total: int) -> str:
    """The row that is most (80 %) of a figure and at least 10 times the indicator's median row,
    when at least 3 other rows report it (docs/methodology.md); "" when none."""
    values = sorted((_value(measure, [r], multi_month), r.source) for r in rows)
    if len(values) < 4 or total <= 0:
        return ""
    median = values[len(values) // 2][0]
    top, source = values[-1]
    return f"{source.file}:{source.row}" if top >= 0.8 * total and top >= 10 * max(median, 1) else ""


def _fact(key: tuple[str, str, str], resolved: list[Resolved], bank: Phrasebank,
          multi_month: bool, multi: bool = False) -> Fact:
    sector, entry_id, activity = key
    rows = [r.row for r in resolved]
    entry = bank.entries.get(entry_id)
    measure = _measure(entry, rows)
    by_admin1: dict[str, list[Activity]] = defaultdict(list)
    for row in rows:
        by_admin1[row.admin1].append(row)
    breakdown = sum((r.breakdown for r in rows), Breakdown())
    value = _value(measure, rows, multi_month)
    hows = {r.found.how for r in resolved}
    similar = next((r.found.indicator for r in resolved if r.found.how == "similar"), None)
    return Fact(
        key="/".join(p for p in (sector, entry_id, activity) if p),
        sector=sector, entry=entry_id if entry else "", activity=activity, measure=measure,
        value=value,
        by_admin1=tuple(sorted((a, _value(measure, rs, multi_month)) for a, rs in by_admin1.items())),
        population=tuple((p, round_half_up(n)) for p, n in breakdown.population().items()),
        people_new=round_half_up(sum(r.new_beneficiaries for r in rows)),
        people_monthly=round_half_up(sum(r.total_monthly for r in rows)),
        partners=tuple(sorted({r.appealing_org for r in rows if r.appealing_org})),
        sources=tuple(sorted((r.source for r in rows), key=SOURCE_ORDER)),
        label="" if entry else split_code(rows[0].indicator_label)[1],
        how=",".join(sorted(hows)),
        similar_to=similar.text if similar else "",
        outlier=_outlier(rows, measure, multi_month, value),
        value_usd=_usd(rows),
        by_place=_by_place(rows, measure, multi_month) if multi else (),
    )


def _usd(rows: list[Activity]) -> float | None:
    """Sum of the rows' transfer values (USD); None when no row gives one."""
    given = [r.value_usd for r in rows if r.value_usd]
    return float(sum(given)) if given else None


def _by_place(rows: list[Activity], measure: Measure, multi_month: bool) -> tuple[tuple[str, str, int], ...]:
    """Return (country, admin1, value) of a multi-country fact, sorted ("" admin1: national)."""
    places: dict[tuple[str, str], list[Activity]] = defaultdict(list)
    for row in rows:
        places[(row.country, row.admin1)].append(row)
    return tuple(sorted((c, a, _value(measure, rs, multi_month)) for (c, a), rs in places.items()))


def _top(sector: str, bank: Phrasebank) -> str:
    return OTHER if sector == OTHER else bank.sector(sector).top
