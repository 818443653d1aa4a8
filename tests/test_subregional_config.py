"""Sub-regional platforms (issue 13): report.yaml names several countries, their rows are kept."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from test_validate import table

from nlg.api import load_data
from nlg.config import platforms
from nlg.config.report import load_config
from nlg.errors import ConfigError
from nlg.load.table import read_table
from nlg.places import is_alpha3
from nlg.validate.dataset import validate

REAL = Path(__file__).resolve().parent / "data" / "real"
SOUTHERN = REAL / "Activities_5W_2022.xlsx"
CARIBBEAN = REAL / "5W_2021_Aruba_Curacao_Uruguay.xlsx"


def _folder(tmp_path: Path, text: str, data: Path | None = None) -> Path:
    (tmp_path / "report.yaml").write_text(text, encoding="utf-8")
    if data is None:
        (tmp_path / "5w.csv").write_text("x\n", encoding="utf-8")
    else:
        (tmp_path / data.name).write_bytes(data.read_bytes())
    return tmp_path


def test_membership_data():
    known = platforms.platforms()
    assert set(known) == {"southern-cone", "caribbean", "central-america-mexico"}
    members = [c for p in known.values() for c in p.members]
    assert len(members) == len(set(members)) == 12        # 12 of the 17 R4V countries
    assert all(is_alpha3(c) for c in members)
    assert known["southern-cone"].members == ("ARG", "BOL", "PRY", "URY")
    assert known["caribbean"].members == ("ABW", "CUW", "DOM", "GUY", "TTO")
    assert known["central-america-mexico"].members == ("CRI", "MEX", "PAN")
    for name in ("Southern Cone", "cono sur", "CARIBE", "the Caribbean",
                 "Centroamérica y México", "Central America & Mexico"):
        assert platforms.find(name) is not None, name
    assert platforms.find("GTRM") is None and platforms.find("GIFMM") is None


@pytest.mark.parametrize("text", [
    "countries: [ARG, BOL, PRY, URY]\nplatform: Southern Cone\n",
    "countries: [arg, bol, pry, ury]\nplatform: Plataforma Subregional Cono Sur\n",
    "countries: Cono Sur\nplatform: R4V Southern Cone\n",
    "platform: Southern Cone\n",
])
def test_countries_of_a_platform(tmp_path, text):
    config = load_config(_folder(tmp_path, text + "period: 2022-08\nkey_figures: {}\n"))
    assert config.multi and config.country == ""
    assert config.countries == ("ARG", "BOL", "PRY", "URY")
    assert config.key == config.platform_id == "southern-cone"


def test_own_platform_and_per_country_figures(tmp_path):
    text = ("countries: [ARG, URY]\nplatform: Río de la Plata\nperiod: 2022-08\n"
            "key_figures:\n  people_assisted: 300\n  by_country:\n"
            "    ARG: {refugees_and_migrants: 171000, people_assisted: 100}\n    URY: 19000\n"
            "people_reached:\n  Education: 5\n  URY: {Health: 4}\n")
    with pytest.raises(ConfigError) as info:
        load_config(_folder(tmp_path, text))
    assert [p.code for p in info.value.problems] == ["E115"]      # URY: 19000 is not a mapping
    config = load_config(_folder(tmp_path, text.replace("URY: 19000", "URY: {refugees_and_migrants: 19000}")))
    assert config.key == "rio-de-la-plata" and config.countries == ("ARG", "URY")
    assert config.key_figures["people_assisted"].value == 300
    assert config.country_figures["ARG"]["people_assisted"].value == 100
    assert config.country_figures["URY"]["refugees_and_migrants"].value == 19000
    assert dict(config.people_reached) == {"Education": 5}
    assert dict(config.country_people_reached["URY"]) == {"Health": 4}


def test_single_country_unchanged(tmp_path):
    text = "country: URY\nperiod: 2022-08\nplatform: Southern Cone\nkey_figures: {refugees_and_migrants: 3}\n"
    config = load_config(_folder(tmp_path, text))
    assert (config.country, config.countries, config.key, config.multi) == ("URY", (), "URY", False)
    one = load_config(_folder(tmp_path, text.replace("country: URY", "countries: [URY]")))
    assert (one.country, one.countries, one.key) == ("URY", (), "URY")
    with pytest.raises(ConfigError, match="refugees_and_migrants: required key is missing"):
        load_config(_folder(tmp_path, text.replace("{refugees_and_migrants: 3}", "{}")))


@pytest.mark.parametrize("text, code, words", [
    ("country: ARG\ncountries: [ARG, URY]\nplatform: X\n", "E125", "not both"),
    ("countries: [ARG, URU]\nplatform: X\n", "E126", "did you mean"),
    ("countries: [ARG, ARG]\nplatform: X\n", "E126", "listed twice"),
    ("countries: []\nplatform: X\n", "E126", "expected a list"),
    ("countries: Cono Norte\nplatform: X\n", "E127", "did you mean 'Cono Sur'"),
    ("platform: GTRM\n", "E111", "country: required key is missing"),
    ("countries: [ARG, URY]\nplatform: X\nkey_figures:\n  by_country: {PER: {people_assisted: 1}}\n",
     "E128", "not one of the report's countries"),
    ("countries: [ARG, URY]\nplatform: X\npeople_reached: {BOL: {Health: 1}}\n", "E128", "BOL"),
])
def test_bad_countries(tmp_path, text, code, words):
    if "key_figures" not in text:
        text += "key_figures: {}\n"
    with pytest.raises(ConfigError) as info:
        load_config(_folder(tmp_path, text + "period: 2022-08\n"))
    codes = [p.code for p in info.value.problems]
    assert codes == [code] or (code == "E111" and set(codes) == {"E111"})  # + refugees_and_migrants
    assert words in str(info.value)


def _by_country(dataset) -> Counter:
    return Counter(a.country for a in dataset.activities)


def test_every_member_row_is_kept_southern_cone(tmp_path):
    """The real Southern Cone export: the 125 August rows of the four countries, none left out."""
    config = load_config(_folder(tmp_path, "platform: Southern Cone\nperiod: 2022-08\nkey_figures: {}\n",
                                 SOUTHERN))
    data = load_data(config)
    assert _by_country(data) == {"ARG": 55, "BOL": 46, "PRY": 19, "URY": 5}
    assert data.rows_outside_period == 0 and data.rows_read == 125
    assert not [w for w in data.warnings if w.code in ("W212", "W270", "W211")]
    # each row's admin1 is matched in its own country
    assert {a.admin1 for a in data.activities if a.country == "BOL"} >= {"La Paz", "Santa Cruz"}
    assert {a.admin1 for a in data.activities if a.country == "URY"} == {"Montevideo", "Rocha"}


def test_non_members_named_caribbean(tmp_path):
    """The real 2021 export: Aruba and Curaçao kept; Uruguay (Southern Cone) left out with W212."""
    config = load_config(_folder(tmp_path, "platform: Caribbean\nperiod: 2021-03\nkey_figures: {}\n",
                                 CARIBBEAN))
    data = load_data(config)
    assert _by_country(data) == {"ABW": 16, "CUW": 8}
    w212 = [w for w in data.warnings if w.code == "W212"]
    assert len(w212) == 1 and "28 row(s) for URY left out" in w212[0].message
    assert "ABW, CUW, DOM, GUY, TTO" in w212[0].message


def test_empty_country_guessed_from_admin1():
    rows = table({"Country Country": "Argentina", "Country Admin1": "Jujuy"},
                 {"Country Country": "", "Country Admin1": "Montevideo"},
                 {"Country Country": "", "Country Admin1": "Atlantis"},
                 {"Country Country": "", "Country Admin1": "Central"})
    data = validate([rows], period=NOV, countries=("ARG", "URY", "PRY"))
    assert [(a.country, a.admin1) for a in data.activities] == [("ARG", "Jujuy"), ("URY", "Montevideo"),
                                                               ("PRY", "Central")]
    codes = Counter(w.code for w in data.warnings)
    assert codes["W204"] == 2 and codes["W270"] == 1
    w270 = next(w for w in data.warnings if w.code == "W270")
    assert w270.row == 4 and "1 row(s)" in w270.message


NOV = ("2023-11", "2023-11")


def test_single_country_still_drops_others():
    data = validate([table({"Country Country": "Argentina"}, {})], period=NOV, country="PER")
    assert [a.country for a in data.activities] == ["PER"]
    assert [w.code for w in data.warnings] == ["W212"]


def test_real_rows_of_one_country_match(tmp_path):
    """A multi-country report keeps exactly the rows each single-country report keeps."""
    folder = _folder(tmp_path, "platform: Southern Cone\nperiod: 2022-08\nkey_figures: {}\n", SOUTHERN)
    multi = load_data(load_config(folder))
    table_ = read_table(SOUTHERN)
    for code in ("ARG", "BOL", "PRY", "URY"):
        one = validate([table_], period=("2022-08", "2022-08"), country=code)
        assert [a for a in multi.activities if a.country == code] == list(one.activities)
