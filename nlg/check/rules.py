"""The checks on one reviewed draft: figures against the stored facts, bullets
against the stored plan, leftover review flags and placeholders, English left in
the Spanish text. Each returns :class:`Finding` objects; nothing here prints.
"""
from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal

from nlg import numfmt
from nlg.check.quantities import Figure
from nlg.check.read import Block, Reviewed
from nlg.check.wording import Wording, fold
from nlg.content import hedge as hedges
from nlg.content.facts import Bullet, ContentPlan, Fact, Quantity
from nlg.model import Hedge

#: Finding codes (E6xx: check). E60x are errors that stop the check (see check_read).
FIGURE, ONE_LANGUAGE, DELETED, ADDED = "E610", "E620", "E630", "E631"
REVIEW_FLAG, PLACEHOLDER, ENGLISH, DATA_CHANGED = "E640", "E641", "E650", "E660"
KINDS = {FIGURE: "figure", ONE_LANGUAGE: "one-language", DELETED: "bullet-deleted",
         ADDED: "bullet-added", REVIEW_FLAG: "review-flag", PLACEHOLDER: "placeholder",
         ENGLISH: "english-in-spanish", DATA_CHANGED: "data-changed"}
#: The findings on what the check can trust (written by :mod:`nlg.check.trust`).
UNSEALED, OTHER_KEY, HIDDEN, DIGITS, TOO_LONG = "E672", "E673", "E674", "E675", "E676"
TRUST_KINDS = {UNSEALED: "unsealed-data", OTHER_KEY: "seal-other-key", HIDDEN: "hidden-characters",
               DIGITS: "other-digits", TOO_LONG: "paragraph-too-long"}
PLACEHOLDER_RE = re.compile(r"\{\{.*?\}\}|\[[^\]\n]{0,40}\]|\b(?:XXX+|TBD|TBC|TODO|FIXME)\b|\?\?\?|<[^<>\n]{1,40}>")
#: bullet -> (its places and figures, its figures) as a draft would write them
Signature = Callable[[Bullet], tuple[list[str], list[str]]]
SIMILAR = 0.6           # text similarity that identifies a bullet whose bookmark is gone
_MIN_ENGLISH = 2        # English-only stop words a sentence needs to count as English


@dataclass(frozen=True)
class Finding:
    """One thing a reviewer should look at, located and quoted."""

    code: str
    file: str
    lang: str
    section: str
    message: str
    written: str = ""     # the figure (or text) as written
    sentence: str = ""    # the sentence it is in
    key: str = ""         # plan bullet or fact key
    expected: str = ""    # what the stored facts say

    @property
    def kind(self) -> str:
        """Return the finding's kind ("figure", "bullet-deleted" ...)."""
        return KINDS.get(self.code) or TRUST_KINDS.get(self.code, self.code)


@dataclass
class Analysed:
    """A reviewed draft with the figures of each block and its English-looking sentences."""

    doc: Reviewed
    figures: dict[int, list[Figure]]
    english: list[tuple[Block, str]]


def _finding(a: Analysed, code: str, block: Block | None, message: str, **kw: str) -> Finding:
    return Finding(code, str(a.doc.path), a.doc.lang.value, block.section if block else "",
                   message, **kw)


def number(n: int | float | Decimal | str) -> str:
    """Return ``n`` written for the tool's messages (in English, with its grouping)."""
    from nlg.lang import REFERENCE, module

    d = Decimal(n)
    return numfmt.integer(int(d), locale=module(REFERENCE).NUMBER_LOCALE) \
        if d == d.to_integral_value() else str(d)


def fits(figure: Figure, value: int) -> bool:
    """Return whether ``figure`` (with its hedge) is true of the stored ``value``.

    >>> f = Figure("over 900", Hedge.OVER, Decimal(900), Decimal(1), "", 0)
    >>> fits(f, 912), fits(f, 880)
    (True, False)
    """
    if figure.hedge is Hedge.EXACT:
        return abs(Decimal(value) - figure.shown) * 2 <= figure.unit if figure.unit > 1 \
            else Decimal(value) == figure.shown
    shown = int(figure.shown) if figure.shown == figure.shown.to_integral_value() else float(figure.shown)
    # a figure read back may be a fraction ("1.5 million"): is_true compares it as a number
    true = hedges.is_true(Quantity(value, shown, figure.hedge))  # type: ignore[arg-type]
    return true and not understates(figure, value)


def understates(figure: Figure, value: int) -> bool:
    """Return whether an "over" figure is true but loose: below both ``value`` cut to one
    significant figure and 80% of it ("more than 90" for 906; the drafts write "over 900").

    >>> over = lambda n: Figure(f"over {n}", Hedge.OVER, Decimal(n), Decimal(1), "", 0)
    >>> understates(over(90), 906), understates(over(700), 906), understates(over(880), 906)
    (True, True, False)
    >>> understates(over(20), 29), understates(over(1500), 1987)
    (False, False)
    """
    if figure.hedge is not Hedge.OVER or value <= figure.shown:
        return False
    step = 10 ** (len(str(abs(int(value)))) - 1)
    return figure.shown < min(value // step * step, Decimal(value) * Decimal("0.8"))


@dataclass
class _Slot:
    value: int
    fact: str = ""            # "" for a count of regions or a number of the wording
    quantity: Quantity | None = None
    what: str = ""            # how a slot that is not a quantity is described
    used: bool = False

    def accepts(self, figure: Figure) -> bool:
        """Return whether ``figure`` may stand for this slot."""
        if self.quantity is not None:
            return fits(figure, self.value)
        return figure.hedge is Hedge.EXACT and figure.shown == self.value


def _slots(bullet: Bullet, facts: Mapping[str, Fact], wording: Wording) -> list[_Slot]:
    """Return the figures a bullet may show: its quantities, region counts, wording numbers."""
    slots = []
    for m in bullet.messages:
        slots.append(_Slot(int(m.quantity.value), m.fact, m.quantity))  # bullets count people: whole numbers
        if m.form.startswith("main") and not m.places:
            slots.append(_Slot(m.region_count, what="regions with activity"))
            if m.country_count > 1:
                slots.append(_Slot(m.country_count, what="countries with activity"))
        fact = facts.get(m.fact)
        previous = fact.previous if fact is not None else None
        if m.previous_shown is not None:   # the previous figure as its draft printed it
            shown = m.previous_shown
            slots.append(_Slot(int(shown.value), m.fact, shown, what="previous period"))
        elif previous is not None:
            slots.append(_Slot(previous, m.fact, what="previous period"))
        for noun in (m.noun, m.group):
            slots.extend(_Slot(n, what="part of the wording")
                         for n in sorted(wording.noun_numbers.get(noun, ())))
    return slots


def _describe(q: Quantity, fact: str | bool = "") -> str:
    """Return a stored quantity as "906 (drafted as over 900)", naming the fact if asked."""
    of = f"{fact}: " if fact else ""
    if q.hedge is Hedge.EXACT:
        return f"{of}{number(q.value)} (drafted exactly)"
    return f"{of}{number(q.value)} (drafted as {q.hedge.value} {number(q.shown)})"


def bullet_figures(a: Analysed, block: Block, bullet: Bullet, facts: Mapping[str, Fact],
                   wording: Wording, notes: Sequence[str] = ()) -> list[Finding]:
    """Return a finding for each figure of a bullet that its stored facts do not support.

    Figures in a sentence of one of the sector's drafter ``notes`` (a note ending the bullet,
    nlg.content.notes) are the drafter's, not the data's, and are left alone.
    """
    slots = _slots(bullet, facts, wording)
    drafted = [fold(n) for n in notes]
    out = []
    for figure in a.figures.get(block.index, []):
        if figure.sentence and any(fold(figure.sentence).strip() in n for n in drafted):
            continue
        slot = next((s for s in slots if not s.used and s.accepts(figure)), None)
        if slot is not None:
            slot.used = True
            continue
        near = min(slots, key=lambda s: (s.used, abs(s.value - figure.shown) / max(s.value, 1)))
        loose = near.quantity is not None and understates(figure, near.value)
        why = (f"“{figure.written}” understates the stored value {number(near.value)}" if loose
               else f"“{figure.written}” does not fit the stored value {number(near.value)}")
        out.append(_finding(a, FIGURE, block, why,
                            written=figure.written, sentence=figure.sentence, key=block.key,
                            expected=_expected(near, block.key)))
    return out


def _expected(slot: _Slot, bullet: str) -> str:
    """Return what the stored facts say for ``slot``, naming its fact if not the bullet's own."""
    if slot.quantity is None:
        return f"{number(slot.value)} ({slot.what})"
    return _describe(slot.quantity, slot.fact != bullet and slot.fact)


def locate_bullets(a: Analysed, plan: ContentPlan, texts: Mapping[str, str] | None,
                   signature: Signature) -> tuple[dict[str, Block], list[str]]:
    """Return ({bullet key: block}, [deleted keys]); a bullet without bookmark is found by text."""
    found = {b.key: b for b in a.doc.blocks if b.key and b.text.strip()}
    free = [b for b in a.doc.blocks if not b.key and b.text.strip() and b.cell is None
            and not b.is_heading and b.section.startswith("sector:")]
    deleted = []
    for sector in plan.sectors:
        for bullet in sector.bullets:
            if bullet.key in found:
                continue
            match = _similar(free, bullet, (texts or {}).get(bullet.key), signature)
            if match is None:
                deleted.append(bullet.key)
                continue
            free.remove(match)
            found[bullet.key] = replace(match, key=bullet.key)
    return found, deleted


def _similar(free: Sequence[Block], bullet: Bullet, text: str | None, signature: Signature) -> Block | None:
    """Return the unbookmarked block most like ``bullet`` (its text, else its signature)."""
    best, score = None, SIMILAR
    for block in free:
        if block.section != f"sector:{bullet.sector}":
            continue
        if text is not None:
            s = difflib.SequenceMatcher(None, fold(text), fold(block.text)).ratio()
        else:
            tokens, numbers = signature(bullet)
            body = fold(block.text)
            if not any(fold(n) in body for n in numbers):
                continue
            s = sum(fold(t) in body for t in tokens) / max(len(tokens), 1)
        if s >= score:
            best, score = block, s
    return best


def flags(a: Analysed, wording: Wording) -> list[Finding]:
    """Return leftover review flags (highlight, "REVIEW:" text) and placeholders."""
    out = []
    prefixes = re.compile("|".join(rf"\b{re.escape(p)}\s*:" for p in wording.review_prefixes))
    for block in a.doc.blocks:
        if block.highlighted or prefixes.search(block.text):
            out.append(_finding(a, REVIEW_FLAG, block, "review flag left in the text"
                                + (" (highlighted)" if block.highlighted else ""),
                                sentence=block.text.strip(), key=block.key))
        for match in PLACEHOLDER_RE.finditer(block.text):
            out.append(_finding(a, PLACEHOLDER, block, f"placeholder “{match.group()}” left in the text",
                                written=match.group(), sentence=block.text.strip(), key=block.key))
    return out


def english(a: Analysed) -> list[Finding]:
    """Return the sentences of a Spanish draft that read as English."""
    return [_finding(a, ENGLISH, block, "this sentence reads as English", sentence=text,
                     key=block.key) for block, text in a.english]


def is_english(counts: tuple[int, int]) -> bool:
    """Return whether (English-only, Spanish-only) stop-word counts say English.

    >>> is_english((2, 1)), is_english((14, 15)), is_english((1, 0))
    (True, False, False)
    """
    en, es = counts
    return en >= _MIN_ENGLISH and en >= 2 * es
