"""`sitrep explain CODE [CODE ...]`: what an error or warning code means, from nlg.codes.

A full code (``E305``, ``[E305]``, ``e305``) prints its entry; the start of one (``E30``,
``W2``) lists the codes that begin so. Exit codes: 0, or 2 when a code is unknown.
"""
from __future__ import annotations

import argparse

HELP = "explain an error or warning code, e.g. sitrep explain E305 (or E3 for a range)"


def register(subparsers) -> argparse.ArgumentParser:
    """Return the `explain` parser added to ``subparsers``."""
    p = subparsers.add_parser("explain", help=HELP, description=HELP,
                              epilog="Every code: sitrep --help-topics codes (docs/codes.md).")
    p.add_argument("codes", nargs="+", metavar="CODE", help="a code such as E305, or its start (E3)")
    return p


def describe(given: str) -> str | None:
    """Return the text shown for ``given`` (a code or the start of codes), None when unknown."""
    from nlg.codes import CODES, moved, section

    code = given.strip().strip("[]").strip().upper()
    entry = CODES.get(code)
    if entry is not None:
        lines = [f"{code}  {entry.severity.value}  ({section(code)})", f"  {entry.title}"]
        if entry.message:
            lines.append(f"  message: {entry.message}")
        if entry.hint:
            lines.append(f"  what to do: {entry.hint}")
        for old, new, why in moved(code):
            lines.append(f"  renumbered: {new} was {old} ({why})")
        return "\n".join(lines) + "\n"
    found = [e for c, e in CODES.items() if code and c.startswith(code)]
    return "".join(f"{e.code}  {e.title}\n" for e in found) or None


def run(args: argparse.Namespace) -> int:
    """Return the exit code after printing each code's meaning."""
    import sys

    status = 0
    for given in args.codes:
        text = describe(given)
        if text is None:
            print(f"error: {given!r} is no sitrep code (see sitrep --help-topics codes)", file=sys.stderr)
            status = 2
        else:
            sys.stdout.write(text)
    return status
