"""`sitrep --help-topics [TOPIC]`: the documentation, readable where the tool is installed.

The README and ``docs/`` ship inside the package (``nlg/docs``), so a user who installed
with pip, and has no checkout, can still read them in the terminal; the same pages are
online at :func:`docs_url`.
"""
from __future__ import annotations

import re
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parents[1]
#: Used only when the package metadata cannot be read (a checkout that was never installed).
FALLBACK_URL = "https://github.com/r4v-sitrep/sitrep-nlg#readme"

#: topic -> (file, section heading or None for the whole file, one-line description)
TOPICS: dict[str, tuple[str, str | None, str]] = {
    "commands": ("README.md", "Commands", "every command, its options and the exit codes"),
    "report": ("README.md", "The report folder", "report.yaml: every key, with an example"),
    "data": ("README.md", "Data problems (5W files)", "how problems of the 5W data are reported"),
    "codes": ("docs/codes.md", None, "every error and warning code (sitrep explain CODE: one)"),
    "counting": ("README.md", "How figures are counted and shown", "bullets, table, key figures"),
    "install": ("README.md", "Install", "Python 3.11+, Windows PowerShell, macOS, Linux"),
    "phrasebank": ("phrasebanks/README.md", None, "the wording files and how to edit them"),
    "template": ("docs/look.md", None, "the Word template and how to restyle it"),
    "check": ("docs/check.md", None, "sitrep check: what it compares in reviewed drafts"),
    "batch": ("docs/batch.md", None, "sitrep batch: many reports, the manifest, skips"),
    "qa": ("docs/qa.md", None, "the QA workbook sent back to partners"),
    "hedges": ("docs/hedges.md", None, "'over 900', 'nearly 400': when each is used"),
    "methodology": ("docs/methodology.md", None, "the R4V counting rules and their sources"),
    "limits": ("docs/limits.md", None, "size limits, refused values, the seal of embedded data"),
}


def docs_url() -> str:
    """Return the online documentation's address, from the package metadata."""
    from importlib import metadata

    try:
        urls = metadata.metadata("sitrep-nlg").get_all("Project-URL") or []
    except metadata.PackageNotFoundError:
        return FALLBACK_URL
    found = dict(u.split(", ", 1) for u in urls if ", " in u)
    return found.get("Documentation") or found.get("Homepage") or FALLBACK_URL


def version() -> str:
    """Return the installed version of sitrep-nlg (from the package metadata)."""
    from importlib import metadata

    try:
        return metadata.version("sitrep-nlg")
    except metadata.PackageNotFoundError:
        from nlg import __version__

        return __version__


def _file(name: str) -> Path | None:
    if name.startswith("phrasebanks/"):
        from nlg.phrasebank.bank import default_dir

        candidates = [default_dir() / name.split("/", 1)[1]]
    else:
        candidates = [PACKAGE_DIR / "docs" / name, PACKAGE_DIR.parent / name]
    return next((p for p in candidates if p.is_file()), None)


def section(text: str, heading: str) -> str:
    """Return the section of a Markdown ``text`` under ``heading`` (to the next heading as high).

    >>> section("# A\\nx\\n## B\\ny\\n### C\\nz\\n## D\\nw", "B")
    '## B\\ny\\n### C\\nz\\n'
    """
    lines = text.splitlines(keepends=True)
    for i, line in enumerate(lines):
        match = re.match(r"(#+)\s+(.*?)\s*$", line)
        if match and match.group(2) == heading:
            level, out = len(match.group(1)), [line]
            for rest in lines[i + 1:]:
                deeper = re.match(r"(#+)\s", rest)
                if deeper and len(deeper.group(1)) <= level:
                    break
                out.append(rest)
            return "".join(out)
    return ""


def listing() -> str:
    """Return the list of topics, one a line, and where the documentation is online."""
    width = max(map(len, TOPICS))
    lines = [f"  {name:<{width}}  {desc}" for name, (_, _, desc) in TOPICS.items()]
    return ("Help topics (sitrep --help-topics TOPIC prints one):\n" + "\n".join(lines)
            + f"\nOnline documentation: {docs_url()}\n")


def topic(name: str) -> str | None:
    """Return the text of topic ``name``, or None when the topic or its file is unknown."""
    if name not in TOPICS:
        return None
    file, heading, _ = TOPICS[name]
    path = _file(file)
    if path is None:
        return f"This installation lacks {file}; read it online: {docs_url()}\n"
    text = path.read_text(encoding="utf-8")
    return (section(text, heading) if heading else text) or text
