"""Checks that compare: table figures against stored totals, the English draft
against the Spanish one (sector by sector), the stored facts against the data now.
"""
from __future__ import annotations

import difflib
from collections import Counter, defaultdict
from decimal import Decimal

from nlg.check.read import Block
from nlg.check.rules import DATA_CHANGED, FIGURE, ONE_LANGUAGE, Analysed, Finding, _finding, fits, number
from nlg.check.wording import Wording, fold
from nlg.content.facts import ContentPlan, Facts, Quantity
from nlg.content.hedge import is_true

_LABEL_SIMILAR = 0.8


def _cells(a: Analysed, section: str) -> dict[tuple[int, int, int], list[Block]]:
    """Return the table-cell blocks of ``section`` grouped by (table, row, column)."""
    grid: dict[tuple[int, int, int], list[Block]] = defaultdict(list)
    for block in a.doc.blocks:
        if block.cell is not None and block.section == section:
            grid[block.cell].append(block)
    return grid


def _check_cell(a: Analysed, blocks: list[Block], value: int, what: str) -> list[Finding]:
    """Return findings for figures in ``blocks`` that do not fit ``value``."""
    return [_finding(a, FIGURE, block, f"“{f.written}” does not fit the stored {what} {number(value)}",
                     written=f.written, sentence=f.sentence, expected=number(value))
            for block in blocks for f in a.figures.get(block.index, []) if not fits(f, value)]


def _check_row(a: Analysed, blocks: list[Block], values: list, what: str) -> list[Finding]:
    """Return findings for figures in ``blocks`` that fit none of ``values`` (each used once)."""
    left = [v for v in values if v is not None]
    out = []
    for block in blocks:
        for f in a.figures.get(block.index, []):
            match = next((v for v in left if fits(f, v)), None)
            if match is not None:
                left.remove(match)
                continue
            shown = ", ".join(number(v) for v in values if v is not None)
            out.append(_finding(a, FIGURE, block, f"“{f.written}” fits none of the stored {what} ({shown})",
                                written=f.written, sentence=f.sentence, expected=shown))
    return out


def _country_figures(a: Analysed) -> list[Finding]:
    """Return findings for the key figures per country (a multi-country report): the row of
    each country must still show its stored people assisted."""
    from nlg.numfmt import country_name
    from nlg.phrasebank import bank as phrasebank

    labels = phrasebank.load().langs[a.doc.lang].labels
    stored = a.doc.data.plan.assisted_by_country
    grid = _cells(a, "title")
    out = []
    for code, value in stored:
        if value is None:
            continue
        name = fold(labels.get(f"country_{code}") or country_name(code, locale=a.doc.lang.value))
        for (table, row, col), blocks in grid.items():
            if fold(" ".join(b.text for b in blocks)) != name:
                continue
            same = [b for (t, r, c), bs in grid.items() if (t, r) == (table, row) and c != col for b in bs]
            figures = [f for b in same for f in a.figures.get(b.index, [])]
            if figures and not any(fits(f, value) for f in figures):
                out.append(_finding(a, FIGURE, same[-1], f"no figure of {code} fits its stored people "
                                    f"assisted {number(value)}", written=figures[-1].written,
                                    sentence=figures[-1].sentence, expected=number(value)))
    return out


def table_figures(a: Analysed, wording: Wording) -> list[Finding]:
    """Return findings for people-reached cells and the people-assisted key figure."""
    facts = a.doc.data.facts
    totals = {t.sector: t.value for t in facts.sector_totals}
    countries = {t.sector: [c.value for c in t.by_country] for t in facts.sector_totals}
    out: list[Finding] = []
    grid = _cells(a, "people_reached")
    names = {**wording.sectors, **wording.short_sectors}
    for (table, row, col), blocks in sorted(grid.items()):
        code = names.get(fold(" ".join(b.text for b in blocks)))
        if code not in totals or totals[code] is None:
            continue
        same_row = [b for (t, r, c), bs in grid.items() if (t, r) == (table, row) and c != col for b in bs]
        if not any(a.figures.get(b.index) for b in same_row):
            same_row = [b for (t, r, c), bs in grid.items() if (t, c) == (table, col) and r != row for b in bs]
        if countries.get(code):        # several countries: the row holds each one's cell and the total
            out += _check_row(a, same_row, [totals[code], *countries[code]], f"figures of {code}")
        else:
            out += _check_cell(a, same_row, totals[code], f"total of {code}")
    out += _country_figures(a)
    assisted = a.doc.data.plan.people_assisted
    label = fold(wording.assisted.get(a.doc.lang.value, ""))
    if assisted and label:
        for blocks in _cells(a, "title").values():
            if any(difflib.SequenceMatcher(None, label, fold(b.text)).ratio() >= _LABEL_SIMILAR
                   for b in blocks):
                out += _check_cell(a, blocks, assisted.value, "number of people assisted")
    return out


def _sections(a: Analysed, skip: set[str]) -> dict[str, list[tuple[Block, object]]]:
    """Return each section's figures in order, as (block, figure), leaving out bullets in ``skip``."""
    out: dict[str, list] = defaultdict(list)
    for block in a.doc.blocks:
        if block.key and block.key in skip:
            continue
        for figure in a.figures.get(block.index, []):
            out[block.section].append((block, figure))
    return out


def pair(first: Analysed, second: Analysed, *, skip: set[str] = frozenset()) -> list[Finding]:
    """Return the figures one language shows and the other does not, section by section.

    Bullets in ``skip`` (already reported as wrong or deleted) are left out on both sides.
    """
    one, two = _sections(first, skip), _sections(second, skip)
    out = []
    for section in dict.fromkeys([*one, *two]):
        for this, other, doc in ((one, two, first), (two, one, second)):
            left = Counter(f.shown for _, f in other.get(section, []))
            for block, figure in this.get(section, []):
                if left[figure.shown] > 0:
                    left[figure.shown] -= 1
                    continue
                other_lang = (second if doc is first else first).doc.lang.value
                out.append(_finding(doc, ONE_LANGUAGE, block,
                                    f"“{figure.written}” has no counterpart in the {other_lang.upper()} draft",
                                    written=figure.written, sentence=figure.sentence, key=block.key))
    return out


def _shown(stored_plan: ContentPlan) -> dict[str, Quantity]:
    """Return fact key -> stored quantity of the message that shows it."""
    return {m.fact: m.quantity for s in stored_plan.sectors for b in s.bullets for m in b.messages}


def data_changes(a: Analysed, current: Facts) -> list[Finding]:
    """Return the differences between the stored facts and ``current`` (the facts drafted now)."""
    stored = {f.key: f for f in a.doc.data.facts.facts}
    now = {f.key: f for f in current.facts}
    shown = _shown(a.doc.data.plan)
    out = []
    for key in sorted(set(stored) | set(now)):
        before, after = stored.get(key), now.get(key)
        if before and after and before.value == after.value:
            continue
        if after is None:
            message, expected = f"no longer in the data (stored {number(before.value)})", ""
        elif before is None:
            message, expected = f"new in the data: {number(after.value)}", number(after.value)
        else:
            message = f"the data changed: stored {number(before.value)}, now {number(after.value)}"
            expected = number(after.value)
        if key in shown and after is not None:
            q = shown[key]
            still = is_true(Quantity(after.value, q.shown, q.hedge))
            message += f"; the draft's {q.hedge.value} {number(q.shown)} is " + \
                ("still true" if still else "no longer true")
        out.append(Finding(DATA_CHANGED, str(a.doc.path), a.doc.lang.value, "", message,
                           key=key, expected=expected))
    return out + _totals_changes(a, current)


def _totals_changes(a: Analysed, current: Facts) -> list[Finding]:
    """Return the changed people-reached totals and people-assisted figure."""
    stored = {t.sector: t.value for t in a.doc.data.facts.sector_totals}
    now = {t.sector: t.value for t in current.sector_totals}
    pairs = [(f"people reached, {k}", stored.get(k), now.get(k)) for k in sorted(set(stored) | set(now))]
    pairs.append(("people assisted", a.doc.data.facts.people_assisted, current.people_assisted))
    return [Finding(DATA_CHANGED, str(a.doc.path), a.doc.lang.value, "people_reached",
                    f"{what}: stored {_maybe(old)}, now {_maybe(new)}", key=what, expected=_maybe(new))
            for what, old, new in pairs if old != new]


def _maybe(n) -> str:
    return "none" if n is None else number(Decimal(n))
