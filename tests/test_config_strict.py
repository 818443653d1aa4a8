"""Issue 16, item 2: report.yaml is read strictly — a wrong figure never prints quietly.

Numbers with thousands separators (E140), keys given twice (E141), report.yaml saved by
Notepad as ANSI or UTF-16, and paths written with either slash.
"""
from __future__ import annotations

import codecs
import subprocess
import sys

import pytest
from conftest import SAMPLE

from nlg.config.report import load_config
from nlg.errors import ConfigError
from nlg.model import Lang


def _with(folder, old: str, new: str) -> None:
    path = folder / "report.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def _problems(folder) -> list:
    with pytest.raises(ConfigError) as info:
        load_config(folder)
    return list(info.value.problems)


@pytest.mark.parametrize("written, fixed", [
    ("14.971", "14971"), ("'14,971'", "14971"), ("14,971", "14971"), ("1.540.000", "1540000"),
    ("14.970", "14970"), ("'14 971'", "14971"),
])
def test_people_assisted_with_separators_is_an_error_with_the_fix(sample_copy, written, fixed):
    """Why: `people_assisted: 14.971` printed "14" in both documents, exit 0."""
    _with(sample_copy, "people_assisted: 14971", f"people_assisted: {written}")
    [problem] = _problems(sample_copy)
    assert problem.code == "E140"
    assert problem.file.endswith("report.yaml")
    assert f"— write {fixed}" in problem.message
    assert "key_figures.people_assisted" in problem.message


def test_the_cli_refuses_the_figure_and_writes_nothing(sample_copy, tmp_path):
    _with(sample_copy, "people_assisted: 14971", "people_assisted: 14.971")
    out = tmp_path / "out"
    run = subprocess.run([sys.executable, "-m", "nlg", "draft", str(sample_copy), "--out", str(out)],
                         capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert run.returncode == 2
    assert "14.971 — write 14971" in run.stderr
    assert not list(out.glob("*.docx"))


@pytest.mark.parametrize("key, written", [
    ("required_usd: 318000000", "required_usd: 318.000.000"),
    ("funded_usd: 66800000", "funded_usd: 66.800.000,50"),
    ("funded_usd: 66800000", "funded_usd: 66,800,000"),
])
def test_money_with_separators_is_an_error(sample_copy, key, written):
    _with(sample_copy, key, written)
    assert [p.code for p in _problems(sample_copy)] == ["E140"]


def test_decimals_that_are_no_separators_still_work(sample_copy):
    _with(sample_copy, "funded_usd: 66800000", "funded_usd: 66800000.50")
    assert load_config(sample_copy).funding.funded_usd == 66800000.5
    _with(sample_copy, "people_assisted: 14971", "people_assisted: 14.5")
    [problem] = _problems(sample_copy)
    assert problem.code == "E116" and "whole number" in problem.message


def test_a_key_given_twice_is_an_error_naming_both_lines(sample_copy):
    """Why: duplicate keys silently kept the last value."""
    path = sample_copy / "report.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    first = next(i for i, line in enumerate(lines) if line.startswith("platform:")) + 1
    path.write_text("\n".join(lines) + "\nplatform: R4V\n", encoding="utf-8")
    again = len(lines) + 1
    [problem] = _problems(sample_copy)
    assert problem.code == "E141"
    assert f"platform: given twice, on lines {first} and {again}" in problem.message
    assert problem.row == again


def test_nested_duplicates_are_found_too(sample_copy):
    _with(sample_copy, "  people_assisted: 14971", "  people_assisted: 14971\n  people_assisted: 15000")
    assert [p.code for p in _problems(sample_copy)] == ["E141"]


@pytest.mark.parametrize("encoding", ["cp1252", "utf-16", "utf-16-le", "utf-8-sig"])
def test_notepad_encodings_are_read(sample_copy, encoding):
    """Why: a report.yaml saved by Notepad as ANSI or UTF-16 was refused with got "b'\\xf3 el'"."""
    path = sample_copy / "report.yaml"
    text = path.read_text(encoding="utf-8")
    assert "ó" in text or "í" in text
    data = text.encode(encoding)
    if encoding == "utf-16-le":
        data = codecs.BOM_UTF16_LE + data
    path.write_bytes(data)
    config = load_config(sample_copy)
    assert config == load_config(SAMPLE).__class__(**{**load_config(SAMPLE).__dict__,
                                                      "folder": sample_copy,
                                                      "data": config.data})
    assert any("ó" in item.get(Lang.ES) for item in config.situation)


def test_binary_report_yaml_is_a_clear_error(sample_copy):
    (sample_copy / "report.yaml").write_bytes(b"\x00\x01\x02\x03PK\x03\x04" * 200)
    [problem] = _problems(sample_copy)
    assert problem.code == "E103" and "not a text file" in problem.message


@pytest.mark.parametrize("written", ["exports\\5w.xlsx", "exports/5w.xlsx"])
def test_paths_work_with_either_slash(sample_copy, written):
    """Why: `data\\5w.xlsx` in report.yaml broke on a colleague's Mac."""
    (sample_copy / "exports").mkdir()
    export = next(sample_copy.glob("*.xlsx"))
    export.rename(sample_copy / "exports" / export.name)
    _with(sample_copy, "data: [5w.xlsx]", f"data: ['{written.replace('5w.xlsx', export.name)}']")
    config = load_config(sample_copy)
    assert config.data == (sample_copy / "exports" / export.name,)
    assert config.data[0].is_file()
