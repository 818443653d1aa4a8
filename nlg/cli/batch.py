"""`sitrep batch ROOT --out OUT [--jobs N] [--force]`: draft every report folder under ROOT.

Loaded by nlg.cli.sitrep through its PLUGINS registry; heavy imports happen inside :func:`run`.
Exit codes: 0 nothing failed (skips are not failures), 1 at least one report failed,
2 the batch could not start (ROOT missing, no report folder, OUT not writable).
"""
from __future__ import annotations

import argparse
from pathlib import Path

HELP = "draft every report folder under ROOT (in parallel, skipping what is up to date)"
EPILOG = ("Writes OUT/{country}_{period}_{lang}.docx for each folder holding report.yaml, and "
          "OUT/manifest.json. Docs: sitrep --help-topics batch. Exit codes: 0 ok, 1 a report failed, 2 error.")
WIDTH = 28


def _jobs(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def register(subparsers) -> None:
    """Return after adding the ``batch`` command to ``subparsers``."""
    b = subparsers.add_parser("batch", help=HELP, description=HELP, epilog=EPILOG)
    b.add_argument("root", type=Path, metavar="ROOT", help="folder searched for report folders")
    b.add_argument("--out", type=Path, required=True, help="output folder for all reports")
    b.add_argument("--jobs", type=_jobs, default=None, metavar="N",
                   help="reports drafted at once (default: the number of CPUs; 1: no worker processes)")
    b.add_argument("--force", action="store_true",
                   help="redraft everything; documents edited by reviewers are kept as backups")


class Progress:
    """A progress bar on a terminal, plain log lines otherwise (both on stderr)."""

    def __init__(self, stream, tty: bool):
        self.stream, self.tty, self.shown = stream, tty, 0

    def __call__(self, outcome, done: int, total: int) -> None:
        from nlg.batch.run import Status

        line = f"[{done}/{total}] {_verb(outcome.status)}: {outcome.report.title}"
        if outcome.status is Status.DRAFTED:
            line += f" in {outcome.seconds:.1f} s ({outcome.reason})"
        elif outcome.reason:
            line += f": {outcome.reason}"
        if not self.tty:
            self.stream.write(line + "\n")
        else:
            if outcome.status in (Status.FAILED, Status.EDITED):
                self._clear()
                self.stream.write(line + "\n")
            self._bar(outcome, done, total)
        self.stream.flush()

    def _bar(self, outcome, done: int, total: int) -> None:
        filled = WIDTH * done // total
        name = (outcome.report.key or outcome.report.label)[-30:]
        text = f"[{'#' * filled}{'.' * (WIDTH - filled)}] {done}/{total} {name}"
        self.stream.write("\r" + text.ljust(self.shown))
        self.shown = max(self.shown, len(text))

    def _clear(self) -> None:
        if self.shown:
            self.stream.write("\r" + " " * self.shown + "\r")
            self.shown = 0

    def close(self) -> None:
        """Return after removing the bar from the terminal."""
        if self.tty:
            self._clear()
            self.stream.flush()


def _verb(status) -> str:
    return {"drafted": "drafted", "up-to-date": "up to date", "edited": "kept (edited)",
            "failed": "FAILED"}[status.value]


def summary(result) -> str:
    """Return the end-of-run summary: counts, then one line per edited or failed report."""
    from nlg.batch.run import Status

    n = len(result.outcomes)
    lines = [f"{n} report{'s' if n != 1 else ''} in {result.seconds:.1f} s "
             f"({result.jobs} job{'s' if result.jobs != 1 else ''})",
             f"  drafted:                         {result.count(Status.DRAFTED)}",
             f"  skipped, up to date:             {result.count(Status.UP_TO_DATE)}",
             f"  skipped, edited by a reviewer:   {result.count(Status.EDITED)}",
             f"  failed:                          {result.count(Status.FAILED)}"]
    for status, title in ((Status.EDITED, "Edited by a reviewer, not overwritten"),
                          (Status.FAILED, "Failed")):
        items = [o for o in result.outcomes if o.status is status]
        if items:
            lines.append(f"{title}:")
            lines += [f"  {o.report.title}: {o.reason}" for o in items]
    warned = [o for o in result.outcomes if o.warnings]
    if warned:
        total = sum(len(o.warnings) for o in warned)
        lines.append(f"{total} data warning(s) in {len(warned)} report(s); each report's "
                     "{country}_{period}_qa.xlsx lists them")
    for o in result.outcomes:
        lines += [f"  {o.report.key}: the edited version was kept as {b}" for b in o.backups]
    lines += [f"note: {note}" for note in result.notes]
    from nlg.batch.review import rows, table

    review = table(rows(result.outcomes))
    if review:
        lines += review.rstrip("\n").splitlines()
    lines.append(f"manifest: {result.manifest}")
    if result.review is not None:
        lines.append(f"review workbook (every bullet to review, by report): {result.review}")
    return "\n".join(lines) + "\n"


def run(args) -> int:
    """Return the exit code after running the batch described by ``args``."""
    import sys

    from nlg.batch.run import run_batch

    progress = Progress(sys.stderr, sys.stderr.isatty())
    try:
        result = run_batch(args.root, args.out, jobs=args.jobs, force=args.force,
                           on_outcome=progress)
    finally:
        progress.close()
    sys.stdout.write(summary(result))
    _stale(args.root)
    return 1 if result.failed else 0


def _stale(root: Path) -> None:
    """Warn (W342) when this checkout's phrasebanks/ was edited but the drafts read an installed copy."""
    import sys

    from nlg.phrasebank.bank import default_dir
    from nlg.phrasebank.layers import stale_checkout, stale_warning

    found = stale_checkout([Path.cwd(), Path(root)], default_dir())
    if found is not None:
        print(f"warning: {stale_warning(found)}", file=sys.stderr)
