"""WordprocessingML pieces that need no python-docx: the embedded data item, bookmark names,
core properties.

Drafting writes Word files without importing python-docx (:mod:`nlg.docx_fast`); these are
shared by that writer, :mod:`nlg.word.ooxml` (which re-exports them) and :mod:`nlg.word.seal`.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import re
import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING

from lxml import etree

if TYPE_CHECKING:
    from nlg.realise.doc import RealisedReport

EMBEDDED_NS = "urn:sitrep-nlg:embedded:1"
CT_ITEM_PROPS = "application/vnd.openxmlformats-officedocument.customXmlProperties+xml"
_DS_NS = "http://schemas.openxmlformats.org/officeDocument/2006/customXml"
_ITEM_ID = "{" + str(uuid.uuid5(uuid.NAMESPACE_URL, EMBEDDED_NS)).upper() + "}"
BOOKMARK_PREFIX = "sitrep_"
_BOOKMARK_MAX = 40  # Word drops longer bookmark names


def bookmark_name(key: str) -> str:
    """Return the Word bookmark name for a bullet key.

    >>> bookmark_name("health.consultations-1")
    'sitrep_health_consultations_1'
    >>> len(bookmark_name("x" * 80)) <= 40
    True
    """
    clean = re.sub(r"[^A-Za-z0-9_]", "_", key)
    name = BOOKMARK_PREFIX + clean
    if len(name) <= _BOOKMARK_MAX:
        return name
    digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:8]
    return name[: _BOOKMARK_MAX - 9] + "_" + digest


def embedded_xml(json_text: str, digest: str, extra: dict[str, str] | None = None) -> bytes:
    """Return the custom XML item wrapping ``json_text``, the document hash and ``extra`` attributes."""
    root = etree.Element(f"{{{EMBEDDED_NS}}}embedded", nsmap={"sitrep": EMBEDDED_NS})
    root.set("documentHash", digest)
    root.set("hashAlgorithm", "sha256")
    for name, value in (extra or {}).items():
        root.set(name, value)
    root.text = json_text
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def parse_embedded(blob: bytes) -> tuple[str, str] | None:
    """Return (json text, stored hash) from a custom XML item, or None when it is not ours."""
    found = embedded_attributes(blob)
    return None if found is None else (found[0], found[1].get("documentHash", ""))


def embedded_attributes(blob: bytes) -> tuple[str, dict[str, str]] | None:
    """Return (json text, attributes) from a custom XML item, or None when it is not ours."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    try:
        root = etree.fromstring(blob, parser)
    except etree.XMLSyntaxError:
        return None
    if root.tag != f"{{{EMBEDDED_NS}}}embedded":
        return None
    return root.text or "", dict(root.attrib)


def item_props_xml() -> bytes:
    """Return the itemProps part for our custom XML item (fixed item id)."""
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<ds:datastoreItem ds:itemID="{_ITEM_ID}" xmlns:ds="{_DS_NS}">'
        f'<ds:schemaRefs><ds:schemaRef ds:uri="{EMBEDDED_NS}"/></ds:schemaRefs>'
        "</ds:datastoreItem>"
    ).encode()




@dataclass(frozen=True)
class CoreInfo:
    """Core document properties; ``created`` comes from the report, never the clock."""

    title: str
    subject: str
    author: str
    language: str          # proofing language tag, e.g. "es-ES"
    created: dt.datetime   # naive values are taken as UTC

    @classmethod
    def from_report(cls, report: RealisedReport, *, created: dt.datetime,
                    author: str = "sitrep-nlg") -> CoreInfo:
        """Return the core properties for ``report``."""
        return cls(title=report.doc_title, subject=report.subtitle, author=author,
                   language=report.language_tag, created=created)
