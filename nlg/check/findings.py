"""`sitrep check`: what changed in reviewed drafts, against the facts they store.

    >>> from nlg.check.findings import check                              # doctest: +SKIP
    >>> result = check([Path("out/PER_2023-11_en.docx"), Path("out/PER_2023-11_es.docx")])  # doctest: +SKIP
    >>> [f.kind for f in result.findings]                         # doctest: +SKIP

Reads each .docx (embedded facts and plan, text as the reviewer left it), finds
the figures with spaCy (:mod:`nlg.check.quantities`) and reports: figures that
no longer fit the stored facts; figures in one language only; bullets deleted
(or added, when the drafted text is known); review flags and placeholders left;
English sentences in the Spanish draft; with ``data``, facts that changed since.
spaCy is imported only here. Nothing prints; errors are raised as CheckError.
"""
from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from nlg import numfmt
from nlg.check import compare as check_compare
from nlg.check import rules as check_rules
from nlg.check import trust as check_trust
from nlg.check import wording as check_wording
from nlg.check.quantities import Reader, english_ratio
from nlg.check.read import CheckError, Reviewed, read
from nlg.check.rules import ADDED, DELETED, FIGURE, Analysed, Finding
from nlg.check.wording import Wording
from nlg.content.facts import Bullet, Facts
from nlg.errors import SitrepError
from nlg.lang import REFERENCE
from nlg.model import Lang, Problem
from nlg.stored import DraftedTexts

__all__ = ["CheckError", "CheckResult", "Finding", "check"]
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class Drafted:
    """What the current report folder would draft (``--data``): facts and texts per language."""

    facts: Facts
    report: str
    locales: dict[str, str]
    bullets: dict[str, dict[str, str]]       # lang -> bullet key -> text
    notes: dict[str, dict[str, list[str]]]   # lang -> section -> hand-written paragraphs


@dataclass(frozen=True)
class CheckResult:
    """The documents checked and what was found, in document order."""

    documents: tuple[Reviewed, ...]
    findings: tuple[Finding, ...]

    @property
    def clean(self) -> bool:
        """Return whether nothing was found."""
        return not self.findings


def check(paths: Sequence[Path], *, data: Path | None = None,
          phrasebanks: Path | None = None) -> CheckResult:
    """Return the findings on the reviewed drafts at ``paths`` (and the data in ``data``)."""
    if phrasebanks is None and data is not None:      # the report's own phrasebank folder
        from nlg.config.report import load_config

        phrasebanks = load_config(Path(data)).phrasebanks
    wording = check_wording.load(overlay=phrasebanks)
    docs = _read_all(paths, wording)
    drafted = _drafted(data, phrasebanks) if data else None
    if drafted and data:
        _same_report(docs, drafted, data)
    readers = {lang: Reader(lang, wording, _locale(docs, lang, drafted))
               for lang in dict.fromkeys(d.lang for d in docs)}
    analysed = [_analyse(d, readers) for d in docs]
    findings: list[Finding] = []
    for a in analysed:
        findings += check_trust.findings(a.doc, data_given=drafted is not None)
        findings += _document(a, wording, drafted, readers[a.doc.lang].locale)
    for first, second in _pairs(analysed):
        files = {str(first.doc.path), str(second.doc.path)}
        skip = {f.key for f in findings if f.code in (FIGURE, DELETED) and f.file in files}
        findings += check_compare.pair(first, second, skip=skip)
    if drafted:
        for a in {a.doc.report: a for a in analysed}.values():
            findings += check_compare.data_changes(a, drafted.facts)
    order = {(str(a.doc.path), a.doc.lang.value, b.section): b.index
             for a in analysed for b in reversed(a.doc.blocks)}
    findings.sort(key=lambda f: order.get((f.file, f.lang, f.section), len(order)))
    return CheckResult(tuple(docs), tuple(findings))


def _read_all(paths: Sequence[Path], wording: Wording) -> list[Reviewed]:
    """Return every document read; raise one CheckError listing every unreadable file."""
    docs: list[Reviewed] = []
    problems: list[Problem] = []
    for path in paths:
        try:
            docs.append(read(Path(path), wording))
        except SitrepError as exc:
            problems.extend(exc.problems)
    if problems:
        raise CheckError(problems=problems)
    return docs


def _locale(docs: list[Reviewed], lang: Lang, drafted: Drafted | None) -> str:
    """Return the number locale of ``lang``: from the data, the embedded report, else the one
    (language or language_COUNTRY) that writes the stored people-reached totals as the drafts do."""
    if drafted:
        return drafted.locales[lang.value]
    mine = [d for d in docs if d.lang is lang]
    for doc in mine:
        stored = doc.data.report.number_locale
        if lang.value in stored:
            return stored[lang.value]
    candidates = [lang.value] + [f"{lang.value}_{c}" for c in _countries(mine)]
    return max(candidates, key=lambda c: _written_as(mine, c))


def _countries(docs: list[Reviewed]) -> list[str]:
    """Return the ISO alpha-2 codes of the reports' countries."""
    import pycountry

    codes = {d.data.report.country for d in docs}
    found = (pycountry.countries.get(alpha_3=c) for c in sorted(codes) if c)
    return [c.alpha_2 for c in found if c is not None]


def _written_as(docs: list[Reviewed], locale: str) -> int:
    """Return how many stored totals of four digits or more appear as ``locale`` writes them."""
    from babel.core import UnknownLocaleError

    try:
        texts = [" ".join(b.text for b in d.blocks) for d in docs]
        totals = [t.value for d in docs for t in d.data.facts.sector_totals
                  if t.value is not None and t.value >= 1000]
        return sum(numfmt.integer(v, locale=locale) in text for text in texts for v in totals)
    except UnknownLocaleError:
        return -1                       # no such locale (en_PE): not a candidate


def _analyse(doc: Reviewed, readers: dict[Lang, Reader]) -> Analysed:
    """Return ``doc`` with its figures found and, in a language other than English (the
    reference language), its English-looking sentences."""
    reader = readers[doc.lang]
    prose = doc.lang is not REFERENCE
    blocks = [b for b in doc.blocks if (prose and b.section != "partners") or _DIGIT.search(b.text)]
    english_stops = _english_stops(readers) if prose else frozenset()
    figures, english = {}, []
    for block, sdoc in zip(blocks, reader.docs([b.text for b in blocks])):
        found = reader.figures(sdoc, block.text)
        if found:
            figures[block.index] = found
        if prose and block.section != "partners":
            english += [(block, s.text.strip()) for s in sdoc.sents
                        if check_rules.is_english(english_ratio(s, english_stops, reader.stop_words))]
    return Analysed(doc, figures, english)


def _english_stops(readers: dict[Lang, Reader]) -> frozenset[str]:
    """Return spaCy's stop words of the reference language, English (without building a pipeline)."""
    if REFERENCE in readers:
        return readers[REFERENCE].stop_words
    import importlib

    from nlg.check.spacy_import import import_spacy

    import_spacy()
    return frozenset(importlib.import_module(f"spacy.lang.{REFERENCE.value}.stop_words").STOP_WORDS)


def _document(a: Analysed, wording: Wording, drafted: Drafted | None, locale: str) -> list[Finding]:
    """Return the findings on one document."""
    data, lang = a.doc.data, a.doc.lang.value
    facts = {f.key: f for f in data.facts.facts}
    bullets = {b.key: b for s in data.plan.sectors for b in s.bullets}
    stored = data.texts.get(lang)
    texts = drafted.bullets.get(lang) if drafted else (stored.bullets if stored else None)
    notes = drafted.notes.get(lang, {}) if drafted else None
    if notes is None and stored is not None:
        notes = _notes_by_section(stored)
    found, deleted = check_rules.locate_bullets(a, data.plan, texts, _signature(locale))
    out = []
    for key in deleted:
        shown = ", ".join(check_rules._describe(m.quantity) for m in bullets[key].messages)
        out.append(Finding(DELETED, str(a.doc.path), lang, f"sector:{bullets[key].sector}",
                           "bullet deleted", key=key, expected=shown))
    if notes is not None:
        out += _added(a, found, notes)
    for key, block in sorted(found.items(), key=lambda kv: kv[1].index):
        out += check_rules.bullet_figures(a, block, bullets[key], facts, wording,
                                          (notes or {}).get(block.section, ()))
    out += check_compare.table_figures(a, wording)
    out += check_rules.flags(a, wording)
    out += check_rules.english(a)
    return out


def _signature(locale: str) -> Callable[[Bullet], tuple[list[str], list[str]]]:
    """Return bullet -> (words, figures) as the draft would write them in ``locale``."""
    def signature(bullet: Bullet) -> tuple[list[str], list[str]]:
        """Return (places and figures, figures) of ``bullet``."""
        numbers = [_written(m.quantity.shown, locale) for m in bullet.messages]
        places = [p for m in bullet.messages for p in m.places]
        return places + numbers, numbers
    return signature


def _written(n: int, locale: str) -> str:
    """Return a shown figure as the drafts write it (compact from a million)."""
    return " ".join(numfmt.compact(n, locale=locale)).strip() if n >= 1_000_000 \
        else numfmt.integer(n, locale=locale)


def _added(a: Analysed, found: dict, notes: dict[str, list[str]]) -> list[Finding]:
    """Return sector paragraphs that are neither plan bullets nor drafted notes."""
    used = {b.index for b in found.values()}
    out = []
    for block in a.doc.blocks:
        if (block.index in used or block.key or block.is_heading or block.cell is not None
                or not block.section.startswith("sector:") or not block.text.strip()):
            continue
        known = notes.get(block.section, [])
        if not any(difflib.SequenceMatcher(None, n, block.text).ratio() >= check_rules.SIMILAR
                   for n in known):
            out.append(check_rules._finding(a, ADDED, block, "paragraph not in the stored plan",
                                            sentence=block.text.strip()))
    return out


def _pairs(analysed: list[Analysed]) -> list[tuple[Analysed, Analysed]]:
    """Return the drafts of one report to compare: the first of each language, each paired with
    the draft in the first language of language order (English, the reference, when given)."""
    by_report: dict[str, dict[Lang, Analysed]] = {}
    for a in analysed:
        by_report.setdefault(a.doc.report, {}).setdefault(a.doc.lang, a)
    out = []
    for drafts in by_report.values():
        langs = [lang for lang in Lang if lang in drafts]
        out += [(drafts[langs[0]], drafts[other]) for other in langs[1:]]
    return out


def _same_report(docs: list[Reviewed], drafted: Drafted, folder: Path) -> None:
    """Return when every document is a draft of the report in ``folder``; else raise."""
    from nlg.errors import error

    other = [d for d in docs if d.report != drafted.report]
    if other:
        raise CheckError(problems=[error(
            "E606", f"drafted for {d.report}, but {folder} holds {drafted.report}",
            file=str(d.path), hint="give the report folder the draft was made from") for d in other])


def _notes_by_section(texts: DraftedTexts) -> dict[str, list[str]]:
    """Return drafted notes keyed like findings' sections ("sector:EDU") from stored texts."""
    return {f"sector:{code}": list(items) for code, items in texts.notes.items()}


def _drafted(folder: Path, phrasebanks: Path | None = None) -> Drafted:
    """Return what the report folder drafts now: facts, number locales and texts."""
    from nlg.api import drafted_texts, prepare, realise_all

    draft = prepare(folder, phrasebanks=phrasebanks)
    texts = {lang.value: drafted_texts(report) for lang, report in realise_all(draft).items()}
    bullets = {lang: dict(t.bullets) for lang, t in texts.items()}
    notes = {lang: _notes_by_section(t) for lang, t in texts.items()}
    config = draft.config
    return Drafted(facts=draft.facts, report=f"{config.key}/{config.period.label}",
                   locales={lang.value: config.style.locale(lang) for lang in Lang},
                   bullets=bullets, notes=notes)
