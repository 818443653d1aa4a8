"""nlg.content.figures: key figures, funding and money are decided once; every language only spells them.

The property: whatever the amount, the figure each language writes reads back (as `sitrep
check` reads it) to the same value at the same precision, and that value is true of the amount.
"""
from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nlg import numfmt
from nlg.check.quantities import parse_number, scale_words
from nlg.content import figures, hedge
from nlg.lang import CODES, module
from nlg.model import Hedge, Precision

LOCALES = {code: module(code).NUMBER_LOCALE for code in CODES}


def _read(text: str, locale: str) -> Decimal:
    """Return the value of "1,59 millones" / "1.59 billion" as `sitrep check` reads it."""
    number, _, word = text.partition(" ")
    power = scale_words(locale)[word.lower()] if word else 0
    value, _ = parse_number(number, locale=locale, scaled=bool(word))
    return value.scaleb(power)


def _spelt(q, locale: str) -> str:
    return " ".join(p for p in numfmt.spell(q.shown, step=q.step, scale=q.scale, locale=locale) if p)


AMOUNTS = st.one_of(st.integers(0, 10 ** 12), st.floats(0, 10 ** 12, allow_nan=False))


@given(AMOUNTS)
def test_money_reads_back_the_same_in_every_language(amount):
    q = figures.money(amount)
    read = {code: _read(_spelt(q, locale), locale) for code, locale in LOCALES.items()}
    assert set(read.values()) == {Decimal(q.shown)}, read
    assert hedge.is_true(q)


@given(st.integers(1_000_000, 10 ** 12))
def test_a_transfer_value_is_over_the_figure_every_language_writes(amount):
    q = figures.money_over(amount)
    assert {_read(_spelt(q, locale), locale) for locale in LOCALES.values()} == {Decimal(q.shown)}
    assert hedge.is_true(q) and q.shown <= amount


@given(st.integers(0, 10 ** 11))
def test_key_figures_and_bullet_figures_read_back_the_same(value):
    for q in (figures.count(value), hedge.decide(value, precision=Precision.APPROXIMATE),
              hedge.decide(value, precision=Precision.EXACT)):
        read = {_read(_spelt(q, locale), locale) for locale in LOCALES.values()}
        assert read == {Decimal(q.shown)}, (q, read)


@pytest.mark.parametrize(("amount", "en", "es", "pt"), [
    (1_590_000_000, "US$1.59 billion", "USD 1.590 millones", "US$ 1,59 bilhão"),   # issue 14
    (2_049_000_000, "US$2.05 billion", "USD 2.050 millones", "US$ 2,05 bilhões"),
    (378_400_000, "US$378.4 million", "USD 378,4 millones", "US$ 378,4 milhões"),
    (999_960_000, "US$1 billion", "USD 1.000 millones", "US$ 1 bilhão"),
])
def test_funding_amounts(amount, en, es, pt):
    q = figures.money(amount)
    spelt = {code: module(code).money_usd(*numfmt.spell(q.shown, step=q.step, scale=q.scale,
                                                         locale=LOCALES[code])) for code in CODES}
    assert spelt == {"en": en, "es": es, "pt": pt}


def test_an_exact_count_of_millions_keeps_every_digit():
    q = hedge.decide(1_234_567, precision=Precision.EXACT)
    assert (q.hedge, q.scale) == (Hedge.EXACT, 0)
    assert _spelt(q, "en") == "1,234,567"


def test_rounded_figures_are_exact_at_their_step():
    assert hedge.is_true(figures.count(2_875_743))
    assert not hedge.is_true(figures.count(2_875_743).__class__(2_874_000, 2_880_000, Hedge.EXACT, step=10_000))


def test_the_plan_decides_key_figures_and_funding():
    from conftest import ROOT

    from nlg.api import prepare

    plan = prepare(ROOT / "samples" / "tree" / "col" / "2023-11").plan
    assert (plan.refugees.shown, plan.refugees.step, plan.refugees.scale) == (2_880_000, 10_000, 6)
    f = plan.funding
    assert (f.funded.shown, f.required.shown, f.required.scale, f.percent.shown) == \
        (378_400_000, 1_590_000_000, 9, 24)
