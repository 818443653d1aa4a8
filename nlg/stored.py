"""What a draft stores for `sitrep check`: the report, its facts and plan, the drafted texts.

:func:`nlg.api.Draft.embedded` writes an :class:`Embedded` with :func:`nlg.serialise.dumps`
into the .docx (a custom XML part); `sitrep check` reads it back with :func:`read`, typed.

The facts are stored without their source rows (:func:`for_check`): the drafts' comments name
the rows of every figure, `sitrep check` never reads them, and a year export would otherwise put
megabytes in every Word file (issue 19: the embedded data stay the same size whatever the rows).

Format versions (``schema``): ``sitrep-nlg/embedded/1`` is the only one written so far.
Fields added to it since carry defaults, so drafts of earlier releases of version 1 read
back with those defaults; any other schema is refused (:class:`StoredError`).
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from types import MappingProxyType

from nlg.content.facts import ContentPlan, Facts, SectorTotal
from nlg.serialise import SCHEMA, LoadError, decode

#: The format versions this release reads.
READS = (SCHEMA,)


@dataclass(frozen=True)
class StoredReport:
    """Which report a draft is of, and how it writes numbers."""

    country: str                                   # ISO alpha-3, or the platform's id
    period: str                                    # "2023-11" (a period label)
    number_locale: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    countries: tuple[str, ...] = ()                # a multi-country report's countries


@dataclass(frozen=True)
class DraftedTexts:
    """One language's realised bullets (by plan key) and the drafter's notes (by sector)."""

    bullets: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    notes: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: MappingProxyType({}))


@dataclass(frozen=True)
class Embedded:
    """Everything a draft stores for `sitrep check`."""

    schema: str
    version: str                                   # the sitrep-nlg version that drafted it
    report: StoredReport
    facts: Facts
    plan: ContentPlan
    texts: Mapping[str, DraftedTexts] = field(default_factory=lambda: MappingProxyType({}))

    @property
    def report_id(self) -> str:
        """Return the report id, e.g. "PER/2023-11"."""
        return f"{self.report.country}/{self.report.period}"


def for_check(facts: Facts) -> Facts:
    """Return ``facts`` as a draft stores them: without the source rows of each figure."""
    return replace(facts, facts=tuple(replace(f, sources=()) for f in facts.facts),
                   sector_totals=tuple(_total(t) for t in facts.sector_totals))


def _total(total: SectorTotal) -> SectorTotal:
    return replace(total, sources=(), by_country=tuple(_total(t) for t in total.by_country))


class StoredError(ValueError):
    """Embedded data this release cannot read: ``key`` names where, ``reason`` what."""

    def __init__(self, key: str, reason: str):
        self.key, self.reason = key, reason
        super().__init__(f"{key}: {reason}" if key else reason)


def read(data: object) -> Embedded:
    """Return the parsed embedded JSON ``data`` as an :class:`Embedded`; raise StoredError.

    >>> read({"schema": "sitrep-nlg/embedded/0"})
    Traceback (most recent call last):
    ...
    nlg.stored.StoredError: schema: format 'sitrep-nlg/embedded/0' (this release reads sitrep-nlg/embedded/1)
    """
    if not isinstance(data, dict):
        raise StoredError("", "the embedded data are not a mapping")
    schema = data.get("schema")
    if schema not in READS:
        raise StoredError("schema", f"format {schema!r} (this release reads {', '.join(READS)})")
    try:
        return decode(data, Embedded)
    except LoadError as exc:
        raise StoredError(exc.key, f"expected {exc.expected}, got {exc.got}") from None
    except RecursionError:
        raise StoredError("", "the embedded data are nested too deeply") from None
