"""What the page's panels show, built from the library's results (no wording of its own)."""
from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from nlg.model import Problem
from nlg.web.folder import ReportFolder

_SAFE_SCHEMES = ("http://", "https://", "mailto:")


def slug(name: str) -> str:
    """Return a stable HTML id fragment for a file name.

    >>> slug("5w.xlsx") == slug("5w.xlsx") != slug("6w.xlsx")
    True
    """
    return hashlib.sha1(name.encode("utf-8")).hexdigest()[:10]


def field_id(name: str) -> str:
    """Return the HTML id of a form field.

    >>> field_id("key_figures.refugees_and_migrants")
    'f-key_figures-refugees_and_migrants'
    """
    return "f-" + name.replace(".", "-")


def safe_link(url: str | None) -> str | None:
    """Return ``url`` when it is a web or mail link (never ``javascript:``), else None.

    >>> safe_link("https://r4v.info"), safe_link("javascript:alert(1)")
    ('https://r4v.info', None)
    """
    return url if url and url.strip().lower().startswith(_SAFE_SCHEMES) else None


@dataclass(frozen=True)
class Located:
    """A problem as a table row: code, file, row, column, message, value, hint."""

    code: str
    severity: str
    file: str
    row: str
    column: str
    message: str
    value: str
    hint: str


def located(problems: Sequence[Problem]) -> list[Located]:
    """Return problems as rows for the page's tables."""
    return [Located(p.code, p.severity.value, Path(p.file).name if p.file else "",
                    "" if p.row is None else str(p.row), p.column or "", p.message,
                    "" if p.value is None else p.value, p.hint or "") for p in problems]


def by_file(problems: Sequence[Problem]) -> dict[str, list[Located]]:
    """Return the problems grouped by the file name they concern."""
    out: dict[str, list[Located]] = {}
    for row in located(problems):
        out.setdefault(row.file, []).append(row)
    return out


def preview_rows(draft) -> list:
    """Return the side-by-side rows (one column per language of the report) of the realised report."""
    from nlg.api import realise_all
    from nlg.draft.review import review_rows

    reports = realise_all(draft)
    return review_rows([reports[lang] for lang in draft.config.languages])


@dataclass(frozen=True)
class Output:
    """A file of ``out/`` offered for download."""

    name: str
    kind: str            # "docx", "pdf", "review", "qa"
    lang: str = ""
    backup: str = ""
    review: tuple[str, ...] = ()


def qa_workbook(folder: ReportFolder, draft) -> str | None:
    """Return the name of the QA workbook (:mod:`nlg.draft.qa`) when it lies beside the drafts."""
    from nlg.draft.qa import path_for

    path = path_for(draft.config, folder.out)
    return path.name if path.is_file() else None


def draft_names(draft) -> list[str]:
    """Return the names of the report's Word drafts, one per language."""
    return [draft.file_name(lang) for lang in draft.config.languages]
