"""`sitrep init FOLDER [--from EXPORT]`: a starter report folder, the first thing a new user runs.

Writes ``report.yaml`` with a comment on every key and every optional key shown (commented
out); with an export, copies it into the folder and fills in the country, period and
platform it points to (the guesses of :mod:`nlg.validate.guess`, as on the web page). Nothing
here prints; an existing report.yaml is never replaced (E151).
"""
from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from nlg.config.report import REPORT_FILE
from nlg.errors import OutputError, SitrepError, error

EXPORT_SUFFIXES = (".xlsx", ".csv")

STARTER = """\
# The settings of one report: edit the values, then run: sitrep draft {folder}
# Every key is explained in README.md, "The report folder" (or: sitrep --help-topics report).
# Lines starting with # are comments; remove the # in front of a key to use it.

{country}
#countries: [ARG, BOL, PRY, URY]   # instead of country: a sub-regional platform's countries
{period}
{platform}
#published: {published}           # the document's date (default: the 28th of the period's month)
#languages: [en, es]             # the drafts' languages
{data}
#sheet: null                     # the sheet of the .xlsx export (default: the first)

key_figures:
  refugees_and_migrants:         # REQUIRED: refugees and migrants in the country (R4V figure), e.g. 1540000
  #refugees_and_migrants: {{value: 1540000, source: "R4V, Government of ...", as_of: {as_of}}}
  #people_assisted: 14971        # default: computed from the 5W with the intersector rule
#people_reached: {{Education: 2954}}   # overrides of the people-reached table, per sector

#funding:
#  funded_usd: 66800000          # digits only: no thousands separators
#  required_usd: 318000000
#  source: Financial Tracking System (FTS)

# Bullets written by the drafter, in both languages (Markdown: **bold**, *italics*, [text](https://...)).
situation:                       # the month's context, e.g.:
#  - en: "On 15 November, the Government **extended the State of Emergency** ..."
#    es: "El 15 de noviembre, el Gobierno **prorrogó el estado de emergencia** ..."
coordination: []
#sector_notes:
#  Integration:
#    - {{en: "...", es: "..."}}
partners: []                     # organisation names, e.g. [UNHCR, IOM, ...]
contacts: []                     # lines of text, or {{en: ..., es: ...}}

#actor: {{en: "R4V partners", es: "los socios de R4V"}}   # who "partners" are in the bullets
#columns: {{}}                    # header text in your export -> field, for unusual exports
#template: org.docx              # your organisation's Word template (sitrep template --out org.docx)
#phrasebanks: my-words           # your own wording (sitrep phrasebank init my-words)
#previous: ../{previous}            # the previous month's folder, for month-over-month changes
#style:
#  number_locale: {{en: en, es: es}}   # es_PE writes 14,971 and "setiembre"
#  bullets_per_sector: 3
#  seed: 0                       # change to get other (aligned) wording variants
#  people_reached_table: period  # or year_to_date: New beneficiaries since January (the export
#                                #   must then hold every month from January)
"""


@dataclass(frozen=True)
class Started:
    """What ``sitrep init`` made."""

    folder: Path
    config: Path
    export: Path | None = None
    country: str = ""
    period: str = ""
    platform: str = ""


def _guess(export: Path):
    from nlg.load.table import read_table
    from nlg.validate.guess import Guess, guess

    try:
        return guess([read_table(export)])
    except SitrepError:
        return Guess()        # the draft reports what is wrong with the export


def _previous(period: str) -> str:
    year, month = (int(x) for x in period.split("-")) if period else (2023, 11)
    return f"{year - 1}-12" if month == 1 else f"{year}-{month - 1:02d}"


def _line(key: str, value: str, comment: str) -> str:
    """Return ``key: value`` with its comment in the comment column."""
    return f"{key + ': ' + value:<33}{comment}"


def starter_text(folder: Path, *, country: str = "", period: str = "", platform: str = "",
                 export: str | None = None) -> str:
    """Return the text of a starter report.yaml (guessed values filled in, the rest marked)."""
    guessed = "# guessed from the export: check it"
    year, month = (int(x) for x in period.split("-")) if period else (2023, 11)
    return STARTER.format(
        folder=folder.as_posix(),
        country=_line("country", country, guessed if country else
                      "# REQUIRED: ISO 3166-1 alpha-3 code (PER, COL, ECU ...) or the name"),
        period=_line("period", period, guessed if period else
                     "# REQUIRED: YYYY-MM, or a range 2024-01..2024-02"),
        platform=_line("platform", platform, guessed if platform and country else
                       "# REQUIRED: the platform (GTRM, GIFMM, R4V ...)"),
        published=f"{year}-{month:02d}-28", as_of=f"{year}-{month:02d}-28",
        data=(_line("data", f"[{export!r}]", "# the 5W export(s), relative to this folder") if export else
              "#data: [5w.xlsx]                 # the 5W export(s) (default: every .xlsx/.csv here)"),
        previous=_previous(period),
    )


def start(folder: Path, *, export: Path | None = None) -> Started:
    """Return what was made after creating the starter report folder ``folder``."""
    folder = Path(folder)
    config = folder / REPORT_FILE
    if config.exists():
        raise OutputError(problems=[error(
            "E151", file=str(config))])
    if export is not None:
        export = Path(export)
        if not export.is_file():
            raise OutputError(problems=[error("E152", "the export was not found", file=str(export),
                                              hint="give the .xlsx or .csv file exported from ActivityInfo")])
        if export.suffix.lower() not in EXPORT_SUFFIXES:
            raise OutputError(problems=[error("E152", "the export must be a .xlsx or .csv file",
                                              file=str(export), hint="export the 5W as .xlsx or .csv")])
    folder.mkdir(parents=True, exist_ok=True)
    copied, found = None, None
    if export is not None:
        copied = folder / export.name
        if copied.resolve() != export.resolve():
            shutil.copyfile(export, copied)
        found = _guess(copied)
    text = starter_text(folder, country=found.country if found else "", period=found.period if found else "",
                        platform=found.platform if found else "", export=copied.name if copied else None)
    from nlg.word.save import write_atomic

    write_atomic(config, text.encode("utf-8"))
    return Started(folder, config, copied, *((found.country, found.period, found.platform) if found else ()))
