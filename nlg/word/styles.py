"""Find a template's styles as Word and LibreOffice save them, and keep every reference valid.

Word stores built-in style names in lower case ("heading 1"), LibreOffice capitalised
("Heading 1"); a localised Word may write its own style ids ("Ttulo1"), LibreOffice its own
("InternetLink", "Annotationreference"). So a style is found by name, ignoring case and spacing,
else by Word's built-in id. Before a document is saved, :func:`ensure_referenced` makes every
style id used in the document and its comments point at a style that exists: mapped to the
template's own style of that name, else copied from the shipped template.
"""
from __future__ import annotations

import copy
import functools
from pathlib import Path

from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.styles import BabelFish

#: The shipped template (``sitrep template`` writes a copy); drafts use it unless given another.
DEFAULT_TEMPLATE = Path(__file__).resolve().parents[1] / "templates" / "default.docx"
#: Word's built-in style ids (what an English Word writes) of the styles the drafts use.
BUILTIN_IDS = {
    "normal": "Normal", "heading 1": "Heading1", "heading 2": "Heading2", "heading 3": "Heading3",
    "list bullet": "ListBullet", "caption": "Caption", "hyperlink": "Hyperlink",
    "annotation reference": "CommentReference", "annotation text": "CommentText",
    "table normal": "TableNormal", "default paragraph font": "DefaultParagraphFont",
}
_BY_ID = {style_id.casefold(): name for name, style_id in BUILTIN_IDS.items()}
_REFS = (qn("w:pStyle"), qn("w:rStyle"), qn("w:tblStyle"))


def fold(name: str) -> str:
    """Return a style name as compared: internal form, case and spacing ignored.

    >>> fold("Heading 1") == fold("heading  1") == fold("HEADING 1")
    True
    """
    return " ".join(BabelFish.ui2internal(" ".join(name.split())).casefold().split())


class StyleIndex:
    """The styles of one styles part, by folded name and by folded id."""

    def __init__(self, styles_element):
        self.element = styles_element
        self.by_name: dict[str, object] = {}
        self.by_id: dict[str, object] = {}
        for style in styles_element.iterchildren(qn("w:style")):
            style_id = style.get(qn("w:styleId")) or ""
            name = style.find(qn("w:name"))
            if name is not None and name.get(qn("w:val")):
                self.by_name.setdefault(fold(name.get(qn("w:val"))), style)
            if style_id:
                self.by_id.setdefault(style_id.casefold(), style)

    def find(self, name: str):
        """Return the style element of ``name`` (by name, else by built-in id), or None."""
        key = fold(name)
        found = self.by_name.get(key)
        if found is None and key in BUILTIN_IDS:
            found = self.by_id.get(BUILTIN_IDS[key].casefold())
        return found

    def style_id(self, name: str) -> str | None:
        """Return the style id of ``name``, or None when the template has no such style."""
        found = self.find(name)
        return None if found is None else found.get(qn("w:styleId"))


def index(document: Document) -> StyleIndex:
    """Return the style index of ``document`` (built once per document)."""
    return part_index(document.part)


def part_index(part) -> StyleIndex:
    """Return the style index of a document part (built once per part)."""
    found = getattr(part, "_sitrep_style_index", None)
    if found is None:
        found = part._sitrep_style_index = StyleIndex(part.styles.element)
    return found


def _parts(document: Document):
    """Return the XML roots that may reference styles: body, comments, headers, footers."""
    roots = [document.part.element]
    for rel in document.part.rels.values():
        if rel.is_external:
            continue
        if rel.reltype in (RT.COMMENTS, RT.HEADER, RT.FOOTER, RT.FOOTNOTES, RT.ENDNOTES):
            element = getattr(rel.target_part, "element", None)
            if element is not None:
                roots.append(element)
    return roots


@functools.lru_cache(maxsize=1)
def _shipped() -> StyleIndex:
    import docx

    return StyleIndex(docx.Document(str(DEFAULT_TEMPLATE)).styles.element)


def ensure_referenced(document: Document) -> tuple[str, ...]:
    """Return the style ids that were repaired after making every style reference valid.

    A reference to a missing id is pointed at the template's style of the same built-in
    name (``CommentReference`` → LibreOffice's ``Annotationreference``), else the shipped
    template's style of that id is copied in (with the styles it is based on).
    """
    styles = index(document)
    repaired: dict[str, str] = {}
    for root in _parts(document):
        for ref in root.iter(*_REFS):
            style_id = ref.get(qn("w:val")) or ""
            if style_id.casefold() in styles.by_id:
                continue
            if style_id not in repaired:
                repaired[style_id] = _repair(styles, style_id)
            if repaired[style_id]:
                ref.set(qn("w:val"), repaired[style_id])
    return tuple(sorted(repaired))


def _repair(styles: StyleIndex, style_id: str) -> str:
    """Return the id to use for the missing ``style_id`` ('' when nothing can stand in)."""
    name = _BY_ID.get(style_id.casefold())
    if name is not None:
        own = styles.style_id(name)
        if own:
            return own
    shipped = _shipped().by_id.get(style_id.casefold())
    if shipped is None:
        return ""
    _copy_in(styles, shipped)
    return style_id


def _copy_in(styles: StyleIndex, style) -> None:
    """Return after adding the shipped ``style`` (and what it is based on) to ``styles``."""
    based = style.find(qn("w:basedOn"))
    if based is not None and based.get(qn("w:val"), "").casefold() not in styles.by_id:
        parent = _shipped().by_id.get(based.get(qn("w:val"), "").casefold())
        if parent is not None:
            _copy_in(styles, parent)
    added = copy.deepcopy(style)
    added.attrib.pop(qn("w:default"), None)
    styles.element.append(added)
    styles.by_id[added.get(qn("w:styleId")).casefold()] = added
    name = added.find(qn("w:name"))
    if name is not None:
        styles.by_name.setdefault(fold(name.get(qn("w:val"), "")), added)


def defined(path: Path) -> tuple[set[str], set[str]]:
    """Return (style ids defined, style ids referenced) of a saved .docx (for tests and checks)."""
    import zipfile

    from lxml import etree

    with zipfile.ZipFile(path) as package:
        names = package.namelist()
        ids = {s.get(qn("w:styleId")) for s in
               etree.fromstring(package.read("word/styles.xml")).iter(qn("w:style"))}
        used: set[str] = set()
        for name in names:
            if name.startswith("word/") and name.endswith(".xml") and name != "word/styles.xml":
                root = etree.fromstring(package.read(name))
                used |= {e.get(qn("w:val")) for tag in _REFS for e in root.iter(tag)}
    return ids, used
