"""The report folder the page works on: every path it writes is checked to lie inside it.

File names come from the browser (uploads, form fields, download links); each is
accepted only as a plain name (no folder part, no ``..``, no drive, no control
character) and the resolved path must stay inside the folder, so a symbolic link
cannot lead out either.
"""
from __future__ import annotations

import re
import shutil
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from nlg.errors import error
from nlg.web.errors import WebError

EXPORT_SUFFIXES = (".xlsx", ".csv")
OUT = "out"            # drafts, review copy, PDF and QA workbook, inside the folder
STAGING = ".sitrep-upload"
_BAD = re.compile(r"[\x00-\x1f\x7f<>:\"|?*\\/]")
_RESERVED = re.compile(r"^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$", re.I)


def safe_name(name: str, *, suffixes: tuple[str, ...] | None = None, code: str = "E173") -> str:
    """Return ``name`` when it is a plain file name (with one of ``suffixes``); raise E172/``code``.

    >>> safe_name("5w.xlsx")
    '5w.xlsx'
    >>> safe_name("../report.yaml")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    nlg.web.errors.WebError: [E172] not a plain file name inside the report folder, got '../report.yaml' (hint: ...)
    """
    text = str(name or "")
    plain = text.strip()
    if (not plain or plain != text or plain in (".", "..") or plain.startswith((".", "~$"))
            or _BAD.search(plain) or _RESERVED.match(plain) or len(plain) > 200):
        raise WebError(problems=[error("E172", value=text)])
    if suffixes and not plain.lower().endswith(suffixes):
        raise WebError(problems=[error(code, f"expected a {' or '.join(suffixes)} file", value=text,
                                       hint="export the 5W from ActivityInfo as .xlsx or .csv")])
    return plain


@dataclass(frozen=True)
class ReportFolder:
    """The folder given to ``sitrep serve``: report.yaml, the exports, and ``out/``."""

    root: Path

    @classmethod
    def open(cls, path: Path) -> ReportFolder:
        """Return the folder (created when missing); raise E175 when it cannot be used."""
        root = Path(path).expanduser()
        try:
            root.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise WebError(problems=[error("E175", f"cannot use the report folder: {exc.strerror or exc}",
                                           file=str(root), hint="choose a folder you can write to")]) from None
        if not root.is_dir():
            raise WebError(problems=[error("E175", "not a folder", file=str(root),
                                           hint="give a folder, e.g. sitrep serve reports/per-2023-11")])
        return cls(root.resolve())

    @property
    def out(self) -> Path:
        """Return the folder the drafts go to."""
        return self.root / OUT

    def path(self, name: str, *, under: str = "") -> Path:
        """Return the path of the plain file ``name`` (in the subfolder ``under``); E172 when outside."""
        base = self.root / under if under else self.root
        path = (base / safe_name(name)).resolve()
        if not path.is_relative_to(self.root) or path.parent != base.resolve():
            raise WebError(problems=[error("E172", value=name)])
        return path

    def exports(self) -> list[str]:
        """Return the names of the 5W exports in the folder, sorted."""
        return sorted(p.name for p in self.root.iterdir()
                      if p.is_file() and p.suffix.lower() in EXPORT_SUFFIXES
                      and not p.name.startswith(("~$", ".")))

    @contextmanager
    def staging(self) -> Iterator[Path]:
        """Yield a private folder inside the report folder for uploads; removed afterwards."""
        area = self.root / STAGING / uuid.uuid4().hex
        area.mkdir(parents=True)
        try:
            yield area
        finally:
            shutil.rmtree(area, ignore_errors=True)
            try:
                area.parent.rmdir()
            except OSError:
                pass
