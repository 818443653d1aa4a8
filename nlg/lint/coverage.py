"""Which indicators of a report's 5W export the phrasebank covers (``sitrep phrasebank coverage``).

For each indicator found in the export: the phrasebank entry it is recognised
as (by code, exact text or alias, or similarity, exactly as the pipeline does
with :mod:`nlg.content.recognise`), the languages that have its sentences, how many rows
carry it, and, for indicators with no entry, what the generic fallback will do.
"""
from __future__ import annotations

import difflib
from collections import defaultdict
from dataclasses import asdict, dataclass
from pathlib import Path

from nlg.content.plan import label_lang  # the language plan.py gives an unknown indicator
from nlg.content.recognise import Recogniser, normalise, recogniser, split_code
from nlg.model import Dataset
from nlg.phrasebank.bank import Phrasebank

TEXT_WIDTH = 60


@dataclass(frozen=True)
class IndicatorCoverage:
    """One indicator of the export and how the phrasebank covers it."""

    label: str                  # the indicator as the export writes it (first row seen)
    code: str                   # the code column, or the code in front of the text
    sector: str                 # recognised sector code, or the export's label when unknown
    entry: str                  # phrasebank entry id; "" when none
    matched_by: str             # code | text | alias | similar 91% | none (rows may mix: "code, text")
    langs: tuple[str, ...]      # languages with sentences for the entry
    missing_langs: tuple[str, ...]
    rows: int
    fallback: str = ""          # what the draft does without an entry

    @property
    def covered(self) -> bool:
        """Return True when an entry has sentences in every language."""
        return bool(self.entry) and not self.missing_langs


@dataclass(frozen=True)
class Coverage:
    """The coverage of one report's export(s)."""

    source: str
    files: tuple[str, ...]
    indicators: tuple[IndicatorCoverage, ...]
    rows: int
    rows_outside_period: int = 0

    @property
    def fallback_rows(self) -> int:
        """Return the number of rows whose indicator falls to the generic fallback."""
        return sum(i.rows for i in self.indicators if not i.entry)

    @property
    def complete(self) -> bool:
        """Return True when every indicator is covered in every language."""
        return all(i.covered for i in self.indicators)


def matched_by(rec: Recogniser, bank: Phrasebank, code: str, label: str,
               year: int | None = None) -> tuple[str, str]:
    """Return (entry id, how it was recognised) for one row's code and label."""
    found = rec.identify(code, label, year)
    if found.how == "none":
        return "", "none"
    if found.how == "similar":
        target = found.indicator.text if found.indicator is not None else max(
            (t for t, e in rec.texts.items() if e == found.entry), key=lambda t: difflib.SequenceMatcher(
                None, normalise(split_code(label)[1]), t).ratio())
        ratio = difflib.SequenceMatcher(None, normalise(split_code(label)[1]),
                                        normalise(target)).ratio()
        return found.entry, f"similar {ratio:.0%}"
    return found.entry, found.how


def _fallback(label: str, bank: Phrasebank) -> str:
    lang = label_lang(label, bank)
    others = [x.value for x in bank.langs if x.value != lang]
    if lang:
        return f"generic sentence quoting it in {lang}; translation needed in {', '.join(others)}"
    return "generic sentence in every language; translation needed"


def _method_order(method: str) -> tuple[int, str]:
    order = ("code", "text", "alias")
    return (order.index(method) if method in order else len(order), method)


def coverage(data: Dataset, bank: Phrasebank, *, source: str = "", year: int | None = None) -> Coverage:
    """Return which indicators of ``data`` have phrasebank entries, in which languages."""
    rec = recogniser(bank)
    groups: dict[str, list] = defaultdict(list)
    for row in data.activities:
        entry, how = matched_by(rec, bank, row.indicator_code, row.indicator_label, year)
        groups[entry or "?" + normalise(row.indicator_label)].append((row, entry, how))
    found = []
    for _, members in sorted(groups.items()):
        row, entry, _ = members[0]
        how = ", ".join(sorted({m[2] for m in members}, key=_method_order))
        codes = (m[0].indicator_code or split_code(m[0].indicator_label)[0] for m in members)
        code = next((c for c in codes if c), "")
        sector = bank.entries[entry].sector if entry else (rec.sector(row.sector_label) or row.sector_label)
        langs = tuple(x.value for x, lb in bank.langs.items() if entry and entry in lb.sentences)
        missing = tuple(x.value for x in bank.langs if entry and x.value not in langs)
        found.append(IndicatorCoverage(
            label=row.indicator_label, code=code, sector=sector, entry=entry,
            matched_by=how if entry else "none", langs=langs, missing_langs=missing, rows=len(members),
            fallback="" if entry else _fallback(row.indicator_label, bank)))
    return Coverage(source, data.files, tuple(found), len(data.activities), data.rows_outside_period)


def report_coverage(folder: str | Path, *, phrasebanks: Path | None = None) -> Coverage:
    """Return the coverage of the 5W export(s) of the report in ``folder`` (its period's rows)."""
    from nlg.api import load_data
    from nlg.config.report import load_config
    from nlg.phrasebank import bank as phrasebank

    config = load_config(Path(folder))
    bank = phrasebank.load(overlay=phrasebanks or config.phrasebanks)
    return coverage(load_data(config), bank, source=str(folder),
                    year=config.period.end[0])


def to_dict(cov: Coverage) -> dict:
    """Return the coverage as plain data (for ``--json``)."""
    out = asdict(cov)
    for item, data in zip(cov.indicators, out["indicators"]):
        data["covered"] = item.covered
    out.update(fallback_rows=cov.fallback_rows, complete=cov.complete)
    return out


def _cut(text: str, width: int = TEXT_WIDTH) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[:width - 1] + "…"


def _langs(item: IndicatorCoverage) -> str:
    missing = f" (missing {' '.join(item.missing_langs)})" if item.missing_langs else ""
    return " ".join(item.langs) + missing or "-"


def table(cov: Coverage) -> str:
    """Return the coverage as a readable text table with a summary and what to do."""
    known = sum(1 for i in cov.indicators if i.entry)
    head = (f"{cov.source or 'export'} ({', '.join(cov.files) or 'no file'}): {len(cov.indicators)} "
            f"indicator(s), {known} with a phrasebank entry; {cov.fallback_rows} of {cov.rows} row(s) "
            "fall to the generic fallback")
    cols = ("Code", "Sector", "Entry", "Matched by", "Languages", "Rows", "Indicator")
    body = [(i.code or "-", i.sector or "-", i.entry or "-", i.matched_by,
             _langs(i),
             str(i.rows), _cut(split_code(i.label)[1])) for i in cov.indicators]
    widths = [max(len(r[c]) for r in [cols, *body]) for c in range(len(cols))]
    fmt = lambda r: "  ".join(v.rjust(w) if c == 5 else v.ljust(w)  # noqa: E731
                              for c, (v, w) in enumerate(zip(r, widths))).rstrip()
    lines = [head, "", fmt(cols), fmt(tuple("-" * w for w in widths)), *map(fmt, body)]
    return "\n".join(lines + _notes(cov)) + "\n"


def _notes(cov: Coverage) -> list[str]:
    lines = []
    unknown = [i for i in cov.indicators if not i.entry]
    if unknown:
        lines += ["", "Without an entry (add one to phrasebanks/indicators.yaml; see phrasebanks/README.md):"]
        lines += [f"  - {_cut(i.label, 90)} ({i.rows} row(s)): {i.fallback}" for i in unknown]
    partial = [i for i in cov.indicators if i.entry and i.missing_langs]
    if partial:
        lines += ["", "Entries without sentences in every language (run 'sitrep phrasebank lint'):"]
        lines += [f"  - {i.entry}: missing {', '.join(i.missing_langs)}" for i in partial]
    if cov.rows_outside_period:
        lines += ["", f"{cov.rows_outside_period} row(s) outside the report period were not counted."]
    return lines


@dataclass(frozen=True)
class CatalogueCoverage:
    """Which indicators of one catalogue cycle have an entry with sentences in every language."""

    cycle: str
    total: int
    missing: tuple[tuple[str, str, str], ...]    # (ref, sector, text) without a complete entry

    @property
    def covered(self) -> int:
        return self.total - len(self.missing)


def catalogue_coverage(bank: Phrasebank) -> tuple[CatalogueCoverage, ...]:
    """Return, per shipped catalogue cycle, the indicators without a complete phrasebank entry."""
    from nlg.catalogue import shipped

    rec = recogniser(bank)
    out = []
    cat = shipped()
    for cycle in cat.cycles():
        inds = [i for i in cat.indicators if i.cycle == cycle]
        missing = []
        for ind in inds:
            entry = rec.refs.get(ind.ref, "")
            if not entry or not all(entry in lb.sentences for lb in bank.langs.values()):
                missing.append((ind.ref, ind.sector, ind.text))
        out.append(CatalogueCoverage(cycle, len(inds), tuple(missing)))
    return tuple(out)


def catalogue_table(items: tuple[CatalogueCoverage, ...]) -> str:
    """Return the per-catalogue coverage as text."""
    lines = []
    for c in items:
        pct = 100 * c.covered // c.total if c.total else 100
        lines.append(f"RMRP {c.cycle}: {c.covered} of {c.total} indicators have an entry in every "
                     f"language ({pct} %)")
        lines += [f"  - {ref} [{sector}] {text[:90]}" for ref, sector, text in c.missing]
    return "\n".join(lines) + "\n"
