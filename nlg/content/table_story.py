"""Bullets and the people-reached table tell one story (issue 18 item 2).

A bullet of a one-month report narrates the month's Total monthly beneficiaries; the table
counts New beneficiaries (people reached for the first time this year), of the period or of
the year to date. Decided here once, for every language:

- a people figure above its sector's table cell whose rows count people reached before
  (Total monthly above New beneficiaries) is marked ``reached_before``: the bullet then says it
  counts everyone assisted in the month, including people reached before;
- a figure whose value is not above the cell but whose hedge would show one above it ("nearly
  2,200" for 2,156 beside a cell of 2,166) is shown rounded down instead ("over 2,100"), so no
  bullet shows a figure above its cell without saying why.
"""
from __future__ import annotations

from nlg.content import hedge
from nlg.content.facts import Fact, Facts, Quantity
from nlg.model import Hedge, Measure

#: Hedges whose figure is at or above the value ("nearly 400" for 392).
_ROUNDED_UP = (Hedge.NEARLY, Hedge.ABOUT)


def cells(facts: Facts) -> dict[str, int]:
    """Return the people-reached table's figures by top-level sector: the cells that show a
    number (given in report.yaml, or counted from Direct Assistance rows with new people)."""
    return {t.sector: t.value for t in facts.sector_totals
            if t.value is not None and (t.overridden or (t.counted_rows and t.value))}


def against_table(fact: Fact, q: Quantity, cell: int | None, one_month: bool) -> tuple[Quantity, bool]:
    """Return the quantity to show and whether it counts people reached before (see above)."""
    if cell is None or fact.measure is Measure.OUTPUT:
        return q, False
    if one_month and fact.measure is Measure.PEOPLE_MONTHLY and fact.value > cell \
            and fact.people_monthly > fact.people_new:
        return q, True
    if q.hedge in _ROUNDED_UP and q.shown > cell >= q.value:
        return hedge.rounded_down(int(q.value)), False
    return q, False
