"""What the reader may leave out of a large export before converting its cells (issue 19).

A monthly draft from a year export needs one row in twelve. :mod:`nlg.validate.scope`
builds a :class:`Watch` from the table's headers (the load stage does not know the
report's period or how months and countries are read); the .xlsx reader then reads,
for every row after the header rows, only its month and country cells, and converts
the whole row only when it may be the report's. A row is left out only when its month
parses to a month outside the period and its country parses: such a row gives no error
and no warning, and is only counted. What validation still needs from the rows left
out is kept in :class:`LeftOut`: how many there are, their months (the "files cover"
of E211), the text of their text-like cells that double-encoded UTF-8 could have
changed (W223 counts every row's repaired cells) and the text cells of their numeric
columns (the file's thousands convention, E209, is decided over every row; those are read
again only when a kept row's number is written as text).
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Watch:
    """The columns the reader watches and how their cells are judged (0-based indexes)."""

    month: int
    country: int
    texts: frozenset[int]                  # text-like columns other than the country's
    numbers: frozenset[int]                # numeric columns
    outside: Callable[[object], bool]      # month cell -> it is a month outside the period
    known: Callable[[object], bool]        # country cell -> it names a country (or is empty)


#: Built by validation from (headers, HXL tags or None); None: read every row.
Scope = Callable[[tuple[str, ...], "tuple[str, ...] | None"], "Watch | None"]


@dataclass(frozen=True)
class LeftOut:
    """The rows of a file left out before conversion, summarised for validation."""

    rows: int = 0
    months: frozenset = frozenset()                         # distinct month cell values
    cells: Mapping[int, Mapping[object, int]] = field(default_factory=dict)  # column -> value -> cells
    #: () -> numeric column -> the values of its cells in the rows left out; reads the sheet
    #: again, so it is called only when a kept row's number is text (the thousands convention)
    numbers: Callable[[], Mapping[int, frozenset]] | None = field(default=None, compare=False)
