"""The floor for benchmark 2: plain python-docx writing the same document with no NLG.

:func:`shape` reads a generated .docx into a plain structure (paragraphs with
style name, runs with bold, comment texts; tables with cell texts, nested tables
included); :func:`write` lays the same structure out with python-docx's public
API only (default template, styles by name when it has them) and saves it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import docx
from docx.oxml.ns import qn


@dataclass
class Para:
    style: str
    runs: list[tuple[str, bool]]
    comments: list[str] = field(default_factory=list)


@dataclass
class Tbl:
    cells: list[list[list]]          # rows of cells; a cell is a list of Para | Tbl


def _runs(p) -> list[tuple[str, bool]]:
    """Return (text, bold) of every w:r in the paragraph, hyperlinks included."""
    out = []
    for r in p.iter(qn("w:r")):
        text = "".join(t.text or "" for t in r.iter(qn("w:t")))
        if text:
            out.append((text, r.find(f"{qn('w:rPr')}/{qn('w:b')}") is not None))
    return out


def _blocks(parent, styles: dict[str, str], comments: dict[str, str]) -> list:
    items: list = []
    for child in parent.iterchildren():
        if child.tag == qn("w:p"):
            sid = child.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
            style = styles.get(sid.get(qn("w:val")), "") if sid is not None else ""
            ids = [c.get(qn("w:id")) for c in child.iter(qn("w:commentRangeStart"))]
            items.append(Para(style, _runs(child), [comments[i] for i in ids if i in comments]))
        elif child.tag == qn("w:tbl"):
            rows = [[_blocks(tc, styles, comments) for tc in tr.iterchildren(qn("w:tc"))]
                    for tr in child.iterchildren(qn("w:tr"))]
            items.append(Tbl(rows))
    return items


def shape(path: Path) -> list:
    """Return the body of a .docx as Para/Tbl items."""
    d = docx.Document(str(path))
    styles = {s.style_id: s.name for s in d.styles}
    comments = {str(c.comment_id): c.text for c in d.comments}
    return _blocks(d.element.body, styles, comments)


def count(items: list) -> dict[str, int]:
    """Return how many paragraphs, runs, tables and comments ``items`` hold."""
    n = {"paragraphs": 0, "runs": 0, "tables": 0, "comments": 0}
    for item in items:
        if isinstance(item, Para):
            n["paragraphs"] += 1
            n["runs"] += len(item.runs)
            n["comments"] += len(item.comments)
        else:
            n["tables"] += 1
            for row in item.cells:
                for cell in row:
                    for k, v in count(cell).items():
                        n[k] += v
    return n


def _fill(document, paragraph, item: Para) -> None:
    runs = [paragraph.add_run(text, ) for text, _ in item.runs]
    for run, (_, bold) in zip(runs, item.runs):
        if bold:
            run.bold = True
    for text in item.comments:
        if runs:
            document.add_comment(runs, text=text, author="floor", initials="F")


def _table(document, container, item: Tbl, known: set[str]) -> None:
    cols = max((len(r) for r in item.cells), default=1)
    table = container.add_table(rows=len(item.cells), cols=cols) if container is document \
        else container.add_table(len(item.cells), cols)
    for r, row in enumerate(item.cells):
        for c, blocks in enumerate(row):
            cell = table.cell(r, c)
            first = True
            for block in blocks:
                if isinstance(block, Tbl):
                    _table(document, cell, block, known)
                    continue
                p = cell.paragraphs[0] if first else cell.add_paragraph()
                first = False
                if block.style in known:
                    p.style = block.style
                _fill(document, p, block)


def write(items: list, path: Path) -> None:
    """Return after writing ``items`` with plain python-docx to ``path``."""
    document = docx.Document()
    known = {s.name for s in document.styles}
    for item in items:
        if isinstance(item, Para):
            p = document.add_paragraph(style=item.style if item.style in known else None)
            _fill(document, p, item)
        else:
            _table(document, document, item, known)
    document.save(str(path))
