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


def decode_lines(data: bytes) -> tuple[str, str, tuple[int, ...]]:
    """Return (text, encoding, lines read as cp1252 although the rest is UTF-8).

    :func:`decode` reads a file in one encoding. A file that is UTF-8 for the most
    part (or says so with a byte-order mark) but holds lines that are not — two exports
    pasted together, a line typed in an old editor — is read line by line instead: each
    line as UTF-8 when it is, else as cp1252, and the cp1252 lines are returned so that
    the reader can be told (never mojibake or U+FFFD stored in silence).

    >>> decode_lines("Año\\n".encode() + "Año\\n".encode("cp1252"))
    ('Año\\nAño\\n', 'utf-8', (2,))
    >>> decode_lines("Año\\n".encode("cp1252"))
    ('Año\\n', 'cp1252', ())
    """
    text, encoding = decode(data)            # NotText for binary content
    bom = encoding == "utf-8-sig"
    body = data[3:] if bom else data
    if encoding not in ("utf-8-sig", "cp1252", "latin-1") or (bom and _is_utf8(body)):
        return text, encoding, ()
    lines = body.split(b"\n")
    if not bom and not any(not line.isascii() and _is_utf8(line) for line in lines):
        return text, encoding, ()            # a cp1252 file
    out, other = [], []
    for number, line in enumerate(lines, start=1):
        if _is_utf8(line):
            out.append(line.decode("utf-8"))
        else:
            out.append(line.decode("cp1252", errors="replace"))
            other.append(number)
    return "\n".join(out), "utf-8-sig" if bom else "utf-8", tuple(other)


def _is_utf8(line: bytes) -> bool:
    try:
        line.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


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
            # line by line: a quote left open must not swallow the lines the choice rests on
            widths = [len(r) for line in sample for r in csv.reader([line], delimiter=delimiter)
                      if any(r)]
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


#: The longest CSV cell read (characters); longer cells are kept cut (W213), far longer ones
#: (a file that is not a table) stop the read with CsvProblem. Python's default is 131,072.
MAX_FIELD = 16 << 20


class CsvProblem(ValueError):
    """The CSV text cannot be split into records: ``args`` = (line, message, hint)."""


def split_rows(text: str, delimiter: str) -> list[tuple[int, tuple[str, ...]]]:
    """Return (row number as Excel shows it, cells) for every record of the CSV text.

    Raise CsvProblem for a cell beyond :data:`MAX_FIELD` or a quote never closed.
    """
    csv.field_size_limit(max(csv.field_size_limit(), MAX_FIELD))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows, starts, line = [], [], 1
    try:
        for number, cells in enumerate(reader, start=1):
            rows.append((number, tuple(cells)))
            starts.append(line)
            line = reader.line_num + 1
    except csv.Error as exc:
        raise CsvProblem(line, f"a cell is longer than {MAX_FIELD:,} characters ({exc})",
                         "this is not a 5W table; export the data again") from None
    if rows and any("\n" in cell or "\r" in cell for cell in rows[-1][1]) and _open_quote(text, delimiter):
        raise CsvProblem(starts[-1], f'a quote (") opened on line {starts[-1]} is never closed: '
                         "the rest of the file would be one cell",
                         "close the quote, or remove it; then save the CSV again")
    return rows


def _open_quote(text: str, delimiter: str) -> bool:
    """Return True when the text ends inside a quoted cell."""
    try:
        for _ in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True):
            pass
    except csv.Error as exc:
        return "unexpected end of data" in str(exc)
    return False
