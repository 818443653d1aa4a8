"""Recognise sectors, indicators and activities from the labels an export carries.

Matching is on a normalised key (:func:`nlg.catalogue.normalise`): lower case, accents
removed, punctuation and the "#", "N°", "Nº", "No." prefixes dropped, spaces collapsed.
An indicator is recognised, in this order (docs/methodology.md, "Which indicator a row is"):

1. by its exact text (English or Spanish) in a shipped RMRP catalogue -- the code only
   confirms, a code whose text disagrees never wins -- then the phrasebank entry that lists
   that catalogue indicator (``how="text"``; ``"code"`` when the row has a code and no text);
2. by an exact alias of a phrasebank entry (indicators in no catalogue, ``how="alias"``);
3. by a code equal to the id of a phrasebank entry in no catalogue (``how="code"``);
4. by a similar catalogue text, else a similar alias (difflib ratio >= 0.85): ``how="similar"``,
   always flagged for review, never taken silently.
"""
from __future__ import annotations

import difflib
import functools
from dataclasses import dataclass

from nlg.catalogue import (
    SIMILARITY,
    Catalogue,
    Indicator,
    Match,
    normalise,
    shipped,
    split_code,
)
from nlg.phrasebank.bank import Phrasebank

__all__ = ["Recognised", "Recogniser", "normalise", "recogniser", "split_code"]


@dataclass(frozen=True)
class Recognised:
    """What one row's indicator is."""

    entry: str                      # phrasebank entry id, "" when none narrates it
    indicator: Indicator | None     # the catalogue indicator, when identified
    how: str                        # "text" | "code" | "alias" | "similar" | "none"
    code_conflict: bool = False

    @property
    def official(self) -> bool:
        """True when the indicator is exactly an official catalogue indicator."""
        return self.indicator is not None and self.how in ("text", "code")

    def counts_people(self, kind: str) -> bool:
        """True when its rows count in people reached (``kind``: the entry's own type)."""
        if self.official:
            return self.indicator.counts_people    # type: ignore[union-attr]
        return bool(self.entry) and self.how in ("alias", "code") and kind == "direct"


@dataclass(frozen=True, eq=False)
class Recogniser:
    """Lookup tables built once per phrasebank."""

    sectors: dict[str, str]
    texts: dict[str, str]                     # alias key -> entry id
    activities: dict[tuple[str, str], str]
    codes: frozenset[str]                     # entry ids an export may carry as a code
    refs: dict[str, str]                      # catalogue ref -> entry id
    catalogue: Catalogue

    def sector(self, label: str) -> str:
        """Return the sector code for an export's sector label, or ''."""
        return self.sectors.get(normalise(label), "")

    def identify(self, code: str, label: str, year: int | None = None) -> Recognised:
        """Return what a row's indicator code and/or text is (module docstring)."""
        return _identify(self, code.strip().upper(), label, year)

    def indicator(self, code: str, label: str, year: int | None = None) -> str:
        """Return the entry id for an indicator code and/or text, or ''."""
        return self.identify(code, label, year).entry

    def activity(self, entry: str, name: str) -> str:
        """Return the known activity id of ``name`` under ``entry``, or ''."""
        return self.activities.get((entry, normalise(name)), "")


@functools.lru_cache(maxsize=16384)
def _identify(rec: Recogniser, code: str, label: str, year: int | None) -> Recognised:
    match: Match = rec.catalogue.identify(code, label, year)
    lead, text = split_code(label)
    if match.how in ("text", "code") and match.indicator is not None:
        return Recognised(rec.refs.get(match.indicator.ref, ""), match.indicator, match.how,
                          match.code_conflict)
    key = normalise(text)
    if key in rec.texts:
        return Recognised(rec.texts[key], None, "alias")
    own = code or lead
    if own in rec.codes and not key:
        return Recognised(own, None, "code")
    if own in rec.codes and match.how == "none":
        return Recognised(own, None, "code")
    if match.indicator is not None:
        return Recognised(rec.refs.get(match.indicator.ref, ""), match.indicator, "similar",
                          match.code_conflict)
    close = difflib.get_close_matches(key, list(rec.texts), n=1, cutoff=SIMILARITY) if key else []
    if close:
        return Recognised(rec.texts[close[0]], None, "similar")
    return Recognised("", None, "none")


@functools.lru_cache(maxsize=8)
def recogniser(bank: Phrasebank) -> Recogniser:
    """Return the :class:`Recogniser` of a phrasebank (cached)."""
    sectors: dict[str, str] = {}
    for code, sector in bank.sectors.items():
        for name in (code, *sector.names.values(), *sector.short.values(), *sector.aliases):
            sectors.setdefault(normalise(name), code)
    texts: dict[str, str] = {}
    refs: dict[str, str] = {}
    for eid, entry in bank.entries.items():
        for text in entry.aliases:
            texts.setdefault(normalise(text), eid)
        for ref in entry.catalogue:
            refs.setdefault(ref, eid)
    activities = {(a.entry, normalise(alias)): aid
                  for aid, a in bank.activities.items() for alias in a.aliases}
    catalogue = shipped()
    official = {ind.code.upper() for ind in catalogue.indicators if ind.code}
    # a platform's own code (RE-PRCP2_PER) stays a code when its entry also narrates a catalogue indicator
    codes = frozenset(eid for eid, e in bank.entries.items() if not e.catalogue
                      or (split_code(eid)[0] == eid.upper() and eid.upper() not in official))
    return Recogniser(sectors, texts, activities, codes, refs, catalogue)
