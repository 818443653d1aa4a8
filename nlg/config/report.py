"""Read and validate a report folder's ``report.yaml`` into a :class:`ReportConfig`.

Every problem in the file is collected before :class:`ConfigError` is raised;
unknown keys get a did-you-mean.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

from nlg.errors import ConfigError, error
from nlg.lang import CODES, DEFAULT
from nlg.lang import module as lang_module
from nlg.model import Lang

REPORT_FILE = "report.yaml"
_PERIOD = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])(?:\.\.(\d{4})-(0[1-9]|1[0-2]))?$")


@dataclass(frozen=True)
class Texts:
    """A drafter-written text by language code (report.yaml ``{en: ..., es: ..., pt: ...}``)."""

    texts: Mapping[str, str] = field(default_factory=dict)

    def get(self, lang: Lang) -> str:
        """Return the text in ``lang`` ("" when the drafter did not write it)."""
        return self.texts.get(lang.value, "")

    def first(self) -> str:
        """Return the text shown where a language's is missing: the first given, in language order."""
        return next((self.texts[code] for code in CODES if self.texts.get(code)), "")


#: The former name, from when a report had two languages.
Bilingual = Texts


@dataclass(frozen=True)
class Note(Texts):
    """A drafter note of ``sector_notes``: its texts and the bullet it belongs to.

    ``indicator`` (a phrasebank entry id or an RMRP code, as the bullet's Word comment names it)
    or ``activity`` (a phrasebank activity id) names the bullet the note is the next sentence
    of; neither: a sector-level note, placed after the sector's bullets (docs/notes.md).
    """

    indicator: str = ""
    activity: str = ""

    @property
    def target(self) -> str:
        """Return what the note names, as written ("" for a sector-level note)."""
        return self.activity or self.indicator


def _default_locales() -> Mapping[str, str]:
    return MappingProxyType({code: lang_module(code).NUMBER_LOCALE for code in CODES})


@dataclass(frozen=True)
class Figure:
    """A key figure given by the drafter, with optional source and date."""

    value: float
    source: str = ""
    as_of: dt.date | None = None


@dataclass(frozen=True)
class Funding:
    funded_usd: float
    required_usd: float
    source: str = ""


@dataclass(frozen=True)
class Period:
    """An inclusive range of months, e.g. 2024-01..2024-02."""

    start: tuple[int, int]
    end: tuple[int, int]

    @property
    def first(self) -> str:
        """Return the first month as 'YYYY-MM'."""
        return f"{self.start[0]:04d}-{self.start[1]:02d}"

    @property
    def last(self) -> str:
        """Return the last month as 'YYYY-MM'."""
        return f"{self.end[0]:04d}-{self.end[1]:02d}"

    @property
    def label(self) -> str:
        """Return the period as written in file names ('2023-11' or '2024-01..2024-02')."""
        return self.first if self.start == self.end else f"{self.first}..{self.last}"

    @property
    def file_label(self) -> str:
        """Return the period for file names ('2024-01_2024-02' for a range)."""
        return self.label.replace("..", "_")


@dataclass(frozen=True)
class Style:
    """Per-report style profile (the ``style:`` key). See README."""

    number_locale: Mapping[str, str] = field(default_factory=_default_locales)
    serial_comma: bool = True
    inclusive: bool = True
    bullets_per_sector: int = 3
    small_count: int = 20
    nearly_tolerance: float = 0.02
    about_tolerance: float = 0.03
    sensitive_threshold: int = 10
    national_after: int = 4
    countries_after: int = 3     # a multi-country bullet names up to 3 countries, else "Across N countries"
    change_threshold: float = 0.25
    seed: int = 0
    narrate_non_rmrp: bool = False   # also narrate rows marked RMRP Activity = No (never counted)
    # What the people-reached table counts: "period" (the period's new people: New beneficiaries
    # of its months) or "year_to_date" (R4V's consolidated figure: New beneficiaries since January).
    people_reached_table: str = "period"

    def locale(self, lang: Lang) -> str:
        """Return the number/date locale used for ``lang``."""
        return self.number_locale[lang.value]


@dataclass(frozen=True)
class ReportConfig:
    """A validated report.yaml."""

    folder: Path
    country: str
    period: Period
    platform: str
    key_figures: Mapping[str, Figure]
    published: dt.date | None = None
    data: tuple[Path, ...] = ()
    people_reached: Mapping[str, int] = field(default_factory=dict)
    funding: Funding | None = None
    situation: tuple[Bilingual, ...] = ()
    coordination: tuple[Bilingual, ...] = ()
    sector_notes: Mapping[str, tuple[Note, ...]] = field(default_factory=dict)
    partners: tuple[str, ...] = ()
    contacts: tuple[Bilingual, ...] = ()
    style: Style = field(default_factory=Style)
    columns: Mapping[str, str] = field(default_factory=dict)
    sheet: str | None = None
    template: Path | None = None
    previous: Path | None = None
    actor: Bilingual | None = None
    countries: tuple[str, ...] = ()      # a multi-country (sub-regional) report: its countries
    platform_id: str = ""                # and its platform (nlg/data/platforms.yaml id, or a slug)
    country_figures: Mapping[str, Mapping[str, Figure]] = field(default_factory=dict)
    country_people_reached: Mapping[str, Mapping[str, int]] = field(default_factory=dict)
    phrasebanks: Path | None = None       # the user's phrasebank folder, layered over the shipped one
    languages: tuple[Lang, ...] = DEFAULT   # the languages drafted (report.yaml ``languages:``)

    @property
    def multi(self) -> bool:
        """Return whether the report covers several countries (a sub-regional platform)."""
        return bool(self.countries)

    @property
    def members(self) -> tuple[str, ...]:
        """Return the report's countries (ISO alpha-3): the members, or the one country."""
        return self.countries or (self.country,)

    @property
    def key(self) -> str:
        """Return what names the report's files: the country code, or the platform's id."""
        return self.platform_id if self.countries else self.country


def load_config(folder: Path) -> ReportConfig:
    """Return the validated configuration of the report folder ``folder``."""
    folder = Path(folder)
    path = folder / REPORT_FILE
    if not folder.is_dir():
        raise ConfigError(problems=[error(
            "E101", file=str(folder))])
    if not path.exists():
        raise ConfigError(problems=[error(
            "E102", file=str(folder))])
    return check_text(folder, read_text(path))


def check_text(folder: Path, text: str) -> ReportConfig:
    """Return the configuration ``text`` gives as the report.yaml of ``folder`` (nothing is written).

    The same checks and messages as :func:`load_config`; every problem is raised at once.
    """
    from nlg.config.schema import parse
    from nlg.config.values import screen

    folder = Path(folder)
    path = folder / REPORT_FILE
    raw, problems = screen(_parse_yaml(text, path), folder=folder, file=str(path))
    config = parse(raw, folder=folder, file=str(path), problems=problems)
    if problems:
        raise ConfigError(problems=problems)
    return config


def read_text(path: Path) -> str:
    """Return the text of a report.yaml in any encoding the CSV reader accepts; E103 when not text.

    UTF-8 (with or without a byte-order mark), UTF-16 (Notepad's "Unicode") and the
    Windows code page (Notepad's "ANSI", cp1252) are all read.
    """
    from nlg.load.csv_file import NotText, decode

    data = _read_capped(Path(path))
    try:
        text, _ = decode(data)
    except NotText:
        raise ConfigError(problems=[error(
            "E103", "report.yaml is not a text file (binary content; tried UTF-8, UTF-16 and "
            "cp1252)", file=str(path), value=repr(data[:8]),
            hint="open it in a text editor and save it as UTF-8 text")]) from None
    return text.removeprefix("\ufeff")


#: report.yaml holds settings and a few paragraphs: a larger file is refused (E191), unread.
MAX_BYTES = 1 << 20


def _read_capped(path: Path) -> bytes:
    """Return the bytes of report.yaml; E191 past :data:`MAX_BYTES`, E103 for a device or pipe."""
    if not path.is_file():
        raise ConfigError(problems=[error(
            "E103", "report.yaml is not a regular file (a device, pipe or folder)", file=str(path),
            hint="make report.yaml a text file")])
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise ConfigError(problems=[error(
            "E192", f"report.yaml cannot be read: {exc.strerror or exc}", file=str(path),
            hint="check its permissions; close it in the program that has it open")]) from None
    if len(data) > MAX_BYTES:
        raise ConfigError(problems=[error(
            "E191", f"report.yaml is larger than {MAX_BYTES // 1024:,} KiB (the limit)",
            file=str(path), hint="report.yaml holds settings and short texts; put the data in "
            "the 5W file it names")])
    return data


def _parse_yaml(text: str, path: Path) -> dict:
    from nlg.yamlfile import TooLarge, load

    try:
        raw, twice = load(text)
    except TooLarge as exc:
        raise ConfigError(problems=[error(
            "E190", f"report.yaml is refused: it {exc}", file=str(path),
            hint="write the values out instead of repeating anchors (&name) and aliases (*name)")]) from None
    except RecursionError:
        raise ConfigError(problems=[error(
            "E190", "report.yaml is refused: it nests lists or mappings too deeply", file=str(path),
            hint="report.yaml needs a few levels of indentation at most")]) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        row = mark.line + 1 if mark else None
        reason = getattr(exc, "problem", None) or str(exc)
        raise ConfigError(problems=[error(
            "E104", f"invalid YAML: {reason}", file=str(path), row=row,
            hint="check indentation and quote text that contains ':' or '#'")]) from None
    if not isinstance(raw, dict):
        raise ConfigError(problems=[error(
            "E105", file=str(path), value=type(raw).__name__)])
    if twice:
        raise ConfigError(problems=[error(
            "E141", f"{d.key}: given twice, on lines {d.first} and {d.again} (only one can count)",
            file=str(path), row=d.again, value=d.key,
            hint=f"keep one '{d.key}:' and delete the other") for d in twice])
    return raw


def with_style(config: ReportConfig, **changes: Any) -> ReportConfig:
    """Return ``config`` with style fields replaced (for tests and the API)."""
    return replace(config, style=replace(config.style, **changes))
