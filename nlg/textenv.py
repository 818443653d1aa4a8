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


def _undefined(name: str) -> Exception:
    from jinja2 import UndefinedError

    return UndefinedError(f"{name!r} is undefined")


@functools.lru_cache(maxsize=1)
def environment():
    """Return the shared SandboxedEnvironment (StrictUndefined, no autoescape: output goes to Word)."""
    from jinja2 import StrictUndefined, pass_context
    from jinja2.sandbox import SandboxedEnvironment

    @pass_context
    def agree(ctx, word: str) -> str:
        return ctx["_agreement"].apply(word)

    @pass_context
    def acronym(ctx, short: str) -> str:
        return ctx["_acronyms"].render(short)

    env = SandboxedEnvironment(undefined=StrictUndefined, autoescape=False,
                               keep_trailing_newline=False)
    env.filters = {"agree": agree, "acronym": acronym}
    env.globals = {}
    env.tests = {}
    return env


@functools.lru_cache(maxsize=4096)
def compiled(source: str):
    """Return the compiled template for ``source`` (cached)."""
    return environment().from_string(source)


#: ``{{ slot }}`` or ``{{ 'literal' | filter }}`` (an allow-listed filter).
_PART = re.compile(r"\{\{\s*(?:([A-Za-z_]\w*)|'([^'\\{}]*)'\s*\|\s*(agree|acronym))\s*\}\}")
_MARKS = ("{{", "{%", "{#", "}}", "%}", "#}")


@functools.lru_cache(maxsize=4096)
def _direct(source: str) -> tuple[tuple[str, str], ...] | None:
    """Return the pieces of a template made only of text, slots and allow-listed filters.

    Every shipped template has this shape, so it is filled directly: same output as
    jinja (a test renders every shipped template both ways), without building a jinja
    context or compiling. Anything else returns None and is rendered by jinja.

    >>> _direct("In {{ places }}, {{ 'unos' | agree }}")
    (('text', 'In '), ('slot', 'places'), ('text', ', '), ('agree', 'unos'))
    >>> _direct("{% if x %}y{% endif %}") is None
    True
    """
    pieces, pos = [], 0
    for match in _PART.finditer(source):
        pieces.append(("text", source[pos:match.start()]))
        slot, literal, name = match.groups()
        pieces.append(("slot", slot) if slot else (name, literal))
        pos = match.end()
    pieces.append(("text", source[pos:]))
    if any(mark in text for kind, text in pieces if kind == "text" for mark in _MARKS):
        return None
    return tuple(p for p in pieces if p != ("text", ""))


def render(source: str, slots: dict[str, str], *, agreement: Agreement | None = None,
           acronyms: Acronyms | None = None) -> str:
    """Return ``source`` rendered with ``slots`` (a missing slot raises, as StrictUndefined)."""
    pieces = _direct(source)
    if pieces is not None:
        out = []
        for kind, value in pieces:
            if kind == "text":
                out.append(value)
            elif kind == "slot":
                if value not in slots:
                    raise _undefined(value)
                out.append(str(slots[value]))
            elif kind == "agree":
                out.append(agreement.apply(value))
            else:
                out.append((acronyms or Acronyms({})).render(value))
        return "".join(out)
    context = dict(slots)
    context["_agreement"] = agreement
    context["_acronyms"] = acronyms or Acronyms({})
    return compiled(source).render(context)
