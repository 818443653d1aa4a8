"""Build :class:`nlg.model.Activity` objects from converted 5W columns.

A 100,000-row export makes 300,000 frozen dataclass instances; their generated
``__init__`` (one ``object.__setattr__`` per field) would cost about a second.
:func:`maker` fills the instance dictionary directly instead, which gives equal
objects (tests compare with the normal constructor) and falls back to the
normal constructor for classes where that is not safe.
"""
from __future__ import annotations

import dataclasses
from collections import deque
from collections.abc import Callable, Iterable, Mapping, Sequence
from itertools import repeat
from typing import Any

from nlg.model import Activity, Breakdown, SourceRef

_DEFAULTS: dict[str, Any] = {"rmrp": True, "cva": False, "value_usd": None, "covid19": False,
                             "support_space": False, "national": False}


def maker(cls: type) -> Callable[[Iterable[Sequence[Any]]], list]:
    """Return a function making a list of ``cls`` from rows of field values in field order."""
    names = tuple(f.name for f in dataclasses.fields(cls))
    if hasattr(cls, "__post_init__") or hasattr(cls, "__slots__"):
        return lambda rows: [cls(*values) for values in rows]

    def make(rows: Iterable[Sequence[Any]]) -> list:
        rows = list(rows)
        objs: list[Any] = list(map(object.__new__, repeat(cls, len(rows))))
        deque(map(dict.update, map(vars, objs), map(zip, repeat(names), rows)), maxlen=0)
        return objs
    return make


def _column(values: Mapping[str, list], name: str, size: int) -> Sequence[Any] | repeat:
    """Return the values of a field, or its default repeated when the file lacks it."""
    if name in values:
        return values[name]
    if name in _DEFAULTS:
        return repeat(_DEFAULTS[name], size)
    return repeat("" if name not in _INT_FIELDS else 0, size)


_INT_FIELDS = frozenset({"quantity_output", "total_monthly", "new_beneficiaries"}
                        | {f.name for f in dataclasses.fields(Breakdown)})


def build_activities(file: str, numbers: Sequence[int], values: Mapping[str, list],
                     country: str | Sequence[str]) -> list[Activity]:
    """Return one Activity per row from converted columns (field name -> values).

    ``country``: the report's country, or each row's (a multi-country report).
    """
    size = len(numbers)
    make_ref, make_breakdown, make_activity = maker(SourceRef), maker(Breakdown), maker(Activity)
    refs = make_ref(zip(repeat(file), numbers))
    parts = [_column(values, f.name, size) for f in dataclasses.fields(Breakdown)]
    keys = list(zip(*parts))
    unique = dict.fromkeys(keys)                  # equal breakdowns share one frozen object
    unique.update(zip(unique, make_breakdown(unique)))
    breakdowns = list(map(unique.__getitem__, keys))
    columns: list[Iterable[Any]] = []
    for f in dataclasses.fields(Activity):
        if f.name == "source":
            columns.append(refs)
        elif f.name == "country":
            columns.append(repeat(country, size) if isinstance(country, str) else country)
        elif f.name == "breakdown":
            columns.append(breakdowns)
        else:
            columns.append(_column(values, f.name, size))
    return make_activity(zip(*columns))
