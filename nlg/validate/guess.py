"""Guess a report's country, period and platform from its 5W export(s), for the form to offer.

The most frequent country of the rows, then the most frequent month among that
country's rows; the platform from a short list of national platforms (editable on
the page, like every guess). Cells that cannot be read are simply not counted:
the export's own validation reports them.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from nlg.load.columns import map_columns
from nlg.load.table import RawTable
from nlg.places import country_code
from nlg.validate.values import BadValue, parse_month

_PLATFORMS = Path(__file__).resolve().parents[1] / "data" / "national_platforms.yaml"


@dataclass(frozen=True)
class Guess:
    """What the exports suggest ("" when they do not say)."""

    country: str = ""
    period: str = ""
    platform: str = ""


@lru_cache(maxsize=1)
def platforms() -> dict[str, str]:
    """Return country code -> platform name, with ``"*"`` for any other country."""
    return yaml.safe_load(_PLATFORMS.read_text(encoding="utf-8"))


def platform_of(country: str) -> str:
    """Return the usual platform of ``country``.

    >>> platform_of("COL"), platform_of("PER"), platform_of("ARG")
    ('GIFMM', 'GTRM', 'R4V')
    """
    known = platforms()
    return known.get(country, known["*"]) if country else ""


def _month(value: object) -> str | None:
    try:
        return parse_month(value) if value not in (None, "") else None
    except (BadValue, ValueError, TypeError, OverflowError):
        return None


def guess(tables: list[RawTable]) -> Guess:
    """Return the country, period and platform the rows of ``tables`` point to."""
    pairs: list[tuple[str, str | None]] = []
    for table in tables:
        found, _ = map_columns(table.headers, table.hxl, {})
        c, m = found.get("country"), found.get("month")
        for _, cells in table.rows:
            code = country_code(str(cells[c])) if c is not None and cells[c] not in (None, "") else None
            pairs.append((code or "", _month(cells[m]) if m is not None else None))
    countries = Counter(code for code, _ in pairs if code)
    country = countries.most_common(1)[0][0] if countries else ""
    months = Counter(month for code, month in pairs if month and code in (country, ""))
    period = max(months.items(), key=lambda kv: (kv[1], kv[0]))[0] if months else ""
    return Guess(country, period, platform_of(country))
