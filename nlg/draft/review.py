"""The side-by-side review copy: one table, a column per language, a row per paragraph.

For translators and reviewers: every text of the report (title, key figures,
funding, bullets, chart labels, partners, contacts, notes) sits beside its
translation, grouped under the section and sector headings. The first column
holds the bullet key (as in ``sitrep check``); a paragraph that needs review is
highlighted and its reason shown below it. The copy uses the same template
styles as the drafts and carries no embedded data, so it is never mistaken for
a draft.
"""
from __future__ import annotations

import datetime as dt
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import zip_longest
from pathlib import Path

import docx
from babel import Locale
from docx.document import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_COLOR_INDEX
from docx.shared import Length
from docx.table import _Cell

from nlg.api import Draft, created_time, realise_all
from nlg.draft.files import backup_path
from nlg.errors import OutputError, error
from nlg.model import Lang
from nlg.realise.doc import Paragraph, RealisedReport, Span
from nlg.word import assemble
from nlg.word import ooxml as docx_xml
from nlg.word import save as docx_io
from nlg.word import seal as docx_seal
from nlg.word import styles as docx_styles

KEY_SHARE = 0.12  # of the text width, for the key column
EMPTY = Paragraph((Span("—"),))


@dataclass(frozen=True)
class Row:
    """One table row: ``level`` 1/2 is a heading row, 0 a text row (``bullet`` for bullets)."""

    level: int
    key: str
    cells: tuple[Paragraph, ...]
    bullet: bool = False


def _p(text: str, *, bold: bool = False) -> Paragraph:
    """Return a one-span paragraph."""
    return Paragraph((Span(text, bold=bold),))


def _row(level: int, parts: tuple, *, key: str = "", bullet: bool = False) -> Row:
    """Return a row from one item per language (str or Paragraph; None: missing)."""
    cells = tuple(EMPTY if p is None else _p(p) if isinstance(p, str) else p for p in parts)
    return Row(level, key, cells, bullet)


def _ident(items: tuple, key: Callable[[object], str]) -> list[tuple[str, object]]:
    """Return (identity, item) pairs: the item's key, else its position among the keyless."""
    out, keyless = [], 0
    for item in items:
        ident = key(item)
        if not ident:
            ident, keyless = f"#{keyless}", keyless + 1
        out.append((ident, item))
    return out


def align(groups: tuple[tuple, ...], key: Callable[[object], str]) -> list[tuple]:
    """Return one tuple per item identity with each language's item (None where missing).

    >>> align((("a", "b"), ("b", "c")), key=str)
    [('a', None), ('b', 'b'), (None, 'c')]
    """
    found = [dict(_ident(items, key)) for items in groups]
    order = list(dict.fromkeys(i for items in groups for i, _ in _ident(items, key)))
    return [tuple(f.get(ident) for f in found) for ident in order]


def _pairs(groups: tuple[tuple[Paragraph, ...], ...], *, bullet: bool) -> list[Row]:
    """Return text rows pairing paragraphs by bullet key, else by position."""
    rows = []
    for parts in align(groups, key=lambda p: p.key):
        key = next((p.key for p in parts if p is not None and p.key), "")
        rows.append(_row(0, parts, key=key, bullet=bullet))
    return rows


def _section(heading: tuple[str, ...], groups: tuple[tuple[Paragraph, ...], ...], *,
             bullet: bool, level: int = 1) -> list[Row]:
    """Return a heading row and its paragraph rows (nothing when no language has any)."""
    if not any(groups):
        return []
    return [_row(level, heading), *_pairs(groups, bullet=bullet)]


def _masthead(reports: list[RealisedReport]) -> list[Row]:
    """Return the rows of the title band, key figures and funding block."""
    rows = [_row(0, tuple(r.title for r in reports)), _row(0, tuple(r.subtitle for r in reports))]
    if any(r.published for r in reports):
        rows.append(_row(0, tuple(f"{r.labels['published']} {r.published}" for r in reports)))
    for figures in zip_longest(*(r.key_figures for r in reports)):
        rows.append(_row(0, tuple(None if f is None else Paragraph(
            (Span(f.value, bold=True), Span(f"  {f.label}{f.note}"))) for f in figures)))
    funding = [r.funding for r in reports]
    if any(funding):
        for field in ("headline", "detail", "source"):
            rows.append(_row(0, tuple(getattr(f, field) if f else None for f in funding)))
    grids = [r.country_figures for r in reports]
    if any(grids):                     # a multi-country report: key figures per country
        rows.append(_row(0, tuple(g.caption if g else None for g in grids)))
        for lines in zip_longest(*(_grid_lines(g) if g else () for g in grids)):
            rows.append(_row(0, lines))
    return rows


def _grid_lines(table) -> tuple[str, ...]:
    """Return a grid table's rows as text: "Bolivia: People assisted directly* 1,073"."""
    return tuple(f"{head}: " + " · ".join(f"{col} {cell}" for col, cell in zip(table.columns, cells))
                 for head, cells in zip(table.headers, table.grid))


def _chart(reports: list[RealisedReport]) -> list[Row]:
    """Return the rows of the people-reached chart and the footnotes."""
    tables = [r.people_reached for r in reports]
    if not any(t.headers for t in tables):
        return [*_pairs(tuple(tuple(map(_p, r.footnotes)) for r in reports), bullet=False)]
    rows = [_row(1, tuple(r.labels["people_reached"] for r in reports))]
    if any(t.caption for t in tables):
        rows.append(_row(0, tuple(t.caption for t in tables)))
    rows.append(_row(0, tuple(t.row_label for t in tables)))
    if any(t.columns for t in tables):  # a column per country, then the total
        for lines in zip_longest(*(_grid_lines(t) for t in tables)):
            rows.append(_row(0, lines))
        notes = tuple(tuple(map(_p, ((t.note,) if t.note else ()) + r.footnotes))
                      for t, r in zip(tables, reports))
        return rows + _pairs(notes, bullet=False)
    for cells in zip_longest(*(tuple(zip(t.headers, t.cells)) for t in tables)):
        rows.append(_row(0, tuple(None if c is None else f"{c[0]}: {c[1]}" for c in cells)))
    notes = tuple(tuple(map(_p, ((t.note,) if t.note else ()) + r.footnotes))
                  for t, r in zip(tables, reports))
    return rows + _pairs(notes, bullet=False)


def review_rows(reports: list[RealisedReport]) -> list[Row]:
    """Return every text of the reports as rows, in document order."""
    labels = [r.labels for r in reports]
    rows = _masthead(reports)
    rows += _section(tuple(x["situation"] for x in labels),
                     tuple(r.situation for r in reports), bullet=True)
    if any(r.sectors for r in reports):
        rows.append(_row(1, tuple(x["response"] for x in labels)))
        for sectors in align(tuple(r.sectors for r in reports), key=lambda s: s.code):
            rows.append(_row(2, tuple(s.heading if s else None for s in sectors),
                             key=next(s.code for s in sectors if s)))
            rows += _pairs(tuple(s.bullets if s else () for s in sectors), bullet=True)
    rows += _chart(reports)
    rows += _section(tuple(x["coordination"] for x in labels),
                     tuple(r.coordination for r in reports), bullet=False)
    if any(r.partners for r in reports):
        rows.append(_row(1, tuple(r.partners_heading for r in reports)))
        rows.append(_row(0, tuple(" | ".join(r.partners) for r in reports)))
    rows += _section(tuple(x["contacts"] for x in labels),
                     tuple(r.contacts for r in reports), bullet=False)
    return rows


def language_name(tag: str) -> str:
    """Return the language's own name, capitalised, for a column header.

    >>> language_name("es-ES"), language_name("en-GB")
    ('Español', 'English')
    """
    code = Locale.parse(tag.replace("-", "_")).language
    name = Locale.parse(code).get_display_name(code)
    return name[:1].upper() + name[1:]


def build_review(reports: dict[Lang, RealisedReport], *,
                 template: Path | None = None) -> Document:
    """Return the side-by-side review document of ``reports`` (one column per language)."""
    ordered = [reports[lang] for lang in Lang if lang in reports]
    if not ordered:
        raise ValueError("write_review needs at least one realised report")
    document = assemble.load_template(Path(template) if template else assemble.DEFAULT_TEMPLATE)
    docx_xml.set_language(document, ordered[0].language_tag)
    width = _landscape(document)
    key = round(width * KEY_SHARE)
    text = (width - key) // len(ordered)
    assemble.set_style(document.add_paragraph(" | ".join(r.title for r in ordered)), "Sitrep Title")
    rows = review_rows(ordered)
    table = document.add_table(rows=len(rows) + 1, cols=len(ordered) + 1)
    assemble.shape_table(table, [key] + [text] * len(ordered), "Sitrep Table")
    tags = [r.language_tag for r in ordered]
    header = table.rows[0].cells
    assemble.first_paragraph(header[0], "Sitrep Table Header")
    for cell, tag in zip(header[1:], tags):
        assemble.first_paragraph(cell, "Heading 2").add_run(language_name(tag))
        docx_xml.tag_language(cell.paragraphs[0], tag)
    for row, cells in zip(rows, table.rows[1:]):
        _fill_row(row, cells.cells, tags)
    docx_xml.mark_header_row(table)
    docx_xml.no_split_rows(table)
    docx_styles.ensure_referenced(document)
    return document


def _fill_row(row: Row, cells: list[_Cell], tags: list[str]) -> None:
    """Return after writing ``row`` into the table ``cells`` (key first)."""
    key = assemble.first_paragraph(cells[0], "Sitrep Note")
    key.add_run(row.key)
    style = f"Heading {row.level}" if row.level else "List Bullet" if row.bullet else "Normal"
    for cell, paragraph, tag in zip(cells[1:], row.cells, tags):
        target = assemble.first_paragraph(cell, style)
        assemble.write_spans(target, paragraph.spans)
        docx_xml.tag_language(target, tag)
        if paragraph.review:
            docx_xml.highlight(target, WD_COLOR_INDEX.YELLOW)
            note = assemble.set_style(cell.add_paragraph(f"⚑ {paragraph.review}"), "Sitrep Note")
            docx_xml.tag_language(note, tag)


def _landscape(document: Document) -> int:
    """Return the text width (EMU) after turning every section to landscape."""
    for section in document.sections:
        if section.orientation != WD_ORIENT.LANDSCAPE:
            section.orientation = WD_ORIENT.LANDSCAPE
            section.page_width, section.page_height = section.page_height, section.page_width
    last = document.sections[-1]
    return Length(last.page_width - last.left_margin - last.right_margin)


def write_review(reports: dict[Lang, RealisedReport], path: str | Path, *,
                 template: Path | None = None, created: dt.datetime | None = None,
                 force: bool = False) -> Path:
    """Return ``path`` after writing the side-by-side review copy of ``reports`` there.

    A review copy someone has edited since it was written is not replaced (E533)
    unless ``force``; then it is kept beside as ``NAME.edited-N.docx``.
    """
    path = Path(path)
    _guard(path, force)
    document = build_review(reports, template=template)
    props = document.core_properties
    ordered = [reports[lang] for lang in Lang if lang in reports]
    props.title = " | ".join(r.doc_title for r in ordered)
    props.language = ordered[0].language_tag
    if created is not None:
        props.created = props.modified = created
    # The hash of every part but the core properties (which hold it): any edit of the text,
    # comments, footers or styles makes the copy edited, as for the drafts (docx_seal).
    props.identifier = _PARTS + docx_seal.package_hash(docx_io.parts(document), _NOT_HASHED)
    docx_io.write_atomic(path, docx_io.to_bytes(document))
    return path


def draft_review_path(d: Draft, out_dir: str | Path) -> Path:
    """Return where :func:`write_draft_review` writes: ``{country}_{period}_review.docx``."""
    return Path(out_dir) / f"{d.config.key}_{d.config.period.file_label}_review.docx"


def check_replaceable(d: Draft, out_dir: str | Path, *, force: bool = False) -> None:
    """Return when the review copy may be written; raise E533 (before anything is written)
    when it was edited and ``force`` is not given."""
    if not force:
        _guard(draft_review_path(d, out_dir), force=False)


def write_draft_review(d: Draft, out_dir: str | Path, *, langs: Sequence[Lang] | None = None,
                       template: Path | None = None, force: bool = False) -> Path:
    """Return the review copy written as ``{country}_{period}_review.docx`` in ``out_dir``."""
    path = draft_review_path(d, out_dir)
    return write_review(realise_all(d, langs), path, template=template or d.config.template,
                        created=created_time(d.config), force=force)


_PARTS = "parts:"
_NOT_HASHED = frozenset({"docProps/core.xml"})


def is_edited(path: Path) -> bool:
    """Return True unless ``path`` is a review copy unchanged since it was written."""
    current = docx_io.current_hash(path)  # E503 when it is not a .docx at all (E560: too large)
    stored = docx.Document(str(path)).core_properties.identifier or ""
    if not stored.startswith(_PARTS):
        return stored != current                    # a copy of an older version: its body
    with zipfile.ZipFile(path) as archive:
        return stored != _PARTS + docx_seal.package_hash(archive, _NOT_HASHED)


def _guard(path: Path, force: bool) -> None:
    """Return when ``path`` may be replaced, after keeping an edited copy if ``force``."""
    if not path.exists() or not is_edited(path):
        return
    if not force:
        raise OutputError(problems=[error(
            "E533", file=str(path))])
    backup_path(path).write_bytes(path.read_bytes())
