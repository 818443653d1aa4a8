"""Draft every report folder under a root, in parallel, incrementally and reproducibly.

    >>> from nlg.batch.run import run_batch                      # doctest: +SKIP
    >>> result = run_batch("samples/tree", "out", jobs=2)    # doctest: +SKIP
    >>> result.count(Status.DRAFTED), result.failed          # doctest: +SKIP
    (9, False)

A report is skipped when its fingerprint (see :mod:`nlg.batch.plan`) and its outputs match
the manifest, and never overwritten when a reviewer edited one of its outputs (unless
``force``, which keeps the edited file as a backup). One failing report does not stop the
others. Nothing here prints: progress goes to the ``on_outcome`` callback.
"""
from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, replace
from pathlib import Path

from nlg import atomic
from nlg.batch import manifest
from nlg.batch import review as batch_review
from nlg.batch.plan import (
    FileHash,
    Outcome,
    Report,
    Status,
    decide,
    one_line,
    plan,
    relative,
    sha256_file,
    tool_inputs,
    why,
)
from nlg.errors import ConfigError, DataError, OutputError, SitrepError, error

__all__ = ["BatchResult", "Outcome", "Report", "Status", "run_batch", "draft_report"]
OnOutcome = Callable[[Outcome, int, int], None]
SAVE_EVERY = 2.0  # seconds between manifest saves while the batch runs


@dataclass(frozen=True)
class Drafted:
    """What a worker sends back (plain values, cheap to pickle)."""

    status: Status
    reason: str = ""
    outputs: tuple[FileHash, ...] = ()
    backups: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    review: tuple[str, ...] = ()
    seconds: float = 0.0
    peak_rss_mb: float | None = None


@dataclass(frozen=True)
class BatchResult:
    """Every report's outcome, in report order, and where the manifest is."""

    outcomes: tuple[Outcome, ...]
    manifest: Path
    seconds: float
    jobs: int
    notes: tuple[str, ...] = ()
    review: Path | None = None         # batch_review.xlsx (nlg.batch.review)

    def count(self, status: Status) -> int:
        """Return how many reports ended with ``status``."""
        return sum(o.status is status for o in self.outcomes)

    @property
    def failed(self) -> bool:
        """Return True when at least one report failed."""
        return self.count(Status.FAILED) > 0


def peak_rss_mb() -> float | None:
    """Return this process's peak resident memory in MiB (None where unknown, e.g. Windows)."""
    try:
        import resource
    except ImportError:
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1 << 20) if sys.platform == "darwin" else peak / 1024


def draft_report(folder: str, out: str, root: str, force: bool) -> Drafted:
    """Return the result of drafting one report folder (runs in a worker process)."""
    from nlg.api import prepare
    from nlg.draft.output import write_drafts

    start, base = time.perf_counter(), Path(root)
    try:
        draft = prepare(Path(folder))
        result = write_drafts(draft, Path(out), force=force)
    except OutputError as exc:
        edited = any(p.code == "E510" for p in exc.problems)
        status = Status.EDITED if edited else Status.FAILED
        return Drafted(status, one_line(exc, base), seconds=time.perf_counter() - start)
    except DataError as exc:
        qa = _qa_for_errors(Path(folder), exc, Path(out))
        return Drafted(Status.FAILED, one_line(exc, base), qa, seconds=time.perf_counter() - start)
    except SitrepError as exc:
        return Drafted(Status.FAILED, one_line(exc, base), seconds=time.perf_counter() - start)
    except Exception as exc:  # noqa: BLE001  one broken report must not stop the batch
        reason = f"internal error: {type(exc).__name__}: {' '.join(str(exc).split())}"
        return Drafted(Status.FAILED, reason, seconds=time.perf_counter() - start)
    outputs = tuple(FileHash(w.lang.value, w.path.name, sha256_file(w.path)) for w in result.outputs)
    if result.qa is not None:
        outputs += (FileHash("qa", result.qa.path.name, sha256_file(result.qa.path)),)
    warnings = tuple(str(replace(w, file=relative(w.file, base)))
                     for w in (*result.warnings, *draft.warnings))
    backups = [w.backup for w in result.outputs] + [result.qa.backup if result.qa else None]
    return Drafted(Status.DRAFTED, "", outputs, tuple(b.name for b in backups if b),
                   warnings, tuple(dict.fromkeys(f"{w.lang.value}: {r}" for w in result.outputs
                                                 for r in w.review)),
                   time.perf_counter() - start, peak_rss_mb())


def watch_parent() -> None:
    """Return after starting a thread that ends this worker when the batch process dies.

    Without it, workers of a batch killed with ``kill -9`` draft on and then wait forever for
    work; the parent's sentinel becomes ready when it exits, on every platform.
    """
    import multiprocessing
    import threading
    from multiprocessing.connection import wait as ready

    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def watch() -> None:
        ready([parent.sentinel])
        os._exit(3)

    threading.Thread(target=watch, name="sitrep-watch-parent", daemon=True).start()


def _qa_for_errors(folder: Path, exc: DataError, out: Path) -> tuple[FileHash, ...]:
    """Return the QA workbook written for a report the data stopped (none if it cannot be)."""
    from nlg.config.report import load_config
    from nlg.draft.qa import write_for_errors

    try:
        qa = write_for_errors(load_config(folder), exc.problems, out)
    except SitrepError:
        return ()
    return (FileHash("qa", qa.path.name, sha256_file(qa.path)),)


def run_batch(root: str | Path, out: str | Path, *, jobs: int | None = None, force: bool = False,
              on_outcome: OnOutcome | None = None,
              on_plan: Callable[[Sequence[Report]], None] | None = None) -> BatchResult:
    """Return the outcome of every report under ``root`` after drafting into ``out``."""
    from nlg.api import VERSION

    start = time.perf_counter()
    root, out = Path(root), Path(out)
    _check_folders(root, out)
    atomic.clear_stale(out)                       # what a killed run left
    shared = tool_inputs()
    reports = plan(root, out, shared)
    if not reports:
        raise ConfigError(problems=[error("E132", file=str(root))])
    if on_plan:
        on_plan(reports)
    recorded = manifest.read(out)
    run = _Run(reports, out, root, shared, VERSION, on_outcome, recorded.reports)
    todo = [r for r in reports if not run.add_planned(decide(r, recorded.reports.get(r.key), force))]
    reasons = {r.label: why(r, recorded.reports.get(r.key), recorded.shared, shared, force)
               for r in todo}
    workers = max(1, min(jobs or os.cpu_count() or 1, len(todo)))
    try:
        run.draft(todo, workers, force, reasons)
    finally:
        path = run.save(time.perf_counter() - start, workers)
    ordered = tuple(sorted(run.outcomes, key=lambda o: (o.report.key, o.report.label.casefold())))
    review = batch_review.write(out, ordered)            # what needs a human, beside the manifest
    return BatchResult(ordered, path, time.perf_counter() - start, workers,
                       (recorded.note,) if recorded.note else (), review)


def _check_folders(root: Path, out: Path) -> None:
    """Return after checking the root exists and creating the output folder."""
    if not root.is_dir():
        raise ConfigError(problems=[error("E131", file=str(root))])
    from nlg.draft.files import report_folder_as_out

    if (problem := report_folder_as_out(out)) is not None:
        raise problem
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(problems=[error("E504", f"cannot create the output folder: {exc.strerror}",
                                          file=str(out), hint="choose a folder you can write to")]) from None


class _Run:
    """The outcomes gathered so far, reported and saved as they arrive."""

    def __init__(self, reports, out, root, shared, version, on_outcome, recorded):
        self.total, self.out, self.root, self.shared = len(reports), out, root, shared
        self.version, self.on_outcome = version, on_outcome
        self.outcomes: list[Outcome] = []
        # Last run's entries of reports not done yet: kept if this run stops early.
        self.carried = {r.key: recorded[r.key] for r in reports if r.key in recorded}
        self.saved = time.monotonic()

    def add_planned(self, outcome: Outcome | None) -> bool:
        """Return True when the report needs no drafting (its outcome is recorded)."""
        if outcome is None:
            return False
        self.add(outcome)
        return True

    def add(self, outcome: Outcome) -> None:
        """Return after recording, announcing and (now and then) saving one outcome."""
        self.outcomes.append(outcome)
        self.carried.pop(outcome.report.key, None)
        if self.on_outcome:
            self.on_outcome(outcome, len(self.outcomes), self.total)
        if time.monotonic() - self.saved > SAVE_EVERY:
            self.save(0.0, 0)

    def finish(self, report: Report, done: Drafted, why: str = "") -> None:
        """Return after recording a worker's result for ``report`` (``why``: why it was drafted)."""
        drafted = done.status is Status.DRAFTED
        fingerprint = report.fingerprint if drafted else ""
        reason = why if drafted else done.reason
        self.add(Outcome(report, done.status, reason, done.outputs, done.backups,
                         done.warnings, done.review, done.seconds, done.peak_rss_mb, fingerprint))

    def save(self, seconds: float, jobs: int) -> Path:
        """Return the manifest path after writing the outcomes so far."""
        self.saved = time.monotonic()
        data = manifest.build(self.outcomes, self.shared, version=self.version,
                              seconds=seconds, jobs=jobs, carried=self.carried.values())
        return manifest.write(self.out, data)

    def draft(self, todo: list[Report], workers: int, force: bool, reasons: dict[str, str]) -> None:
        """Return after drafting ``todo`` in-process (one worker) or in a process pool."""
        args = (str(self.out), str(self.root), force)
        self.reasons = reasons
        if workers == 1:
            for report in todo:
                self.finish(report, draft_report(str(report.folder), *args), reasons[report.label])
            return
        with ProcessPoolExecutor(max_workers=workers, initializer=watch_parent) as pool:
            pending: dict[Future, Report] = {
                pool.submit(draft_report, str(r.folder), *args): r for r in todo}
            try:
                self._collect(pending)
            except BaseException:
                for future in pending:
                    future.cancel()
                raise

    def _collect(self, pending: dict[Future, Report]) -> None:
        """Return after recording every pending future's result as it completes."""
        while pending:
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in sorted(done, key=lambda f: pending[f].key):
                report = pending.pop(future)
                try:
                    result = future.result()
                except BrokenProcessPool:
                    result = Drafted(Status.FAILED, "the worker process stopped unexpectedly "
                                     "(out of memory or killed); run again with fewer --jobs")
                self.finish(report, result, self.reasons[report.label])
