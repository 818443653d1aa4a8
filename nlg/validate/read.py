"""Reading real exports: the repairs and notices :mod:`nlg.validate.dataset` makes once per file.

A real platform export is not bad input for the defects real exports have:
each repair below is made silently cell by cell and said ONCE per file (or per
column) with a count, so a 20,000-row export gives a handful of warnings.

Codes W220 (unknown columns), W221/W222 (decimals), W223 (mojibake), W224 (admin1
spellings), W225 (odd Yes/No cells): their meanings are in :mod:`nlg.codes`.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

from nlg.errors import warning
from nlg.model import Problem
from nlg.places import admin1_match
from nlg.validate.cols import Where, shown
from nlg.validate.values import BadValue, parse_bool, repair_mojibake

#: Fields whose cells are text (the mojibake repair applies to them and to unmapped text).
TEXT_LIKE = frozenset(("country", "admin1", "admin2", "appealing_org", "implementation",
                       "implementing_partner", "sector_label", "indicator_label",
                       "indicator_code", "indicator_type", "activity_name",
                       "activity_description", "delivery_mechanism", "platform", "covid19",
                       "support_space", "rmrp", "cva"))


def unknown_columns(file: str, header_row: int, headers: Sequence[str],
                    hxl: Sequence[str] | None, known: set[int]) -> list[Problem]:
    """Return W220 naming, once, every named column that maps to no field."""
    tags = list(hxl or ())
    tags += [""] * (len(headers) - len(tags))
    names = [f"{h} ({t})" if t and t != h else h
             for i, (h, t) in enumerate(zip(headers, tags)) if (h or t) and i not in known]
    if not names:
        return []
    listed = ", ".join(repr(n) for n in names)
    return [warning("W220", f"{len(names)} column(s) not used by the tool: {listed}",
                    file=file, row=header_row, value=None,
                    hint="if one of them carries 5W data, map it in report.yaml "
                         "(columns: {header: field})")]


def repair_headers(headers: Sequence[str]) -> tuple[tuple[str, ...], int]:
    """Return the headers with double-encoded UTF-8 repaired, and how many changed."""
    fixed = tuple(repair_mojibake(h) if h else h for h in headers)
    return fixed, sum(1 for a, b in zip(headers, fixed) if a != b)


def repair_columns(columns: list[tuple], indexes: Sequence[int],
                   left_out: Mapping[int, Mapping[object, int]] = {}) -> tuple[int, tuple[str, str]]:
    """Repair double-encoded UTF-8 in the given columns, in place.

    ``left_out`` gives, per column, the text values (and how many cells hold each) of rows
    left out before conversion (:mod:`nlg.load.scope`): they are counted too, as when every
    row was read. Return how many cells changed and one (as read, repaired) example.
    """
    changed, example = 0, ("", "")
    for index in indexes:
        column = columns[index]
        more = left_out.get(index, {})
        table = {v: repair_mojibake(v) for v in set(column) | set(more)
                 if type(v) is str and not v.isascii()}
        table = {k: v for k, v in table.items() if k != v}
        if table:
            changed += sum(1 for v in column if v in table)
            changed += sum(n for v, n in more.items() if type(v) is str and v in table)
            columns[index] = tuple(table.get(v, v) if type(v) is str else v for v in column)
            if not example[0]:
                example = min(table.items(),
                              key=lambda kv: (not kv[0].isprintable(), len(kv[0]), kv[0]))
    return changed, example


def mojibake_warning(file: str, cells: int, example: tuple[str, str]) -> list[Problem]:
    """Return W223 for a file where double-encoded UTF-8 was repaired in ``cells`` cells."""
    if not cells:
        return []
    shown_as = f' (e.g. "{shown(example[0])}" read as "{shown(example[1])}")' if example[0] else ""
    return [warning("W223", f"double-encoded UTF-8 repaired in {cells} cell(s){shown_as}",
                    file=file, hint="the export was saved as UTF-8 and read again as "
                    "Windows-1252; export it again as UTF-8 (the draft uses the repaired text)")]


def decimals_warning(where: Where, cells: int, kept: bool) -> list[Problem]:
    """Return W221 (breakdown decimals kept) or W222 (count decimals rounded) for a column."""
    if not cells:
        return []
    if kept:
        return [warning("W221", f"{cells} cell(s) hold apportioned decimals; they are summed "
                        "as decimals and the sums shown rounded half-up", file=where.file,
                        column=where.header, hint="nothing to do if the platform apportions "
                        "people over the breakdown (as R4V's apportioning does)")]
    return [warning("W222", f"{cells} cell(s) hold a decimal; each is rounded half-up to a "
                    "whole number", file=where.file, column=where.header,
                    hint="people and items are counted in whole numbers: check these cells")]


def flag_column(values: Sequence, where: Where) -> tuple[list[bool], list[Problem]]:
    """Return a Yes/No column the report does not narrate (blank or unreadable = No), and W225."""
    out: list[bool] = []
    bad: Counter[str] = Counter()
    cache: dict = {}
    for value in values:
        key = (type(value), value)          # True == 1 as a dict key: keep the type apart
        if key not in cache:
            try:
                cache[key] = (parse_bool(value, False), False)
            except BadValue:
                cache[key] = (False, True)
        flag, wrong = cache[key]
        out.append(flag)
        if wrong:
            bad[shown(value)] += 1
    if not bad:
        return out, []
    sample = ", ".join(repr(v) for v, _ in bad.most_common(3))
    return out, [warning("W225", f"{sum(bad.values())} cell(s) are neither Yes nor No "
                         f"({sample}); read as No", file=where.file, column=where.header,
                         hint="write Yes or No")]


def resolve_admin1(file: str, numbers: Sequence[int], names: list[str], header: str | None,
                   country: str | Sequence[str]) -> tuple[list[str], list[bool], list[Problem]]:
    """Return official admin1 names ("" for national rows), national flags, W211 and W224.

    ``country`` is the report's country, or each row's (a multi-country report). W211 (one
    per row) names a cell that is on neither R4V's admin1 list nor ISO 3166-2; W224 (one per
    file) lists the names printed in their official spelling.
    """
    rows = [country] * len(names) if isinstance(country, str) else list(country)
    pairs = list(zip(rows, names))
    found = {pair: admin1_match(*pair) for pair in set(pairs)}
    problems = [warning("W211", f"{name!r} is not a first-level subdivision of {code} "
                        "(R4V admin1 list, ISO 3166-2)", file=file, row=number, column=header,
                        value=name, hint="check the spelling of the department")
                for number, (code, name) in zip(numbers, pairs)
                if name and not found[(code, name)].known]
    matches = {n: found[(c, n)] for c, n in pairs}
    respelled = Counter(n for n in names if matches[n].respelled)
    if respelled:
        shown = ", ".join(f"{n!r} -> {matches[n].name!r}" for n in sorted(respelled))
        problems.append(warning(
            "W224", f"{sum(respelled.values())} admin1 cell(s) written differently from the "
            f"official name are shown as the official name: {shown}", file=file, column=header,
            hint="use R4V's admin1 names in the export"))
    return ([found[p].name for p in pairs], [found[p].national for p in pairs], problems)

