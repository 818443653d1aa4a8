"""Issue 16, item 1: phrasebank edits that take effect.

A user phrasebank folder (``phrasebanks:`` in report.yaml, ``--phrasebanks DIR``) is layered
over the shipped one entry by entry; ``sitrep phrasebank lint`` checks what drafting uses and
says which; ``sitrep phrasebank init DIR`` copies the shipped one; a user who edits a checkout
while the drafts read an installed copy is told how to make the edit count (W342).
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, SAMPLE

from nlg.api import prepare, realise_all
from nlg.batch.plan import _inputs
from nlg.cli import sitrep as cli
from nlg.errors import OutputError
from nlg.lint.runner import lint
from nlg.model import Lang
from nlg.phrasebank import bank as phrasebank
from nlg.phrasebank.init import init
from nlg.realise.textview import render

SHIPPED_EN = "6,500 individuals received food assistance"
MINE = ('RE-FS1:\n  main:\n    - "{{ place }}**{{ count }} got food help**"\n'
        '    - "{{ place }}{{ actor }} gave **food help to {{ count }}**"\n')


def _words(folder: Path, text: str = MINE) -> Path:
    (folder / "en").mkdir(parents=True, exist_ok=True)
    (folder / "en" / "sentences.yaml").write_text(text, encoding="utf-8")
    return folder


def _english(draft) -> str:
    return render(realise_all(draft, (Lang.EN,))[Lang.EN])


def test_a_user_folder_replaces_one_entry_and_keeps_the_rest(sample_copy, tmp_path):
    words = _words(tmp_path / "my-words")
    shipped = _english(prepare(sample_copy))
    assert SHIPPED_EN in shipped
    mine = _english(prepare(sample_copy, phrasebanks=words))
    assert "6,500 individuals got food help" in mine
    assert SHIPPED_EN not in mine
    assert "2,550 food kits and snacks to in-transit refugees and migrants" in mine   # other entries
    spanish = render(realise_all(prepare(sample_copy, phrasebanks=words), (Lang.ES,))[Lang.ES])
    assert "6500 personas recibieron asistencia alimentaria" in spanish.replace(".", "") or \
        "recibieron asistencia alimentaria" in spanish                              # ES as shipped


def test_phrasebanks_in_report_yaml_and_the_option(sample_copy, tmp_path, capsys):
    _words(sample_copy / "my-words")
    path = sample_copy / "report.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "phrasebanks: my-words\n", encoding="utf-8")
    assert "got food help" in _english(prepare(sample_copy))
    other = _words(tmp_path / "other", MINE.replace("got food help", "were given food"))
    assert cli.main(["preview", str(sample_copy), "--phrasebanks", str(other)]) == 0
    assert "6,500 individuals were given food" in capsys.readouterr().out  # the option wins


def test_an_edit_of_the_user_folder_is_read_again(sample_copy, tmp_path):
    words = _words(tmp_path / "my-words")
    assert "got food help" in _english(prepare(sample_copy, phrasebanks=words))
    _words(words, MINE.replace("got food help", "obtained food aid"))
    os.utime(words / "en" / "sentences.yaml", ns=(1, 10**18))
    assert "obtained food aid" in _english(prepare(sample_copy, phrasebanks=words))


def test_nouns_and_labels_are_layered_by_key(tmp_path):
    words = tmp_path / "w"
    (words / "en").mkdir(parents=True)
    (words / "en" / "lexicon.yaml").write_text(
        "nouns:\n  food_kits: {sg: food parcel}\nstopwords: [parcel]\n", encoding="utf-8")
    (words / "en" / "report.yaml").write_text("labels:\n  situation: Context\n", encoding="utf-8")
    bank = phrasebank.load(overlay=words)
    shipped = phrasebank.load()
    en, before = bank.langs[Lang.EN], shipped.langs[Lang.EN]
    assert en.nouns["food_kits"].singular == "food parcel"
    assert set(en.nouns) == set(before.nouns)
    assert en.labels["situation"] == "Context"
    assert {k: v for k, v in en.labels.items() if k != "situation"} == \
        {k: v for k, v in before.labels.items() if k != "situation"}
    assert en.stopwords == before.stopwords | {"parcel"}


def test_lint_checks_the_layered_phrasebank_and_names_the_users_line(tmp_path, capsys, monkeypatch):
    words = _words(tmp_path / "my-words", MINE.replace("{{ count }} got", "{{ cuont }} got"))
    monkeypatch.chdir(tmp_path)
    assert cli.main(["phrasebank", "lint", "my-words"]) == 1
    captured = capsys.readouterr()
    assert "checked my-words layered over the shipped phrasebank" in captured.err
    assert "1 entries replaced, 0 added" in captured.err
    lines = captured.out.splitlines()
    assert any(line.startswith("my-words/en/sentences.yaml:3: error [E318] RE-FS1") for line in lines), lines
    # the shipped Spanish and Portuguese twins no longer match the user's English: named where they are
    assert any("es/sentences.yaml" in line and "[E315] RE-FS1" in line for line in lines), lines
    assert any("pt/sentences.yaml" in line and "[E315] RE-FS1" in line for line in lines), lines
    assert lines[-1].startswith("my-words over the shipped phrasebank: 3 error(s)")
    clean = _words(words)
    assert lint(overlay=clean).problems == ()


def test_lint_of_a_report_checks_what_it_drafts_with(sample_copy, capsys):
    _words(sample_copy / "words", MINE.replace("**{{ count }} got food help**", "**{{ count }} got food"))
    path = sample_copy / "report.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "phrasebanks: words\n", encoding="utf-8")
    assert cli.main(["phrasebank", "lint", "--report", str(sample_copy)]) == 1
    out = capsys.readouterr()
    assert "E333" in out.out and "words/en/sentences.yaml" in out.out
    assert cli.main(["phrasebank", "lint"]) == 0
    assert "checked the shipped phrasebank" in capsys.readouterr().err


def test_init_copies_the_shipped_phrasebank_and_keeps_edits(tmp_path, capsys):
    target = tmp_path / "my-words"
    assert cli.main(["phrasebank", "init", str(target)]) == 0
    assert "phrasebanks: " in capsys.readouterr().out
    assert (target / "en" / "sentences.yaml").read_bytes() == \
        (phrasebank.default_dir() / "en" / "sentences.yaml").read_bytes()
    result = lint(overlay=target)
    assert result.problems == ()
    assert result.layers.replaced == 0 and result.layers.same > 100
    with pytest.raises(OutputError) as info:
        init(target)
    assert info.value.problems[0].code == "E150"


def test_the_users_files_are_inputs_of_a_batch_report(sample_copy):
    _words(sample_copy / "words")
    path = sample_copy / "report.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "phrasebanks: words\n", encoding="utf-8")
    from nlg.config.report import load_config

    inputs = _inputs(load_config(sample_copy), None, sample_copy.parent)
    assert ("phrasebank", "peru-2023-11/words/en/sentences.yaml") in [(f.role, f.path) for f in inputs]


# -- the checkout edited while the drafts read an installed copy ---------------------------------

@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> tuple[Path, Path]:
    """Return (site, checkout): the package installed as `pip install .` lays it out, and a checkout."""
    base = tmp_path_factory.mktemp("laptop")
    site = base / "site"
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    shutil.copytree(ROOT / "nlg", site / "nlg", ignore=ignore)
    shutil.copytree(ROOT / "phrasebanks", site / "nlg" / "phrasebanks")      # the wheel's force-include
    checkout = base / "checkout"
    checkout.mkdir()
    shutil.copy(ROOT / "pyproject.toml", checkout / "pyproject.toml")
    shutil.copytree(ROOT / "phrasebanks", checkout / "phrasebanks")
    shutil.copytree(SAMPLE, checkout / "samples" / "peru-2023-11")
    sentences = checkout / "phrasebanks" / "en" / "sentences.yaml"
    text = sentences.read_text(encoding="utf-8")
    assert '"{{ place }}**{{ count }} received food assistance**"' in text
    sentences.write_text(text.replace('"{{ place }}**{{ count }} received food assistance**"',
                                      '"{{ place }}**{{ count }} got food help**"'), encoding="utf-8")
    return site, checkout


def _installed_run(site: Path, checkout: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(site), "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, "-m", "nlg", *args], cwd=checkout, env=env, capture_output=True,
                          text=True, encoding="utf-8", timeout=180)


def test_an_edited_checkout_is_named_with_the_ways_to_make_it_count(installed):
    """Why: after `pip install .`, editing phrasebanks/en/sentences.yaml changed nothing, silently."""
    site, checkout = installed
    run = _installed_run(site, checkout, "preview", "samples/peru-2023-11")
    assert run.returncode == 0, run.stderr
    assert SHIPPED_EN in run.stdout                      # the installed copy is what drafts read
    assert "W342" in run.stderr and "en/sentences.yaml" in run.stderr
    assert "pip install -e ." in run.stderr and "--phrasebanks" in run.stderr
    assert str(site / "nlg" / "phrasebanks") in run.stderr
    batch = _installed_run(site, checkout, "batch", "samples", "--out", str(checkout / "out"), "--jobs", "1")
    assert batch.returncode == 0, batch.stderr
    assert "W342" in batch.stderr
    lint_run = _installed_run(site, checkout, "phrasebank", "lint")
    assert "W342" in lint_run.stderr
    assert f"checked the shipped phrasebank ({site / 'nlg' / 'phrasebanks'})" in lint_run.stderr


def test_the_checkout_edit_counts_with_the_option(installed):
    site, checkout = installed
    run = _installed_run(site, checkout, "preview", "samples/peru-2023-11", "--phrasebanks", "phrasebanks")
    assert run.returncode == 0, run.stderr
    assert "6,500 individuals got food help" in run.stdout
    assert "W342" not in run.stderr
