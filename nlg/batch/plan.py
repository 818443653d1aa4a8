"""Plan a batch: find report folders, fingerprint their inputs, decide draft or skip.

A report's *fingerprint* is the sha256 of everything its drafts depend on: its data files,
report.yaml, the Word template, the phrasebank files, the tool's version and code, and the
previous month's report folder (month-over-month figures). File contents are hashed, never
modification times, so the decision is the same on every machine. Timings play no part.
"""
from __future__ import annotations

import hashlib
import json
import os
import zipfile
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from enum import Enum
from pathlib import Path

from nlg.config.report import REPORT_FILE, ReportConfig, load_config
from nlg.errors import OutputError, SitrepError, error
from nlg.lang import DEFAULT

PACKAGE = Path(__file__).resolve().parents[1]
#: Options of a batch run (a report's own languages are in its report.yaml, an input).
OPTIONS = {"langs": [lang.value for lang in DEFAULT], "comments": True}
#: Modules that serve other commands and never change a draft (name = one of these, or starts
#: with it and '_'). Every other file of the package counts as drafting code.
NOT_DRAFTING = ("__main__", "batch", "check", "cli", "coverage", "lint", "pdf", "review", "textview")


class Status(str, Enum):
    """What the batch did with one report."""

    DRAFTED = "drafted"
    UP_TO_DATE = "up-to-date"
    EDITED = "edited"
    FAILED = "failed"


@dataclass(frozen=True)
class FileHash:
    """One input or output file: its role, its path as shown, its sha256."""

    role: str
    path: str
    sha256: str


@dataclass(frozen=True)
class Report:
    """One report folder found under the batch root, with what it reads and writes."""

    folder: Path
    label: str                       # folder relative to the root, with '/'
    key: str = ""                    # output stem, e.g. PER_2023-11 ('' if report.yaml is invalid)
    country: str = ""
    period: str = ""
    inputs: tuple[FileHash, ...] = ()
    fingerprint: str = ""
    outputs: tuple[Path, ...] = ()
    problem: str = ""                # why it cannot be drafted ('' when it can)

    @property
    def title(self) -> str:
        """Return 'PER 2023-11 (per/2023-11)', or the folder when report.yaml is invalid."""
        return f"{self.country} {self.period} ({self.label})" if self.key else self.label


@dataclass(frozen=True)
class Outcome:
    """What happened to one report, for the summary and the manifest."""

    report: Report
    status: Status
    reason: str = ""
    outputs: tuple[FileHash, ...] = ()
    backups: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    review: tuple[str, ...] = ()
    seconds: float = 0.0
    peak_rss_mb: float | None = None
    fingerprint: str = ""            # recorded in the manifest; '' means "draft next time"


def sha256_file(path: Path) -> str:
    """Return the hex sha256 of a file's bytes."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def one_line(exc: SitrepError, root: Path | None = None) -> str:
    """Return the first problem of an error on one line (files relative to ``root``), with the
    count of the others."""
    first = str(exc) or type(exc).__name__
    if exc.problems:
        problem = exc.problems[0]
        first = str(replace(problem, file=relative(problem.file, root)) if root else problem)
    more = f" (and {len(exc.problems) - 1} more)" if len(exc.problems) > 1 else ""
    return " ".join(first.split()) + more


def shown(path: Path, root: Path) -> str:
    """Return ``path`` relative to ``root`` (or to the tool) with '/', else absolute."""
    for base in (root, PACKAGE.parent):
        try:
            return path.resolve().relative_to(base.resolve()).as_posix()
        except ValueError:
            continue
    return path.resolve().as_posix()


def relative(file: str, root: Path) -> str:
    """Return a problem's file relative to ``root`` when it lies inside, so messages read the same anywhere."""
    if not file:
        return file
    path = Path(os.path.normpath(file))
    if not path.is_absolute():
        path = Path.cwd() / path
    try:
        return path.relative_to(Path(os.path.abspath(root))).as_posix()
    except ValueError:
        return file


def find_reports(root: Path, *, skip: Iterable[Path] = ()) -> list[Path]:
    """Return every folder under ``root`` holding report.yaml, sorted, hidden folders left out."""
    skipped = {os.path.normcase(str(Path(p).resolve())) for p in skip}
    found = []
    for here, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith((".", "__"))
                         and os.path.normcase(str((Path(here) / d).resolve())) not in skipped)
        if REPORT_FILE in files:
            found.append(Path(here))
    return sorted(found, key=lambda p: shown(p, root).casefold())


def tool_inputs(phrasebanks: Path | None = None) -> tuple[FileHash, ...]:
    """Return the inputs every report shares: phrasebank files, default template, tool code."""
    from nlg.phrasebank import bank as phrasebank

    bank = Path(phrasebanks) if phrasebanks else phrasebank.default_dir()
    files = [("phrasebank", p) for p in sorted(bank.rglob("*")) if p.is_file()]
    files += [("code", p) for p in sorted(PACKAGE.rglob("*")) if _drafting_code(p)]
    return tuple(FileHash(role, shown(p, bank.parent if role == "phrasebank" else PACKAGE.parent),
                          sha256_file(p)) for role, p in files)


def _drafting_code(path: Path) -> bool:
    """Return True for a package file that can change a draft (code, template)."""
    if not path.is_file() or path.suffix not in (".py", ".docx", ".dotx", ".yaml"):
        return False
    if "__pycache__" in path.parts:
        return False
    stem = path.stem
    return not any(stem == name or stem.startswith(name + "_") for name in NOT_DRAFTING)


def fingerprint(report_inputs: Iterable[FileHash], shared: Iterable[FileHash]) -> str:
    """Return the sha256 of a report's inputs, the shared inputs, options and tool version."""
    from nlg.api import VERSION
    from nlg.word.seal import key, key_id

    data = {"version": VERSION, "options": OPTIONS, "seal_key": key_id(key()),
            "inputs": [[f.role, f.path, f.sha256] for f in report_inputs],
            "shared": [[f.role, f.path, f.sha256] for f in shared]}
    return hashlib.sha256(json.dumps(data, sort_keys=True).encode("utf-8")).hexdigest()


def _configs(folders: list[Path], root: Path) -> tuple[dict[Path, ReportConfig], dict[Path, str]]:
    """Return the valid configs and, for the others, the reason in one line."""
    configs, problems = {}, {}
    for folder in folders:
        try:
            configs[folder] = load_config(folder)
        except SitrepError as exc:
            problems[folder] = one_line(exc, root)
        except Exception as exc:  # noqa: BLE001  one broken report.yaml must not stop the batch
            problems[folder] = f"internal error: {type(exc).__name__}: {' '.join(str(exc).split())}"[:300]
    return configs, problems


def _key(config: ReportConfig) -> str:
    return f"{config.key}_{config.period.file_label}"


def _previous(config: ReportConfig, by_key: Mapping[str, ReportConfig]) -> ReportConfig | None:
    """Return the previous month's config: ``previous:`` if given, else the one found in the tree."""
    if config.previous is not None:
        try:
            return load_config(config.previous)
        except Exception:  # noqa: BLE001  a broken previous month is that report's problem
            return None
    year, month = config.period.start
    before = f"{year}-{month - 1:02d}" if month > 1 else f"{year - 1}-12"
    return by_key.get(f"{config.key}_{before}")


def _inputs(config: ReportConfig, previous: ReportConfig | None, root: Path) -> tuple[FileHash, ...]:
    """Return the hashed input files of one report (missing files hash as 'missing')."""
    files = [("config", config.folder / REPORT_FILE)] + [("data", p) for p in config.data]
    if config.template:
        files.append(("template", config.template))
    if config.phrasebanks is not None and config.phrasebanks.is_dir():    # the user's wording
        files += [("phrasebank", p) for p in sorted(config.phrasebanks.rglob("*")) if p.is_file()]
    if previous is not None:
        files.append(("previous-config", previous.folder / REPORT_FILE))
        files += [("previous-data", p) for p in previous.data]
    return tuple(FileHash(role, shown(p, root), sha256_file(p) if p.is_file() else "missing")
                 for role, p in files)


def plan(root: Path, out: Path, shared: tuple[FileHash, ...]) -> list[Report]:
    """Return every report under ``root`` with its inputs, fingerprint and outputs."""
    folders = find_reports(root, skip=[out])
    configs, problems = _configs(folders, root)
    by_key = defaultdict(list)
    for config in configs.values():
        by_key[_key(config)].append(config)
    single = {k: v[0] for k, v in by_key.items() if len(v) == 1}
    reports = [Report(f, shown(f, root), problem=problems[f]) for f in problems]
    for config in configs.values():
        key = _key(config)
        inputs = _inputs(config, _previous(config, single), root)
        reports.append(Report(
            config.folder, shown(config.folder, root), key, config.key, config.period.label,
            inputs, fingerprint(inputs, shared),
            (*(out / f"{key}_{lang.value}.docx" for lang in config.languages), out / f"{key}_qa.xlsx"),
            problem=_duplicate(key, by_key[key], root)))
    return sorted(reports, key=lambda r: (r.key, r.label.casefold()))


def _duplicate(key: str, configs: list[ReportConfig], root: Path) -> str:
    """Return the one-line error for a country+period found in several folders ('' if one)."""
    if len(configs) < 2:
        return ""
    where = ", ".join(sorted(shown(c.folder, root) for c in configs))
    country, period = configs[0].key, configs[0].period.label
    return str(error("E130", f"{country} {period} comes from {len(configs)} folders ({where}); "
                     "both would write the same files", hint="keep one folder per country and "
                     "period, or give one of them another period"))


def decide(report: Report, recorded: Mapping | None, force: bool) -> Outcome | None:
    """Return the outcome of a report that is not drafted (invalid, edited, up to date), else None."""
    if report.problem:
        return Outcome(report, Status.FAILED, report.problem)
    ours = (recorded or {}).get("status") in (Status.DRAFTED.value, Status.UP_TO_DATE.value)
    known = {o["path"]: o["sha256"] for o in recorded.get("outputs", ())} if ours else {}
    current = {p: sha256_file(p) for p in report.outputs if p.is_file()}
    hashes = tuple(FileHash(_lang(p), p.name, h) for p, h in current.items())
    # An edited QA workbook does not stop the report: redrafting keeps it as a backup (nlg.draft.qa).
    edited = [p for p, h in current.items()
              if p.suffix == ".docx" and known.get(p.name) != h and _edited(p)]
    before = (recorded or {}).get("fingerprint") or ""
    if edited and not force:
        changed = " (its inputs have changed since)" if before != report.fingerprint else ""
        reason = (f"{', '.join(p.name for p in edited)} edited by a reviewer; not overwritten"
                  f"{changed}; --force redrafts and keeps the edited file as a backup")
        return Outcome(report, Status.EDITED, reason, hashes, fingerprint=before)
    fresh = len(current) == len(report.outputs) and all(
        known.get(p.name) == h for p, h in current.items())
    if not force and fresh and before == report.fingerprint:
        return Outcome(report, Status.UP_TO_DATE, "", hashes,
                       warnings=tuple(recorded.get("warnings", ())),
                       review=tuple(recorded.get("review", ())), fingerprint=before)
    return None


def _lang(path: Path) -> str:
    """Return the language part of an output name ('PER_2023-11_es.docx' -> 'es')."""
    return path.stem.rsplit("_", 1)[-1]


def _edited(path: Path) -> bool:
    """Return True when a reviewer changed the file (or it is not a document sitrep can read)."""
    from nlg.word import save as docx_io

    try:
        return docx_io.is_edited(path)
    except (OutputError, KeyError, OSError, zipfile.BadZipFile):
        return True


def why(report: Report, recorded: Mapping | None, shared_before: Mapping[str, str],
        shared: Iterable[FileHash], force: bool) -> str:
    """Return why a report is drafted: forced, new, which inputs changed, or its outputs."""
    if force:
        return "--force"
    if not recorded or not recorded.get("fingerprint"):
        return "not drafted before" if not recorded else "not drafted by the last run"
    before = {f.get("path"): f.get("sha256") for f in recorded.get("inputs", ())}
    changed = [f.path for f in report.inputs if before.get(f.path) != f.sha256]
    changed += sorted(set(before) - {f.path for f in report.inputs})
    tool = sorted({f.role for f in shared if shared_before.get(f.path) != f.sha256})
    if changed or tool:
        names = [Path(c).name for c in changed] + [f"the tool's {r} files" for r in tool]
        return "changed: " + ", ".join(dict.fromkeys(names))
    return "outputs missing or replaced"
