"""Lint sectors.yaml, indicators.yaml and activities.yaml (keys, values, references, ambiguity)."""
from __future__ import annotations

import difflib
from typing import Any

from nlg.catalogue import SIMILARITY, TYPES, normalise, shipped, split_code
from nlg.errors import did_you_mean
from nlg.lint.base import (
    ACTIVITIES,
    INDICATORS,
    LANG_NAMES,
    SECTORS,
    At,
    Bank,
    items,
    lexicon,
    ref,
    shape,
    texts,
    unknown_keys,
)
from nlg.lint.yamlcheck import MarkedMap
from nlg.model import Lang, Measure, Precision, Problem

#: A sector's name (headings) and short name (table headers) by language code, and its data.
NAME_KEYS = tuple(lang.value for lang in Lang) + tuple(f"short_{lang.value}" for lang in Lang)
SECTOR_KEYS = (*NAME_KEYS, "aliases", "parent", "sensitive")
ENTRY_KEYS = ("sector", "catalogue", "type", "measure", "precision", "noun", "group", "priority",
              "follows", "aliases")
ACTIVITY_KEYS = ("entry", "noun", "aliases", "priority")
ENUMS = {"measure": tuple(m.value for m in Measure), "precision": tuple(p.value for p in Precision),
         "type": TYPES}
#: Noun keys the pipeline falls back on (nlg/content/plan.py): every lexicon needs them.
DEFAULT_NOUNS = ("refugees_migrants", "people", "output_units")


def check(bank: Bank) -> list[Problem]:
    """Return the findings of the three language-neutral files."""
    return _sectors(bank) + _indicators(bank) + _activities(bank)


def _sectors(bank: Bank) -> list[Problem]:
    at, out = At(bank, SECTORS), []
    if bank.readable(SECTORS):
        out += shape(at, 1, "sectors", bank.data[SECTORS].get("sectors"), dict, "'sectors'")
    sectors = bank.section(SECTORS, "sectors")
    for code, d, line in items(sectors):
        out += shape(at, line, code, d, dict, "a sector")
        if not isinstance(d, MarkedMap):
            continue
        out += unknown_keys(at, code, d, SECTOR_KEYS, "a sector")
        for lang in Lang:
            key = lang.value
            if not isinstance(d.get(key), str) or not d.get(key).strip():
                out.append(at.error("E307", d.line_of(key) or line, code,
                                    f"the sector needs its {LANG_NAMES[lang]} name in '{key}'",
                                    hint=f"e.g. {key}: <the sector's name in {LANG_NAMES[lang]}>"))
        parent = ref(d.get("parent"))
        if parent is not None and (parent not in sectors or parent == code):
            out.append(at.error("E328", d.line_of("parent"), code, f"unknown parent sector {parent!r}"
                                + did_you_mean(str(parent), sectors), hint="use a sector code of this file"))
        elif parent is not None and isinstance(sectors[parent], dict) and sectors[parent].get("parent"):
            out.append(at.error("E328", d.line_of("parent"), code,
                                f"parent {parent!r} is itself a sub-sector", hint="use a top-level sector"))
    return out + _ambiguous_sectors(at, sectors)


def _ambiguous_sectors(at: At, sectors: MarkedMap) -> list[Problem]:
    seen: dict[str, tuple[str, int]] = {}
    out = []
    for code, d, line in items(sectors):
        if not isinstance(d, MarkedMap):
            continue
        names = [(code, line)] + [(d.get(k), d.line_of(k)) for k in NAME_KEYS]
        names += [(v, ln or d.line_of("aliases")) for _, v, ln in texts(d.get("aliases"))]
        for name, ln in names:
            if not isinstance(name, str):
                continue
            key = normalise(name)
            other = seen.setdefault(key, (code, ln))
            if other[0] != code:
                out.append(at.error("E329", ln, code, f"the label {name!r} also names sector {other[0]} "
                                    f"(line {other[1]}): an export's sector would be ambiguous",
                                    hint="keep the label under one sector only"))
    return out


def _indicators(bank: Bank) -> list[Problem]:
    at, out = At(bank, INDICATORS), []
    if bank.readable(INDICATORS):
        out += shape(at, 1, "indicators", bank.data[INDICATORS].get("indicators"), dict, "'indicators'")
    entries = bank.section(INDICATORS, "indicators")
    for eid, d, line in items(entries):
        out += shape(at, line, eid, d, dict, "an indicator entry")
        if isinstance(d, MarkedMap):
            out += _entry(bank, at, str(eid), d, line, entries)
    return out + _ambiguous_texts(at, entries) + _close_texts(at, entries) + _claims(at, entries)


def _claims(at: At, entries: MarkedMap) -> list[Problem]:
    """Every catalogue reference exists and is narrated by one entry only."""
    known = shipped().by_ref
    seen: dict[str, str] = {}
    out = []
    for eid, d, line in items(entries):
        if not isinstance(d, MarkedMap):
            continue
        for _, ref_, ln in texts(d.get("catalogue")):
            if not isinstance(ref_, str):
                out.append(at.error("E340", ln or d.line_of("catalogue") or line, eid,
                                    f"catalogue: expected cycle/code, got {ref_!r}",
                                    hint="e.g. catalogue: [2023-2024/RE-ED1]"))
            elif ref_ not in known:
                out.append(at.error("E340", ln or d.line_of("catalogue") or line, eid,
                                    f"catalogue: {ref_!r} is no indicator of the shipped catalogues"
                                    + did_you_mean(str(ref_), known),
                                    hint="write cycle/code, e.g. 2023-2024/RE-ED1 (nlg/data/catalogues)"))
            elif seen.setdefault(ref_, eid) != eid:
                out.append(at.error("E342", ln or d.line_of("catalogue") or line, eid,
                                    f"{ref_} is already narrated by entry {seen[ref_]}",
                                    hint="one catalogue indicator, one entry"))
    missing = [ref_ for ref_ in known if ref_ not in seen]
    if seen and missing:    # a phrasebank that narrates the catalogues narrates all of them
        out.append(at.error("E343", entries.line or 1, "indicators",
                            f"{len(missing)} official catalogue indicator(s) have no entry: "
                            + ", ".join(missing[:8]) + (" …" if len(missing) > 8 else ""),
                            hint="give each an entry (catalogue: [cycle/code]); "
                                 "`sitrep phrasebank coverage` lists them all"))
    return out


def _entry(bank: Bank, at: At, eid: str, d: MarkedMap, line: int, entries: MarkedMap) -> list[Problem]:
    sectors = bank.section(SECTORS, "sectors")
    out = unknown_keys(at, eid, d, ENTRY_KEYS, "an indicator entry")
    sector = ref(d.get("sector"))
    if sector is None:
        out.append(at.error("E307", line, eid, "the entry has no 'sector'", hint="e.g. sector: EDU"))
    elif bank.readable(SECTORS) and sector not in sectors:
        out.append(at.error("E328", d.line_of("sector"), eid, f"unknown sector code {sector!r}"
                            + did_you_mean(str(sector), sectors), hint="use a code from sectors.yaml"))
    for key, allowed in ENUMS.items():
        if key in d and d[key] not in allowed:
            out.append(at.error("E326", d.line_of(key), eid, f"{key} {d[key]!r} is not valid"
                                + did_you_mean(str(d[key]), allowed),
                                hint=f"{key}: one of " + ", ".join(allowed)))
    if "priority" in d and (not isinstance(d["priority"], int) or isinstance(d["priority"], bool)):
        out.append(at.error("E326", d.line_of("priority"), eid,
                            f"priority {d['priority']!r} is not a whole number",
                            hint="e.g. priority: 1 (higher is narrated first; default 0)"))
    for key in ("catalogue", "aliases"):
        if key in d and not isinstance(d[key], (list, str)):
            out += shape(at, d.line_of(key), eid, d[key], list, key)
    if not d.get("catalogue") and "type" not in d:
        out.append(at.error("E341", line, eid, "an entry in no catalogue needs its 'type'",
                            hint="list the official indicator (catalogue: [2023-2024/RE-ED1]) or give "
                                 "type: direct | people | capacity | campaign | mechanism | "
                                 "infrastructure | other"))
    if not d.get("catalogue") and not d.get("aliases") and split_code(eid)[0] != eid.upper():
        out.append(at.warning("W335", line, eid, "this entry can only be recognised by its id as a code, "
                              "and the id cannot be read in front of an indicator text",
                              hint="list its catalogue indicator or its aliases"))
    out += _nouns(bank, at, eid, d, ("noun", "group"))
    return out + _follows(bank, at, eid, d, entries)


def _nouns(bank: Bank, at: At, eid: str, d: MarkedMap, keys: tuple[str, ...]) -> list[Problem]:
    out = []
    for key in keys:
        noun = ref(d.get(key, "refugees_migrants"))
        for lang in Lang:
            nouns = bank.section(lexicon(lang), "nouns")
            if bank.readable(lexicon(lang)) and noun not in nouns:
                out.append(at.error("E320", d.line_of(key) if key in d else d.line, eid,
                                    f"{key} {noun!r} is not in {lexicon(lang)}"
                                    + did_you_mean(str(noun), nouns),
                                    hint=f"add it under 'nouns:' in {lexicon(lang)} "
                                         "(see phrasebanks/README.md)"))
    return out


def _follows(bank: Bank, at: At, eid: str, d: MarkedMap, entries: MarkedMap) -> list[Problem]:
    target = ref(d.get("follows"))
    if target is None:
        return []
    line = d.line_of("follows")
    if target == eid or target not in entries:
        return [at.error("E327", line, eid, f"follows {target!r}, which is not another entry"
                         + did_you_mean(str(target), [e for e in entries if e != eid]),
                         hint="follows names the entry whose bullet this one completes")]
    other = entries[target] if isinstance(entries[target], dict) else {}
    if other.get("follows"):
        return [at.error("E327", line, eid, f"follows {target}, which itself follows {other['follows']}: "
                         "chained follow-ups are never narrated", hint=f"use follows: {other['follows']}")]
    top = _top(bank, ref(d.get("sector"))), _top(bank, ref(other.get("sector")))
    if None not in top and top[0] != top[1]:
        return [at.error("E327", line, eid,
                         f"follows {target} of sector {top[1]}, but this entry is in {top[0]}",
                         hint="a follow-up sentence must stay within its sector's heading")]
    return []


def _top(bank: Bank, code: Any) -> str | None:
    sector = bank.section(SECTORS, "sectors").get(code)
    if not isinstance(sector, dict):
        return None
    return sector.get("parent") or code


def _ambiguous_texts(at: At, entries: MarkedMap) -> list[Problem]:
    seen: dict[str, tuple[str, int]] = {}
    out = []
    for eid, d, _line in items(entries):
        if not isinstance(d, MarkedMap):
            continue
        for key in ("aliases",):
            for _, text, ln in texts(d.get(key)):
                if not isinstance(text, str) or not normalise(text):
                    out.append(at.error("E307", ln or d.line_of(key), eid,
                                        f"{key}: expected text, got {text!r}",
                                        hint="write the wording in quotes"))
                    continue
                other = seen.setdefault(normalise(text), (eid, ln))
                if other[0] != eid:
                    out.append(at.error("E329", ln, eid, f"this wording also recognises {other[0]} "
                                        f"(line {other[1]}): recognition would be ambiguous",
                                        value=text, hint="keep each wording under one entry only"))
    return out


def _close_texts(at: At, entries: MarkedMap) -> list[Problem]:
    """Return warnings for wordings of two entries so alike that a reworded text may match either."""
    found = [(eid, normalise(t), ln) for eid, d, _ in items(entries) if isinstance(d, MarkedMap)
             for key in ("aliases",) for _, t, ln in texts(d.get(key)) if isinstance(t, str)]
    out = []
    for i, (a, x, _) in enumerate(found):
        for b, y, ln in found[i + 1:]:
            matcher = difflib.SequenceMatcher(None, x, y)
            if a != b and x != y and matcher.quick_ratio() >= SIMILARITY and matcher.ratio() >= SIMILARITY:
                out.append(at.warning("W338", ln, b, f"this wording is {matcher.ratio():.0%} like one of "
                                      f"{a}: a reworded export text could be recognised as either",
                                      hint="make the wordings more distinct or rely on codes"))
    return out


def _activities(bank: Bank) -> list[Problem]:
    at, out = At(bank, ACTIVITIES), []
    entries = bank.section(INDICATORS, "indicators")
    seen: dict[tuple[str, str], tuple[str, int]] = {}
    for aid, d, line in items(bank.section(ACTIVITIES, "activities")):
        out += shape(at, line, aid, d, dict, "an activity")
        if not isinstance(d, MarkedMap):
            continue
        out += unknown_keys(at, aid, d, ACTIVITY_KEYS, "an activity")
        if aid in entries:
            out.append(at.error("E329", line, aid, "an activity cannot share its name with an "
                                "indicator entry", hint="rename the activity (its sentences key too)"))
        if bank.readable(INDICATORS) and ref(d.get("entry")) not in entries:
            out.append(at.error("E328", d.line_of("entry"), aid, f"refines unknown entry {d.get('entry')!r}"
                                + did_you_mean(str(d.get("entry")), entries),
                                hint="use an entry of indicators.yaml"))
        if "noun" not in d:
            out.append(at.error("E307", line, aid, "the activity has no 'noun'",
                                hint="e.g. noun: hygiene_kits"))
        else:
            out += _nouns(bank, at, aid, d, ("noun",))
        for _, alias, ln in texts(d.get("aliases")):
            other = seen.setdefault((str(d.get("entry")), normalise(str(alias))), (aid, ln))
            if other[0] != aid:
                out.append(at.error("E329", ln, aid, f"alias {alias!r} also names activity {other[0]} "
                                    f"(line {other[1]}) of the same entry",
                                    hint="keep it under one activity"))
    return out + _default_nouns(bank)


def _default_nouns(bank: Bank) -> list[Problem]:
    out = []
    for lang in Lang:
        at, nouns = At(bank, lexicon(lang)), bank.section(lexicon(lang), "nouns")
        out += [at.error("E320", nouns.line or 1, noun, "the pipeline falls back on this noun, "
                         "but it is missing", hint="restore it under 'nouns:'")
                for noun in DEFAULT_NOUNS if bank.readable(lexicon(lang)) and noun not in nouns]
    return out
