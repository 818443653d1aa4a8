"""Aggregate validated 5W rows into facts (docs/methodology.md).

- A fact per (sector, indicator) and per (sector, indicator, known activity).
- ``people_monthly`` narrates Total monthly beneficiaries for a one-month report;
  for a multi-month period it narrates New beneficiaries, since monthly totals are
  never summed across months. ``output`` sums Quantity of output.
- People reached per top-level sector = sum of New beneficiaries of RMRP rows of
  Direct Assistance indicators (unknown indicators count), unless overridden.
- People assisted (intersector, when report.yaml gives none) = for each admin1 the
  maximum across top-level sectors of each population type, summed over admin1s.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace

from nlg.config import ReportConfig
from nlg.content import Fact, Facts, SectorTotal
from nlg.errors import warning
from nlg.model import Activity, Breakdown, Dataset, Measure, PopType, Problem
from nlg.phrasebank import Phrasebank
from nlg.recognise import normalise, recogniser, split_code

OTHER = "OTHER"


def aggregate(data: Dataset, config: ReportConfig, bank: Phrasebank) -> Facts:
    """Return the facts of a report's validated rows."""
    rec = recogniser(bank)
    problems: list[Problem] = []
    resolved = [_resolve(row, rec, bank, problems) for row in data.activities]
    multi_month = config.period.start != config.period.end
    groups: dict[tuple[str, str, str], list[Activity]] = defaultdict(list)
    for row, sector, entry in resolved:
        key_entry = entry or "?" + normalise(row.indicator_label)
        groups[(sector, key_entry, "")].append(row)
        activity = rec.activity(entry, row.activity_name) if entry else ""
        if activity:
            groups[(sector, key_entry, activity)].append(row)
    facts = tuple(_fact(k, rows, bank, multi_month) for k, rows in sorted(groups.items()))
    unknown = sorted({row.sector_label for row, sector, _ in resolved if sector == OTHER})
    return Facts(
        facts=tuple(f for f in facts if f.value > 0),
        sector_totals=_sector_totals(resolved, config, bank, problems),
        people_assisted=_intersector(resolved, bank) if resolved else None,
        warnings=tuple(problems),
        unknown_sectors=tuple(unknown),
    )


def with_previous(facts: Facts, previous: Facts) -> Facts:
    """Return ``facts`` with each fact's value in the previous period (same key) attached."""
    before = {f.key: f.value for f in previous.facts if f.measure}
    return replace(facts, facts=tuple(replace(f, previous=before.get(f.key)) for f in facts.facts))


def _resolve(row: Activity, rec, bank: Phrasebank, problems: list[Problem]):
    sector = rec.sector(row.sector_label)
    entry = rec.indicator(row.indicator_code, row.indicator_label)
    where = dict(file=row.source.file, row=row.source.row)
    if not sector:
        problems.append(warning("W250", "unknown sector label; its rows are reported under 'Other'",
                                column="Sector", value=row.sector_label, **where,
                                hint="add the label to an alias list in phrasebanks/sectors.yaml"))
        sector = OTHER
    if entry:
        own = bank.entries[entry].sector
        if sector != OTHER and bank.sector(own).top != bank.sector(sector).top:
            problems.append(warning("W251", f"indicator {entry} belongs to sector {own}, not {sector}",
                                    column="Indicator", value=row.indicator_label, **where,
                                    hint="check the sector of this row"))
        sector = own
    return row, sector, entry


def _measure(entry, rows: list[Activity]) -> Measure:
    if entry is not None:
        return entry.measure
    people = sum(r.total_monthly for r in rows)
    return Measure.PEOPLE_MONTHLY if people else Measure.OUTPUT


def _value(measure: Measure, rows: Iterable[Activity], multi_month: bool) -> int:
    if measure is Measure.OUTPUT:
        return sum(r.quantity_output for r in rows)
    if measure is Measure.PEOPLE_NEW or multi_month:
        return sum(r.new_beneficiaries for r in rows)
    return sum(r.total_monthly for r in rows)


def _fact(key: tuple[str, str, str], rows: list[Activity], bank: Phrasebank, multi_month: bool) -> Fact:
    sector, entry_id, activity = key
    entry = bank.entries.get(entry_id)
    measure = _measure(entry, rows)
    by_admin1: dict[str, list[Activity]] = defaultdict(list)
    for row in rows:
        by_admin1[row.admin1].append(row)
    breakdown = sum((r.breakdown for r in rows), Breakdown())
    return Fact(
        key="/".join(p for p in (sector, entry_id, activity) if p),
        sector=sector, entry=entry_id if entry else "", activity=activity, measure=measure,
        value=_value(measure, rows, multi_month),
        by_admin1=tuple(sorted((a, _value(measure, rs, multi_month)) for a, rs in by_admin1.items())),
        population=tuple((p, n) for p, n in breakdown.population().items()),
        people_new=sum(r.new_beneficiaries for r in rows),
        people_monthly=sum(r.total_monthly for r in rows),
        partners=tuple(sorted({r.appealing_org for r in rows if r.appealing_org})),
        sources=tuple(sorted(r.source for r in rows)),
        label="" if entry else split_code(rows[0].indicator_label)[1],
    )


def _counts(row: Activity, entry: str, bank: Phrasebank) -> bool:
    if not row.rmrp:
        return False
    return not entry or bank.entries[entry].kind == "direct"


def _top(sector: str, bank: Phrasebank) -> str:
    return OTHER if sector == OTHER else bank.sector(sector).top


def _sector_totals(resolved, config: ReportConfig, bank: Phrasebank,
                   problems: list[Problem]) -> tuple[SectorTotal, ...]:
    rec = recogniser(bank)
    overrides = {}
    for name, value in config.people_reached.items():
        code = rec.sector(name)
        if not code:
            problems.append(warning("W252", "people_reached: unknown sector, override ignored",
                                    file="report.yaml", value=name,
                                    hint="use a sector name such as Education or WASH"))
        else:
            overrides[bank.sector(code).top] = value
    sums, rows, partners = defaultdict(int), defaultdict(int), defaultdict(set)
    sources = defaultdict(list)
    for row, sector, entry in resolved:
        top = _top(sector, bank)
        rows[top] += 1
        partners[top].add(row.appealing_org)
        if _counts(row, entry, bank):
            sums[top] += row.new_beneficiaries
            sources[top].append(row.source)
    tops = [c for c, s in bank.sectors.items() if not s.parent and c != "COM"]
    if rows.get("COM"):
        tops.append("COM")
    if rows.get(OTHER):
        tops.append(OTHER)
    return tuple(SectorTotal(sector=c, value=overrides.get(c, sums[c]), computed=sums[c],
                             overridden=c in overrides, rows=rows[c], partners=len(partners[c]),
                             sources=tuple(sorted(sources[c])))
                 for c in tops)


def _intersector(resolved, bank: Phrasebank) -> int:
    cells: dict[tuple[str, str], Breakdown] = defaultdict(Breakdown)
    plain: dict[tuple[str, str], int] = defaultdict(int)
    for row, sector, entry in resolved:
        if _counts(row, entry, bank):
            key = (row.admin1, _top(sector, bank))
            if row.breakdown.population_total():
                cells[key] = cells[key] + row.breakdown
            else:
                plain[key] += row.new_beneficiaries
    total = 0
    for admin1 in sorted({a for a, _ in cells} | {a for a, _ in plain}):
        for pop in PopType:
            total += max((b.population()[pop] for (a, _), b in cells.items() if a == admin1), default=0)
        total += max((n for (a, _), n in plain.items() if a == admin1), default=0)
    return total
