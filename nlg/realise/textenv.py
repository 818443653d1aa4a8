"""The sandboxed, strict jinja2 environment for phrasebank templates.

Templates are logic-free: text, ``{{ slot }}`` and the allow-listed filters
``agree`` and ``acronym``. Control flow is rejected by the phrasebank lint; any
undefined slot raises (``StrictUndefined``). Data never becomes a template:
slot values are inserted as text and are not rendered again. The render context
holds the slot values as strings and nothing else; the filters find what they agree
with through a context variable, so no Python object is reachable from a template,
whether it comes from the package or a user's phrasebank folder.
"""
from __future__ import annotations

import contextvars
import functools
import re
from dataclasses import dataclass, field

from nlg.errors import PhrasebankError, error
from nlg.lang.base import LanguageRules, Noun

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

    lang: LanguageRules
    noun: Noun
    plural: bool
    verbs: dict[str, str]

    def apply(self, word: str) -> str:
        """Return ``word`` agreeing with the noun (verbs from the lexicon, others by rule)."""
        if word in self.verbs:
            return word if self.plural else self.verbs[word]
        return self.lang.agree(word, gender=self.noun.gender, plural=self.plural)


def _undefined(name: str) -> PhrasebankError:
    return _failed("E318", f"the template uses {name!r}, which is not one of its slots", name)


def _failed(code: str, message: str, value: str) -> PhrasebankError:
    """Return the error for a phrasebank template that cannot be rendered."""
    return PhrasebankError(problems=[error(
        code, f"a phrasebank template cannot be rendered: {message}", value=value,
        hint="run `sitrep phrasebank lint` on your phrasebank folder; templates hold text, "
             "{{ slot }} and the agree and acronym filters only")])


#: What the filters of the template being rendered agree with. Kept out of the render
#: context on purpose: a template sees only its slots (strings) and the two filters,
#: never an object whose attributes lead to modules (issue 20: ``_agreement.lang.…os``).
_CURRENT: contextvars.ContextVar[tuple[Agreement | None, Acronyms]] = \
    contextvars.ContextVar("sitrep_template_filters")


def _agree(_context, word: object) -> str:
    agreement = _CURRENT.get()[0]
    if agreement is None:
        raise _failed("E317", "the agree filter has no counted noun to agree with here", str(word))
    return agreement.apply(str(word))


def _acronym(_context, short: object) -> str:
    return _CURRENT.get()[1].render(str(short))


@functools.lru_cache(maxsize=1)
def environment():
    """Return the shared SandboxedEnvironment (StrictUndefined, no autoescape: output goes to Word)."""
    from jinja2 import StrictUndefined, pass_context
    from jinja2.exceptions import SecurityError
    from jinja2.sandbox import SandboxedEnvironment

    class LogicFree(SandboxedEnvironment):
        """No arithmetic: ``{{ count * 10**9 }}`` would fill the memory (and is never wording)."""

        intercepted_binops = frozenset({"+", "-", "*", "/", "//", "%", "**"})
        intercepted_unops = frozenset({"+", "-"})

        def call_binop(self, context, operator, left, right):
            raise SecurityError(f"the operator {operator!r} is not allowed in a template")

        def call_unop(self, context, operator, arg):
            raise SecurityError(f"the operator {operator!r} is not allowed in a template")

    env = LogicFree(undefined=StrictUndefined, autoescape=False, keep_trailing_newline=False)
    # pass_context only so that jinja never folds a filter of a literal at compile time
    # (the result depends on the noun of each render); the context itself is not used.
    env.filters = {"agree": pass_context(_agree), "acronym": pass_context(_acronym)}
    env.globals = {}
    env.tests = {}
    return env


@functools.lru_cache(maxsize=4096)
def compiled(source: str):
    """Return the compiled template for ``source`` (cached); raise PhrasebankError when it
    holds logic, an unknown filter or bad syntax (the rules `sitrep phrasebank lint` checks)."""
    from nlg.realise.template_shape import analyse

    info = analyse(source)
    if info.error:
        raise _failed("E319", info.error, source)
    if info.logic:
        raise _failed("E316", "templates may not contain logic; found " + ", ".join(info.logic),
                      source)
    unknown = [f for f in info.filters if f not in FILTERS]
    if unknown:
        raise _failed("E317", "unknown filter " + ", ".join(map(repr, unknown)), source)
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
                if agreement is None:        # as the sandbox's filter says (_agree)
                    raise _failed("E317", "the agree filter has no counted noun to agree with here", value)
                out.append(agreement.apply(value))
            else:
                out.append((acronyms or Acronyms({})).render(value))
        return "".join(out)
    return sandboxed(source, slots, agreement=agreement, acronyms=acronyms)


def sandboxed(source: str, slots: dict[str, str], *, agreement: Agreement | None = None,
              acronyms: Acronyms | None = None) -> str:
    """Return ``source`` rendered by the sandbox; the context holds the slots as strings only."""
    from jinja2 import TemplateError, UndefinedError
    from jinja2.exceptions import SecurityError

    context = {name: str(value) for name, value in slots.items()}
    token = _CURRENT.set((agreement, acronyms or Acronyms({})))
    try:
        return compiled(source).render(context)
    except UndefinedError as exc:
        raise _failed("E318", str(exc), source) from None
    except SecurityError as exc:
        raise _failed("E316", f"unsafe ({exc})", source) from None
    except TemplateError as exc:
        raise _failed("E319", exc.message or type(exc).__name__, source) from None
    except (TypeError, ValueError, ArithmeticError, LookupError, AttributeError, RecursionError) as exc:
        raise _failed("E316", f"{type(exc).__name__}: {exc}", source) from None
    finally:
        _CURRENT.reset(token)
