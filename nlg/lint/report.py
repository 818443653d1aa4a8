"""Lint <lang>/report.yaml: frames, hedges and labels aligned across languages."""
from __future__ import annotations

from nlg.lint.base import LANG_NAMES, REFERENCE, At, Bank, items, report, shape, texts
from nlg.lint.sentences import compare_variants, template_findings
from nlg.model import Hedge, Lang, Problem

#: Frames the realiser renders (nlg/realise/sentences.py, nlg/realise/report.py).
FRAMES = ("actor", "actor_subregional", "place", "place_in_country", "place_national", "count",
          "change_up", "change_down", "reached_before")
HEDGES = tuple(h.value for h in Hedge)
REQUIRED = {"frames": FRAMES, "hedges": HEDGES, "labels": tuple(f"hedge_{h}" for h in HEDGES)}


def check(bank: Bank) -> list[Problem]:
    """Return the findings of every language's report wording."""
    out: list[Problem] = []
    for lang in Lang:
        if not bank.readable(report(lang)):
            continue
        at, data = At(bank, report(lang)), bank.data[report(lang)]
        for section, required in REQUIRED.items():
            if section in data:
                out += shape(at, data.line_of(section), section, data[section], dict, f"'{section}'")
            present = bank.section(report(lang), section)
            out += [at.error("E332", present.line or 1, f"{section}.{key}", "missing; the report needs it",
                             hint=f"restore it under '{section}:' (see the other language's file)")
                    for key in required if key not in present]
            out += _templates(bank, at, lang, section)
        if lang is not REFERENCE and bank.readable(report(REFERENCE)):
            out += _aligned(bank, at, lang)
    return out


def _templates(bank: Bank, at: At, lang: Lang, section: str) -> list[Problem]:
    out = []
    for key, value, line in items(bank.section(report(lang), section)):
        for index, source, ln in texts(value):
            if isinstance(source, str):
                where = f"{section}.{key}" + (f"[{index + 1}]" if isinstance(value, list) else "")
                out += template_findings(bank, at, ln or line, where, source, lang, None)
    return out


def _aligned(bank: Bank, at: At, lang: Lang) -> list[Problem]:
    out = []
    for section in REQUIRED:
        mine = bank.section(report(lang), section)
        ref = bank.section(report(REFERENCE), section)
        for key in sorted(set(mine) ^ set(ref), key=str):
            has = LANG_NAMES[lang] if key in mine else LANG_NAMES[REFERENCE]
            lacks = LANG_NAMES[REFERENCE] if key in mine else LANG_NAMES[lang]
            out.append(at.error("E332", mine.line_of(key) if key in mine else mine.line or 1,
                                f"{section}.{key}", f"exists in {has} but not in {lacks}",
                                hint="both languages need the same keys"))
        for key, value, line in items(mine):
            if key in ref:
                ours, theirs = texts(value), texts(ref[key])
                if section == "labels":                     # one text each: compare slots only
                    ours, theirs = ours[:1], theirs[:1]
                out += compare_variants(at, f"{section}.{key}", theirs, ours, line, lang)
    return out
