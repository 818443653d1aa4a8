"""Lay a :class:`~nlg.realise.doc.RealisedReport` out as a Word document.

All formatting comes from the template's named styles; this module only picks
style names, adds no wording of its own (labels come from ``report.labels``) and
sets geometry that depends on data (column widths, bar lengths).
"""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.opc.part import Part
from docx.oxml.ns import qn
from docx.shared import Length, Twips
from docx.table import Table as DocxTable
from docx.table import _Cell
from docx.text.paragraph import Paragraph as DocxParagraph

from nlg.archive import DOCX, failure, open_zip
from nlg.errors import TemplateError, error
from nlg.realise.doc import FundingBlock, KeyFigure, Paragraph, RealisedReport, Span, Table
from nlg.word import ooxml as docx_xml
from nlg.word import styles as docx_styles
from nlg.word import template_links

DEFAULT_TEMPLATE = docx_styles.DEFAULT_TEMPLATE
AUTHOR, INITIALS = "sitrep-nlg", "SN"
LABEL_KEYS = ("situation", "response", "people_reached", "coordination", "contacts", "published")
_P, _C, _T = WD_STYLE_TYPE.PARAGRAPH, WD_STYLE_TYPE.CHARACTER, WD_STYLE_TYPE.TABLE
REQUIRED_STYLES: dict[str, WD_STYLE_TYPE] = {
    "Normal": _P, "Heading 1": _P, "Heading 2": _P, "List Bullet": _P, "Caption": _P,
    "Sitrep Title": _P, "Sitrep Subtitle": _P, "Key Figure Value": _P, "Key Figure Label": _P,
    "Funding Headline": _P, "Bar Fill": _P, "Bar Rest": _P, "Sitrep Note": _P,
    "Sitrep Partners": _P, "Sitrep Table Header": _P, "Sitrep Table Value": _P,
    "Hyperlink": _C, "Sitrep Key Figures": _T, "Sitrep Bar": _T, "Sitrep Table": _T,
}
_TEMPLATE_CT = b"wordprocessingml.template.main+xml"
_DOCUMENT_CT = b"wordprocessingml.document.main+xml"
_TEMPLATE_HINT = ("add the style to your template, or start from the shipped one "
                  "(`sitrep template --out org.docx`)")
_MIN_BAR = Twips(40)  # a funding bar part narrower than this is left out
_BAR_GAP = Twips(85)  # between a figure and its bar
PARTNER_SEPARATOR = "\u00a0| "  # no-break space: a line never starts with the bar


def build(report: RealisedReport, *, template: Path | None = None,
          comments: bool = True) -> Document:
    """Return the report laid out in a new document based on ``template``."""
    labels = {key: report.labels[key] for key in LABEL_KEYS}
    document = load_template(Path(template) if template else DEFAULT_TEMPLATE)
    docx_xml.set_language(document, report.language_tag)
    writer = _Writer(document, comments, report.labels["review_prefix"])
    writer.title(report, labels["published"])
    writer.key_figures(report.key_figures, report.funding)
    if report.country_figures is not None:
        writer.grid(report.country_figures)
    writer.section(labels["situation"], report.situation, "List Bullet")
    if report.sectors:
        writer.heading(labels["response"], 1)
        for sector in report.sectors:
            writer.section(sector.heading, sector.bullets, "List Bullet", level=2)
    writer.people_reached(labels["people_reached"], report.people_reached)
    chart = bool(report.people_reached.headers)
    for note in report.footnotes if chart else ():
        writer.plain(note, "Sitrep Note")
    writer.section(labels["coordination"], report.coordination, "Normal")
    if report.partners:
        writer.heading(report.partners_heading, 1)
        writer.plain(PARTNER_SEPARATOR.join(report.partners), "Sitrep Partners")
    writer.section(labels["contacts"], report.contacts, "Sitrep Note")
    for note in () if chart else report.footnotes:
        writer.plain(note, "Sitrep Note")
    docx_styles.ensure_referenced(document)
    return document


def load_template(path: Path) -> Document:
    """Return the template (.docx or .dotx) as an empty document with all required styles."""
    try:
        data = path.read_bytes()
        open_zip(io.BytesIO(data), failure(TemplateError, "E562", path), DOCX).close()
        document = docx.Document(io.BytesIO(_relabel(data, _TEMPLATE_CT, _DOCUMENT_CT)))
    except (OSError, zipfile.BadZipFile, ValueError, KeyError) as exc:
        raise TemplateError(problems=[error(
            "E401", f"cannot open the Word template ({exc})", file=str(path),
            hint="give a .docx or .dotx file saved by Word or LibreOffice")]) from exc
    template_links.strip(document)        # never a link Word fetches (W230 says so)
    docx_xml.clear_body(document)
    docx_xml.strip_rsids(document)
    _check_styles(document, path)
    return document


def template_package(*, dotx: bool = False) -> bytes:
    """Return the shipped template's bytes, as a Word template (.dotx) when asked."""
    data = DEFAULT_TEMPLATE.read_bytes()
    return _relabel(data, _DOCUMENT_CT, _TEMPLATE_CT) if dotx else data


def _relabel(data: bytes, old: bytes, new: bytes) -> bytes:
    """Return the package with main part content type ``old`` replaced by ``new``."""
    source = zipfile.ZipFile(io.BytesIO(data))
    types = source.read("[Content_Types].xml")
    if old not in types:
        return data
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            blob = source.read(info.filename)
            if info.filename == "[Content_Types].xml":
                blob = types.replace(old, new)
            target.writestr(info, blob)
    return out.getvalue()


def _check_styles(document: Document, path: Path) -> None:
    """Return when every required style exists with the right type; else raise TemplateError.

    Styles are found as Word and LibreOffice save them (:mod:`nlg.word.styles`): by name,
    case and spacing ignored, else by Word's built-in style id.
    """
    problems, names = [], []
    styles = docx_styles.index(document)
    for name, kind in REQUIRED_STYLES.items():
        element = styles.find(name)
        found = None if element is None else _KINDS.get(element.get(qn("w:type"), "paragraph"))
        if element is None:
            names.append(repr(name))
            problems.append(error("E402", f"style {name!r} is missing", file=str(path),
                                  hint=_TEMPLATE_HINT))
        elif found != kind:
            names.append(repr(name))
            problems.append(error("E403", f"style {name!r} must be a {kind.name.lower()} style",
                                  file=str(path), value=element.get(qn("w:type")),
                                  hint=_TEMPLATE_HINT))
    if problems:
        raise TemplateError(f"{path.name}: the template lacks styles the report needs: "
                            f"{', '.join(names)} "
                            f"(hint: {_TEMPLATE_HINT})", problems=problems)


_KINDS = {"paragraph": _P, "character": _C, "table": _T, "numbering": WD_STYLE_TYPE.LIST}


def _style_id(part: Part, name: str) -> str:
    """Return the style id of ``name`` (a UI name such as "Heading 1"), looked up once per document.

    Found by name (case ignored), else by Word's built-in id (:mod:`nlg.word.styles`).
    """
    found = docx_styles.part_index(part).style_id(name)
    if found is None:
        raise KeyError(f"no style named {name!r}")
    return found


def set_style(paragraph: DocxParagraph, name: str) -> DocxParagraph:
    """Return ``paragraph`` after setting its paragraph style by name."""
    paragraph._p.get_or_add_pPr().style = _style_id(paragraph.part, name)
    return paragraph


def _add(container: Document | _Cell, text: str, style: str) -> DocxParagraph:
    """Return a new paragraph with ``text`` in ``style`` appended to a document or cell."""
    paragraph = container.add_paragraph()
    if text:
        paragraph.add_run(text)
    return set_style(paragraph, style)


class _Writer:
    """Appends report parts to a document; keeps comment and bookmark bookkeeping."""

    def __init__(self, document: Document, comments: bool, review_prefix: str):
        self.document = document
        self.comments = comments
        self.review_prefix = review_prefix
        self.bookmark_id = 0
        section = document.sections[-1]
        # a template's section always has them (python-docx types them Optional)
        self.width = Length((section.page_width or 0) - (section.left_margin or 0) - (section.right_margin or 0))

    def heading(self, text: str, level: int) -> None:
        """Return after adding a heading."""
        _add(self.document, text, f"Heading {level}")

    def plain(self, text: str, style: str) -> DocxParagraph:
        """Return a new body paragraph holding plain ``text``."""
        return _add(self.document, text, style)

    def section(self, heading: str, paragraphs: tuple[Paragraph, ...], style: str,
                *, level: int = 1) -> None:
        """Return after adding a heading and its paragraphs (nothing when there are none)."""
        if not paragraphs:
            return
        self.heading(heading, level)
        for paragraph in paragraphs:
            self.fill(_add(self.document, "", style), paragraph)

    def fill(self, target: DocxParagraph, paragraph: Paragraph) -> None:
        """Return after writing ``paragraph``'s spans, bookmark and comment into ``target``."""
        write_spans(target, paragraph.spans)
        if paragraph.key:
            docx_xml.add_bookmark(target, docx_xml.bookmark_name(paragraph.key), self.bookmark_id)
            self.bookmark_id += 1
        self.comment(target, paragraph.comment, paragraph.review)

    def comment(self, target: DocxParagraph, text: str, review: str = "") -> None:
        """Return after anchoring a comment (and review highlight) on ``target`` if asked."""
        if not self.comments or not (text or review):
            return
        body = "\n".join(t for t in (f"{self.review_prefix}: {review}" if review else "", text) if t)
        if review:
            docx_xml.highlight(target)
        docx_xml.anchor_comment(self.document, target, body, author=AUTHOR, initials=INITIALS)

    def title(self, report: RealisedReport, published_label: str) -> None:
        """Return after adding the title band: country, subtitle, publication date."""
        self.plain(report.title, "Sitrep Title")
        self.plain(report.subtitle, "Sitrep Subtitle")
        if report.published:
            self.plain(f"{published_label} {report.published}", "Sitrep Subtitle")

    def key_figures(self, figures: tuple[KeyFigure, ...], funding: FundingBlock | None) -> None:
        """Return after adding the row of key figures, funding last."""
        count = len(figures) + (funding is not None)
        if not count:
            return
        margin = _side_margin(self.document, "Sitrep Key Figures")
        table = self._table(1, [(self.width + 2 * margin) // count] * count, "Sitrep Key Figures")
        docx_xml.set_table_indent(table, -margin.twips)
        cells = table.rows[0].cells
        for cell, figure in zip(cells, figures):
            value = first_paragraph(cell, "Key Figure Value")
            value.add_run(figure.value)
            self.comment(value, figure.comment)
            label = _add(cell, figure.label, "Key Figure Label")
            if figure.note:
                label.add_run((" " if figure.note[0].isalnum() else "") + figure.note)
        if funding is not None:
            self._funding(cells[-1], funding)

    def _funding(self, cell: _Cell, funding: FundingBlock) -> None:
        """Return after filling ``cell`` with the funding headline, bar, detail and source."""
        headline = first_paragraph(cell, "Funding Headline")
        headline.add_run(funding.headline)
        self.comment(headline, funding.comment)
        inner = cell.width - 2 * _side_margin(self.document, "Sitrep Key Figures")
        ratio = min(max(funding.ratio, 0.0), 1.0)
        funded = round(inner * ratio)
        parts = [(w, s) for w, s in ((funded, "Bar Fill"), (inner - funded, "Bar Rest"))
                 if w >= _MIN_BAR]
        bar = cell.add_table(1, len(parts))
        shape_table(bar, [w for w, _ in parts], "Sitrep Bar")
        for bar_cell, (_, style) in zip(bar.rows[0].cells, parts):
            set_style(bar_cell.paragraphs[0], style)
        detail = cell.paragraphs[-1]
        set_style(detail, "Key Figure Label")
        detail.add_run(funding.detail)
        _add(cell, funding.source, "Sitrep Note")

    def grid(self, table: Table, caption: bool = True) -> None:
        """Return after adding a grid table (a multi-country report): a row of column headers,
        then a row per ``table.headers`` with its cells and their comments."""
        if caption and table.caption:
            self.plain(table.caption, "Caption")
        first = self.width * 3 // 10
        rest = (self.width - first) // max(len(table.columns), 1)
        grid = self._table(len(table.headers) + 1, [first] + [rest] * len(table.columns), "Sitrep Table")
        docx_xml.set_table_alt_text(grid, table.caption, "; ".join(
            f"{name}: " + ", ".join(f"{col} {cell}" for col, cell in zip(table.columns, cells))
            for name, cells in zip(table.headers, table.grid)))
        top = grid.rows[0].cells
        first_paragraph(top[0], "Sitrep Note").add_run(table.row_label)
        for cell, column in zip(top[1:], table.columns):
            first_paragraph(cell, "Sitrep Table Header").add_run(column)
        for i, row in enumerate(grid.rows[1:]):
            name, *cells = row.cells
            first_paragraph(name, "Sitrep Table Header").add_run(table.headers[i])
            for cell, text, note in zip(cells, table.grid[i], table.grid_comments[i]):
                value = first_paragraph(cell, "Sitrep Table Value")
                value.add_run(text)
                self.comment(value, note)
        docx_xml.keep_table_together(grid)

    def people_reached(self, heading: str, table: Table) -> None:
        """Return after adding the people-reached bar chart: one row per sector (a grid with a
        column per country for a multi-country report)."""
        if not table.headers:
            return
        self.heading(heading, 1)
        if table.caption and table.caption.casefold() != heading.casefold():
            self.plain(table.caption, "Caption")
        if table.columns:
            self.grid(table, caption=False)
            if table.note:
                self.plain(table.note, "Sitrep Note")
            return
        label, value = self.width * 3 // 10, self.width * 3 // 20
        bar = self.width - label - value
        grid = self._table(len(table.headers) + 1, [label, value, bar], "Sitrep Table")
        docx_xml.set_table_alt_text(grid, table.caption or heading, "; ".join(
            f"{name}: {cell}" for name, cell in zip(table.headers, table.cells)))
        top_row = grid.rows[0].cells
        first_paragraph(top_row[0], "Sitrep Table Header")
        first_paragraph(top_row[1].merge(top_row[2]), "Sitrep Note").add_run(table.row_label)
        inner = bar - 2 * _side_margin(self.document, "Sitrep Table")
        top = max(table.values, default=0)
        for i, row in enumerate(grid.rows[1:]):
            name, number, bar_cell = row.cells
            first_paragraph(name, "Sitrep Table Header").add_run(table.headers[i])
            cell = first_paragraph(number, "Sitrep Table Value")
            cell.add_run(table.cells[i])
            self.comment(cell, table.comments[i])
            _bar(bar_cell, table.values[i], top, inner)
        docx_xml.keep_table_together(grid)
        if table.note:
            self.plain(table.note, "Sitrep Note")

    def _table(self, rows: int, widths: list[int], style: str) -> DocxTable:
        """Return a new fixed-layout body table with ``widths`` (EMU) and ``style``."""
        table = self.document.add_table(rows=rows, cols=len(widths))
        shape_table(table, widths, style)
        return table


def write_spans(target: DocxParagraph, spans: tuple[Span, ...]) -> None:
    """Return after writing ``spans`` as runs (bold, italic) and hyperlinks into ``target``."""
    for span in spans:
        if span.link:
            docx_xml.add_hyperlink(target, span.text, span.link, bold=span.bold, italic=span.italic)
        else:
            docx_xml.add_text(target, span.text, bold=span.bold, italic=span.italic)


def first_paragraph(cell: _Cell, style: str) -> DocxParagraph:
    """Return the cell's first (empty) paragraph set to ``style``."""
    return set_style(cell.paragraphs[0], style)


def shape_table(table: DocxTable, widths: list[int], style: str) -> None:
    """Return after giving ``table`` its style, fixed layout and column widths."""
    table._tbl.tblPr.style = _style_id(table.part, style)
    table.autofit = False
    for column, width in zip(table.columns, widths):
        column.width = Length(width)
        for cell in column.cells:
            cell.width = Length(width)


def _bar(cell: _Cell, value: int, top: int, inner: int) -> None:
    """Return after drawing a bar of ``value``/``top`` of the cell width (nothing for 0)."""
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    paragraph = cell.paragraphs[0]
    if value <= 0 or top <= 0:
        set_style(paragraph, "Sitrep Note")
        return
    set_style(paragraph, "Bar Fill")
    paragraph.paragraph_format.left_indent = Length(_BAR_GAP)
    length = round((inner - _BAR_GAP) * value / top)
    paragraph.paragraph_format.right_indent = Length(inner - _BAR_GAP - length)


def _side_margin(document: Document, style: str) -> Length:
    """Return the left cell margin (EMU) a table style sets, Word's 0.19 cm by default."""
    margin = document.styles[style].element.find(
        f"{qn('w:tblPr')}/{qn('w:tblCellMar')}/{qn('w:left')}")
    twips = int(margin.get(qn("w:w"))) if margin is not None else 108
    return Twips(twips)
