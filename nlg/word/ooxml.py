"""Low-level WordprocessingML helpers python-docx does not offer.

Hyperlinks, comments anchored on a whole paragraph, highlight, bookmarks,
proofing language, table alt text and pagination, the PAGE field and the custom
XML part holding embedded data.
"""
from __future__ import annotations

import datetime as dt

from docx.document import Document
from docx.enum.text import WD_COLOR_INDEX
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph
from docx.text.run import Run
from lxml import etree  # noqa: F401

from nlg.word.plain import (  # noqa: F401  (re-exported: they need no python-docx)
    BOOKMARK_PREFIX,
    CT_ITEM_PROPS,
    EMBEDDED_NS,
    bookmark_name,
    embedded_attributes,
    embedded_xml,
    item_props_xml,
    parse_embedded,
)


def add_text(paragraph: Paragraph, text: str, *, bold: bool = False, italic: bool = False) -> Run:
    """Return a new run with ``text`` (bold, italic when asked) at the end of ``paragraph``."""
    run = paragraph.add_run(text)
    if bold:
        run.bold = True
    if italic:
        run.italic = True
    return run


def add_hyperlink(paragraph: Paragraph, text: str, url: str, *, bold: bool = False,
                  italic: bool = False) -> None:
    """Return after appending an external hyperlink run styled "Hyperlink"."""
    r_id = paragraph.part.relate_to(url, RT.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink", attrs={qn("r:id"): r_id, qn("w:history"): "1"})
    paragraph._p.append(link)
    run = Run(OxmlElement("w:r"), paragraph)
    link.append(run._r)
    from nlg.word.styles import part_index

    run._r.get_or_add_rPr().style = part_index(paragraph.part).style_id("Hyperlink") or "Hyperlink"
    if bold:
        run.bold = True
    if italic:
        run.italic = True
    run.text = text


def anchor_comment(document: Document, paragraph: Paragraph, text: str,
                   *, author: str, initials: str) -> int:
    """Return the id of a new comment anchored on the whole of ``paragraph``."""
    comment = document.comments.add_comment(text, author=author, initials=initials)
    element = comment._comment_elm
    if qn("w:date") in element.attrib:
        del element.attrib[qn("w:date")]  # no clock: dated with the report (date_comments)
    cid = str(comment.comment_id)
    p = paragraph._p
    _insert_after_ppr(p, OxmlElement("w:commentRangeStart", attrs={qn("w:id"): cid}))
    p.append(OxmlElement("w:commentRangeEnd", attrs={qn("w:id"): cid}))
    ref = parse_xml(
        f'<w:r xmlns:w="{_w()}"><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr>'
        f'<w:commentReference w:id="{cid}"/></w:r>')
    p.append(ref)
    return comment.comment_id


def date_comments(document: Document, when: dt.datetime) -> None:
    """Return after dating every comment ``when``: the report's date, never the clock.

    Word writes ``w:date`` on every comment and some readers (docx2python) require it.
    """
    try:
        part = document.part.part_related_by(RT.COMMENTS)
    except KeyError:
        return
    if when.tzinfo is not None:
        when = when.astimezone(dt.UTC).replace(tzinfo=None)
    stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ")
    for comment in part.element.iter(qn("w:comment")):
        comment.set(qn("w:date"), stamp)


def highlight(paragraph: Paragraph, color: WD_COLOR_INDEX = WD_COLOR_INDEX.YELLOW) -> None:
    """Return after highlighting every text run of ``paragraph`` (links included)."""
    for r in paragraph._p.xpath(".//w:r[w:t]"):
        Run(r, paragraph).font.highlight_color = color


def add_bookmark(paragraph: Paragraph, name: str, bookmark_id: int) -> None:
    """Return after wrapping the content of ``paragraph`` in bookmark ``name``."""
    bid = str(bookmark_id)
    start = OxmlElement("w:bookmarkStart", attrs={qn("w:id"): bid, qn("w:name"): name})
    _insert_after_ppr(paragraph._p, start)
    paragraph._p.append(OxmlElement("w:bookmarkEnd", attrs={qn("w:id"): bid}))


def bookmarks(document: Document) -> dict[str, str]:
    """Return our bookmark names mapped to the text of the paragraph holding each."""
    found: dict[str, str] = {}
    for start in document.element.body.iter(qn("w:bookmarkStart")):
        name = start.get(qn("w:name"), "")
        if name.startswith(BOOKMARK_PREFIX):
            p = start.getparent()
            found[name] = "".join(t.text or "" for t in p.iter(qn("w:t")))
    return found


def set_language(document: Document, tag: str) -> None:
    """Return after tagging the document defaults and every style with proofing language ``tag``."""
    styles = document.styles.element
    rpr_default = styles.find(qn("w:docDefaults") + "/" + qn("w:rPrDefault"))
    if rpr_default is None:
        defaults = styles.find(qn("w:docDefaults"))
        if defaults is None:
            defaults = OxmlElement("w:docDefaults")
            styles.insert(0, defaults)
        rpr_default = OxmlElement("w:rPrDefault")
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        rpr_default.append(rpr)
    if rpr.find(qn("w:lang")) is None:
        rpr.append(OxmlElement("w:lang"))
        _order_rpr(rpr)
    for lang in styles.iter(qn("w:lang")):
        lang.set(qn("w:val"), tag)
    theme = document.settings.element.find(qn("w:themeFontLang"))
    if theme is not None:
        theme.set(qn("w:val"), tag)


def add_page_field(paragraph: Paragraph) -> None:
    """Return after appending a PAGE field (current page number) to ``paragraph``."""
    for kind, instr in (("begin", None), (None, " PAGE "), ("separate", None),
                        (None, "1"), ("end", None)):
        run = paragraph.add_run()
        if kind:
            run._r.append(OxmlElement("w:fldChar", attrs={qn("w:fldCharType"): kind}))
        elif instr == " PAGE ":
            code = OxmlElement("w:instrText", attrs={qn("xml:space"): "preserve"})
            code.text = instr
            run._r.append(code)
        else:
            run.text = instr


def set_table_alt_text(table: Table, title: str, description: str) -> None:
    """Return after giving ``table`` a caption and description for screen readers."""
    tbl_pr = table._tbl.tblPr
    for tag in ("w:tblCaption", "w:tblDescription"):
        for old in tbl_pr.findall(qn(tag)):
            tbl_pr.remove(old)
    tbl_pr.append(OxmlElement("w:tblCaption", attrs={qn("w:val"): title}))
    tbl_pr.append(OxmlElement("w:tblDescription", attrs={qn("w:val"): description}))


def set_table_indent(table: Table, twips: int) -> None:
    """Return after indenting ``table`` by ``twips`` (negative: cell text lines up with the body)."""
    tbl_pr = table._tbl.tblPr
    for old in tbl_pr.findall(qn("w:tblInd")):
        tbl_pr.remove(old)
    indent = OxmlElement("w:tblInd", attrs={qn("w:w"): str(twips), qn("w:type"): "dxa"})
    tbl_pr.insert_element_before(indent, *(f"w:{t}" for t in _TBLPR_AFTER_IND))


def mark_header_row(table: Table) -> None:
    """Return after marking the first row of ``table`` as a header repeated on each page."""
    tr_pr = table.rows[0]._tr.get_or_add_trPr()
    if tr_pr.find(qn("w:tblHeader")) is None:
        tr_pr.append(OxmlElement("w:tblHeader"))


def tag_language(paragraph: Paragraph, tag: str) -> None:
    """Return after tagging every run of ``paragraph`` (and its mark) with proofing language ``tag``."""
    p_pr = paragraph._p.get_or_add_pPr()
    mark = p_pr.find(qn("w:rPr"))
    if mark is None:
        mark = OxmlElement("w:rPr")
        p_pr.insert_element_before(mark, "w:sectPr", "w:pPrChange")
    marks = [mark] + [r.get_or_add_rPr() for r in paragraph._p.iter(qn("w:r"))]
    for rpr in marks:
        lang = rpr.find(qn("w:lang"))
        if lang is None:
            lang = OxmlElement("w:lang")
            rpr.append(lang)
            _order_rpr(rpr)
        lang.set(qn("w:val"), tag)


def no_split_rows(table: Table) -> None:
    """Return after forbidding page breaks inside any row of ``table``."""
    for row in table.rows:
        tr_pr = row._tr.get_or_add_trPr()
        if tr_pr.find(qn("w:cantSplit")) is None:
            tr_pr.append(OxmlElement("w:cantSplit"))


def keep_table_together(table: Table) -> None:
    """Return after keeping ``table`` on one page: rows never split, each kept with the next.

    The first row is marked as a header row, repeated if Word must break the table anyway.
    """
    rows = table.rows
    mark_header_row(table)
    no_split_rows(table)
    for index, row in enumerate(rows):
        if index < len(rows) - 1:
            for paragraph in row._tr.iter(qn("w:p")):
                paragraph.get_or_add_pPr().keepNext_val = True


def clear_body(document: Document) -> None:
    """Return after removing all body content except the final section properties."""
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)


def strip_rsids(document: Document) -> None:
    """Return after removing revision-session ids from the settings and section properties."""
    settings = document.settings.element
    for rsids in settings.findall(qn("w:rsids")):
        settings.remove(rsids)
    for sect in document.element.body.iter(qn("w:sectPr")):
        for attr in [a for a in sect.attrib if a.startswith(qn("w:rsid"))]:
            del sect.attrib[attr]


def _insert_after_ppr(p, element) -> None:
    """Return after inserting ``element`` as the first content child of paragraph ``p``."""
    ppr = p.find(qn("w:pPr"))
    if ppr is None:
        p.insert(0, element)
    else:
        ppr.addnext(element)


_TBLPR_AFTER_IND = ("tblBorders", "shd", "tblLayout", "tblCellMar", "tblLook", "tblCaption",
                    "tblDescription", "tblPrChange")
_RPR_ORDER = ("rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike",
              "dstrike", "outline", "shadow", "emboss", "imprint", "noProof", "snapToGrid",
              "vanish", "webHidden", "color", "spacing", "w", "kern", "position", "sz", "szCs",
              "highlight", "u", "effect", "bdr", "shd", "fitText", "vertAlign", "rtl", "cs",
              "em", "lang", "eastAsianLayout", "specVanish", "oMath")


def _order_rpr(rpr) -> None:
    """Return after sorting ``rpr`` children into schema order (Word is strict about it)."""
    rank = {qn(f"w:{n}"): i for i, n in enumerate(_RPR_ORDER)}
    children = sorted(rpr, key=lambda c: rank.get(c.tag, len(rank)))
    for child in children:
        rpr.append(child)


def _w() -> str:
    """Return the WordprocessingML main namespace URI."""
    return "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
