"""Write the tables of error and warning codes from nlg/codes.py, the one source.

Usage: python tools/codes_table.py            (docs/codes.md and every generated block)
       python tools/codes_table.py --check    (exit 1 and name the stale files; writes nothing)

docs/codes.md is written whole. In README.md, phrasebanks/README.md and docs/*.md a table
between ``<!-- codes E201-E231 W201-W270 -->`` and ``<!-- /codes -->`` is generated too: the
codes (single codes or ranges) of the marker, one row each. tests/test_codes.py fails when a
committed file is not what this tool writes. Run it after adding or changing a code, and read
the diff.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from nlg.codes import CODES, RENUMBERED, SECTIONS, Code, section  # noqa: E402

HEADER = """# Error and warning codes

Generated from `nlg/codes.py` by `python tools/codes_table.py`; do not edit by hand.
`sitrep explain CODE` prints one of them in the terminal.

Every problem is reported as `file:row: column 'header': [code] message, got 'value' (hint: …)`.
Errors (E) stop the command (exit 2; for a draft, nothing but the QA workbook is written);
warnings (W) are counted in the terminal, listed in the QA workbook, flag the bullets they
touch, and the draft continues. `sitrep check` reports its findings with E6xx codes
([check.md](check.md)). Each code has one meaning; the message names what was found.
"""

#: A generated block: the marker names its codes, the table follows up to the end marker.
BLOCK = re.compile(r"(?P<open><!-- codes (?P<spec>[^>]*?) -->\n)(?P<body>.*?)(?P<close><!-- /codes -->)",
                   re.DOTALL)
_ITEM = re.compile(r"^([EW])(\d{3})(?:-[EW]?(\d{3}))?$")



def block_files() -> list[Path]:
    """Return the Markdown files whose code tables are generated blocks."""
    return [ROOT / "README.md", ROOT / "phrasebanks" / "README.md",
            *sorted(p for p in (ROOT / "docs").glob("*.md") if p.name != "codes.md")]


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _row(entry: Code) -> str:
    kind = "error" if entry.code.startswith("E") else "warning"
    return f"| {entry.code} | {kind} | {_cell(entry.title)} | {_cell(entry.hint)} |"


def anchor(heading: str) -> str:
    """Return the GitHub anchor of a heading (lower case, punctuation dropped, spaces as -)."""
    kept = "".join(c for c in heading.lower() if c.isalnum() or c in " -_")
    return kept.replace(" ", "-")


def _renumbered() -> list[str]:
    if not RENUMBERED:
        return []
    return ["", "## Codes that changed number", "",
            "A meaning that shared a code with another was given a free code of its range; the old",
            "code keeps its other meaning.", "",
            "| was | now | what moved |", "|---|---|---|",
            *(f"| {old} | {new} | {_cell(why)} |" for old, new, why in RENUMBERED)]


def table() -> str:
    """Return the text of docs/codes.md."""
    out = [HEADER]
    out += [f"- [{title}](#{anchor(title)})" for _, _, title in SECTIONS]
    if RENUMBERED:
        out.append("- [Codes that changed number](#codes-that-changed-number)")
    for _first, _last, title in SECTIONS:
        rows = [_row(e) for code, e in CODES.items() if section(code) == title]
        if rows:
            out += ["", f"## {title}", "", "| code | kind | meaning | what to do |", "|---|---|---|---|",
                    *rows]
    out += _renumbered()
    return "\n".join(out) + "\n"


def codes_of(spec: str) -> list[str]:
    """Return the catalogued codes a marker names, in order: ``E201-E231 W201 W250-W252``.

    >>> codes_of("E301-E303 W312")
    ['E301', 'E302', 'E303', 'W312']
    """
    out: list[str] = []
    for item in spec.split():
        match = _ITEM.match(item)
        if not match:
            raise ValueError(f"{item!r} is no code or range of codes (E201 or E201-E231)")
        kind, first, last = match.group(1), int(match.group(2)), int(match.group(3) or match.group(2))
        out += [c for c in CODES if c[0] == kind and first <= int(c[1:]) <= last and c not in out]
    return out


def block(spec: str) -> str:
    """Return the generated table of a marker's codes (ends with a newline)."""
    rows = [_row(CODES[c]) for c in codes_of(spec)]
    return "\n".join(["| code | kind | meaning | what to do |", "|---|---|---|---|", *rows]) + "\n"


def update(text: str) -> str:
    """Return ``text`` with every generated block rewritten from the catalogue."""
    return BLOCK.sub(lambda m: m["open"] + block(m["spec"]) + m["close"], text)


def stale() -> list[Path]:
    """Return the files that are not what this tool writes."""
    out = [ROOT / "docs" / "codes.md"] if (ROOT / "docs" / "codes.md").read_text(encoding="utf-8") != table() else []
    return out + [p for p in block_files()
                  if (text := p.read_text(encoding="utf-8")) != update(text)]


def main(argv: list[str]) -> int:
    if argv == ["--check"]:
        bad = stale()
        for path in bad:
            print(f"stale: {path.relative_to(ROOT)} (run python tools/codes_table.py)")
        return 1 if bad else 0
    (ROOT / "docs" / "codes.md").write_text(table(), encoding="utf-8", newline="\n")
    for path in block_files():
        text = path.read_text(encoding="utf-8")
        if update(text) != text:
            path.write_text(update(text), encoding="utf-8", newline="\n")
            print(f"updated {path.relative_to(ROOT)}")
    print("wrote docs/codes.md")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
