"""The `sitrep` command: parses arguments, calls the library, prints, exits.

Exit codes: 0 success, 1 findings (check, lint), 2 an error the user can fix.
"""
from __future__ import annotations

import argparse
import importlib
import importlib.util
import sys
from pathlib import Path

from nlg.errors import DataError, SitrepError
from nlg.lang import DEFAULT, REFERENCE
from nlg.model import Lang

EPILOG = ("Docs: sitrep --help-topics (offline) or {url}. "
          "Exit codes: 0 ok, 1 findings, 2 error.")


class _Topics(argparse.Action):
    """``--help-topics [TOPIC]``: print the topics (or one), then exit like ``--help``."""

    def __call__(self, parser, namespace, value, option_string=None):
        from nlg.cli import topics as cli_topics

        text = cli_topics.listing() if not value else cli_topics.topic(value)
        if text is None:
            parser.exit(2, f"sitrep: unknown help topic {value!r}\n{cli_topics.listing()}")
        sys.stdout.write(text)
        sys.stdout.flush()
        parser.exit(0)


def _langs(value: str | None) -> tuple[Lang, ...] | None:
    """Return the languages asked for (None: the report's, from its report.yaml)."""
    return None if value is None else (Lang(value),)


def _parser() -> argparse.ArgumentParser:
    from nlg.cli.topics import docs_url, version

    epilog = EPILOG.format(url=docs_url())
    p = argparse.ArgumentParser(prog="sitrep", epilog=epilog,
                                description="Draft situation reports from 5W data, in English, Spanish "
                                            "and Portuguese (report.yaml languages:).")
    p.add_argument("--version", action="version", version=f"sitrep-nlg {version()}")
    p.add_argument("--help-topics", action=_Topics, nargs="?", metavar="TOPIC", default=None,
                   help="list the documentation topics, or print one (e.g. report, data, template)")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")
    d = sub.add_parser("draft", help="write the Word drafts of a report folder", epilog=epilog)
    d.add_argument("folder", type=Path, help="report folder (holds report.yaml and the 5W export)")
    d.add_argument("--out", type=Path, default=Path("out"), help="output folder (default: out)")
    d.add_argument("--lang", choices=[x.value for x in Lang],
                   help="one language only (default: the report's languages: in report.yaml, else "
                        + " and ".join(x.value for x in DEFAULT) + ")")
    d.add_argument("--no-comments", action="store_true", help="a clean copy: no review comments")
    d.add_argument("--force", action="store_true",
                   help="redraft over documents edited by reviewers (they are kept as backups)")
    d.add_argument("--template", type=Path, help="the organisation's Word template (.docx/.dotx)")
    d.add_argument("--pdf", action="store_true",
                   help="also write a tagged PDF beside each .docx (Microsoft Word on Windows/macOS "
                        "with docx2pdf installed, else LibreOffice)")
    d.add_argument("--review", action="store_true",
                   help="also write a side-by-side review copy, one column per language")
    v = sub.add_parser("preview", help="print the realised report text", epilog=epilog)
    v.add_argument("folder", type=Path)
    v.add_argument("--lang", choices=[x.value for x in Lang], default=REFERENCE.value)
    for command in (d, v):
        command.add_argument("--phrasebanks", type=Path, metavar="DIR",
                             help="your phrasebank folder, layered over the shipped one "
                                  "(default: 'phrasebanks:' in report.yaml; see sitrep phrasebank init)")
    for name, module in PLUGINS.items():
        if importlib.util.find_spec(module) is not None:
            _plugin(name).register(sub)
    return p


#: Further commands, one module each: ``register(subparsers)`` adds the parser,
#: ``run(args) -> int`` runs it. Imported only when the command is used.
PLUGINS = {"check": "nlg.cli.check", "batch": "nlg.cli.batch", "phrasebank": "nlg.cli.phrasebank",
           "template": "nlg.cli.template", "serve": "nlg.cli.serve", "init": "nlg.cli.init",
           "explain": "nlg.cli.explain"}


def _plugin(command: str):
    return importlib.import_module(PLUGINS[command])


#: At most this many rules are shown, one example each; every problem is in the QA workbook.
SHOWN_RULES = 10


def _example(p) -> str:
    """Return one problem on a line: where, what, the value found (no code, no hint)."""
    where = p.file + (f":{p.row}" if p.row is not None else "")
    where = ": ".join(w for w in (where, f"column '{p.column}'" if p.column else "") if w)
    text = (f"{where}: " if where else "") + p.message
    text += f", got {p.value!r}" if p.value not in (None, "") else ""
    return text if len(text) <= 150 else text[:149] + "…"


def _print_problems(problems, out, *, qa=None, outside: int = 0, kind: str = "data warning") -> None:
    """Print the problems as a summary: counts by code, one example each, where the rest are."""
    from nlg.draft.qa import rules

    if outside:
        print(f"{outside} row(s) outside the report period left out", file=out)
    if not problems:
        if qa is not None:
            print(f"no data problem; QA workbook: {qa.path}", file=out)
        return
    found = rules(problems)
    print(f"{len(problems)} {kind}(s) of {len(found)} kind(s); one example each:", file=out)
    for rule in found[:SHOWN_RULES]:
        print(f"  {rule.code} ×{rule.count}: {_example(rule.example)}", file=out)
    shown = len(found[:SHOWN_RULES])
    rest = len(problems) - shown
    where = qa.path.name if qa is not None else "the QA workbook `sitrep draft` writes"
    if rest:
        print(f"  {rest} more in {where}", file=out)
    if qa is not None:
        print(f"QA workbook (every problem, with the organisation of its row): {qa.path}", file=out)


def _print_warnings(draft, out, qa=None) -> None:
    _print_problems(draft.warnings, out, qa=qa, outside=draft.data.rows_outside_period)


def cmd_draft(args) -> int:
    from nlg.api import prepare
    from nlg.draft.output import write_drafts

    try:
        draft = prepare(args.folder, phrasebanks=args.phrasebanks)
    except DataError as exc:
        return _data_stopped(exc, args)
    _print_stale(draft, args.folder)
    if args.review:                      # an edited review copy stops the run before any draft
        from nlg.draft.review import check_replaceable

        check_replaceable(draft, args.out, force=args.force)
    result = write_drafts(draft, args.out, langs=_langs(args.lang), comments=not args.no_comments,
                          force=args.force, template=args.template)
    for problem in result.warnings:
        print(f"warning: {problem}", file=sys.stderr)
    for w in result.outputs:
        print(f"wrote {w.path}")
        if w.backup:
            print(f"  the reviewer's edited version was kept as {w.backup}")
        for item in w.review:
            print(f"  needs review: {item}")
    if result.qa is not None and result.qa.backup:
        print(f"  the edited QA workbook was kept as {result.qa.backup}")
    _print_warnings(draft, sys.stdout, result.qa)
    if args.review:
        from nlg.draft.review import write_draft_review

        path = write_draft_review(draft, args.out, langs=_langs(args.lang), template=args.template, force=args.force)
        print(f"wrote {path}")
    if args.pdf:
        return _pdfs(result)
    return 0


def _print_stale(draft, folder: Path) -> None:
    """Warn about the drafter's markup (W28x) and (W342) a checkout edited but not installed."""
    for problem in draft.markup_warnings:
        print(f"warning: {problem}", file=sys.stderr)
    if draft.bank.overlay is not None:
        return
    from nlg.phrasebank.layers import stale_checkout, stale_warning

    found = stale_checkout([Path.cwd(), Path(folder)], draft.bank.root)
    if found is not None:
        print(f"warning: {stale_warning(found)}", file=sys.stderr)


def _data_stopped(exc, args) -> int:
    """Print the errors that stopped the draft as a summary, after writing them to the QA workbook."""
    from nlg.config.report import load_config
    from nlg.draft.qa import write_for_errors

    try:
        qa = write_for_errors(load_config(args.folder), exc.problems, args.out)
    except SitrepError:
        qa = None
    if qa is None or len(exc.problems) <= SHOWN_RULES:
        print(f"error: {exc}", file=sys.stderr)
        if qa is not None:
            print(f"QA workbook: {qa.path}", file=sys.stderr)
        return exc.exit_code
    print("error: the data stopped the draft; nothing but the QA workbook was written", file=sys.stderr)
    _print_problems(exc.problems, sys.stderr, qa=qa, kind="error")
    return exc.exit_code


def _pdfs(result) -> int:
    from nlg.word.pdf import to_pdfs

    try:
        for path in to_pdfs([w.path for w in result.outputs]):
            print(f"wrote {path}")
    except SitrepError as exc:
        print(f"error: {exc}\n  the Word drafts were written; only the PDF is missing", file=sys.stderr)
        return exc.exit_code
    return 0


def cmd_preview(args) -> int:
    from nlg.api import prepare, realise_all
    from nlg.realise.textview import render

    draft = prepare(args.folder, phrasebanks=args.phrasebanks)
    _print_stale(draft, args.folder)
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
    try:
        args = _parser().parse_args(argv)
        code = (_plugin(args.command).run(args) if args.command in PLUGINS
                else COMMANDS[args.command](args))
        sys.stdout.flush()     # a closed pipe shows here, not as a traceback at exit
        return code
    except BrokenPipeError:
        return _pipe_closed()
    except SystemExit:          # --help, --version, a usage error: argparse has printed
        try:
            sys.stdout.flush()
        except BrokenPipeError:
            _pipe_closed()
        raise
    except SitrepError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("interrupted; no partial file was left", file=sys.stderr)
        return 130


def _pipe_closed() -> int:
    """Return 0 after pointing stdout at the null device: the reader (``| head``) has had enough."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
