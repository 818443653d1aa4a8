"""The sandboxed, strict jinja2 environment for phrasebank templates.

Templates are logic-free: text, ``{{ slot }}`` and the allow-listed filters
``agree`` and ``acronym``. Control flow is rejected by the phrasebank lint; any
undefined slot raises (``StrictUndefined``). Data never becomes a template:
slot values are inserted as text and are not rendered again.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from types import ModuleType

from jinja2 import StrictUndefined, UndefinedError, pass_context
from jinja2.sandbox import SandboxedEnvironment

from nlg.lang.base import Noun

FILTERS = ("agree", "acronym")


@dataclass
class Acronyms:
    """Which acronyms a document has spelled out already (first use wins)."""

    spelled: dict[str, str]
    used: set[str] = field(default_factory=set)

    def render(self, short: str) -> str:
        """Return "long form (SHORT)" at the first use, "SHORT" afterwards."""
        if short in self.used or short not in self.spelled:
            return short
        self.used.add(short)
        return f"{self.spelled[short]} ({short})"


@dataclass(frozen=True)
class Agreement:
    """What ``agree`` agrees with: the counted noun and the language rules."""

    lang: ModuleType
    noun: Noun
    plural: bool
    verbs: dict[str, str]

    def apply(self, word: str) -> str:
        """Return ``word`` agreeing with the noun (verbs from the lexicon, others by rule)."""
        if word in self.verbs:
            return word if self.plural else self.verbs[word]
        return self.lang.agree(word, gender=self.noun.gender, plural=self.plural)


@pass_context
def _agree(ctx, word: str) -> str:
    return ctx["_agreement"].apply(word)


@pass_context
def _acronym(ctx, short: str) -> str:
    return ctx["_acronyms"].render(short)


@functools.lru_cache(maxsize=1)
def environment() -> SandboxedEnvironment:
    """Return the shared environment (no autoescape: output goes to Word, not HTML)."""
    env = SandboxedEnvironment(undefined=StrictUndefined, autoescape=False,
                               keep_trailing_newline=False)
    env.filters = {"agree": _agree, "acronym": _acronym}
    env.globals = {}
    env.tests = {}
    return env


@functools.lru_cache(maxsize=4096)
def compiled(source: str):
    """Return the compiled template for ``source`` (cached)."""
    return environment().from_string(source)


_SLOT = re.compile(r"\{\{\s*([A-Za-z_]\w*)\s*\}\}")


@functools.lru_cache(maxsize=4096)
def _plain(source: str) -> tuple[str, ...] | None:
    """Return the text/slot pieces of a template made only of text and ``{{ slot }}``s.

    Such templates (most frames and hedge words) are filled directly, without a jinja
    context; anything else (filters, any other markup) returns None and goes to jinja.

    >>> _plain("In {{ places }}, "), _plain("{{ 'unos' | agree }}")
    (('In ', 'places', ', '), None)
    """
    pieces = tuple(_SLOT.split(source))
    if any(mark in piece for piece in pieces[::2] for mark in ("{{", "{%", "{#", "}}")):
        return None
    return pieces


def render(source: str, slots: dict[str, str], *, agreement: Agreement | None = None,
           acronyms: Acronyms | None = None) -> str:
    """Return ``source`` rendered with ``slots`` (a missing slot raises, as StrictUndefined)."""
    pieces = _plain(source)
    if pieces is not None:
        try:
            return "".join(p if i % 2 == 0 else str(slots[p]) for i, p in enumerate(pieces))
        except KeyError as exc:
            raise UndefinedError(f"{exc.args[0]!r} is undefined") from None
    context = dict(slots)
    context["_agreement"] = agreement
    context["_acronyms"] = acronyms or Acronyms({})
    return compiled(source).render(context)
