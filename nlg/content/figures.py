"""Decide the figures the drafter gives (key figures, funding) and money, once for every language.

The plan holds each of them as a :class:`nlg.content.facts.Quantity`: the true value, the figure
shown, its hedge, its precision (``step``) and the scale it is spelt in. A language only spells
that decision (:func:`nlg.numfmt.spell`), so "US$1.59 billion" and "USD 1.590 millones" are the
same figure at the same precision by construction. The rules (docs/hedges.md, "Key figures
and money"):

- a count below one million: every digit (``step`` 1); from one million on, two decimals of
  millions (billions from 10^9), rounded half-up: "2.88 million" for 2,875,743;
- money: every dollar below one million; one decimal of millions below one billion, two
  decimals of billions above, rounded half-up ("US$378.4 million", "US$1.59 billion");
- a transfer value in a bullet is cut down to that precision and said to be over it
  ("over US$1.2 million"); below one million it is hedged like any figure;
- a percentage: a whole number of percent, rounded half-up.

A figure rounded half-up to its ``step`` has the hedge EXACT: exact at the precision written,
as :func:`nlg.content.hedge.is_true` and `sitrep check` read it.
"""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from nlg.config.report import Figure, ReportConfig
from nlg.content.facts import FundingPlan, Quantity
from nlg.model import Hedge

MILLION, BILLION = 10 ** 6, 10 ** 9


def scale_of(shown: int | float) -> int:
    """Return the power of ten a figure is spelt in: 0 (in full), 6 (millions) or 9 (billions).

    >>> scale_of(999_999), scale_of(1_000_000), scale_of(1_590_000_000)
    (0, 6, 9)
    """
    if shown >= BILLION:
        return 9
    return 6 if shown >= MILLION else 0


def _half_up(value: int | float, step: int) -> int:
    """Return ``value`` rounded half-up to a multiple of ``step`` (as written, not as binary).

    >>> _half_up(2_875_743, 10_000), _half_up(1_234_550, 100), _half_up(0.5, 1)
    (2880000, 1234600, 1)
    """
    units = (Decimal(str(value)) / step).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return int(units) * step


def rounded(value: int | float, step_below: int, step_above: int, *, unit: str = "") -> Quantity:
    """Return ``value`` rounded half-up to its step: 1 below a million, ``step_below`` below a
    billion, ``step_above`` above (the scale follows the figure shown).

    >>> rounded(2_875_743, 10_000, 10_000_000)
    Quantity(value=2875743, shown=2880000, hedge=<Hedge.EXACT: 'exact'>, step=10000, scale=6, unit='')
    >>> rounded(950_000.4, 100_000, 10_000_000, unit="USD").shown
    950000
    """
    step = 1 if value < MILLION else step_below if value < BILLION else step_above
    shown = _half_up(value, step)
    if shown >= BILLION and step < step_above:          # 999,960,000 rounds up to a billion
        step, shown = step_above, _half_up(value, step_above)
    return Quantity(_whole(value), shown, Hedge.EXACT, step=step, scale=scale_of(shown), unit=unit)


def _whole(value: int | float) -> int:
    return int(_half_up(value, 1))


def count(value: int | float) -> Quantity:
    """Return a key figure count: in full below a million, else two decimals of its scale.

    >>> count(14_971).shown, count(2_875_743).shown, count(1_540_000).step
    (14971, 2880000, 10000)
    """
    return rounded(value, MILLION // 100, BILLION // 100)


def money(value: int | float) -> Quantity:
    """Return an amount of US dollars rounded half-up (a funding figure).

    >>> money(66_800_000).shown, money(1_590_000_000).shown, money(2_049_000_000).shown
    (66800000, 1590000000, 2050000000)
    >>> money(378_449_999).shown, money(950_000).step
    (378400000, 1)
    """
    return rounded(value, MILLION // 10, BILLION // 100, unit="USD")


def money_over(value: int) -> Quantity:
    """Return an amount of US dollars of a million or more cut down to its precision, "over" it
    when that cut something off (a transfer value in a bullet).

    >>> money_over(1_234_567)
    Quantity(value=1234567, shown=1200000, hedge=<Hedge.OVER: 'over'>, step=100000, scale=6, unit='USD')
    >>> money_over(2_049_000_000).shown, money_over(3_000_000).hedge.value
    (2040000000, 'exact')
    """
    step = MILLION // 10 if value < BILLION else BILLION // 100
    shown = value // step * step
    return Quantity(value, shown, Hedge.OVER if shown < value else Hedge.EXACT,
                    step=step, scale=scale_of(shown), unit="USD")


def percent(ratio: float) -> Quantity:
    """Return a share as a whole percentage rounded half-up (``value`` keeps the ratio).

    >>> percent(0.2149).shown, percent(0.215).shown, percent(66.8 / 318).shown
    (21, 22, 21)
    """
    shown = int((Decimal(str(ratio)) * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    return Quantity(ratio, shown, Hedge.EXACT, unit="%")


def refugees_figure(config: ReportConfig) -> tuple[Figure | None, bool]:
    """Return the refugees-and-migrants key figure given and whether it is the countries' sum.

    One country, or the platform's figure given: that figure. Else, when every one of the
    report's countries has one under ``key_figures.by_country``, their sum.
    """
    given = config.key_figures.get("refugees_and_migrants")
    if given is not None or not config.multi:
        return given, False
    figures = [config.country_figures.get(c, {}).get("refugees_and_migrants") for c in config.countries]
    if figures and all(f is not None for f in figures):
        return Figure(sum(int(f.value) for f in figures)), True
    return None, False


def refugees(config: ReportConfig) -> Quantity | None:
    """Return the refugees-and-migrants key figure as shown, or None when none is given."""
    figure, _ = refugees_figure(config)
    return None if figure is None else count(figure.value)


def funding(config: ReportConfig) -> FundingPlan | None:
    """Return the funding figures as shown, or None when report.yaml gives no funding."""
    f = config.funding
    if f is None:
        return None
    return FundingPlan(money(f.funded_usd), money(f.required_usd),
                       percent(f.funded_usd / f.required_usd))
