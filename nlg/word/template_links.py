"""Strip a Word template's external links so that no draft fetches anything when opened.

An organisation's template can point outside the file: a remote or UNC attached
template (``settings.xml``), images linked rather than embedded, frames, fonts,
OLE objects or sub-documents on a server. Word follows these links when the draft
opens (and sends the reader's credentials to a UNC host). :func:`strip` removes
every external relationship but hyperlinks (which are only followed when clicked)
from the template as loaded, and the elements that use them; :func:`external_links`
lists them, for the W230 warning.
"""
from __future__ import annotations

import zipfile
from pathlib import Path

from docx.document import Document
from lxml import etree

from nlg.archive import DOCX, failure, open_zip
from nlg.errors import TemplateError, warning
from nlg.model import Problem

_HYPERLINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
_R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
#: Elements that only make sense with their link: removed with it.
_DROP = {f"{{{_W_NS}}}attachedTemplate"}


def _kind(reltype: str) -> str:
    return reltype.rsplit("/", 1)[-1]


def strip(document: Document) -> tuple[str, ...]:
    """Return the external links removed from ``document`` ("attachedTemplate → \\\\host\\x.dotx")."""
    removed = []
    for part in document.part.package.iter_parts():
        links = {rid: rel for rid, rel in part.rels.items()
                 if rel.is_external and rel.reltype != _HYPERLINK}
        if not links:
            continue
        for rid, rel in links.items():
            removed.append(f"{_kind(rel.reltype)} → {rel.target_ref}")
            del part.rels[rid]
        element = getattr(part, "_element", None)
        if element is not None:
            _scrub(element, set(links))
    return tuple(removed)


def _scrub(root, ids: set[str]) -> None:
    """Return after removing attributes that name ``ids`` (and elements useless without them)."""
    for node in list(root.iter()):
        used = [name for name, value in node.attrib.items()
                if name.startswith(f"{{{_R_NS}}}") and value in ids]
        if not used:
            continue
        if node.tag in _DROP and node.getparent() is not None:
            node.getparent().remove(node)
            continue
        for name in used:
            del node.attrib[name]


def external_links(path: Path) -> tuple[str, ...]:
    """Return the external links (but hyperlinks) of the template at ``path``, read from its zip."""
    found = []
    try:
        with open_zip(path, failure(TemplateError, "E562", path), DOCX) as archive:
            for name in sorted(n for n in archive.namelist() if n.endswith(".rels")):
                found += _links(archive, name)
    except (OSError, zipfile.BadZipFile, etree.XMLSyntaxError):
        return ()                          # load_template says what is wrong with the file
    return tuple(found)


def _links(archive: zipfile.ZipFile, name: str) -> list[str]:
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    root = etree.fromstring(archive.read(name), parser)
    return [f"{_kind(r.get('Type', ''))} → {r.get('Target', '')}" for r in root.iter(_REL)
            if r.get("TargetMode") == "External" and r.get("Type") != _HYPERLINK]


def warnings_for(path: Path | None) -> tuple[Problem, ...]:
    """Return the W230 warning for a template with external links (none for the shipped one)."""
    if path is None:
        return ()
    links = external_links(Path(path))
    if not links:
        return ()
    shown = "; ".join(links[:3]) + (f"; and {len(links) - 3} more" if len(links) > 3 else "")
    return (warning("W230", f"the template's external links were left out of the drafts "
                    f"({len(links)}: {shown}); Word would fetch them when a draft opens",
                    file=str(path), hint="embed images and remove the attached template in Word "
                    "(Developer > Document Template) to keep this warning away"),)

