"""Realise what a multi-country (sub-regional) report adds (docs/subregional.md).

- Key figures per country: a table with a row per country (refugees and migrants when
  report.yaml gives them, people assisted given or computed) and the platform's total.
- The people-reached table as a grid: a row per sector, a column per country, then the total.
- Footnotes that name the countries a counting note is about.

Countries are named from Babel in the document's language; only countries with rows in the
period get a column or a row (the others are named in a footnote).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from nlg import numfmt
from nlg.config.report import Figure, ReportConfig
from nlg.content.facts import ContentPlan, Facts, SectorTotal
from nlg.content.figures import refugees_figure as refugees
from nlg.realise import provenance, reached
from nlg.realise.doc import Table
from nlg.realise.sentences import country_in_text, country_name


def shown(facts: Facts) -> tuple[str, ...]:
    """Return the countries that get a column: those with rows in the period, in order."""
    return tuple(c for c in facts.countries if c in facts.countries_with_rows)


def _names(w, codes) -> str:
    return w.rules.join([country_in_text(w, c) for c in codes], serial_comma=w.config.style.serial_comma)


def country_figures(w, config: ReportConfig, plan: ContentPlan, facts: Facts, label) -> Table | None:
    """Return the key figures per country (None for a single-country report)."""
    if not config.multi:
        return None
    number = lambda n: numfmt.integer(int(n), locale=w.locale)  # noqa: E731
    codes = [c for c in config.countries if c in facts.countries_with_rows or c in config.country_figures]
    given = {c: config.country_figures.get(c, {}) for c in codes}
    with_refugees = any("refugees_and_migrants" in g for g in given.values())
    assisted = dict(plan.assisted_by_country)
    grid, comments = [], []
    for code in codes:
        row, notes = [], []
        if with_refugees:
            figure = given[code].get("refugees_and_migrants")
            row.append(number(figure.value) if figure else "–")
            notes.append(_given_comment(w, figure, label) if figure else "")
        value = assisted.get(code)
        if value is None:
            row.append(label("not_reported") if code in facts.countries_not_reported else "–")
            notes.append("")
        else:
            row.append(number(value))
            notes.append(label("comment_given", source="") if "people_assisted" in given[code]
                         else label("comment_computed", value=number(value)))
        grid.append(tuple(row))
        comments.append(tuple(notes))
    total, total_notes = [], []
    if with_refugees:
        figure, summed = refugees(config)
        total.append(number(figure.value) if figure else "–")
        total_notes.append("" if figure is None else label("comment_sum_countries", value=number(figure.value))
                           if summed else _given_comment(w, figure, label))
    people = plan.people_assisted
    total.append(number(people.shown) if people else "–")
    total_notes.append("" if people is None else label("comment_given", source="")
                       if config.key_figures.get("people_assisted")
                       else label("comment_sum_countries", value=number(people.shown)))
    grid.append(tuple(total))
    comments.append(tuple(total_notes))
    headers = tuple(country_name(w, c) for c in codes) + (label("table_total"),)
    columns = ((label("key_refugees_short"),) if with_refugees else ()) + (label("key_assisted"),)
    return Table(caption=label("key_by_country"), row_label=label("table_country"), headers=headers,
                 cells=tuple(row[-1] for row in grid), values=tuple(0 for _ in headers),
                 comments=tuple(c[-1] for c in comments), columns=columns, grid=tuple(grid),
                 grid_comments=tuple(comments))


def _given_comment(w, figure: Figure, label) -> str:
    source = f": {figure.source}" if figure.source else ""
    if figure.as_of:
        source += f", {label('as_of', date=numfmt.full_date(figure.as_of, locale=w.locale))}"
    return label("comment_given", source=source)


def people_reached_grid(w, facts: Facts, table: Table, label,
                        cell: Callable[[SectorTotal], str]) -> Table:
    """Return the people-reached table with a column per country, then the total."""
    codes = shown(facts)
    grid, comments = [], []
    for i, total in enumerate(facts.sector_totals):
        mine = {c.country: c for c in total.by_country}
        grid.append(tuple(cell(mine[c]) for c in codes) + (table.cells[i],))
        comments.append(tuple(provenance.total_comment(w, mine[c]) for c in codes) + (table.comments[i],))
    columns = tuple(country_name(w, c) for c in codes) + (label("table_total"),)
    return replace(table, columns=columns, grid=tuple(grid), grid_comments=tuple(comments))


def footnotes(w, facts: Facts, label) -> list[str]:
    """Return the counting footnotes of a multi-country report, naming their countries."""
    out = []
    if facts.countries_rmrp_all:
        out.append(label("footnote_rmrp_all_in", countries=_names(w, facts.countries_rmrp_all)))
    if facts.countries_not_reported:
        out.append(label("footnote_not_reported_in", countries=_names(w, facts.countries_not_reported)))
    codes = set(shown(facts))
    cells = [c for t in facts.sector_totals for c in t.by_country if c.country in codes]
    out += reached.no_figure_notes(facts, cells, label)
    missing = [c for c in facts.countries if c not in codes]
    if missing:
        out.append(label("footnote_no_rows", countries=_names(w, missing)))
    return out
