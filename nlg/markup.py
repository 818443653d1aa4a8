"""Light markup of templates and drafter text: ``**bold**`` and ``[text](url)``.

Turns marked-up text into :class:`~nlg.doc.Span` tuples, and carries the bold
ranges through a language's orthography pass (which may change a few letters:
y→e, a→an, de el→del) by aligning the text before and after.
"""
from __future__ import annotations

import difflib
import re
from collections.abc import Callable

from nlg.doc import Span

_TOKEN = re.compile(r"\*\*|\[([^\]]+)\]\((https?://[^)\s]+)\)")


def parse(text: str) -> tuple[Span, ...]:
    """Return spans for text with ``**bold**`` and ``[links](https://…)``.

    >>> parse("In Lima, **over 900 people** read [this](https://x.org).")
    (Span(text='In Lima, ', bold=False, link=None), Span(text='over 900 people', bold=True, link=None), Span(text=' read ', bold=False, link=None), Span(text='this', bold=False, link='https://x.org'), Span(text='.', bold=False, link=None))
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


def _merge(spans: list[Span]) -> tuple[Span, ...]:
    out: list[Span] = []
    for span in spans:
        if not span.text:
            continue
        if out and out[-1].bold == span.bold and out[-1].link is None and span.link is None:
            out[-1] = Span(out[-1].text + span.text, span.bold)
        else:
            out.append(span)
    return tuple(out)


def _map_position(opcodes, pos: int) -> int:
    for tag, i1, i2, j1, j2 in opcodes:
        if i1 <= pos < i2 or (pos == i2 and tag == "equal" and pos == i1):
            return j1 + min(pos - i1, j2 - j1) if tag == "equal" else j1
        if pos < i1:
            return j1
    return opcodes[-1][4] if opcodes else pos


def polish(spans: tuple[Span, ...], orthography: Callable[[str], str]) -> tuple[Span, ...]:
    """Return ``spans`` after the orthography pass on their joined text, keeping styling.

    >>> polish((Span("en Tumbes y "), Span("Ica", True)), lambda t: t.replace(" y I", " e I").capitalize())
    (Span(text='En tumbes e ', bold=False, link=None), Span(text='ica', bold=True, link=None))
    """
    before = "".join(s.text for s in spans)
    after = orthography(before)
    if after == before:
        return spans
    if len(after) == len(before):      # letters changed in place (capitals, y→e, o→u)
        out, start = [], 0
        for span in spans:
            out.append(Span(after[start:start + len(span.text)], span.bold, span.link))
            start += len(span.text)
        return _merge(out)
    opcodes = difflib.SequenceMatcher(None, before, after, autojunk=False).get_opcodes()
    out, start = [], 0
    for i, span in enumerate(spans):
        end = start + len(span.text)
        a = _map_position(opcodes, start)
        b = len(after) if i == len(spans) - 1 else _map_position(opcodes, end)
        out.append(Span(after[a:b], span.bold, span.link))
        start = end
    return _merge(out)
