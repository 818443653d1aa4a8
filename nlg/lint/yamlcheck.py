"""Read a phrasebank YAML file keeping the line of every key and list item.

Used by :mod:`nlg.lint.runner` so that each finding can name ``file:line``. Mappings
become :class:`MarkedMap` (a dict with ``line`` and ``lines[key]``), lists become
:class:`MarkedSeq` (a list with ``line`` and ``lines[index]``). While reading,
two problems YAML hides are recorded: a key given twice (YAML keeps the last one
silently) and the "Norway problem", a bare ``no``/``yes``/``on``/``off`` resolved
to a boolean where the phrasebank expects text.
"""
from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from nlg.errors import error
from nlg.model import Problem
from nlg.yamlfile import MAX_NODES, _bounded

#: The only keys whose values are meant to be booleans.
BOOL_KEYS = frozenset({"sensitive", "stressed_a"})
_BOOL_TAG = "tag:yaml.org,2002:bool"


class MarkedMap(dict):
    """A mapping that remembers where it and each of its keys start (1-based lines)."""

    line: int = 0

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.lines: dict[Any, int] = {}

    def line_of(self, key: Any) -> int:
        """Return the line of ``key``, else the line of the mapping."""
        return self.lines.get(key, self.line)


class MarkedSeq(list):
    """A list that remembers where it and each of its items start (1-based lines)."""

    line: int = 0

    def __init__(self, *args):
        super().__init__(*args)
        self.lines: list[int] = []

    def line_of(self, index: int) -> int:
        """Return the line of item ``index``, else the line of the list."""
        return self.lines[index] if 0 <= index < len(self.lines) else self.line


def line_of(container: Any, key: Any, default: int = 0) -> int:
    """Return the line of ``key`` in a marked container, else ``default``."""
    if isinstance(container, (MarkedMap, MarkedSeq)):
        return container.line_of(key) or default
    return default


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # the C parser when available
    """A SafeLoader that builds marked containers and records hidden problems."""

    def __init__(self, stream: str, file: str):
        super().__init__(stream)
        self.file = file
        self.findings: list[Problem] = []
        self.key = ""                   # the key whose value is being read (names list items)

    def _boolean(self, node: yaml.Node, where: str) -> None:
        if isinstance(node, yaml.ScalarNode) and node.tag == _BOOL_TAG:
            value = node.value
            self.findings.append(error(
                "E306", f"{where}: YAML read {value} as the boolean "
                f"{str(value.lower() in ('yes', 'y', 'on', 'true')).lower()} where text was expected",
                file=self.file, row=node.start_mark.line + 1, value=value,
                hint=f'put it in quotes: "{value}" (the "Norway problem" of YAML)'))


def _construct_map(loader: _Loader, node: yaml.MappingNode) -> MarkedMap:
    loader.flatten_mapping(node)
    out = MarkedMap()
    out.line = node.start_mark.line + 1
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, Hashable):
            raise yaml.constructor.ConstructorError("while reading a mapping", node.start_mark,
                                                    "found a list or mapping used as a key",
                                                    key_node.start_mark)
        line = key_node.start_mark.line + 1
        loader._boolean(key_node, f"key {key_node.value!r}")
        if key in out.lines:
            loader.findings.append(error(
                "E305", f"{key}: given twice (first at line {out.lines[key]}); YAML keeps only the last",
                file=loader.file, row=line, value=str(key),
                hint="merge the two or rename one"))
        if str(key) not in BOOL_KEYS:
            loader._boolean(value_node, str(key))
        loader.key = str(key)
        out[key] = loader.construct_object(value_node, deep=True)
        out.lines[key] = line
    return out


def _construct_seq(loader: _Loader, node: yaml.SequenceNode) -> MarkedSeq:
    out = MarkedSeq()
    out.line = node.start_mark.line + 1
    parent = loader.key
    for index, item in enumerate(node.value):
        loader._boolean(item, f"{parent}, item {index + 1}" if parent else f"item {index + 1}")
        out.append(loader.construct_object(item, deep=True))
        out.lines.append(item.start_mark.line + 1)
    return out


_Loader.add_constructor("tag:yaml.org,2002:map", _construct_map)
_Loader.add_constructor("tag:yaml.org,2002:seq", _construct_seq)


@dataclass(frozen=True)
class Read:
    """A file's marked data (None when unreadable) and what reading it found."""

    data: Any
    problems: tuple[Problem, ...]


def read(path: Path, shown: str) -> Read:
    """Return the marked data of ``path``; problems name the file as ``shown``."""
    if not path.is_file():
        return Read(None, (error("E301", "phrasebank file missing", file=shown,
                                 hint="every phrasebank folder needs this file"),))
    loader = _Loader(path.read_text(encoding="utf-8"), shown)
    try:
        data = _bounded(loader, MAX_NODES)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        return Read(None, (error("E302", f"invalid YAML: {getattr(exc, 'problem', exc)}", file=shown,
                                 row=mark.line + 1 if mark else None,
                                 hint="check indentation, colons and quotes around text with : or #"),))
    finally:
        loader.dispose()
    problems = list(loader.findings)
    if not isinstance(data, dict):
        problems.append(error("E303", "expected a mapping (key: value lines) at the top", file=shown))
        data = None
    return Read(data, tuple(problems))
