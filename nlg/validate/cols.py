"""Column-at-a-time conversion of raw 5W cells, for :mod:`nlg.validate.dataset`.

Each column is converted by one parser chosen once; each distinct cell value is
parsed once (exports repeat the same few values down a column), then mapped
back onto the rows. Problems name the file, the Excel row, the column header
as written and the value as received.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from nlg.errors import error, warning
from nlg.model import Problem
from nlg.numfmt import half_up
from nlg.places import country_code
from nlg.validate.values import MAX_CELL, BadValue, clean_text, parse_amount, parse_bool, parse_money, parse_month

_CODE = re.compile(r"^\s*([A-Z]{2,4}-[A-Z]{2,8}\d{1,3}(?:\.\d{1,2})?(?:_[A-Z]{2,3})?)(?=$|[\s:\-\u2013\u2014.,;])")
_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
_TEXT_ISSUES = {
    "control": ("W215", "characters that cannot appear in a Word document were removed",
                "clean the cell in the source file"),
    "truncated": ("W213", f"text longer than {MAX_CELL} characters was cut",
                  "shorten the cell; a situation report needs a short activity text"),
    "formula": ("W214", "the cell looks like a spreadsheet formula; it is kept as plain text "
                "and never evaluated", "check the cell: a 5W export holds values, not formulas"),
}


@dataclass(frozen=True)
class Where:
    """The file and column a converted column comes from."""

    file: str
    header: str


def shown(value: object) -> str:
    """Return a cell value as shown in a problem (short, printable)."""
    text = value if isinstance(value, str) else str(value)
    short = _UNSAFE.sub("\ufffd", text[:80])
    return short + ("..." if len(text) > 80 else "")


def cells(rows: Sequence[tuple[int, tuple]], index: int) -> list[object]:
    """Return one column of a table's rows."""
    return [row[index] for _, row in rows]


def _convert(values: Sequence, numbers: list[int], parse: Callable[[Any], Any], where: Where,
             default: Any = None, kinds: set[type] | None = None) -> tuple[list, list[Problem]]:
    """Return values parsed once per distinct value, and an error for every bad cell."""
    if bool in (kinds or set(map(type, values))):  # True == 1 as a dict key: cell by cell
        return _convert_each(values, numbers, parse, where, default)
    table, bad = {}, {}
    for value in set(values):
        try:
            table[value] = parse(value)
        except BadValue as exc:
            bad[value] = exc
    if not bad:
        return list(map(table.__getitem__, values)), []
    problems = [_problem(bad[v], where, n, v) for n, v in zip(numbers, values) if v in bad]
    return [table.get(v, default) for v in values], problems


def _convert_each(values: Sequence, numbers: list[int], parse: Callable[[Any], Any], where: Where,
                  default: Any) -> tuple[list, list[Problem]]:
    """Return values parsed cell by cell, and an error for every bad cell."""
    out, problems = [], []
    for number, value in zip(numbers, values):
        try:
            out.append(parse(value))
        except BadValue as exc:
            problems.append(_problem(exc, where, number, value))
            out.append(default)
    return out, problems


def _problem(exc: BadValue, where: Where, row: int, value: object) -> Problem:
    """Return the error for one bad cell."""
    return error(exc.code, f"expected {exc.expected}", file=where.file, row=row,
                 column=where.header, value=shown(value), hint=exc.hint)


def text_column(values: Sequence, numbers: list[int], where: Where) -> tuple[list[str], list[Problem]]:
    """Return cleaned texts (safe for Word XML) and a warning for each changed or odd cell."""
    table = {value: clean_text(value) for value in set(values)}
    texts = [table[v][0] for v in values]
    odd = {v for v, (_, issues) in table.items() if issues}
    problems = []
    if odd:
        for number, value in zip(numbers, values):
            if value in odd:
                for issue in table[value][1]:
                    code, message, hint = _TEXT_ISSUES[issue]
                    problems.append(warning(code, message, file=where.file, row=number,
                                            column=where.header, value=shown(value), hint=hint))
    return texts, problems


def amount_column(values: Sequence, numbers: list[int], where: Where, style: str | None,
                  conflict: bool, keep: bool) -> tuple[list[int | float], list[Problem], int]:
    """Return non-negative counts that may hold fractions, errors, and how many cells had one.

    ``keep``: fractions stay (apportioned breakdown cells); otherwise each is
    rounded half-up to a whole number (a narrated count written with decimals).
    """
    kinds = set(map(type, values))
    if kinds <= {int, type(None)} and min((v for v in values if v is not None), default=0) >= 0:
        return ([0 if v is None else v for v in values] if type(None) in kinds else list(values)), [], 0
    out, problems = _convert(values, numbers, lambda v: parse_amount(v, style, conflict), where,
                             0, kinds)
    fractional = sum(1 for v in out if type(v) is float)
    if fractional and not keep:
        out = [half_up(v) if type(v) is float else v for v in out]
    return out, problems, fractional


def money_column(values: Sequence, numbers: list[int], where: Where, style: str | None,
                 conflict: bool) -> tuple[list[float | None], list[Problem]]:
    """Return USD amounts (None when blank) and an error for each bad cell."""
    return _convert(values, numbers, lambda v: parse_money(v, style, conflict), where)


def bool_column(values: Sequence, numbers: list[int], where: Where,
                default: bool) -> tuple[list[bool], list[Problem]]:
    """Return Yes/No cells as bools (blank = default) and an error for each bad cell."""
    return _convert(values, numbers, lambda v: parse_bool(v, default), where, default)


def month_of(value: object) -> str:
    """Return the "YYYY-MM" month of a cell; raise BadValue (E210) when empty or unreadable."""
    if value is None or (isinstance(value, str) and not value.strip()):
        raise BadValue("E210", "a month (the cell is empty)",
                       "every row needs its reporting month, e.g. 2023-11")
    return parse_month(value)


def country_of(value: object) -> str:
    """Return the alpha-3 code of a country cell ("" when empty); raise BadValue (E215)."""
    text = clean_text(value)[0]
    if not text:
        return ""
    code = country_code(text)
    if code is None:
        raise BadValue("E215", "a country name or ISO code (e.g. Peru, Perú, PER, PE)",
                       "write the country as in the ActivityInfo export")
    return code


def month_column(values: Sequence, numbers: list[int],
                 where: Where) -> tuple[list[str | None], list[Problem]]:
    """Return "YYYY-MM" per row (None when unreadable) and an error for each bad cell."""
    return _convert(values, numbers, month_of, where)


def country_column(values: Sequence, numbers: list[int],
                   where: Where) -> tuple[list[str | None], list[Problem]]:
    """Return ISO alpha-3 per row ("" when blank, None when unknown) and errors."""
    return _convert(values, numbers, country_of, where)


def indicator_codes(labels: list[str], codes: list[str] | None) -> list[str]:
    """Return each row's indicator code: the code column, else the code the label starts with.

    >>> indicator_codes(["RE-PR1: # of people", "RE-HE10_PER - x", "RE-PRGBV1 # trained", "x"], None)
    ['RE-PR1', 'RE-HE10_PER', 'RE-PRGBV1', '']
    """
    table = {}
    for label in set(labels):
        match = _CODE.match(label)
        table[label] = match.group(1) if match else ""
    found = [table[label] for label in labels]
    if codes is None:
        return found
    return [code.strip().upper() if code else guess for code, guess in zip(codes, found)]
