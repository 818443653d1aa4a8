"""Languages are data: no language code is written in Python outside nlg/lang/ (issue 14, item 2).

A language is ``nlg/lang/<code>.py`` plus ``phrasebanks/<code>/``: adding one must need no
change to the rest of the package. This test reads every module of the package with
:mod:`ast` and fails on a string constant that is a language code or a locale built on one
("en", "es", "pt", "es_PE", "short_en", "text_es" ...) and on an attribute named after one
(``Lang.ES``, ``item.en``). Docstrings and comments may name languages (examples, doctests).

Allowed, each for a stated reason:
- ``nlg/lang/``: the languages themselves (codes, reference and default languages).
- ``nlg/catalogue.py``: the official RMRP catalogues R4V publishes are in English and Spanish;
  ``text_en``/``text_es`` are columns of that reference data, not languages of the tool.
- ``nlg/web/``: the web interface's own interface languages (``labels.yaml``, EN/ES) and its
  two-column form; the report.yaml it writes is the mapping by language code that every
  language reads.
"""
from __future__ import annotations

import ast
import re
from pathlib import Path

import nlg

PACKAGE = Path(nlg.__file__).parent
ALLOWED = ("lang/", "catalogue.py", "web/")
_CODES = "en|es|pt"
LITERAL = re.compile(rf"(?:short_|text_)?(?:{_CODES})(?:[_-][A-Za-z]{{2}})?", re.IGNORECASE)
ATTRIBUTE = re.compile(rf"(?:{_CODES}|text_(?:{_CODES}))", re.IGNORECASE)


def _docstrings(tree: ast.AST) -> set[int]:
    """Return the ids of the docstring constants of a module, its classes and functions."""
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                out.add(id(body[0].value))
    return out


def findings(path: Path) -> list[str]:
    """Return ``file:line: what`` for each language literal in one module."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docs = _docstrings(tree)
    rel = path.relative_to(PACKAGE).as_posix()
    out = []
    for node in ast.walk(tree):
        if (isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs
                and LITERAL.fullmatch(node.value)):
            out.append(f"{rel}:{node.lineno}: {node.value!r}")
        elif isinstance(node, ast.Attribute) and ATTRIBUTE.fullmatch(node.attr):
            out.append(f"{rel}:{node.lineno}: .{node.attr}")
    return out


def test_the_check_finds_language_literals(tmp_path):
    module = tmp_path / "m.py"
    module.write_text('"""Doc: "en" is fine here."""\nx = {"es": 1}\ny = Lang.EN\nz = "es_PE"\n'
                      'w = item.text_es\nv = "entries"\n', encoding="utf-8")
    found = [f.split(": ", 1)[1] for f in findings_at(module, tmp_path)]
    assert found == ["'es'", ".EN", "'es_PE'", ".text_es"]


def findings_at(path: Path, root: Path) -> list[str]:
    global PACKAGE
    saved, PACKAGE = PACKAGE, root
    try:
        return sorted(findings(path), key=lambda f: int(f.split(":")[1]))
    finally:
        PACKAGE = saved


def test_no_language_code_outside_nlg_lang():
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE).as_posix()
        if not rel.startswith(ALLOWED):
            found += findings(path)
    assert not found, "language codes written in Python (languages are data, see nlg/lang/):\n" + \
        "\n".join(found)
