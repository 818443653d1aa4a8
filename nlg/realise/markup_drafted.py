"""Drafter-written text (report.yaml) through a real Markdown parser: markdown-it-py.

``**bold**``, ``*italics*``, ``[links](https://…)`` (parentheses inside the address
included), ``<https://…>``, and bare ``https://…``, ``www.…``, ``mailto:…`` and e-mail
addresses become :class:`~nlg.realise.doc.Span` runs. Markup that does not close is shown as
typed — never silently bolding the rest of the bullet — and reported (W280–W282) naming
the bullet. Generated sentences keep the fast parser of :mod:`nlg.realise.markup` (their
``**`` are checked by ``sitrep phrasebank lint``). markdown-it is imported only when a
text holds a markup character.

Codes: W280 bold or italics not closed; W281 a link not closed; W282 a link whose
address is no web or e-mail address (the text is kept, without the link).
"""
from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from nlg.realise.doc import Span
from nlg.realise.markup import merge_spans

_MARKUP = re.compile(r"[*_\[\]<>`\\]")
#: A bare address: web (scheme or www.), mailto:, or an e-mail address.
_BARE = re.compile(r"(?:https?://|www\.|mailto:)[^\s<>]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.I)
_TRAILING = ".,:;!?*_~'\""
_STARS = re.compile(r"\*\*|__|(?<!\S)[*_](?=\S)|(?<=[^\s\w])[*](?!\S)|(?<=\w)\*(?!\S)")
_OPEN_LINK = re.compile(r"\[[^\]]*\]\(|\]\(")


@dataclass(frozen=True)
class Issue:
    """A markup problem of one text: code, what is wrong, the markup as typed."""

    code: str
    message: str
    found: str


@functools.lru_cache(maxsize=1)
def _parser():
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False}).disable("text_join")


def _href(address: str) -> str | None:
    """Return the link target of ``address``, or None when it is no web or mail address.

    >>> _href("www.r4v.info"), _href("jane@r4v.info"), _href("ftp://x"), _href("mailto:a@b.org")
    ('https://www.r4v.info', 'mailto:jane@r4v.info', None, 'mailto:a@b.org')
    """
    low = address.lower()
    if low.startswith(("https://", "http://", "mailto:")):
        return address
    if low.startswith("www."):
        return "https://" + address
    if "@" in address and "/" not in address and ":" not in address:
        return "mailto:" + address
    return None


def _trim(address: str) -> str:
    """Return a bare address without trailing punctuation or an unbalanced closing parenthesis.

    >>> _trim("https://x.org/a_(b))."), _trim("www.x.org,"), _trim("https://x.org/(a)")
    ('https://x.org/a_(b)', 'www.x.org', 'https://x.org/(a)')
    """
    while address:
        if address[-1] in _TRAILING:
            address = address[:-1]
        elif address[-1] == ")" and address.count(")") > address.count("("):
            address = address[:-1]
        else:
            break
    return address


def _bare_links(text: str, bold: bool, italic: bool) -> Iterator[Span]:
    """Yield spans of plain ``text``, its bare addresses made links."""
    pos = 0
    for match in _BARE.finditer(text):
        address = _trim(match.group(0))
        href = _href(address) if address else None
        if href is None or address.lower() in ("www.", "mailto:"):
            continue
        if match.start() > pos:
            yield Span(text[pos:match.start()], bold, None, italic)
        yield Span(address, bold, href, italic)
        pos = match.start() + len(address)
    if pos < len(text):
        yield Span(text[pos:], bold, None, italic)


def parse(text: str) -> tuple[tuple[Span, ...], tuple[Issue, ...]]:
    """Return the spans of drafter-written ``text`` and the markup problems found.

    >>> spans, issues = parse("The GoP **extended** it; see www.gob.pe.")
    >>> [(s.text, s.bold, s.link) for s in spans]  # doctest: +NORMALIZE_WHITESPACE
    [('The GoP ', False, None), ('extended', True, None), (' it; see ', False, None),
     ('www.gob.pe', False, 'https://www.gob.pe'), ('.', False, None)]
    >>> spans, issues = parse("**unclosed bold for the rest")
    >>> [(s.text, s.bold) for s in spans], [i.code for i in issues]
    ([('**unclosed bold for the rest', False)], ['W280'])
    """
    if not _MARKUP.search(text):
        return merge_spans(list(_bare_links(text, False, False))), ()
    spans: list[Span] = []
    issues: list[Issue] = []
    bold = italic = 0
    href: str | None = None
    for token in _parser().parseInline(text)[0].children or ():
        kind = token.type
        if kind == "text":
            if href is not None:
                spans.append(Span(token.content, bold > 0, href, italic > 0))
                continue
            issues += _leftovers(token.content)
            spans += _bare_links(token.content, bold > 0, italic > 0)
        elif kind in ("text_special", "code_inline"):
            spans.append(Span(token.content, bold > 0, href, italic > 0))
        elif kind in ("softbreak", "hardbreak"):
            spans.append(Span(" ", bold > 0, href, italic > 0))
        elif kind in ("strong_open", "strong_close"):
            bold += 1 if kind == "strong_open" else -1
        elif kind in ("em_open", "em_close"):
            italic += 1 if kind == "em_open" else -1
        elif kind == "link_open":
            target = str(token.attrs.get("href", ""))
            href = _href(target)
            if href is None:
                href = ""
                issues.append(Issue("W282", "the link's address is no web or e-mail address, so "
                                    "the text is kept without a link", target))
        elif kind == "link_close":
            href = None
        elif kind == "image":
            spans.append(Span(token.content, bold > 0, None, italic > 0))
    spans = [s if s.link != "" else Span(s.text, s.bold, None, s.italic) for s in spans]
    return merge_spans(spans), tuple(dict.fromkeys(issues))


def _leftovers(text: str) -> list[Issue]:
    """Return the problems of markup characters the parser left as text."""
    found = []
    for match in _STARS.finditer(text):
        marker = match.group(0)
        kind = "bold" if len(marker) == 2 else "italics"
        found.append(Issue("W280", f"{marker} ({kind}) is not closed, so it is shown as typed",
                           _around(text, match.start())))
    for match in _OPEN_LINK.finditer(text):
        found.append(Issue("W281", "a link is not closed: write [text](https://address) with its "
                           "closing parenthesis", _around(text, match.start())))
    return found


def _around(text: str, at: int, width: int = 30) -> str:
    """Return the text near position ``at`` (what the user looks for in report.yaml)."""
    start = max(at - 10, 0)
    piece = text[start:at + width].strip()
    return ("…" if start else "") + piece + ("…" if at + width < len(text) else "")


def problems(config) -> tuple:
    """Return W280–W282 for every drafter-written text of ``config`` (a ReportConfig).

    Each names the bullet as ``situation bullet 2 (es)`` and gives the markup as typed.
    """
    from nlg.errors import warning
    from nlg.model import Lang

    file = str(config.folder / "report.yaml")
    groups = [(key, getattr(config, key)) for key in ("situation", "coordination", "contacts")]
    groups += [(f"sector_notes.{sector}", notes) for sector, notes in config.sector_notes.items()]
    found = []
    for key, items in groups:
        for number, item in enumerate(items, start=1):
            for lang in Lang:
                text = item.get(lang)
                for issue in parse(text)[1] if text else ():
                    found.append(warning(
                        issue.code, f"{key} bullet {number} ({lang.value}): {issue.message}",
                        file=file, column=f"{key}[{number - 1}].{lang.value}", value=issue.found,
                        hint="close the markup (**bold**, *italics*, [text](https://…)), or write "
                             "a backslash before a * you mean as a star: \\*"))
    return tuple(found)
