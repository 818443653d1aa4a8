"""Lint a user's phrasebank folder as drafting uses it: layered over the shipped one.

The two folders are merged as :mod:`nlg.phrasebank.layers` merges them for drafting,
then checked as one phrasebank; each finding names the file and line it comes from
(the user's file for what the user wrote, the shipped file for the rest). Lines of the
user's files are shifted by :data:`SHIFT` while checking, then shifted back.

Code: W340, a file of the folder that is no phrasebank file (ignored when drafting).
The counts of entries replaced, added and left identical are in :class:`Layers`.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from nlg.errors import warning
from nlg.lint.yamlcheck import MarkedMap, MarkedSeq, read
from nlg.model import Problem
from nlg.phrasebank.layers import files, merge, overridden, unknown_files

#: Added to the lines of the user's files while they are checked with the shipped ones.
SHIFT = 10_000_000


@dataclass(frozen=True)
class Layers:
    """What a user folder changes: entries replaced, added, and identical to the shipped ones."""

    replaced: int = 0
    added: int = 0
    same: int = 0


def _shift(node, by: int) -> None:
    if isinstance(node, MarkedMap):
        node.line += by
        node.lines = {k: v + by for k, v in node.lines.items()}
        for value in node.values():
            _shift(value, by)
    elif isinstance(node, MarkedSeq):
        node.line += by
        node.lines = [v + by for v in node.lines]
        for value in node:
            _shift(value, by)


def _marked(mapping) -> MarkedMap:
    out = MarkedMap(mapping)
    out.line = getattr(mapping, "line", 0)
    out.lines = dict(getattr(mapping, "lines", {}))
    return out


def _count(rel: str, base, over) -> tuple[int, int, int]:
    replaced, same = overridden(rel, base or {}, over)
    total = sum(len(v) for v in over.values() if isinstance(v, dict)) if rel not in (
        "en/sentences.yaml", "es/sentences.yaml") else len(over)
    return len(replaced), max(total - len(replaced) - len(same), 0), len(same)


def read_layered(root: Path, label: str, overlay: Path, overlay_label: str):
    """Return (data by file, problems, layers) of ``overlay`` layered over ``root``."""
    data: dict = {}
    problems: list[Problem] = []
    counts = [0, 0, 0]
    for rel in files():
        base = read(root / rel, f"{label}/{rel}")
        problems.extend(base.problems)
        merged = base.data
        if (overlay / rel).is_file():
            mine = read(overlay / rel, f"{overlay_label}/{rel}")
            problems.extend(mine.problems)
            if mine.data is not None:
                for i, n in enumerate(_count(rel, base.data, mine.data)):
                    counts[i] += n
                _shift(mine.data, SHIFT)
                merged = merge(rel, base.data or MarkedMap(), mine.data, copy=_marked)
        data[rel] = merged
    problems += [warning("W340", file=f"{overlay_label}/{rel}",
                         hint=f"phrasebank files are {', '.join(files())}")
                 for rel in unknown_files(overlay)]
    return data, problems, Layers(*counts)


def unshift(problem: Problem, label: str, overlay_label: str) -> Problem:
    """Return ``problem`` pointing at the user's file and line when it comes from there."""
    if problem.row is None or problem.row < SHIFT:
        return problem
    file = problem.file
    if file.startswith(f"{label}/"):
        file = f"{overlay_label}/" + file[len(label) + 1:]
    return replace(problem, file=file, row=problem.row - SHIFT)
