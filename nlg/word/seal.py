"""Whether a draft changed since sitrep wrote it, and whether its embedded data are the tool's.

:func:`nlg.word.save.save` writes three values beside the embedded JSON, as attributes
of the custom XML item:

``documentHash``
    sha256 of ``word/document.xml`` (read by older versions).
``packageHash``
    sha256 of every other part exactly as written: all parts but the item itself, its
    ``itemProps`` and its relationships. Any change a reviewer can make (text,
    comments, headers and footers, styles, document properties, settings, images,
    a part added or removed) changes it, so :func:`edited` sees it.
``seal``
    HMAC-SHA256 of the embedded JSON and both hashes, under a key: the value of the
    environment variable ``SITREP_SEAL_KEY`` when it is set, else a key built into the
    tool. The built-in key catches embedded data changed by hand or by other
    software, not a forger who reads this source; set ``SITREP_SEAL_KEY`` to the same
    secret where drafts are written and where they are checked to make the seal a
    signature. ``sealKey`` names the key (a hash of it, never the key).

Drafts written before the package hash existed are judged by ``documentHash`` alone.
"""
from __future__ import annotations

import hashlib
import hmac
import os
import re
import zipfile
from dataclasses import dataclass
from enum import Enum

from nlg.word import plain as docx_xml  # embedded_attributes without python-docx

DEFAULT_KEY = b"sitrep-nlg embedded data seal, version 1"
KEY_VARIABLE = "SITREP_SEAL_KEY"
_ITEM = re.compile(r"customXml/item(\d+)\.xml")


class Seal(str, Enum):
    """What the seal of the embedded data says."""

    VALID = "valid"
    CHANGED = "changed"            # the JSON or the hashes differ from what was sealed
    OTHER_KEY = "other-key"        # sealed under a key this machine does not have
    MISSING = "missing"            # written by a version without seals


@dataclass(frozen=True)
class Stored:
    """The embedded item of a draft: its JSON text and the values written with it."""

    item: str                      # part name, e.g. customXml/item1.xml
    text: str
    attributes: dict[str, str]

    @property
    def own_parts(self) -> frozenset[str]:
        """Return the item, its properties and its relationships: the parts not hashed."""
        number = _ITEM.fullmatch(self.item).group(1)
        return frozenset({self.item, f"customXml/itemProps{number}.xml",
                          f"customXml/_rels/item{number}.xml.rels"})


def key() -> bytes:
    """Return the sealing key: ``SITREP_SEAL_KEY`` when set, else the built-in one."""
    value = os.environ.get(KEY_VARIABLE, "")
    return value.encode("utf-8") if value else DEFAULT_KEY


def key_id(secret: bytes) -> str:
    """Return a short public name for a key (the first 16 hex digits of a hash of it)."""
    return hashlib.sha256(b"sitrep key id\0" + secret).hexdigest()[:16]


def seal(text: str, document_hash: str, package_hash: str, secret: bytes) -> str:
    """Return the HMAC-SHA256 of the embedded JSON and the two hashes."""
    message = "\0".join(("sitrep-seal-1", document_hash, package_hash, text)).encode("utf-8")
    return hmac.new(secret, message, hashlib.sha256).hexdigest()


def attributes(text: str, document_hash: str, package_hash: str) -> dict[str, str]:
    """Return the attributes written on the embedded item."""
    secret = key()
    return {"packageHash": package_hash, "packageHashAlgorithm": "sha256-parts-1",
            "seal": seal(text, document_hash, package_hash, secret), "sealKey": key_id(secret)}


def package_hash(parts: dict[str, bytes] | zipfile.ZipFile, own: frozenset[str]) -> str:
    """Return the sha256 over every part's name and content, the ``own`` parts left out."""
    digest = hashlib.sha256(b"sitrep-parts-1\n")
    names = parts.namelist() if isinstance(parts, zipfile.ZipFile) else list(parts)
    for name in sorted(set(names) - own):
        digest.update(name.encode("utf-8") + b"\0" + _part_hash(parts, name) + b"\n")
    return digest.hexdigest()


def _part_hash(parts: dict[str, bytes] | zipfile.ZipFile, name: str) -> bytes:
    if not isinstance(parts, zipfile.ZipFile):
        return hashlib.sha256(parts[name]).hexdigest().encode()
    digest = hashlib.sha256()
    with parts.open(name) as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest().encode()


def find(parts: dict[str, bytes] | zipfile.ZipFile) -> Stored | None:
    """Return the embedded item of our own, or None when the package has none."""
    names = parts.namelist() if isinstance(parts, zipfile.ZipFile) else list(parts)
    for name in sorted(names):
        if _ITEM.fullmatch(name):
            blob = parts.read(name) if isinstance(parts, zipfile.ZipFile) else parts[name]
            found = docx_xml.embedded_attributes(blob)
            if found is not None:
                return Stored(name, *found)
    return None


def verify(stored: Stored) -> Seal:
    """Return what the seal says about the stored JSON and hashes."""
    a = stored.attributes
    if "seal" not in a:
        return Seal.MISSING
    secret = key()
    if a.get("sealKey") != key_id(secret):
        return Seal.OTHER_KEY
    expected = seal(stored.text, a.get("documentHash", ""), a.get("packageHash", ""), secret)
    return Seal.VALID if hmac.compare_digest(expected, a["seal"]) else Seal.CHANGED


def edited(archive: zipfile.ZipFile, stored: Stored) -> bool:
    """Return True when any part a reviewer can change differs from what sitrep wrote."""
    if verify(stored) is Seal.CHANGED:
        return True
    package = stored.attributes.get("packageHash")
    if package:
        return package != package_hash(archive, stored.own_parts)
    with archive.open("word/document.xml") as handle:       # a draft of an older version
        body = hashlib.sha256(handle.read()).hexdigest()
    return body != stored.attributes.get("documentHash", "")
