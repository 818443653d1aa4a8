"""Benchmark 1: realisation alone, microseconds per bullet per language (no Word)."""
from __future__ import annotations

import time

from benchmarks.common import SAMPLE, Row, median, use_loader_in_process

TARGET_US = 50.0


def _bullet_pass(draft, lang) -> tuple[float, float, int]:
    """Return (seconds for bullet text, seconds for bullet text + provenance, bullets) of one pass."""
    from nlg.lang import module as lang_module
    from nlg.realise import provenance, sentences, textenv

    lb = draft.bank.langs[lang]
    by_key = {f.key: f for f in draft.facts.facts}
    bullets = [b for sp in draft.plan.sectors for b in sp.bullets]
    w = sentences.Writer(lang, lang_module(lang), lb, draft.bank, draft.config,
                         textenv.Acronyms(dict(lb.acronyms)), draft.plan.previous_period)
    t0 = time.perf_counter()
    for b in bullets:
        sentences.bullet(w, b, "")
    t1 = time.perf_counter()
    w = sentences.Writer(lang, lang_module(lang), lb, draft.bank, draft.config,
                         textenv.Acronyms(dict(lb.acronyms)), draft.plan.previous_period)
    t2 = time.perf_counter()
    for b in bullets:
        sentences.bullet(w, b, provenance.bullet_comment(w, b, by_key))
    t3 = time.perf_counter()
    return t1 - t0, t3 - t2, len(bullets)


def _realise_pass(draft, lang) -> float:
    """Return the seconds of one whole-report realisation (all sections, no Word)."""
    from nlg.realise.report import realise

    t = time.perf_counter()
    realise(draft.plan, draft.facts, draft.config, draft.bank, lang, embedded="")
    return time.perf_counter() - t


def run(quick: bool) -> list[Row]:
    """Return one row per language."""
    state = use_loader_in_process()
    if state == "missing":
        return [Row("1", "realisation, µs per bullet", target=f"≤ {TARGET_US:.0f} µs",
                    note="5W loader not available yet")]
    from nlg.api import prepare
    from nlg.model import Lang

    draft = prepare(SAMPLE)
    passes = 30 if quick else 200
    rows = []
    for lang in Lang:
        for _ in range(5):  # warm-up: phrasebank caches, jinja compiled templates, Babel data
            _bullet_pass(draft, lang)
            _realise_pass(draft, lang)
        texts, withprov, n = [], [], 0
        for _ in range(passes):
            a, b, n = _bullet_pass(draft, lang)
            texts.append(a / n * 1e6)
            withprov.append(b / n * 1e6)
        whole = [_realise_pass(draft, lang) * 1e6 / n for _ in range(passes)]
        value = median(withprov)
        rows.append(Row(
            f"1{lang.value}", f"realisation, µs per bullet ({lang.value.upper()}, {n} bullets)",
            value=f"{value:.1f} µs", target=f"≤ {TARGET_US:.0f} µs", ok=value <= TARGET_US,
            note=(f"bullet text only {median(texts):.1f} µs; whole realise() / bullets "
                  f"{median(whole):.1f} µs; median of {passes} passes"
                  + ("; dev stand-in loader" if state == "shim" else "")),
            details={"bullets": n, "text_us": median(texts), "with_provenance_us": value,
                     "whole_report_per_bullet_us": median(whole), "passes": passes}))
    return rows
