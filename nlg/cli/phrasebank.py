"""`sitrep phrasebank lint [DIR]`, `sitrep phrasebank coverage REPORT_DIR`, `sitrep phrasebank init DIR`.

Thin: parses, calls :mod:`nlg.lint.runner` or :mod:`nlg.lint.coverage`, prints, returns the
exit code (0 clean, 1 errors found, 2 an error the user can fix, raised as
:class:`~nlg.errors.SitrepError` and printed by :mod:`nlg.cli.sitrep`).
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
                      help="your phrasebank folder, checked layered over the shipped one as drafting "
                           "uses it (default: the shipped phrasebank)")
    lint.add_argument("--report", type=Path, metavar="FOLDER",
                      help="check the phrasebank the report in FOLDER drafts with ('phrasebanks:')")
    lint.add_argument("--complete", action="store_true",
                      help="check DIR on its own, as a complete phrasebank (for phrasebank authors)")
    lint.add_argument("--json", action="store_true", help="print the findings as JSON")
    init = actions.add_parser(
        "init", help="copy the shipped phrasebank into DIR, to edit", epilog=EPILOG,
        description="Copy the shipped phrasebank into DIR. Edit the copy, then draft with "
                    "'phrasebanks: DIR' in report.yaml or --phrasebanks DIR: it is layered over the "
                    "shipped phrasebank entry by entry, so you may delete what you do not change.")
    init.add_argument("dir", type=Path, metavar="DIR", help="the folder to create")
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
    if args.phrasebank_action == "init":
        return _init(args)
    return _coverage(args)


def _shown(path: Path) -> str:
    """Return ``path`` relative to the current folder when it is inside it."""
    resolved = path.resolve()
    return str(resolved.relative_to(Path.cwd())) if resolved.is_relative_to(Path.cwd()) else str(path)


def _which(args: argparse.Namespace) -> tuple[Path, Path | None]:
    """Return (base, overlay): the phrasebank the lint checks, as drafting would use it."""
    from nlg.phrasebank.bank import default_dir

    shipped = default_dir()
    if args.report is not None:
        from nlg.config.report import load_config

        return shipped, load_config(args.report).phrasebanks
    if args.dir is None or args.complete or args.dir.resolve() == shipped.resolve():
        return args.dir or shipped, None
    return shipped, args.dir


def _lint(args: argparse.Namespace) -> int:
    import json
    import sys

    from nlg.lint.runner import lint

    root, overlay = _which(args)
    result = lint(root, label=_shown(root), overlay=overlay,
                  overlay_label=_shown(overlay) if overlay else None)
    print(_describe(result, args), file=sys.stderr)
    _stale(overlay)
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
    name = _shown(root) if overlay is None else f"{_shown(overlay)} over the shipped phrasebank"
    print(f"{name}: {summary}")
    return 0 if result.ok else 1


def _describe(result, args: argparse.Namespace) -> str:
    """Return the line saying which phrasebank was checked."""
    from nlg.phrasebank.bank import default_dir

    if result.overlay is not None:
        n = result.layers
        return (f"checked {_shown(result.overlay)} layered over the shipped phrasebank "
                f"({default_dir()}), as drafting uses it: {n.replaced} entries replaced, {n.added} "
                f"added, {n.same} the same as shipped (delete those to keep getting the shipped "
                "wording's improvements)")
    if args.complete:
        return f"checked {_shown(result.root)} on its own, as a complete phrasebank"
    if result.root.resolve() == default_dir().resolve():
        return (f"checked the shipped phrasebank ({result.root}), which drafting uses unless a "
                "report names its own ('phrasebanks:' or --phrasebanks DIR)")
    return f"checked {_shown(result.root)}"


def _stale(overlay: Path | None) -> None:
    """Print W342 when this checkout's phrasebank/ is edited but drafting reads an installed copy."""
    import sys

    from nlg.phrasebank.bank import default_dir
    from nlg.phrasebank.layers import stale_checkout, stale_warning

    found = stale_checkout([Path.cwd()], default_dir()) if overlay is None else None
    if found is not None:
        print(f"warning: {stale_warning(found)}", file=sys.stderr)


def _init(args: argparse.Namespace) -> int:
    from nlg.phrasebank.init import init

    made = init(args.dir)
    print(f"wrote {made.folder} ({len(made.files)} files, a copy of the shipped phrasebank)")
    print("  edit it, check it with: sitrep phrasebank lint " + str(made.folder))
    print(f"  draft with it: add 'phrasebanks: {made.folder.as_posix()}' to report.yaml, or "
          f"sitrep draft FOLDER --phrasebanks {made.folder}")
    print("  entries you delete from the copy come from the shipped phrasebank")
    return 0


def _coverage(args: argparse.Namespace) -> int:
    import json

    from nlg.lint.coverage import catalogue_coverage, catalogue_table, report_coverage, table, to_dict

    if args.report_dir is None:
        from nlg.phrasebank import bank as phrasebank

        items = catalogue_coverage(phrasebank.load(overlay=args.phrasebanks))
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
