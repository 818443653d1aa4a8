"""Build nlg/templates/default.docx: python-docx's default template plus the sitrep styles.

Run ``python tools/make_template.py`` and commit the result. The output is
byte-for-byte reproducible (see :func:`nlg.word.save.to_bytes`).
"""
from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import docx
from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Twips

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from nlg.word import ooxml as docx_xml  # noqa: E402
from nlg.word import save as docx_io  # noqa: E402

STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
OUT = ROOT / "nlg" / "templates" / "default.docx"
DARK, ACCENT, LIGHT, GREY, LINK = "1F3864", "2E75B6", "DEEAF6", "595959", "0563C1"
P, C, T = WD_STYLE_TYPE.PARAGRAPH, WD_STYLE_TYPE.CHARACTER, WD_STYLE_TYPE.TABLE


def _band(color: str, space: int) -> str:
    """Return pPr borders and shading drawing a coloured band around the paragraph."""
    sides = "".join(f'<w:{s} w:val="single" w:sz="4" w:space="{space}" w:color="{color}"/>'
                    for s in ("top", "left", "bottom", "right"))
    return f'<w:pBdr>{sides}</w:pBdr><w:shd w:val="clear" w:color="auto" w:fill="{color}"/>'


def _bar(color: str) -> str:
    """Return pPr for an empty paragraph drawn as a 6 pt coloured bar."""
    return (f'<w:shd w:val="clear" w:color="auto" w:fill="{color}"/>'
            '<w:spacing w:before="0" w:after="0" w:line="120" w:lineRule="exact"/>')


def _cell_mar(top: int, side: int) -> str:
    """Return tblCellMar with ``top``/bottom and ``side`` (left/right) margins in twips."""
    return (f'<w:tblCellMar><w:top w:w="{top}" w:type="dxa"/><w:left w:w="{side}" w:type="dxa"/>'
            f'<w:bottom w:w="{top}" w:type="dxa"/><w:right w:w="{side}" w:type="dxa"/></w:tblCellMar>')


#: The order the schema requires inside w:tblBorders (CT_TblBorders); Word rejects any other.
BORDER_ORDER = ("top", "left", "start", "bottom", "right", "end", "insideH", "insideV")


def _borders(**sides: str) -> str:
    """Return tblBorders with one ``single`` line per side given as ``side=color:size``.

    The sides are written in the schema's order, whatever order they are given in.
    """
    lines = "".join(f'<w:{s} w:val="single" w:sz="{sides[s].split(":")[1]}" w:space="0" '
                    f'w:color="{sides[s].split(":")[0]}"/>' for s in BORDER_ORDER if s in sides)
    return f"<w:tblBorders>{lines}</w:tblBorders>"


# name, type, basedOn, pPr, rPr (or tblPr for tables)
STYLES: tuple[tuple[str, WD_STYLE_TYPE, str | None, str, str], ...] = (
    ("Normal", P, None, "", '<w:color w:val="262626"/>'),
    ("Heading 1", P, "Normal",
     '<w:keepNext/><w:keepLines/><w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" '
     f'w:color="{DARK}"/></w:pBdr><w:spacing w:before="240" w:after="80"/><w:outlineLvl w:val="0"/>',
     f'<w:b/><w:bCs/><w:color w:val="{DARK}"/><w:sz w:val="28"/><w:szCs w:val="28"/>'),
    ("Heading 2", P, "Normal",
     '<w:keepNext/><w:keepLines/><w:spacing w:before="140" w:after="40"/><w:outlineLvl w:val="1"/>',
     f'<w:b/><w:bCs/><w:color w:val="{ACCENT}"/><w:sz w:val="22"/><w:szCs w:val="22"/>'),
    ("List Bullet", P, "Normal",
     '<w:numPr><w:numId w:val="1"/></w:numPr><w:spacing w:after="80"/>', ""),
    ("Sitrep Title", P, "Normal",
     f'<w:keepNext/>{_band(DARK, 4)}<w:spacing w:before="0" w:after="0"/>',
     '<w:b/><w:bCs/><w:caps/><w:color w:val="FFFFFF"/><w:sz w:val="44"/><w:szCs w:val="44"/>'),
    ("Sitrep Subtitle", P, "Normal",
     f'<w:keepNext/>{_band(LIGHT, 4)}<w:spacing w:before="0" w:after="0"/>',
     f'<w:color w:val="{DARK}"/><w:sz w:val="22"/><w:szCs w:val="22"/>'),
    ("Key Figure Value", P, "Normal", '<w:spacing w:before="80" w:after="0"/>',
     f'<w:b/><w:bCs/><w:color w:val="{DARK}"/><w:sz w:val="40"/><w:szCs w:val="40"/>'),
    ("Key Figure Label", P, "Normal", '<w:spacing w:before="0" w:after="40"/>',
     f'<w:b/><w:bCs/><w:caps/><w:color w:val="{GREY}"/><w:sz w:val="16"/><w:szCs w:val="16"/>'),
    ("Funding Headline", P, "Normal", '<w:spacing w:before="80" w:after="40"/>',
     f'<w:b/><w:bCs/><w:caps/><w:color w:val="{DARK}"/><w:sz w:val="24"/><w:szCs w:val="24"/>'),
    ("Bar Fill", P, "Normal", _bar(ACCENT), '<w:sz w:val="10"/><w:szCs w:val="10"/>'),
    ("Bar Rest", P, "Normal", _bar(LIGHT), '<w:sz w:val="10"/><w:szCs w:val="10"/>'),
    ("Sitrep Note", P, "Normal", '<w:spacing w:before="40" w:after="40"/>',
     f'<w:color w:val="{GREY}"/><w:sz w:val="15"/><w:szCs w:val="15"/>'),
    ("Sitrep Partners", P, "Normal", '<w:spacing w:before="0" w:after="80"/>',
     f'<w:color w:val="{GREY}"/><w:sz w:val="14"/><w:szCs w:val="14"/>'),
    ("Sitrep Table Header", P, "Normal", '<w:spacing w:before="30" w:after="30" w:line="240" '
     'w:lineRule="auto"/>', f'<w:color w:val="{DARK}"/><w:sz w:val="17"/><w:szCs w:val="17"/>'),
    ("Sitrep Table Value", P, "Normal", '<w:spacing w:before="30" w:after="30" w:line="240" '
     'w:lineRule="auto"/><w:jc w:val="right"/>',
     f'<w:b/><w:bCs/><w:color w:val="{DARK}"/><w:sz w:val="17"/><w:szCs w:val="17"/>'),
    ("Header", P, "Normal", '<w:tabs><w:tab w:val="center" w:pos="4819"/><w:tab w:val="right" '
     'w:pos="9638"/></w:tabs><w:spacing w:after="0" w:line="240" w:lineRule="auto"/>', ""),
    ("Footer", P, "Normal", '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/><w:jc w:val="center"/>',
     f'<w:color w:val="{GREY}"/><w:sz w:val="16"/><w:szCs w:val="16"/>'),
    ("Hyperlink", C, None, "", f'<w:color w:val="{LINK}"/><w:u w:val="single"/>'),
    ("annotation text", P, "Normal", "", '<w:sz w:val="18"/><w:szCs w:val="18"/>'),
    ("annotation reference", C, None, "", '<w:sz w:val="16"/><w:szCs w:val="16"/>'),
    ("Sitrep Key Figures", T, "Normal Table", "",
     _borders(insideV=f"{LIGHT}:8", bottom=f"{LIGHT}:12") + _cell_mar(40, 80)),
    ("Sitrep Bar", T, "Normal Table", "", _cell_mar(0, 0)),
    ("Sitrep Table", T, "Normal Table", "",
     _borders(bottom=f"{DARK}:8", insideH="D9D9D9:4") + _cell_mar(20, 28)),
)
STYLE_IDS = {"annotation text": "CommentText", "annotation reference": "CommentReference"}


def define_style(document: Document, name: str, kind: WD_STYLE_TYPE, based_on: str | None,
                 ppr: str, rpr: str) -> None:
    """Return after (re)defining style ``name`` with exactly the given properties."""
    styles = document.styles
    style = styles[name] if name in styles else styles.add_style(name, kind)
    if name in STYLE_IDS:
        style.style_id = STYLE_IDS[name]
    if based_on:
        style.base_style = styles[based_on]
    element = style.element
    for tag in ("w:pPr", "w:rPr", "w:tblPr", "w:rsid"):
        for child in element.findall(qn(tag)):
            element.remove(child)
    style.quick_style = kind != T
    if kind == T:
        element.append(parse_xml(f"<w:tblPr {nsdecls('w')}>{rpr}</w:tblPr>"))
        return
    if ppr:
        element.append(parse_xml(f"<w:pPr {nsdecls('w')}>{ppr}</w:pPr>"))
    if rpr:
        element.append(parse_xml(f"<w:rPr {nsdecls('w')}>{rpr}</w:rPr>"))


def set_defaults(document: Document) -> None:
    """Return after making Arial 10 pt the default font (no theme fonts) and widow control on."""
    styles = document.styles.element
    rpr = styles.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    fonts = rpr.find(qn("w:rFonts"))
    for attr in list(fonts.attrib):
        del fonts.attrib[attr]
    for attr in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{attr}"), "Arial")
    rpr.find(qn("w:sz")).set(qn("w:val"), "20")
    rpr.find(qn("w:szCs")).set(qn("w:val"), "20")
    ppr = styles.find(f"{qn('w:docDefaults')}/{qn('w:pPrDefault')}/{qn('w:pPr')}")
    spacing = ppr.find(qn("w:spacing"))
    spacing.addprevious(parse_xml(f"<w:widowControl {nsdecls('w')}/>"))
    spacing.set(qn("w:after"), "120")
    spacing.set(qn("w:line"), "252")
    for rsid in styles.iter(qn("w:rsid")):
        rsid.getparent().remove(rsid)


def set_page(document: Document) -> None:
    """Return after setting A4, 2 cm margins and a centred page-number footer."""
    section = document.sections[0]
    section.page_width, section.page_height = Twips(11906), Twips(16838)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2))
    section.header_distance = section.footer_distance = Cm(1)
    footer = section.footer
    footer.is_linked_to_previous = False
    paragraph = footer.paragraphs[0]
    paragraph.style = document.styles["Footer"]
    docx_xml.add_page_field(paragraph)


def drop_extras(document: Document) -> None:
    """Return after removing the thumbnail, stylesWithEffects and bibliography custom XML."""
    main = document.part
    for rel in list(main.rels.values()):
        if rel.reltype in (RT.CUSTOM_XML, STYLES_WITH_EFFECTS):
            main.drop_rel(rel.rId)
    package_rels = main.package.rels
    for rel in list(package_rels.values()):
        if rel.reltype == RT.THUMBNAIL:
            package_rels.pop(rel.rId)
    compat = document.settings.element.find(qn("w:compat"))
    for setting in compat.findall(qn("w:compatSetting")):
        if setting.get(qn("w:name")) == "compatibilityMode":
            setting.set(qn("w:val"), "15")


def build() -> Document:
    """Return the template document."""
    document = docx.Document()
    docx_xml.clear_body(document)
    docx_xml.strip_rsids(document)
    set_defaults(document)
    for spec in STYLES:
        define_style(document, *spec)
    set_page(document)
    drop_extras(document)
    return document


def main() -> None:
    """Write the template to nlg/templates/default.docx."""
    document = build()
    core = docx_io.CoreInfo(title="sitrep-nlg template", subject="", author="sitrep-nlg",
                            language="en-GB", created=dt.datetime(2024, 1, 1))
    docx_io.set_core(document, core)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    docx_io.write_atomic(OUT, docx_io.to_bytes(document))


if __name__ == "__main__":
    main()
