"""Countries and first-level subdivisions (admin1) for 5W validation.

ISO 3166 codes and the subdivisions of the R4V countries come from
``nlg/data/places.json`` (written from pycountry by tools/make_place_data.py and
checked against it by a test), so drafting does not load pycountry's databases;
pycountry answers for the subdivisions of other countries and official names.
"""
from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from babel import Locale

_DATA = Path(__file__).resolve().parent / "data" / "places.json"

_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_PREFIXES = ("departamento de ", "departamento del ", "department of ", "provincia de ",
             "provincia del ", "region de ", "region del ", "region ", "estado de ",
             "estado ", "municipalidad metropolitana de ", "distrito capital de ")
_SUFFIXES = (" region", " department", " departamento", " province", " provincia",
             " metropolitana", " metropolitan area")
_ARTICLES = ("el ", "la ", "los ", "las ")


def place_key(text: str) -> str:
    """Return a place name folded for matching (accents, case, punctuation, spaces).

    >>> place_key("  Áncash ")
    'ancash'
    """
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return _NON_ALNUM.sub(" ", text.casefold()).strip()


def _variants(key: str) -> set[str]:
    """Return a folded place name and its forms without generic words or article."""
    out = {key}
    for prefix in _PREFIXES:
        if key.startswith(prefix):
            out.add(key[len(prefix):])
    for suffix in _SUFFIXES:
        if key.endswith(suffix):
            out.add(key[: -len(suffix)])
    out |= {k[len(a):] for k in list(out) for a in _ARTICLES if k.startswith(a)}
    return {k for k in out if k}


@lru_cache(maxsize=1)
def _data() -> dict:
    """Return the shipped place data."""
    return json.loads(_DATA.read_text(encoding="utf-8"))


def alpha2(alpha3: str) -> str | None:
    """Return the ISO alpha-2 code of an alpha-3 code, or None.

    >>> alpha2("PER"), alpha2("XXX")
    ('PE', None)
    """
    return _data()["countries"].get(alpha3)


def country_codes() -> list[str]:
    """Return every ISO 3166-1 alpha-3 code."""
    return list(_data()["countries"])


@lru_cache(maxsize=1)
def _country_index() -> dict[str, str]:
    """Return folded country names (English and Spanish, CLDR) and ISO codes -> alpha-3."""
    index: dict[str, str] = {}
    by_alpha2 = {a2: a3 for a3, a2 in _data()["countries"].items()}
    for locale in ("en", "es"):
        for code, name in Locale.parse(locale).territories.items():
            if code in by_alpha2:
                index[place_key(name)] = by_alpha2[code]
    for a2, a3 in by_alpha2.items():
        index[a2.casefold()] = index[a3.casefold()] = a3
    return index


@lru_cache(maxsize=1)
def _official_index() -> dict[str, str]:
    """Return folded ISO official and common names -> alpha-3 (pycountry, loaded on demand)."""
    import pycountry

    index: dict[str, str] = {}
    for c in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            name = getattr(c, attr, None)
            if name:
                index.setdefault(place_key(name), c.alpha_3)
    return index


def country_code(text: str) -> str | None:
    """Return the ISO alpha-3 code of a country cell (code, English or Spanish name), or None.

    >>> country_code("Perú"), country_code("PE"), country_code("Peru"), country_code("Narnia")
    ('PER', 'PER', 'PER', None)
    """
    text = str(text)
    keys = (place_key(text), place_key(re.split(r"[(,]", text)[0]))
    for index in (_country_index(), None):
        index = index if index is not None else _official_index()
        found = next((index[k] for k in keys if k in index), None)
        if found:
            return found
    return None


def country_suggestion(text: str) -> str | None:
    """Return the alpha-3 code closest to a wrong report country, or None."""
    import difflib
    found = country_code(text)
    if found:
        return found
    codes = country_codes()
    close = difflib.get_close_matches(str(text).upper(), codes, n=1, cutoff=0.6)
    return close[0] if close else None


def is_alpha3(code: str) -> bool:
    """Return True when code is an ISO 3166-1 alpha-3 code (upper case)."""
    return len(code) == 3 and code.isupper() and code in _data()["countries"]


@lru_cache(maxsize=64)
def admin1_names(alpha3: str) -> frozenset[str]:
    """Return folded ISO 3166-2 subdivision names and codes of a country (empty if unknown)."""
    shipped = _data()["admin1"].get(alpha3)
    if shipped is None:
        import pycountry

        code = alpha2(alpha3)
        subs = pycountry.subdivisions.get(country_code=code) if code else None
        shipped = [(sub.name, sub.code) for sub in subs or ()]
    names: set[str] = set()
    for name, code in shipped:
        names |= _variants(place_key(name))
        names.add(place_key(code))
    return frozenset(names)


def is_admin1(alpha3: str, text: str) -> bool:
    """Return True when text names a subdivision of the country (or none are known).

    >>> is_admin1("PER", "Ancash"), is_admin1("PER", "Callao"), is_admin1("PER", "Lima Norte")
    (True, True, False)
    """
    names = admin1_names(alpha3)
    return not names or bool(_variants(place_key(text)) & names)
