"""A user's phrasebank folder layered over the shipped one, entry by entry.

A user folder (``phrasebanks:`` in report.yaml, ``--phrasebanks DIR``, made by
``sitrep phrasebank init DIR``) holds any of the phrasebank files, each with only
the entries the user wants to change or add:

- ``en/sentences.yaml``, ``es/sentences.yaml``: an entry (indicator or activity id)
  given here replaces the shipped entry of that id, with all its forms;
- every other file (``indicators.yaml``, ``sectors.yaml``, ``activities.yaml``,
  ``<lang>/lexicon.yaml``, ``<lang>/report.yaml``): inside each section
  (``indicators:``, ``nouns:``, ``labels:`` …) an item given here replaces the shipped
  item of that key; a list (``stopwords``) adds its words.

Entries the user folder does not name stay as shipped. Nothing here prints.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from nlg.errors import warning
from nlg.model import Lang, Problem

#: Files whose top-level keys are the entries (replaced whole); the others are merged per section.
ENTRY_FILES = frozenset(f"{lang.value}/sentences.yaml" for lang in Lang)
README = "README.md"


def files() -> tuple[str, ...]:
    """Return the relative paths of the files a phrasebank folder may hold."""
    per_lang = tuple(f"{lang.value}/{name}" for lang in Lang
                     for name in ("lexicon.yaml", "sentences.yaml", "report.yaml"))
    return ("sectors.yaml", "indicators.yaml", "activities.yaml") + per_lang


def merge(rel: str, base: Mapping, over: Mapping | None, *, copy=dict) -> dict:
    """Return the data of file ``rel`` with ``over`` layered over ``base``.

    ``copy`` makes the merged mappings (a marked mapping for the lint keeps lines).

    >>> merge("en/sentences.yaml", {"A": {"main": ["a"]}, "B": {"main": ["b"]}}, {"A": {"follow": ["x"]}})
    {'A': {'follow': ['x']}, 'B': {'main': ['b']}}
    >>> merge("en/lexicon.yaml", {"nouns": {"kits": 1, "kids": 2}, "stopwords": ["of"]},
    ...       {"nouns": {"kits": 3}, "stopwords": ["the", "of"]})
    {'nouns': {'kits': 3, 'kids': 2}, 'stopwords': ['of', 'the']}
    """
    out = copy(base)
    if not over:
        return out
    if rel in ENTRY_FILES:
        _update(out, over)
        return out
    for key, value in over.items():
        shipped = base.get(key)
        if isinstance(shipped, Mapping) and isinstance(value, Mapping):
            section = copy(shipped)
            _update(section, value)
            out[key] = section
        elif isinstance(shipped, list) and isinstance(value, list):
            out[key] = type(shipped)(list(dict.fromkeys([*shipped, *value])))
        else:
            out[key] = value
        if hasattr(out, "lines") and hasattr(over, "lines") and key in over.lines:
            out.lines[key] = over.lines[key]
    return out


def _update(target, source) -> None:
    target.update(source)
    if hasattr(target, "lines") and hasattr(source, "lines"):      # the lint's marked mappings
        target.lines.update(source.lines)


def overridden(rel: str, base: Mapping, over: Mapping | None) -> tuple[list[str], list[str]]:
    """Return the keys of ``over`` that replace a shipped item, and those identical to it."""
    if not over:
        return [], []
    pairs: list[tuple[str, object, object]] = []
    if rel in ENTRY_FILES:
        pairs = [(str(k), v, base.get(k)) for k, v in over.items()]
    else:
        for key, value in over.items():
            shipped = base.get(key)
            if isinstance(shipped, Mapping) and isinstance(value, Mapping):
                pairs += [(f"{key}.{k}", v, shipped.get(k)) for k, v in value.items()]
            else:
                pairs.append((str(key), value, shipped))
    replaced = [k for k, v, s in pairs if s is not None and _plain(v) != _plain(s)]
    same = [k for k, v, s in pairs if s is not None and _plain(v) == _plain(s)]
    return replaced, same


def _plain(value):
    """Return ``value`` as plain dicts/lists (marked containers compare by content anyway)."""
    if isinstance(value, Mapping):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def unknown_files(folder: Path) -> list[str]:
    """Return the files of a user folder that are no phrasebank file (ignored when drafting)."""
    known = set(files()) | {README}
    found = [p.relative_to(folder).as_posix() for p in sorted(folder.rglob("*"))
             if p.is_file() and not p.name.startswith(".")]
    return [rel for rel in found if rel not in known]


def user_files(folder: Path) -> list[str]:
    """Return the phrasebank files a user folder holds."""
    return [rel for rel in files() if (folder / rel).is_file()]


@dataclass(frozen=True)
class Checkout:
    """A source checkout whose ``phrasebanks/`` is not the copy drafting reads."""

    folder: Path           # the checkout's phrasebanks/
    installed: Path        # the installed copy drafting uses
    changed: tuple[str, ...]


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else ""


def find_checkout(starts: Iterable[Path]) -> Path | None:
    """Return the ``phrasebanks/`` of a sitrep-nlg checkout at or above one of ``starts``."""
    for start in starts:
        for folder in (start.resolve(), *start.resolve().parents):
            project = folder / "pyproject.toml"
            if (folder / "phrasebanks" / "indicators.yaml").is_file() and project.is_file():
                try:
                    if 'name = "sitrep-nlg"' in project.read_text(encoding="utf-8"):
                        return folder / "phrasebanks"
                except OSError:
                    continue
    return None


def stale_checkout(starts: Iterable[Path], installed: Path) -> Checkout | None:
    """Return the checkout whose edited phrasebank drafting does not read, if there is one.

    ``installed`` is the phrasebank drafting reads; when it *is* the checkout's (an
    editable install), nothing is stale.
    """
    checkout = find_checkout(starts)
    if checkout is None or checkout.resolve() == installed.resolve():
        return None
    changed = tuple(rel for rel in files() if _digest(checkout / rel) != _digest(installed / rel))
    return Checkout(checkout, installed, changed) if changed else None


def stale_warning(found: Checkout) -> Problem:
    """Return W342: the checkout's edits do not reach the drafts, and the ways to make them."""
    shown = ", ".join(found.changed[:3]) + (" …" if len(found.changed) > 3 else "")
    return warning(
        "W342", f"the phrasebank of this checkout ({shown}) differs from the installed copy the "
        f"drafts use ({found.installed}); your edits there have no effect yet",
        file=str(found.folder),
        hint="reinstall after each edit (pip install .), or install once with pip install -e . so "
             f"edits take effect at once, or draft with --phrasebanks {found.folder} "
             "(or 'phrasebanks:' in report.yaml)")
