"""Errors of the local web page: codes E170-E183, one meaning each in :mod:`nlg.codes`
(``docs/codes.md``, ``sitrep explain CODE``).
"""
from __future__ import annotations

from nlg.errors import SitrepError


class WebError(SitrepError):
    """The page cannot do what was asked (a bad file name, a missing draft ...)."""
