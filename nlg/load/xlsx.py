"""Read the cells of one worksheet of an .xlsx file.

The package (sheet list, shared strings, date styles, epoch) is read here with
zipfile and ElementTree: importing openpyxl alone costs a quarter of a second of
every `sitrep draft`. openpyxl's per-cell reader (and even
``load_workbook(read_only=True)``, which scans a sheet without a dimension
record) takes tens of seconds on a 100,000-row export, so the sheet XML is
scanned here with one compiled pattern; values follow openpyxl's conventions
(int/float, str, bool, datetime, cached formula results). Rows the fast pattern
cannot read use a complete pattern; a sheet neither can read uses openpyxl.
"""
from __future__ import annotations

import re
import warnings
import zipfile
import zlib
from collections.abc import Callable
from functools import lru_cache
from operator import itemgetter
from typing import BinaryIO

from nlg.archive import open_zip
from nlg.load.scope import LeftOut, Watch
from nlg.load.xlsx_package import Package, from_excel, from_iso8601
from nlg.load.xlsx_skip import Skipper

Row = tuple[int, tuple[object, ...]]
#: bind(rows read so far, whether the sheet ended) -> (ready, watch or None); see Book.read
Bind = Callable[[list[Row], bool], tuple[bool, "Watch | None"]]
_ENTITY = re.compile(rb"&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);")
_OOXML_ESC = re.compile(r"_x([0-9A-Fa-f]{4})_")
_NAMED = {b"amp": "&", b"lt": "<", b"gt": ">", b"quot": '"', b"apos": "'"}
_STYLE = re.compile(rb'\ss="(\d+)"')
_TYPE = re.compile(rb'\st="(\w+)"')
_SHEET_DATA = re.compile(rb"<(\w+:)?sheetData\b[^>]*?(?:(/)>|>)")
#: Bytes of sheet XML inflated at a time: memory stays flat whatever the sheet's size.
BLOCK = 4 << 20
#: Bytes read at a time until the header rows are known (they are converted whole).
HEAD = 64 << 10


class _Cache(dict):
    """Cell text -> value; a missing key is converted once and remembered."""

    def __init__(self, convert: Callable[[bytes], object]):
        super().__init__()
        self.convert = convert

    def __missing__(self, key: bytes) -> object:
        value = self[key] = self.convert(key)
        return value


class Unsupported(Exception):
    """The scanner cannot read this sheet; use openpyxl's iterator."""


class TooLarge(Exception):
    """The workbook is refused before it is inflated (:mod:`nlg.archive` limits); ``args[0]`` says why."""


def _too_large(message: str, hint: str) -> TooLarge:
    return TooLarge(message, hint)


class SheetNotFound(KeyError):
    """The named sheet is not in the workbook; ``args[1]`` lists the sheet names."""


class Book:
    """An open .xlsx package: shared strings, date styles, epoch and worksheet parts."""

    def __init__(self, source: BinaryIO):
        self.source = source
        package = Package(open_zip(source, _too_large))
        self.archive, self.package = package.archive, package
        self.strings = shared_strings(package.read(package.shared_strings)) \
            if package.shared_strings else []
        self.sheets: dict[str, str] = package.sheets

    def close(self) -> None:
        """Close the package file."""
        self.archive.close()

    def part(self, sheet: str | None) -> tuple[str, str]:
        """Return (sheet name, part path) of the named or first worksheet."""
        if not self.sheets:
            raise SheetNotFound(sheet or "", [])
        if sheet is None:
            return next(iter(self.sheets.items()))
        if sheet not in self.sheets:
            raise SheetNotFound(sheet, list(self.sheets))
        return sheet, self.sheets[sheet]

    def rows(self, sheet: str | None) -> list[Row]:
        """Return (Excel row number, cell values) of the sheet's rows that have cells."""
        return self.read(sheet)[0]

    def read(self, sheet: str | None, bind: Bind | None = None,
             reopen: Callable[[], BinaryIO] | None = None) -> tuple[list[Row], LeftOut | None]:
        """Return the sheet's rows that have cells, and the summary of the rows left out.

        ``bind(rows, final)`` is called with the rows read so far (every one converted) until
        it answers ``(True, watch)``; from then on rows are left out as ``watch`` says
        (:mod:`nlg.load.scope`). Without ``bind`` (or with a ``None`` watch) every row is read.
        ``reopen()`` opens the file again, for the numbers of the rows left out (``LeftOut.numbers``).
        """
        name, part = self.part(sheet)
        conv = _Converter(self.strings, self.package.date_styles, self.package.epoch)
        try:
            with self.archive.open(part) as handle, _Prefetch(_inflater(self.archive, part,
                                                                       handle.read)) as read:
                rows, skipper = scan_stream(read, conv, bind)
        except Unsupported:
            return _openpyxl_rows(self.source, name), None
        if skipper is None:
            return rows, None
        return rows, skipper.left_out(_COLS, _numbers_later(reopen, sheet, skipper.watch, rows))


def _inflater(archive: zipfile.ZipFile, part: str,
              fallback: Callable[[int], bytes]) -> Callable[[int], bytes]:
    """Return read(n) giving the part's inflated bytes in blocks of about ``n``.

    A deflated part is inflated here from the raw bytes, a few large zlib calls per block (so
    the inflating thread seldom waits for the GIL), never beyond the size the directory gives,
    its CRC checked at the end as zipfile does; other parts are read through zipfile.
    """
    info = archive.getinfo(part)
    source = archive.fp
    if info.compress_type != zipfile.ZIP_DEFLATED or info.flag_bits & 0x1 or source is None:
        return fallback
    source.seek(info.header_offset)
    header = source.read(30)
    if len(header) != 30 or header[:4] != b"PK\x03\x04":
        return fallback
    name, extra = int.from_bytes(header[26:28], "little"), int.from_bytes(header[28:30], "little")
    start = info.header_offset + 30 + name + extra
    state = {"at": start, "left": info.compress_size, "out": 0, "crc": 0, "tail": b"", "done": False}
    inflate = zlib.decompressobj(-15)

    def read(n: int) -> bytes:
        pieces, size = [], 0
        while size < n and not state["done"]:
            data = state["tail"]
            if not data and state["left"] > 0:
                source.seek(state["at"])
                data = source.read(min(state["left"], max(n // 8, 1 << 16)))
                if not data:
                    raise zipfile.BadZipFile(f"part {part} is cut off")
                state["at"] += len(data)
                state["left"] -= len(data)
            if data:
                out = inflate.decompress(data, 4 * n)    # bounded: a bomb is never inflated whole
                state["tail"] = inflate.unconsumed_tail
            else:
                out = inflate.flush()                   # what zlib still holds, at the end
                state["done"] = True
            state["done"] = state["done"] or inflate.eof
            pieces.append(out)
            size += len(out)
        chunk = b"".join(pieces)
        state["out"] += len(chunk)
        if state["out"] > info.file_size:
            raise zipfile.BadZipFile(f"part {part} inflates beyond the size its directory gives")
        state["crc"] = zlib.crc32(chunk, state["crc"])
        if not chunk and (state["out"] != info.file_size or state["crc"] != info.CRC):
            raise zipfile.BadZipFile(f"Bad CRC-32 for file {part!r}")
        return chunk
    return read


class _Prefetch:
    """Inflate a part in a thread, a few blocks ahead of the scanner (zlib and the CRC release
    the GIL, so on a second core the inflating costs no wall time); ``read(n)`` returns the
    next block whatever ``n`` (HEAD-sized blocks first, while the header rows are read)."""

    def __init__(self, read: Callable[[int], bytes]):
        import queue
        import threading

        self._read, self._queue, self._stop = read, queue.Queue(maxsize=2), threading.Event()
        self._thread = threading.Thread(target=self._run, name="xlsx-inflate", daemon=True)
        self._done = False

    def _run(self) -> None:
        sizes = [HEAD, HEAD, 4 * HEAD]
        try:
            while not self._stop.is_set():
                chunk = self._read(sizes.pop(0) if sizes else BLOCK)
                self._put(chunk)
                if not chunk:
                    return
        except BaseException as exc:  # noqa: BLE001  (raised again in the reading thread)
            self._put(exc)

    def _put(self, item: object) -> None:
        import queue

        while not self._stop.is_set():
            try:
                self._queue.put(item, timeout=0.1)
                return
            except queue.Full:
                continue

    def __call__(self, n: int) -> bytes:
        if self._done:
            return b""
        item = self._queue.get()
        if isinstance(item, BaseException):
            self._done = True
            raise item
        if not item:
            self._done = True
        return item

    def __enter__(self) -> _Prefetch:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def _numbers_later(reopen: Callable[[], BinaryIO] | None, sheet: str | None, watch: Watch,
                   rows: list[Row]) -> Callable[[], dict[int, frozenset]] | None:
    """Return a function reading, again and whole, the text cells of the numeric columns in
    the rows left out (rare: validation asks only when a kept number is written as text)."""
    if reopen is None:
        return None
    kept, columns = {n for n, _ in rows}, sorted(watch.numbers)

    def numbers() -> dict[int, frozenset]:
        with reopen() as handle:
            book = Book(handle)
            try:
                every = book.rows(sheet)
            finally:
                book.close()
        found: dict[int, set] = {i: set() for i in columns}
        for number, cells in every:
            if number not in kept:
                for i in columns:
                    if i < len(cells) and type(cells[i]) is str:
                        found[i].add(cells[i])
        return {i: frozenset(v) for i, v in found.items()}
    return numbers


def _openpyxl_rows(source: BinaryIO, name: str) -> list[Row]:
    """Return the rows of a sheet the scanner cannot read, through openpyxl (slow, rare)."""
    from openpyxl import load_workbook

    source.seek(0)
    with warnings.catch_warnings():  # openpyxl warns about features it drops; we only read
        warnings.simplefilter("ignore")
        book = load_workbook(source, read_only=True, data_only=True)
        try:
            return [(n, tuple(v)) for n, v in enumerate(book[name].iter_rows(values_only=True), 1)
                    if v]
        finally:
            book.close()


def shared_strings(data: bytes) -> list[str]:
    """Return the shared strings table (rich-text runs joined, phonetic runs dropped).

    openpyxl builds an object per string, which takes seconds for 100,000 strings.
    """
    found = re.search(rb"<(\w+:)?sst\b", data)
    p = re.escape(found.group(1) or b"") if found else b""
    items = re.findall(rb"<" + p + rb"si\b[^>]*?(?:/>|>(.*?)</" + p + rb"si>)", data, re.S)
    simple = re.compile(rb"<" + p + rb"t(?:\s[^>]*)?>([^<]*)</" + p + rb"t>")
    runs = _patterns(p)["inline"]
    out = []
    for body in items:
        match = simple.fullmatch(body)
        if match:
            out.append(_text(match.group(1)))
        else:
            out.append("".join(_text(t) for t in runs.findall(body)))
    return out


def _text(raw: bytes) -> str:
    """Return XML character data decoded, entities and OOXML _xHHHH_ escapes resolved."""
    if b"&" in raw:
        raw = _ENTITY.sub(_entity, raw)
    text = raw.decode("utf-8")
    if "_x" in text:
        text = _OOXML_ESC.sub(lambda m: chr(int(m.group(1), 16)), text)
    return text


def _entity(match: re.Match) -> bytes:
    """Return the UTF-8 bytes an XML entity stands for."""
    name = match.group(1)
    if name[:1] != b"#":
        return _NAMED[name].encode()
    try:
        return chr(int(name[2:], 16) if name[:2] == b"#x" else int(name[1:])).encode()
    except (ValueError, OverflowError):   # a surrogate or out of range: not a character
        return "\ufffd".encode()


@lru_cache(maxsize=8)
def _patterns(prefix: bytes) -> dict[str, re.Pattern]:
    """Return the sheet patterns for a namespace prefix such as b'x:'."""
    p = re.escape(prefix)
    formula = rb"(?:<" + p + rb"f[^>]*>[^<]*</" + p + rb"f>|<" + p + rb"f[^>]*/>)?"
    return {
        # fast: the reference comes first; the key is everything that decides the value
        "key": re.compile(rb'<' + p + rb'c r="([A-Z]{1,3})\d+"([^>]*>(?:<' + p + rb"v>[^<]*|<"
                          + p + rb"is>.*?</" + p + rb"is>|<" + p + rb"f[^>]*(?:/>|>[^<]*</" + p
                          + rb"f>)(?:<" + p + rb"v>[^<]*)?)?)", re.S),
        "full": re.compile(
            rb"<" + p + rb"c\b(?=[^>]*?\sr=\"([A-Z]{1,3})\d+\")(?:(?=[^>]*?\ss=\"(\d+)\"))?"
            rb"(?:(?=[^>]*?\st=\"(\w+)\"))?[^>]*?(?:/>|>" + formula + rb"(?:<" + p
            + rb"v(?:\s[^>]*)?>([^<]*)</" + p + rb"v>)?(.*?)</" + p + rb"c>)", re.S),
        "value": re.compile(rb"<" + p + rb"v(?:\s[^>]*)?>([^<]*)"),
        "inline": re.compile(rb"<" + p + rb"t(?:\s[^>]*)?>([^<]*)</" + p + rb"t>|<" + p
                             + rb"rPh\b.*?</" + p + rb"rPh>", re.S),
    }


def _columns() -> dict[bytes, int]:
    """Return column letters (A .. ZZZ as bytes) -> 0-based index."""
    letters = [chr(65 + i) for i in range(26)]
    two = [a + b for a in letters for b in letters]
    names = letters + two + [a + b for a in letters for b in two]
    return {name.encode(): i for i, name in enumerate(names)}


_COLS: dict[bytes, int] = {}


def scan(data: bytes, conv: _Converter) -> list[Row]:
    """Return the rows of sheet XML; raise Unsupported when cells lack references."""
    return scan_stream(_reader(data), conv)[0]


def _reader(data: bytes) -> Callable[[int], bytes]:
    """Return a read(n) function over bytes already in memory."""
    view, pos = memoryview(data), [0]

    def read(n: int) -> bytes:
        start = pos[0]
        pos[0] = min(start + n, len(data))
        return bytes(view[start:pos[0]])
    return read


def scan_stream(read: Callable[[int], bytes], conv: _Converter,
                bind: Bind | None = None) -> tuple[list[Row], Skipper | None]:
    """Return the rows of sheet XML read by ``read(n)`` in blocks of whole rows, and the
    skipper that left rows out, if any (see :meth:`Book.read`).

    The part is never held whole: each block ends where a row starts (the rest waits for
    the next block), so memory stays flat however large the sheet is. Raise Unsupported
    when cells lack references.
    """
    head, chunk = b"", b"x"
    start = None
    size = HEAD if bind else BLOCK
    while start is None and chunk:
        chunk = read(size)
        head += chunk
        start = _SHEET_DATA.search(head)
    if start is None or start.group(2):
        while chunk:                      # read to the end: the zip's CRC is checked there
            chunk = read(BLOCK)
        return [], None
    if not _COLS:
        _COLS.update(_columns())
    prefix = start.group(1) or b""
    conv.patterns = _patterns(prefix)
    row_tag, data_end = b"<" + prefix + b"row", b"</" + prefix + b"sheetData>"
    row_end = b"</" + prefix + b"row>"
    rows: list[Row] = []
    state = {"number": 0, "skipper": None, "bind": bind}

    def process(block: bytes, final: bool) -> None:
        skipper = state["skipper"]
        if skipper is not None:
            state["number"] = skipper.block(block, rows, state["number"])
            return
        state["number"] = _block(block, prefix, conv, rows, state["number"])
        if state["bind"] is not None:
            ready, watch = state["bind"](rows, final)
            if ready:
                state["bind"] = None
                if watch is not None:
                    state["skipper"] = _skipper(watch, conv, prefix)

    tail = head[start.end():]                 # bytes after <sheetData>, not yet scanned
    stop, seam = tail.find(data_end), len(data_end) - 1
    new = chunk
    while stop < 0 and new:
        new = read(BLOCK if state["bind"] is None else HEAD)
        if not new:
            break
        edge = tail[-seam:]
        stop = (edge + new[:seam]).find(data_end)   # the end tag across the two pieces
        if stop >= 0:
            tail, stop = tail + new, len(tail) - len(edge) + stop
            break
        stop = new.find(data_end, max(0, new.rfind(row_end)))   # it follows the last row
        if stop >= 0:
            tail, stop = tail + new, len(tail) + stop
            break
        cut = new.rfind(row_tag)
        if cut < 0:                          # no whole row yet (a row longer than a block)
            tail += new
            continue
        block, tail = b"".join((tail, memoryview(new)[:cut])), new[cut:]
        process(block, False)
    process(tail[:stop] if stop >= 0 else tail, True)
    while new:                                # read to the end: the zip's CRC is checked there
        new = read(BLOCK)
    return rows, state["skipper"]


def _skipper(watch: Watch, conv: _Converter, prefix: bytes) -> Skipper:
    """Return the row skipper of a sheet (:mod:`nlg.load.xlsx_skip`)."""
    hidden = any("\u00c2" in s or "\u00c3" in s or "\u00e2" in s for s in conv.shared)

    def whole(data: bytes, rows: list[Row], number: int) -> int:
        return _block(data, prefix, conv, rows, number)

    end_tag, cell, bare, empty = (b"</" + prefix + b"row>", b"<" + prefix + b"c ",
                                  b"<" + prefix + b"c>", b"<" + prefix + b"c/>")

    def row(data: bytes, at: int, rows: list[Row]) -> None:
        """Append the row whose tag (with its r= reference) starts at ``at``, as _rows would."""
        find = data.find
        end = find(b">", at)
        if data[end - 1] == 47:                              # <row .../>: no cells
            return
        stop = find(end_tag, end)
        if stop < 0:
            raise Unsupported("unterminated row")
        ref = find(b' r="', at, end) + 4
        number = int(data[ref:find(b'"', ref)])
        expected = data.count(cell, end, stop)
        if find(bare, end, stop) < 0 and find(empty, end, stop) < 0:
            values, cells = conv.fast_row(data, end + 1, stop)
            if cells == expected:
                if cells:
                    rows.append((number, values))
                return
        else:
            expected += data.count(bare, end, stop) + data.count(empty, end, stop)
        values, cells = conv.full_row(data, end + 1, stop)
        if cells != expected:
            raise Unsupported("cells without a reference")
        if cells:
            rows.append((number, values))
    return Skipper(watch, conv, prefix, hidden, whole, row)


def _block(data: bytes, prefix: bytes, conv: _Converter, rows: list[Row], number: int) -> int:
    """Append the rows of a block of whole rows; return the last row number."""
    expected = data.count(b"<" + prefix + b"c ")
    if b"<" + prefix + b"c>" not in data and b"<" + prefix + b"c/>" not in data:
        found: list[Row] = []
        last, cells = _rows(data, 0, prefix, conv, True, found, number)
        if cells == expected:
            rows += found
            return last
    else:
        expected += data.count(b"<" + prefix + b"c>") + data.count(b"<" + prefix + b"c/>")
    last, cells = _rows(data, 0, prefix, conv, False, rows, number)
    if cells != expected:
        raise Unsupported("cells without a reference")
    return last


def _rows(data: bytes, pos: int, prefix: bytes, conv: _Converter, fast: bool,
          rows: list[Row], number: int) -> tuple[int, int]:
    """Append the rows after pos; return the last row number and the number of cells read."""
    end_tag, row_tag, find = b"</" + prefix + b"row>", b"<" + prefix + b"row", data.find
    count = 0
    read = conv.fast_row if fast else conv.full_row
    pos = find(row_tag, pos)
    while pos >= 0:
        end = find(b">", pos)
        if end < 0:
            raise Unsupported("unterminated row tag")
        if data[pos + len(row_tag)] not in b" >/\t\r\n":       # <rowBreaks> and the like
            pos = find(row_tag, end)
            continue
        ref = find(b' r="', pos, end)
        number = int(data[ref + 4:find(b'"', ref + 4)]) if ref > 0 else number + 1
        stop = end if data[end - 1] == 47 else find(end_tag, end)   # 47: "/>", an empty row
        if stop < 0:
            raise Unsupported("unterminated row")
        values, cells = read(data, end + 1, stop) if stop > end else ((), 0)
        count += cells
        if cells:
            rows.append((number, values))
        pos = find(row_tag, stop)
    return number, count


def _layout(letters: tuple[bytes, ...]) -> Callable[[list], tuple]:
    """Return a function placing a row's values (plus a trailing None) in their columns."""
    where = {_COLS[col]: i for i, col in enumerate(letters)}
    blank = len(letters)
    picks = [where.get(col, blank) for col in range(max(where) + 1)]
    getter = itemgetter(*picks)
    return getter if len(picks) > 1 else (lambda values: (getter(values),))


class _Converter:
    """Turns cell XML into Python values the way openpyxl does, caching by cell text."""

    patterns: dict[str, re.Pattern]

    def __init__(self, strings: list[str], dates: object, epoch: object):
        self.shared = strings
        self.dates, self.epoch = {str(d).encode() for d in dates}, epoch
        self.cache = _Cache(self.key_value)
        self.layouts: dict[tuple[bytes, ...], Callable[[list], tuple]] = {}

    def fast_row(self, data: bytes, start: int, stop: int) -> tuple[tuple[object, ...], int]:
        """Return (values by column, cell count) of a row whose cells start with r=."""
        pairs = self.patterns["key"].findall(data, start, stop)
        if not pairs:
            return (), 0
        letters, keys = zip(*pairs)
        values = list(map(self.cache.__getitem__, keys))
        layout = self.layouts.get(letters)
        if layout is None:
            layout = self.layouts[letters] = _layout(letters)
        values.append(None)
        return layout(values), len(keys)

    def full_row(self, data: bytes, start: int, stop: int) -> tuple[list[object], int]:
        """Return (values by column, cell count) using the complete cell pattern."""
        placed: dict[int, object] = {}
        cells = self.patterns["full"].findall(data, start, stop)
        for col, style, kind, raw, rest in cells:
            placed[_COLS[col]] = self.value(style, kind, raw, rest)
        size = max(placed) + 1 if placed else 0
        return tuple(map(placed.get, range(size))), len(cells)

    def key_value(self, key: bytes) -> object:
        """Return the value of a cell from its text after the reference."""
        if key.startswith(b' t="s"><v>') and key[10:].isdigit():   # the common case
            return self.shared[int(key[10:])]
        head = key[: key.find(b">") + 1]
        style, kind = _STYLE.search(head), _TYPE.search(head)
        raw = self.patterns["value"].search(key)
        return self.value(style.group(1) if style else b"", kind.group(1) if kind else b"",
                          raw.group(1) if raw else b"", key[len(head):])

    def value(self, style: bytes, kind: bytes, raw: bytes, rest: bytes) -> object:
        """Return one cell's value from its style, type, <v> text and remaining XML."""
        if kind == b"inlineStr":
            parts = self.patterns["inline"].findall(rest)
            return "".join(_text(t) for t in parts) or None if parts else None
        if not raw:
            return None
        if kind == b"s":
            return self.shared[int(raw)]
        if kind in (b"", b"n"):
            if style in self.dates:
                try:
                    return from_excel(float(raw), self.epoch)
                except (OverflowError, ValueError):
                    pass
            text = raw.decode()
            return float(text) if ("." in text or "e" in text or "E" in text) else int(text)
        if kind == b"b":
            return raw == b"1"
        if kind == b"d":
            return from_iso8601(raw.decode())
        return _text(raw)  # "str" (formula result), "e" (#N/A ...)
