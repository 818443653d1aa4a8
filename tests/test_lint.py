"""Phrasebank lint: a corpus of broken phrasebanks with their expected findings.

Each folder of tests/data/phrasebanks_bad/ holds a ``case.yaml``: either
``full: true`` (the phrasebank is the folder's ``files/``) or ``edits`` applied
to a copy of the shipped phrasebank (``find``/``replace``, ``drop`` a key's
block, ``append`` text, ``delete`` the file). ``expect`` lists the findings:
``code``, a ``message`` substring, optionally the ``file`` and ``line_of`` (a
text whose first line in that file is where the finding must point). Every
error found must be one of the expected codes, so false alarms fail too.
"""
from __future__ import annotations

import copy
import json
import re
import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nlg.cli import sitrep as cli
from nlg.errors import PhrasebankError
from nlg.lint.runner import files, lint
from nlg.lint.yamlcheck import read
from nlg.phrasebank.bank import default_dir

BAD = Path(__file__).resolve().parent / "data" / "phrasebanks_bad"
CASES = sorted(p.name for p in BAD.iterdir() if (p / "case.yaml").is_file())


def _drop(text: str, key: str) -> str:
    lines = text.splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if re.match(rf"\s*{re.escape(key)}:", line))
    indent = len(lines[start]) - len(lines[start].lstrip())
    end = start + 1
    while end < len(lines) and (not lines[end].strip() or len(lines[end]) - len(lines[end].lstrip()) > indent):
        end += 1
    return "".join(lines[:start] + lines[end:])


def _edit(path: Path, edit: dict) -> None:
    if edit.get("delete"):
        path.unlink()
        return
    text = path.read_text(encoding="utf-8")
    if "drop" in edit:
        text = _drop(text, edit["drop"])
    if "find" in edit:
        assert edit["find"] in text, f"{path.name}: the edit's text is not in the shipped file: {edit['find']!r}"
        text = text.replace(edit["find"], edit["replace"], 1)
    if "append" in edit:
        text = text.rstrip("\n") + "\n" + edit["append"]
    path.write_text(text, encoding="utf-8")


def build(name: str, tmp_path: Path) -> tuple[Path, dict]:
    """Return the broken phrasebank of case ``name`` (built under ``tmp_path``) and its spec."""
    case = BAD / name
    spec = yaml.safe_load((case / "case.yaml").read_text(encoding="utf-8"))
    target = tmp_path / "phrasebanks"
    if spec.get("full"):
        shutil.copytree(case / "files", target)
    else:
        shutil.copytree(default_dir(), target)
        if (case / "files").is_dir():
            shutil.copytree(case / "files", target, dirs_exist_ok=True)
    for edit in spec.get("edits") or ():
        _edit(target / edit["file"], edit)
    return target, spec


def _line(root: Path, rel: str, text: str) -> int:
    lines = (root / rel).read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, start=1) if text in line)


@pytest.mark.parametrize("name", CASES)
def test_broken_phrasebank(name: str, tmp_path: Path) -> None:
    root, spec = build(name, tmp_path)
    result = lint(root, label="")
    listing = "\n".join(map(str, result.problems))
    for exp in spec["expect"]:
        matches = [p for p in result.problems if p.code == exp["code"]
                   and exp.get("message", "") in p.message
                   and p.file == exp.get("file", p.file)]
        assert matches, f"expected [{exp['code']}] {exp.get('message', '')!r}; lint found:\n{listing}"
        if "line_of" in exp:
            rows = {p.row for p in matches}
            assert any(_line(root, p.file, exp["line_of"]) == p.row for p in matches), \
                f"[{exp['code']}] points at {rows}, expected the line of {exp['line_of']!r}"
        assert all(p.hint for p in matches), "every finding carries a hint"
    expected = {e["code"] for e in spec["expect"]}
    extra = [str(p) for p in result.errors if p.code not in expected]
    assert not extra, "unexpected errors:\n" + "\n".join(extra)
    assert result.ok is not any(c.startswith("E") for c in expected)


def test_corpus_covers_the_checks() -> None:
    codes = {e["code"] for name in CASES
             for e in yaml.safe_load((BAD / name / "case.yaml").read_text(encoding="utf-8"))["expect"]}
    wanted = {"E301", "E302", "E305", "E306", "E310", "E311", "E313", "E314", "E315", "E316", "E317",
              "E318", "E319", "E320", "E321", "E322", "E323", "E324", "E325", "E326", "E327", "E328",
              "E329", "E330", "E332", "E333", "E334", "W312"}
    assert wanted <= codes, sorted(wanted - codes)


def test_shipped_phrasebank_is_clean() -> None:
    result = lint()
    assert result.problems == (), "\n".join(map(str, result.problems))


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    names = ("missing_spanish_twin", "unknown_slot", "spanish_gender_missing", "invalid_enum", "norway_problem")
    root, _ = build(names[0], tmp_path)
    for name in names[1:]:
        spec = yaml.safe_load((BAD / name / "case.yaml").read_text(encoding="utf-8"))
        for edit in spec["edits"]:
            _edit(root / edit["file"], edit)
    codes = {p.code for p in lint(root).errors}
    assert {"E310", "E318", "E321", "E326", "E306"} <= codes


def test_booleans_are_fine_where_booleans_are_expected(tmp_path: Path) -> None:
    path = tmp_path / "lexicon.yaml"
    path.write_text("nouns:\n  water: {sg: agua, gender: f, stressed_a: yes}\n  no: {sg: x}\n", encoding="utf-8")
    result = read(path, "lexicon.yaml")
    assert [(p.code, p.row) for p in result.problems] == [("E306", 3)]
    assert result.data["nouns"].line_of(False) == 3


def test_missing_folder_is_a_user_error(tmp_path: Path) -> None:
    with pytest.raises(PhrasebankError, match="phrasebank folder not found"):
        lint(tmp_path / "nowhere")


# -- command line ----------------------------------------------------------------------------

def test_cli_clean_exits_0(capsys) -> None:
    assert cli.main(["phrasebank", "lint"]) == 0
    assert capsys.readouterr().out.strip().endswith(": no problems")


def test_cli_errors_exit_1_with_file_line_entry_and_hint(tmp_path: Path, capsys, monkeypatch) -> None:
    root, _ = build("missing_spanish_twin", tmp_path)
    monkeypatch.chdir(tmp_path)
    assert cli.main(["phrasebank", "lint", "phrasebanks", "--complete"]) == 1   # checked on its own
    out = capsys.readouterr().out.splitlines()
    line = _line(root, "en/sentences.yaml", "RE-HT1:")
    assert out[0] == (f"phrasebanks/en/sentences.yaml:{line}: error [E310] RE-HT1: has English sentences "
                      "but no Spanish twin in es/sentences.yaml")
    assert out[1].startswith("    hint: add RE-HT1: with the same forms")
    assert out[-1] == "phrasebanks: 2 error(s), 0 warning(s)"   # the Portuguese twin has no Spanish one either


def test_cli_warnings_only_exit_0(tmp_path: Path, capsys) -> None:
    root, _ = build("stray_sentences_key", tmp_path)
    assert cli.main(["phrasebank", "lint", str(root)]) == 0
    assert "warning [W312]" in capsys.readouterr().out


def test_cli_json(tmp_path: Path, capsys) -> None:
    root, _ = build("unknown_key", tmp_path)
    assert cli.main(["phrasebank", "lint", str(root), "--json"]) == 1
    found = json.loads(capsys.readouterr().out)
    assert [(f["code"], f["severity"]) for f in found] == [("E325", "error")]
    assert found[0]["file"].endswith("indicators.yaml") and found[0]["row"] > 1


def test_cli_missing_folder_exits_2(tmp_path: Path, capsys) -> None:
    assert cli.main(["phrasebank", "lint", str(tmp_path / "nowhere")]) == 2
    assert "phrasebank folder not found" in capsys.readouterr().err


# -- the worked example of phrasebanks/README.md ----------------------------------------------

README = default_dir() / "README.md"
_BLOCK = re.compile(r"```yaml\n# add (?:under \"(\w+):\" in|to) (\S+)\n(.*?)```", re.S)


def apply_readme_example(root: Path) -> list[str]:
    """Apply the README's "add …" blocks to the phrasebank at ``root``; return the files touched."""
    touched = []
    for section, rel, block in _BLOCK.findall(README.read_text(encoding="utf-8")):
        path = root / rel
        text = path.read_text(encoding="utf-8")
        if section:
            head = f"{section}:\n"
            assert head in text, f"{rel} has no '{section}:' line"
            text = text.replace(head, head + block, 1)
        else:
            text = text.rstrip("\n") + "\n" + block
        path.write_text(text, encoding="utf-8")
        touched.append(rel)
    return touched


def test_readme_worked_example_lints_clean(tmp_path: Path) -> None:
    root = tmp_path / "phrasebanks"
    shutil.copytree(default_dir(), root)
    touched = apply_readme_example(root)
    assert sorted(touched) == ["en/lexicon.yaml", "en/sentences.yaml", "es/lexicon.yaml",
                               "es/sentences.yaml", "indicators.yaml", "pt/lexicon.yaml", "pt/sentences.yaml"]
    result = lint(root)
    assert result.problems == (), "\n".join(map(str, result.problems))
    from nlg.phrasebank import bank as phrasebank
    bank = phrasebank.load(root)
    assert bank.entries["RE-PR3"].noun == "legal_consultations"
    assert bank.langs[next(iter(bank.langs))].nouns["legal_consultations"].singular == "legal consultation"


def test_readme_lint_sample_output_is_real(tmp_path: Path, capsys, monkeypatch) -> None:
    root = tmp_path / "phrasebanks"
    shutil.copytree(default_dir(), root)
    _edit(root / "es/lexicon.yaml", {"find": "pl: kits de higiene, gender: m}", "replace": "pl: kits de higiene}"})
    _edit(root / "es/sentences.yaml", {"drop": "RE-HT1"})
    monkeypatch.chdir(tmp_path)
    assert cli.main(["phrasebank", "lint", "phrasebanks", "--complete"]) == 1   # checked on its own
    sample = re.search(r"\n(    phrasebanks/en/sentences.*\n(?:    .*\n)*)", README.read_text(encoding="utf-8")).group(1)  # noqa: E501
    assert capsys.readouterr().out.splitlines() == [line[4:] for line in sample.splitlines()]


# -- lint never crashes, whatever the shape of the files ----------------------------------------

_SHIPPED = {rel: yaml.safe_load((default_dir() / rel).read_text(encoding="utf-8")) for rel in files()}


def _paths(node, prefix=()):
    if prefix:
        yield prefix
    children = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
    for key, value in children:
        yield from _paths(value, prefix + (key,))


_PLACES = [(rel, p) for rel, data in _SHIPPED.items() for p in _paths(data)]
_ODD = st.sampled_from([None, 0, 3.5, True, "", "x", "{{ x", "{% if a %}", [], {}, ["a", 2], {"a": None}])


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(place=st.sampled_from(_PLACES), value=_ODD)
def test_lint_reports_instead_of_crashing(tmp_path: Path, place, value) -> None:
    rel, path = place
    data = copy.deepcopy(_SHIPPED[rel])
    node = data
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    root = tmp_path / f"pb{abs(hash((place, repr(value))))}"
    shutil.copytree(default_dir(), root, dirs_exist_ok=True)
    (root / rel).write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    result = lint(root)
    assert all(p.code[0] in "EW" and p.file for p in result.problems)
