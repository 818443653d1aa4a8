"""Typed, frozen data passed between pipeline stages.

load -> validate -> aggregate -> select -> plan -> realise(lang) -> assemble -> check

Only :mod:`nlg.load.table` and :mod:`nlg.validate.dataset` see raw rows; every later stage
works on the dataclasses below.
"""
from __future__ import annotations

import operator
from dataclasses import dataclass, field
from enum import Enum

from nlg.lang import Lang  # noqa: F401  (re-exported: the languages are the modules of nlg/lang)


class Measure(str, Enum):
    """What a phrasebank entry narrates."""

    PEOPLE_MONTHLY = "people_monthly"   # Total monthly beneficiaries
    PEOPLE_NEW = "people_new"           # New beneficiaries of the month
    OUTPUT = "output"                   # Quantity of output (kits, consultations ...)


class Precision(str, Enum):
    """How a figure may be shown (see docs/hedges.md)."""

    EXACT = "exact"              # shown as is, never hedged
    APPROXIMATE = "approximate"  # rounded down ("over") or up ("nearly"), always true
    ESTIMATE = "estimate"        # the data is an estimate: "some"/"around" the nearest round figure


class Hedge(str, Enum):
    """The relation between the true value and the figure shown."""

    EXACT = "exact"     # value == shown
    OVER = "over"       # value > shown
    NEARLY = "nearly"   # value < shown, within the nearly tolerance
    ABOUT = "about"     # |value - shown| within the about tolerance
    UNDER = "under"     # value < shown; sensitive small counts ("fewer than 10")


class PopType(str, Enum):
    """Population types of the 5W breakdown."""

    DESTINATION = "in_destination"
    TRANSIT = "in_transit"
    HOST = "host_communities"
    PENDULAR = "pendulars"
    RETURNEE = "returnees"


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class SourceRef:
    """Where a value came from: file name and the row number as Excel shows it."""

    file: str
    row: int

    def __str__(self) -> str:
        return f"{self.file}:{self.row}"


#: Sort key giving SourceRef's own order (file, then row) without the dataclass comparison
#: (a Python call per comparison: 4.8 M of them for a 100,000-row export).
SOURCE_ORDER = operator.attrgetter("file", "row")


@dataclass(frozen=True)
class Problem:
    """One validation finding (error or warning) with a stable code."""

    code: str
    severity: Severity
    message: str
    file: str = ""
    row: int | None = None
    column: str | None = None
    value: str | None = None
    hint: str | None = None

    def __str__(self) -> str:
        where = self.file
        if self.row is not None:
            where += f":{self.row}"
        if self.column:
            where += f": column '{self.column}'"
        text = f"{where}: [{self.code}] {self.message}" if where else f"[{self.code}] {self.message}"
        if self.value is not None:
            text += f", got {self.value!r}"
        if self.hint:
            text += f" (hint: {self.hint})"
        return text


@dataclass(frozen=True)
class Breakdown:
    """Population-type and age/gender breakdown of new beneficiaries.

    Cells are whole numbers, or floats where the platform apportioned a row's
    people over the columns (Colombia: 8.37 + 0.54 + 0.09 = 9). Sums keep the
    decimals; whoever shows a sum rounds it half-up (:func:`nlg.numfmt.half_up`).
    """

    in_destination: float = 0
    in_transit: float = 0
    host_communities: float = 0
    pendulars: float = 0
    returnees: float = 0
    girls: float = 0          # women under 18
    boys: float = 0           # men under 18
    women: float = 0          # women above 18
    men: float = 0            # men above 18
    other_under: float = 0
    other_above: float = 0

    def population(self) -> dict[PopType, float]:
        """Return the population-type counts keyed by :class:`PopType`."""
        return {p: getattr(self, p.value) for p in PopType}

    def population_total(self) -> float:
        """Return the sum of the population-type columns."""
        return sum(self.population().values())

    def age_gender_total(self) -> float:
        """Return the sum of the age/gender columns."""
        return (self.girls + self.boys + self.women + self.men
                + self.other_under + self.other_above)

    def __add__(self, other: Breakdown) -> Breakdown:
        names = self.__dataclass_fields__
        return Breakdown(**{n: getattr(self, n) + getattr(other, n) for n in names})


@dataclass(frozen=True)
class Activity:
    """One validated 5W row: one activity of one organisation in one admin1 in one month."""

    source: SourceRef
    country: str
    admin1: str                # official spelling (R4V list / ISO 3166-2); "" for a national row
    admin2: str
    appealing_org: str
    implementing_partner: str
    month: str                 # "YYYY-MM"
    sector_label: str          # as written in the export
    indicator_label: str       # as written in the export (may start with a code)
    indicator_code: str        # code column or code in front of the text; "" if none
    activity_name: str
    rmrp: bool
    cva: bool
    value_usd: float | None
    delivery_mechanism: str
    quantity_output: int
    total_monthly: int
    new_beneficiaries: int
    breakdown: Breakdown = field(default_factory=Breakdown)
    indicator_type: str = ""   # Direct Assistance, Capacity Building, ... when known
    platform: str = ""         # the export's Platform column ("" when it has none)
    covid19: bool = False      # COVID-19 situation activity (Yes/No column)
    support_space: bool = False  # Support Space activity (Yes/No column)
    national: bool = False     # a national row: admin1 named the country or "Country level";
                               # admin1 is then "" and the row is narrated nationally


@dataclass(frozen=True)
class Dataset:
    """The validated rows of a report's 5W files, plus what validation found."""

    activities: tuple[Activity, ...]
    files: tuple[str, ...]
    warnings: tuple[Problem, ...] = ()
    rows_outside_period: int = 0
    rows_read: int = 0
