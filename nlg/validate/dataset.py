"""Validate stage: turn :class:`nlg.load.table.RawTable` rows into a :class:`nlg.model.Dataset`.

Every problem of every file is collected before one :class:`DataError` is raised.
Warnings do not stop the draft; they are returned in ``Dataset.warnings``.
Rows of other months, and rows of another country (W212), are left out and
counted in ``Dataset.rows_outside_period``; ``Activity.country`` is the ISO
alpha-3 code. Counts written as text follow one thousands convention per file
(see :mod:`nlg.validate.values`). Codes E201-E204 are raised by :mod:`nlg.load.table`.

Codes: E205-E217 (E201-E204, E218, E230, E231 come from :mod:`nlg.load.table` and :mod:`nlg.api`)
and W201-W225, W270; each has one meaning in :mod:`nlg.codes` (``docs/codes.md``).

Admin1 cells are matched against R4V's admin1 list and ISO 3166-2 and replaced by
the official spelling; a national row (admin1 = the country, "Country level" ...)
gets ``admin1 = ""`` and ``national = True`` (see :func:`nlg.places.admin1_match`).
"""
from __future__ import annotations

import dataclasses
import difflib
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from nlg.errors import DataError, did_you_mean, error, warning
from nlg.load.columns import (
    AGE_GENDER_FIELDS,
    COUNT_FIELDS,
    FIELDS,
    ONE_OF_COUNTS,
    POPULATION_FIELDS,
    REQUIRED,
    SYNONYMS,
    header_field,
    map_columns,
    norm_header,
    resolve_field,
)
from nlg.load.scope import LeftOut
from nlg.load.table import RawTable, gc_paused
from nlg.model import Dataset, Problem
from nlg.places import admin1_match, country_suggestion, is_alpha3
from nlg.validate.build import build_activities
from nlg.validate.cols import (
    Where,
    amount_column,
    bool_column,
    country_column,
    indicator_codes,
    money_column,
    month_column,
    month_of,
    text_column,
)
from nlg.validate.read import (
    TEXT_LIKE,
    decimals_warning,
    flag_column,
    mojibake_warning,
    repair_columns,
    repair_headers,
    resolve_admin1,
    unknown_columns,
)
from nlg.validate.rules import Columns, quality_warnings
from nlg.validate.values import number_style

TEXT_FIELDS = ("admin1", "admin2", "appealing_org", "implementing_partner", "sector_label",
               "indicator_label", "indicator_code", "activity_name", "delivery_mechanism",
               "indicator_type", "platform")
_BREAKDOWN = frozenset(POPULATION_FIELDS + AGE_GENDER_FIELDS)
_MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
#: Kept cell types a numeric column can hold without the file's thousands convention mattering.
_TYPED_NUMBERS = frozenset((int, float, bool, type(None)))
_NAMES = {"country": "Country", "admin1": "Admin1", "month": "Month",
          "appealing_org": "Appealing organisation", "sector_label": "Sector",
          "indicator_label": "Indicator"}


@dataclass(frozen=True)
class _Context:
    country: str
    first: str
    last: str
    user_map: Mapping[str, str]
    countries: tuple[str, ...] = ()     # a multi-country report: every country kept

    @property
    def members(self) -> frozenset[str]:
        """Return the codes whose rows are kept."""
        return frozenset(self.countries or (self.country,))

    @property
    def named(self) -> str:
        """Return who the report is for, as warnings name it ("PER", "ARG, BOL, PRY, URY")."""
        return ", ".join(self.countries) if self.countries else self.country


@dataclass
class _Result:
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    activities: list = field(default_factory=list)
    outside: int = 0
    months: set[str] = field(default_factory=set)
    used_map: set[str] = field(default_factory=set)


def validate(tables: Sequence[RawTable], *, period: tuple[str, str], country: str = "",
             column_map: Mapping[str, str] = {}, countries: Sequence[str] = ()) -> Dataset:
    """Return the validated rows of the report's period and country, with warnings.

    ``countries`` (several ISO codes) makes a multi-country report: the rows of every one of
    them are kept, each with its own country (``country`` is then not used).
    """
    with gc_paused():
        return _validate(tables, _context(period, country, column_map, countries))


def _validate(tables: Sequence[RawTable], ctx: _Context) -> Dataset:
    """Return the Dataset of the tables (see :func:`validate`)."""
    total = _Result()
    for table in tables:
        part = _check_table(table, ctx)
        total.errors += part.errors
        total.warnings += list(getattr(table, "notes", ())) + part.warnings
        total.activities += part.activities
        total.outside += part.outside
        total.months |= part.months
        total.used_map |= part.used_map
    total.warnings += [warning("W218", f"column_map entry {key!r} matches no column",
                               value=key, hint="check the header text in column_map")
                       for key in ctx.user_map if key not in total.used_map]
    if not total.errors and not total.activities:
        total.errors.append(_no_rows(tables, ctx, total.months))
    if total.errors:
        raise DataError(problems=total.errors)
    return Dataset(activities=tuple(total.activities), files=tuple(t.file for t in tables),
                   warnings=tuple(total.warnings), rows_outside_period=total.outside,
                   rows_read=sum(len(t.rows) + (t.left_out.rows if t.left_out else 0)
                                 for t in tables))


def _context(period: tuple[str, str], country: str, column_map: Mapping[str, str],
             countries: Sequence[str] = ()) -> _Context:
    """Return the checked report arguments; raise DataError (E212/E216/E217) if wrong."""
    problems = []
    codes = [str(c).strip().upper() for c in countries] if countries else [str(country).strip().upper()]
    for given, code in zip(countries or [country], codes):
        if not is_alpha3(code):
            close = country_suggestion(str(given))
            problems.append(error("E212", "the report's country must be an ISO 3166-1 alpha-3 code"
                                  + (f" (did you mean {close!r}?)" if close else ""),
                                  value=str(given), hint="e.g. PER for Peru, COL for Colombia"))
    code = "" if countries else codes[0]
    first, last = (tuple(period) + ("", ""))[:2] if isinstance(period, (tuple, list)) else ("", "")
    if not (_MONTH.match(str(first)) and _MONTH.match(str(last)) and first <= last):
        problems.append(error("E217", "the period must be two months \"YYYY-MM\", first <= last",
                              value=str(period), hint="e.g. ('2023-01', '2023-11')"))
    user_map = {}
    for header, name in column_map.items():
        target = resolve_field(str(name))
        if target is None:
            problems.append(error("E216", f"column_map maps {header!r} to an unknown field"
                                  + did_you_mean(str(name), FIELDS), value=str(name),
                                  hint="use a field name such as total_monthly or admin1"))
        else:
            user_map[norm_header(str(header))] = target
    if problems:
        raise DataError(problems=problems)
    return _Context(code, str(first), str(last), user_map,
                    tuple(dict.fromkeys(codes)) if countries else ())


def _no_rows(tables: Sequence[RawTable], ctx: _Context, months: set[str]) -> Problem:
    """Return E211: no row of the files is in the period."""
    found = f"; the files cover {min(months)} to {max(months)}" if months else ""
    return error("E211", f"no row is in the report period {ctx.first} to {ctx.last}{found}",
                 file=", ".join(t.file for t in tables),
                 hint="check the period in report.yaml or export the right months")


def _check_table(table: RawTable, ctx: _Context) -> _Result:
    """Return the activities, errors and warnings of one file."""
    result = _Result()
    headers, repaired = repair_headers(table.headers)
    if repaired:
        table = dataclasses.replace(table, headers=headers)
    found, duplicates = map_columns(table.headers, table.hxl, ctx.user_map)
    result.used_map = {norm_header(h) for h in table.headers if norm_header(h) in ctx.user_map}
    result.warnings += [warning("W216", f"columns {table.headers[a]!r} and {table.headers[b]!r} "
                                f"both give {name}; the first is used", file=table.file,
                                row=table.header_row, column=table.headers[b],
                                hint="delete or rename one of them")
                        for name, a, b in duplicates]
    result.warnings += unknown_columns(table.file, table.header_row, table.headers, table.hxl,
                                       _known(table, ctx.user_map))
    result.errors += _missing(table, found)
    left = table.left_out or LeftOut()
    if result.errors or not (table.rows or left.rows):
        return result
    heads = {name: table.headers[i] for name, i in found.items()}
    # one transpose, then whole columns
    columns = list(zip(*(row for _, row in table.rows))) or [()] * len(table.headers)
    cells, example = repair_columns(columns, [i for f, i in found.items() if f in TEXT_LIKE],
                                    left.cells)
    result.warnings += mojibake_warning(table.file, repaired + cells, example)
    result.outside += left.rows          # rows of other months left out before conversion
    result.months |= {month_of(v) for v in left.months}
    if not table.rows:
        result.warnings += _other_countries(table, found, heads, ctx, {}, left)
        return result
    numbers = [n for n, _ in table.rows]
    keep, months, codes = _in_scope(table, columns, numbers, found, heads, ctx, result, left)
    if keep is None or keep:
        _convert(table, columns, (keep, numbers, months, codes), found, heads, ctx, result, left)
    return result


def _known(table: RawTable, user_map: Mapping[str, str]) -> set[int]:
    """Return the indexes of the columns whose header names a field (used or not)."""
    hxl = table.hxl or ()
    return {i for i, h in enumerate(table.headers)
            if header_field(h, hxl[i] if i < len(hxl) else None, user_map)}


def _missing(table: RawTable, found: Mapping[str, int]) -> list[Problem]:
    """Return E205 for each required column the file lacks."""
    out = []
    wanted = [(f, _NAMES[f], SYNONYMS[f]) for f in REQUIRED if f not in found]
    if not any(f in found for f in ONE_OF_COUNTS):
        names = [SYNONYMS[f][0] for f in ONE_OF_COUNTS]
        wanted.append((ONE_OF_COUNTS[0], " or ".join(names),
                       sum((SYNONYMS[f] for f in ONE_OF_COUNTS), ())))
    spare = [h for i, h in enumerate(table.headers) if h and i not in found.values()]
    for _, label, synonyms in wanted:
        close = _closest(spare, synonyms)
        hint = (f"the file has {close!r}: rename it or map it in column_map" if close else
                "expected a header such as " + ", ".join(repr(s) for s in synonyms[:3]))
        out.append(error("E205", f"required column {label} is missing", file=table.file,
                         row=table.header_row, hint=hint))
    return out


def _closest(headers: Sequence[str], synonyms: Sequence[str]) -> str | None:
    """Return the header most like one of the synonyms (ratio >= 0.8), or None."""
    best, score = None, 0.8
    for header in headers:
        for synonym in synonyms:
            ratio = difflib.SequenceMatcher(None, header.casefold(), synonym.casefold()).ratio()
            if ratio >= score:
                best, score = header, ratio
    return best


def _in_scope(table: RawTable, columns: list[tuple], numbers: list[int],
              found: Mapping[str, int], heads: Mapping[str, str], ctx: _Context,
              result: _Result, left: LeftOut) -> tuple[list[int] | None, list[str | None], list[str | None]]:
    """Return the indexes of the rows of the period and countries (None: all), their months
    and their countries."""
    months, errs = month_column(columns[found["month"]], numbers,
                                Where(table.file, heads["month"]))
    codes, errs2 = country_column(columns[found["country"]], numbers,
                                  Where(table.file, heads["country"]))
    result.errors += errs + errs2
    result.months |= {m for m in set(months) if m}
    members = ctx.members
    if not left.others and set(codes) <= members and all(
            m is not None and ctx.first <= m <= ctx.last for m in set(months)):
        return None, months, codes                # the usual case: every row is in scope
    admin1 = columns[found["admin1"]] if "admin1" in found else ()
    keep: list[int] = []
    kept_codes: list[str | None] = []
    other: Counter[str] = Counter()
    first_row: dict[str, int] = {}
    unknown: list[int] = []
    for index, (month, code) in enumerate(zip(months, codes)):
        if month is None or code is None:
            continue
        if not ctx.first <= month <= ctx.last:
            result.outside += 1
        elif code and code not in members:
            other[code] += 1
            first_row.setdefault(code, index)
            result.outside += 1
        elif not code and ctx.countries:
            place = str(admin1[index] or "").strip() if admin1 else ""
            guess = _country_of(place, ctx.countries)
            if not guess:
                unknown.append(index)
                result.outside += 1
                continue
            keep.append(index)
            kept_codes.append(guess)
            result.warnings.append(warning(
                "W204", f"country is empty; {guess} is assumed from admin1 {place!r}",
                file=table.file, row=numbers[index], column=heads["country"], value="",
                hint="fill in the country"))
        else:
            keep.append(index)
            kept_codes.append(code or ctx.country)
            if not code:
                result.warnings.append(warning(
                    "W204", f"country is empty; {ctx.country} is assumed", file=table.file,
                    row=numbers[index], column=heads["country"], value="",
                    hint="fill in the country"))
    seen = {code: (count, numbers[first_row[code]], table.rows[first_row[code]][1][found["country"]])
            for code, count in other.items()}
    result.warnings += _other_countries(table, found, heads, ctx, seen, left)
    if unknown:
        result.warnings.append(warning(
            "W270", f"{len(unknown)} row(s) with an empty country left out: their admin1 names "
            f"no single one of the report's countries ({ctx.named})", file=table.file,
            row=numbers[unknown[0]], column=heads["country"], value="",
            hint="fill in the country of these rows"))
    return keep, [months[i] for i in keep], kept_codes


def _other_countries(table: RawTable, found: Mapping[str, int], heads: Mapping[str, str],
                     ctx: _Context, seen: Mapping[str, tuple[int, int, object]],
                     left: LeftOut) -> list[Problem]:
    """Return W212 for each other country of the period: its rows among those read and those
    left out before conversion (``seen`` and ``left.others``: code -> rows, first row, cell)."""
    out = []
    for code in sorted(set(seen) | set(left.others)):
        parts = [p for p in (seen.get(code), left.others.get(code)) if p]
        count = sum(p[0] for p in parts)
        _, row, cell = min(parts, key=lambda p: p[1])
        out.append(warning(
            "W212", f"{count} row(s) for {code} left out: the report is for {ctx.named}",
            file=table.file, row=row, column=heads["country"], value=str(cell),
            hint="export only the report's countries, or check the country column"))
    return out


def _country_of(place: str, countries: tuple[str, ...]) -> str:
    """Return the one report country whose admin1 list names ``place`` ("" if none or several)."""
    if not place:
        return ""
    found = [c for c in countries if (m := admin1_match(c, place)).known and not m.national]
    return found[0] if len(found) == 1 else ""


_NOTHING_LEFT_OUT = LeftOut()


def _convert(table: RawTable, columns: list[tuple], kept: tuple, found: Mapping[str, int],
             heads: Mapping[str, str], ctx: _Context, result: _Result,
             left: LeftOut = _NOTHING_LEFT_OUT) -> None:
    """Convert the kept rows' columns, check the quality rules and build the activities.

    The thousands convention is the file's: when a kept number is written as text (the
    only case where the convention is used), the rows left out are read for theirs too.
    """
    keep, numbers, months, codes = kept
    numeric = [found[f] for f in (*COUNT_FIELDS, "value_usd") if f in found]
    kinds = {type(v) for i in numeric for v in set(columns[i])}
    extra = left.numbers() if left.numbers and kinds - _TYPED_NUMBERS else {}
    style, conflict = number_style(v for i in numeric for v in set(columns[i]).union(extra.get(i, ())))
    if keep is not None:
        numbers = [numbers[i] for i in keep]
    values: dict[str, list] = {}
    errors: list[Problem] = []
    for name, index in found.items():
        column = columns[index] if keep is None else [columns[index][i] for i in keep]
        where = Where(table.file, heads[name])
        if name in TEXT_FIELDS:
            values[name], problems = text_column(column, numbers, where)
            result.warnings += problems
            continue
        if name in COUNT_FIELDS:
            share = name in _BREAKDOWN
            values[name], problems, fractional = amount_column(column, numbers, where, style,
                                                               conflict, share)
            result.warnings += decimals_warning(where, fractional, share)
        elif name in ("covid19", "support_space"):
            values[name], problems = flag_column(column, where)
            result.warnings += problems
            continue
        elif name == "value_usd":
            values[name], problems = money_column(column, numbers, where, style, conflict)
        elif name in ("rmrp", "cva"):
            values[name], problems = bool_column(column, numbers, where, name == "rmrp")
        else:
            continue
        errors += problems
    values["indicator_code"] = indicator_codes(values["indicator_label"],
                                               values.get("indicator_code"))
    values["month"] = months
    result.errors += errors
    result.warnings += quality_warnings(Columns(table.file, numbers, values, heads, ctx.named))
    # each row's own country: a multi-country report keeps several, "" is the report's
    countries = ctx.country if not ctx.countries else codes
    if "admin1" in values:
        values["admin1"], values["national"], problems = resolve_admin1(
            table.file, numbers, values["admin1"], heads.get("admin1"), countries)
        result.warnings += problems
    if not result.errors:
        result.activities = build_activities(table.file, numbers, values, countries)
