"""`sitrep phrasebank lint [DIR]` and `sitrep phrasebank coverage REPORT_DIR`.

Thin: parses, calls :mod:`nlg.lint` or :mod:`nlg.coverage`, prints, returns the
exit code (0 clean, 1 errors found, 2 an error the user can fix, raised as
:class:`~nlg.errors.SitrepError` and printed by :mod:`nlg.cli`).
"""
from __future__ import annotations

import argparse
from pathlib import Path

EPILOG = "Docs: sitrep --help-topics phrasebank. Exit codes: 0 ok, 1 errors found, 2 error."


def register(subparsers) -> None:
    """Add the `phrasebank` command and its actions to the `sitrep` parser."""
    p = subparsers.add_parser("phrasebank", help="check the phrasebank and what it covers",
                              description="Check the phrasebank (the wording of the reports).",
                              epilog=EPILOG)
    actions = p.add_subparsers(dest="phrasebank_action", required=True, metavar="ACTION")
    lint = actions.add_parser(
        "lint", help="report every problem of a phrasebank folder", epilog=EPILOG,
        description="Report every problem of a phrasebank folder at once, each with file:line, "
                    "the entry, what is wrong and a hint. Exit 1 when there is any error.")
    lint.add_argument("dir", nargs="?", type=Path, metavar="DIR",
                      help="phrasebank folder (default: the shipped phrasebanks)")
    lint.add_argument("--json", action="store_true", help="print the findings as JSON")
    cov = actions.add_parser(
        "coverage", help="which indicators (of a report, or of the RMRP catalogues) have entries",
        epilog=EPILOG,
        description="Show which indicators of a report's 5W export(s) have phrasebank entries, in "
                    "which languages, and how many rows fall to the generic fallback. Without a "
                    "report folder: which indicators of each shipped RMRP catalogue have entries.")
    cov.add_argument("report_dir", type=Path, nargs="?", metavar="REPORT_DIR",
                     help="report folder (holds report.yaml); without it: coverage of each shipped "
                          "RMRP catalogue")
    cov.add_argument("--phrasebanks", type=Path, metavar="DIR", help="phrasebank folder (default: shipped)")
    cov.add_argument("--json", action="store_true", help="print the coverage as JSON")


def run(args: argparse.Namespace) -> int:
    """Run a `phrasebank` action; return the exit code."""
    if args.phrasebank_action == "lint":
        return _lint(args)
    return _coverage(args)


def _shown(path: Path) -> str:
    """Return ``path`` relative to the current folder when it is inside it."""
    resolved = path.resolve()
    return str(resolved.relative_to(Path.cwd())) if resolved.is_relative_to(Path.cwd()) else str(path)


def _lint(args: argparse.Namespace) -> int:
    import json

    from nlg.lint import lint
    from nlg.phrasebank import default_dir

    root = args.dir or default_dir()
    result = lint(root, label=_shown(root))
    if args.json:
        print(json.dumps([{**p.__dict__, "severity": p.severity.value} for p in result.problems],
                         ensure_ascii=False, indent=2))
        return 0 if result.ok else 1
    for p in result.problems:
        where = p.file + (f":{p.row}" if p.row else "")
        print(f"{where}: {p.severity.value} [{p.code}] {p.message}")
        if p.value is not None:
            print(f"    text: {p.value}")
        if p.hint:
            print(f"    hint: {p.hint}")
    e, w = len(result.errors), len(result.warnings)
    summary = "no problems" if not (e or w) else f"{e} error(s), {w} warning(s)"
    print(f"{_shown(root)}: {summary}")
    return 0 if result.ok else 1


def _coverage(args: argparse.Namespace) -> int:
    import json

    from nlg.coverage import catalogue_coverage, catalogue_table, report_coverage, table, to_dict

    if args.report_dir is None:
        from nlg import phrasebank

        items = catalogue_coverage(phrasebank.load(args.phrasebanks))
        if args.json:
            print(json.dumps([{"cycle": c.cycle, "total": c.total, "covered": c.covered,
                               "missing": [m[0] for m in c.missing]} for c in items], indent=2))
        else:
            print(catalogue_table(items), end="")
        return 0 if all(not c.missing for c in items) else 1
    cov = report_coverage(args.report_dir, phrasebanks=args.phrasebanks)
    if args.json:
        print(json.dumps(to_dict(cov), ensure_ascii=False, indent=2))
    else:
        print(table(cov), end="")
    return 0
