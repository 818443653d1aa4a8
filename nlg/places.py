"""Countries and first-level subdivisions (admin1) for 5W validation.

ISO 3166 codes and the subdivisions of the R4V countries come from
``nlg/data/places.json`` (written from pycountry by tools/make_place_data.py and
checked against it by a test), so drafting does not load pycountry's databases;
pycountry answers for the subdivisions of other countries and official names.

R4V's own admin1 list (``nlg/data/r4v-admin1.csv``, the platforms' names with
their codes: "Bogotá D.C.", "Metropolitana", "Coahuila") comes first: an admin1
cell is matched against it and ISO 3166-2 ignoring accents, case, punctuation,
spaces and a bracketed part ("Junin", "Bogota DC", "Madre De Dios",
"Metropolitana (Xiii)"), and :func:`admin1_match` returns the official spelling:
R4V's name, with ISO's accents and capitals when the two differ only in those
("San Martin" -> "San Martín"), else the ISO name. A cell naming the country
itself, "Country level", "Nacional" ... is a national row.
"""
from __future__ import annotations

import csv
import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from babel import Locale

_DATA = Path(__file__).resolve().parent / "data" / "places.json"
_R4V_ADMIN1 = Path(__file__).resolve().parent / "data" / "r4v-admin1.csv"
_BRACKETS = re.compile(r"\([^)]*\)|\[[^\]]*\]")
#: Folded admin1 cells that mean "the whole country" (besides the country's own name).
NATIONAL_WORDS = frozenset((
    "country level", "country", "countrywide", "nationwide", "national", "national level",
    "nacional", "nivel nacional", "a nivel nacional", "nivel pais", "a nivel pais",
    "nivel de pais", "pais", "todo el pais", "whole country", "all country"))

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
    """Return folded country names (CLDR, in every document language) and ISO codes -> alpha-3."""
    from nlg.lang import CODES, module

    index: dict[str, str] = {}
    by_alpha2 = {a2: a3 for a3, a2 in _data()["countries"].items()}
    for locale in sorted({module(code).NUMBER_LOCALE for code in CODES}):
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
    """Return True when text names a subdivision of the country, or the whole country
    (or when no subdivisions are known), per R4V's admin1 list and ISO 3166-2.

    >>> is_admin1("PER", "Ancash"), is_admin1("PER", "Callao"), is_admin1("PER", "Lima Norte")
    (True, True, False)
    """
    return admin1_match(alpha3, text).known


@dataclass(frozen=True)
class Admin1Match:
    """What an admin1 cell names in a country.

    ``name``: the official spelling ("" for a national row, the text as written
    when unknown); ``national``: the row is about the whole country; ``known``:
    found in R4V's list or ISO 3166-2 (or national); ``respelled``: known, but
    written as another name, not only with other accents, capitals or
    punctuation ("Lima Metropolitana" -> "Lima", "Bogota" -> "Bogotá D.C.").
    """

    name: str
    national: bool = False
    known: bool = True
    respelled: bool = False


def _match_keys(text: str) -> set[str]:
    """Return the compact match keys of a place name (no spaces, with and without brackets)."""
    keys = set()
    for form in {text, _BRACKETS.sub(" ", text)}:
        keys |= {v.replace(" ", "") for v in _variants(place_key(form))}
    return {k for k in keys if k}


@lru_cache(maxsize=1)
def _r4v_admin1() -> dict[str, list[tuple[str, str]]]:
    """Return alpha-3 -> [(R4V admin1 name, R4V code)] from the shipped R4V list."""
    out: dict[str, list[tuple[str, str]]] = {}
    with _R4V_ADMIN1.open(encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            code = _country_index().get(place_key(row["Country"]))  # "Regional" is none
            if code:
                out.setdefault(code, []).append((row["Admin1"].strip(), row["ISOCode"].strip()))
    return out


def _iso_admin1(alpha3: str) -> list[tuple[str, str]]:
    """Return [(ISO 3166-2 name, code)] of a country (shipped data, else pycountry)."""
    shipped = _data()["admin1"].get(alpha3)
    if shipped is None:
        import pycountry

        code = alpha2(alpha3)
        subs = pycountry.subdivisions.get(country_code=code) if code else None
        shipped = [(sub.name, sub.code) for sub in subs or ()]
    return [tuple(pair) for pair in shipped]


def _iso_twin(name: str, code: str, iso: list[tuple[str, str]]) -> str | None:
    """Return the ISO name of an R4V entry: same code, same key, or ISO name extending it."""
    key = place_key(name)
    by_code = dict((c, n) for n, c in iso)
    if code in by_code:
        return by_code[code]
    same = [n for n, _ in iso if place_key(n) == key or key in _variants(place_key(n))]
    longer = [n for n, _ in iso if place_key(n).startswith(key + " ")]
    found = same or longer
    return found[0] if len(found) == 1 else None


@lru_cache(maxsize=64)
def _admin1_index(alpha3: str) -> tuple[dict[str, tuple[str, bool]], frozenset[str]]:
    """Return match key -> (official name, national), and the official spellings as written."""
    iso = _iso_admin1(alpha3)
    index: dict[str, tuple[str, bool]] = {}
    spellings: set[str] = set()
    iso_shown: dict[str, str] = {}
    for name, code in _r4v_admin1().get(alpha3, ()):
        twin = _iso_twin(name, code, iso)
        shown = twin if twin and place_key(twin) == place_key(name) else name
        national = "-" not in code
        spellings |= {name, shown}
        for key in _match_keys(name) | (_match_keys(twin) if twin else set()):
            index.setdefault(key, ("" if national else shown, national))
        if twin:
            iso_shown[twin] = shown
    for name, code in iso:
        spellings.add(name)
        entry = (iso_shown.get(name, name), False)
        for key in _match_keys(name) | {place_key(code).replace(" ", "")}:
            index.setdefault(key, entry)
    return index, frozenset(spellings)


@lru_cache(maxsize=4096)
def admin1_match(alpha3: str, text: str) -> Admin1Match:
    """Return what an admin1 cell names in a country (see :class:`Admin1Match`).

    >>> admin1_match("COL", "Bogota D.C.")
    Admin1Match(name='Bogotá D.C.', national=False, known=True, respelled=False)
    >>> admin1_match("PER", "Peru")
    Admin1Match(name='', national=True, known=True, respelled=False)
    >>> admin1_match("PER", "San Martin").name, admin1_match("PER", "Lima Norte").known
    ('San Martín', False)
    """
    text = " ".join(str(text).split())
    if not text:
        return Admin1Match("", known=False)
    key = place_key(text)
    if key in NATIONAL_WORDS or (len(key) > 3 and _country_index().get(key) == alpha3):
        return Admin1Match("", national=True)
    index, spellings = _admin1_index(alpha3)
    if not index:
        return Admin1Match(text)        # no list for the country: nothing to check against
    for k in sorted(_match_keys(text), key=lambda k: (-len(k), k)):
        if k in index:
            name, national = index[k]
            other = text not in spellings and place_key(text) != place_key(name)
            return Admin1Match(name, national, True, other and not national)
    return Admin1Match(text, known=False)


@lru_cache(maxsize=1)
def _admin1_terms() -> dict[str, str]:
    with (Path(__file__).parent / "data" / "admin1_terms.json").open(encoding="utf-8") as handle:
        return {k: v for k, v in json.load(handle).items() if not k.startswith("_")}


def admin1_term(alpha3: str) -> str:
    """The lexicon noun key of what ``alpha3`` calls its admin1s (nlg/data/admin1_terms.json).

    >>> admin1_term("BOL"), admin1_term("ECU"), admin1_term("XXX")
    ('admin1_departments', 'admin1_provinces', 'admin1_regions')
    """
    return _admin1_terms().get(alpha3, "admin1_regions")
