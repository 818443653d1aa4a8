"""The strict YAML reading of report.yaml: duplicate keys found, numbers kept as written.

PyYAML silently keeps the last of two equal keys and reads ``14.971`` (a Spanish
speaker's 14,971) as fourteen point nine. This loader records every duplicate with
both lines, and returns each float with the text it was written as
(:class:`WrittenFloat`), so :mod:`nlg.config.schema` can tell ``14.970`` from
``14.97``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

#: The C-accelerated safe loader when libyaml is available, else the pure one.
_BASE = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
#: 14.971, 1.540.000, 14,971, 1,540,000, 14 971 (a no-break or thin space too), 14'971
_SEPARATED = re.compile(r"^[1-9]\d{0,2}([.,'\u00a0\u202f ])\d{3}(?:\1\d{3})*([.,]\d+)?$")


class WrittenFloat(float):
    """A float read from YAML that remembers how it was written (``text``)."""

    text: str

    def __new__(cls, value: float, text: str) -> WrittenFloat:
        obj = super().__new__(cls, value)
        obj.text = text
        return obj


@dataclass(frozen=True)
class Duplicate:
    """A key given twice in one mapping (1-based lines)."""

    key: str
    first: int
    again: int


class BigInt(str):
    """An integer too long to read (Python refuses more than 4,300 digits): kept as its text."""


class StrictLoader(_BASE):
    """A safe loader that records duplicate keys (``duplicates``) and keeps float texts."""

    def __init__(self, stream):
        super().__init__(stream)
        self.duplicates: list[Duplicate] = []

    def construct_mapping(self, node, deep=False):
        if isinstance(node, yaml.MappingNode):
            seen: dict[object, int] = {}
            for key_node, _ in node.value:
                if not isinstance(key_node, yaml.ScalarNode) or key_node.value == "<<":
                    continue
                key = self.construct_object(key_node, deep=True)
                line = key_node.start_mark.line + 1
                if key in seen:
                    self.duplicates.append(Duplicate(str(key), seen[key], line))
                else:
                    seen[key] = line
        return super().construct_mapping(node, deep=deep)

    def construct_written_float(self, node):
        value = self.construct_yaml_float(node)
        return WrittenFloat(value, str(node.value))


    def construct_checked_int(self, node):
        try:
            return self.construct_yaml_int(node)
        except ValueError:
            return BigInt(node.value)

    def construct_checked_timestamp(self, node):
        try:
            return self.construct_yaml_timestamp(node)
        except (ValueError, OverflowError):     # 2023-02-30, 2023-13-01: the schema says so
            return str(node.value)


StrictLoader.add_constructor("tag:yaml.org,2002:float", StrictLoader.construct_written_float)
StrictLoader.add_constructor("tag:yaml.org,2002:int", StrictLoader.construct_checked_int)
StrictLoader.add_constructor("tag:yaml.org,2002:timestamp", StrictLoader.construct_checked_timestamp)


#: A report.yaml is a page of settings: more nodes than this once aliases (``*name``) are
#: expanded is an "alias bomb" (a few lines that expand to billions), refused before it is built.
MAX_NODES = 100_000


class TooLarge(yaml.YAMLError):
    """The document expands to more than :data:`MAX_NODES` nodes (``nodes``: the count so far)."""

    def __init__(self, nodes: int, aliases: int):
        super().__init__(f"expands to more than {MAX_NODES:,} values ({aliases:,} aliases)")
        self.nodes, self.aliases = nodes, aliases


def _check_size(root, extra: int | None = None) -> None:
    """Return when the node graph, with every alias expanded, stays within :data:`MAX_NODES`
    (with ``extra``: when aliases add at most ``extra`` nodes to those written).

    Sizes are memoised per node, so a bomb is measured in a few steps, never expanded;
    a node that contains itself (``&a [*a]``) counts as too large.
    """
    sizes: dict[int, int] = {}
    aliases = 0
    stack = [(root, False)]
    cap = 1 << 62
    while stack:
        node, done = stack.pop()
        key = id(node)
        children = _children(node)
        if done:
            sizes[key] = min(cap, 1 + sum(sizes[id(c)] for c in children))
            if extra is None and sizes[key] > MAX_NODES:
                raise TooLarge(sizes[key], aliases)
            continue
        if key in sizes:
            aliases += 1
            continue
        sizes[key] = -1                      # being measured (a cycle meets it again)
        stack.append((node, True))
        for child in children:
            if sizes.get(id(child)) == -1:
                raise TooLarge(MAX_NODES + 1, aliases)
            stack.append((child, False))
    if extra is not None and sizes[id(root)] > len(sizes) + extra:
        raise TooLarge(sizes[id(root)], aliases)


def bounded_load(text: str, loader_class=_BASE, *, extra: int = MAX_NODES):
    """Return the YAML data of ``text`` read with ``loader_class``; raise :class:`TooLarge`
    (a ``yaml.YAMLError``) when its aliases would add more than ``extra`` nodes (an alias bomb).

    >>> bounded_load("a: &x [1, 2]\\nb: *x\\n")
    {'a': [1, 2], 'b': [1, 2]}
    """
    loader = loader_class(text)
    try:
        return _bounded(loader, extra)
    finally:
        loader.dispose()


def _bounded(loader, extra: int):
    node = loader.get_single_node()
    if node is None:
        return None
    _check_size(node, extra)
    return loader.construct_document(node)


def _children(node) -> list:
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def load(text: str) -> tuple[object, list[Duplicate]]:
    """Return the YAML data of ``text`` and the keys given twice.

    >>> data, twice = load("a: 1\\nb: 14.970\\na: 2\\n")
    >>> data["a"], data["b"].text, twice
    (2, '14.970', [Duplicate(key='a', first=1, again=3)])
    """
    loader = StrictLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, loader.duplicates
        _check_size(node)
        return loader.construct_document(node), loader.duplicates
    finally:
        loader.dispose()


def separated(text: str) -> str | None:
    """Return ``text`` as it should be written when it is a number with thousands separators.

    >>> separated("14.971"), separated("1,540,000"), separated("66.800.000,50"), separated("14 971")
    ('14971', '1540000', '66800000.50', '14971')
    >>> separated("14971"), separated("1.5"), separated("14.97"), separated("1.540,000.5")
    (None, None, None, None)
    """
    match = _SEPARATED.match(text.strip())
    if not match:
        return None
    mark, decimals = match.group(1), match.group(2)
    if decimals and (decimals[0] == mark or decimals[0] not in ".,"):
        return None
    whole = match.group(0)[:len(match.group(0)) - len(decimals or "")].replace(mark, "")
    return whole + ("." + decimals[1:] if decimals else "")
