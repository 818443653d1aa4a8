"""`sitrep template`: write the shipped Word template so an organisation can restyle it.

    sitrep template --out org.docx      # or org.dotx for a Word template file

The file is only ever written to ``--out``: a binary file through a text pipe
(``> org.docx`` in Windows PowerShell 5.1) arrives corrupt.

Restyle the styles (fonts, colours, spacing), header, footer, logo and page setup
in Word or LibreOffice, keep the style names, then draft with
``--template org.docx`` or ``template: org.docx`` in report.yaml.
Loaded by :data:`nlg.cli.sitrep.PLUGINS`; heavy imports happen inside :func:`run`.
"""
from __future__ import annotations

import argparse
from pathlib import Path

HELP = "write the Word template the drafts use, to restyle for your organisation"
SUFFIXES = (".docx", ".dotx")


def register(subparsers) -> argparse.ArgumentParser:
    """Return the `template` sub-parser after adding it to ``subparsers``."""
    p = subparsers.add_parser(
        "template", help=HELP, description=HELP + ". Keep the style names; change their look.",
        epilog="Then: sitrep draft FOLDER --template FILE (or 'template: FILE' in report.yaml).")
    p.add_argument("--out", type=Path, metavar="FILE",
                   help="write to FILE (.docx, or .dotx for a Word template)")
    p.add_argument("--force", action="store_true", help="replace FILE if it exists")
    return p


def run(args: argparse.Namespace) -> int:
    """Return the exit code after writing the template to ``--out`` or standard output."""
    from nlg.errors import OutputError, error
    from nlg.word.assemble import template_package

    out: Path | None = args.out
    if out is None:
        raise OutputError(problems=[error(
            "E530", "the template is a binary .docx file: name the file to write with --out "
            "(it is never written to the terminal or a pipe, where it would arrive damaged)",
            hint="sitrep template --out org.docx")])
    if out.suffix.lower() not in SUFFIXES:
        raise OutputError(problems=[error(
            "E532", f"the template must be a .docx or .dotx file, got {out.suffix or 'no'} "
            "extension", file=str(out), hint="name it e.g. org.docx or org.dotx")])
    if out.exists() and not args.force:
        raise OutputError(problems=[error(
            "E531", file=str(out))])
    from nlg.word.save import write_atomic

    write_atomic(out, template_package(dotx=out.suffix.lower() == ".dotx"))
    print(f"wrote {out}")
    print(f"  restyle it in Word or LibreOffice (keep the style names), then: "
          f"sitrep draft FOLDER --template {out}")
    return 0
