"""Who counts in people reached: the R4V counting rules (docs/methodology.md).

- A row counts when its indicator is a Direct Assistance (2021: ``Pin``) indicator of an
  official catalogue, or an indicator in no catalogue whose phrasebank entry says
  ``type: direct``; People-type, capacity-building and non-people indicators never count.
- The ``RMRP Activity`` filter applies where the export uses it: when no row of the export
  is marked as an RMRP activity, every row counts and the table's footnote says so.
- People reached per top-level sector = the sum of New beneficiaries of the counted rows.
- People assisted (intersector) = for each admin1, the maximum across top-level sectors of
  each population group, summed over groups and admin1s (R4V's regional method); a row
  without a population breakdown counts its New beneficiaries as one "unspecified" group.
- A multi-country (sub-regional) report applies every rule per country, as each country's
  own report would, and sums the countries' figures (docs/subregional.md).
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from nlg.content.recognise import Recognised
from nlg.model import Activity, Breakdown, PopType

UNSPECIFIED = "unspecified"


@dataclass(frozen=True)
class Resolved:
    """A validated row with its sector and what its indicator is."""

    row: Activity
    sector: str           # sector code (sub-sector for Protection sub-sectors)
    top: str              # top-level sector code
    found: Recognised
    kind: str             # the phrasebank entry's own type ("" without entry)


@dataclass(frozen=True)
class Rules:
    """What the export itself decides about counting."""

    rmrp_filter: bool     # some row is marked RMRP Activity = Yes: the filter applies
    new_reported: bool    # some counted row has New beneficiaries > 0


def rules(rows: Sequence[Resolved]) -> Rules:
    """Return the counting rules that apply to these rows."""
    rmrp = any(r.row.rmrp for r in rows)
    counted = [r for r in rows if counts(r, Rules(rmrp, True))]
    return Rules(rmrp_filter=rmrp, new_reported=any(r.row.new_beneficiaries > 0 for r in counted))


def own(how: Rules | Mapping[str, Rules], r: Resolved) -> Rules:
    """Return the rules of a row: ``how``, or its country's (a multi-country report decides
    the RMRP filter and "new beneficiaries reported" per country, as its countries' reports do)."""
    return how[r.row.country] if isinstance(how, Mapping) else how


def counts(r: Resolved, how: Rules | Mapping[str, Rules]) -> bool:
    """True when the row counts in people reached and people assisted."""
    how = own(how, r)
    if how.rmrp_filter and not r.row.rmrp:
        return False
    return r.found.counts_people(r.kind)


def sector_sums(rows: Iterable[Resolved], how: Rules | Mapping[str, Rules]) -> dict[str, float]:
    """New beneficiaries of the counted rows per top-level sector."""
    sums: dict[str, float] = defaultdict(float)
    for r in rows:
        if counts(r, how):
            sums[r.top] += r.row.new_beneficiaries
    return dict(sums)


def _groups(row: Activity) -> dict[str, float]:
    """New beneficiaries of a row by population group (scaled to New beneficiaries)."""
    pops = row.breakdown.population()
    total = sum(pops.values())
    new = row.new_beneficiaries
    if not total or not new:
        return {UNSPECIFIED: float(new)} if new else {}
    return {p.value: n * new / total for p, n in pops.items() if n}


def people_assisted(rows: Iterable[Resolved], how: Rules) -> int:
    """The intersector figure: per admin1 and group, the maximum across sectors, summed."""
    cells: dict[tuple[str, str, str], float] = defaultdict(float)
    for r in rows:
        if counts(r, how):
            for group, n in _groups(r.row).items():
                cells[(r.row.admin1, group, r.top)] += n
    best: dict[tuple[str, str], float] = defaultdict(float)
    for (admin1, group, _), n in cells.items():
        best[(admin1, group)] = max(best[(admin1, group)], n)
    return round_half_up(sum(best.values()))


def round_half_up(value: float) -> int:
    """Round a sum of apportioned decimals half-up (2.5 -> 3), as R4V publishes them."""
    return int(value + 0.5 + 1e-9) if value >= 0 else -int(-value + 0.5 + 1e-9)


__all__ = [
    "UNSPECIFIED",
    "Breakdown",
    "PopType",
    "Resolved",
    "Rules",
    "counts",
    "own",
    "people_assisted",
    "round_half_up",
    "rules",
    "sector_sums",
]
