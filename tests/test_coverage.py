"""Phrasebank coverage of a report's 5W export: the Peru sample and a small synthetic export."""
from __future__ import annotations

import csv
import importlib.util
import json
from pathlib import Path

import pytest

from nlg import api
from nlg.catalogue import shipped
from nlg.cli import sitrep as cli
from nlg.content.recognise import recogniser
from nlg.lint.coverage import coverage, matched_by, report_coverage, table, to_dict
from nlg.model import Activity, Breakdown, Dataset, SourceRef
from nlg.phrasebank import bank as phrasebank

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "peru-2023-11"
HEADERS = [
    "Country Country", "Country Admin1", "Admin2 Admin2", "Appealing organisation Name",
    "Implementation Set up", "Implementing partner Name", "Month", "Indicator Sector",
    "Indicator Indicator", "Activity Name", "Activity Description", "RMRP Activity", "CVA",
    "Value (in USD)", "Delivery mechanism", "Quantity of output", "Total monthly beneficiaries",
    "New beneficiaries of the month", "Refugees and Migrants IN DESTINATION",
    "Refugees and Migrants IN TRANSIT", "Host Communities Beneficiaries",
    "Refugees and Migrants PENDULARS", "Colombian Returnees", "Women under 18", "Men under 18",
    "Women above 18", "Men above 18", "Other under 18", "Other above 18"]
UNKNOWN_ES = "# de personas que reciben kits de cocina y utensilios"
UNKNOWN_EN = "# of households supported with cooking kits and utensils"
SYNTHETIC = [  # (sector, indicator as the export writes it)
    ("Food Security", "RE-FS1 # of individuals receiving food assistance"),
    ("Food Security", "# of individuals receiving food assistance"),
    ("Health", "# of mental health consultation provided"),
    ("Integración", UNKNOWN_ES),
    ("Integración", UNKNOWN_ES),
    ("Shelter", UNKNOWN_EN),
]


def _minimal_load_data(config) -> Dataset:
    """Read English-header exports while nlg.load.table is not there (only what coverage needs)."""
    import openpyxl

    rows = []
    for path in config.data:
        if path.suffix == ".csv":
            table_rows = list(csv.reader(path.open(encoding="utf-8-sig")))
        else:
            table_rows = list(openpyxl.load_workbook(path, read_only=True).worksheets[0].values)
        head = table_rows[0]
        for number, values in enumerate(table_rows[1:], start=2):
            d = dict(zip(head, values))
            if str(d["Month"]) == config.period.first:
                rows.append(Activity(SourceRef(path.name, number), d["Country Country"], d["Country Admin1"],
                                     "", "", "", str(d["Month"]), d["Indicator Sector"],
                                     d["Indicator Indicator"], "", "", True, False, None, "", 0, 0, 0,
                                     Breakdown()))
    return Dataset(tuple(rows), tuple(p.name for p in config.data))


@pytest.fixture()
def loader(monkeypatch):
    """Use the real loader and validator when they exist, else a minimal reader of English-header exports."""
    if any(importlib.util.find_spec(m) is None for m in ("nlg.load.table", "nlg.validate.dataset")):
        monkeypatch.setattr(api, "load_data", _minimal_load_data)


@pytest.fixture()
def synthetic(tmp_path: Path) -> Path:
    """Return a report folder with a small CSV export holding known and unknown indicators."""
    folder = tmp_path / "synthetic"
    folder.mkdir()
    (folder / "report.yaml").write_text(
        "country: PER\nperiod: 2023-11\nplatform: GTRM\nkey_figures:\n  refugees_and_migrants: 1540000\n",
        encoding="utf-8")
    with (folder / "5w.csv").open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(HEADERS)
        for sector, indicator in SYNTHETIC:
            values = dict.fromkeys(HEADERS, "0")
            values.update({"Country Country": "Peru", "Country Admin1": "Lima", "Admin2 Admin2": "Lima",
                           "Appealing organisation Name": "ACNUR", "Implementation Set up": "Directly",
                           "Implementing partner Name": "", "Month": "2023-11", "Indicator Sector": sector,
                           "Indicator Indicator": indicator, "Activity Name": "", "Activity Description": "",
                           "RMRP Activity": "Yes", "CVA": "No", "Value (in USD)": "", "Delivery mechanism": "",
                           "Total monthly beneficiaries": "100", "New beneficiaries of the month": "100",
                           "Refugees and Migrants IN DESTINATION": "100", "Women above 18": "50",
                           "Men above 18": "50"})
            writer.writerow([values[h] for h in HEADERS])
    return folder


def test_peru_sample_is_fully_covered(loader) -> None:
    cov = report_coverage(SAMPLE)
    assert cov.complete and cov.fallback_rows == 0
    assert len(cov.indicators) == 26 and cov.rows == sum(i.rows for i in cov.indicators)
    assert all(i.langs == ("en", "es", "pt") for i in cov.indicators)
    # official texts are recognised by the catalogue, the sample's own _PER indicators by alias
    assert {i.matched_by for i in cov.indicators} == {"alias", "text"}
    by_entry = {i.entry: i for i in cov.indicators}
    assert by_entry["RE-PR2"].rows == 10 and by_entry["RE-PR2"].sector == "PRO"
    assert by_entry["RE-PRGBV3_PER"].code == "RE-PRGBV3_PER"


def test_synthetic_export_with_unknown_indicators(loader, synthetic: Path) -> None:
    cov = report_coverage(synthetic)
    assert not cov.complete
    rows = {(i.entry, i.matched_by, i.rows) for i in cov.indicators}
    assert ("RE-FS1", "text", 2) in rows
    similar = next(i for i in cov.indicators if i.entry == "RE-HE5_PER")
    assert similar.matched_by.startswith("similar ") and similar.matched_by.endswith("%")
    unknown = {i.label: i for i in cov.indicators if not i.entry}
    assert set(unknown) == {UNKNOWN_ES, UNKNOWN_EN}
    assert unknown[UNKNOWN_ES].rows == 2 and unknown[UNKNOWN_ES].sector == "INT"
    assert unknown[UNKNOWN_ES].fallback == "generic sentence quoting it in es; translation needed in en, pt"
    assert unknown[UNKNOWN_EN].fallback == "generic sentence quoting it in en; translation needed in es, pt"
    assert cov.fallback_rows == 3 and cov.rows == 6


def test_matched_by_explains_the_recogniser() -> None:
    bank = phrasebank.load()
    rec = recogniser(bank)
    # a code only confirms: with a text that disagrees, the match is flagged as similar
    entry, how = matched_by(rec, bank, "RE-FS1", "anything", 2021)
    assert entry == "RE-FS1" and how.startswith("similar ")
    assert matched_by(rec, bank, "RE-FS1", "", 2021) == ("RE-FS1", "code")
    # 2023-2024 RE-FS1 is another indicator (productive projects), with its own entry
    assert matched_by(rec, bank, "RE-FS1", "", 2023) == ("fsc_productive_projects", "code")
    assert matched_by(rec, bank, "", "RE-FS1: # of individuals receiving food assistance") == ("RE-FS1", "text")
    assert matched_by(rec, bank, "", "N° de personas que reciben asistencia alimentaria") == ("RE-FS1", "text")
    assert matched_by(rec, bank, "", "# of something nobody knows") == ("", "none")


def test_table_lists_what_falls_to_the_fallback() -> None:
    rows = tuple(Activity(SourceRef("5w.csv", n), "Peru", "Lima", "", "", "", "2023-11", sector, label, "",
                          "", True, False, None, "", 0, 0, 0) for n, (sector, label) in enumerate(SYNTHETIC, 2))
    text = table(coverage(Dataset(rows, ("5w.csv",)), phrasebank.load(), source="synthetic"))
    lines = text.splitlines()
    assert lines[0] == ("synthetic (5w.csv): 4 indicator(s), 2 with a phrasebank entry; "
                        "3 of 6 row(s) fall to the generic fallback")
    assert lines[2].split() == ["Code", "Sector", "Entry", "Matched", "by", "Languages", "Rows", "Indicator"]
    assert "Without an entry (add one to phrasebanks/indicators.yaml; see phrasebanks/README.md):" in lines
    assert f"  - {UNKNOWN_ES} (2 row(s)): generic sentence quoting it in es; translation needed in en, pt" in lines


def test_cli_coverage_table_and_json(loader, synthetic: Path, capsys) -> None:
    assert cli.main(["phrasebank", "coverage", str(synthetic)]) == 0
    assert "3 of 6 row(s) fall to the generic fallback" in capsys.readouterr().out
    assert cli.main(["phrasebank", "coverage", str(synthetic), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["fallback_rows"] == 3 and data["complete"] is False
    assert {i["entry"] for i in data["indicators"]} == {"RE-FS1", "RE-HE5_PER", ""}
    assert all(set(i) >= {"label", "code", "sector", "matched_by", "langs", "rows", "covered"}
               for i in data["indicators"])


def test_cli_coverage_missing_folder_exits_2(tmp_path: Path, capsys) -> None:
    assert cli.main(["phrasebank", "coverage", str(tmp_path / "nowhere")]) == 2
    assert "report folder not found" in capsys.readouterr().err


def test_to_dict_marks_covered() -> None:
    cov = coverage(Dataset((), ()), phrasebank.load())
    assert to_dict(cov) == {"source": "", "files": (), "indicators": (), "rows": 0, "rows_outside_period": 0,
                            "fallback_rows": 0, "complete": True}


@pytest.mark.skipif(not (ROOT / "samples/tree/col/2023-11").is_dir(), reason="sample tree not built")
def test_country_suffixed_indicators_fall_back_with_their_code(loader) -> None:
    if importlib.util.find_spec("nlg.validate.dataset") is None:
        pytest.skip("Spanish-header CSV exports need the real loader")
    cov = report_coverage(ROOT / "samples/tree/col/2023-11")
    # platform indicators only: a catalogue indicator without an entry yet is the coverage report's concern
    unknown = [i for i in cov.indicators if not i.entry and shipped().identify("", i.label, 2023).how != "text"]
    assert unknown and all(i.code.endswith("_COL") and "translation needed" in i.fallback for i in unknown)
    assert all(i.covered for i in cov.indicators if i.entry)


def test_every_official_catalogue_indicator_has_an_entry_in_every_language() -> None:
    from nlg.lint.coverage import catalogue_coverage

    items = catalogue_coverage(phrasebank.load())
    assert {c.cycle for c in items} == {"2021", "2022", "2023-2024"}
    assert [(c.cycle, c.missing) for c in items if c.missing] == []
