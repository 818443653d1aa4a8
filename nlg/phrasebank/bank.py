"""Load the phrasebanks (all wording, as YAML data) into frozen objects.

Layout (see phrasebanks/README.md)::

    phrasebanks/sectors.yaml       sectors: codes, names by language code, export aliases
    phrasebanks/indicators.yaml    language-neutral entries: sector, measure, precision ...
    phrasebanks/activities.yaml    known activities (by alias) that refine a bullet
    phrasebanks/<lang>/lexicon.yaml    nouns (gender, irregular plurals), verbs, acronyms
    phrasebanks/<lang>/sentences.yaml  sentence templates per entry and activity
    phrasebanks/<lang>/report.yaml     labels, frames, hedge words of the document
"""
from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

import yaml

from nlg.errors import PhrasebankError, error
from nlg.lang.base import Noun
from nlg.model import Lang, Measure, Precision
from nlg.yamlfile import bounded_load

#: The C-accelerated safe loader when libyaml is available (10x faster), else the pure one.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

PACKAGE_DIR = Path(__file__).resolve().parents[1]


def default_dir() -> Path:
    """Return the phrasebank folder: inside the installed package, else the checkout's."""
    installed = PACKAGE_DIR / "phrasebanks"
    return installed if installed.is_dir() else PACKAGE_DIR.parent / "phrasebanks"


@dataclass(frozen=True)
class SectorDef:
    code: str
    names: Mapping[str, str]          # lang -> full name (headings)
    short: Mapping[str, str]          # lang -> short name (table headers)
    aliases: tuple[str, ...]
    parent: str = ""
    sensitive: bool = False
    order: int = 0

    @property
    def top(self) -> str:
        """Return the top-level sector code (the parent for sub-sectors)."""
        return self.parent or self.code


@dataclass(frozen=True)
class Entry:
    """A language-neutral indicator entry."""

    id: str
    sector: str
    kind: str                         # indicator type (nlg.catalogue.TYPES) when no catalogue says
    measure: Measure
    precision: Precision
    noun: str                         # lexicon key of what is counted
    group: str = "refugees_migrants"  # lexicon key of the people served
    priority: int = 0
    follows: str = ""                 # entry id this one follows as a second sentence
    catalogue: tuple[str, ...] = ()   # official indicators narrated ("2023-2024/RE-ED1" ...)
    aliases: tuple[str, ...] = ()     # exact wordings of indicators in no catalogue


@dataclass(frozen=True)
class ActivityDef:
    id: str
    entry: str                        # entry id it refines
    noun: str
    aliases: tuple[str, ...]
    priority: int = 0


@dataclass(frozen=True)
class LangBank:
    """Everything worded in one language."""

    lang: Lang
    sentences: Mapping[str, Mapping[str, tuple[str, ...]]]   # entry/activity -> form -> variants
    frames: Mapping[str, tuple[str, ...]]
    hedges: Mapping[str, tuple[str, ...]]
    labels: Mapping[str, str]
    nouns: Mapping[str, Noun]
    noun_populations: Mapping[str, Mapping[str, str]]         # noun -> pop type -> noun
    inclusive: Mapping[str, Noun]                            # noun key -> inclusive form
    verbs: Mapping[str, str]                                 # plural form -> singular form
    acronyms: Mapping[str, str]                              # short -> spelled out
    stopwords: frozenset[str] = frozenset()


@dataclass(frozen=True, eq=False)
class Phrasebank:
    root: Path
    sectors: Mapping[str, SectorDef]
    entries: Mapping[str, Entry]
    activities: Mapping[str, ActivityDef]
    langs: Mapping[Lang, LangBank] = field(default_factory=dict)
    overlay: Path | None = None       # the user's folder layered over ``root`` (nlg.phrasebank.layers)

    def sector(self, code: str) -> SectorDef:
        """Return the sector definition for ``code``."""
        return self.sectors[code]


def _read(path: Path) -> dict:
    try:
        data = bounded_load(path.read_text(encoding="utf-8"), _LOADER)   # safe; no alias bomb
    except FileNotFoundError:
        raise PhrasebankError(problems=[error("E301", "phrasebank file missing", file=str(path))]) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise PhrasebankError(problems=[error(
            "E302", f"invalid YAML: {getattr(exc, 'problem', exc)}", file=str(path),
            row=mark.line + 1 if mark else None)]) from None
    if not isinstance(data, dict):
        raise PhrasebankError(problems=[error("E303", "expected a mapping at the top", file=str(path))])
    return data


def _tuple(value) -> tuple[str, ...]:
    if value is None:
        return ()
    return tuple(str(v) for v in value) if isinstance(value, list) else (str(value),)


def _sectors(data: dict) -> dict[str, SectorDef]:
    out = {}
    for order, (code, d) in enumerate(data["sectors"].items()):
        out[code] = SectorDef(
            code=code, names=MappingProxyType({lang.value: d[lang.value] for lang in Lang}),
            short=MappingProxyType({lang.value: d.get(f"short_{lang.value}", d[lang.value]) for lang in Lang}),
            aliases=_tuple(d.get("aliases")), parent=d.get("parent", ""),
            sensitive=bool(d.get("sensitive", False)), order=order)
    return out


def _entries(data: dict) -> dict[str, Entry]:
    out = {}
    for eid, d in data["indicators"].items():
        out[eid] = Entry(
            id=eid, sector=d["sector"], kind=d.get("type", d.get("kind", "direct")),
            measure=Measure(d.get("measure", "people_monthly")),
            precision=Precision(d.get("precision", "approximate")),
            noun=d.get("noun", "refugees_migrants"), group=d.get("group", "refugees_migrants"),
            priority=int(d.get("priority", 0)), follows=d.get("follows", ""),
            catalogue=_tuple(d.get("catalogue")), aliases=_tuple(d.get("aliases")))
    return out


def _activities(data: dict) -> dict[str, ActivityDef]:
    return {aid: ActivityDef(id=aid, entry=d["entry"], noun=d["noun"],
                             aliases=_tuple(d.get("aliases")), priority=int(d.get("priority", 0)))
            for aid, d in (data.get("activities") or {}).items()}


def _noun(d: dict) -> Noun:
    return Noun(singular=d["sg"], plural=d.get("pl", ""), gender=d.get("gender", ""),
                stressed_a=bool(d.get("stressed_a", False)))


def _layered(root: Path, overlay: Path | None, rel: str) -> dict:
    """Return file ``rel`` of ``root`` with the same file of ``overlay`` layered over it."""
    from nlg.phrasebank.layers import merge

    base = _read(root / rel)
    if overlay is None or not (overlay / rel).is_file():
        return base
    return merge(rel, base, _read(overlay / rel))


def _lang_bank(root: Path, lang: Lang, overlay: Path | None = None) -> LangBank:
    lex = _layered(root, overlay, f"{lang.value}/lexicon.yaml")
    sen = _layered(root, overlay, f"{lang.value}/sentences.yaml")
    rep = _layered(root, overlay, f"{lang.value}/report.yaml")
    nouns = lex.get("nouns") or {}
    return LangBank(
        lang=lang,
        sentences=MappingProxyType({k: MappingProxyType({f: _tuple(v) for f, v in forms.items()})
                                    for k, forms in sen.items()}),
        frames=MappingProxyType({k: _tuple(v) for k, v in (rep.get("frames") or {}).items()}),
        hedges=MappingProxyType({k: _tuple(v) for k, v in (rep.get("hedges") or {}).items()}),
        labels=MappingProxyType({k: str(v) for k, v in (rep.get("labels") or {}).items()}),
        nouns=MappingProxyType({k: _noun(d) for k, d in nouns.items()}),
        noun_populations=MappingProxyType({k: MappingProxyType(d.get("populations") or {})
                                           for k, d in nouns.items()}),
        inclusive=MappingProxyType({k: _noun(d["inclusive"]) for k, d in nouns.items()
                                    if d.get("inclusive")}),
        verbs=MappingProxyType({str(k): str(v) for k, v in (lex.get("verbs") or {}).items()}),
        acronyms=MappingProxyType({str(k): str(v) for k, v in (lex.get("acronyms") or {}).items()}),
        stopwords=frozenset(_tuple(lex.get("stopwords"))),
    )


def load(root: Path | None = None, *, overlay: Path | None = None) -> Phrasebank:
    """Return the phrasebank at ``root`` (default: the shipped one), cached.

    ``overlay`` is a user's phrasebank folder layered over it entry by entry
    (:mod:`nlg.phrasebank.layers`); the files are read again when one of them changed.
    """
    root = Path(root) if root else default_dir()
    overlay = Path(overlay).resolve() if overlay else None
    if overlay is not None and not overlay.is_dir():
        raise PhrasebankError(problems=[error(
            "E301", "phrasebank folder not found", file=str(overlay),
            hint="give the folder made by 'sitrep phrasebank init DIR'")])
    stamp = _stamp(overlay) if overlay is not None else ()
    return _load(root, overlay, stamp)


def _stamp(folder: Path) -> tuple:
    """Return what identifies the state of a user folder's files (names, sizes, times)."""
    from nlg.phrasebank.layers import user_files

    return tuple((rel, (folder / rel).stat().st_size, (folder / rel).stat().st_mtime_ns)
                 for rel in user_files(folder))


@functools.lru_cache(maxsize=8)
def _load(root: Path, overlay: Path | None, stamp: tuple) -> Phrasebank:
    label = f"{overlay} over {root}" if overlay else str(root)
    try:
        return Phrasebank(
            root=root,
            sectors=MappingProxyType(_sectors(_layered(root, overlay, "sectors.yaml"))),
            entries=MappingProxyType(_entries(_layered(root, overlay, "indicators.yaml"))),
            activities=MappingProxyType(_activities(_layered(root, overlay, "activities.yaml"))),
            langs=MappingProxyType({lang: _lang_bank(root, lang, overlay) for lang in Lang}),
            overlay=overlay,
        )
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise PhrasebankError(problems=[error(
            "E304", f"malformed phrasebank entry: {exc}", file=label,
            hint="run 'sitrep phrasebank lint' for details")]) from None
