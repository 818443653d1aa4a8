"""R4V sub-regional platforms: which countries one report covers (``nlg/data/platforms.yaml``).

A sub-regional platform (Southern Cone, Caribbean, Central America & Mexico) publishes one
report for the 5W rows of all its member countries. ``report.yaml`` names it with
``countries: [ARG, BOL, PRY, URY]``, ``countries: Southern Cone`` or ``platform: Southern
Cone`` alone (see docs/subregional.md).

>>> find("Cono Sur").members
('ARG', 'BOL', 'PRY', 'URY')
>>> find("Central America & Mexico").id, find("GTRM")
('central-america-mexico', None)
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from nlg.places import place_key

_DATA = Path(__file__).resolve().parents[1] / "data" / "platforms.yaml"
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_FILLERS = re.compile(r"\b(?:and|y|the|el|la|de|del)\b")


@dataclass(frozen=True)
class Platform:
    """A sub-regional platform: its id, member countries (ISO alpha-3) and accepted names."""

    id: str
    members: tuple[str, ...]
    names: tuple[str, ...]


def name_key(text: str) -> str:
    """Return a platform name folded for matching (case, accents, '&', 'and', articles).

    >>> name_key("Centroamérica y México") == name_key("Centroamerica & Mexico")
    True
    """
    folded = place_key(str(text).replace("&", " and "))
    return " ".join(_FILLERS.sub(" ", folded).split())


@lru_cache(maxsize=1)
def platforms() -> dict[str, Platform]:
    """Return the shipped sub-regional platforms by id."""
    data = yaml.load(_DATA.read_text(encoding="utf-8"), Loader=_LOADER)  # noqa: S506 (safe)
    return {pid: Platform(pid, tuple(d["members"]), tuple(d["names"]))
            for pid, d in data["platforms"].items()}


@lru_cache(maxsize=1)
def _index() -> dict[str, str]:
    index: dict[str, str] = {}
    for platform in platforms().values():
        for name in (platform.id.replace("-", " "), *platform.names):
            index[name_key(name)] = platform.id
    return index


def find(name: str) -> Platform | None:
    """Return the sub-regional platform ``name`` names (any listed name or its id), or None."""
    pid = _index().get(name_key(name))
    return platforms()[pid] if pid else None


def names() -> list[str]:
    """Return every accepted platform name (for did-you-mean hints)."""
    return [n for p in platforms().values() for n in p.names]


def slug(text: str) -> str:
    """Return a file-name form of a platform name: lower case ASCII words joined by '-'.

    >>> slug("Plataforma Río de la Plata"), slug("Caribbean")
    ('plataforma-rio-de-la-plata', 'caribbean')
    """
    return "-".join(place_key(text).split()) or "platform"
