"""Leave out the rows of other months while a sheet streams past (issue 19, :mod:`nlg.load.scope`).

For a block of whole rows, two pattern passes find every row's month and country cell
(the patterns start with the cell reference, so the search is a literal one); a literal
search finds the cells whose text holds what double-encoded UTF-8 starts with (``Ã``,
``Â``, ``â`` as bytes, character references or ``_xHHHH_`` escapes). Rows whose month is
outside the period (and whose country is read) are only counted and summarised; the
others are converted whole as before. A block the fast passes cannot vouch for (a row
without its month or country cell, a trigger in a cell without a reference, shared
strings that double-encoded UTF-8 may hide in) is converted whole, so the result never
depends on the shortcut. The numeric columns' text cells of the rows left out are read
only if validation needs them (:attr:`nlg.load.scope.LeftOut.numbers`).
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from itertools import compress
from operator import add, not_

from nlg.load.scope import LeftOut, Watch

#: The cell text after its reference, as the scanner's converter reads it.
_KEY = rb'([^>]*>(?:<v>[^<]*|<is>.*?</is>|<f[^>]*(?:/>|>[^<]*</f>)(?:<v>[^<]*)?)?)'
#: What double-encoded UTF-8 starts with (U+00C2, U+00C3, U+00E2), each with a literal head.
_TRIGGERS = (rb"&#(?:0*19[45]|0*226|[xX]0*[cC][23]|[xX]0*[eE]2);", rb"\xc3[\x82\x83\xa2]",
             rb"_x00[cCeE][23]_")
_DIGITS = b"0123456789"
#: month + country verdicts of a row left out: outside the period (country read), or in the
#: period and another country's
_LEAVE = frozenset((4, 5, 8))


def letters(index: int) -> bytes:
    """Return the column letters of a 0-based index (0 -> A, 26 -> AA)."""
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name.encode()


class _Judge(dict):
    """Cell key -> a decision, made once per distinct key."""

    def __init__(self, decide: Callable[[bytes], object]):
        super().__init__()
        self.decide = decide

    def __missing__(self, key: bytes) -> object:
        answer = self[key] = self.decide(key)
        return answer


class Skipper:
    """Reads blocks of whole rows, converting only the rows that may be the report's."""

    def __init__(self, watch: Watch, conv, prefix: bytes, hidden: bool,
                 whole: Callable[[bytes, list, int], int], row: Callable):
        self.watch, self.conv, self.whole, self.row = watch, conv, whole, row
        value = conv.cache.__getitem__
        members = watch.members

        def month(key: bytes) -> int:           # 0: keep the row; 3: outside; 6: inside
            try:
                return 3 * watch.place(value(key))
            except Exception:  # noqa: BLE001  (a cell validation must see: keep the row)
                return 0

        def country(key: bytes) -> int:         # 0: keep the row; 1: the report's or empty; 2: other
            try:
                code = watch.code(value(key))
            except Exception:  # noqa: BLE001
                return 0
            return 2 if code and code not in members else 1
        self.month, self.country = _Judge(month), _Judge(country)
        self.codes = _Judge(lambda key: watch.code(value(key)))
        p = re.escape(prefix)
        self.month_cells = re.compile(rb"<" + p + rb'c r="' + letters(watch.month) + rb'(\d+)"'
                                      + _KEY, re.S)
        self.country_cells = re.compile(rb"<" + p + rb'c r="' + letters(watch.country)
                                        + rb'(\d+)"' + _KEY, re.S)
        self.texts = frozenset(map(letters, watch.texts))
        # a trigger, then the rest of its cell (the match ends with the cell's end tag)
        self.triggers = [re.compile(t + rb"[^<]*(?:<(?!/" + p + rb"c>)[^<]*)*</" + p + rb"c>")
                         for t in _TRIGGERS]
        self.hidden = hidden            # shared strings that double-encoded UTF-8 may hide in
        self.cell, self.tag = b"<" + prefix + b'c r="', b"<" + prefix + b"c"
        self.end_size = len(b"</" + prefix + b"c>")
        self.row_tag = b"<" + prefix + b"row"
        self.count = 0
        self.months: Counter[object] = Counter()
        self.country_keys: Counter[object] = Counter()
        self.text_keys: Counter = Counter()
        self.others: dict[str, list] = {}

    def block(self, data: bytes, rows: list, number: int) -> int:
        """Append the rows of a block that may be the report's; return the last row number."""
        if self.hidden:
            return self.whole(data, rows, number)
        months, countries = self.month_cells.findall(data), self.country_cells.findall(data)
        n = data.count(self.row_tag)
        if not n or len(months) != n or len(countries) != n:
            return self.whole(data, rows, number)
        numbers, mkeys = zip(*months)
        crows, ckeys = zip(*countries)
        if numbers != crows:
            return self.whole(data, rows, number)
        verdicts = list(map(add, map(self.month.__getitem__, mkeys),
                            map(self.country.__getitem__, ckeys)))
        skip = [v in _LEAVE for v in verdicts]
        kept = [numbers[i] for i in compress(range(n), map(not_, skip))]
        texts = self._texts(data, set(kept))
        if texts is None:
            return self.whole(data, rows, number)
        spans, at, find = [], 0, data.find
        for row in kept:
            at = find(self.row_tag + b' r="' + row + b'"', at)
            if at < 0:
                return self.whole(data, rows, number)
            spans.append(at)
        for at in spans:
            self.row(data, at, rows)
        self.count += n - len(kept)
        if 8 in verdicts:                       # rows of the period, of another country
            others = self.others
            for i in compress(range(n), (v == 8 for v in verdicts)):
                code = self.codes[ckeys[i]]
                if code in others:
                    others[code][0] += 1
                else:
                    others[code] = [1, int(numbers[i]), ckeys[i]]
        self.months.update(compress(mkeys, skip))
        self.country_keys.update(compress(ckeys, skip))
        self.text_keys.update(texts)
        return int(numbers[-1])

    def _texts(self, data: bytes, kept: set[bytes]) -> list[tuple[bytes, bytes]] | None:
        """Return (column, cell key) of the watched text cells of rows left out that hold a
        trigger; None when a trigger's cell cannot be told for sure (no leading reference)."""
        found: dict[int, tuple[bytes, bytes]] = {}
        rfind, find, starts, cell, texts = data.rfind, data.find, data.startswith, self.cell, \
            self.texts
        head, tag = len(cell), self.tag
        size = self.end_size
        for trigger in self.triggers:
            for match in trigger.finditer(data):  # each match runs to its cell's end tag
                at, end = match.span()
                start = rfind(tag, 0, at)
                if not starts(cell, start):       # a cell without a leading reference, <color>
                    return None
                quote = find(b'"', start + head)
                name = data[start + head:quote]
                column = name.rstrip(_DIGITS)
                if column in texts and name[len(column):] not in kept:
                    found[start] = (column, data[quote + 1:end - size])
        return list(found.values())

    def left_out(self, columns: dict[bytes, int], numbers: Callable | None = None) -> LeftOut:
        """Return the summary of every row left out (``numbers``: see :class:`LeftOut`)."""
        value = self.conv.cache.__getitem__
        cells: dict[int, Counter] = {}
        for (column, key), n in self.text_keys.items():
            cells.setdefault(columns[column], Counter())[value(key)] += n
        if self.country_keys:
            here = cells.setdefault(self.watch.country, Counter())
            for key, n in self.country_keys.items():
                here[value(key)] += n
        others = {code: (n, first, value(key)) for code, (n, first, key) in self.others.items()}
        return LeftOut(rows=self.count, months=frozenset(map(value, self.months)),
                       cells={k: dict(v) for k, v in cells.items()}, others=others,
                       numbers=numbers)
