"""Helpers shared by the red-team attack tests (issue 20): drafts made once, zip surgery."""
from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

from nlg.cli import sitrep as cli

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "samples" / "peru-2023-11"
EN, ES, QA = "PER_2023-11_en.docx", "PER_2023-11_es.docx", "PER_2023-11_qa.xlsx"


def draft(out: Path, *extra: str, folder: Path = SAMPLE) -> int:
    """Return the exit code of `sitrep draft FOLDER --out OUT [extra]`."""
    return cli.main(["draft", str(folder), "--out", str(out), *extra])


def rewrite(path: Path, edits: dict[str, Callable[[bytes], bytes] | bytes | None]) -> bytes:
    """Return the new bytes of the zip ``path`` after changing parts (None removes; new names add)."""
    with zipfile.ZipFile(path) as source:
        parts = {i.filename: source.read(i) for i in source.infolist()}
    for name, edit in edits.items():
        if edit is None:
            parts.pop(name, None)
        elif callable(edit):
            parts[name] = edit(parts[name])
        else:
            parts[name] = edit
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, blob in parts.items():
            target.writestr(name, blob)
    return path.read_bytes()


def part(path: Path, name: str) -> bytes:
    """Return one part of a zip archive."""
    with zipfile.ZipFile(path) as archive:
        return archive.read(name)


def names(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as archive:
        return archive.namelist()


def claim_size(path: Path, name: str, size: int) -> None:
    """Return after making the zip's directory claim that ``name`` inflates to ``size`` bytes
    (below 4 GiB): what a zip bomb's directory says, without building gigabytes."""
    import struct

    data = bytearray(path.read_bytes())
    encoded = name.encode()
    at = 0
    while (at := data.find(b"PK\x01\x02", at)) != -1:         # central directory entries
        length = struct.unpack_from("<H", data, at + 28)[0]
        if bytes(data[at + 46:at + 46 + length]) == encoded:
            struct.pack_into("<I", data, at + 24, size)
            local = struct.unpack_from("<I", data, at + 42)[0]
            struct.pack_into("<I", data, local + 22, size)
            path.write_bytes(bytes(data))
            return
        at += 4
    raise AssertionError(f"no {name} in {path}")
