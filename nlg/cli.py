"""The `sitrep` command: parses arguments, calls the library, prints, exits.

Exit codes: 0 success, 1 findings (check, lint), 2 an error the user can fix.
"""
from __future__ import annotations

import argparse
import importlib
import importlib.util
import sys
from collections import Counter
from pathlib import Path

from nlg.errors import SitrepError
from nlg.model import Lang

EPILOG = "Docs: README.md. Exit codes: 0 ok, 1 findings, 2 error."


def _langs(value: str | None) -> tuple[Lang, ...]:
    return tuple(Lang) if value is None else (Lang(value),)


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="sitrep", epilog=EPILOG,
                                description="Draft bilingual (English/Spanish) situation reports from 5W data.")
    p.add_argument("--version", action="version", version="sitrep-nlg 0.1.0")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")
    d = sub.add_parser("draft", help="write the Word drafts of a report folder", epilog=EPILOG)
    d.add_argument("folder", type=Path, help="report folder (holds report.yaml and the 5W export)")
    d.add_argument("--out", type=Path, default=Path("out"), help="output folder (default: out)")
    d.add_argument("--lang", choices=[x.value for x in Lang], help="one language only")
    d.add_argument("--no-comments", action="store_true", help="a clean copy: no review comments")
    d.add_argument("--force", action="store_true",
                   help="redraft over documents edited by reviewers (they are kept as backups)")
    d.add_argument("--template", type=Path, help="the organisation's Word template (.docx/.dotx)")
    d.add_argument("--pdf", action="store_true",
                   help="also write a tagged PDF beside each .docx (needs LibreOffice)")
    d.add_argument("--review", action="store_true",
                   help="also write a side-by-side English | Spanish review copy")
    v = sub.add_parser("preview", help="print the realised report text", epilog=EPILOG)
    v.add_argument("folder", type=Path)
    v.add_argument("--lang", choices=[x.value for x in Lang], default="en")
    for name, module in PLUGINS.items():
        if importlib.util.find_spec(module) is not None:
            _plugin(name).register(sub)
    return p


#: Further commands, one module each: ``register(subparsers)`` adds the parser,
#: ``run(args) -> int`` runs it. Imported only when the command is used.
PLUGINS = {"check": "nlg.cli_check", "batch": "nlg.cli_batch", "phrasebank": "nlg.cli_phrasebank",
           "template": "nlg.cli_template"}


def _plugin(command: str):
    return importlib.import_module(PLUGINS[command])


def _print_warnings(draft, out) -> None:
    warnings = draft.warnings
    if draft.data.rows_outside_period:
        print(f"{draft.data.rows_outside_period} row(s) outside the report period left out", file=out)
    if not warnings:
        return
    counts = Counter(w.code for w in warnings)
    print(f"{len(warnings)} data warning(s): " +
          ", ".join(f"{code} ×{n}" for code, n in sorted(counts.items())), file=out)
    for w in warnings[:20]:
        print(f"  warning: {w}", file=out)
    if len(warnings) > 20:
        print(f"  … and {len(warnings) - 20} more", file=out)


def cmd_draft(args) -> int:
    from nlg.api import prepare
    from nlg.output import write_drafts

    draft = prepare(args.folder)
    result = write_drafts(draft, args.out, langs=_langs(args.lang), comments=not args.no_comments,
                          force=args.force, template=args.template)
    for w in result.outputs:
        print(f"wrote {w.path}")
        if w.backup:
            print(f"  the reviewer's edited version was kept as {w.backup}")
        for item in w.review:
            print(f"  needs review: {item}")
    _print_warnings(draft, sys.stdout)
    if args.review:
        from nlg.review import write_draft_review

        print(f"wrote {write_draft_review(draft, args.out, langs=_langs(args.lang), template=args.template, force=args.force)}")
    if args.pdf:
        return _pdfs(result)
    return 0


def _pdfs(result) -> int:
    from nlg.pdf import to_pdfs

    try:
        for path in to_pdfs([w.path for w in result.outputs]):
            print(f"wrote {path}")
    except SitrepError as exc:
        print(f"error: {exc}\n  the Word drafts were written; only the PDF is missing", file=sys.stderr)
        return exc.exit_code
    return 0


def cmd_preview(args) -> int:
    from nlg.api import prepare, realise_all
    from nlg.textview import render

    draft = prepare(args.folder)
    lang = Lang(args.lang)
    sys.stdout.write(render(realise_all(draft, (lang,))[lang]))
    _print_warnings(draft, sys.stderr)
    return 0


COMMANDS = {"draft": cmd_draft, "preview": cmd_preview}


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    args = _parser().parse_args(argv)
    try:
        if args.command in PLUGINS:
            return _plugin(args.command).run(args)
        return COMMANDS[args.command](args)
    except SitrepError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("interrupted; no partial file was left", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
