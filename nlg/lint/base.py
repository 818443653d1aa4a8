"""Shared pieces of the phrasebank lint: the files as read, where a finding points.

Every check module (:mod:`nlg.lint.entries`, :mod:`nlg.lint.sentences`,
:mod:`nlg.lint.lexicon`) takes a :class:`Bank` and returns findings; codes are
listed in :mod:`nlg.lint.runner`.
"""
from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from nlg.errors import did_you_mean, error, warning
from nlg.lang import REFERENCE as _REFERENCE
from nlg.lang import name as _name
from nlg.lint.yamlcheck import MarkedMap, MarkedSeq
from nlg.model import Lang, Problem

SECTORS = "sectors.yaml"
INDICATORS = "indicators.yaml"
ACTIVITIES = "activities.yaml"
#: The slots the sentence templates may use (see nlg/realise/sentences.py).
SLOTS = ("place", "actor", "count", "group", "sector", "label", "usd")
#: The languages' names in messages ("Spanish"), from their modules.
LANG_NAMES = {lang: _name(lang) for lang in Lang}
#: The language the others are compared with (variants, slots, populations).
REFERENCE = _REFERENCE


def lexicon(lang: Lang) -> str:
    """Return the relative path of a language's lexicon."""
    return f"{lang.value}/lexicon.yaml"


def sentences(lang: Lang) -> str:
    """Return the relative path of a language's sentence templates."""
    return f"{lang.value}/sentences.yaml"


def report(lang: Lang) -> str:
    """Return the relative path of a language's report wording."""
    return f"{lang.value}/report.yaml"


@dataclass(frozen=True)
class Bank:
    """The phrasebank files as read (``data[rel]`` is None when unreadable)."""

    label: str                     # how the folder is named in messages
    data: Mapping[str, Any]

    def file(self, rel: str) -> str:
        """Return the file name shown in messages."""
        return f"{self.label}/{rel}" if self.label else rel

    def section(self, rel: str, key: str | None = None) -> MarkedMap:
        """Return a top-level mapping (or the file itself), empty when absent or malformed."""
        data = self.data.get(rel)
        if key is not None and isinstance(data, dict):
            data = data.get(key)
        return data if isinstance(data, MarkedMap) else MarkedMap()

    def readable(self, rel: str) -> bool:
        """Return whether ``rel`` was read."""
        return self.data.get(rel) is not None


@dataclass(frozen=True)
class At:
    """Where findings of one check point: the bank and a file."""

    bank: Bank
    rel: str

    def error(self, code: str, line: int | None, entry: str, message: str, *,
              hint: str | None = None, value: str | None = None) -> Problem:
        """Return an error at ``line`` of this file about ``entry``."""
        return error(code, f"{entry}: {message}" if entry else message,
                     file=self.bank.file(self.rel), row=line or None, hint=hint, value=value)

    def warning(self, code: str, line: int | None, entry: str, message: str, *,
                hint: str | None = None, value: str | None = None) -> Problem:
        """Return a warning at ``line`` of this file about ``entry``."""
        return warning(code, f"{entry}: {message}" if entry else message,
                       file=self.bank.file(self.rel), row=line or None, hint=hint, value=value)


def ref(value: Any) -> Any:
    """Return ``value`` when it can name something (text, number), else its text form.

    >>> ref("EDU"), ref(["a", 2])
    ('EDU', "['a', 2]")
    """
    if value is None or isinstance(value, (str, int, float)):
        return value
    return str(value)


def items(mapping: Any) -> Iterator[tuple[Any, Any, int]]:
    """Return (key, value, line) of a marked mapping (nothing for anything else)."""
    if isinstance(mapping, dict):
        for key, value in mapping.items():
            yield key, value, mapping.line_of(key) if isinstance(mapping, MarkedMap) else 0


def texts(value: Any) -> list[tuple[int, Any, int]]:
    """Return (index, item, line) of a list, or of a single value as a one-item list."""
    if isinstance(value, MarkedSeq):
        return [(i, v, value.line_of(i)) for i, v in enumerate(value)]
    if isinstance(value, list):
        return [(i, v, 0) for i, v in enumerate(value)]
    return [] if value is None else [(0, value, 0)]


def unknown_keys(at: At, entry: str, mapping: MarkedMap, allowed: tuple[str, ...],
                 what: str) -> list[Problem]:
    """Return an E325 finding per key of ``mapping`` not in ``allowed``."""
    split = "; in {…} a comma ends the text: put text with commas in quotes"
    return [at.error("E325", mapping.line_of(key), entry, f"unknown key {key!r} in {what}"
                     + did_you_mean(str(key), allowed),
                     hint="allowed keys: " + ", ".join(allowed) + (split if value is None else ""))
            for key, value in mapping.items() if str(key) not in allowed]


def shape(at: At, line: int, entry: str, value: Any, expected: type, what: str) -> list[Problem]:
    """Return an E307 finding unless ``value`` is an ``expected`` (dict, list or str)."""
    if isinstance(value, expected):
        return []
    names = {dict: "a mapping (key: value lines)", list: "a list", str: "text"}
    got = "nothing" if value is None else type(value).__name__.replace("Marked", "").replace("str", "text")
    return [at.error("E307", line, entry, f"{what} should be {names[expected]}, got {got}",
                     hint="compare with an entry that works, e.g. in the shipped phrasebank")]
