"""Read a reviewed draft back: its embedded data and its text, block by block.

Reviewers edit in Word or LibreOffice: runs get split and merged, comments move
or vanish, changes may be tracked. Text is therefore read from every ``w:t`` of
a paragraph except deleted or moved-away runs, bookmarks are found wherever the
editor left their start, and sections are recognised from the heading wording.
"""
from __future__ import annotations

import re
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from docx.oxml.ns import qn
from lxml import etree

from nlg import stored
from nlg.archive import DOCX, failure, open_zip
from nlg.check.hidden import MAX_PARAGRAPH, normalise
from nlg.check.wording import Wording, section_of
from nlg.errors import SitrepError, error
from nlg.lang import parse as parse_lang
from nlg.model import Lang
from nlg.stored import Embedded
from nlg.word import ooxml as docx_xml
from nlg.word import save as docx_io
from nlg.word.seal import Seal

_SKIP = {qn("w:del"), qn("w:moveFrom")}
#: Entities are never expanded (an entity bomb stays a few bytes), nothing is fetched.
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
_NO_HIGHLIGHT = {"none", "auto", "ffffff", ""}
_LANG_IN_NAME = re.compile(r"_([a-z]{2,3})(?:\.edited-\d+)?\.docx$", re.IGNORECASE)   # the language code


class CheckError(SitrepError):
    """A file given to `sitrep check` cannot be checked (unreadable, not a sitrep draft)."""

    code = "E600"


@dataclass(frozen=True)
class Block:
    """One paragraph of the document (body or table cell) as the reviewer left it."""

    index: int
    section: str              # "title", "situation", "sector:EDU", "people_reached" ...
    heading: str              # the section heading as written
    style: str
    text: str
    key: str = ""             # plan bullet key, from the paragraph's bookmark
    highlighted: bool = False
    cell: tuple[int, int, int] | None = None   # (table, row, column) for table cells
    hidden: tuple[str, ...] = ()  # what was removed or mapped before reading (check_hidden)
    cut: int = 0                  # characters past check_hidden.MAX_PARAGRAPH not read

    @property
    def is_heading(self) -> bool:
        """Return whether the block is a heading."""
        return self.style.lower().startswith("heading") and self.cell is None


@dataclass(frozen=True)
class Reviewed:
    """A reviewed draft: where it is, its language, its embedded data and its text."""

    path: Path
    lang: Lang
    data: Embedded
    blocks: tuple[Block, ...]
    seal: Seal = Seal.VALID       # what the seal of the embedded data says (docx_seal)

    @property
    def report(self) -> str:
        """Return the report id, e.g. "PER/2023-11"."""
        return self.data.report_id


def _problem(code: str, message: str, path: Path, hint: str) -> CheckError:
    return CheckError(problems=[error(code, message, file=str(path), hint=hint)])


def read(path: Path, wording: Wording) -> Reviewed:
    """Return the reviewed draft at ``path``; raise CheckError when it cannot be checked."""
    path = Path(path)
    if not path.is_file():
        raise _problem("E601", "no such file", path, "check the path of the .docx")
    try:
        with open_zip(path, failure(CheckError, "E670", path), DOCX) as archive:
            body = etree.fromstring(archive.read(docx_io.DOCUMENT_XML), _PARSER)
            styles = _style_names(archive)
            core = _core(archive)
        sealed = docx_io.read_sealed(path)
    except zipfile.BadZipFile:
        raise CheckError(problems=[error("E503", file=str(path))]) from None
    except (OSError, KeyError, etree.XMLSyntaxError, zlib.error, EOFError) as exc:
        raise _problem("E602", f"cannot read the document ({exc})", path,
                       "save it again from Word as .docx") from None
    data, seal = sealed if sealed is not None else (None, Seal.MISSING)
    if seal is Seal.CHANGED:
        raise _problem("E671", "the embedded data changed since sitrep wrote them (their seal "
                       "does not match): the stored facts cannot be trusted", path,
                       "redraft it from its report folder (sitrep draft; the reviewer's copy is kept "
                       "with --force) and check that")
    if data is None:
        raise _problem("E603", "not a sitrep draft: it has no embedded facts and plan", path,
                       "check a .docx written by `sitrep draft`")
    embedded = _stored(data, path)
    keys = {docx_xml.bookmark_name(b.key): b.key for s in embedded.plan.sectors for b in s.bullets}
    blocks = tuple(_blocks(body, styles, keys, wording))
    return Reviewed(path, _language(path, core, styles), embedded, blocks, seal)


def _core(archive: zipfile.ZipFile) -> etree._Element | None:
    """Return the parsed core properties, or None when the part is missing or unreadable."""
    if "docProps/core.xml" not in archive.namelist():
        return None
    try:
        return etree.fromstring(archive.read("docProps/core.xml"), _PARSER)
    except etree.XMLSyntaxError:
        return None


def _stored(data: dict, path: Path) -> Embedded:
    """Return the embedded data read back into the model's types; raise E604 when they do not fit."""
    data = {k: v for k, v in data.items() if k != "document_hash"}    # added by docx_io, not stored
    try:
        return stored.read(data)
    except stored.StoredError as exc:
        raise _problem("E604", f"unknown or incomplete embedded data ({exc})", path,
                       f"this version reads {', '.join(stored.READS)}; redraft the report") from None


def _style_names(archive: zipfile.ZipFile) -> dict[str, str]:
    """Return paragraph style id -> style name (plus "" -> default style name)."""
    names = {"": "Normal"}
    if "word/styles.xml" not in archive.namelist():
        return names
    root = etree.fromstring(archive.read("word/styles.xml"), _PARSER)
    for style in root.iter(qn("w:style")):
        name = style.find(qn("w:name"))
        sid = style.get(qn("w:styleId"), "")
        names[sid] = name.get(qn("w:val")) if name is not None else sid
        if style.get(qn("w:default")) in ("1", "true") and style.get(qn("w:type")) == "paragraph":
            names[""] = names[sid]
    lang = root.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}")
    names["\0lang"] = lang.get(qn("w:val"), "") if lang is not None else ""
    return names


def _language(path: Path, core, styles: dict[str, str]) -> Lang:
    """Return the document language: core property, else the file name, else the style default."""
    tags = []
    if core is not None:
        found = core.find("{http://purl.org/dc/elements/1.1/}language")
        tags.append(found.text if found is not None and found.text else "")
    match = _LANG_IN_NAME.search(path.name)
    tags += [match.group(1) if match else "", styles.get("\0lang", "")]
    for tag in tags:
        lang = parse_lang(tag) if tag else None
        if lang is not None:
            return lang
    raise _problem("E605", "cannot tell the document's language", path,
                   "keep the language suffix of the file name (" + ", ".join(f"_{x.value}" for x in Lang) + ")")


def paragraph_text(p) -> str:
    """Return the visible text of a ``w:p`` element (tracked deletions left out)."""
    out = []
    for node in p.iter(qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr"), qn("w:noBreakHyphen")):
        if any(a.tag in _SKIP for a in node.iterancestors()):
            continue
        if node.tag == qn("w:t"):
            out.append(node.text or "")
        else:
            out.append("-" if node.tag == qn("w:noBreakHyphen") else " ")
    return "".join(out)


def _highlighted(p) -> bool:
    """Return whether any run with text in ``p`` is highlighted (or shaded, as LibreOffice may)."""
    for run in p.iter(qn("w:r")):
        if not "".join(t.text or "" for t in run.iter(qn("w:t"))).strip():
            continue
        mark = run.find(f"{qn('w:rPr')}/{qn('w:highlight')}")
        if mark is not None and mark.get(qn("w:val"), "").lower() not in _NO_HIGHLIGHT:
            return True
        shade = run.find(f"{qn('w:rPr')}/{qn('w:shd')}")
        if shade is not None and shade.get(qn("w:fill"), "").lower() not in _NO_HIGHLIGHT:
            return True
    return False


def _paragraphs(body):
    """Yield (w:p, cell position or None, pending body-level bookmark names) in body order."""
    pending: list[str] = []
    tables = 0
    for child in body.iter(qn("w:p"), qn("w:bookmarkStart"), qn("w:tbl")):
        if child.tag == qn("w:tbl"):
            if not any(a.tag == qn("w:tbl") for a in child.iterancestors()):
                tables += 1
            continue
        if child.tag == qn("w:bookmarkStart"):
            if child.getparent().tag != qn("w:p"):
                pending.append(child.get(qn("w:name"), ""))
            continue
        yield child, _cell(child, tables - 1), pending
        pending = []


def _cell(p, table: int) -> tuple[int, int, int] | None:
    """Return (table, row, column) of a paragraph inside a top-level table cell, else None."""
    cells = [a for a in p.iterancestors() if a.tag == qn("w:tc")]
    if not cells:
        return None
    tc = cells[-1]                      # the top-level table's cell (bars nest tables)
    tr = tc.getparent()
    return table, tr.getparent().index(tr) - _leading(tr.getparent(), qn("w:tr")), \
        tr.index(tc) - _leading(tr, qn("w:tc"))


def _leading(parent, tag: str) -> int:
    """Return how many children come before the first ``tag`` child (properties elements)."""
    return next((i for i, c in enumerate(parent) if c.tag == tag), 0)


def _blocks(root, styles: dict[str, str], keys: dict[str, str], wording: Wording):
    """Yield the document's paragraphs as :class:`Block` objects with their section."""
    body = root.find(qn("w:body"))
    section, heading = "title", ""
    for index, (p, cell, pending) in enumerate(_paragraphs(body)):
        sid = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
        style = styles.get(sid.get(qn("w:val")) if sid is not None else "", styles[""])
        text, hidden = normalise(paragraph_text(p))
        cut = max(len(text) - MAX_PARAGRAPH, 0)
        text = text[:MAX_PARAGRAPH]
        names = pending + [b.get(qn("w:name"), "") for b in p.iter(qn("w:bookmarkStart"))]
        key = next((keys[n] for n in names if n in keys), "")
        if style.lower().startswith("heading") and cell is None:
            level = int(style.split()[-1]) if style.split()[-1].isdigit() else 1
            section, heading = section_of(wording, text, level), text
        yield Block(index, section, heading, style, text, key, _highlighted(p), cell, hidden, cut)
