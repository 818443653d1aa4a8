"""Write docs/codes.md, the table of every error and warning code, from nlg/codes.py.

Usage: python tools/codes_table.py [OUT]    (default: docs/codes.md)

The catalogue is the one source; tests/test_codes.py fails when the committed file is not
what this tool writes. Run it after adding or changing a code, and read the diff.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from nlg.codes import CODES, SECTIONS, Code, section  # noqa: E402

HEADER = """# Error and warning codes

Generated from `nlg/codes.py` by `python tools/codes_table.py`; do not edit by hand.
`sitrep explain CODE` prints one of them in the terminal.

Every problem is reported as `file:row: column 'header': [code] message, got 'value' (hint: …)`.
Errors (E) stop the command (exit 2; for a draft, nothing but the QA workbook is written);
warnings (W) are counted in the terminal, listed in the QA workbook, flag the bullets they
touch, and the draft continues. `sitrep check` reports its findings with E6xx codes
([check.md](check.md)). Each code has one meaning; the message names what was found.
"""


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _row(entry: Code) -> str:
    kind = "error" if entry.code.startswith("E") else "warning"
    return f"| {entry.code} | {kind} | {_cell(entry.title)} | {_cell(entry.hint)} |"


def anchor(heading: str) -> str:
    """Return the GitHub anchor of a heading (lower case, punctuation dropped, spaces as -)."""
    kept = "".join(c for c in heading.lower() if c.isalnum() or c in " -_")
    return kept.replace(" ", "-")


def table() -> str:
    """Return the text of docs/codes.md."""
    out = [HEADER]
    out += [f"- [{title}](#{anchor(title)})" for _, _, title in SECTIONS]
    for first, last, title in SECTIONS:
        rows = [_row(e) for code, e in CODES.items() if section(code) == title]
        if rows:
            out += ["", f"## {title}", "", "| code | kind | meaning | what to do |", "|---|---|---|---|",
                    *rows]
    return "\n".join(out) + "\n"


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else ROOT / "docs" / "codes.md"
    out.write_text(table(), encoding="utf-8")
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
