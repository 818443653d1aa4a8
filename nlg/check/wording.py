"""The phrasebank wording `sitrep check` needs, read straight from the YAML files.

Hedge words (so the quantity matcher stays in sync with what the drafts say),
section labels and sector names (to recognise headings in both languages), the
numbers that are part of lexicon wording ("children aged 6–59 months") and the
review prefixes. Read with the C YAML loader: the full phrasebank is not needed.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from nlg.errors import PhrasebankError, error
from nlg.lang import module as lang_module
from nlg.lang.base import GENDERS, Noun
from nlg.model import Lang
from nlg.phrasebank import bank as pb
from nlg.realise import textenv
from nlg.yamlfile import bounded_load

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_SLOT = re.compile(r"\\\{\\\{.*?\\\}\\\}")
_DIGITS = re.compile(r"\d+")
#: Labels that open a section of the document (Heading 1).
SECTION_LABELS = ("situation", "response", "people_reached", "coordination", "partners", "contacts")


@dataclass(frozen=True)
class Wording:
    """Hedge phrases, heading labels, sector names and wording numbers, per language."""

    hedges: dict[str, dict[str, tuple[str, ...]]]   # lang -> hedge -> phrases ("more than")
    labels: dict[str, dict[str, re.Pattern[str]]]   # lang -> label key -> heading pattern
    sectors: dict[str, str]                         # folded heading -> top-level sector code
    short_sectors: dict[str, str]                   # folded table header -> top-level code
    assisted: dict[str, str]                        # lang -> key figure label of people assisted
    noun_numbers: dict[str, frozenset[int]]         # lexicon noun key -> numbers in its wording
    review_prefixes: tuple[str, ...]                # "REVIEW", "REVISAR"
    admin1_units: dict[str, frozenset[str]] = field(default_factory=dict)  # lang -> "regions" ...


def fold(text: str) -> str:
    """Return ``text`` case- and accent-folded with single spaces.

    >>> fold("  Protección  (VBG) ")
    'proteccion (vbg)'
    """
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return " ".join(plain.casefold().split())


def _read(path: Path) -> dict:
    """Return one phrasebank YAML file as a mapping, or raise PhrasebankError."""
    try:
        data = bounded_load(path.read_text(encoding="utf-8"), _LOADER)
    except (OSError, yaml.YAMLError) as exc:
        raise PhrasebankError(problems=[error("E308", f"cannot read the phrasebank ({exc})",
                                              file=str(path))]) from None
    return data if isinstance(data, dict) else {}


def _hedge_phrases(lang: Lang, templates: list[str]) -> tuple[str, ...]:
    """Return every surface form of the hedge templates (agreement expanded)."""
    rules = lang_module(lang)
    forms: set[str] = set()
    for source in templates:
        for gender in GENDERS:        # a hedged figure is always plural
            try:
                agreement = textenv.Agreement(rules, Noun("x", gender=gender), True, {})
                forms.add(textenv.render(source, {}, agreement=agreement).strip())
            except ValueError:
                continue
    return tuple(sorted(f for f in forms if f))


def _pattern(template: str) -> re.Pattern[str]:
    """Return a regex matching a label template with any slot values (folded text)."""
    escaped = _SLOT.sub(".+?", re.escape(fold(template)))
    return re.compile(escaped.replace(r"\*", r"\*?"))


def _numbers(entry) -> set[int]:
    """Return the numbers written in a lexicon noun entry (all its forms)."""
    if not isinstance(entry, dict):
        return set()
    texts = [entry.get("sg", ""), entry.get("pl", "")]
    inclusive = entry.get("inclusive") or {}
    texts += [inclusive.get("sg", ""), inclusive.get("pl", "")]
    return {int(n) for text in texts for n in _DIGITS.findall(str(text))}


def _noun_numbers(lexicons: list[dict]) -> dict[str, frozenset[int]]:
    """Return, per noun key, the numbers in its wording and its population variants."""
    found: dict[str, set[int]] = {}
    for lex in lexicons:
        nouns = lex.get("nouns") or {}
        for key, entry in nouns.items():
            numbers = _numbers(entry)
            for other in ((entry or {}).get("populations") or {}).values():
                numbers |= _numbers(nouns.get(other))
            found.setdefault(str(key), set()).update(numbers)
    return {k: frozenset(v) for k, v in found.items() if v}


def _sector_names(data: dict) -> tuple[dict[str, str], dict[str, str]]:
    """Return (heading name -> top code, table header -> top code), folded, both languages."""
    names, short = {}, {}
    for code, d in (data.get("sectors") or {}).items():
        top = d.get("parent") or code
        for lang in Lang:
            names[fold(d[lang.value])] = top
            short[fold(d.get(f"short_{lang.value}", d[lang.value]))] = top
    return names, short


def _layered(root: Path, overlay: Path | None, rel: str) -> dict:
    from nlg.phrasebank.layers import merge

    base = _read(root / rel)
    return merge(rel, base, _read(overlay / rel)) if overlay and (overlay / rel).is_file() else base


def load(root: Path | None = None, *, overlay: Path | None = None) -> Wording:
    """Return the wording `sitrep check` needs from the phrasebank at ``root`` (with ``overlay``)."""
    root = Path(root) if root else pb.default_dir()
    hedges, labels, assisted, prefixes, lexicons = {}, {}, {}, ["REVIEW"], []
    for lang in Lang:
        report = _layered(root, overlay, f"{lang.value}/report.yaml")
        lexicons.append(_layered(root, overlay, f"{lang.value}/lexicon.yaml"))
        words = report.get("labels") or {}
        hedges[lang.value] = {kind: _hedge_phrases(lang, list(v or []))
                              for kind, v in (report.get("hedges") or {}).items()}
        labels[lang.value] = {k: _pattern(str(words[k])) for k in SECTION_LABELS if k in words}
        assisted[lang.value] = str(words.get("key_assisted", ""))
        prefixes.append(str(words.get("review_prefix", "REVIEW")))
    names, short = _sector_names(_layered(root, overlay, "sectors.yaml"))
    units = {lang.value: frozenset(_plural(d) for k, d in (lex.get("nouns") or {}).items()
                                   if (str(k).startswith("admin1_") or k == "place_countries")
                                   and isinstance(d, dict))
             for lang, lex in zip(Lang, lexicons)}
    return Wording(hedges, labels, names, short, assisted, _noun_numbers(lexicons),
                   tuple(dict.fromkeys(prefixes)), units)


def _plural(noun: dict) -> str:
    """The plural of a lexicon noun as written (English rule: + s)."""
    return str(noun.get("pl") or f"{noun.get('sg', '')}s").lower()


def section_of(wording: Wording, heading: str, level: int) -> str:
    """Return the section key of a heading: a label key, ``sector:CODE`` or ``heading:TEXT``."""
    folded = fold(heading)
    if level >= 2 and folded in wording.sectors:
        return f"sector:{wording.sectors[folded]}"
    for by_key in wording.labels.values():
        for key, pattern in by_key.items():
            if pattern.fullmatch(folded):
                return key
    if folded in wording.sectors:
        return f"sector:{wording.sectors[folded]}"
    return f"heading:{folded}"
