"""The QA workbook: every data problem of a report, for the IMO to send back to partners.

``{country}_{period}_qa.xlsx`` is written beside the drafts on every ``sitrep draft`` (and
every report of ``sitrep batch``), also when there is no problem, so a batch run gives each
report the same files; when the data stop the draft (errors) it is written all the same,
with the errors. Sheets:

- **Problems**: one row per warning or error of load, validate and aggregate, with the
  appealing organisation of its row (looked up by file and row number; empty when the
  problem concerns a whole file or column), sorted by file and row;
- **Summary**: counts by rule (code and message, values replaced by ``…``) and by
  organisation.

Nothing here prints. An open workbook (Excel/LibreOffice lock file beside it) stops the
draft before anything is written (E540); one edited since it was generated is kept as
``name.edited-N.xlsx`` and a new one written; a workbook that cannot be written is E541.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from nlg.draft import qa_xlsx
from nlg.errors import OutputError, SitrepError, error
from nlg.model import Activity, Problem, Severity

COLUMNS = ("Organisation", "Code", "Severity", "File", "Row", "Column", "Value", "Message", "Hint")
_WIDTHS = (28, 8, 9, 24, 7, 20, 24, 70, 50)
NO_ROW = "(whole file or column)"
LEFT_OUT = "(row not in the report)"
EMPTY_ORG = "(organisation empty in the row)"
Rows = Mapping[tuple[str, int], str]


@dataclass(frozen=True)
class Rule:
    """One code's problems: how many, the message with its values replaced, the first one."""

    code: str
    severity: str
    template: str
    count: int
    example: Problem


@dataclass(frozen=True)
class QAWritten:
    path: Path
    problems: int
    backup: Path | None = None


def file_name(country: str, period_label: str) -> str:
    """Return the workbook's name, e.g. ``PER_2023-11_qa.xlsx`` (period as in the drafts)."""
    return f"{country}_{period_label}_qa.xlsx"


def organisations(problems: Iterable[Problem], activities: Iterable[Activity]) -> dict:
    """Return {(file, row): appealing organisation} for the rows the problems name."""
    wanted = {(p.file, p.row) for p in problems if p.row is not None}
    if not wanted:
        return {}
    return {key: a.appealing_org for a in activities
            if (key := (a.source.file, a.source.row)) in wanted}


def organisations_from_files(problems: Sequence[Problem], paths: Iterable[Path], *,
                             sheet: str | None = None, column_map: Mapping[str, str] = {}) -> dict:
    """Return {(file, row): organisation} read from the raw files (when the data stopped the draft)."""
    from nlg.load.columns import map_columns, norm_header, resolve_field
    from nlg.load.table import read_table

    wanted = {(p.file, p.row) for p in problems if p.row is not None}
    user = {norm_header(str(h)): f for h, n in column_map.items() if (f := resolve_field(str(n)))}
    found: dict[tuple[str, int], str] = {}
    for path in paths if wanted else ():
        try:
            table = read_table(Path(path), sheet=sheet)
        except SitrepError:
            continue
        index = map_columns(table.headers, table.hxl, user)[0].get("appealing_org")
        if index is None:
            continue
        for number, cells in table.rows:
            if (table.file, number) in wanted and index < len(cells):
                value = cells[index]
                found[(table.file, number)] = "" if value is None else " ".join(str(value).split())
    return found


def template(message: str) -> str:
    """Return a message with its quoted values and numbers replaced, to name a rule.

    >>> template("'Cusco ' is not a first-level subdivision of PER")
    '… is not a first-level subdivision of PER'
    >>> template("46 row(s) for BOL left out; adds up to 1,234, not 9")
    'N row(s) for BOL left out; adds up to N, not N'
    """
    text = re.sub(r"'[^']*'|\"[^\"]*\"", "…", message)
    return re.sub(r"(?<![\w-])\d+(?:[,.]\d+)*(?![\w-])", "N", text)


def rules(problems: Sequence[Problem]) -> list[Rule]:
    """Return one :class:`Rule` per code (errors first, then by code)."""
    by_code: dict[str, list[Problem]] = defaultdict(list)
    for p in problems:
        by_code[p.code].append(p)
    out = []
    for code, items in by_code.items():
        common = Counter(template(p.message) for p in items).most_common(1)[0][0]
        out.append(Rule(code, items[0].severity.value, common, len(items), items[0]))
    return sorted(out, key=lambda r: (r.severity != Severity.ERROR.value, r.code))


def _org(p: Problem, orgs: Rows) -> str:
    """Return the organisation of the problem's row ('' when unknown or empty in the row)."""
    return orgs.get((p.file, p.row), "") if p.row is not None else ""


def _org_label(p: Problem, orgs: Rows) -> str:
    """Return the organisation, or why there is none, for the Summary sheet."""
    if p.row is None:
        return NO_ROW
    if (p.file, p.row) not in orgs:
        return LEFT_OUT
    return orgs[(p.file, p.row)] or EMPTY_ORG


def problem_rows(problems: Sequence[Problem], orgs: Rows) -> list[tuple]:
    """Return the Problems sheet's rows (without the header), sorted by file and row."""
    ordered = sorted(problems, key=lambda p: (p.file, -1 if p.row is None else p.row))
    return [(_org(p, orgs), p.code, p.severity.value, p.file, p.row, p.column, p.value,
             p.message, p.hint) for p in ordered]


def _by_organisation(problems: Sequence[Problem], orgs: Rows) -> list[tuple]:
    groups: dict[str, list[Problem]] = defaultdict(list)
    for p in problems:
        groups[_org_label(p, orgs)].append(p)
    out = []
    for name, items in groups.items():
        errors = sum(p.severity is Severity.ERROR for p in items)
        codes = ", ".join(f"{c} ×{n}" for c, n in sorted(Counter(p.code for p in items).items()))
        out.append((name, len(items), errors, len(items) - errors, codes))
    return sorted(out, key=lambda r: (r[0].startswith("("), -r[1], r[0].casefold()))


def sheets(problems: Sequence[Problem], orgs: Rows, title: str,
           notes: Sequence[str] = ()) -> list[qa_xlsx.Sheet]:
    """Return the Problems and Summary sheets."""
    table = [COLUMNS, *problem_rows(problems, orgs)]
    errors = sum(p.severity is Severity.ERROR for p in problems)
    count = (f"{len(problems)} problem(s): {errors} error(s), {len(problems) - errors} warning(s); "
             "sheet Problems lists each one" if problems else "No problem found in the data.")
    summary: list[tuple] = [(f"QA of the 5W data: {title}",), (count,), *((n,) for n in notes), ()]
    bold = {0}
    bold.add(len(summary))
    summary.append(("Code", "Severity", "Rule", "Problems", "First one"))
    summary += [(r.code, r.severity, r.template, r.count, _where(r.example)) for r in rules(problems)]
    summary.append(())
    bold.add(len(summary))
    summary.append(("Organisation", "Problems", "Errors", "Warnings", "Codes"))
    summary += _by_organisation(problems, orgs)
    return [qa_xlsx.Sheet("Problems", table, frozenset({0}), _WIDTHS, True, True, len(COLUMNS)),
            qa_xlsx.Sheet("Summary", summary, frozenset(bold), (34, 12, 70, 10, 40))]


def _where(p: Problem) -> str:
    return f"{p.file}:{p.row}" if p.row is not None else p.file


def check_not_open(path: Path) -> None:
    """Return when ``path`` is not open in Excel or LibreOffice; else raise E540."""
    from nlg.draft.files import lock_file

    lock = lock_file(path)
    if lock is not None:
        raise OutputError(problems=[error(
            "E540", f"the QA workbook is open in Excel or LibreOffice (lock file {lock.name}); "
            "nothing was written", file=str(path),
            hint=f"close it and run again; if it is not open, delete {lock.name}")])


def write(path: Path, problems: Sequence[Problem], orgs: Rows, *, title: str,
          created: dt.datetime, notes: Sequence[str] = ()) -> QAWritten:
    """Return what was written after saving the QA workbook to ``path`` (atomically)."""
    from nlg.draft.files import backup_path
    from nlg.word.save import write_atomic

    path = Path(path)
    data = qa_xlsx.build(sheets(problems, orgs, title, notes), title=f"QA {title}", created=created,
                         active=0 if problems else 1)
    backup = None
    try:
        if path.exists() and path.read_bytes() != data and qa_xlsx.is_edited(path):
            backup = backup_path(path)
            write_atomic(backup, path.read_bytes())
        write_atomic(path, data)
    except (OSError, OutputError) as exc:
        reason = exc.problems[0].message if isinstance(exc, OutputError) else exc.strerror or exc
        raise OutputError(problems=[error("E541", f"cannot write the QA workbook: {reason}",
                                          file=str(path), hint="close it in Excel and run again")]) from None
    return QAWritten(path, len(problems), backup)


def write_for_errors(config, problems: Sequence[Problem], out: Path) -> QAWritten:
    """Return the QA workbook written when the data stopped the draft (``problems``: the errors)."""
    from nlg.api import created_time
    from nlg.draft.files import ensure_folder

    out = Path(out)
    ensure_folder(out)
    path = path_for(config, out)
    check_not_open(path)
    orgs = organisations_from_files(problems, config.data, sheet=config.sheet,
                                    column_map=dict(config.columns))
    return write(path, problems, orgs, title=title(config),
                 created=created_time(config),
                 notes=("The data stopped the draft: no document was written.",))


def title(config) -> str:
    """Return the report named in the workbook, e.g. 'PER 2023-11 (GTRM)'."""
    platform = f" ({config.platform})" if getattr(config, "platform", "") else ""
    return f"{config.key} {config.period.label}{platform}"


def path_for(config, out: Path) -> Path:
    """Return where the QA workbook of ``config`` goes in ``out``."""
    return Path(out) / file_name(config.key, config.period.file_label)


def write_for_draft(d, out: Path) -> QAWritten:
    """Return the QA workbook written for a drafted report (its data and aggregation warnings)."""
    from nlg.api import created_time

    problems = d.warnings
    data = d.data
    note = f"{data.rows_read} row(s) read, {len(data.activities)} in the report"
    if data.rows_outside_period:
        note += f", {data.rows_outside_period} left out (other months or countries)"
    return write(path_for(d.config, out), problems, organisations(problems, data.activities),
                 title=title(d.config), created=created_time(d.config), notes=(note + ".",))
