"""The catalogue of codes (nlg/codes.py) is the one list: used, complete, one meaning each.

A new code: add it to nlg/codes.py (a free number of its range), run
`python tools/codes_table.py` and commit docs/codes.md with it.
"""
from __future__ import annotations

import ast
import importlib.util
import re
import string
from collections import defaultdict
from pathlib import Path

import pytest

from nlg import codes
from nlg.check.rules import KINDS as CHECK_KINDS
from nlg.check.trust import KINDS as TRUST_KINDS
from nlg.cli.sitrep import main
from nlg.codes import CODE_RE, CODES
from nlg.errors import WHERE, error, warning

ROOT = Path(__file__).resolve().parent.parent
NLG = ROOT / "nlg"
CATALOGUE = NLG / "codes.py"
MENTION = re.compile(r"\b[EW]\d{3}\b")
RANGE = re.compile(r"\b[EW]\d{3}\s*[-–]\s*[EW]?\d{3}\b")   # "E170-E189", "W280–W282"

#: Codes written in more than one module, each on purpose and with the same meaning everywhere:
#: code -> (the modules, why). A code that appears in one more module must mean there what the
#: catalogue says: check that it does, then add the module here; otherwise give it a new code.
SHARED: dict[str, tuple[tuple[str, ...], str]] = {
    "E210": (("validate/cols.py", "validate/values.py"), "an empty month (cols) and an unreadable one (values)"),
    "E211": (("validate/dataset.py", "web/exports.py"), "raised by validate; the web page tells a period error"),
    "E218": (("api.py", "web/forms.py"), "raised by api; the web page shows it at the data field"),
    "E301": (("lint/runner.py", "lint/yamlcheck.py", "phrasebank/bank.py"), "drafting and lint read the same files"),
    "E302": (("lint/yamlcheck.py", "phrasebank/bank.py"), "drafting and lint read the same files"),
    "E303": (("lint/yamlcheck.py", "phrasebank/bank.py"), "drafting and lint read the same files"),
    "E307": (("lint/base.py", "lint/entries.py", "lint/lexicon.py"), "the lint modules check shapes and keys"),
    "E316": (("lint/sentences.py", "realise/textenv.py"), "textenv refuses at render time what lint refuses"),
    "E317": (("lint/sentences.py", "realise/textenv.py"), "textenv refuses at render time what lint refuses"),
    "E318": (("lint/sentences.py", "realise/textenv.py"), "textenv refuses at render time what lint refuses"),
    "E319": (("lint/sentences.py", "realise/textenv.py"), "textenv refuses at render time what lint refuses"),
    "E503": (("check/read.py", "word/save.py"), "check and drafting open drafts"),
    "E504": (("batch/run.py", "draft/files.py"), "a draft and a batch create the output folder"),
    "E510": (("batch/run.py", "draft/output.py", "web/actions.py"),
             "raised by output; batch and the web page tell an edited draft from other errors"),
    "E533": (("draft/review.py", "web/actions.py"), "raised by review; the web page tells an edited copy"),
    "E560": (("draft/qa_xlsx.py", "word/save.py"), "existing drafts are opened under the same limits"),
    "E561": (("draft/output.py", "word/save.py"), "raised by save; output tells it from other errors"),
    "E562": (("word/assemble.py", "word/template_links.py"), "the template is opened under the same limits"),
    "W208": (("content/plan.py", "validate/rules.py"), "raised by validate; plan flags the bullets it touches"),
    "W211": (("content/plan.py", "validate/read.py"), "raised by validate; plan flags the bullets it touches"),
    "W250": (("content/aggregate.py", "content/plan.py"), "raised by aggregate; plan flags the bullets it touches"),
    "W251": (("content/aggregate.py", "content/plan.py"), "raised by aggregate; plan flags the bullets it touches"),
}


def _literals(path: Path) -> list[tuple[str, int]]:
    """Return the code literals ("E305") of a Python file, with their lines."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [(n.value, n.lineno) for n in ast.walk(tree)
            if isinstance(n, ast.Constant) and isinstance(n.value, str) and CODE_RE.match(n.value)]


def _uses() -> dict[str, set[str]]:
    """Return code -> the modules of nlg/ (but the catalogue) that write it."""
    out: dict[str, set[str]] = defaultdict(set)
    for path in NLG.rglob("*.py"):
        if path != CATALOGUE:
            for code, _ in _literals(path):
                out[code].add(str(path.relative_to(NLG)))
    return out


def _mentions(text: str) -> set[str]:
    """Return the codes a text names, but the ends of ranges and flake8's (# noqa: E731)."""
    text = RANGE.sub(" ", text)
    return {m.group() for line in text.splitlines() for m in MENTION.finditer(line.split("noqa")[0])}


def test_every_code_written_in_nlg_is_in_the_catalogue():
    unknown = {code: sorted(where) for code, where in _uses().items() if code not in CODES}
    assert not unknown, "add these codes to nlg/codes.py"


def test_every_code_of_the_catalogue_is_used():
    assert sorted(set(CODES) - set(_uses())) == [], "unused codes: remove them or use them"


def test_a_code_is_written_in_one_module_unless_shared_on_purpose():
    spread = {code: tuple(sorted(where)) for code, where in _uses().items() if len(where) > 1}
    assert {c: w for c, w in spread.items() if spread[c] != SHARED.get(c, ((),))[0]} == {}, (
        "a code written in another module: give the new meaning a new code of its range, or (same "
        "meaning, on purpose) name the module in SHARED")
    assert sorted(set(SHARED) - set(spread)) == []


def test_every_code_named_in_docs_comments_and_tests_exists():
    files = [ROOT / "README.md", ROOT / "phrasebanks" / "README.md", *sorted((ROOT / "docs").glob("*.md")),
             *sorted(NLG.rglob("*.py")), *sorted((ROOT / "tests").rglob("*.py")),
             *sorted((ROOT / "tests" / "data").rglob("*.yaml"))]
    unknown = {f"{f.relative_to(ROOT)}: {code}" for f in files
               if f.is_file() and f not in (CATALOGUE, Path(__file__))
               for code in _mentions(f.read_text(encoding="utf-8")) if code not in CODES}
    assert sorted(unknown) == []


def test_the_entries_are_well_formed():
    for code, entry in CODES.items():
        assert entry.code == code and codes.section(code)
        assert entry.title and entry.title == entry.title.strip() and not entry.title.endswith(".")
        for template in (entry.message, entry.hint):
            fields = {f for _, f, _, _ in string.Formatter().parse(template) if f}
            assert not fields & WHERE, f"{code}: a template field named like a place"
    assert len(CODES) == len({e.code for e in CODES.values()})


def _calls(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for n in ast.walk(tree):
        if (isinstance(n, ast.Call) and getattr(n.func, "id", getattr(n.func, "attr", "")) in ("error", "warning")
                and n.args and isinstance(n.args[0], ast.Constant) and isinstance(n.args[0].value, str)):
            yield n.args[0].value, n.args[1:], n


def test_a_call_without_a_message_has_its_template_and_one_with_a_template_gives_none():
    for path in NLG.rglob("*.py"):
        for code, rest, call in _calls(path):
            if code not in CODES:
                continue
            where = f"{path.relative_to(ROOT)}:{call.lineno} {code}"
            if rest:
                assert not CODES[code].message, f"{where}: the catalogue has the message; give none"
            else:
                assert CODES[code].message, f"{where}: no message here and none in the catalogue"


def test_the_catalogue_fills_message_and_hint_and_refuses_an_unknown_code():
    problem = error("E101", file="PER")
    assert (problem.message, problem.hint) == ("report folder not found",
                                               "give the folder that holds report.yaml")
    assert error("E101", file="PER", hint="mine").hint == "mine"
    assert error("E305", "x: given twice").hint is None         # a message of its own: no catalogue hint
    with pytest.raises(ValueError, match="E999"):
        error("E999", "no such code")
    with pytest.raises(ValueError, match="not a warning code"):
        warning("E101", "an error code")
    with pytest.raises(TypeError):
        error("E305", "a message", key="and a field")


def test_the_check_kinds_are_the_catalogues():
    for code, kind in {**CHECK_KINDS, **TRUST_KINDS}.items():
        assert CODES[code].title.startswith(f"{kind}: "), code


def test_the_check_table_of_docs_agrees_with_the_catalogue():
    rows = re.findall(r"^\| (E6\d\d) \| `([a-z-]+)` \|", (ROOT / "docs" / "check.md").read_text(encoding="utf-8"),
                      re.MULTILINE)
    assert len(rows) >= 10
    for code, kind in rows:
        assert CODES[code].title.startswith(f"{kind}: "), code


def _tool():
    spec = importlib.util.spec_from_file_location("codes_table", ROOT / "tools" / "codes_table.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_docs_codes_md_and_the_generated_tables_are_current():
    tool = _tool()
    assert (ROOT / "docs" / "codes.md").read_text(encoding="utf-8") == tool.table(), (
        "run python tools/codes_table.py and review the diff")
    assert tool.stale() == [], "run python tools/codes_table.py and review the diff"


def test_the_readmes_keep_no_hand_written_table_of_codes():
    tool = _tool()
    for path in (ROOT / "README.md", ROOT / "phrasebanks" / "README.md"):
        text = path.read_text(encoding="utf-8")
        assert tool.BLOCK.search(text), f"{path.name}: its table of codes is a generated block"
        outside = tool.BLOCK.sub("", text)
        assert not re.search(r"^\| [EW]\d{3}", outside, re.MULTILINE), (
            f"{path.name}: a table of codes written by hand; use <!-- codes ... --> (tools/codes_table.py)")
    assert "docs/codes.md" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_a_generated_block_names_codes_the_catalogue_has():
    tool = _tool()
    assert tool.codes_of("E201-E204 W250") == ["E201", "E202", "E203", "E204", "W250"]
    with pytest.raises(ValueError, match="no code or range"):
        tool.codes_of("E2xx")
    for path in tool.block_files():
        for match in tool.BLOCK.finditer(path.read_text(encoding="utf-8")):
            assert tool.codes_of(match["spec"]), f"{path.name}: a block of no code ({match['spec']})"
    text = "a\n<!-- codes E101 -->\nold\n<!-- /codes -->\nb\n"
    assert tool.update(text) == ("a\n<!-- codes E101 -->\n| code | kind | meaning | what to do |\n|---|---|---|---|\n"
                                 f"| E101 | error | {CODES['E101'].title} | {CODES['E101'].hint} |\n"
                                 "<!-- /codes -->\nb\n")


def test_a_renumbered_meaning_left_the_modules_of_its_old_code():
    uses = _uses()
    for old, new, why in codes.RENUMBERED:
        assert old in CODES and new in CODES and why, (old, new)
        assert codes.section(old) == codes.section(new)
        assert uses[new] and not uses[new] & uses[old], f"{old} and {new} written in the same module"


#: Call names whose code must be an error code, and those whose code must be a warning code.
ERROR_CALLS = {"error", "bad", "_fail", "_failed", "BadValue", "_problem", "failure", "_refuse"}
WARNING_CALLS = {"warning", "warn", "Issue"}


def test_an_error_call_gives_an_e_code_and_a_warning_call_a_w_code():
    wrong, seen = [], 0
    for path in NLG.rglob("*.py"):
        for n in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(n, ast.Call):
                continue
            name = getattr(n.func, "id", getattr(n.func, "attr", ""))
            for arg in n.args[:2]:
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str) and CODE_RE.match(arg.value):
                    seen += 1
                    if (name in ERROR_CALLS and arg.value[0] != "E") or (name in WARNING_CALLS and arg.value[0] != "W"):
                        wrong.append(f"{path.relative_to(ROOT)}:{n.lineno} {name}({arg.value!r})")
    assert seen > 200 and wrong == []


def test_explain(capsys):
    assert main(["explain", "E305", "[w223]"]) == 0
    out = capsys.readouterr().out
    assert "E305  error" in out and CODES["E305"].title in out
    assert "W223  warning" in out and "export again as UTF-8" in out
    assert main(["explain", "E30"]) == 0
    assert capsys.readouterr().out.splitlines()[0].startswith("E300  ")
    assert main(["explain", "E308"]) == 0
    assert "was E305" in capsys.readouterr().out
    assert main(["explain", "E999"]) == 2
    assert "no sitrep code" in capsys.readouterr().err
