"""What the people-reached table counts, as the document says it (issue 18 item 2).

The table counts New beneficiaries of the period (``style.people_reached_table: period``) or
of January to the period's end (``year_to_date``, R4V's consolidated figure); its caption and
footnote name those months, a footnote names the months since January the export lacks
(W264), and a cell shows "–" (with its footnote) when no Direct Assistance row counts in the
sector or none of them reports new people: never a computed 0.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable

from nlg import numfmt
from nlg.content.facts import Facts, SectorTotal
from nlg.realise.sentences import Writer

YEAR_TO_DATE = "year_to_date"


def table_period(w: Writer, facts: Facts) -> tuple[tuple[int, int], tuple[int, int]]:
    """Return the first and last months the people-reached table counts."""
    p = w.config.period
    return ((p.end[0], 1), p.end) if facts.table_counts == YEAR_TO_DATE else (p.start, p.end)


def months(w: Writer, facts: Facts) -> str:
    """Return the months the table counts in this language ("January–November 2023")."""
    return numfmt.month_range(*table_period(w, facts), locale=w.locale)


def suffix(facts: Facts) -> str:
    """Return the label suffix of what the table counts: "" the period, "_year" the year to date."""
    return "_year" if facts.table_counts == YEAR_TO_DATE else ""


def missing(w: Writer, facts: Facts) -> str:
    """Return the months the export lacks, as runs in this language ("January–July 2022")."""
    runs: list[list[tuple[int, int]]] = []
    for m in facts.table_missing:
        month = (int(m[:4]), int(m[5:7]))
        if runs and runs[-1][-1] == (month[0], month[1] - 1):
            runs[-1].append(month)
        else:
            runs.append([month])
    return w.rules.join([numfmt.month_range(r[0], r[-1], locale=w.locale) for r in runs],
                        serial_comma=w.config.style.serial_comma)


def no_figure(total: SectorTotal) -> bool:
    """Return whether a cell shows "–": no Direct Assistance row counted, or none of them
    reports new people (a computed 0); a figure given in report.yaml is always shown."""
    return not total.overridden and (not total.counted_rows or not total.value)


def no_figure_notes(facts: Facts, cells: Iterable[SectorTotal], label: Callable[..., str]) -> list[str]:
    """Return the footnotes of the table's "–" cells, once each."""
    shown = [c for c in cells if c.value is not None and no_figure(c)]
    out = []
    if any(not c.counted_rows for c in shown):
        out.append(label("footnote_no_direct" + suffix(facts)))
    if any(c.counted_rows for c in shown):
        out.append(label("footnote_no_new" + suffix(facts)))
    return out
