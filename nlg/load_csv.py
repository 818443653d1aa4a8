"""Decode and split CSV exports: encoding detection and delimiter sniffing.

Excel writes CSV as UTF-8 with a BOM, as the ANSI code page (cp1252 in the
Americas) or as UTF-16 ("Unicode text", tab-separated); the delimiter is ","
or, in Spanish-language locales, ";".
"""
from __future__ import annotations

import codecs
import csv
import io
from collections import Counter

DELIMITERS = (",", ";", "\t", "|")
_CONTROL = frozenset(range(0, 32)) - {9, 10, 13}


class NotText(ValueError):
    """The bytes are not a text file (binary content)."""


def decode(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name) of CSV bytes; raise NotText for binary data.

    >>> decode("Año".encode("cp1252"))
    ('Año', 'cp1252')
    >>> decode(codecs.BOM_UTF8 + "Año".encode())
    ('Año', 'utf-8-sig')
    """
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace"), "utf-16"
    head = data[:4096]
    if head.count(0) > len(head) // 4 and len(head) > 3:
        if head[1::2].count(0) > len(head) // 3:
            return data.decode("utf-16-le", errors="replace"), "utf-16-le"
        if head[0::2].count(0) > len(head) // 3:
            return data.decode("utf-16-be", errors="replace"), "utf-16-be"
    if sum(1 for b in head if b in _CONTROL) > max(2, len(head) // 100):
        raise NotText("binary content")
    for encoding in ("utf-8", "cp1252"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1"), "latin-1"


def sniff_delimiter(text: str) -> str:
    """Return the delimiter that splits the first lines into the most consistent columns.

    >>> sniff_delimiter("Title\\nCountry;Admin1;Month\\nPeru;Lima;2023-11\\n")
    ';'
    >>> sniff_delimiter('a,b\\n"1,5";2\\n')
    ','
    """
    sample = text[:65536].splitlines()[:50]
    best, best_score = ",", (0, 0)
    for delimiter in DELIMITERS:
        try:
            widths = [len(r) for r in csv.reader(sample, delimiter=delimiter) if any(r)]
        except csv.Error:
            continue
        wide = [w for w in widths if w > 1]
        if not wide:
            continue
        width, rows = Counter(wide).most_common(1)[0]
        score = (rows, width)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def split_rows(text: str, delimiter: str) -> list[tuple[int, tuple[str, ...]]]:
    """Return (row number as Excel shows it, cells) for every record of the CSV text."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    return [(number, tuple(cells)) for number, cells in enumerate(reader, start=1)]
