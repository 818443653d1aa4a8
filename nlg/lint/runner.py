"""Check a phrasebank folder and report every problem at once (``sitrep phrasebank lint``).

Each finding names ``file:line``, the entry, what is wrong and a hint. The
checks live in :mod:`nlg.lint.entries` (sectors, indicators, activities),
:mod:`nlg.lint.sentences` (sentence templates), :mod:`nlg.lint.lexicon` and
:mod:`nlg.lint.report`; files are read by :mod:`nlg.lint.yamlcheck`, which keeps lines.

Codes: E301-E343 (errors) and W312-W340 (warnings), one meaning each in :mod:`nlg.codes`
(``docs/codes.md``, ``sitrep explain CODE``).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from nlg.errors import PhrasebankError, error
from nlg.lint import entries as lint_entries
from nlg.lint import lexicon as lint_lexicon
from nlg.lint import report as lint_report
from nlg.lint import sentences as lint_sentences
from nlg.lint.base import ACTIVITIES, INDICATORS, SECTORS, Bank, lexicon, report, sentences
from nlg.lint.yamlcheck import read
from nlg.model import Lang, Problem, Severity
from nlg.phrasebank.bank import default_dir

if TYPE_CHECKING:
    from nlg.lint.layers import Layers

CHECKS = (lint_entries.check, lint_sentences.check, lint_lexicon.check, lint_report.check)


def files() -> tuple[str, ...]:
    """Return the relative paths of the files a phrasebank folder holds."""
    per_lang = tuple(f(lang) for lang in Lang for f in (lexicon, sentences, report))
    return (SECTORS, INDICATORS, ACTIVITIES) + per_lang


@dataclass(frozen=True)
class LintResult:
    """Every finding of one phrasebank folder, sorted by file and line."""

    root: Path
    problems: tuple[Problem, ...]
    overlay: Path | None = None       # the user's folder checked over ``root`` (nlg.lint.layers)
    layers: Layers | None = None

    @property
    def errors(self) -> tuple[Problem, ...]:
        """Return the findings that are errors."""
        return tuple(p for p in self.problems if p.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        """Return the findings that are warnings."""
        return tuple(p for p in self.problems if p.severity is Severity.WARNING)

    @property
    def ok(self) -> bool:
        """Return True when there is no error (warnings are allowed)."""
        return not self.errors


def read_bank(root: Path, label: str) -> tuple[Bank, list[Problem]]:
    """Return the files of ``root`` as read, and the problems reading found."""
    data: dict = {}
    problems: list[Problem] = []
    for rel in files():
        result = read(root / rel, f"{label}/{rel}" if label else rel)
        data[rel] = result.data
        problems.extend(result.problems)
    return Bank(label, data), problems


def lint(root: Path | None = None, *, label: str | None = None, overlay: Path | None = None,
         overlay_label: str | None = None) -> LintResult:
    """Return every finding of the phrasebank in ``root`` (default: the shipped one).

    ``label`` is how the folder is named in messages (default: ``root`` as given). With
    ``overlay``, a user's folder is checked layered over ``root``, as drafting uses it.
    """
    root = Path(root) if root else default_dir()
    for folder in (root, overlay):
        if folder is not None and not Path(folder).is_dir():
            raise PhrasebankError(problems=[error(
                "E301", "phrasebank folder not found", file=str(folder),
                hint="give the folder that holds sectors.yaml, indicators.yaml, en/ and es/")])
    label = str(root) if label is None else label
    layers = None
    if overlay is None:
        bank, problems = read_bank(root, label)
    else:
        from nlg.lint.layers import read_layered

        shown = str(overlay) if overlay_label is None else overlay_label
        data, problems, layers = read_layered(root, label, Path(overlay), shown)
        bank = Bank(label, data)
    for check in CHECKS:
        problems.extend(check(bank))
    if overlay is not None:
        from nlg.lint.layers import unshift

        problems = [unshift(p, label, shown) for p in problems]
    unique = dict.fromkeys(problems)
    ordered = sorted(unique, key=lambda p: (p.file, p.row or 0, p.severity is Severity.WARNING, p.code))
    return LintResult(root, tuple(ordered), Path(overlay) if overlay else None, layers)
