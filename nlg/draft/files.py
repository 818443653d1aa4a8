"""Files beside the outputs: free backup names, the lock files of Word and LibreOffice, the
output folder made sure of. Used by the drafts (:mod:`nlg.draft.output`), the QA workbook
(:mod:`nlg.draft.qa`), review copies and batch runs.
"""
from __future__ import annotations

import os
from pathlib import Path

from nlg.errors import OutputError, error


def backup_path(path: Path) -> Path:
    """Return a free name beside ``path`` for keeping an edited document."""
    n = 1
    while True:
        candidate = path.with_name(f"{path.stem}.edited-{n}{path.suffix}")
        if not candidate.exists():
            return candidate
        n += 1


def lock_file(path: Path) -> Path | None:
    """Return the lock file Word or LibreOffice keeps beside ``path`` while it is open, if any.

    Word writes ``~$`` over the first two characters of the name (or before a short
    name); LibreOffice writes ``.~lock.NAME#``.
    """
    names = ("~$" + path.name[2:], "~$" + path.name, f".~lock.{path.name}#")
    return next((path.with_name(n) for n in names if path.with_name(n).exists()), None)


def report_folder_as_out(out: Path) -> OutputError | None:
    """Return E565 when the output folder is a report folder (it holds report.yaml), else None."""
    if not (out / "report.yaml").is_file():
        return None
    return OutputError(problems=[error(
        "E565", "the output folder is a report folder (it holds report.yaml): its report would "
        "be left out of a batch, and the QA workbook read as its data", file=str(out),
        hint="give another folder with --out, e.g. --out out")])


def ensure_folder(out: Path) -> None:
    """Return after making sure ``out`` exists and can be written to; else raise E504."""
    if (problem := report_folder_as_out(out)) is not None:
        raise problem
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(problems=[error("E504", f"cannot create the output folder: {exc.strerror or exc}",
                                          file=str(out), hint="choose a folder you can write to")]) from None
    if not os.access(out, os.W_OK):
        raise OutputError(problems=[error("E504", "cannot write in the output folder (no permission)",
                                          file=str(out), hint="choose a folder you can write to")])
