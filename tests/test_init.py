"""Issue 16, item 7: `sitrep init FOLDER [--from EXPORT]`, the first command after install."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, SAMPLE

from nlg.api import prepare
from nlg.cli.init_folder import start
from nlg.config.report import load_config
from nlg.config.schema import TOP_KEYS
from nlg.errors import ConfigError, OutputError

SHORTHANDS = {"refugees_and_migrants", "people_assisted"}     # top-level forms of key_figures.*


def _sitrep(*args, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "nlg", *map(str, args)], cwd=cwd, env=env,
                          capture_output=True, text=True, encoding="utf-8", timeout=180)


def _fill_figure(folder: Path) -> None:
    path = folder / "report.yaml"
    text = path.read_text(encoding="utf-8")
    assert "\n  refugees_and_migrants: " in text
    path.write_text(text.replace("\n  refugees_and_migrants: ", "\n  refugees_and_migrants: 1540000 ", 1),
                    encoding="utf-8")


def test_init_from_an_export_guesses_and_drafts_after_one_figure(tmp_path):
    run = _sitrep("init", "per-2023-11", "--from", SAMPLE / "5w.xlsx", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    folder = tmp_path / "per-2023-11"
    assert "guessed from the export (check them): country PER, period 2023-11, platform GTRM" in run.stdout
    assert "next: fill in key_figures.refugees_and_migrants" in run.stdout
    assert (folder / "5w.xlsx").read_bytes() == (SAMPLE / "5w.xlsx").read_bytes()
    with pytest.raises(ConfigError) as info:            # the one thing no export can tell
        load_config(folder)
    assert [p.message for p in info.value.problems] == [
        "key_figures.refugees_and_migrants: required key is missing"]
    _fill_figure(folder)
    config = load_config(folder)
    assert (config.country, config.period.label, config.platform) == ("PER", "2023-11", "GTRM")
    assert prepare(folder).plan is not None
    draft = _sitrep("draft", folder, "--out", folder / "out", cwd=tmp_path)
    assert draft.returncode == 0, draft.stderr


def test_every_key_of_report_yaml_is_shown_with_a_comment(tmp_path):
    made = start(tmp_path / "r")
    text = made.config.read_text(encoding="utf-8")
    for key in set(TOP_KEYS) - SHORTHANDS:
        assert f"\n{key}:" in text or f"\n#{key}:" in text, key
    examples = re.sub(r"(?m)^(\s*)#(\s*)(?=[a-z_]+:|- )", r"\1\2", text)   # uncomment every example
    uncommented = yaml.safe_load(examples)                    # the commented examples are valid too
    assert isinstance(uncommented, dict) and "funding" in uncommented and "style" in uncommented
    for line in text.splitlines():
        if line and not line.startswith(("#", " ", "\t")) and ":" in line and not line.endswith((": []", ":")):
            assert "#" in line, line                             # every key explained


def test_without_an_export_the_required_keys_are_named(tmp_path):
    made = start(tmp_path / "r")
    with pytest.raises(ConfigError) as info:
        load_config(made.folder)
    missing = {p.message.split(":")[0] for p in info.value.problems}
    assert {"country", "period", "platform", "key_figures.refugees_and_migrants"} <= missing


def test_a_spanish_header_export_is_guessed_too(tmp_path):
    export = next((ROOT / "samples" / "tree" / "ecu" / "2023-10").glob("*.csv"), None) or \
        next((ROOT / "samples" / "tree" / "ecu" / "2023-10").glob("*.xlsx"))
    made = start(tmp_path / "ecu", export=export)
    assert (made.country, made.period) == ("ECU", "2023-10")


def test_an_existing_report_is_never_replaced(tmp_path):
    made = start(tmp_path / "r")
    before = made.config.read_bytes()
    with pytest.raises(OutputError) as info:
        start(made.folder, export=SAMPLE / "5w.xlsx")
    assert info.value.problems[0].code == "E151"
    assert made.config.read_bytes() == before
    with pytest.raises(OutputError) as info:
        start(tmp_path / "other", export=tmp_path / "missing.xlsx")
    assert info.value.problems[0].code == "E152"
