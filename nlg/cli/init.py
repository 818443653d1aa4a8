"""`sitrep init FOLDER [--from EXPORT]`: start a report folder (the first command after install).

Loaded by nlg.cli.sitrep through its PLUGINS registry; the work is done by :mod:`nlg.cli.init_folder`.
"""
from __future__ import annotations

import argparse
from pathlib import Path

HELP = "start a report folder: report.yaml with every key explained, the export copied in"


def register(subparsers) -> None:
    """Return after adding the ``init`` command to ``subparsers``."""
    p = subparsers.add_parser(
        "init", help=HELP, description=HELP + ". Country, period and platform are guessed from "
        "the export.", epilog="Then: fill in key_figures.refugees_and_migrants, and run "
        "sitrep draft FOLDER. Docs: sitrep --help-topics report.")
    p.add_argument("folder", type=Path, metavar="FOLDER", help="the report folder to create")
    p.add_argument("--from", dest="export", type=Path, metavar="EXPORT",
                   help="the month's 5W export (.xlsx or .csv), copied into FOLDER")


def run(args: argparse.Namespace) -> int:
    """Return 0 after writing the starter folder and saying what to do next."""
    from nlg.cli.init_folder import start

    made = start(args.folder, export=args.export)
    print(f"wrote {made.config}")
    if made.export is not None:
        print(f"  the export is in the folder: {made.export}")
        guessed = [f"{k} {v}" for k, v in (("country", made.country), ("period", made.period),
                                            ("platform", made.platform)) if v]
        if guessed:
            print(f"  guessed from the export (check them): {', '.join(guessed)}")
    missing = [k for k, v in (("country", made.country), ("period", made.period),
                              ("platform", made.platform)) if not v]
    todo = missing + ["key_figures.refugees_and_migrants"]
    print(f"next: fill in {', '.join(todo)} in {made.config}, then: sitrep draft {made.folder}")
    return 0
