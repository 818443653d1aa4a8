"""Cell value parsers for 5W rows: counts, money, Yes/No, months and free text.

Parsers raise :class:`BadValue` (an error code, what was expected, a hint);
callers turn it into a :class:`nlg.model.Problem`. Numbers written as text use
one thousands convention per file, decided by :func:`number_style` from the
values that are unambiguous ("1,234,567", "12,5", "1.234,00").
"""
from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from collections.abc import Iterable

COMMA = "comma"   # 1,234.5 (comma groups thousands, dot is the decimal mark)
DOT = "dot"       # 1.234,5 (dot groups thousands, comma is the decimal mark)
MAX_CELL = 2000   # characters kept of a text cell

_GROUPED = re.compile(r"^\d{1,3}(?:[ \u00a0\u202f'\u2019]\d{3})+(?=$|[.,])")
_GROUP_CHARS = str.maketrans("", "", " \u00a0\u202f'\u2019")
_AMBIGUOUS = re.compile(r"^[1-9]\d{0,2}[.,]\d{3}$")
_CURRENCY = re.compile(r"^(?:US\$|USD|U\$S|\$|S/\.?|PEN|COP)\s*|\s*(?:USD|US\$|\$)$", re.I)
_ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_MOJIBAKE = re.compile("[\u00c2\u00c3][\u0080-\u00bf\u0152-\u2122]|\u00e2\u20ac")
_FORMULA = re.compile(r"^\s*(?:=|[+\-@]\s*[A-Za-z_][A-Za-z0-9_.]*\s*\()")
_ISO = re.compile(r"^(\d{4})[-/.](\d{1,2})(?:[-/.]\d{1,2})?(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$")
_M_Y = re.compile(r"^(\d{1,2})[-/.](\d{4})$")
_NAME_Y = re.compile(r"^([^\W\d_]+)\.?[\s\-/.]*(?:de\s+|del\s+)?(\d{4}|\d{2})$")
_YYYYMM = re.compile(r"^(\d{4})(\d{2})$")
_MONTHS = {name: i + 1 for i, names in enumerate((
    "january jan enero ene", "february feb febrero", "march mar marzo",
    "april apr abril abr", "may mayo", "june jun junio", "july jul julio",
    "august aug agosto ago", "september sep sept setiembre septiembre set",
    "october oct octubre", "november nov noviembre", "december dec diciembre dic",
)) for name in names.split()}
_YES = frozenset("yes y si s true verdadero 1 x".split())
_NO = frozenset("no n false falso 0".split())
_EXCEL_EPOCH = dt.datetime(1899, 12, 30)


class BadValue(ValueError):
    """A cell value that cannot be used; ``code`` is the stable problem code."""

    def __init__(self, code: str, expected: str, hint: str):
        super().__init__(expected)
        self.code, self.expected, self.hint = code, expected, hint


def fold(text: str) -> str:
    """Return text without accents, case-folded, with single spaces.

    >>> fold("  Sí ")
    'si'
    """
    text = unicodedata.normalize("NFKD", text)
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).casefold().split())


def _split_sign(text: str) -> tuple[str, bool]:
    """Return the text without a sign or accounting parentheses, and whether it was negative."""
    if text[:1] in "-\u2212":
        return text[1:].strip(), True
    if text[:1] == "(" and text[-1:] == ")":
        return text[1:-1].strip(), True
    return (text[1:].strip(), False) if text[:1] == "+" else (text, False)


def _body(text: str) -> tuple[str, bool]:
    """Return an unsigned number text with space/apostrophe grouping removed, and its sign."""
    body, negative = _split_sign(text.strip())
    grouped = _GROUPED.match(body)
    if grouped:
        body = grouped.group(0).translate(_GROUP_CHARS) + body[grouped.end():]
    return body, negative


def _separators(text: str) -> tuple[str | None, bool]:
    """Return (style, ambiguous) of an unsigned number written as text."""
    has_c, has_d = "," in text, "." in text
    if has_c and has_d:
        return (COMMA if text.rfind(".") > text.rfind(",") else DOT), False
    if not (has_c or has_d):
        return None, False
    sep = "," if has_c else "."
    if text.count(sep) > 1:
        return (COMMA if sep == "," else DOT), False
    if _AMBIGUOUS.match(text):
        return None, True
    return (DOT if sep == "," else COMMA), False


def number_style(values: Iterable[object]) -> tuple[str | None, bool]:
    """Return the file's thousands convention (COMMA, DOT or None) and whether both were seen.

    >>> number_style(["1,234,567", "1,234", 12])
    ('comma', False)
    >>> number_style(["12,5", "1.234"])
    ('dot', False)
    """
    seen: set[str] = set()
    for value in values:
        if type(value) is not str or value.isdigit():
            continue
        style, _ = _separators(_body(_CURRENCY.sub("", value.strip()))[0])
        if style:
            seen.add(style)
    if len(seen) == 1:
        return seen.pop(), False
    return None, len(seen) > 1


def _number_text(text: str, style: str | None, conflict: bool) -> float:
    """Return the value of a number written as text (may be fractional or negative)."""
    body, negative = _body(text)
    own, ambiguous = _separators(body)
    if ambiguous:
        if style is None:
            why = "this file mixes both conventions" if conflict else "no other value shows it"
            raise BadValue("E209", "a number whose thousands separator is clear",
                           f"'{body}' may be {body.replace(',', '').replace('.', '')} or a "
                           f"decimal; {why}: write it without separators")
        own = style
    if own == DOT:
        body = body.replace(".", "").replace(",", ".")
    elif own == COMMA:
        body = body.replace(",", "")
    if not body or not all(c.isdigit() or c == "." for c in body) or body.count(".") > 1:
        raise ValueError(text)
    value = float(body)
    return -value if negative else value


def parse_count(value: object, style: str | None = None, conflict: bool = False) -> int:
    """Return a whole non-negative count; blank is 0.

    >>> parse_count("1,234,567"), parse_count(" 12.0 "), parse_count(None)
    (1234567, 12, 0)
    """
    number = parse_amount(value, style, conflict)
    if number != int(number):
        raise BadValue("E208", "a whole number (no fractions)",
                       "people and items are counted in whole numbers")
    return int(number)


def parse_amount(value: object, style: str | None = None,
                 conflict: bool = False) -> int | float:
    """Return a non-negative count that may hold a fraction (int when whole); blank is 0.

    >>> parse_amount("8,37", "dot"), parse_amount("12.0"), parse_amount(None)
    (8.37, 12, 0)
    """
    if type(value) is int:
        number: float = value
    elif isinstance(value, float):
        number = value
    elif value is None or (isinstance(value, str) and value.strip() in ("", "-")):
        return 0
    elif isinstance(value, str):
        try:
            number = _number_text(value, style, conflict)
        except ValueError as exc:
            if isinstance(exc, BadValue):
                raise
            raise BadValue("E206", "a whole number of people or items",
                           "write digits only, e.g. 1200") from None
    if type(value) not in (int, float, str) or not math.isfinite(number):
        raise BadValue("E206", "a whole number of people or items", "write digits only")
    if number < 0:
        raise BadValue("E207", "a count of 0 or more", "counts cannot be negative")
    return int(number) if number == int(number) else number


def parse_money(value: object, style: str | None = None, conflict: bool = False) -> float | None:
    """Return an amount in USD, or None when blank.

    >>> parse_money("US$ 1.234,50", "dot")
    1234.5
    """
    if value is None or isinstance(value, bool):
        return None if value is None else _bad_money()
    if isinstance(value, (int, float)):
        number = float(value)
    else:
        text = _CURRENCY.sub("", str(value).strip()).strip()
        if text in ("", "-"):
            return None
        try:
            number = _number_text(text, style, conflict)
        except BadValue:
            raise
        except ValueError:
            number = _bad_money()
    if not math.isfinite(number) or number < 0:
        raise BadValue("E214", "an amount in USD of 0 or more", "write the amount, e.g. 1500.50")
    return number


def _bad_money() -> float:
    """Raise the error for an unreadable USD amount."""
    raise BadValue("E214", "an amount in USD", "write the amount with digits, e.g. 1500.50")


def parse_bool(value: object, default: bool) -> bool:
    """Return a Yes/No cell as bool; blank gives ``default``.

    >>> parse_bool("Sí", False), parse_bool(" no ", True), parse_bool(None, True)
    (True, False, True)
    """
    if value is None:
        return default
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)) and value in (0, 1):
        return bool(value)
    key = fold(str(value))
    if key in _YES:
        return True
    if key in _NO:
        return False
    if key == "":
        return default
    raise BadValue("E213", "Yes or No (Sí/No, True/False, 1/0)", "write Yes or No")


def parse_month(value: object) -> str:
    """Return a month cell as "YYYY-MM".

    >>> [parse_month(v) for v in ("2023-11", "Nov-2023", "nov-23", 45231, "2023-11-01")]
    ['2023-11', '2023-11', '2023-11', '2023-11', '2023-11']
    """
    if isinstance(value, (dt.date, dt.datetime)):
        return f"{value.year:04d}-{value.month:02d}"
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _serial_month(value)
    text = str(value or "").strip()
    if text.isascii() and text.isdigit():
        return _serial_month(int(text))
    year, month = _text_month(text)
    if 1900 <= year <= 2199 and 1 <= month <= 12:
        return f"{year:04d}-{month:02d}"
    raise _bad_month()


def _text_month(text: str) -> tuple[int, int]:
    """Return (year, month) read from month text, or (0, 0)."""
    for pattern, y_first in ((_ISO, True), (_M_Y, False)):
        match = pattern.match(text)
        if match:
            a, b = int(match.group(1)), int(match.group(2))
            return (a, b) if y_first else (b, a)
    match = _NAME_Y.match(text)
    if match:
        month = _MONTHS.get(fold(match.group(1)), 0)
        year = int(match.group(2))
        return (year + 2000 if year < 100 else year), month
    return 0, 0


def _serial_month(number: float) -> str:
    """Return the month of an Excel date serial or of a YYYYMM number."""
    if not math.isfinite(number):
        raise _bad_month()
    match = _YYYYMM.match(str(int(number))) if float(number).is_integer() else None
    if match and 1900 <= int(match.group(1)) <= 2199 and 1 <= int(match.group(2)) <= 12:
        return f"{match.group(1)}-{match.group(2)}"
    if 36526 <= number < 73051:  # 2000-01-01 .. 2099-12-31
        day = _EXCEL_EPOCH + dt.timedelta(days=int(number))
        return f"{day.year:04d}-{day.month:02d}"
    raise _bad_month()


def _bad_month() -> BadValue:
    """Return the error for an unreadable month."""
    return BadValue("E210", "a month such as 2023-11, Nov-2023 or a date",
                    "write the month as YYYY-MM, e.g. 2023-11")


def repair_mojibake(text: str) -> str:
    """Return text with double-encoded UTF-8 undone ("CÃ³rdoba" -> "Córdoba").

    ftfy is imported only when the text shows the pattern (UTF-8 bytes read as
    cp1252/Latin-1: "Ã" or "Â" before a continuation character, or "â€"), and it
    changes the text only when it is sure; other text is returned unchanged.

    >>> repair_mojibake("OrientaciÃ³n"), repair_mojibake("Orientación")
    ('Orientación', 'Orientación')
    """
    if not _MOJIBAKE.search(text):
        return text
    from ftfy import fix_encoding

    return fix_encoding(text)


def clean_text(value: object) -> tuple[str, tuple[str, ...]]:
    """Return (text safe for Word XML, issues) where issues name what was changed or seen.

    Issues: "control" (XML-illegal characters removed), "truncated" (over
    MAX_CELL characters), "formula" (looks like a spreadsheet formula; kept as text).

    >>> clean_text("a\\x07b")
    ('ab', ('control',))
    """
    if value is None:
        return "", ()
    if isinstance(value, str):
        text = value
    elif isinstance(value, float) and value.is_integer():
        text = str(int(value))
    elif isinstance(value, (dt.datetime, dt.date)):
        text = value.isoformat()[:10] if not getattr(value, "hour", 0) else value.isoformat()
    else:
        text = str(value)
    issues: list[str] = []
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
        if _ILLEGAL_XML.search(text):
            text, issues = _ILLEGAL_XML.sub("", text), ["control"]
    elif _ILLEGAL_XML.search(text):
        text, issues = _ILLEGAL_XML.sub("", text), ["control"]
    text = text.strip()
    if len(text) > MAX_CELL:
        text = text[:MAX_CELL].rstrip()
        issues.append("truncated")
    if text[:1] in ("=", "+", "-", "@") and _FORMULA.match(text):
        issues.append("formula")
    return text, tuple(issues)
