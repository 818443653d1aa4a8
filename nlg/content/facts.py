"""Language-neutral content: aggregated facts and the content plan.

:mod:`nlg.content.aggregate` produces :class:`Facts`; :mod:`nlg.content.select` and
:mod:`nlg.content.plan` turn them into a :class:`ContentPlan` whose every figure and
hedge is decided once, so English and Spanish realise the same decisions.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from nlg.model import Hedge, Measure, PopType, Problem, SourceRef


@dataclass(frozen=True)
class Fact:
    """One indicator (optionally one known activity of it) aggregated over the period.

    ``value`` is the figure the entry narrates (per ``measure``); ``by_admin1``
    keeps the same figure per admin1, sorted by name.
    """

    key: str                      # stable id, e.g. "EDU/RE-ED1" or "WSH/RE-WA4/newborn_kits"
    sector: str                   # sector code (sub-sector code for Protection sub-sectors)
    entry: str                    # phrasebank entry id ("" for an unknown indicator)
    activity: str                 # phrasebank activity id ("" for the indicator as a whole)
    measure: Measure
    value: int
    by_admin1: tuple[tuple[str, int], ...]
    population: tuple[tuple[PopType, int], ...]
    people_new: int
    people_monthly: int
    partners: tuple[str, ...]
    sources: tuple[SourceRef, ...]
    label: str = ""               # indicator text as written in the export (unknown entries)
    previous: int | None = None   # same figure in the previous period, when known
    how: str = ""                 # how its indicator was recognised (nlg.content.recognise), comma-joined
    similar_to: str = ""          # the catalogue text it only resembles (flagged for review)
    outlier: str = ""             # "file:row" of a row that is most of a figure far above the usual
    value_usd: float | None = None  # transfer value (USD) of its rows, when the export gives it
    by_place: tuple[tuple[str, str, int], ...] = ()   # several countries: (country, admin1, value)

    @property
    def admin1s(self) -> tuple[str, ...]:
        """Return the admin1 names with a non-zero value."""
        return tuple(a for a, v in self.by_admin1 if v)


@dataclass(frozen=True)
class SectorTotal:
    """People reached in a top-level sector (the people-reached table)."""

    sector: str
    value: int | None                     # None: New beneficiaries not reported (W260)
    computed: int
    overridden: bool
    rows: int
    partners: int
    sources: tuple[SourceRef, ...] = ()   # the rows summed into ``computed``
    counted_rows: int = 0                 # Direct Assistance rows counted (0: the cell shows "–")
    country: str = ""                     # one country's cell of a multi-country report
    by_country: tuple[SectorTotal, ...] = ()   # several countries: each one's cell, in order


@dataclass(frozen=True)
class Facts:
    """Everything aggregated from the data for one report."""

    facts: tuple[Fact, ...]
    sector_totals: tuple[SectorTotal, ...]
    people_assisted: int | None       # computed intersector figure (None without data)
    warnings: tuple[Problem, ...] = ()
    unknown_sectors: tuple[str, ...] = ()
    rmrp_filter: bool = True          # False: no row marked RMRP Activity, all rows counted
    new_reported: bool = True         # False: New beneficiaries empty/0 on every counted row
    # A multi-country report (docs/subregional.md): its countries, each one's computed people
    # assisted (the intersector rule applied per country; ``people_assisted`` is their sum),
    # and the countries whose rows mark no RMRP activity / report no new beneficiaries.
    countries: tuple[str, ...] = ()
    assisted_by_country: tuple[tuple[str, int | None], ...] = ()
    countries_rmrp_all: tuple[str, ...] = ()
    countries_not_reported: tuple[str, ...] = ()
    countries_with_rows: tuple[str, ...] = ()
    # What the people-reached table counts (style.people_reached_table): "period" (the period's
    # new people) or "year_to_date" (New beneficiaries since January), and the months since
    # January the export lacks (year to date: not counted, W264).
    table_counts: str = "period"
    table_missing: tuple[str, ...] = ()


@dataclass(frozen=True)
class Quantity:
    """A figure as every language shows it, decided once in the plan (nlg/content/hedge.py, nlg/content/figures.py).

    ``value`` is the true value, ``shown`` the figure shown and ``hedge`` the relation between
    them. ``step`` is the precision: ``shown`` is a multiple of it, and with the hedge EXACT and
    a step above 1 the figure is the value rounded half-up to it ("2.88 million" for 2,875,743).
    ``scale`` is the power of ten it is spelt in (0: in full; 6: millions; 9: billions, which a
    language without that word spells in millions: "1.590 millones"). ``unit``: "" a count,
    "USD" US dollars, "%" a share (``value`` the ratio, ``shown`` whole percent).
    """

    value: int | float
    shown: int
    hedge: Hedge
    step: int = 1
    scale: int = 0
    unit: str = ""


@dataclass(frozen=True)
class Printed:
    """A previous month's figure as its draft printed it: its quantity and the hedge-word variant."""

    quantity: Quantity
    variant: int = 0


@dataclass(frozen=True)
class FundingPlan:
    """The funding key figure as shown: amounts funded and required (USD), and the share funded."""

    funded: Quantity
    required: Quantity
    percent: Quantity           # whole percent; its value is the ratio funded / required


@dataclass(frozen=True)
class Message:
    """One sentence to realise: a phrasebank entry with its slots decided."""

    fact: str                     # Fact.key
    entry: str                    # phrasebank entry id, or a generic frame id
    form: str                     # "main" or "follow"
    variant: int                  # aligned variant index (same in EN and ES)
    quantity: Quantity
    noun: str                     # lexicon key of the counted noun
    group: str                    # lexicon key of the population noun
    places: tuple[str, ...]       # admin1 names shown ("" tuple: national statement)
    region_count: int             # number of admin1s with activity
    population: str = ""          # dominant PopType value, "" when none dominates
    activity: str = ""            # phrasebank activity id refining the sentence
    label: str = ""               # original indicator wording (unknown entries)
    label_lang: str = ""          # language of that wording ("en"/"es"/"")
    previous: int | None = None   # the figure in the previous period, when stated
    change: str = ""              # "up" / "down" when the change is worth stating
    # the previous figure as the previous draft printed it ("nearly 8,500", not 8,493), and the
    # hedge-word variant it used (nlg/content/previous.py), when a change is stated
    previous_shown: Quantity | None = None
    previous_variant: int = 0
    usd: Quantity | None = None   # transfer value (US dollars) shown, when the form narrates it
    # A multi-country report (nlg/content/plan_countries.py): with ``places``, each admin1's country;
    # without, the countries named; and the number of countries with activity.
    place_countries: tuple[str, ...] = ()
    country_count: int = 0
    # The figure is the month's Total monthly beneficiaries, above its sector's people-reached
    # cell (New beneficiaries): the bullet says it counts everyone assisted in the month,
    # including people reached before (nlg/content/table_story.py).
    reached_before: bool = False


@dataclass(frozen=True)
class Flag:
    """Why a human must look at a bullet: a reason key (label ``review_<reason>``) and its slots."""

    reason: str                                   # unknown_indicator | similar_indicator | implausible
    slots: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Bullet:
    """A generated bullet: a main message and follow-up sentences."""

    key: str
    sector: str
    messages: tuple[Message, ...]
    review: tuple[Flag, ...] = ()  # why a human must look at it (empty when fine)


@dataclass(frozen=True)
class SectorPlan:
    sector: str                   # top-level sector code
    bullets: tuple[Bullet, ...]


@dataclass(frozen=True)
class ContentPlan:
    """The whole report's content, language-neutral."""

    sectors: tuple[SectorPlan, ...]
    people_assisted: Quantity | None
    previous_period: tuple[int, int] | None = None   # (year, month) of the comparison
    people_assisted_previous: int | None = None
    notes: tuple[str, ...] = field(default_factory=tuple)
    assisted_by_country: tuple[tuple[str, int | None], ...] = ()   # several countries: shown
    refugees: Quantity | None = None          # the refugees-and-migrants key figure given
    funding: FundingPlan | None = None        # funded, required and the share funded
