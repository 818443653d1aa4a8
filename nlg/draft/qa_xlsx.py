"""Write a small .xlsx (SpreadsheetML) directly: byte-reproducible, fast, no openpyxl import.

The QA workbook is written on every draft, so it must not cost openpyxl's import (about
0.3 s, a third of a cold ``sitrep draft``). The parts are those openpyxl writes for the same
workbook (inline strings, one bold font, frozen header, autofilter with its hidden
``_xlnm._FilterDatabase`` name), which Excel, LibreOffice and openpyxl read.

Reproducible: fixed entry order and zip timestamps, the creation time given by the caller
(never the clock). The sha256 of the ``xl/`` parts is stored as the custom property
``sitrep-qa-sha256``, so :func:`is_edited` can tell a workbook someone changed and saved.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import io
import math
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

HASH_PROPERTY = "sitrep-qa-sha256"
MAX_CELL = 32_767                      # Excel's limit of characters in a cell
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT = "application/vnd.openxmlformats-officedocument."
_STORED = re.compile(r'name="' + HASH_PROPERTY + r'"[^>]*><vt:lpwstr[^>]*>([0-9a-f]{64})<')

Cell = str | int | float | None


@dataclass(frozen=True)
class Sheet:
    """One worksheet: rows of cells, the rows in bold (0-based), column widths in characters."""

    name: str
    rows: Sequence[Sequence[Cell]]
    bold: frozenset[int] = frozenset()
    widths: Sequence[float] = ()
    frozen_header: bool = False         # row 1 stays in view
    autofilter: bool = False            # filter buttons on row 1, over every row
    columns: int = 0                    # width of the table (0: the longest row)

    @property
    def width(self) -> int:
        return self.columns or max((len(r) for r in self.rows), default=1) or 1


def column_letter(index: int) -> str:
    """Return the column letters of a 0-based index.

    >>> column_letter(0), column_letter(25), column_letter(26)
    ('A', 'Z', 'AA')
    """
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def clean(text: str) -> str:
    """Return ``text`` without characters XML 1.0 forbids, cut to Excel's cell limit."""
    text = _ILLEGAL.sub("", text)
    return text if len(text) <= MAX_CELL else text[:MAX_CELL - 1] + "…"


def _cell(ref: str, value: Cell, bold: bool) -> str:
    style = ' s="1"' if bold else ""
    if value is None or value == "":
        return f'<c r="{ref}"{style}/>' if bold else ""
    if isinstance(value, bool):
        value = str(value)
    if isinstance(value, float) and not math.isfinite(value):
        value = str(value)
    if isinstance(value, (int, float)):
        return f'<c r="{ref}"{style} t="n"><v>{value!r}</v></c>'
    text = clean(str(value))
    space = ' xml:space="preserve"' if text != text.strip() else ""
    return f'<c r="{ref}"{style} t="inlineStr"><is><t{space}>{escape(text)}</t></is></c>'


def _sheet_xml(sheet: Sheet, selected: bool) -> str:
    last = f"{column_letter(sheet.width - 1)}{max(len(sheet.rows), 1)}"
    pane = ('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
            '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/>' if sheet.frozen_header
            else '<selection activeCell="A1" sqref="A1"/>')
    cols = "".join(f'<col min="{i}" max="{i}" width="{w:g}" customWidth="1"/>'
                   for i, w in enumerate(sheet.widths, 1))
    rows = []
    for r, cells in enumerate(sheet.rows, 1):
        bold = (r - 1) in sheet.bold
        body = "".join(_cell(f"{column_letter(c)}{r}", v, bold) for c, v in enumerate(cells))
        rows.append(f'<row r="{r}">{body}</row>')
    filt = f'<autoFilter ref="A1:{last}"/>' if sheet.autofilter else ""
    tab = ' tabSelected="1"' if selected else ""
    return (f'<worksheet xmlns="{_MAIN}"><dimension ref="A1:{last}"/><sheetViews>'
            f'<sheetView{tab} workbookViewId="0">{pane}</sheetView>'
            '</sheetViews>'
            f'<sheetFormatPr baseColWidth="8" defaultRowHeight="15"/>'
            f'{"<cols>" + cols + "</cols>" if cols else ""}<sheetData>{"".join(rows)}</sheetData>'
            f'{filt}<pageMargins left="0.75" right="0.75" top="1" bottom="1" header="0.5" '
            f'footer="0.5"/></worksheet>')


def _workbook_xml(sheets: Sequence[Sheet], active: int) -> str:
    entries = "".join(f'<sheet name={quoteattr(s.name)} sheetId="{i}" r:id="rId{i}"/>'
                      for i, s in enumerate(sheets, 1))
    names = "".join(
        f'<definedName name="_xlnm._FilterDatabase" localSheetId="{i}" hidden="1">'
        f"{escape(_quoted(s.name))}!$A$1:${column_letter(s.width - 1)}${max(len(s.rows), 1)}"
        "</definedName>" for i, s in enumerate(sheets) if s.autofilter)
    return (f'<workbook xmlns="{_MAIN}" xmlns:r="{_REL}"><workbookPr/><bookViews>'
            f'<workbookView activeTab="{active}" firstSheet="0"/></bookViews><sheets>{entries}'
            f'</sheets>{"<definedNames>" + names + "</definedNames>" if names else ""}'
            '<calcPr calcId="124519" fullCalcOnLoad="1"/></workbook>')


def _quoted(name: str) -> str:
    return "'" + name.replace("'", "''") + "'"


_STYLES = (
    f'<styleSheet xmlns="{_MAIN}"><fonts count="2"><font><sz val="11"/><name val="Calibri"/>'
    '<family val="2"/></font><font><b val="1"/><sz val="11"/><name val="Calibri"/><family val="2"/>'
    '</font></fonts><fills count="2"><fill><patternFill/></fill><fill><patternFill '
    'patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/>'
    '<bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" '
    'fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" '
    'fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" '
    'xfId="0" applyFont="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" '
    'builtinId="0"/></cellStyles></styleSheet>')


def _package_parts(sheets: Sequence[Sheet]) -> tuple[str, str, str]:
    """Return [Content_Types].xml, _rels/.rels and xl/_rels/workbook.xml.rels."""
    overrides = "".join(f'<Override PartName="/xl/worksheets/sheet{i}.xml" '
                        f'ContentType="{_CT}spreadsheetml.worksheet+xml"/>'
                        for i in range(1, len(sheets) + 1))
    types = ('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
             '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
             'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
             f'<Override PartName="/xl/workbook.xml" ContentType="{_CT}spreadsheetml.sheet.main+xml"/>'
             f'<Override PartName="/xl/styles.xml" ContentType="{_CT}spreadsheetml.styles+xml"/>'
             f"{overrides}"
             '<Override PartName="/docProps/core.xml" ContentType="application/vnd.'
             'openxmlformats-package.core-properties+xml"/>'
             f'<Override PartName="/docProps/app.xml" ContentType="{_CT}extended-properties+xml"/>'
             f'<Override PartName="/docProps/custom.xml" ContentType="{_CT}custom-properties+xml"/>'
             "</Types>")
    rels = (f'<Relationships xmlns="{_PKG_REL}">'
            f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="xl/workbook.xml"/>'
            f'<Relationship Id="rId2" Type="{_PKG_REL}/metadata/core-properties" '
            'Target="docProps/core.xml"/>'
            f'<Relationship Id="rId3" Type="{_REL}/extended-properties" Target="docProps/app.xml"/>'
            f'<Relationship Id="rId4" Type="{_REL}/custom-properties" Target="docProps/custom.xml"/>'
            "</Relationships>")
    n = len(sheets)
    book = "".join(f'<Relationship Id="rId{i}" Type="{_REL}/worksheet" '
                   f'Target="worksheets/sheet{i}.xml"/>' for i in range(1, n + 1))
    book_rels = (f'<Relationships xmlns="{_PKG_REL}">{book}<Relationship Id="rId{n + 1}" '
                 f'Type="{_REL}/styles" Target="styles.xml"/></Relationships>')
    return types, rels, book_rels


def _core_xml(title: str, creator: str, created: dt.datetime) -> str:
    if created.tzinfo is not None:
        created = created.astimezone(dt.UTC).replace(tzinfo=None)
    when = created.strftime("%Y-%m-%dT%H:%M:%SZ")
    stamp = 'xsi:type="dcterms:W3CDTF"'
    return ('<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
            'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://'
            'purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f"<dc:title>{escape(clean(title))}</dc:title><dc:creator>{escape(creator)}</dc:creator>"
            f"<cp:lastModifiedBy>{escape(creator)}</cp:lastModifiedBy>"
            f"<dcterms:created {stamp}>{when}</dcterms:created>"
            f"<dcterms:modified {stamp}>{when}</dcterms:modified></cp:coreProperties>")


def _custom_xml(digest: str) -> str:
    return ('<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-'
            'properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/'
            f'docPropsVTypes"><property fmtid="{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}" pid="2" '
            f'name="{HASH_PROPERTY}"><vt:lpwstr>{digest}</vt:lpwstr></property></Properties>')


def _app_xml() -> str:
    return ('<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-'
            'properties"><Application>sitrep-nlg</Application></Properties>')


def content_hash(parts: dict[str, bytes]) -> str:
    """Return the sha256 of the workbook's ``xl/`` parts (names and bytes, in name order)."""
    digest = hashlib.sha256()
    for name in sorted(n for n in parts if n.startswith("xl/")):
        digest.update(name.encode() + b"\0" + parts[name] + b"\0")
    return digest.hexdigest()


def build(sheets: Sequence[Sheet], *, title: str, created: dt.datetime,
          creator: str = "sitrep-nlg", active: int = 0) -> bytes:
    """Return the .xlsx bytes of ``sheets`` (the same inputs give the same bytes)."""
    types, rels, book_rels = _package_parts(sheets)
    xl = {"xl/workbook.xml": _workbook_xml(sheets, active), "xl/_rels/workbook.xml.rels": book_rels,
          "xl/styles.xml": _STYLES,
          **{f"xl/worksheets/sheet{i}.xml": _sheet_xml(s, i - 1 == active)
             for i, s in enumerate(sheets, 1)}}
    parts = {name: text.encode("utf-8") for name, text in xl.items()}
    head = {"[Content_Types].xml": types, "_rels/.rels": rels,
            "docProps/core.xml": _core_xml(title, creator, created), "docProps/app.xml": _app_xml(),
            "docProps/custom.xml": _custom_xml(content_hash(parts))}
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name, data in [*((n, t.encode("utf-8")) for n, t in head.items()), *parts.items()]:
            info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0
            target.writestr(info, data, compresslevel=6)
    return out.getvalue()


def is_edited(path: Path) -> bool:
    """Return True unless ``path`` is a workbook written by :func:`build` and not changed since."""
    from nlg.archive import DOCX, failure, open_zip
    from nlg.errors import OutputError

    try:      # the .docx limits: a QA workbook is small; a larger one is someone's, kept
        with open_zip(path, failure(OutputError, "E560", path), DOCX) as archive:
            custom = archive.read("docProps/custom.xml").decode("utf-8", "replace")
            found = _STORED.search(custom)
            parts = {n: archive.read(n) for n in archive.namelist() if n.startswith("xl/")}
    except (OSError, KeyError, ValueError, zipfile.BadZipFile, EOFError, OutputError):
        return True
    return found is None or found.group(1) != content_hash(parts)
