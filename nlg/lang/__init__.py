"""Per-language grammar modules with the same function names (:mod:`nlg.lang.en`, :mod:`nlg.lang.es`).

>>> module("es").LANGUAGE_TAG
'es-ES'
"""
from __future__ import annotations

import importlib
from types import ModuleType

from nlg.model import Lang


def module(lang: Lang | str) -> ModuleType:
    """Return the grammar module of a language (:class:`Lang` or "en"/"es")."""
    codes = [member.value for member in Lang]
    code = lang.value if isinstance(lang, Lang) else lang
    if code not in codes:
        raise ValueError(f"no grammar module for language {lang!r}; expected one of: {', '.join(codes)}")
    return importlib.import_module(f"nlg.lang.{code}")
