"""Lint <lang>/sentences.yaml: twins across languages, forms, aligned variants, templates."""
from __future__ import annotations

from typing import Any

from nlg.errors import did_you_mean
from nlg.lang import module as rules_of
from nlg.lang.base import GENDERS
from nlg.lint.base import (
    ACTIVITIES,
    INDICATORS,
    LANG_NAMES,
    REFERENCE,
    SLOTS,
    At,
    Bank,
    items,
    lexicon,
    sentences,
    shape,
    texts,
)
from nlg.lint.yamlcheck import MarkedMap
from nlg.model import Lang, Problem
from nlg.realise import textenv
from nlg.realise.template_shape import analyse

FORMS = ("main", "follow", "main_usd", "follow_usd")
#: Sentences the pipeline uses for indicators with no entry (nlg/content/plan.py, nlg/realise/sentences.py).
GENERIC = ("_generic_people", "_generic_output", "_generic_quote")
#: Verb forms the language's ``agree`` rule cannot inflect: they need a ``verbs`` entry.
VERBS_NEED_ENTRY = {lang: rules_of(lang).VERB_NEEDS_ENTRY for lang in Lang}


def check(bank: Bank) -> list[Problem]:
    """Return the findings of every language's sentences file."""
    per_lang = {lang: bank.section(sentences(lang)) for lang in Lang}
    out = _known(bank, per_lang)
    for lang in Lang:
        out += _twins(bank, lang, per_lang)
        for key, forms, line in items(per_lang[lang]):
            out += _forms(bank, lang, str(key), forms, line)
    for lang in Lang:
        if lang is not REFERENCE:
            out += _aligned(bank, per_lang[REFERENCE], per_lang[lang], lang)
    return out


def _known(bank: Bank, per_lang: dict[Lang, MarkedMap]) -> list[Problem]:
    """Return findings for keys nobody uses and entries/activities nobody words."""
    entries = bank.section(INDICATORS, "indicators")
    activities = bank.section(ACTIVITIES, "activities")
    known = [*entries, *activities, *GENERIC]
    out = []
    for lang, data in per_lang.items():
        if not (bank.readable(INDICATORS) and bank.readable(ACTIVITIES)):
            break
        at = At(bank, sentences(lang))
        out += [at.warning("W312", line, key, "not an indicator entry nor a known activity: never used"
                           + did_you_mean(str(key), known), hint="check the spelling of the key")
                for key, _, line in items(data) if key not in known]
    words = {"indicator": (INDICATORS, entries), "activity": (ACTIVITIES, activities)}
    for what, (rel, ids) in words.items():
        for key, _, line in items(ids):
            missing = [lang for lang in Lang if bank.readable(sentences(lang)) and key not in per_lang[lang]]
            if len(missing) == len(Lang):
                out += [At(bank, rel).error("E311", line, key, f"this {what} has no sentences in "
                                            f"{LANG_NAMES[lang]} ({sentences(lang)})",
                                            hint="add its sentences to every language "
                                                 "(phrasebanks/README.md)")
                        for lang in missing]
    for lang in Lang:
        at = At(bank, sentences(lang))
        out += [at.error("E311", 1, key, "the generic sentences for unknown indicators are missing",
                         hint="restore them from the shipped phrasebank")
                for key in GENERIC if bank.readable(sentences(lang)) and key not in per_lang[lang]]
    return out


def _twins(bank: Bank, lang: Lang, per_lang: dict[Lang, MarkedMap]) -> list[Problem]:
    at = At(bank, sentences(lang))
    out = []
    for other in Lang:
        if other is lang or not bank.readable(sentences(other)):
            continue
        out += [at.error("E310", line, key, f"has {LANG_NAMES[lang]} sentences but no {LANG_NAMES[other]} "
                         f"twin in {sentences(other)}",
                         hint=f"add {key}: with the same forms, variants and slots to {sentences(other)}")
                for key, _, line in items(per_lang[lang]) if key not in per_lang[other]]
    return out


def _forms(bank: Bank, lang: Lang, key: str, forms: Any, line: int) -> list[Problem]:
    at = At(bank, sentences(lang))
    out = shape(at, line, key, forms, dict, "an entry's sentences")
    if not isinstance(forms, dict):
        return out
    for form, variants, form_line in items(forms):
        if form not in FORMS:
            out.append(at.error("E313", form_line, key,
                                f"unknown form {form!r}" + did_you_mean(str(form), FORMS),
                                hint="main: opens a bullet; follow: a second sentence of another bullet"))
        for index, source, ln in texts(variants):
            where = f"{key}.{form}[{index + 1}]"
            if isinstance(source, str) and not source.strip():
                out.append(at.error("E336", ln or form_line, where, "empty sentence",
                                    hint="write the sentence or remove the variant in both languages"))
            elif isinstance(source, str):
                out += template_findings(bank, at, ln or form_line, where, source, lang, SLOTS)
            elif not isinstance(source, bool):
                out += shape(at, ln or form_line, where, source, str, "a variant")
        if not texts(variants):
            out.append(at.error("E336", form_line, key, f"form {form!r} has no variants",
                                hint="give at least one sentence in a list"))
    activity = key in bank.section(ACTIVITIES, "activities")
    needed = "follow" if activity else "main"
    if not key.startswith("_") and needed not in forms and "main" not in forms:
        out.append(at.error("E313", line, key, f"has no {needed!r} form",
                            hint="activities need 'follow'; indicator entries need 'main'"))
    return out + _follow_form(bank, at, key, forms, line)


def _follow_form(bank: Bank, at: At, key: str, forms: dict, line: int) -> list[Problem]:
    entry = bank.section(INDICATORS, "indicators").get(key)
    if isinstance(entry, dict) and entry.get("follows") and "follow" not in forms:
        return [at.warning("W313", line, key, f"follows {entry['follows']} but has no 'follow' form: "
                           "its 'main' sentence (with place and bold) will be used as the follow-up",
                           hint="add a 'follow' form")]
    return []


def template_findings(bank: Bank, at: At, line: int, where: str, source: str, lang: Lang,
                      slots: tuple[str, ...] | None) -> list[Problem]:
    """Return the findings of one template (slots checked only when ``slots`` is given)."""
    info = analyse(source)
    if info.error:
        return [at.error("E319", line, where, f"template syntax error: {info.error}", value=source,
                         hint="slots are written {{ place }}; check the braces and quotes")]
    out = [at.error("E316", line, where, f"templates may not contain logic; found {what}", value=source,
                    hint="only text, {{ slot }}, {{ 'word' | agree }} and {{ 'ABC' | acronym }}; "
                         "write a second variant instead of a condition")
           for what in info.logic]
    out += [at.error("E317", line, where, f"unknown filter {name!r}" + did_you_mean(name, textenv.FILTERS),
                     hint="allowed filters: " + ", ".join(textenv.FILTERS))
            for name in info.filters if name not in textenv.FILTERS]
    if slots is not None:
        out += [at.error("E318", line, where, f"unknown slot {name!r}" + did_you_mean(name, slots),
                         hint="allowed slots: " + ", ".join(slots))
                for name in sorted(info.slots - set(slots))]
    if info.bold_marks % 2:
        out.append(at.error("E333", line, where, "unbalanced ** (bold opens but never closes)",
                            value=source, hint="bold text goes between two ** markers"))
    return out + _words(bank, at, line, where, info, lang)


def _words(bank: Bank, at: At, line: int, where: str, info, lang: Lang) -> list[Problem]:
    """Return findings for acronyms and agreed words the lexicon of ``lang`` lacks."""
    if not bank.readable(lexicon(lang)):
        return []
    acronyms = bank.section(lexicon(lang), "acronyms")
    out = [at.error("E324", line, where, f"acronym {short!r} is not in {lexicon(lang)}"
                    + did_you_mean(short, acronyms),
                    hint=f"add it under 'acronyms:' in {lexicon(lang)} with its spelled-out form")
           for short in info.acronyms if short not in acronyms]
    verbs = bank.section(lexicon(lang), "verbs")
    rules = rules_of(lang)
    for word in info.agreed:
        if word in verbs:
            continue
        pattern = VERBS_NEED_ENTRY.get(lang)
        if pattern and pattern.search(word):
            out.append(at.error("E330", line, where, f"{word!r} | agree: the {LANG_NAMES[lang]} rules "
                                "cannot inflect this verb",
                                hint=f"add '{word}: <singular>' under 'verbs:' in {lexicon(lang)}"))
        elif all(rules.agree(word, gender=g, plural=p) == word for g in GENDERS[1:] for p in (True, False)):
            out.append(at.warning("W331", line, where,
                                  f"{word!r} | agree changes nothing in {LANG_NAMES[lang]}",
                                  hint=f"if it is a verb, add '{word}: <singular>' under 'verbs:' in "
                                       f"{lexicon(lang)}; otherwise drop the filter"))
    return out


def _aligned(bank: Bank, ref: MarkedMap, other: MarkedMap, lang: Lang) -> list[Problem]:
    """Return findings where ``other`` does not align with the reference language."""
    at = At(bank, sentences(lang))
    out = []
    for key, forms, line in items(other):
        base = ref.get(key)
        if not isinstance(forms, dict) or not isinstance(base, dict):
            continue
        for form in sorted(set(base) ^ set(forms), key=str):
            has, lacks = LANG_NAMES[REFERENCE], LANG_NAMES[lang]
            if form not in base:
                has, lacks = lacks, has
            out.append(at.error("E313", forms.line_of(form) if form in forms else line, key,
                                f"form {form!r} exists in {has} but not in {lacks}",
                                hint="every language needs the same forms"))
        for form in (f for f in forms if f in base):
            out += compare_variants(at, f"{key}.{form}", texts(base[form]), texts(forms[form]),
                                    forms.line_of(form), lang)
    return out


def compare_variants(at: At, where: str, ref: list, other: list, line: int, lang: Lang) -> list[Problem]:
    """Return findings where two aligned variant lists differ in length or in slots."""
    ref_name, name = LANG_NAMES[REFERENCE], LANG_NAMES[lang]
    out = []
    if len(ref) != len(other):
        out.append(at.error("E314", line, where, f"{name} has {len(other)} variant(s), {ref_name} has "
                            f"{len(ref)}", hint="variants are paired by position: give both languages "
                            "the same number, in the same order"))
    for (i, a, _), (_, b, ln) in zip(ref, other):
        if not isinstance(a, str) or not isinstance(b, str):
            continue
        sa, sb = analyse(a).slots, analyse(b).slots
        if sa != sb and not analyse(a).error and not analyse(b).error:
            diff = ([f"lacks {{{{ {s} }}}}" for s in sorted(sa - sb)]
                    + [f"adds {{{{ {s} }}}}" for s in sorted(sb - sa)])
            out.append(at.error("E315", ln or line, f"{where}[{i + 1}]",
                                f"the {name} variant {'; '.join(diff)} compared with the {ref_name} one",
                                hint="paired variants must use the same slots (the same facts)"))
    return out
