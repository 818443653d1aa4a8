"""Light markup of templates and drafter text: ``**bold**`` and ``[text](url)``.

Turns marked-up text into :class:`~nlg.realise.doc.Span` tuples, and carries the bold
ranges through a language's orthography pass (which may change a few letters:
y→e, a→an, de el→del) by aligning the text before and after.
"""
from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import replace

from nlg.realise.doc import Span

_TOKEN = re.compile(r"\*\*|\[([^\]]+)\]\((https?://[^)\s]+)\)")


def parse(text: str) -> tuple[Span, ...]:
    """Return spans for text with ``**bold**`` and ``[links](https://…)``.

    >>> _ = parse("In Lima, **over 900 people** read [this](https://x.org).")
    >>> [(s.text, s.bold, s.link) for s in _]  # doctest: +NORMALIZE_WHITESPACE
    [('In Lima, ', False, None), ('over 900 people', True, None), (' read ', False, None),
     ('this', False, 'https://x.org'), ('.', False, None)]
    """
    spans: list[Span] = []
    bold, pos = False, 0
    for match in _TOKEN.finditer(text):
        if match.start() > pos:
            spans.append(Span(text[pos:match.start()], bold))
        if match.group(0) == "**":
            bold = not bold
        else:
            spans.append(Span(match.group(1), bold, match.group(2)))
        pos = match.end()
    if pos < len(text):
        spans.append(Span(text[pos:], bold))
    return _merge(spans)


def merge_spans(spans: list[Span]) -> tuple[Span, ...]:
    """Return ``spans`` without empty ones, neighbours of the same style joined."""
    out: list[Span] = []
    for span in spans:
        if not span.text:
            continue
        last = out[-1] if out else None
        if (last is not None and last.bold == span.bold and last.italic == span.italic
                and last.link == span.link and (span.link is None or last.link is not None)):
            out[-1] = replace(last, text=last.text + span.text)
        else:
            out.append(span)
    return tuple(out)


_merge = merge_spans


def _map_position(opcodes, pos: int) -> int:
    for tag, i1, i2, j1, j2 in opcodes:
        if i1 <= pos < i2 or (pos == i2 and tag == "equal" and pos == i1):
            return j1 + min(pos - i1, j2 - j1) if tag == "equal" else j1
        if pos < i1:
            return j1
    return opcodes[-1][4] if opcodes else pos


def polish(spans: tuple[Span, ...], orthography: Callable[[str], str]) -> tuple[Span, ...]:
    """Return ``spans`` after the orthography pass on their joined text, keeping styling.

    >>> out = polish((Span("en Tumbes y "), Span("Ica", True)), lambda t: t.replace(" y I", " e I").capitalize())
    >>> [(s.text, s.bold) for s in out]
    [('En tumbes e ', False), ('ica', True)]
    """
    before = "".join(s.text for s in spans)
    after = orthography(before)
    if after == before:
        return spans
    if len(after) == len(before):      # letters changed in place (capitals, y→e, o→u)
        out, start = [], 0
        for span in spans:
            out.append(replace(span, text=after[start:start + len(span.text)]))
            start += len(span.text)
        return _merge(out)
    opcodes = difflib.SequenceMatcher(None, before, after, autojunk=False).get_opcodes()
    out, start = [], 0
    for i, span in enumerate(spans):
        end = start + len(span.text)
        a = _map_position(opcodes, start)
        b = len(after) if i == len(spans) - 1 else _map_position(opcodes, end)
        out.append(replace(span, text=after[a:b]))
        start = end
    return _merge(out)
