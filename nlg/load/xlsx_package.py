"""The parts of an .xlsx package the sheet scanner needs, read with the standard library.

Sheet names and their parts (workbook.xml and its relationships), the shared
strings part, which cell styles are dates (styles.xml), and the date epoch
(1900 or 1904 system). Values follow openpyxl's conventions.
"""
from __future__ import annotations

import datetime
import posixpath
import re
import zipfile
from xml.etree import ElementTree

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
STRICT = "{http://purl.oclc.org/ooxml/spreadsheetml/main}"
REL_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
R_ID = ("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id",
        "{http://purl.oclc.org/ooxml/officeDocument/relationships}id")
WINDOWS_EPOCH = datetime.datetime(1899, 12, 30)
MAC_EPOCH = datetime.datetime(1904, 1, 1)
#: Built-in number formats that are dates or times (ECMA-376 18.8.30, with East Asian ids).
BUILTIN_DATES = frozenset({14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34,
                           35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58})
_LITERALS = re.compile(r'"[^"]*"|\\.|\[(?!(?:hh?|mm?|ss?)\])[^\]]*\]')
_DATE_CODE = re.compile(r"(?<![_\\])[dmhysDMHYS]")


def is_date_format(code: str) -> bool:
    """Return whether a number format code shows a date or time.

    >>> is_date_format("yyyy-mm-dd"), is_date_format('#,##0;[Red]"-"#,##0'), is_date_format("[h]:mm")
    (True, False, True)
    """
    return bool(_DATE_CODE.search(_LITERALS.sub("", code.split(";")[0])))


def from_excel(value: float, epoch: datetime.datetime = WINDOWS_EPOCH) -> datetime.datetime:
    """Return the datetime of an Excel serial number (with Excel's 1900 leap-year quirk).

    >>> from_excel(45231)
    datetime.datetime(2023, 11, 1, 0, 0)
    """
    day, fraction = divmod(value, 1)
    diff = datetime.timedelta(milliseconds=round(fraction * 86_400_000))
    if 0 <= value < 60 and epoch == WINDOWS_EPOCH:
        day += 1
    return epoch + datetime.timedelta(days=day) + diff


def from_iso8601(text: str) -> datetime.datetime | datetime.date | datetime.time:
    """Return the value of an ISO 8601 date cell (t="d").

    >>> from_iso8601("2023-11-01T00:00:00")
    datetime.datetime(2023, 11, 1, 0, 0)
    """
    text = text.strip().rstrip("Z")
    if "T" not in text and ":" in text:
        return datetime.time.fromisoformat(text)
    return datetime.datetime.fromisoformat(text)


def _find(root, tag: str):
    return root.find(MAIN + tag) if root.find(MAIN + tag) is not None else root.find(STRICT + tag)


def _iter(root, path: str):
    found = root.findall(path.replace("x:", MAIN))
    return found or root.findall(path.replace("x:", STRICT))


class Package:
    """Sheets, shared strings, date styles and epoch of an open .xlsx archive."""

    def __init__(self, archive: zipfile.ZipFile):
        self.archive = archive
        book_part = self._office_document()
        rels = self._relationships(book_part)
        book = ElementTree.fromstring(self.read(book_part))
        props = _find(book, "workbookPr")
        date1904 = props is not None and props.get("date1904", "").lower() in ("1", "true")
        self.epoch = MAC_EPOCH if date1904 else WINDOWS_EPOCH
        self.sheets: dict[str, str] = {}
        for sheet in _iter(book, "x:sheets/x:sheet"):
            rid = next((sheet.get(a) for a in R_ID if sheet.get(a)), None)
            target, kind = rels.get(rid, ("", ""))
            if target in self.names and "chartsheet" not in kind:
                self.sheets.setdefault(sheet.get("name", ""), target)
        by_kind = {kind.rsplit("/", 1)[-1]: target for target, kind in rels.values()}
        self.shared_strings = by_kind.get("sharedStrings") if by_kind.get("sharedStrings") in self.names else None
        styles = by_kind.get("styles")
        self.date_styles = self._date_styles(styles) if styles in self.names else frozenset()

    @property
    def names(self) -> set[str]:
        """Return the part names in the archive."""
        return set(self.archive.namelist())

    def read(self, part: str) -> bytes:
        """Return the bytes of a part."""
        return self.archive.read(part)

    def _office_document(self) -> str:
        rels = ElementTree.fromstring(self.read("_rels/.rels"))
        for rel in rels.iter(REL_NS + "Relationship"):
            if rel.get("Type", "").endswith("/officeDocument"):
                return rel.get("Target", "").lstrip("/")
        return "xl/workbook.xml"

    def _relationships(self, part: str) -> dict[str, tuple[str, str]]:
        folder, name = posixpath.split(part)
        rels_part = posixpath.join(folder, "_rels", name + ".rels")
        if rels_part not in self.names:
            return {}
        out = {}
        for rel in ElementTree.fromstring(self.read(rels_part)).iter(REL_NS + "Relationship"):
            target = rel.get("Target", "")
            target = target.lstrip("/") if target.startswith("/") else \
                posixpath.normpath(posixpath.join(folder, target))
            out[rel.get("Id")] = (target, rel.get("Type", ""))
        return out

    def _date_styles(self, part: str) -> frozenset[int]:
        root = ElementTree.fromstring(self.read(part))
        custom = {int(f.get("numFmtId", -1)): f.get("formatCode", "")
                  for f in _iter(root, "x:numFmts/x:numFmt")}
        dates = set()
        for index, xf in enumerate(_iter(root, "x:cellXfs/x:xf")):
            fmt = int(xf.get("numFmtId", 0))
            if fmt in custom:
                if is_date_format(custom[fmt]):
                    dates.add(index)
            elif fmt in BUILTIN_DATES:
                dates.add(index)
        return frozenset(dates)
