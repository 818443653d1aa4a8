"""What the reader may leave out of a large export before converting its cells (issue 19).

A monthly draft from a year export needs one row in twelve. :mod:`nlg.validate.scope`
builds a :class:`Watch` from the table's headers (the load stage does not know the
report's period or how months and countries are read); the .xlsx reader then reads,
for every row after the header rows, only its month and country cells, and converts
the whole row only when it may be the report's. A row is left out only when its month
parses to a month outside the period and its country parses, or its month is in the
period and its country is another one (W212 says how many, and names the first): such
a row gives no other error or warning, and is only counted. What validation still needs from the rows left
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
    place: Callable[[object], int]         # month cell -> OUTSIDE or INSIDE the period (raises: keep)
    code: Callable[[object], str]          # country cell -> ISO code, "" when empty (raises: keep)
    members: frozenset[str]                # the report's countries


OUTSIDE, INSIDE = 1, 2


#: Built by validation from (headers, HXL tags or None); None: read every row.
Scope = Callable[[tuple[str, ...], "tuple[str, ...] | None"], "Watch | None"]


@dataclass(frozen=True)
class LeftOut:
    """The rows of a file left out before conversion, summarised for validation."""

    rows: int = 0
    months: frozenset = frozenset()                         # distinct month cell values
    cells: Mapping[int, Mapping[object, int]] = field(default_factory=dict)  # column -> value -> cells
    #: rows of the period left out because they are another country's (W212): code ->
    #: (rows, first row number, its country cell as read)
    others: Mapping[str, tuple[int, int, object]] = field(default_factory=dict)
    #: () -> numeric column -> the values of its cells in the rows left out; reads the sheet
    #: again, so it is called only when a kept row's number is text (the thousands convention)
    numbers: Callable[[], Mapping[int, frozenset]] | None = field(default=None, compare=False)
