"""The committed sample samples/peru-2023-11/5w.xlsx reproduces the figures of the GTRM Peru
report of November 2023. Read with openpyxl directly (not the project's loader), so that a bug
in the loader cannot hide a bug in the sample, and vice versa."""
from __future__ import annotations

import csv
import datetime as dt
import importlib.util
from collections import defaultdict
from pathlib import Path

import openpyxl
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "samples" / "peru-2023-11"
XLSX = FOLDER / "5w.xlsx"
GENERATOR = ROOT / "samples" / "tools" / "make_peru_sample.py"

HEADER = [
    "Country Country", "Country Admin1", "Admin2 Admin2", "Appealing organisation Name",
    "Implementation Set up", "Implementing partner Name", "Month", "Indicator Sector",
    "Indicator Indicator", "Activity Name", "Activity Description", "RMRP Activity", "CVA",
    "Value (in USD)", "Delivery mechanism", "Quantity of output", "Total monthly beneficiaries",
    "New beneficiaries of the month", "Refugees and Migrants IN DESTINATION",
    "Refugees and Migrants IN TRANSIT", "Host Communities Beneficiaries",
    "Refugees and Migrants PENDULARS", "Colombian Returnees", "Women under 18", "Men under 18",
    "Women above 18", "Men above 18", "Other under 18", "Other above 18",
]
POP = HEADER[18:23]
AGE = HEADER[23:29]

CATALOGUE = ROOT / "nlg" / "data" / "catalogues" / "rmrp-2023-2024.csv"
with open(CATALOGUE, encoding="utf-8", newline="") as _handle:
    OFFICIAL_EN = {r["code"]: r["text_en"] for r in csv.DictReader(_handle)}
# The RMRP 2023-2024 indicators of the sample: written with the catalogue's official English text,
# exactly (a few rows put the code in front).
RMRP_CODES = ("RE-E01", "RE-E03", "RE-E06", "RE-FS3", "RE-HE1", "RE-HT1", "RE-IN1", "RE-IN6",
              "RE-PR1", "RE-CP2", "RE-NU4", "RE-SH1", "RE-WA3", "RE-MC1")
RMRP_TEXT = {code: OFFICIAL_EN[code] for code in RMRP_CODES}
# GTRM Peru's own indicators, in no 2023-2024 form (samples/README.md says why): the _PER ones
# in Spanish with their code in front; the orientation indicator in English, without a code.
ORIENTATION = "orientation"
RMRP_TEXT[ORIENTATION] = "# of refugees and migrants who received information and orientation on rights and access to services"  # noqa: E501
PER_TEXT = {
    "RE-FS2_PER": "# de kits de alimentos y refrigerios entregados a personas refugiadas y migrantes en tránsito",
    "RE-HE5_PER": "# de consultas de salud mental brindadas",
    "RE-HE8_PER": "# de personas con discapacidad que reciben atención en salud, incluida rehabilitación física",
    "RE-HE9_PER": "# de funcionarios públicos capacitados en salud inclusiva",
    "RE-INT3_PER": "# de personas capacitadas en autoempleo y emprendimiento",
    "RE-INT4_PER": "# de personas certificadas al concluir programas de emprendimiento",
    "RE-INT6_PER": "# de emprendedores que reciben capital semilla para sus planes de negocio",
    "RE-PR7_PER": "# de kits psicosociales entregados a personas en tránsito",
    "RE-PRGBV3_PER": "# de actividades de empoderamiento para mujeres y adolescentes en riesgo o sobrevivientes de VBG",
    "RE-NU5_PER": "# de niñas y niños de 24 a 59 meses que reciben suplementos nutricionales",
    "RE-NU7_PER": "# de niños de 6 a 59 meses sometidos a exámenes de detección de anemia en una comunidad",
}
CAPACITY_BUILDING = {"RE-E06", "RE-HE9_PER"}  # the seed leaves them out of people reached

# code -> (sector label, admin1 set, quantity of output or None, total monthly, new), November.
EXPECTED = {
    "RE-E06": ("Education", {"Lima", "Tumbes"}, None, 906, 906),
    "RE-E01": ("Education", {"Tumbes"}, None, 206, 206),
    "RE-E03": ("Education", {"Lima", "Callao", "La Libertad", "Arequipa"}, None, 2890, 2748),
    "RE-FS2_PER": ("Food Security", {"Tumbes"}, 2550, 2100, 2100),
    "RE-FS3": ("Food Security", {"Lima", "Tacna", "Piura", "La Libertad"}, None, 6500, 6090),
    "RE-HE5_PER": ("Health", {"Lima", "Tumbes", "Tacna"}, 392, 310, 310),
    "RE-HE8_PER": ("Health", {"Lima"}, None, 350, 350),
    "RE-HE9_PER": ("Health", {"Lima", "Callao"}, None, 93, 93),
    "RE-HE1": ("Health", {"Lima", "Callao", "Tumbes", "Arequipa"}, None, 4100, 3719),
    "RE-HT1": ("Humanitarian Transportation", {"Tumbes", "Tacna"}, None, 68, 68),
    "RE-IN6": ("Integration", {"Lima"}, None, 200, 200),
    "RE-INT3_PER": ("Integration", {"Lima", "La Libertad", "Arequipa"}, None, 684, 684),
    "RE-INT4_PER": ("Integration", {"Lima"}, None, 51, 51),
    "RE-INT6_PER": ("Integration", {"Lima"}, None, 23, 23),
    "RE-IN1": ("Integration", {"Lima", "Arequipa", "Piura"}, None, 4900, 4682),
    "RE-PR1": ("Protection", {"Lima", "Tumbes", "Tacna"}, None, 608, 608),
    "RE-PR7_PER": ("Protection", {"Tumbes"}, 153, 153, 153),
    "RE-CP2": ("Protection (Child Protection)", {"Lima", "Tumbes", "Piura"}, None, 1987, 1987),
    "RE-PRGBV3_PER": ("Protection (GBV)", {"Lima", "Tumbes", "Tacna"}, 143, 1120, 1120),
    ORIENTATION: ("Protection", {"Lima", "Callao", "Tumbes", "Tacna", "Piura", "Arequipa",
                                 "La Libertad", "Cusco", "Puno"}, None, 12020, 11349),
    "RE-NU5_PER": ("Nutrition", {"Tumbes"}, None, 604, 604),
    "RE-NU7_PER": ("Nutrition", {"Tumbes"}, None, 156, 156),
    "RE-NU4": ("Nutrition", {"Lima", "Piura"}, None, 658, 658),
    "RE-SH1": ("Shelter", {"Tumbes", "Tacna", "Lima"}, None, 1656, 1656),
    "RE-WA3": ("WASH", {"Tumbes", "Tacna", "Madre de Dios", "Lima", "Piura"}, 962, 900, 843),
    "RE-MC1": ("Multipurpose Cash Assistance", {"Lima", "Callao", "La Libertad", "Arequipa", "Tumbes"},
               None, 6001, 6001),
}
# The seed's "people reached" table: NEW of the month over every row but capacity building. (The
# tool counts only Direct Assistance: its Integration is 5,440, as RE-IN6 is a Campaign indicator.)
SECTOR_NEW = {
    "Education": 2954, "Food Security": 8190, "Health": 4379, "Humanitarian Transportation": 68,
    "Integration": 5640, "Nutrition": 1418, "Protection": 15217, "Shelter": 1656, "WASH": 843,
    "Multipurpose Cash Assistance": 6001,
}
WASH_KITS = {"Hygiene kits for men in transit": (505, {"Tumbes", "Tacna"}),
             "Dignity kits for adolescents and women": (196, {"Tumbes", "Tacna"}),
             "Newborn kits": (64, {"Tacna", "Tumbes", "Madre de Dios"}),
             "Family hygiene kits": (197, {"Lima", "Piura"})}
# The two rows that deliberately break a quality rule: (admin1, code) -> broken rule.
DELIBERATE: dict = {}  # the Peru sample is clean; samples/tree carries the deliberate warnings


def read(path: Path) -> tuple[list, list[dict]]:
    """Return the header and the rows (as dicts) of the only sheet of ``path``."""
    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    assert len(book.worksheets) == 1
    rows = list(book.worksheets[0].iter_rows(values_only=True))
    book.close()
    return list(rows[0]), [dict(zip(rows[0], r)) for r in rows[1:]]


def code_of(indicator: str) -> str:
    """Return the indicator code of an exported indicator cell."""
    first, _, rest = indicator.partition(" ")
    if first.startswith("RE-"):
        expected = PER_TEXT.get(first) or RMRP_TEXT[first]
        assert rest == expected, indicator
        return first
    codes = [c for c, t in RMRP_TEXT.items() if t == indicator]
    assert len(codes) == 1, f"unknown indicator text {indicator!r}"
    return codes[0]


def n(value) -> int:
    """Return an empty numeric cell as 0."""
    return 0 if value is None else value


@pytest.fixture(scope="module")
def sheet():
    return read(XLSX)


@pytest.fixture(scope="module")
def november(sheet):
    return [r for r in sheet[1] if r["Month"] == "2023-11"]


def test_header_is_the_2025_english_template(sheet):
    assert sheet[0] == HEADER


def test_country_months_and_october_rows(sheet):
    rows = sheet[1]
    assert {r["Country Country"] for r in rows} == {"Peru"}
    months = [r["Month"] for r in rows]
    assert set(months) == {"2023-11", "2023-10"}
    assert months.count("2023-10") == 6
    assert all(r["Country Admin1"] and r["Appealing organisation Name"] for r in rows)


@pytest.mark.parametrize("code", sorted(EXPECTED))
def test_indicator_figures(november, code):
    sector, admin1, qty, tm, new = EXPECTED[code]
    rows = [r for r in november if code_of(r["Indicator Indicator"]) == code]
    assert len(rows) >= 1
    assert {r["Indicator Sector"] for r in rows} == {sector}
    assert {r["Country Admin1"] for r in rows} == admin1
    assert sum(r["Total monthly beneficiaries"] for r in rows) == tm
    assert sum(r["New beneficiaries of the month"] for r in rows) == new
    if qty is not None:
        assert sum(r["Quantity of output"] for r in rows) == qty
    assert all(n(r["Quantity of output"]) > 0 for r in rows)


def test_several_rows_per_big_indicator(november):
    counts = defaultdict(int)
    for r in november:
        counts[code_of(r["Indicator Indicator"])] += 1
    assert all(counts[c] >= 3 for c, e in EXPECTED.items() if len(e[1]) >= 3)


def test_sector_new_beneficiaries(november):
    totals = defaultdict(int)
    for r in november:
        if code_of(r["Indicator Indicator"]) in CAPACITY_BUILDING:
            continue
        sector = r["Indicator Sector"]
        sector = "Protection" if sector.startswith("Protection") else sector
        totals[sector] += r["New beneficiaries of the month"]
    assert dict(totals) == SECTOR_NEW


def test_breakdowns_sum_to_new_except_deliberate_rows(sheet):
    broken = {}
    for r in sheet[1]:
        new = r["New beneficiaries of the month"]
        assert new <= r["Total monthly beneficiaries"]
        rules = [name for name, cols in (("population", POP), ("age", AGE))
                 if sum(n(r[c]) for c in cols) != new]
        if rules:
            broken[(r["Country Admin1"], code_of(r["Indicator Indicator"]))] = rules
        assert all(n(r[c]) >= 0 for c in POP + AGE)
    assert broken == {k: [v] for k, v in DELIBERATE.items()}


@pytest.mark.parametrize("code,activity", [("RE-FS2_PER", None), ("RE-PR7_PER", None),
                                           ("RE-WA3", "Hygiene kits for men in transit")])
def test_mostly_in_transit(november, code, activity):
    rows = [r for r in november if code_of(r["Indicator Indicator"]) == code
            and activity in (None, r["Activity Name"])]
    transit = sum(n(r["Refugees and Migrants IN TRANSIT"]) for r in rows)
    assert transit >= 0.8 * sum(r["New beneficiaries of the month"] for r in rows)


def test_gbv_reaches_mostly_women_and_girls(november):
    rows = [r for r in november if code_of(r["Indicator Indicator"]) == "RE-PRGBV3_PER"]
    female = sum(n(r["Women under 18"]) + n(r["Women above 18"]) for r in rows)
    assert female >= 0.9 * sum(r["New beneficiaries of the month"] for r in rows)


def test_wash_kits_by_activity(november):
    rows = [r for r in november if r["Indicator Sector"] == "WASH"]
    assert {r["Activity Name"] for r in rows} == set(WASH_KITS)
    for name, (kits, places) in WASH_KITS.items():
        mine = [r for r in rows if r["Activity Name"] == name]
        assert sum(r["Quantity of output"] for r in mine) == kits
        assert {r["Country Admin1"] for r in mine} == places


def test_cash_fields(sheet):
    for r in sheet[1]:
        if r["Indicator Sector"] == "Multipurpose Cash Assistance":
            assert r["CVA"] == "Yes"
            assert r["Delivery mechanism"] in {"Cash in hand", "Bank transfer", "Prepaid card"}
            assert 60 <= r["Value (in USD)"] / r["New beneficiaries of the month"] <= 80
            assert r["Value (in USD)"] % 100 == 0
        else:
            assert r["CVA"] == "No"
            assert r["Value (in USD)"] is None and r["Delivery mechanism"] is None


def test_implementation_and_indicator_spelling(sheet):
    rows = sheet[1]
    for r in rows:
        assert r["Implementation Set up"] in {"Direct", "Through implementing partner"}
        if r["Implementation Set up"] == "Direct":
            assert r["Implementing partner Name"] == r["Appealing organisation Name"]
        else:
            assert r["Implementing partner Name"] != r["Appealing organisation Name"]
        assert r["RMRP Activity"] == "Yes"
        code = code_of(r["Indicator Indicator"])
        if code.endswith("_PER"):
            assert r["Indicator Indicator"].startswith(code + " ")
    rmrp = [r["Indicator Indicator"] for r in rows if not code_of(r["Indicator Indicator"]).endswith("_PER")]
    with_code = [t for t in rmrp if t.startswith("RE-")]
    assert 2 <= len(with_code) <= len(rmrp) // 4


def test_generator_is_deterministic(tmp_path):
    spec = importlib.util.spec_from_file_location("make_peru_sample", GENERATOR)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    first, second = module.build(tmp_path / "a.xlsx"), module.build(tmp_path / "b.xlsx")
    assert read(first) == read(second) == read(XLSX)
    assert "random" not in GENERATOR.read_text(encoding="utf-8")


def test_report_yaml_is_plain_and_complete():
    raw = yaml.safe_load((FOLDER / "report.yaml").read_text(encoding="utf-8"))
    assert list(raw) == ["country", "period", "platform", "published", "data", "key_figures",
                         "people_reached", "funding", "situation", "coordination", "sector_notes",
                         "partners", "contacts"]
    assert (raw["country"], str(raw["period"]), raw["platform"]) == ("PER", "2023-11", "GTRM")
    assert raw["published"] == dt.date(2023, 12, 5) and raw["data"] == ["5w.xlsx"]
    assert raw["key_figures"]["people_assisted"] == 14971
    assert raw["key_figures"]["refugees_and_migrants"]["value"] == 1540000
    assert raw["funding"] == {"funded_usd": 66800000, "required_usd": 318000000,
                              "source": "Financial Tracking System (FTS)"}
    assert raw["partners"].count("IDL") == 2 and len(raw["partners"]) == 112
    assert all(isinstance(p, str) for p in raw["partners"])
    assert set(raw["sector_notes"]) <= set(SECTOR_NEW)
    pairs = raw["situation"] + raw["coordination"] + raw["contacts"] + [
        p for notes in raw["sector_notes"].values() for p in notes]
    assert len(raw["situation"]) == 3 and len(raw["coordination"]) == 2 and len(raw["contacts"]) == 2
    for pair in pairs:
        assert set(pair) - {"indicator", "activity"} == {"en", "es"}
        assert isinstance(pair["en"], str) and isinstance(pair["es"], str)


def test_organisations_are_gtrm_partners(sheet):
    raw = yaml.safe_load((FOLDER / "report.yaml").read_text(encoding="utf-8"))
    orgs = {r[k] for r in sheet[1] for k in ("Appealing organisation Name", "Implementing partner Name")}
    assert orgs <= set(raw["partners"])
