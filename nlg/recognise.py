"""Recognise sectors, indicators and activities from the labels an export carries.

Matching is on a normalised key: lower case, accents removed, punctuation and
the "#", "N°", "Nº", "No." prefixes dropped, spaces collapsed. Indicators are
recognised in this order: by code (a code column or a code in front of the
text), by exact normalised text or alias, then by similarity: the best entry
whose ``difflib`` ratio reaches :data:`SIMILARITY` (0.85), which tolerates the
small rewordings between planning years ("programs" / "programmes",
"specialized" / "specialised", an added "from Venezuela").
"""
from __future__ import annotations

import difflib
import functools
import re
import unicodedata
from dataclasses import dataclass

from nlg.phrasebank import Phrasebank

SIMILARITY = 0.85
_PREFIX = re.compile(r"^(?:#|n\s*[°ºo]\.?(?=\s)|n[°º]|no\.)\s*")
_NONWORD = re.compile(r"[^\w]+")
_CODE = re.compile(r"^\s*([A-Z]{2,4}(?:-[A-Z]{1,6}\d+[A-Z]?)(?:_[A-Z]{2,3})?)\b", re.I)


def normalise(text: str) -> str:
    """Return the matching key of a label.

    >>> normalise("  N° de personas que reciben asistencia  ")
    'de personas que reciben asistencia'
    >>> normalise("Protección (VBG)")
    'proteccion vbg'
    >>> normalise("# of individuals receiving food assistance")
    'of individuals receiving food assistance'
    """
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
class Recogniser:
    """Lookup tables built once per phrasebank."""

    sectors: dict[str, str]
    texts: dict[str, str]
    activities: dict[tuple[str, str], str]
    codes: frozenset[str]

    def sector(self, label: str) -> str:
        """Return the sector code for an export's sector label, or ''."""
        return self.sectors.get(normalise(label), "")

    def indicator(self, code: str, label: str) -> str:
        """Return the entry id for an indicator code and/or text, or ''."""
        code = code.upper()
        if code in self.codes:
            return code
        if not code:
            code, label = split_code(label)
            if code in self.codes:
                return code
        return _by_text(self, normalise(label))

    def activity(self, entry: str, name: str) -> str:
        """Return the known activity id of ``name`` under ``entry``, or ''."""
        return self.activities.get((entry, normalise(name)), "")


@functools.lru_cache(maxsize=4096)
def _similar(texts_key: int, key: str, candidates: tuple[str, ...]) -> str:
    best = difflib.get_close_matches(key, candidates, n=1, cutoff=SIMILARITY)
    return best[0] if best else ""


def _by_text(rec: Recogniser, key: str) -> str:
    if not key:
        return ""
    if key in rec.texts:
        return rec.texts[key]
    match = _similar(id(rec.texts), key, tuple(rec.texts))
    return rec.texts[match] if match else ""


@functools.lru_cache(maxsize=8)
def recogniser(bank: Phrasebank) -> Recogniser:
    """Return the :class:`Recogniser` of a phrasebank (cached)."""
    sectors = {}
    for code, sector in bank.sectors.items():
        for name in (code, *sector.names.values(), *sector.short.values(), *sector.aliases):
            sectors.setdefault(normalise(name), code)
    texts = {}
    for eid, entry in bank.entries.items():
        for text in (*entry.texts, *entry.aliases):
            texts.setdefault(normalise(text), eid)
    activities = {(a.entry, normalise(alias)): aid
                  for aid, a in bank.activities.items() for alias in a.aliases}
    return Recogniser(sectors, texts, activities, frozenset(bank.entries))
