"""Helpers shared by tests: a config and a writer for sentence-level cases."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from nlg.config.report import Period, ReportConfig, Style
from nlg.content.facts import Message, Quantity
from nlg.content.hedge import spelt
from nlg.lang import module
from nlg.model import Hedge, Lang
from nlg.phrasebank import bank as phrasebank
from nlg.realise import textenv
from nlg.realise.sentences import Writer


def config(**style) -> ReportConfig:
    """Return a minimal Peru config with style overrides."""
    return ReportConfig(folder=Path("."), country="PER", period=Period((2023, 11), (2023, 11)),
                        platform="GTRM", key_figures={}, style=replace(Style(), **style))


def writer(lang: Lang, cfg: ReportConfig | None = None, previous=None) -> Writer:
    """Return a fresh per-document writer."""
    bank = phrasebank.load()
    lb = bank.langs[lang]
    return Writer(lang, module(lang), lb, bank, cfg or config(), textenv.Acronyms(dict(lb.acronyms)),
                  previous)


def message(entry: str, value: int, shown: int | None = None, hedge: Hedge = Hedge.EXACT, *,
            noun: str = "refugees_migrants", places=("Tumbes",), form="main", variant=0,
            sector="EDU", **kw) -> Message:
    """Return a message for a sentence-level case."""
    regions = kw.pop("region_count", len(places))
    return Message(fact=f"{sector}/{entry}", entry=entry, form=form, variant=variant,
                   quantity=spelt(Quantity(value, value if shown is None else shown, hedge)),
                   noun=noun, group=kw.pop("group", "refugees_migrants"), places=tuple(places),
                   region_count=regions, **kw)


def render_entry(eid: str, value: int, lang: Lang) -> list[str]:
    """Return every form and variant of a phrasebank entry rendered in Lima with ``value``."""
    from nlg.content import hedge as hedges
    from nlg.realise.sentences import message_text, sentence_spans

    bank = phrasebank.load()
    entry = bank.entries[eid]
    q = hedges.decide(value, precision=entry.precision, small_count=20, nearly_tolerance=0.02,
                      about_tolerance=0.03, sensitive_threshold=0)
    out = []
    for form, variants in bank.langs[lang].sentences[eid].items():
        for v in range(len(variants)):
            w = writer(lang)
            msg = message(eid, value, q.shown, q.hedge, noun=entry.noun, group=entry.group, form=form,
                          variant=v, sector=entry.sector, places=("Lima",))
            text, _ = message_text(w, msg)
            out.append("".join(s.text for s in sentence_spans(w, text)))
    return out


def money(rules, amount, locale: str) -> str:
    """Return ``amount`` as the plan decides it (nlg.content.figures.money) and ``rules`` spell it."""
    from nlg import numfmt
    from nlg.content import figures

    q = figures.money(amount)
    return rules.money_usd(*numfmt.spell(q.shown, step=q.step, scale=q.scale, locale=locale))
