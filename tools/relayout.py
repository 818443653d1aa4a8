"""Rewrite references to the flat modules of nlg/ (before the subpackage layout) to their new homes.

    python tools/relayout.py FILE...      rewrite these files in place (idempotent)
    python tools/relayout.py --move       move the modules themselves (done once, on main)
    python tools/relayout.py --all        move, then rewrite every tracked text file: replays on a
                                          branch of the old layout exactly what main's move did

Porting a branch made before the move (its base B older than the move commit M):
    git rebase M^            # onto the commit before the move (old layout)
    python tools/relayout.py --all && git add -A && git commit -m relayout
    git diff M HEAD > ../branch.patch   # the branch's own changes, new layout
    then on a new branch from main: git apply -3 ../branch.patch
A module the branch added at the top of nlg/ stays there: move it by hand to its package.

Rewrites ``nlg.old`` (imports, monkeypatch targets, entry points), ``from nlg import old`` (into
``from nlg.pkg import new as old``, so code using the name is unchanged) and ``nlg/old.py`` paths.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

#: old flat module -> new dotted module under nlg
MOVES: dict[str, str] = {
    "config": "config.report", "config_schema": "config.schema", "config_values": "config.values",
    "platforms": "config.platforms", "config_yaml": "yamlfile",
    "load": "load.table", "load_csv": "load.csv_file", "load_xlsx": "load.xlsx",
    "load_xlsx_package": "load.xlsx_package", "columns": "load.columns",
    "validate": "validate.dataset", "validate_build": "validate.build", "validate_cols": "validate.cols",
    "validate_read": "validate.read", "validate_rules": "validate.rules", "values": "validate.values",
    "phrasebank": "phrasebank.bank", "phrasebank_layers": "phrasebank.layers",
    "phrasebank_init": "phrasebank.init",
    "content": "content.facts", "aggregate": "content.aggregate",
    "aggregate_countries": "content.aggregate_countries", "counting": "content.counting",
    "recognise": "content.recognise", "select": "content.select", "plan": "content.plan",
    "plan_countries": "content.plan_countries", "hedge": "content.hedge",
    "realise": "realise.report", "realise_countries": "realise.countries",
    "sentences": "realise.sentences", "provenance": "realise.provenance", "markup": "realise.markup",
    "markup_drafted": "realise.markup_drafted", "textenv": "realise.textenv",
    "lint_template": "realise.template_shape", "doc": "realise.doc", "textview": "realise.textview",
    "assemble": "word.assemble", "docx_io": "word.save", "docx_seal": "word.seal",
    "docx_styles": "word.styles", "docx_xml": "word.ooxml", "template_links": "word.template_links",
    "pdf": "word.pdf", "pdf_word": "word.pdf_word",
    "output": "draft.output", "qa": "draft.qa", "qa_xlsx": "draft.qa_xlsx", "review": "draft.review",
    "lint": "lint.runner", "lint_base": "lint.base", "lint_entries": "lint.entries",
    "lint_layers": "lint.layers", "lint_lexicon": "lint.lexicon", "lint_report": "lint.report",
    "lint_sentences": "lint.sentences", "lint_yaml": "lint.yamlcheck", "coverage": "lint.coverage",
    "check": "check.findings", "check_compare": "check.compare", "check_hidden": "check.hidden",
    "check_quantities": "check.quantities", "check_read": "check.read", "check_report": "check.report",
    "check_rules": "check.rules", "check_trust": "check.trust", "check_wording": "check.wording",
    "spacy_import": "check.spacy_import",
    "batch": "batch.run", "batch_manifest": "batch.manifest", "batch_plan": "batch.plan",
    "batch_review": "batch.review",
    "cli": "cli.sitrep", "cli_batch": "cli.batch", "cli_check": "cli.check", "cli_init": "cli.init",
    "cli_phrasebank": "cli.phrasebank", "cli_serve": "cli.serve", "cli_template": "cli.template",
    "cli_topics": "cli.topics", "init_folder": "cli.init_folder",
    "notes": "content.notes", "docx_zip": "word.zipwriter", "docx_plain": "word.plain",
}
PACKAGES = sorted({new.split(".")[0] for new in MOVES.values() if "." in new})
#: submodules of each new package: ``nlg.config.report`` must not be read as old ``nlg.config``
SUBMODULES = {pkg: sorted(new.split(".")[1] for new in MOVES.values() if new.startswith(pkg + "."))
              for pkg in PACKAGES}

_OLD = sorted(MOVES, key=len, reverse=True)


def _not_new(old: str) -> str:
    subs = SUBMODULES.get(old)
    return rf"(?!\.(?:{'|'.join(subs)})\b)" if subs else ""


_DOTTED = re.compile("|".join(rf"\bnlg\.{old}\b{_not_new(old)}" for old in _OLD))
_PATH = re.compile("|".join(rf"\bnlg/{old}\.py\b" for old in _OLD))
_FROM = re.compile(r"^(?P<indent>[ \t]*)from nlg import (?P<names>\([^)]*\)|[^\n#]+?)(?P<comment>[ \t]*#[^\n]*)?$",
                   re.MULTILINE)


_IMPORTED = re.compile(r" import (\([^)]*\)|[^\n#]+)")


def _dotted(match: re.Match[str]) -> str:
    old = match.group(0)[4:]
    imported = _IMPORTED.match(match.string, match.end())
    if old in SUBMODULES and imported:  # ``from nlg.content import plan``: already the new layout
        names = {n.split(" as ")[0].strip() for n in imported.group(1).strip("()").split(",") if n.strip()}
        if names <= set(SUBMODULES[old]):
            return match.group(0)
    return "nlg." + MOVES[old]


def _path(match: re.Match[str]) -> str:
    return "nlg/" + MOVES[match.group(0)[4:-3]].replace(".", "/") + ".py"


def _from(match: re.Match[str]) -> str:
    indent, comment = match.group("indent"), match.group("comment") or ""
    names = [n.strip() for n in match.group("names").strip("()").replace("\n", " ").split(",") if n.strip()]
    kept, lines = [], []
    for item in names:
        name, _, alias = item.partition(" as ")
        name, alias = name.strip(), alias.strip() or name.strip()
        if name in MOVES and "." in MOVES[name]:
            pkg, _, mod = MOVES[name].rpartition(".")
            lines.append(f"from nlg.{pkg} import {mod}" + ("" if mod == alias else f" as {alias}"))
        elif name in MOVES:
            lines.append(f"from nlg import {MOVES[name]}" + ("" if MOVES[name] == alias else f" as {alias}"))
        else:
            kept.append(item)
    if not lines:
        return match.group(0)
    if kept:
        lines.insert(0, "from nlg import " + ", ".join(kept))
    lines[-1] += comment
    return "\n".join(indent + line for line in lines)


def rewrite(text: str) -> str:
    text = _DOTTED.sub(_dotted, text)
    text = _FROM.sub(_from, text)
    return _PATH.sub(_path, text)


def move(root: Path) -> None:
    nlg = root / "nlg"
    for pkg in PACKAGES:
        (nlg / pkg).mkdir(exist_ok=True)
    for old, new in MOVES.items():
        target = nlg / (new.replace(".", "/") + ".py")
        subprocess.run(["git", "mv", str(nlg / f"{old}.py"), str(target)], check=True, cwd=root)


#: package docstrings written by --all
INITS = {
    "batch": "Batch runs: every country's report of a month, in parallel, reproducibly, with a manifest.",
    "check": "sitrep check: a reviewed draft read back and its figures and wording checked (spaCy only here).",
    "cli": "The sitrep command: thin argument parsing and printing; one module per further command.",
    "config": "The report folder's report.yaml: read strictly, checked against its schema, platforms resolved.",
    "content": "Content determination: facts aggregated from the dataset, what each sector narrates, the plan.",
    "draft": "Drafts on disk: the documents of every language and the QA workbook, written all or none.",
    "lint": "Phrasebank tooling: sitrep phrasebank lint and coverage.",
    "load": "Reading 5W exports (.xlsx, .csv) into raw tables: header dialects, cells as written, Excel row numbers.",
    "phrasebank": "The phrasebank: wording as data (YAML per language), its layers and the shipped default.",
    "realise": "Realisation: the content plan spelt in one language (sentences, key figures, provenance, markup).",
    "validate": "Raw rows to a typed Dataset of activities: every cell checked, repaired where real exports need it.",
    "word": "Everything that knows OOXML: the Word document assembled, saved reproducibly, sealed, converted.",
}
#: one-off edits the move needed beyond renaming (file -> (old, new)); skipped when absent
FIXES = [
    *[(f, "Path(__file__).resolve().parent ", "Path(__file__).resolve().parents[1] ")
      for f in ("nlg/config/platforms.py", "nlg/word/assemble.py", "nlg/cli/topics.py",
                "nlg/phrasebank/bank.py", "nlg/batch/plan.py")],
    *[(f, "Path(__file__).resolve().parent\n", "Path(__file__).resolve().parents[1]\n")
      for f in ("nlg/cli/topics.py", "nlg/phrasebank/bank.py", "nlg/batch/plan.py")],
    ("tests/test_check.py", "from nlg import cli; cli._parser()", "from nlg.cli import sitrep as cli; cli._parser()"),
    ("tests/test_validate.py", '__import__("nlg.validate.values").values.parse_money(v)',
     'importlib.import_module("nlg.validate.values").parse_money(v)'),
    ("tests/test_validate.py", "import datetime as dt\nfrom pathlib", "import datetime as dt\nimport importlib\nfrom pathlib"),  # noqa: E501
]


def replay(root: Path) -> None:
    """Move, write the package docstrings, rewrite every tracked text file, apply :data:`FIXES`."""
    move(root)
    for pkg, doc in INITS.items():
        (root / "nlg" / pkg / "__init__.py").write_text(f'"""{doc}"""\n', encoding="utf-8")
    listed = subprocess.run(["git", "ls-files"], check=True, cwd=root, capture_output=True, text=True)
    for name in listed.stdout.splitlines():
        if name.startswith(("tests/data/", "tests/golden/")) or name == "tools/relayout.py":
            continue
        path = root / name
        try:
            old = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, FileNotFoundError, IsADirectoryError):
            continue
        new = rewrite(old)
        if new != old:
            path.write_text(new, encoding="utf-8")
    for name, old, new in FIXES:
        path = root / name
        if path.exists() and old in (text := path.read_text(encoding="utf-8")) and new not in text:
            path.write_text(text.replace(old, new), encoding="utf-8")


def main(argv: list[str]) -> int:
    if argv == ["--move"]:
        move(Path(__file__).resolve().parents[1])
        return 0
    if argv == ["--all"]:
        replay(Path(__file__).resolve().parents[1])
        return 0
    for name in argv:
        path = Path(name)
        old = path.read_text(encoding="utf-8")
        new = rewrite(old)
        if new != old:
            path.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
