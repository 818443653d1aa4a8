"""Save .docx files atomically and byte-for-byte reproducibly; read back the embedded data.

The embedded data (facts and content plan as JSON, for ``sitrep check``) lives in a
custom XML part (``customXml/itemN.xml`` plus its ``itemProps``), which Word and
LibreOffice keep. The same part stores the sha256 of ``word/document.xml`` as
generated and of every other part, and a seal over the data (:mod:`nlg.word.seal`),
so :func:`is_edited` can tell whether a reviewer has changed anything in the file.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import os  # noqa: F401  (tests patch docx_io.os)
import zipfile
import zlib
from pathlib import Path

from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part

from nlg.archive import DOCX, failure, open_zip
from nlg.atomic import write_atomic  # noqa: F401  (the writer of every output, re-exported)
from nlg.errors import OutputError, error
from nlg.word import ooxml as docx_xml
from nlg.word import seal as docx_seal
from nlg.word import zipwriter as docx_zip
from nlg.word.plain import CoreInfo  # noqa: F401  (re-exported)

DOCUMENT_XML = "word/document.xml"
_FIRST = ("[Content_Types].xml", "_rels/.rels", DOCUMENT_XML)


def save(document: Document, path: Path, *, embedded: str, core: CoreInfo) -> str:
    """Return the sha256 of word/document.xml after writing ``document`` to ``path``.

    The write is atomic (temp file in the same folder, fsync, rename) and the
    bytes depend only on the inputs. The embedded item also stores the hash of every
    other part and a seal over the data (see :mod:`nlg.word.seal`).
    """
    data, digest = render(document, embedded=embedded, core=core)
    write_atomic(Path(path), data)
    return digest


def render(document: Document, *, embedded: str, core: CoreInfo) -> tuple[bytes, str]:
    """Return (the .docx bytes, the sha256 of word/document.xml) that :func:`save` writes."""
    json.loads(embedded)  # fail early on invalid JSON rather than store it
    set_core(document, core)
    docx_xml.date_comments(document, core.created)
    digest = hashlib.sha256(document.part.blob).hexdigest()
    _store_embedded(document, docx_xml.embedded_xml(embedded, digest))
    entries = _entries(document)
    stored = docx_seal.find(entries)
    package = docx_seal.package_hash(entries, stored.own_parts)
    entries[stored.item] = docx_xml.embedded_xml(
        embedded, digest, docx_seal.attributes(embedded, digest, package))
    data = _zip(entries)
    _check_hash(data, digest)
    return data, digest


def to_bytes(document: Document) -> bytes:
    """Return ``document`` as a .docx with fixed entry order, timestamps and compression."""
    return _zip(_entries(document))


def parts(document: Document) -> dict[str, bytes]:
    """Return the parts :func:`to_bytes` writes for ``document``, by name."""
    return _entries(document)


def _entries(document: Document) -> dict[str, bytes]:
    """Return the parts python-docx writes for ``document``, by name."""
    buffer = io.BytesIO()
    document.save(buffer)
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as source:
        return {name: source.read(name) for name in source.namelist()}


def _zip(entries: dict[str, bytes]) -> bytes:
    """Return the parts zipped in a fixed order with fixed timestamps and compression
    (:mod:`nlg.word.zipwriter`: zipfile's bytes, a template's unchanged parts deflated once)."""
    names = [n for n in _FIRST if n in entries] + sorted(set(entries) - set(_FIRST))
    return docx_zip.write([(name, entries[name]) for name in names])


def read_embedded(path: Path) -> dict | None:
    """Return the embedded JSON (plus key ``document_hash``), or None when there is none."""
    found = read_sealed(path)
    return None if found is None else found[0]


def read_sealed(path: Path) -> tuple[dict, docx_seal.Seal] | None:
    """Return the embedded JSON (plus ``document_hash``) and what its seal says, or None."""
    with _open_zip(path) as archive:
        stored = docx_seal.find(archive)
    if stored is None:
        return None
    return _decode(path, stored.text, stored.attributes.get("documentHash", "")), \
        docx_seal.verify(stored)


def _decode(path: Path, text: str, digest: str) -> dict:
    """Return the parsed embedded JSON with its stored hash."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise _bad_json(path, exc.msg) from None
    except RecursionError:
        raise _bad_json(path, "nested too deeply") from None
    if not isinstance(data, dict):
        data = {"data": data}
    return {**data, "document_hash": digest}


def _bad_json(path: Path, why: str) -> OutputError:
    return OutputError(problems=[error("E502", f"the embedded data is not valid JSON ({why})",
                                       file=str(path), hint="regenerate the report")])


def current_hash(path: Path) -> str:
    """Return the sha256 of the file's word/document.xml as it is now."""
    with _open_zip(path) as archive:
        try:
            with archive.open(DOCUMENT_XML) as handle:
                return hashlib.sha256(handle.read()).hexdigest()
        except KeyError:
            raise _not_docx(path) from None


def is_edited(path: Path) -> bool:
    """Return True unless the file is ours and no part a reviewer can change differs
    from what sitrep wrote (text, comments, footers, styles, properties; :mod:`nlg.word.seal`)."""
    with _open_zip(path) as archive:
        stored = docx_seal.find(archive)
        try:
            return stored is None or docx_seal.edited(archive, stored)
        except (KeyError, zipfile.BadZipFile, zlib.error, EOFError):
            return True                  # damaged since: not the file sitrep wrote


def _open_zip(path: Path) -> zipfile.ZipFile:
    """Return the .docx opened as a zip archive (within the size limits), or raise OutputError."""
    try:
        return open_zip(path, failure(OutputError, "E560", path), DOCX)
    except (zipfile.BadZipFile, KeyError, EOFError) as exc:
        raise _not_docx(path) from exc
    except OSError as exc:
        raise OutputError(problems=[error(
            "E561", f"cannot read the document: {exc.strerror or exc}", file=str(path),
            hint="check the path and its permissions; close it in Word")]) from None


def _not_docx(path: Path) -> OutputError:
    return OutputError(problems=[error(
        "E503", file=str(path))])


def set_core(document: Document, core: CoreInfo) -> None:
    """Return after replacing all core properties with ``core``."""
    props = document.core_properties
    element = props._element
    for child in list(element):
        element.remove(child)
    created = core.created
    if created.tzinfo is not None:
        created = created.astimezone(dt.UTC).replace(tzinfo=None)
    props.title = core.title
    props.subject = core.subject
    props.author = core.author
    props.last_modified_by = core.author
    props.language = core.language
    props.created = created
    props.modified = created
    props.revision = 1


def _store_embedded(document: Document, item_xml: bytes) -> None:
    """Return after adding (or replacing) our custom XML part with ``item_xml``."""
    main = document.part
    for rel in list(main.rels.values()):
        if rel.reltype == RT.CUSTOM_XML and not rel.is_external:
            if docx_xml.parse_embedded(rel.target_part.blob) is not None:
                main.drop_rel(rel.rId)
    package = main.package
    item = Part(package.next_partname("/customXml/item%d.xml"), "application/xml",
                item_xml, package)
    number = str(item.partname)[len("/customXml/item"):-len(".xml")]
    props = Part(PackURI(f"/customXml/itemProps{number}.xml"), docx_xml.CT_ITEM_PROPS,
                 docx_xml.item_props_xml(), package)
    item.relate_to(props, RT.CUSTOM_XML_PROPS)
    main.relate_to(item, RT.CUSTOM_XML)


def _check_hash(data: bytes, digest: str) -> None:
    """Return after making sure the written document.xml is the one hashed."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        actual = hashlib.sha256(archive.read(DOCUMENT_XML)).hexdigest()
    if actual != digest:
        raise AssertionError("word/document.xml changed while saving")
