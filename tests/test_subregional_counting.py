"""Sub-regional platforms (issue 13): each counting rule per country, then summed (as R4V does)."""
from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from test_validate import table

from nlg.api import prepare
from nlg.config.report import Figure, Period, ReportConfig
from nlg.content.aggregate import aggregate
from nlg.content.aggregate_countries import country_facts
from nlg.phrasebank import bank as phrasebank
from nlg.validate.dataset import validate

REAL = Path(__file__).resolve().parent / "data" / "real"
EXPORTS = {"southern-cone": (REAL / "Activities_5W_2022.xlsx", "2022-08", ("ARG", "BOL", "PRY", "URY")),
           "caribbean": (REAL / "5W_2021_Aruba_Curacao_Uruguay.xlsx", "2021-03", ("ABW", "CUW")),
           "central-america-mexico": (REAL / "Translated5W_2022.xlsx", "2022-01", ("MEX", "PAN"))}


def _folder(root: Path, name: str, head: str, export: Path, period: str) -> Path:
    folder = root / name
    folder.mkdir()
    shutil.copy(export, folder / export.name)
    (folder / "report.yaml").write_text(f"{head}\nperiod: {period}\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def drafts(tmp_path_factory):
    """The three platforms' drafts from the real exports, and each country's own report."""
    root = tmp_path_factory.mktemp("platforms")
    out = {}
    for pid, (export, period, codes) in EXPORTS.items():
        out[pid] = prepare(_folder(root, pid, f"platform: {pid}\nkey_figures: {{}}", export, period))
        for code in codes:
            head = f"country: {code}\nplatform: R4V\nkey_figures: {{refugees_and_migrants: 1}}"
            out[code] = prepare(_folder(root, f"{pid}-{code}", head, export, period))
    return out


@pytest.mark.parametrize("pid", list(EXPORTS))
def test_each_country_as_its_own_report(drafts, pid):
    """Per-country people reached and people assisted equal the single-country reports."""
    platform = drafts[pid].facts
    for code in EXPORTS[pid][2]:
        single = drafts[code].facts
        cells = {t.sector: t.value for t in country_facts(platform, code)}
        assert {t.sector: t.value for t in single.sector_totals if t.value} == \
               {s: v for s, v in cells.items() if v}
        assert dict(platform.assisted_by_country)[code] == single.people_assisted
        mine = [a for a in drafts[pid].data.activities if a.country == code]
        assert mine == list(drafts[code].data.activities)          # no row of a country dropped


@pytest.mark.parametrize("pid", list(EXPORTS))
def test_platform_is_the_sum_of_its_countries(drafts, pid):
    facts = drafts[pid].facts
    for total in facts.sector_totals:
        assert total.value == sum(c.value or 0 for c in total.by_country)
        assert [c.country for c in total.by_country] == list(facts.countries)
    assert facts.people_assisted == sum(n or 0 for _, n in facts.assisted_by_country)
    assert drafts[pid].plan.people_assisted.value == facts.people_assisted


def test_southern_cone_figures(drafts):
    facts = drafts["southern-cone"].facts
    assert dict(facts.assisted_by_country) == {"ARG": 96, "BOL": 1073, "PRY": 150, "URY": 215}
    assert facts.people_assisted == 1534
    protection = next(t for t in facts.sector_totals if t.sector == "PRO")
    assert [(c.country, c.value) for c in protection.by_country] == \
           [("ARG", 96), ("BOL", 883), ("PRY", 54), ("URY", 215)]
    assert protection.value == 1248


def test_caribbean_members_without_rows(drafts):
    facts = drafts["caribbean"].facts
    assert facts.countries == ("ABW", "CUW", "DOM", "GUY", "TTO")
    assert dict(facts.assisted_by_country) == {"ABW": 224, "CUW": 655, "DOM": None, "GUY": None,
                                               "TTO": None}
    for total in facts.sector_totals:
        for cell in total.by_country[2:]:
            assert (cell.value, cell.counted_rows) == (0, 0)      # shown "–", never "not reported"


def _config(**kw) -> ReportConfig:
    base = dict(folder=Path("."), country="", countries=("ARG", "BOL"), platform_id="southern-cone",
                period=Period((2021, 3), (2021, 3)), platform="Southern Cone", key_figures={})
    return ReportConfig(**{**base, **kw})


PR1 = "# of refugees and migrants who received protection-related assistance and specialized services"
HE1 = ("# of refugees and migrants from Venezuela or host communities assisted with primary health "
       "care consultations including TBC, COVID-19, HIV/AIDS, non-communicable diseases, mental, "
       "sexual and reproductive health, psychosocial support, etc.")
MAR = ("2021-03", "2021-03")


def _facts(*rows: dict, **kw):
    rows = tuple({"Month": "2021-03", "Indicator Indicator": PR1, **r} for r in rows)
    data = validate([table(*rows)], period=MAR, countries=("ARG", "BOL"))
    return aggregate(data, _config(**kw), phrasebank.load())


def test_intersector_rule_per_country():
    """Santa Cruz (Argentina) and Santa Cruz (Bolivia) are two places: never one maximum."""
    facts = _facts({"Country Country": "Argentina", "Country Admin1": "Santa Cruz"},
                   {"Country Country": "Bolivia", "Country Admin1": "Santa Cruz",
                    "Indicator Sector": "Health", "Indicator Indicator": HE1})
    assert dict(facts.assisted_by_country) == {"ARG": 10, "BOL": 10}
    assert facts.people_assisted == 20


def test_rmrp_filter_decided_per_country():
    """Bolivia marks no row as RMRP: all its rows count, as in Bolivia's own report."""
    facts = _facts({"Country Country": "Argentina", "Country Admin1": "Jujuy"},
                   {"Country Country": "Argentina", "Country Admin1": "Salta", "RMRP Activity": "No"},
                   {"Country Country": "Bolivia", "Country Admin1": "La Paz", "RMRP Activity": "No"})
    protection = next(t for t in facts.sector_totals if t.sector == "PRO")
    assert [(c.country, c.value) for c in protection.by_country] == [("ARG", 10), ("BOL", 10)]
    assert facts.countries_rmrp_all == ("BOL",)
    assert [w.code for w in facts.warnings if w.code == "W263"] == ["W263"]   # Salta's row only
    assert "1 row(s)" in next(w.message for w in facts.warnings if w.code == "W263")
    narrated = next(f for f in facts.facts if f.key == "PRO/RE-PR1")
    assert narrated.by_place == (("ARG", "Jujuy", 10), ("BOL", "La Paz", 10))


def test_overrides_per_country_and_platform():
    rows = ({"Country Country": "Argentina", "Country Admin1": "Jujuy"},
            {"Country Country": "Bolivia", "Country Admin1": "La Paz"})
    facts = _facts(*rows, country_people_reached={"BOL": {"Protection": 25}})
    protection = next(t for t in facts.sector_totals if t.sector == "PRO")
    assert (protection.value, protection.computed) == (35, 20)
    assert protection.by_country[1].overridden and protection.by_country[1].value == 25
    facts = _facts(*rows, people_reached={"Protection": 30})
    protection = next(t for t in facts.sector_totals if t.sector == "PRO")
    assert (protection.value, protection.overridden) == (30, True)
    assert [c.value for c in protection.by_country] == [10, 10]


def test_given_people_assisted_per_country(tmp_path):
    export, period, _ = EXPORTS["southern-cone"]
    head = ("platform: Southern Cone\nkey_figures:\n  by_country:\n    ARG: {people_assisted: 90}\n"
            "    URY: {people_assisted: 5000}")
    draft = prepare(_folder(tmp_path, "sc", head, export, period))
    assert dict(draft.plan.assisted_by_country) == {"ARG": 90, "BOL": 1073, "PRY": 150, "URY": 5000}
    assert draft.plan.people_assisted.value == 90 + 1073 + 150 + 5000
    w262 = [w for w in draft.warnings if w.code == "W262"]
    assert len(w262) == 2 and {w.column for w in w262} == {
        "key_figures.by_country.ARG.people_assisted", "key_figures.by_country.URY.people_assisted"}
    given = replace(draft.config, key_figures={"people_assisted": Figure(1500)})
    from nlg.api import _assisted
    assert _assisted(given, draft.facts) == 1500
