"""The hedge rule: table cases from the seed and properties over 0..10^9."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nlg.content.hedge import decide, is_true
from nlg.model import Hedge, Precision

A, E, X = Precision.APPROXIMATE, Precision.ESTIMATE, Precision.EXACT


@pytest.mark.parametrize("value, precision, hedge, shown", [
    (906, A, Hedge.OVER, 900),      # "Over 900 school professionals"
    (206, A, Hedge.OVER, 200),      # "over 200 refugees and migrants"
    (392, A, Hedge.NEARLY, 400),    # "nearly 400 consultations"
    (196, A, Hedge.NEARLY, 200),    # "nearly 200 kits"
    (684, A, Hedge.OVER, 680),      # "Over 680 individuals"
    (962, A, Hedge.OVER, 960),      # "over 960 hygiene kits"
    (93, A, Hedge.OVER, 90),        # "over 90 government officials"
    (23, A, Hedge.OVER, 20),        # "Over 20 people"
    (64, A, Hedge.OVER, 60),        # "over 60 kits"
    (604, E, Hedge.ABOUT, 600),     # "some 600 children"
    (1987, E, Hedge.ABOUT, 2000),   # "around 2,000"
    (51, E, Hedge.ABOUT, 50),       # "Some 50 Venezuelans"
    (2550, X, Hedge.EXACT, 2550),   # "2,550 food kits"
    (350, X, Hedge.EXACT, 350),     # "350 people with disabilities"
    (200, A, Hedge.EXACT, 200),     # on the grid: no hedge
    (14, A, Hedge.EXACT, 14),       # small counts are exact
    (0, A, Hedge.EXACT, 0),
    (14971, A, Hedge.NEARLY, 15000),
    (5001, A, Hedge.OVER, 5000),
])
def test_seed_relations(value, precision, hedge, shown):
    q = decide(value, precision=precision)
    assert (q.hedge, q.shown) == (hedge, shown)


def test_sensitive_small_counts_are_withheld():
    q = decide(7, precision=X, sensitive_threshold=10)
    assert (q.hedge, q.shown) == (Hedge.UNDER, 10)
    assert decide(12, precision=X, sensitive_threshold=10).hedge is Hedge.EXACT
    assert decide(0, precision=X, sensitive_threshold=10).hedge is Hedge.EXACT


def test_negative_is_refused():
    with pytest.raises(ValueError):
        decide(-1, precision=A)


@settings(max_examples=3000, deadline=None)
@given(value=st.integers(min_value=0, max_value=10**9),
       precision=st.sampled_from(list(Precision)),
       sensitive=st.sampled_from([0, 10]))
def test_every_hedge_is_true(value, precision, sensitive):
    q = decide(value, precision=precision, sensitive_threshold=sensitive)
    assert q.value == value
    assert is_true(q, nearly_tolerance=0.02, about_tolerance=0.05)
    if q.hedge is Hedge.OVER:
        assert q.shown < value
    if q.hedge is Hedge.NEARLY:
        assert value < q.shown and q.shown - value <= 0.02 * q.shown
    if q.hedge is Hedge.EXACT:
        assert q.shown == value


@settings(max_examples=500, deadline=None)
@given(value=st.integers(min_value=100, max_value=10**9))
def test_shown_figures_are_round(value):
    q = decide(value, precision=A)
    if q.hedge is not Hedge.EXACT:
        digits = str(q.shown).rstrip("0")
        assert len(digits) <= 2
