"""Lint <lang>/lexicon.yaml: nouns (gender, plurals, inclusive forms, populations), verbs, acronyms."""
from __future__ import annotations

from typing import Any

from nlg.errors import did_you_mean
from nlg.lang import module as rules_of
from nlg.lang.base import GENDERS, LanguageRules, Noun
from nlg.lint.base import LANG_NAMES, REFERENCE, At, Bank, items, lexicon, ref, shape, unknown_keys
from nlg.lint.yamlcheck import MarkedMap
from nlg.model import Lang, PopType, Problem

NOUN_KEYS = ("sg", "pl", "gender", "stressed_a", "inclusive", "populations")
FORM_KEYS = ("sg", "pl", "gender", "stressed_a")
POPULATIONS = tuple(p.value for p in PopType)


def needs_gender(rules: LanguageRules) -> bool:
    """Return whether a language's rules refuse a noun without gender (Spanish does)."""
    try:
        rules.definite_article(Noun("x"), plural=False)
    except ValueError:
        return True
    return False


def check(bank: Bank) -> list[Problem]:
    """Return the findings of every language's lexicon."""
    out: list[Problem] = []
    for lang in Lang:
        if not bank.readable(lexicon(lang)):
            continue
        at, data = At(bank, lexicon(lang)), bank.data[lexicon(lang)]
        for key, kind in (("nouns", dict), ("verbs", dict), ("acronyms", dict)):
            if key in data:
                out += shape(at, data.line_of(key), key, data[key], kind, f"'{key}'")
        for section in ("verbs", "acronyms"):
            out += [at.error("E307", line, str(k), f"{section}: expected text on both sides, got {v!r}",
                             hint="write: plural form: singular form" if section == "verbs"
                             else "write: ABC: the spelled-out form")
                    for k, v, line in items(bank.section(lexicon(lang), section))
                    if not (isinstance(k, str) and isinstance(v, str))
                    and not isinstance(k, bool) and not isinstance(v, bool)]      # booleans: E306
        nouns = bank.section(lexicon(lang), "nouns")
        for key, d, line in items(nouns):
            out += _noun(at, lang, str(key), d, line, nouns)
    return out + _across(bank)


def _noun(at: At, lang: Lang, key: str, d: Any, line: int, nouns: MarkedMap) -> list[Problem]:
    out = shape(at, line, key, d, dict, "a noun")
    if not isinstance(d, MarkedMap):
        return out
    out += unknown_keys(at, key, d, NOUN_KEYS, "a noun")
    out += _form(at, lang, key, d, line)
    inclusive = d.get("inclusive")
    if inclusive is not None:
        out += shape(at, d.line_of("inclusive"), key, inclusive, dict, "inclusive")
        if isinstance(inclusive, MarkedMap):
            out += unknown_keys(at, key, inclusive, FORM_KEYS, "an inclusive form")
            out += _form(at, lang, f"{key}.inclusive", inclusive, d.line_of("inclusive"))
    populations = d.get("populations")
    if populations is not None:
        out += shape(at, d.line_of("populations"), key, populations, dict, "populations")
    for pop, target, ln in items(populations):
        target = ref(target)
        if pop not in POPULATIONS:
            out.append(at.error("E323", ln, key, f"unknown population type {pop!r}"
                                + did_you_mean(str(pop), POPULATIONS),
                                hint="population types: " + ", ".join(POPULATIONS)))
        if target not in nouns:
            out.append(at.error("E323", ln, key, f"populations.{pop} points at unknown noun {target!r}"
                                + did_you_mean(str(target), nouns), hint="use a noun key of this lexicon"))
    return out


def _form(at: At, lang: Lang, key: str, d: MarkedMap, line: int) -> list[Problem]:
    """Return findings of one noun form: sg, plural by rule, gender."""
    rules = rules_of(lang)
    sg, out = d.get("sg"), []
    if not isinstance(sg, str) or not sg.strip():
        out.append(at.error("E307", d.line_of("sg") or line, key, "the noun needs its singular in 'sg'",
                            hint="e.g. sg: hygiene kit"))
    elif "pl" not in d and _plural_fails(rules, sg):
        out.append(at.error("E334", line, key, f"{LANG_NAMES[lang]} cannot make the plural of {sg!r} by rule",
                            hint=f"give it: pl: <plural of {sg}>"))
    gender = d.get("gender")
    if gender is None and needs_gender(rules):
        out.append(at.error("E321", line, key, f"{LANG_NAMES[lang]} noun without gender: a missing gender "
                            "is a validation error, not a guess", hint="add gender: m or gender: f"))
    elif gender is not None and (gender not in GENDERS or not gender):
        out.append(at.error("E321", d.line_of("gender"), key, f"gender {gender!r} is not valid",
                            hint="gender: m (masculine) or gender: f (feminine)"))
    return out


def _plural_fails(rules: LanguageRules, singular: str) -> bool:
    try:
        rules.pluralise(singular)
    except (ValueError, IndexError):      # IndexError: es.pluralise on a word without vowels
        return True
    return False


def _across(bank: Bank) -> list[Problem]:
    """Return findings where the lexicons of two languages disagree."""
    readable = [lang for lang in Lang if bank.readable(lexicon(lang))]
    out = []
    for lang in readable:
        nouns, at = bank.section(lexicon(lang), "nouns"), At(bank, lexicon(lang))
        for other in (o for o in readable if o is not lang):
            theirs = bank.section(lexicon(other), "nouns")
            out += [at.warning("W337", line, key, f"noun only in the {LANG_NAMES[lang]} lexicon",
                               hint=f"add it to {lexicon(other)} or remove it")
                    for key, _, line in items(nouns) if key not in theirs]
        if lang is not REFERENCE and REFERENCE in readable:
            out += _same_populations(at, nouns, bank.section(lexicon(REFERENCE), "nouns"))
    return out


def _same_populations(at: At, nouns: MarkedMap, reference: MarkedMap) -> list[Problem]:
    out = []
    for key, d, line in items(nouns):
        mine, base = _populations(d), _populations(reference.get(key))
        if key in reference and mine != base:
            out.append(at.error("E322", d.line_of("populations") if isinstance(d, MarkedMap) else line,
                                key, f"populations differ from {lexicon(REFERENCE)}: {mine or 'none'} "
                                f"here, {base or 'none'} there",
                                hint="both languages must switch to the same nouns for the same population"))
    return out


def _populations(d: Any) -> dict:
    pops = d.get("populations") if isinstance(d, dict) else None
    return dict(pops) if isinstance(pops, dict) else {}
