"""Decide how a figure is shown: one rule for both languages (docs/hedges.md).

The rule, for a true value ``v`` (all thresholds come from the style profile):

1. ``v`` below the sensitive threshold in a sensitive sector: "fewer than T" (UNDER).
2. precision ``exact``, or ``v`` below ``small_count``: shown as is (EXACT).
3. precision ``estimate``: the nearest one-significant-figure number ``R`` when
   ``|v - R| <= about_tolerance * R``, else the nearest two-significant-figure
   number; ABOUT ("some", "around"), EXACT when equal.
4. precision ``approximate`` (default):
   - ``R`` = ``v`` rounded *up* to one significant figure (two from 1,000 on); if
     ``0 < R - v <= nearly_tolerance * R`` and ``v`` rounds to ``R``: NEARLY R ("nearly 400" for 392,
     "nearly 15,000" for 14,971);
   - else ``F`` = ``v`` rounded *down* to two significant figures (to tens below 100);
     EXACT if ``F == v`` else OVER F ("over 900" for 906, "over 680" for 684).

Every hedge is true: OVER means v > shown, NEARLY means shown - tolerance <= v < shown,
ABOUT means |v - shown| within the stated tolerance (at most 5% for two figures).
"""
from __future__ import annotations

from dataclasses import replace

from nlg.content.facts import Quantity
from nlg.model import Hedge, Precision


def _grid(value: int, figures: int) -> int:
    """Return the rounding step that keeps ``figures`` significant figures.

    >>> _grid(906, 2), _grid(64, 2), _grid(1987, 1), _grid(5, 2)
    (10, 1, 1000, 1)
    """
    digits = len(str(abs(value)))
    return 10 ** max(digits - figures, 0)


def _up(value: int, step: int) -> int:
    return -(-value // step) * step


def _nearest(value: int, step: int) -> int:
    """Return ``value`` rounded half-up to a multiple of ``step``.

    >>> _nearest(1987, 1000), _nearest(250, 100), _nearest(51, 10)
    (2000, 300, 50)
    """
    return (value + step // 2) // step * step


def decide(value: int, *, precision: Precision, small_count: int = 20,
           nearly_tolerance: float = 0.02, about_tolerance: float = 0.03,
           sensitive_threshold: int = 0) -> Quantity:
    """Return the :class:`Quantity` to show for ``value``.

    >>> decide(906, precision=Precision.APPROXIMATE)
    Quantity(value=906, shown=900, hedge=<Hedge.OVER: 'over'>, step=1, scale=0, unit='')
    >>> decide(392, precision=Precision.APPROXIMATE).hedge.value
    'nearly'
    >>> decide(684, precision=Precision.APPROXIMATE).shown
    680
    >>> decide(2550, precision=Precision.EXACT).hedge.value
    'exact'
    >>> decide(1987, precision=Precision.ESTIMATE)
    Quantity(value=1987, shown=2000, hedge=<Hedge.ABOUT: 'about'>, step=1, scale=0, unit='')
    >>> decide(7, precision=Precision.APPROXIMATE, sensitive_threshold=10).hedge.value
    'under'
    """
    return spelt(_decide(value, precision, small_count, nearly_tolerance, about_tolerance,
                         sensitive_threshold))


def spelt(q: Quantity) -> Quantity:
    """Return ``q`` with the scale it is spelt in: millions or billions from 10^6 on when two
    decimals of the scale write it whole ("1.5 million"), else in full (every digit).

    >>> spelt(Quantity(1_512_000, 1_500_000, Hedge.OVER)).scale
    6
    >>> spelt(Quantity(1_234_567, 1_234_567, Hedge.EXACT)).scale
    0
    """
    scale = 9 if q.shown >= 10 ** 9 else 6 if q.shown >= 10 ** 6 else 0
    if not scale or q.shown % 10 ** (scale - 2):
        return q
    return replace(q, step=10 ** (scale - 2), scale=scale)


def _decide(value: int, precision: Precision, small_count: int, nearly_tolerance: float,
            about_tolerance: float, sensitive_threshold: int) -> Quantity:
    if value < 0:
        raise ValueError(f"a figure cannot be negative: {value}")
    if 0 < value < sensitive_threshold:
        return Quantity(value, sensitive_threshold, Hedge.UNDER)
    if precision is Precision.EXACT or value < small_count:
        return Quantity(value, value, Hedge.EXACT)
    if precision is Precision.ESTIMATE:
        return _estimate(value, about_tolerance)
    return _approximate(value, nearly_tolerance)


def _estimate(value: int, tolerance: float) -> Quantity:
    rough = _nearest(value, _grid(value, 1))
    shown = rough if abs(value - rough) <= tolerance * rough else _nearest(value, _grid(value, 2))
    return Quantity(value, shown, Hedge.EXACT if shown == value else Hedge.ABOUT)


def _approximate(value: int, tolerance: float) -> Quantity:
    step = _grid(value, 1 if value < 1000 else 2)
    ceiling = _up(value, step)
    if 0 < ceiling - value <= min(tolerance * ceiling, step / 2):
        return Quantity(value, ceiling, Hedge.NEARLY)
    step = max(_grid(value, 2), 10)
    floor = value // step * step
    return Quantity(value, floor, Hedge.EXACT if floor == value else Hedge.OVER)


def rounded_down(value: int) -> Quantity:
    """Return ``value`` rounded down to two significant figures (to tens below 100): OVER, or
    EXACT when nothing is cut; for a figure that must not be shown above a bound it is below.

    >>> rounded_down(2156), rounded_down(797).shown, rounded_down(2100).hedge.value
    (Quantity(value=2156, shown=2100, hedge=<Hedge.OVER: 'over'>, step=1, scale=0, unit=''), 790, 'exact')
    """
    step = max(_grid(value, 2), 10)
    floor = value // step * step
    if not floor:                      # below ten: the figure itself
        return Quantity(value, value, Hedge.EXACT)
    return spelt(Quantity(value, floor, Hedge.EXACT if floor == value else Hedge.OVER))


def is_true(q: Quantity, *, nearly_tolerance: float = 0.02, about_tolerance: float = 0.05) -> bool:
    """Return whether the relation stated by ``q`` holds (used by tests and `check`).

    >>> is_true(Quantity(912, 900, Hedge.OVER)), is_true(Quantity(880, 900, Hedge.OVER))
    (True, False)
    >>> [is_true(Quantity(n, 2_880_000, Hedge.EXACT, step=10_000)) for n in (2_875_743, 2_874_999)]
    [True, False]
    """
    v, s = q.value, q.shown
    if q.hedge is Hedge.EXACT:                 # rounded half-up to its step (every digit: equal)
        return abs(v - s) * 2 <= q.step if q.step > 1 else v == s
    if q.hedge is Hedge.OVER:
        return v > s
    if q.hedge is Hedge.NEARLY:
        return s - nearly_tolerance * s <= v < s
    if q.hedge is Hedge.UNDER:
        return v < s
    return abs(v - s) <= about_tolerance * max(s, 1)
