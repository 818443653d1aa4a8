"""One error hierarchy with stable codes.

Every error carries where it happened, what was found, what was expected and a
hint. The CLI is the only place that prints them or exits.
"""
from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from typing import Any

from nlg import codes
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


#: The keywords of :class:`Problem` that say where a problem is; any other is a template field.
WHERE = frozenset({"file", "row", "column", "value", "hint"})


def error(code: str, message: str | None = None, /, **where: Any) -> Problem:
    """Return an error :class:`Problem` with a code of :mod:`nlg.codes`.

    Without ``message``, the catalogue's message and hint templates are filled with the
    keywords that are not places (``file``, ``row``, ``column``, ``value``, ``hint``).

    >>> error("E101", file="PER").message
    'report folder not found'
    """
    return _problem(code, Severity.ERROR, message, where)


def warning(code: str, message: str | None = None, /, **where: Any) -> Problem:
    """Return a warning :class:`Problem` with a code of :mod:`nlg.codes` (see :func:`error`)."""
    return _problem(code, Severity.WARNING, message, where)


def _problem(code: str, severity: Severity, message: str | None, given: dict) -> Problem:
    entry = codes.lookup(code)
    if entry.severity is not severity:
        raise ValueError(f"{code} is not {'an error' if severity is Severity.ERROR else 'a warning'} code")
    where = {k: v for k, v in given.items() if k in WHERE}
    fields = {k: v for k, v in given.items() if k not in WHERE}
    if message is None:
        message = entry.format(**fields)
        if "hint" not in where and entry.hint:
            where["hint"] = entry.hint.format(**fields)
    elif fields:
        raise TypeError(f"{code}: template fields {sorted(fields)} given with a message of its own")
    return Problem(code=code, severity=severity, message=message, **where)
