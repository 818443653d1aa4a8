"""One error hierarchy with stable codes.

Every error carries where it happened, what was found, what was expected and a
hint. The CLI is the only place that prints them or exits.
"""
from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence

from nlg.model import Problem, Severity


class SitrepError(Exception):
    """Base class: a problem the user can fix. ``problems`` lists every finding."""

    code = "E000"
    exit_code = 2

    def __init__(self, message: str = "", *, problems: Sequence[Problem] = ()):
        self.problems = tuple(problems)
        if not message and self.problems:
            message = "\n".join(str(p) for p in self.problems)
        super().__init__(message)


class ConfigError(SitrepError):
    """report.yaml is missing, unreadable or has invalid keys/values."""

    code = "E100"


class DataError(SitrepError):
    """A 5W file cannot be read or has invalid rows."""

    code = "E200"


class PhrasebankError(SitrepError):
    """A phrasebank file is invalid."""

    code = "E300"


class TemplateError(SitrepError):
    """The Word template is missing something the tool needs."""

    code = "E400"


class OutputError(SitrepError):
    """An output cannot be written (edited by a reviewer, locked, no permission)."""

    code = "E500"


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """Return a ' did you mean ...?' suffix, or '' when nothing is close.

    >>> did_you_mean("cuntry", ["country", "period"])
    " (did you mean 'country'?)"
    >>> did_you_mean("xyz", ["country"])
    ''
    """
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def error(code: str, message: str, **where) -> Problem:
    """Return an error :class:`Problem`."""
    return Problem(code=code, severity=Severity.ERROR, message=message, **where)


def warning(code: str, message: str, **where) -> Problem:
    """Return a warning :class:`Problem`."""
    return Problem(code=code, severity=Severity.WARNING, message=message, **where)
