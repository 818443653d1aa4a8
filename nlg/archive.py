"""Open .xlsx/.docx archives with size limits checked before anything is inflated.

A zip archive says in its central directory how large each member is once
inflated; a "zip bomb" is a small file whose members inflate to gigabytes. Every
archive the tool reads (5W workbooks, templates, drafts, review copies) is opened
through :func:`open_zip`, which refuses it when the directory announces more than
its :class:`Limits`. A directory that lies is harmless: :mod:`zipfile` never
inflates a member beyond the size the directory gives (it stops there and fails
the CRC check).

The limits (docs/limits.md) are far above real files: a real R4V 5W sheet
compresses about 9 to 1, a 100,000-row export inflates to 60-145 MiB, and a
drafted report's parts to well under 1 MiB. A worksheet is read as a stream (never
held whole), so it has its own, larger cap and is not counted in the total: a
1,000,000-row export inflates to 1,408 MiB; the compression ratio still applies.
"""
from __future__ import annotations

import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from nlg.errors import SitrepError, error

_MIB = 1 << 20
Failure = Callable[[str, str], SitrepError]   # (message, hint) -> the error to raise


@dataclass(frozen=True)
class Limits:
    """How much an archive may hold once inflated."""

    members: int = 10_000          # parts in the archive
    member: int = 256 * _MIB       # bytes of one inflated part
    total: int = 320 * _MIB        # bytes of all inflated parts
    ratio: int = 500               # inflated / compressed size of one part ...
    ratio_from: int = _MIB         # ... checked once it inflates to more than this
    streamed: tuple[str, ...] = ()  # name prefixes of parts read as a stream, never whole ...
    stream_member: int = 3 * 1024 * _MIB   # ... their cap (not counted in ``total``)


XLSX = Limits(streamed=("xl/worksheets/",))
DOCX = Limits(member=64 * _MIB, total=256 * _MIB)


def _mib(n: int) -> str:
    return f"{n / _MIB:,.0f} MiB"


def limit_problem(archive: zipfile.ZipFile, limits: Limits = XLSX) -> str | None:
    """Return why the archive is refused (the limit it exceeds, with the limit), else None.

    >>> import io
    >>> buffer = io.BytesIO()
    >>> with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
    ...     z.writestr("a.xml", b"<a/>" * 1_000_000)
    >>> limit_problem(zipfile.ZipFile(buffer))
    'its part a.xml is compressed 1,025 to 1 (the limit is 500 to 1): a zip bomb or a damaged file'
    """
    members = archive.infolist()
    if len(members) > limits.members:
        return f"it holds {len(members):,} parts (the limit is {limits.members:,})"
    total = 0
    for info in members:
        size, packed = info.file_size, max(info.compress_size, 1)
        streamed = info.filename.startswith(limits.streamed) if limits.streamed else False
        if streamed and size > limits.stream_member:
            return (f"its part {info.filename} inflates to {_mib(size)} "
                    f"(the limit is {_mib(limits.stream_member)} for a worksheet)")
        if size > limits.member and not streamed:
            return (f"its part {info.filename} inflates to {_mib(size)} "
                    f"(the limit is {_mib(limits.member)} per part)")
        if size > limits.ratio_from and size > limits.ratio * packed:
            return (f"its part {info.filename} is compressed {size // packed:,} to 1 "
                    f"(the limit is {limits.ratio} to 1): a zip bomb or a damaged file")
        total += 0 if streamed else size
    if total > limits.total:
        return f"it inflates to {_mib(total)} in all (the limit is {_mib(limits.total)})"
    return None


def open_zip(source: str | Path | BinaryIO, fail: Failure, limits: Limits = XLSX) -> zipfile.ZipFile:
    """Return the archive opened for reading; raise ``fail(message, hint)`` when it exceeds a limit.

    A file that is not a zip archive raises ``zipfile.BadZipFile`` as usual.
    """
    archive = zipfile.ZipFile(source)
    problem = limit_problem(archive, limits)
    if problem is not None:
        archive.close()
        raise fail(f"refused: {problem}", "check the file; if it is yours, open it and save it "
                   "again (Excel or Word)")
    return archive


def failure(cls: type[SitrepError], code: str, path: str | Path) -> Failure:
    """Return a :data:`Failure` raising ``cls`` with one problem ``code`` about ``path``."""
    def make(message: str, hint: str) -> SitrepError:
        return cls(problems=[error(code, message, file=str(path), hint=hint)])
    return make
