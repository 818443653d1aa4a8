"""The page's own words in English and Spanish (``labels.yaml``), and which language to show.

The language follows the browser's Accept-Language unless the drafter picked one
with the switch (remembered in a cookie). Report wording stays in phrasebanks/;
these are interface labels only.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

LANGS = ("en", "es")
_FILE = Path(__file__).resolve().parent / "labels.yaml"


@lru_cache(maxsize=1)
def _all() -> dict[str, dict[str, str]]:
    return yaml.safe_load(_FILE.read_text(encoding="utf-8"))


def labels(lang: str) -> dict[str, str]:
    """Return the interface labels in ``lang`` (English for an unknown language)."""
    return _all()[lang if lang in LANGS else "en"]


def from_header(header: str | None) -> str:
    """Return the first language of an Accept-Language header the page speaks (else English).

    >>> from_header("es-PE,es;q=0.9,en;q=0.8"), from_header("fr-FR, en;q=0.5"), from_header(None)
    ('es', 'en', 'en')
    >>> from_header("en;q=0.2, es;q=0.8")
    'es'
    """
    choices = []
    for i, part in enumerate((header or "").split(",")):
        tag, _, params = part.strip().partition(";")
        q = 1.0
        if params.strip().startswith("q="):
            try:
                q = float(params.strip()[2:])
            except ValueError:
                q = 0.0
        base = tag.strip().lower().split("-")[0]
        if base in LANGS and q > 0:
            choices.append((-q, i, base))
    return min(choices)[2] if choices else "en"


def pick(query: str | None, cookie: str | None, header: str | None) -> str:
    """Return the interface language: the switch, else the cookie, else the browser's."""
    for given in (query, cookie):
        if given in LANGS:
            return given
    return from_header(header)
