"""Load stage: read a 5W export (.xlsx or CSV) into a :class:`RawTable`.

Only this module and :mod:`nlg.validate.dataset` see raw rows. Reading finds the header
row (a title row above it is tolerated), an HXL hashtag row under it when there
is one, and skips fully blank rows; row numbers are the ones Excel shows.
Unreadable files raise :class:`nlg.errors.DataError` (codes E201-E204, see
:mod:`nlg.validate.dataset`).
"""
from __future__ import annotations

import gc
import zipfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from xml.etree.ElementTree import ParseError

from nlg.errors import DataError, did_you_mean, error, warning
from nlg.load.columns import looks_like_header
from nlg.load.csv_file import CsvProblem, NotText, decode_lines, sniff_delimiter, split_rows
from nlg.load.scope import LeftOut, Scope, Watch
from nlg.load.xlsx import Book, SheetNotFound, TooLarge
from nlg.model import Problem

Cells = tuple[object, ...]
_SCAN_ROWS = 30
_XLSX_SUFFIXES = (".xlsx", ".xlsm", ".xltx", ".xltm")
_BROKEN = (zipfile.BadZipFile, zlib.error, KeyError, OSError, ValueError, EOFError,
           TypeError, AttributeError, IndexError, ParseError)


@dataclass(frozen=True)
class RawTable:
    """The header and data rows of one 5W file, as read (values not yet validated).

    ``rows`` holds (row number as Excel shows it, cell values) with the values
    aligned to ``headers``; CSV cells are strings ("" when empty), .xlsx cells
    are what Excel stores (str, int, float, bool, datetime or None).
    """

    file: str
    headers: tuple[str, ...]
    rows: tuple[tuple[int, Cells], ...]
    hxl: tuple[str, ...] | None = None
    header_row: int = 1
    notes: tuple[Problem, ...] = ()      # warnings about the file as a whole (W231 decoding)
    left_out: LeftOut | None = None      # rows left out before conversion (nlg.load.scope)


def _fail(code: str, file: str, message: str, hint: str, value: str | None = None) -> DataError:
    """Return a DataError holding one problem about a whole file."""
    return DataError(problems=[error(code, message, file=file, value=value, hint=hint)])


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while millions of acyclic objects are made.

    Reading and validating 100,000 rows creates millions of cells, tuples and
    dataclass instances; without this the collector rescans them over and over
    (measured: about 40% of the time). Reference counting still frees memory.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def read_table(path: Path, *, sheet: str | None = None, scope: Scope | None = None) -> RawTable:
    """Return the table of a 5W export (.xlsx: first or named sheet; CSV: any encoding).

    ``scope`` (from :func:`nlg.validate.scope.period_scope`) lets the .xlsx reader leave
    out rows of other months before converting them (:mod:`nlg.load.scope`); the table
    then says how many in ``left_out``. Without it every row is read.
    """
    with gc_paused():
        return _read_table(Path(path), sheet, scope)


def _read_table(path: Path, sheet: str | None, scope: Scope | None = None) -> RawTable:
    """Return the table of a 5W export (see :func:`read_table`)."""
    name = path.name
    if not path.is_file():
        raise _fail("E201", name, "file not found" if not path.exists() else "not a file",
                    "check the file name and folder given in report.yaml", str(path))
    try:
        with path.open("rb") as handle:
            magic = handle.read(8)
    except OSError as exc:
        raise _fail("E201", name, "file cannot be opened", "close it in Excel or check "
                    "permissions", exc.strerror or str(exc)) from None
    if not magic:
        raise _fail("E202", name, "file is empty", "export the 5W data again")
    if magic.startswith(b"\xd0\xcf\x11\xe0"):
        raise _fail("E203", name, "old .xls or password-protected workbook",
                    "open it in Excel and save as .xlsx (Excel Workbook) without a password")
    if magic.startswith(b"PK"):
        rows, left = _xlsx_rows(path, name, sheet, scope)
        if left is not None:
            return replace(_table(name, rows), left_out=left)
    elif path.suffix.lower() in _XLSX_SUFFIXES + (".xls",):
        raise _fail("E203", name, "not a valid Excel workbook (damaged or another format)",
                    "export the 5W data again from ActivityInfo as .xlsx or CSV")
    else:
        rows, notes = _csv_rows(path, name)
        return replace(_table(name, rows), notes=notes)
    return _table(name, rows)


def _xlsx_rows(path: Path, name: str, sheet: str | None,
               scope: Scope | None = None) -> tuple[list[tuple[int, Cells]], LeftOut | None]:
    """Return the rows of a workbook's first or named sheet, and those left out (scope)."""
    try:
        with path.open("rb") as handle:
            book = Book(handle)
            try:
                return book.read(sheet, _binder(scope) if scope is not None else None,
                                 lambda: path.open("rb"))
            finally:
                book.close()
    except TooLarge as exc:
        raise _fail("E230", name, exc.args[0], exc.args[1]) from None
    except SheetNotFound as exc:
        wanted, names = exc.args[0], exc.args[1]
        if not names:
            raise _fail("E202", name, "workbook has no worksheet", "export the 5W data again") from None
        raise _fail("E204", name, f"no sheet named {wanted!r}{did_you_mean(wanted, names)}",
                    "sheets in this file: " + ", ".join(names), wanted) from None
    except _BROKEN as exc:
        raise _fail("E203", name, "damaged or incomplete .xlsx file (cannot be unzipped/read)",
                    "export or download the file again; it may have been cut off",
                    f"{type(exc).__name__}: {exc}"[:200]) from None


def _csv_rows(path: Path, name: str) -> tuple[list[tuple[int, Cells]], tuple[Problem, ...]]:
    """Return the records of a CSV file in any of the encodings Excel writes, and a W231
    warning naming the lines read as cp1252 in a file that is otherwise UTF-8."""
    try:
        text, encoding, other = decode_lines(path.read_bytes())
    except NotText:
        raise _fail("E203", name, "not a CSV or Excel file (binary content)",
                    "export the 5W data from ActivityInfo as .xlsx or CSV") from None
    if not text.strip():
        raise _fail("E202", name, "file is empty", "export the 5W data again")
    notes: tuple[Problem, ...] = ()
    if other:
        shown = ", ".join(map(str, other[:10])) + (f" and {len(other) - 10} more" if len(other) > 10 else "")
        said = "its byte-order mark says UTF-8" if encoding == "utf-8-sig" else "the rest is UTF-8"
        notes = (warning("W231", f"mixed encodings: {len(other)} line(s) are not UTF-8 although "
                         f"{said}; read as Windows cp1252 (lines {shown})", file=name,
                         row=other[0], hint="check the accents on those lines; save the CSV "
                         "again as 'CSV UTF-8' from Excel"),)
    try:
        rows: list[tuple[int, Cells]] = list(split_rows(text, sniff_delimiter(text)))
        return rows, notes
    except CsvProblem as exc:
        line, message, hint = exc.args
        raise DataError(problems=[error("E231", message, file=name, row=line, hint=hint)]) from None


def _blank(values: Cells) -> bool:
    """Return True when no cell of a row holds anything but spaces."""
    for value in values:
        if value is None:
            continue
        if type(value) is not str or (value and not value.isspace()):
            return False
    return True


def _header_index(rows: list[tuple[int, Cells]]) -> int | None:
    """Return the index of the header row among the first rows, or None."""
    head = rows[:_SCAN_ROWS]
    scores = [sum(1 for v in cells if looks_like_header(v)) for _, cells in head]
    if scores and max(scores) >= 2:
        return scores.index(max(scores))
    widest = max((len([v for v in cells if not _blank((v,))]) for _, cells in head), default=0)
    for index, (_, cells) in enumerate(head):
        count = _texts(cells)
        if count >= 2 and count * 10 >= widest * 6:
            return index
    return None


def _texts(cells: Cells) -> int:
    """Return how many cells of a row hold text (0 if any filled cell is not text)."""
    filled = [v for v in cells if not _blank((v,))]
    return len(filled) if all(isinstance(v, str) for v in filled) else 0


def _is_hxl(cells: Cells) -> bool:
    """Return True when every filled cell of a row is an HXL hashtag."""
    filled = [v for v in cells if not _blank((v,))]
    return bool(filled) and all(isinstance(v, str) and v.strip().startswith("#") for v in filled)


def _binder(scope: Scope) -> Callable[[list[tuple[int, Cells]], bool], tuple[bool, Watch | None]]:
    """Return the reader's ``bind``: once the header rows are read, the scope's Watch."""
    def bind(rows: list[tuple[int, Cells]], final: bool) -> tuple[bool, Watch | None]:
        rows = [(number, cells) for number, cells in rows if not _blank(cells)]
        if final:
            return True, None
        if len(rows) < _SCAN_ROWS + 2:       # the header and HXL rows are among the first rows
            return False, None
        found = _header(rows)
        if found is None:
            return True, None
        _, headers, hxl, _ = found
        return True, scope(headers, hxl)
    return bind


def _header(rows: list[tuple[int, Cells]]) -> tuple[int, tuple[str, ...], tuple[str, ...] | None,
                                                    int] | None:
    """Return (header row, headers, HXL tags, index of the first data row) of non-blank rows."""
    index = _header_index(rows)
    if index is None:
        return None
    if index and _is_hxl(rows[index][1]) and _texts(rows[index - 1][1]) >= 2:
        index -= 1   # the hashtag row sits under the header row it tags
    header_row, header_cells = rows[index]
    headers = [("" if v is None else str(v).strip()) for v in header_cells]
    while headers and not headers[-1]:
        headers.pop()
    first = index + 1
    hxl = None
    if _is_hxl(header_cells):
        hxl = tuple(headers)
    elif first < len(rows) and _is_hxl(rows[first][1]):
        hxl = tuple(("" if v is None else str(v).strip()) for v in _fit(rows[first][1], len(headers)))
        first += 1
    return header_row, tuple(headers), hxl, first


def _table(name: str, rows: list[tuple[int, Cells]]) -> RawTable:
    """Return the RawTable of a file's non-blank rows."""
    rows = [(number, cells) for number, cells in rows if not _blank(cells)]
    found = _header(rows)
    if found is None:
        raise _fail("E202", name, "no table found (no header row with 5W column names)",
                    "the first sheet must hold the 5W export with its header row; "
                    "name another sheet in report.yaml if needed")
    header_row, headers, hxl, first = found
    width = len(headers)
    data = tuple((number, _fit(cells, width)) for number, cells in rows[first:])
    return RawTable(file=name, headers=headers, rows=data, hxl=hxl, header_row=header_row)


def _fit(cells: Cells, width: int) -> Cells:
    """Return a row cut or padded with None to the header width."""
    size = len(cells)
    if size == width:
        return cells if type(cells) is tuple else tuple(cells)
    if size > width:
        return tuple(cells[:width])
    return tuple(cells) + (None,) * (width - size)
