"""The Python API: run the pipeline on a report folder.

    >>> from nlg.api import prepare, draft          # doctest: +SKIP
    >>> d = prepare("samples/peru-2023-11")          # doctest: +SKIP
    >>> result = draft("samples/peru-2023-11", "out")  # doctest: +SKIP

Nothing here prints; problems are raised as :class:`~nlg.errors.SitrepError`
or returned as warnings in the result.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from nlg.config.report import ReportConfig, load_config
from nlg.content import table_story
from nlg.content.aggregate import aggregate, with_previous
from nlg.content.facts import ContentPlan, Facts
from nlg.content.notes import target_problems
from nlg.content.plan import plan as make_plan
from nlg.content.previous import printed
from nlg.content.recognise import recogniser
from nlg.content.select import select
from nlg.errors import ConfigError, DataError, did_you_mean, error
from nlg.model import Dataset, Lang, Problem
from nlg.phrasebank import bank as pb
from nlg.realise.doc import RealisedReport
from nlg.realise.report import realise
from nlg.serialise import SCHEMA, dumps
from nlg.stored import DraftedTexts, Embedded, StoredReport, for_check

if TYPE_CHECKING:
    from nlg.load.table import RawTable

VERSION = "0.1.0"


@dataclass(frozen=True)
class Draft:
    """Everything decided for one report, before any language is realised."""

    config: ReportConfig
    data: Dataset
    facts: Facts
    plan: ContentPlan
    bank: pb.Phrasebank

    @property
    def warnings(self) -> tuple[Problem, ...]:
        """Return the data and aggregation warnings."""
        return self.data.warnings + self.facts.warnings

    @property
    def markup_warnings(self) -> tuple[Problem, ...]:
        """Return the problems of the drafter's texts in report.yaml: markup (W280–W282) and
        notes whose bullet this report does not narrate (W290)."""
        from nlg.content.notes import place, unplaced_warnings
        from nlg.realise.markup_drafted import problems

        placed = place(self.config, self.plan, self.bank, recogniser(self.bank).sector)
        return problems(self.config) + unplaced_warnings(self.config, placed)

    def file_name(self, lang: Lang) -> str:
        """Return the output name, ``{country}_{period}_{lang}.docx`` (a multi-country report:
        the platform's id, ``southern-cone_2022-08_en.docx``)."""
        return f"{self.config.key}_{self.config.period.file_label}_{lang.value}.docx"

    def embedded(self, texts: Mapping[str, DraftedTexts] | None = None) -> str:
        """Return the JSON stored in the .docx for `sitrep check`.

        ``texts`` holds, per language, the realised text of each generated bullet (by key)
        and the drafter's notes per sector, so a check can tell notes from added text.
        """
        report = StoredReport(country=self.config.key, period=self.config.period.label,
                              number_locale=dict(self.config.style.number_locale),
                              countries=tuple(self.config.countries) if self.config.multi else ())
        return dumps(Embedded(schema=SCHEMA, version=VERSION, report=report, facts=for_check(self.facts),
                              plan=self.plan, texts=texts or {}))


def load_data(config: ReportConfig) -> Dataset:
    """Return the validated 5W rows of a report (all files, every problem collected)."""
    return _load(config, (config.period.first, config.period.last))


def year_data(config: ReportConfig) -> Dataset | None:
    """Return the rows from January of the period's last year to its end, for a year-to-date
    people-reached table (``style.people_reached_table: year_to_date``); None otherwise."""
    if config.style.people_reached_table != "year_to_date":
        return None
    return _load(config, (f"{config.period.end[0]:04d}-01", config.period.last))


def _load(config: ReportConfig, months: tuple[str, str]) -> Dataset:
    from nlg.load.table import read_table
    from nlg.validate.dataset import validate
    from nlg.validate.scope import period_scope

    if not config.data:
        raise DataError(problems=[error(
            "E218", file=str(config.folder))])
    tables: list[RawTable] = []
    problems: list[Problem] = []
    scope = period_scope(months, config.country, dict(config.columns), config.countries)
    for path in config.data:
        try:
            tables.append(read_table(path, sheet=config.sheet, scope=scope))
        except DataError as exc:
            problems.extend(exc.problems)
    if problems:
        raise DataError(problems=problems)
    return validate(tables, period=months, country=config.country, column_map=dict(config.columns),
                    countries=config.countries)


def _check_sector_notes(config: ReportConfig, bank: pb.Phrasebank) -> None:
    rec = recogniser(bank)
    names = [n for s in bank.sectors.values() for n in (*s.names.values(), *s.aliases)]
    bad = [error("E123", f"sector_notes.{name}: unknown sector" + did_you_mean(name, names),
                 file=str(config.folder / "report.yaml"),
                 hint="use the English sector name, e.g. Education, WASH, Protection")
           for name in config.sector_notes if not rec.sector(name)]
    bad += target_problems(config, bank, rec.sector)
    if bad:
        raise ConfigError(problems=bad)


def _assisted(config: ReportConfig, facts: Facts) -> int | None:
    """Return people assisted: given in report.yaml, else computed (several countries: the
    sum of each country's, given or computed)."""
    given = config.key_figures.get("people_assisted")
    if given:
        return int(given.value)
    if not config.multi:
        return facts.people_assisted
    known = [n for _, n in assisted_by_country(config, facts) if n is not None]
    return sum(known) if known else None


def assisted_by_country(config: ReportConfig, facts: Facts) -> tuple[tuple[str, int | None], ...]:
    """Return each country's people assisted: given under key_figures.by_country, else computed."""
    out = []
    for code, computed in facts.assisted_by_country:
        given = config.country_figures.get(code, {}).get("people_assisted")
        out.append((code, int(given.value) if given else computed))
    return tuple(out)


def previous_month(period: tuple[int, int]) -> tuple[int, int]:
    """Return the month before ``period``.

    >>> previous_month((2024, 1))
    (2023, 12)
    """
    year, month = period
    return (year - 1, 12) if month == 1 else (year, month - 1)


def find_previous(config: ReportConfig) -> Path | None:
    """Return the previous month's report folder: ``previous:``, else a sibling folder."""
    if config.previous is not None:
        return config.previous
    wanted = previous_month(config.period.start)
    here = config.folder.resolve()
    try:
        siblings = sorted(p for p in here.parent.iterdir() if p.is_dir() and p.resolve() != here
                          and (p / "report.yaml").is_file())
    except OSError:
        return None
    # Folders named after the month first (2023-10, peru_2023-10, 202310); the others only if
    # none of those is it. A sibling's report.yaml that cannot be read is that report's problem.
    label = f"{wanted[0]}-{wanted[1]:02d}"
    named = [p for p in siblings if label in p.name.replace("_", "-") or
             f"{wanted[0]}{wanted[1]:02d}" in p.name]
    for group in (named, [p for p in siblings if p not in named]):
        for sibling in group:
            if _is_month_of(sibling, config.key, wanted):
                return sibling
    return None


def _is_month_of(folder: Path, key: str, wanted: tuple[int, int]) -> bool:
    """Return True when ``folder`` holds the report of ``key`` for the month ``wanted``."""
    try:
        other = load_config(folder)
    except Exception:  # noqa: BLE001  a broken sibling must never stop this report
        return False
    return other.key == key and other.period.start == other.period.end == wanted


def _previous_draft(folder: Path, phrasebanks: Path | None) -> Draft | None:
    """Return the previous month's draft, or None when it cannot be read.

    A broken previous month must not stop this month's report: the comparison is
    simply left out (``sitrep draft`` on that folder shows its own errors).
    """
    try:
        return prepare(folder, phrasebanks=phrasebanks, compare=False)
    except Exception:  # noqa: BLE001  whatever is wrong there is that report's problem
        return None


def prepare(folder: str | Path, *, phrasebanks: Path | None = None,
            compare: bool = True) -> Draft:
    """Return the language-neutral draft of the report in ``folder``.

    ``phrasebanks`` is a user phrasebank folder layered over the shipped one (default: the
    report's ``phrasebanks:``). With ``compare``, the previous month's folder (``previous:`` or a sibling folder of the
    same country) is aggregated too, so notable changes can be stated.
    """
    config = load_config(Path(folder))
    bank = pb.load(overlay=phrasebanks or config.phrasebanks)
    _check_sector_notes(config, bank)
    data = load_data(config)
    facts = aggregate(data, config, bank, year_to_date=year_data(config))
    before_folder = find_previous(config) if compare else None
    before_period, before_assisted, before_printed = None, None, None
    if before_folder is not None:
        before = _previous_draft(before_folder, phrasebanks)
        if before is not None:
            facts = with_previous(facts, before.facts)
            before_period = before.config.period.end
            before_assisted = _assisted(before.config, before.facts)
            before_printed = printed(before.plan, before.facts, before.config, before.bank)
    content = make_plan(select(facts, bank, config.style), config, bank, _assisted(config, facts),
                        previous_period=before_period, people_assisted_previous=before_assisted,
                        assisted_by_country=assisted_by_country(config, facts),
                        printed=before_printed,
                        table=table_story.cells(facts))
    return Draft(config, data, facts, content, bank)


def realise_all(d: Draft, langs: Sequence[Lang] | None = None) -> dict[Lang, RealisedReport]:
    """Return the realised report in each of ``langs`` (default: the report's languages).

    Every document embeds the texts of all the report's languages (and of ``langs``).
    """
    langs = tuple(d.config.languages) if langs is None else tuple(langs)
    reports = {lang: realise(d.plan, d.facts, d.config, d.bank, lang, warnings=d.warnings)
               for lang in dict.fromkeys((*d.config.languages, *langs))}
    embedded = d.embedded({lang.value: drafted_texts(r) for lang, r in reports.items()})
    return {lang: replace(reports[lang], embedded=embedded) for lang in langs}


def drafted_texts(report: RealisedReport) -> DraftedTexts:
    """Return the realised bullet texts by key and the drafter notes by sector (those after
    the sector's bullets, then those ending a bullet: nlg.content.notes)."""
    notes = {b.code: tuple(p.text for p in b.bullets if not p.key)
             + tuple(n for p in b.bullets if p.key for n in p.notes) for b in report.sectors}
    return DraftedTexts(
        bullets={p.key: p.text for b in report.sectors for p in b.bullets if p.key},
        notes={code: texts for code, texts in notes.items() if texts})


def created_time(config: ReportConfig) -> dt.datetime:
    """Return the document's creation time: the publication date, else the period's end."""
    if config.published:
        return dt.datetime.combine(config.published, dt.time(12, 0))
    year, month = config.period.end
    return dt.datetime(year, month, 28, 12, 0)
