"""Tests for nlg.numfmt, the single Babel wrapper."""
from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nlg import numfmt

NBSP = "\u00a0"


@pytest.mark.parametrize(("locale", "n", "expected"), [
    ("en", 14971, "14,971"),
    ("en", 2550, "2,550"),
    ("en", 0, "0"),
    ("en", 999, "999"),
    ("en", 1_540_000, "1,540,000"),
    ("es", 14971, "14.971"),
    ("es", 2550, "2.550"),          # house rule: 4-digit numbers are grouped in Spanish
    ("es", 1000, "1.000"),
    ("es", 999, "999"),
    ("es", -1234, "-1.234"),
    ("es_PE", 14971, "14,971"),
    ("es_PE", 2550, "2,550"),
    ("es-PE", 2550, "2,550"),
    ("es_ES", 2550, "2.550"),
])
def test_integer(locale, n, expected):
    assert numfmt.integer(n, locale=locale) == expected


@pytest.mark.parametrize(("locale", "x", "digits", "trim", "expected"), [
    ("en", 1.005, 2, False, "1.01"),     # half-up as written (binary 1.005 is 1.00499...)
    ("en", 2.5, 0, False, "3"),          # Babel alone would give "2" (half-even)
    ("en", 3.5, 0, False, "4"),
    ("en", 0.125, 2, False, "0.13"),
    ("en", 66.8, 2, False, "66.80"),
    ("en", 66.8, 2, True, "66.8"),
    ("en", 66.0, 1, True, "66"),
    ("en", 1234.56, 1, False, "1,234.6"),
    ("es", 1.54, 2, False, "1,54"),
    ("es", 1234.5, 1, False, "1.234,5"),
    ("es", 66.80, 2, True, "66,8"),
    ("es_PE", 1.54, 2, False, "1.54"),
])
def test_decimal(locale, x, digits, trim, expected):
    assert numfmt.decimal(x, locale=locale, digits=digits, trim=trim) == expected


@pytest.mark.parametrize(("locale", "n", "digits", "expected"), [
    ("en", 1_540_000, 2, ("1.54", "million")),
    ("en", 1_000_000, 2, ("1", "million")),
    ("en", 1_500_000, 2, ("1.5", "million")),
    ("en", 1_545_000, 2, ("1.55", "million")),      # half-up
    ("en", 2_500_000_000, 2, ("2.5", "billion")),
    ("en", 999_995_000, 2, ("1", "billion")),       # rounds up into the next scale
    ("en", 999_999, 2, ("999,999", "")),
    ("en", 14_971, 2, ("14,971", "")),
    ("en", 66_800_000, 1, ("66.8", "million")),
    ("es", 1_540_000, 2, ("1,54", "millones")),
    ("es", 1_000_000, 2, ("1", "millón")),
    ("es", 1_004_000, 2, ("1", "millón")),
    ("es", 2_000_000, 2, ("2", "millones")),
    ("es", 2_500_000_000, 2, ("2.500", "millones")),  # never "billón" (10^12) nor "mil millones"
    ("es", 1_200_000_000, 1, ("1.200", "millones")),
    ("es", 999_999, 2, ("999.999", "")),
    ("es_PE", 1_540_000, 2, ("1.54", "millones")),
    ("es_PE", 2_500_000_000, 2, ("2,500", "millones")),
])
def test_compact(locale, n, digits, expected):
    assert numfmt.compact(n, locale=locale, digits=digits) == expected


@pytest.mark.parametrize(("locale", "ratio", "digits", "expected"), [
    ("en", 0.21, 0, "21%"),
    ("en", 0.215, 0, "22%"),
    ("en", 0.2149, 0, "21%"),
    ("en", 0.125, 0, "13%"),
    ("en", 0.2105, 1, "21.1%"),
    ("en", 1.0, 0, "100%"),
    ("en", 0.0, 0, "0%"),
    ("es", 0.21, 0, f"21{NBSP}%"),
    ("es", 0.2105, 1, f"21,1{NBSP}%"),
    ("es", 12.5, 0, f"1.250{NBSP}%"),
    ("es_PE", 0.21, 0, "21%"),
])
def test_percent(locale, ratio, digits, expected):
    assert numfmt.percent(ratio, locale=locale, digits=digits) == expected


@pytest.mark.parametrize(("locale", "year", "month", "expected"), [
    ("en", 2023, 11, "November 2023"),
    ("en_US", 2023, 11, "November 2023"),
    ("es", 2023, 11, "noviembre de 2023"),
    ("es", 2023, 9, "septiembre de 2023"),
    ("es_PE", 2023, 9, "setiembre de 2023"),
    ("es_PE", 2024, 1, "enero de 2024"),        # lower case (es_PE stand-alone forms are capitalised)
])
def test_month_year(locale, year, month, expected):
    assert numfmt.month_year(year, month, locale=locale) == expected


@pytest.mark.parametrize(("locale", "start", "end", "expected"), [
    ("en", (2024, 1), (2024, 2), "January\u2013February 2024"),
    ("es", (2024, 1), (2024, 2), "enero\u2013febrero de 2024"),
    ("es_PE", (2023, 9), (2023, 11), "setiembre\u2013noviembre de 2023"),
    ("en", (2023, 12), (2024, 1), "December 2023\u2013January 2024"),
    ("es", (2023, 12), (2024, 1), "diciembre de 2023 a enero de 2024"),
    ("en", (2023, 11), (2023, 11), "November 2023"),
    ("es", (2023, 11), (2023, 11), "noviembre de 2023"),
])
def test_month_range(locale, start, end, expected):
    assert numfmt.month_range(start, end, locale=locale) == expected


def test_month_range_backwards_is_an_error():
    with pytest.raises(ValueError, match="ends before it starts"):
        numfmt.month_range((2024, 2), (2024, 1), locale="en")


@pytest.mark.parametrize(("locale", "date", "expected"), [
    ("en", datetime.date(2023, 11, 15), "15 November"),
    ("en_US", datetime.date(2023, 11, 15), "15 November"),
    ("es", datetime.date(2023, 11, 15), "15 de noviembre"),
    ("es_PE", datetime.date(2023, 9, 1), "1 de setiembre"),
])
def test_day_month(locale, date, expected):
    assert numfmt.day_month(date, locale=locale) == expected


@pytest.mark.parametrize(("locale", "date", "expected"), [
    ("en", datetime.date(2023, 12, 5), "5 December 2023"),
    ("en_US", datetime.date(2023, 12, 5), "5 December 2023"),
    ("es", datetime.date(2023, 12, 5), "5 de diciembre de 2023"),
    ("es_PE", datetime.date(2023, 9, 30), "30 de setiembre de 2023"),
])
def test_full_date(locale, date, expected):
    assert numfmt.full_date(date, locale=locale) == expected


@pytest.mark.parametrize(("alpha3", "locale", "expected"), [
    ("PER", "en", "Peru"),
    ("PER", "es", "Perú"),
    ("PER", "es_PE", "Perú"),
    ("COL", "en", "Colombia"),
    ("COL", "es", "Colombia"),
    ("ECU", "en", "Ecuador"),
    ("ECU", "es", "Ecuador"),
    ("VEN", "es", "Venezuela"),
    ("per", "es", "Perú"),
])
def test_country_name(alpha3, locale, expected):
    assert numfmt.country_name(alpha3, locale=locale) == expected


def test_country_name_unknown_code():
    with pytest.raises(ValueError, match="'XXX'"):
        numfmt.country_name("XXX", locale="en")


@pytest.mark.parametrize(("text", "locale", "expected"), [
    ("14.971", "es", 14971),
    ("14,971", "en", 14971),
    ("14,971", "es_PE", 14971),
    ("2\u00a0550", "es", 2550),
    ("2\u202f550", "en", 2550),
    ("2 550", "en", 2550),
    ("2550", "es", 2550),
    (" 1.234.567 ", "es", 1234567),
    ("-1.234", "es", -1234),
    ("0", "en", 0),
    ("14,971", "es", None),      # a decimal comma in Spanish
    ("14.971", "en", None),      # a decimal point in English
    ("1.234,567", "es", None),
    ("1,23,456", "en", None),    # groups of three only
    ("1,234 567", "en", None),   # one separator per number
    ("12k", "en", None),
    ("", "en", None),
])
def test_parse_integer(text, locale, expected):
    assert numfmt.parse_integer(text, locale=locale) == expected


@pytest.mark.parametrize("locale", ["en", "es", "es_PE"])
@given(n=st.integers(min_value=0, max_value=10**9))
def test_integer_round_trips(locale, n):
    assert numfmt.parse_integer(numfmt.integer(n, locale=locale), locale=locale) == n
