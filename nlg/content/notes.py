"""Where each drafter note goes: after the bullet it belongs to (docs/notes.md).

A note of ``sector_notes`` that names an ``indicator:`` (a phrasebank entry id or an RMRP
code, as the bullet's Word comment names it) or an ``activity:`` (a phrasebank activity id)
is the next sentence of the bullet that narrates it, so its meaning stays with its figure.
A note whose bullet is not narrated this month is never moved to another bullet: it stays
after the sector's bullets, flagged for review (W290). A note that names nothing is a
sector-level note, after the sector's bullets, as before.

Placing is language-neutral: every language puts a note in the same place.
"""
from __future__ import annotations

from dataclasses import dataclass

from nlg.config.report import Note, ReportConfig
from nlg.content.facts import Bullet, ContentPlan
from nlg.errors import did_you_mean, error, warning
from nlg.lang import REFERENCE
from nlg.model import Problem
from nlg.phrasebank.bank import Phrasebank


@dataclass(frozen=True)
class Placed:
    """One note and where it goes."""

    note: Note
    sector: str            # top-level sector code
    index: int             # its position in report.yaml's list for its sector name
    name: str              # the sector name as report.yaml writes it
    bullet: str = ""       # key of the bullet it ends ("": after the sector's bullets)
    missing: bool = False  # it names a bullet this report does not narrate (flagged)


def entries_named(target: str, bank: Phrasebank) -> frozenset[str]:
    """Return the entry ids an ``indicator:`` names: an entry id, or an RMRP code of an
    entry's catalogue (``RE-ED1`` or ``2023-2024/RE-ED1``), case ignored."""
    wanted = target.strip().upper()
    if not wanted:
        return frozenset()
    out = {e.id for e in bank.entries.values() if e.id.upper() == wanted}
    for entry in bank.entries.values():
        for ref in entry.catalogue:
            if wanted in (ref.upper(), ref.split("/")[-1].upper()):
                out.add(entry.id)
    return frozenset(out)


def _top(bank: Phrasebank, code: str) -> str:
    return bank.sector(code).top if code in bank.sectors else code


def _target_sector(note: Note, bank: Phrasebank) -> tuple[set[str], str]:
    """Return (top-level sectors of what the note names, the kind named)."""
    if note.activity:
        act = bank.activities.get(note.activity)
        entry = bank.entries.get(act.entry) if act else None
        return ({_top(bank, entry.sector)} if entry else set()), "activity"
    return {_top(bank, bank.entries[e].sector) for e in entries_named(note.indicator, bank)}, \
        "indicator"


def target_problems(config: ReportConfig, bank: Phrasebank, sector_of) -> list[Problem]:
    """Return E185 (names no known indicator or activity) and E186 (one of another sector).

    ``sector_of`` maps a sector name of report.yaml to its code ("" unknown).
    """
    file = str(config.folder / "report.yaml")
    out = []
    for name, notes in config.sector_notes.items():
        top = _top(bank, sector_of(name)) if sector_of(name) else ""
        for i, note in enumerate(notes):
            if not note.target or not top:
                continue
            sectors, kind = _target_sector(note, bank)
            where = f"sector_notes.{name}[{i}].{kind}"
            if not sectors:
                known = bank.activities if kind == "activity" else bank.entries
                out.append(error("E185", f"{where}: no {kind} {note.target!r} in the phrasebank"
                                 + did_you_mean(note.target, known), file=file, column=where,
                                 value=note.target,
                                 hint=f"write the {kind} as the bullet's Word comment names it "
                                      "(e.g. RE-HE5_PER, or RE-WA4 / newborn_kits: activity newborn_kits)"))
            elif top not in sectors:
                named = ", ".join(sorted(bank.sectors[c].names.get(REFERENCE.value, c) if c in bank.sectors
                                         else c for c in sectors))
                out.append(error("E186", f"{where}: {note.target} is narrated under {named}, "
                                 f"not under {name}",
                                 file=file, column=where, value=note.target,
                                 hint="put the note under the sector of its bullet"))
    return out


def _matches(note: Note, bullet: Bullet, entries: frozenset[str]) -> int:
    """Return how well ``bullet`` is the note's: 2 it narrates the target itself, 1 a part of it
    (an activity of the indicator), 0 not at all."""
    best = 0
    for m in bullet.messages:
        parts = m.fact.split("/")
        entry, activity = parts[1] if len(parts) > 1 else "", parts[2] if len(parts) > 2 else ""
        if note.activity:
            best = max(best, 2 if activity == note.activity else 0)
        elif entry in entries:
            best = max(best, 1 if activity else 2)
    return best


def place(config: ReportConfig, plan: ContentPlan, bank: Phrasebank, sector_of) -> tuple[Placed, ...]:
    """Return every note with the bullet it ends, in report.yaml's order per sector."""
    bullets = {sp.sector: sp.bullets for sp in plan.sectors}
    out = []
    for name, notes in config.sector_notes.items():
        code = sector_of(name)
        top = _top(bank, code) if code else name
        for i, note in enumerate(notes):
            if not note.target:
                out.append(Placed(note, top, i, name))
                continue
            entries = entries_named(note.indicator, bank) if note.indicator else frozenset()
            ranked = [(_matches(note, b, entries), n, b.key) for n, b in enumerate(bullets.get(top, ()))]
            ranked = sorted((r for r in ranked if r[0]), key=lambda r: (-r[0], r[1]))
            out.append(Placed(note, top, i, name, bullet=ranked[0][2]) if ranked
                       else Placed(note, top, i, name, missing=True))
    return tuple(out)


def unplaced_warnings(config: ReportConfig, placed: tuple[Placed, ...]) -> tuple[Problem, ...]:
    """Return W290 for each note whose bullet this report does not narrate."""
    file = str(config.folder / "report.yaml")
    return tuple(warning(
        "W290", f"sector_notes.{p.name}[{p.index}]: no bullet of this report narrates "
        f"{p.note.target}; the note is shown after the sector's bullets, flagged for review",
        file=file, column=f"sector_notes.{p.name}[{p.index}]", value=p.note.target,
        hint="delete the note this month, or name the bullet it belongs to")
        for p in placed if p.missing)
