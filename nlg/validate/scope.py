"""The report's scope as the .xlsx reader needs it to leave rows out early (issue 19).

:func:`period_scope` turns the report's period, country and column map into the
:data:`nlg.load.scope.Scope` the reader calls once it knows the headers: the columns to
watch, found as :mod:`nlg.validate.dataset` finds them, and the month and country
parsers it uses, so a row is left out only when validation would count it outside the
period without a word (see :mod:`nlg.load.scope` for what is still summarised).
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence

from nlg.errors import DataError
from nlg.load.columns import COUNT_FIELDS, map_columns
from nlg.load.scope import INSIDE, OUTSIDE, Scope, Watch
from nlg.validate.cols import country_of, month_of
from nlg.validate.read import TEXT_LIKE, repair_headers
from nlg.validate.values import repair_mojibake


def period_scope(period: tuple[str, str], country: str = "", column_map: Mapping[str, str] = {},
                 countries: Sequence[str] = ()) -> Scope | None:
    """Return the scope of a report's rows, or None when its arguments are wrong (validation
    then says why, reading every row)."""
    from nlg.validate.dataset import _context

    try:
        ctx = _context(period, country, column_map, countries)
    except DataError:
        return None
    first, last = ctx.first, ctx.last

    def place(value: object) -> int:
        return INSIDE if first <= month_of(value) <= last else OUTSIDE

    def code(value: object) -> str:
        if type(value) is str and not value.isascii():
            value = repair_mojibake(value)       # as validation repairs the column first
        return country_of(value)

    def watch(headers: tuple[str, ...], hxl: tuple[str, ...] | None) -> Watch | None:
        fixed, _ = repair_headers(headers)
        found, _ = map_columns(fixed, hxl, ctx.user_map)
        if "month" not in found or "country" not in found:
            return None
        return Watch(month=found["month"], country=found["country"],
                     texts=frozenset(i for f, i in found.items() if f in TEXT_LIKE and f != "country"),
                     numbers=frozenset(found[f] for f in (*COUNT_FIELDS, "value_usd") if f in found),
                     place=place, code=code, members=ctx.members)
    return watch
