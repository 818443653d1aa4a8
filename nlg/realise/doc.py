"""The realised report: language-specific text ready to be laid out in Word.

:func:`nlg.realise.report.realise` produces a :class:`RealisedReport` per language;
:mod:`nlg.word.assemble` turns it into a .docx without adding any wording of its own.
"""
from __future__ import annotations

from dataclasses import dataclass

from nlg.model import Lang


@dataclass(frozen=True)
class Span:
    """A run of text: plain, bold, italic, or a hyperlink (``link`` is the URL)."""

    text: str
    bold: bool = False
    link: str | None = None
    italic: bool = False              # drafter-written *italics* (nlg.realise.markup_drafted)


@dataclass(frozen=True)
class Paragraph:
    """A paragraph or bullet.

    ``comment`` is the provenance/review comment attached to the paragraph (empty:
    none); ``review`` non-empty means a human must look at it (the paragraph is
    highlighted and the reason is added to the comment); ``key`` identifies a
    generated bullet in the stored content plan (empty for hand-written text); ``notes``
    are the plain texts of the drafter notes that end a generated bullet (nlg.content.notes).
    """

    spans: tuple[Span, ...]
    comment: str = ""
    review: str = ""
    key: str = ""
    notes: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        """Return the paragraph's plain text."""
        return "".join(s.text for s in self.spans)


@dataclass(frozen=True)
class KeyFigure:
    """One headline number: ``value`` ("1.54 million") above its ``label``."""

    label: str
    value: str
    note: str = ""       # e.g. "*" footnote marker or "as of 30 November"
    comment: str = ""


@dataclass(frozen=True)
class FundingBlock:
    """The funding situation: share funded (0..1) with its texts."""

    ratio: float
    headline: str        # "21% funded"
    detail: str          # "US$66.8 million funded of US$318 million required"
    source: str          # "Source: Financial Tracking System (FTS)"
    comment: str = ""


@dataclass(frozen=True)
class SectorBlock:
    """A Response sub-section: heading and its bullets."""

    code: str
    heading: str
    bullets: tuple[Paragraph, ...]


@dataclass(frozen=True)
class Table:
    """The people-reached table: one row per sector (``headers``).

    ``values`` are the raw numbers (for bar lengths); ``cells`` their formatted
    text; ``comments`` the provenance of each cell (empty: none).

    A grid (a multi-country report) has ``columns`` (one per country, then the total) and,
    per row, ``grid`` cells and ``grid_comments``; ``cells`` are then the rows' totals, and
    ``row_label`` heads the first column.
    """

    caption: str
    row_label: str
    headers: tuple[str, ...]
    cells: tuple[str, ...]
    values: tuple[int, ...]
    comments: tuple[str, ...]
    note: str = ""
    columns: tuple[str, ...] = ()
    grid: tuple[tuple[str, ...], ...] = ()
    grid_comments: tuple[tuple[str, ...], ...] = ()


@dataclass(frozen=True)
class RealisedReport:
    """Everything the document shows, in one language."""

    lang: Lang
    language_tag: str                 # proofing language, e.g. "en-GB", "es-ES"
    title: str                        # "Peru"
    subtitle: str                     # "Situation report — November 2023"
    doc_title: str                    # core property title
    labels: dict[str, str]            # section headings keyed by section name
    key_figures: tuple[KeyFigure, ...]
    funding: FundingBlock | None
    situation: tuple[Paragraph, ...]
    sectors: tuple[SectorBlock, ...]
    people_reached: Table
    coordination: tuple[Paragraph, ...]
    partners_heading: str             # "GTRM partners (110)"
    partners: tuple[str, ...]
    contacts: tuple[Paragraph, ...]
    footnotes: tuple[str, ...]
    published: str = ""               # formatted publication date, may be empty
    embedded: str = ""                # JSON stored in the .docx for `sitrep check`
    country_figures: Table | None = None   # a multi-country report: key figures per country
