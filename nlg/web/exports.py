"""Take a 5W export dropped on the page: read and validate it first, keep it only when it drafts.

An upload is written to a private staging folder inside the report folder, read
and validated there with the same code as ``sitrep draft`` (for the country and
month the rows themselves point to), and moved into the folder only when it has
no errors. A bad export leaves the folder as it was; its problems are returned
to be shown next to the file.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field

from nlg.errors import DataError, SitrepError, error
from nlg.model import Problem
from nlg.validate.guess import Guess, guess
from nlg.web.folder import EXPORT_SUFFIXES, ReportFolder, safe_name

MAX_BYTES = 200 * 1024 * 1024


@dataclass(frozen=True)
class Upload:
    """One dropped file: its name, and what reading it found."""

    name: str
    accepted: bool
    errors: tuple[Problem, ...] = ()
    warnings: tuple[Problem, ...] = ()
    guess: Guess = field(default_factory=Guess)
    rows: int = 0


def check_table(path, *, country: str, period: str, columns: dict | None = None):
    """Return (guess, rows read, warnings) for the export at ``path``; raise DataError on errors.

    ``country`` and ``period`` (YYYY-MM) are used when the rows do not name them.
    """
    from nlg.load.table import read_table
    from nlg.validate.dataset import validate

    table = read_table(path)
    found = guess([table])
    country = found.country or country
    month = found.period or period
    if not country or not month:
        return found, len(table.rows), ()
    try:
        data = validate([table], period=(month, month), country=country, column_map=columns or {})
    except DataError as exc:
        if found.period or any(p.code != "E211" for p in exc.problems):
            raise
        return found, len(table.rows), ()   # the month is unknown: "no row in the period" says nothing
    return found, data.rows_read, data.warnings


def accept(folder: ReportFolder, name: str, content: bytes, *, country: str = "",
           period: str = "", columns: dict | None = None) -> Upload:
    """Return what happened to the upload ``name``: kept in the folder, or refused with its errors."""
    try:
        name = safe_name(name, suffixes=EXPORT_SUFFIXES)
    except SitrepError as exc:
        return Upload(str(name), False, exc.problems)
    if len(content) > MAX_BYTES:
        return Upload(name, False, (error("E183", file=name),))
    with folder.staging() as area:
        staged = area / name
        staged.write_bytes(content)
        try:
            found, rows, warnings = check_table(staged, country=country, period=period,
                                                columns=columns)
        except SitrepError as exc:
            return Upload(name, False, exc.problems)
        os.replace(staged, folder.path(name))
    return Upload(name, True, (), tuple(warnings), found, rows)
