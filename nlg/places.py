"""Countries and first-level subdivisions (admin1) for 5W validation (pycountry, Babel)."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import pycountry
from babel import Locale

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
def _country_index() -> dict[str, str]:
    """Return folded country names and ISO codes -> ISO alpha-3."""
    index: dict[str, str] = {}
    by_alpha2 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    for locale in ("en", "es"):
        for alpha2, name in Locale.parse(locale).territories.items():
            if alpha2 in by_alpha2:
                index[place_key(name)] = by_alpha2[alpha2]
    for c in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            name = getattr(c, attr, None)
            if name:
                index.setdefault(place_key(name), c.alpha_3)
        index[c.alpha_2.casefold()] = index[c.alpha_3.casefold()] = c.alpha_3
    return index


def country_code(text: str) -> str | None:
    """Return the ISO alpha-3 code of a country cell (code, English or Spanish name), or None.

    >>> country_code("Perú"), country_code("PE"), country_code("Peru"), country_code("Narnia")
    ('PER', 'PER', 'PER', None)
    """
    index = _country_index()
    text = str(text)
    return index.get(place_key(text)) or index.get(place_key(re.split(r"[(,]", text)[0]))


def country_suggestion(text: str) -> str | None:
    """Return the alpha-3 code closest to a wrong report country, or None."""
    import difflib
    found = country_code(text)
    if found:
        return found
    codes = [c.alpha_3 for c in pycountry.countries]
    close = difflib.get_close_matches(str(text).upper(), codes, n=1, cutoff=0.6)
    return close[0] if close else None


def is_alpha3(code: str) -> bool:
    """Return True when code is an ISO 3166-1 alpha-3 code (upper case)."""
    return len(code) == 3 and code.isupper() and pycountry.countries.get(alpha_3=code) is not None


@lru_cache(maxsize=64)
def admin1_names(alpha3: str) -> frozenset[str]:
    """Return folded ISO 3166-2 subdivision names and codes of a country (empty if unknown)."""
    country = pycountry.countries.get(alpha_3=alpha3)
    subs = pycountry.subdivisions.get(country_code=country.alpha_2) if country else None
    names: set[str] = set()
    for sub in subs or ():
        names |= _variants(place_key(sub.name))
        names.add(place_key(sub.code))
    return frozenset(names)


def is_admin1(alpha3: str, text: str) -> bool:
    """Return True when text names a subdivision of the country (or none are known).

    >>> is_admin1("PER", "Ancash"), is_admin1("PER", "Callao"), is_admin1("PER", "Lima Norte")
    (True, True, False)
    """
    names = admin1_names(alpha3)
    return not names or bool(_variants(place_key(text)) & names)
