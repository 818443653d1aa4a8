"""report.yaml parsing: keys, types, every problem reported at once."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from nlg.config.report import load_config
from nlg.errors import ConfigError
from nlg.model import Lang

MINIMAL = "country: PER\nperiod: 2023-11\nplatform: GTRM\nkey_figures:\n  refugees_and_migrants: 1540000\n"


def _folder(tmp_path: Path, text: str) -> Path:
    (tmp_path / "report.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "5w.csv").write_text("x\n", encoding="utf-8")
    return tmp_path


def test_sample_config_loads(sample_copy):
    config = load_config(sample_copy)
    assert config.country == "PER"
    assert config.period.first == config.period.last == "2023-11"
    assert config.published == dt.date(2023, 12, 5)
    assert config.key_figures["refugees_and_migrants"].value == 1_540_000
    assert config.key_figures["refugees_and_migrants"].as_of == dt.date(2023, 11, 30)
    assert config.funding.required_usd == 318_000_000
    assert all(item.get(Lang.EN) and item.get(Lang.ES) for item in config.situation)


def test_minimal_defaults(tmp_path):
    config = load_config(_folder(tmp_path, MINIMAL))
    assert config.data == (tmp_path / "5w.csv",)
    assert config.style.bullets_per_sector == 3
    assert config.style.number_locale["es"] == "es"


def test_bimonthly_period(tmp_path):
    config = load_config(_folder(tmp_path, MINIMAL.replace("2023-11", "2024-01..2024-02")))
    assert (config.period.first, config.period.last) == ("2024-01", "2024-02")
    assert config.period.file_label == "2024-01_2024-02"


@pytest.mark.parametrize("text, expected", [
    (MINIMAL + "cuntry: PER\n", "cuntry: unknown key (did you mean 'country'?)"),
    (MINIMAL.replace("country: PER", "country: PRE"), "expected an ISO 3166-1 alpha-3 code"),
    (MINIMAL.replace("period: 2023-11", "period: Nov 2023"), "expected YYYY-MM"),
    (MINIMAL.replace("platform: GTRM\n", ""), "platform: required key is missing"),
    (MINIMAL.replace("1540000", "1.5M"), "expected a whole non-negative number"),
    (MINIMAL + "style:\n  bulets_per_sector: 2\n", "did you mean 'bullets_per_sector'"),
    (MINIMAL + "style:\n  number_locale: {es: xx_YY}\n", "unknown locale"),
    (MINIMAL + "situation:\n  - en: yes\n", "expected text"),
    (MINIMAL + "data: [missing.xlsx]\n", "file not found"),
    (MINIMAL + "funding: {funded_usd: 1, required_usd: 0}\n", "must be greater than zero"),
])
def test_bad_config_messages(tmp_path, text, expected):
    with pytest.raises(ConfigError) as info:
        load_config(_folder(tmp_path, text))
    assert expected in str(info.value)
    assert "report.yaml" in str(info.value)


def test_every_problem_reported_at_once(tmp_path):
    text = "country: XXX\nperiod: 13-2023\nplatfrom: GTRM\n"
    with pytest.raises(ConfigError) as info:
        load_config(_folder(tmp_path, text))
    codes = {p.code for p in info.value.problems}
    assert {"E110", "E111", "E112", "E113"} <= codes


def test_invalid_yaml_names_line(tmp_path):
    with pytest.raises(ConfigError) as info:
        load_config(_folder(tmp_path, MINIMAL + "situation: [unclosed\n"))
    problem = info.value.problems[0]
    assert problem.code == "E104" and problem.row is not None


def test_missing_folder_and_file(tmp_path):
    with pytest.raises(ConfigError, match="report folder not found"):
        load_config(tmp_path / "nope")
    with pytest.raises(ConfigError, match="no report.yaml"):
        load_config(tmp_path)


def test_minimal_report_yaml_as_a_drafter_writes_it(tmp_path):
    # country by name, the refugees figure at the top: what issue 11 calls a minimal report.yaml
    (tmp_path / "report.yaml").write_text("country: Mexico\nperiod: 2022-01\nplatform: R4V\n"
                                          "refugees_and_migrants: 80000\n", encoding="utf-8")
    cfg = load_config(tmp_path)
    assert cfg.country == "MEX" and cfg.key_figures["refugees_and_migrants"].value == 80000
    (tmp_path / "report.yaml").write_text("country: Perú\nperiod: 2022-01\nplatform: R4V\n"
                                          "key_figures: {refugees_and_migrants: 5}\n", encoding="utf-8")
    assert load_config(tmp_path).country == "PER"


def test_a_figure_given_twice_is_an_error(tmp_path):
    (tmp_path / "report.yaml").write_text("country: PER\nperiod: 2022-01\nplatform: R4V\n"
                                          "refugees_and_migrants: 8\nkey_figures: {refugees_and_migrants: 5}\n",
                                          encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_config(tmp_path)
    assert [p.code for p in info.value.problems] == ["E133"]
