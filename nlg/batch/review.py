"""What a batch leaves to review: a table per report, printed and written as ``batch_review.xlsx``.

One row per report (bullets that need a human, data warnings, status, its QA workbook),
and one row per bullet to review (report, language, the bullet's start, why). The workbook
is written next to ``manifest.json`` with the QA workbook's writer (:mod:`nlg.draft.qa_xlsx`):
reproducible, dated with the latest report period, never the clock; a copy someone edited
is kept as ``batch_review.edited-N.xlsx``. Nothing here prints.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from nlg.draft import qa_xlsx

FILE = "batch_review.xlsx"
_ITEM = re.compile(r"^(?:(?P<lang>[a-z]{2,3}): )?(?P<text>.*?)(?: \[(?P<why>[^\]]*)\])?$", re.S)
HEADERS = ("Report", "Folder", "Status", "Bullets to review", "Data warnings", "Reason", "QA workbook")


@dataclass(frozen=True)
class Row:
    """One report's line of the review table."""

    key: str
    folder: str
    status: str
    bullets: int                               # bullets needing review (in its busiest language)
    items: tuple[tuple[str, str, str], ...]    # (language, bullet start, why)
    warnings: int
    reason: str = ""
    qa: str = ""

    @property
    def needs_look(self) -> bool:
        """Return whether a person has something to do in this report."""
        return bool(self.bullets or self.warnings or self.status in ("failed", "edited"))


def _items(review: Sequence[str]) -> tuple[tuple[str, str, str], ...]:
    """Return (language, text, why) of each review item as the batch records it ("en: … [why]").

    >>> _items(["en: In Lima, 30 kits… [translation needed]"])
    (('en', 'In Lima, 30 kits…', 'translation needed'),)
    """
    out = []
    for item in review:
        match = _ITEM.match(item)
        out.append((match.group("lang") or "", match.group("text"), match.group("why") or ""))
    return tuple(out)


def rows(outcomes) -> list[Row]:
    """Return the review table of a batch's outcomes, in report order."""
    table = []
    for o in outcomes:
        items = _items(o.review)
        by_lang = Counter(lang for lang, _, _ in items)
        qa = next((f.path for f in o.outputs if f.role == "qa"), "")
        table.append(Row(o.report.key or o.report.label, o.report.label, o.status.value,
                         max(by_lang.values(), default=0), items, len(o.warnings), o.reason, qa))
    return table


def table(found: Sequence[Row]) -> str:
    """Return the printed table of the reports that need a look ('' when none does)."""
    shown = [r for r in found if r.needs_look]
    if not shown:
        return ""
    bullets = sum(r.bullets for r in found)
    reports = sum(1 for r in found if r.bullets)
    width = max(len(r.key) for r in shown)
    lines = [f"To review: {bullets} bullet(s) in {reports} report(s); "
             f"{sum(r.warnings for r in found)} data warning(s) (details in {FILE}):",
             f"  {'report':<{width}}  {'status':<10}  {'bullets':>7}  {'warnings':>8}  QA workbook"]
    for r in shown:
        lines.append(f"  {r.key:<{width}}  {r.status:<10}  {r.bullets:>7}  {r.warnings:>8}  {r.qa or '-'}")
    return "\n".join(lines) + "\n"


def sheets(found: Sequence[Row]) -> list[qa_xlsx.Sheet]:
    """Return the workbook's sheets: the table by report, and every bullet to review."""
    summary = [HEADERS] + [(r.key, r.folder, r.status, r.bullets, r.warnings, r.reason, r.qa)
                           for r in found]
    bullets = [("Report", "Language", "Bullet", "Why")] + [
        (r.key, lang, text, why) for r in found for lang, text, why in r.items]
    return [qa_xlsx.Sheet("Review", summary, bold=frozenset({0}), widths=(18, 22, 12, 10, 10, 50, 28),
                          frozen_header=True, autofilter=True),
            qa_xlsx.Sheet("Bullets", bullets, bold=frozenset({0}), widths=(18, 9, 80, 50),
                          frozen_header=True, autofilter=True)]


def _created(outcomes) -> dt.datetime:
    """Return the workbook's date: the 28th of the latest report period (never the clock)."""
    periods = [str(o.report.period) for o in outcomes if o.report.period]
    last = max((p.split("..")[-1] for p in periods), default="2000-01")
    year, month = (int(x) for x in last.split("-")[:2])
    return dt.datetime(year, month, 28, 12, 0)


def write(out: Path, outcomes) -> Path:
    """Return the path of ``batch_review.xlsx`` after writing it (atomically) into ``out``."""
    from nlg.draft.files import backup_path
    from nlg.word.save import write_atomic

    path = Path(out) / FILE
    data = qa_xlsx.build(sheets(rows(outcomes)), title="sitrep batch: what to review",
                         created=_created(outcomes))
    if path.exists() and path.read_bytes() != data and qa_xlsx.is_edited(path):
        write_atomic(backup_path(path), path.read_bytes())
    write_atomic(path, data)
    return path
