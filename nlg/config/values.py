"""Values no report.yaml key can take, refused before the schema reads them (E193-E198).

The schema (:mod:`nlg.config.schema`) checks each key's type; this screen catches
what would otherwise end in a traceback or in a nonsense report, wherever it is in
the file: numbers that are not finite (``.inf``, ``.nan``) or too large for any report
(``1.0e+308``, a 5,000-digit integer), more people than live on Earth, text Word
cannot store (C0 control characters, U+FFFE, lone surrogates), a period outside
2000-2100, and ``previous:`` naming a folder without a report. A refused number is
replaced by 0 and a refused text by nothing, so that each is reported once.
"""
from __future__ import annotations

import math
from pathlib import Path

from nlg.errors import error
from nlg.model import Problem
from nlg.yamlfile import BigInt

MAX_NUMBER = 10 ** 13        # above any count or US$ amount of a report (RMRP asks ~2 × 10^9)
MAX_PEOPLE = 10 ** 10        # more than the world's population
YEARS = (2000, 2100)
_PEOPLE = ("key_figures", "people_reached", "refugees_and_migrants", "people_assisted")
_BAD_XML = frozenset(range(0, 9)) | {11, 12} | frozenset(range(14, 32)) | {0xFFFE, 0xFFFF}


def screen(raw: dict, *, folder: Path, file: str) -> tuple[dict, list[Problem]]:
    """Return ``raw`` with refused values removed (set to None) and a problem for each."""
    problems: list[Problem] = []

    def bad(code: str, key: str, message: str, value, hint: str) -> None:
        shown = str(value)
        shown = shown if len(shown) <= 40 else shown[:37] + "…"
        problems.append(error(code, f"{key}: {message}", file=file, value=shown, hint=hint))

    def walk(value, key: str):
        if isinstance(value, dict):
            return {k: walk(v, f"{key}.{k}" if key else str(k)) for k, v in value.items()}
        if isinstance(value, list):
            return [walk(v, f"{key}[{i}]") for i, v in enumerate(value)]
        return _check(value, key, bad)

    cleaned = walk(raw, "")
    _period_years(cleaned.get("period"), bad)
    _previous(cleaned.get("previous"), folder, bad)
    return cleaned, problems


def _check(value, key: str, bad):
    """Return ``value``, or None after reporting it."""
    if isinstance(value, BigInt):
        bad("E194", key, f"a number of {len(value):,} digits", value,
            f"no figure of a report is larger than {MAX_NUMBER:,}")
        return 0
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        return value
    if isinstance(value, float) and not math.isfinite(value):
        bad("E193", key, "not a finite number", value, "write the figure in digits, e.g. 1540000")
        return 0
    if isinstance(value, (int, float)):
        people = key.split(".", 1)[0] in _PEOPLE and not key.endswith("_usd")
        limit = MAX_PEOPLE if people else MAX_NUMBER
        if abs(value) > limit:
            what = "more people than live on Earth" if people else "larger than any report figure"
            bad("E194", key, f"{what} (the limit is {limit:,})", value, "check the figure")
            return 0
        return value
    illegal = next((c for c in value if ord(c) in _BAD_XML or 0xD800 <= ord(c) <= 0xDFFF), None)
    if illegal is not None:
        bad("E197", key, f"holds the character U+{ord(illegal):04X}, which Word cannot store",
            value.encode("unicode_escape").decode("ascii"),
            "delete it (it often comes from a copy and paste); write \\t or \\n as text if meant")
        return None
    return value


def _period_years(value, bad) -> None:
    from nlg.config.report import _PERIOD

    match = _PERIOD.match(str(value).strip()) if isinstance(value, str) else None
    if match is None:
        return
    years = [int(y) for y in match.groups()[::2] if y]
    if any(not YEARS[0] <= y <= YEARS[1] for y in years):
        bad("E195", "period", f"a year outside {YEARS[0]}-{YEARS[1]}", value,
            "write the month of the report, e.g. period: 2023-11")


def _previous(value, folder: Path, bad) -> None:
    from nlg.config.schema import portable

    if not isinstance(value, str) or not value.strip():
        return
    path = folder / portable(value.strip())
    if path.is_dir() and not (path / "report.yaml").is_file():
        bad("E196", "previous", "the folder holds no report.yaml", value,
            "give the previous month's report folder, e.g. previous: ../2023-10")
