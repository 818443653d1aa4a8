"""The official RMRP indicator catalogues, shipped as data (``nlg/data/catalogues/``).

One CSV per planning cycle (2021 and 2023-2024 built from R4V's files by
``tools/build_catalogues.py``; ``rmrp-2022.csv`` is kept by hand: the 2022 catalogue is not among
R4V's published files, so it holds the 2022 texts seen in real exports, a lower-case key in place
of the code, and a type inferred from the text -- partial by design, documented in
docs/methodology.md):
code, cycle, sector, type, official_type, unit, text_en, text_es. ``type`` is the
catalogue's indicator type in one vocabulary across cycles:

- ``direct``: Direct Assistance (2023-2024) / ``Pin`` (2021): counted in people reached;
- ``people``: 2021 ``People``: people, but not assistance (trainings, awareness);
- ``capacity``, ``campaign``, ``mechanism``, ``infrastructure``, ``other``.

An export's indicator is identified by its exact normalised text (English or Spanish);
the code only confirms, because R4V reuses codes with other meanings across cycles
(RE-FS1, RE-HE2 ...): a code whose text disagrees never wins. A text that is only
similar (difflib ratio >= :data:`SIMILARITY`) is returned as ``how="similar"`` so the
caller flags it; it is never taken silently. See docs/methodology.md.
"""
from __future__ import annotations

import csv
import difflib
import functools
import re
import unicodedata
from dataclasses import dataclass
from importlib import resources

SIMILARITY = 0.85
TYPES = ("direct", "people", "capacity", "campaign", "mechanism", "infrastructure", "other")
PEOPLE_TYPES = ("direct", "people", "capacity")
_PREFIX = re.compile(r"^(?:#|n\s*[°ºo]\.?(?=\s)|n[°º]|no\.)\s*")
_NONWORD = re.compile(r"[^\w]+")
_CODE = re.compile(r"^\s*([A-Z]{2,4}(?:-[A-Z]{1,6}\d+[A-Z]?)(?:_[A-Z]{2,3})?)\b", re.IGNORECASE)


def normalise(text: str) -> str:
    """Return the matching key of a label.

    >>> normalise("  N° de personas que reciben asistencia  ")
    'de personas que reciben asistencia'
    >>> normalise("Protección (VBG)")
    'proteccion vbg'
    >>> normalise("# of individuals receiving food assistance")
    'of individuals receiving food assistance'
    """
    return _normalise(text)


@functools.lru_cache(maxsize=1 << 16)
def _normalise(text: str) -> str:
    """Return :func:`normalise` of ``text`` (cached: an export repeats a few labels per row)."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower().strip()
    text = _PREFIX.sub("", text)
    return _NONWORD.sub(" ", text).replace("_", " ").strip()


def split_code(label: str) -> tuple[str, str]:
    """Return (code, text) when ``label`` starts with an indicator code.

    >>> split_code("RE-FS1 # of individuals receiving food assistance")
    ('RE-FS1', '# of individuals receiving food assistance')
    >>> split_code("RE-HE10_PER: N° de personas")
    ('RE-HE10_PER', 'N° de personas')
    >>> split_code("# of persons")
    ('', '# of persons')
    """
    match = _CODE.match(label)
    if not match:
        return "", label.strip()
    return match.group(1).upper(), label[match.end():].lstrip(" :-–").strip()


@dataclass(frozen=True)
class Indicator:
    """One indicator of one planning cycle's catalogue."""

    code: str
    cycle: str          # "2021", "2023-2024" ...
    sector: str         # the catalogue's sector/sub-sector name
    type: str           # one of TYPES
    official_type: str  # as the catalogue writes it
    unit: str
    text_en: str
    text_es: str

    @property
    def ref(self) -> str:
        """The id phrasebank entries use: ``cycle/code``."""
        return f"{self.cycle}/{self.code}"

    @property
    def counts_people(self) -> bool:
        """True when its rows count in people reached and people assisted."""
        return self.type == "direct"

    @property
    def text(self) -> str:
        return self.text_en or self.text_es

    def years(self) -> tuple[int, ...]:
        first, _, last = self.cycle.partition("-")
        return tuple(range(int(first), int(last or first) + 1))


@dataclass(frozen=True)
class Match:
    """How an export's indicator was identified."""

    indicator: Indicator | None
    how: str                  # "text" | "code" | "similar" | "none"
    code_conflict: bool = False   # the row's code names another catalogue indicator


NO_MATCH = Match(None, "none")


@dataclass(frozen=True, eq=False)
class Catalogue:
    """All shipped cycles, indexed by normalised text and by code."""

    indicators: tuple[Indicator, ...]

    @functools.cached_property
    def _by_text(self) -> dict[str, tuple[Indicator, ...]]:
        index: dict[str, list[Indicator]] = {}
        for ind in self.indicators:
            for text in {normalise(ind.text_en), normalise(ind.text_es)} - {""}:
                index.setdefault(text, []).append(ind)
        return {k: tuple(v) for k, v in index.items()}

    @functools.cached_property
    def _by_code(self) -> dict[str, tuple[Indicator, ...]]:
        index: dict[str, list[Indicator]] = {}
        for ind in self.indicators:
            if ind.code and not ind.code.islower():   # rmrp-2022.csv keys are not R4V codes
                index.setdefault(ind.code.upper(), []).append(ind)
        return {k: tuple(v) for k, v in index.items()}

    @functools.cached_property
    def by_ref(self) -> dict[str, Indicator]:
        return {ind.ref: ind for ind in self.indicators}

    def cycles(self) -> tuple[str, ...]:
        return tuple(sorted({ind.cycle for ind in self.indicators}))

    def identify(self, code: str, label: str, year: int | None = None) -> Match:
        """Identify an export's indicator from its code column and/or its text."""
        return _identify(self, code.strip().upper(), label, year)


def _pick(candidates: tuple[Indicator, ...], year: int | None) -> Indicator:
    """The candidate of the report year's cycle, else the newest."""
    if year is not None:
        for ind in candidates:
            if year in ind.years():
                return ind
    return max(candidates, key=lambda ind: ind.cycle)


@functools.lru_cache(maxsize=8192)
def _identify(cat: Catalogue, code: str, label: str, year: int | None) -> Match:
    lead, text = split_code(label)
    code = code or lead
    key = normalise(text)
    coded = cat._by_code.get(code, ()) if code else ()
    if key and key in cat._by_text:
        found = _pick(cat._by_text[key], year)
        return Match(found, "text", code_conflict=bool(coded) and code != found.code.upper())
    if coded and not key:
        return Match(_pick(coded, year), "code")
    if key:
        close = difflib.get_close_matches(key, list(cat._by_text), n=1, cutoff=SIMILARITY)
        if close:
            return Match(_pick(cat._by_text[close[0]], year), "similar",
                         code_conflict=bool(coded) and code not in
                         {i.code.upper() for i in cat._by_text[close[0]]})
    if coded:
        # a code with an unknown text: the code alone does not decide (codes are reused)
        return Match(_pick(coded, year), "similar", code_conflict=False)
    return NO_MATCH


def read(text: str) -> tuple[Indicator, ...]:
    """Parse one catalogue CSV."""
    rows = csv.DictReader(text.splitlines())
    return tuple(Indicator(**{k: (v or "").strip() for k, v in row.items()}) for row in rows)


@functools.lru_cache(maxsize=1)
def shipped() -> Catalogue:
    """The catalogues shipped in ``nlg/data/catalogues``."""
    folder = resources.files("nlg") / "data" / "catalogues"
    found: list[Indicator] = []
    for item in sorted(folder.iterdir(), key=lambda p: p.name):
        if item.name.endswith(".csv"):
            found.extend(read(item.read_text(encoding="utf-8")))
    return Catalogue(tuple(found))
