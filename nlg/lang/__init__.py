"""Languages are data: a language is ``nlg/lang/<code>.py`` plus ``phrasebanks/<code>/``.

Every module of this package named by a language code (two or three lower-case
letters) is a language: it implements :class:`nlg.lang.base.LanguageRules` (the
same function and constant names in every language) and its wording lives in
``phrasebanks/<code>/``. :data:`Lang` is built from the modules found here, so
adding a language needs no change to Python outside this package.

This package is the one place (with the phrasebanks and the tests) that names
language codes: :data:`REFERENCE`, the language the others are aligned with,
and :data:`DEFAULT`, the languages a report is drafted in unless its
``report.yaml`` says ``languages:``.

>>> module("es").LANGUAGE_TAG
'es-ES'
>>> Lang("en") is Lang.EN, str(Lang.ES), REFERENCE is Lang.EN
(True, 'es', True)
"""
from __future__ import annotations

import importlib
import pkgutil
import re
from enum import Enum
from functools import cache
from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from nlg.lang.base import LanguageRules

_CODE = re.compile(r"[a-z]{2,3}")
#: The language the others are compared with (variants, slots, populations); a drafter text
#: written as plain text (not a mapping by language) is in this language.
_REFERENCE = "en"
#: The languages of a report whose report.yaml has no ``languages:``.
_DEFAULT = ("en", "es")


def _codes() -> tuple[str, ...]:
    """Return the language codes of this package's modules, the reference language first."""
    found = sorted(m.name for m in pkgutil.iter_modules(__path__) if _CODE.fullmatch(m.name))
    return tuple(sorted(found, key=lambda code: code != _REFERENCE))


class _Language(str, Enum):
    """A document language (members are built from the modules of :mod:`nlg.lang`)."""

    def __str__(self) -> str:
        return self.value


#: The document languages, one member per language module (``Lang.EN`` is ``"en"``).
Lang = _Language("Lang", [(code.upper(), code) for code in _codes()], module=__name__,  # type: ignore[misc]
                 qualname="Lang")
CODES: tuple[str, ...] = tuple(member.value for member in Lang)
REFERENCE = Lang(_REFERENCE)
DEFAULT: tuple = tuple(Lang(code) for code in _DEFAULT)


def module(lang: Lang | str) -> LanguageRules:
    """Return the rules module of a language (a :data:`Lang` or its code).

    >>> module("pt-BR")                          # doctest: +IGNORE_EXCEPTION_DETAIL
    Traceback (most recent call last):
    ValueError: no grammar module for language 'pt-BR'
    """
    code = lang.value if isinstance(lang, Enum) else lang
    if code not in CODES:
        raise ValueError(f"no grammar module for language {lang!r}; expected one of: {', '.join(CODES)}")
    return _load(code)


@cache
def _load(code: str) -> LanguageRules:
    return cast("LanguageRules", importlib.import_module(f"nlg.lang.{code}"))


def name(lang: Lang | str) -> str:
    """Return the language's name in English, for messages ("Spanish").

    >>> name(Lang.ES), name("en")
    ('Spanish', 'English')
    """
    return module(lang).NAME


def parse(code: str) -> Lang | None:
    """Return the language of a code or tag ("es", "es-ES", "ES_pe"), None when there is none.

    >>> parse("es-ES"), parse("EN"), parse("fr")
    (<Lang.ES: 'es'>, <Lang.EN: 'en'>, None)
    """
    base = re.split(r"[-_]", code.strip().lower())[0]
    return Lang(base) if base in CODES else None
