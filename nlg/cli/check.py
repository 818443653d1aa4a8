"""`sitrep check DOCX [DOCX ...] [--data REPORT_DIR] [--json]`: the command line of nlg.check.findings.

Only argparse and pathlib are imported here; spaCy and the checks load in :func:`run`.
Exit codes: 0 clean, 1 findings, 2 an error (unreadable file, not a sitrep draft).
"""
from __future__ import annotations

import argparse
from pathlib import Path

HELP = "check reviewed drafts: figures against the stored facts, EN against ES, bullets, flags"
EPILOG = ("Exit codes: 0 clean, 1 findings, 2 error. Docs: sitrep --help-topics check. "
          "Give both languages of a report to compare them.")


def register(subparsers) -> argparse.ArgumentParser:
    """Return the `check` parser added to ``subparsers``."""
    p = subparsers.add_parser("check", help=HELP, description=HELP, epilog=EPILOG)
    p.add_argument("docx", type=Path, nargs="+", metavar="DOCX", help="drafts to check (.docx)")
    p.add_argument("--data", type=Path, metavar="REPORT_DIR",
                   help="report folder: also report facts that changed since drafting")
    p.add_argument("--json", action="store_true", help="print the findings as JSON")
    return p


def run(args: argparse.Namespace) -> int:
    """Return the exit code after checking ``args.docx`` and printing the result."""
    import sys

    from nlg.check.findings import check
    from nlg.check.report import to_json, to_table

    result = check(args.docx, data=args.data)
    sys.stdout.write(to_json(result) if args.json else to_table(result))
    return 0 if result.clean else 1
