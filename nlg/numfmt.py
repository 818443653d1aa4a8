"""Locale formatting of numbers, dates and country names: the only module that calls Babel.

Every function takes ``locale=`` (a Babel/CLDR locale such as ``"en"``, ``"es"``,
``"es_PE"``; ``"es-PE"`` is accepted too). The *number* locale is chosen
separately from the document language: Spanish R4V text uses ``es``
(14.971, 1,54) while Peru's own practice is ``es_PE`` (14,971, 1.54).

House rules, written once here:

- half-up rounding (Babel rounds half-even), done with :mod:`decimal` first;
- four-digit numbers are grouped in Spanish ("2.550"), whatever CLDR's
  minimum grouping digits says;
- a range of months uses an en dash ("January–February 2024").

The rules that differ by language are constants of the language's module in
:mod:`nlg.lang` (see :class:`nlg.lang.base.LanguageRules`): the compact scales
(English up to "billion"; Spanish never uses "billón" (10^12) for 10^9, it
writes "2.500 millones"), the date locale (UN-style English, "5 December
2023") and what joins a range across years ("diciembre de 2023 a enero de 2024").
"""
from __future__ import annotations

import datetime
import functools
import re
from decimal import ROUND_HALF_UP, Decimal

from babel import Locale
from babel import dates as babel_dates
from babel import numbers as babel_numbers

#: Compact scales (powers of ten) of a language without a module in nlg/lang.
_DEFAULT_SCALES = (6,)
_DASH = "\u2013"
#: Spaces accepted as group separators when parsing (space, NBSP, narrow NBSP, thin space).
_SPACES = " \u00a0\u202f\u2009"


@functools.cache
def _locale(locale: str) -> Locale:
    """Return the Babel locale for ``"es_PE"`` or ``"es-PE"``."""
    return Locale.parse(locale.replace("-", "_"))


def _language(locale: str) -> str:
    """Return the language part of a locale."""
    return _locale(locale).language


@functools.cache
def _house(language: str) -> tuple[str, tuple[int, ...], str]:
    """Return a language's house rules: (date locale, compact scales, year-range join).

    They are constants of the language's module in :mod:`nlg.lang` (DATE_LOCALE,
    COMPACT_SCALES, YEAR_RANGE_JOIN); a language without a module gets CLDR's dates,
    millions only and an en dash.
    """
    from nlg.lang import CODES, module  # nlg.lang's modules import this one

    if language not in CODES:
        return "", _DEFAULT_SCALES, _DASH
    rules = module(language)
    return rules.DATE_LOCALE, tuple(rules.COMPACT_SCALES), rules.YEAR_RANGE_JOIN or _DASH


def _half_up(x: float | int | Decimal, digits: int) -> Decimal:
    """Return ``x`` rounded half-up to ``digits`` decimals (as written, not as binary).

    >>> _half_up(2.675, 2), _half_up(0.5, 0), _half_up(2.5, 0)
    (Decimal('2.68'), Decimal('1'), Decimal('3'))
    """
    value = x if isinstance(x, Decimal) else Decimal(str(x))
    return value.quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)


def half_up(x: float | int) -> int:
    """Return a count rounded half-up to a whole number (sums of apportioned decimals).

    Binary noise of a float sum (``8.37 + 0.54 + 0.09`` is ``9.000000000000002``)
    is dropped first, at nine decimals, so a sum that is truly ``x.5`` rounds up.

    >>> half_up(8.37 + 0.54 + 0.09), half_up(2.5), half_up(0.15 + 0.35 + 1.0), half_up(7)
    (9, 3, 2, 7)
    """
    if type(x) is int:
        return x
    return int(_half_up(round(x, 9), 0))


def _pattern(base: str, digits: int, *, trim: bool) -> str:
    """Return the locale pattern ``base`` with exactly (or at most, if ``trim``) ``digits`` decimals.

    >>> _pattern("#,##0.###", 2, trim=False), _pattern("#,##0\u00a0%", 1, trim=True)
    ('#,##0.00', '#,##0.#\\xa0%')
    """
    fraction = ("." + ("#" if trim else "0") * digits) if digits else ""
    return re.sub(r"0(?:\.[0#]*)?", lambda _: "0" + fraction, base, count=1)


def _group_four(text: str, locale: str) -> str:
    """Return ``text`` with a four-digit integer part grouped (house rule; CLDR says "2550" for es).

    >>> _group_four("2550", "es"), _group_four("-2550,5", "es"), _group_four("25500", "es")
    ('2.550', '-2.550,5', '25500')
    """
    match = re.match(r"(-?)(\d{4})(?!\d)", text)
    if not match:
        return text
    sign, digits = match.groups()
    group = babel_numbers.get_group_symbol(locale=_locale(locale))
    return f"{sign}{digits[0]}{group}{digits[1:]}{text[match.end():]}"


def _format(value: Decimal, pattern: str, locale: str) -> str:
    """Return ``value`` formatted with ``pattern`` (already rounded) and the house grouping."""
    text = babel_numbers.format_decimal(value, format=pattern, locale=_locale(locale))
    return _group_four(text, locale)


@functools.lru_cache(maxsize=8192)
def integer(n: int, *, locale: str) -> str:
    """Return a whole number with the locale's grouping.

    >>> integer(14971, locale="en"), integer(2550, locale="es"), integer(14971, locale="es_PE")
    ('14,971', '2.550', '14,971')
    """
    base = _locale(locale).decimal_formats[None].pattern
    return _format(Decimal(int(n)), _pattern(base, 0, trim=False), locale)


def decimal(x: float | Decimal, *, locale: str, digits: int, trim: bool = False) -> str:
    """Return ``x`` rounded half-up to ``digits`` decimals; ``trim`` drops trailing zeros.

    >>> decimal(1.005, locale="en", digits=2), decimal(66.80, locale="es", digits=2, trim=True)
    ('1.01', '66,8')
    """
    base = _locale(locale).decimal_formats[None].pattern
    return _format(_half_up(x, digits), _pattern(base, digits, trim=trim), locale)


def _scale_word(locale: str, exponent: int, shown: Decimal) -> str:
    """Return the CLDR long compact word for 10**exponent agreeing with ``shown``."""
    loc = _locale(locale)
    forms = loc.compact_decimal_formats["long"]
    form = loc.plural_form(shown)
    patterns = forms.get(form, forms["other"])
    return patterns[str(10 ** exponent)].pattern.replace("0", "").strip()


def compact(n: int | float, *, locale: str, digits: int = 2) -> tuple[str, str]:
    """Return (number, scale word) for a large figure, at most ``digits`` decimals, zeros trimmed.

    Below one million the number is written in full (rounded half-up) with no scale word.

    >>> compact(1_540_000, locale="en"), compact(1_540_000, locale="es")
    (('1.54', 'million'), ('1,54', 'millones'))
    >>> compact(2_500_000_000, locale="es"), compact(999_999, locale="en")
    (('2.500', 'millones'), ('999,999', ''))
    """
    value = Decimal(str(n))
    scales = _house(_language(locale))[1]
    if abs(value) < 10 ** scales[0]:
        return integer(int(_half_up(value, 0)), locale=locale), ""
    exponent = scales[0]
    for candidate in scales:
        if abs(_half_up(value.scaleb(-candidate), digits)) >= 1:
            exponent = candidate
    shown = _half_up(value.scaleb(-exponent), digits)
    if shown == shown.to_integral_value():
        shown = shown.to_integral_value()
    text = decimal(shown, locale=locale, digits=digits, trim=True)
    return text, _scale_word(locale, exponent, shown)


def spell(shown: int, *, step: int = 1, scale: int = 0, locale: str) -> tuple[str, str]:
    """Return (number, scale word) of a figure decided in the plan (a :class:`nlg.content.facts.Quantity`).

    ``shown`` (a multiple of ``step``) is spelt in the language's largest compact scale not
    above ``scale`` (in full when there is none), with the decimals ``step`` keeps at that
    scale, trailing zeros dropped. Nothing is rounded here: every language writes the same
    figure at the same precision ("1.59 billion", "1.590 millones").

    >>> spell(1_590_000_000, step=10**7, scale=9, locale="en"), spell(1_590_000_000, step=10**7, scale=9, locale="es")
    (('1.59', 'billion'), ('1.590', 'millones'))
    >>> spell(66_800_000, step=10**5, scale=6, locale="es"), spell(14_971, locale="en")
    (('66,8', 'millones'), ('14,971', ''))
    """
    scales = [s for s in _house(_language(locale))[1] if s <= scale]
    if not scales:
        return integer(shown, locale=locale), ""
    exponent = max(scales)
    digits = max(0, exponent - (len(str(max(step, 1))) - 1))
    value = Decimal(shown).scaleb(-exponent)
    if value == value.to_integral_value():
        value = value.to_integral_value()
    text = decimal(value, locale=locale, digits=digits, trim=True)
    return text, _scale_word(locale, exponent, value.normalize() if value % 1 else value)


def percent(ratio: float | Decimal, *, locale: str, digits: int = 0) -> str:
    """Return a ratio (0.21) as a percentage, rounded half-up.

    >>> percent(0.215, locale="en"), percent(0.21, locale="es"), percent(0.21, locale="es_PE")
    ('22%', '21\\xa0%', '21%')
    """
    base = _locale(locale).percent_formats[None].pattern
    value = _half_up(Decimal(str(ratio)) * 100, digits) / 100
    text = babel_numbers.format_percent(
        value, format=_pattern(base, digits, trim=False), locale=_locale(locale))
    return _group_four(text, locale)


def _date_locale(locale: str) -> Locale:
    """Return the locale used for dates (house rule: UN-style English)."""
    return _locale(_house(_language(locale))[0] or locale)


def month_year(year: int, month: int, *, locale: str) -> str:
    """Return a month and year.

    >>> month_year(2023, 11, locale="en"), month_year(2023, 11, locale="es")
    ('November 2023', 'noviembre de 2023')
    >>> month_year(2023, 9, locale="es_PE")
    'setiembre de 2023'
    """
    day = datetime.date(year, month, 1)
    return babel_dates.format_skeleton("yMMMM", day, locale=_date_locale(locale))


def _month_name(month: int, locale: str) -> str:
    """Return a month's name in the format (not stand-alone) context, as used in a range."""
    day = datetime.date(2000, month, 1)
    return babel_dates.format_date(day, "MMMM", locale=_date_locale(locale))


def month_name(month: int, *, locale: str) -> str:
    """Return a month's name as used in running text ("October" / "octubre").

    >>> month_name(10, locale="en"), month_name(9, locale="es_PE")
    ('October', 'setiembre')
    """
    return _month_name(month, locale)


def month_range(start: tuple[int, int], end: tuple[int, int], *, locale: str) -> str:
    """Return a range of months given as (year, month) pairs.

    >>> month_range((2024, 1), (2024, 2), locale="en"), month_range((2024, 1), (2024, 2), locale="es")
    ('January–February 2024', 'enero–febrero de 2024')
    >>> month_range((2023, 12), (2024, 1), locale="es")
    'diciembre de 2023 a enero de 2024'
    """
    if end < start:
        raise ValueError(f"month range ends before it starts: {start} > {end}")
    if start == end:
        return month_year(*start, locale=locale)
    if start[0] == end[0]:
        return f"{_month_name(start[1], locale)}{_DASH}{month_year(*end, locale=locale)}"
    join = _house(_language(locale))[2]
    return f"{month_year(*start, locale=locale)}{join}{month_year(*end, locale=locale)}"


def day_month(d: datetime.date, *, locale: str) -> str:
    """Return day and month.

    >>> day_month(datetime.date(2023, 11, 15), locale="en"), day_month(datetime.date(2023, 11, 15), locale="es")
    ('15 November', '15 de noviembre')
    """
    return babel_dates.format_skeleton("MMMMd", d, locale=_date_locale(locale))


def full_date(d: datetime.date, *, locale: str) -> str:
    """Return day, month and year (UN style in English).

    >>> full_date(datetime.date(2023, 12, 5), locale="en"), full_date(datetime.date(2023, 12, 5), locale="es")
    ('5 December 2023', '5 de diciembre de 2023')
    """
    return babel_dates.format_skeleton("yMMMMd", d, locale=_date_locale(locale))


def country_name(alpha3: str, *, locale: str) -> str:
    """Return a country's name from its ISO 3166 alpha-3 code.

    >>> country_name("PER", locale="en"), country_name("PER", locale="es")
    ('Peru', 'Perú')
    """
    from nlg.places import alpha2

    code = alpha2(alpha3.upper())
    if code is None:
        raise ValueError(f"unknown ISO 3166 alpha-3 country code {alpha3!r}")
    return _locale(locale).territories[code]


def parse_integer(text: str, *, locale: str) -> int | None:
    """Return the whole number written in ``text`` (inverse of :func:`integer`), or None.

    Groups must be of three digits, separated by the locale's group symbol or a space.

    >>> parse_integer("14.971", locale="es"), parse_integer("14,971", locale="en")
    (14971, 14971)
    >>> parse_integer("2\u00a0550", locale="es"), parse_integer("14,971", locale="es")
    (2550, None)
    """
    group = re.escape(babel_numbers.get_group_symbol(locale=_locale(locale)))
    seps = f"[{group}{_SPACES}]"
    match = re.fullmatch(rf"([-\u2212]?)(\d{{1,3}}(?:({seps})\d{{3}}(?:\3\d{{3}})*)?|\d+)", text.strip())
    if not match:
        return None
    value = int(re.sub(r"\D", "", match.group(2)))
    return -value if match.group(1) else value
