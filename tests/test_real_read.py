"""Reading R4V's real 5W exports into a clean Dataset, with no ``columns:`` in report.yaml.

The files in ``tests/data/real/`` are R4V's own (see /work/shared/real/README.md, copied):
the 2021 ActivityInfo export as R wrote it (dotted headers), the 2022 internal names (with
double-encoded UTF-8), the 2022 English labels and the 2025 template's header row. Where a
test needs a situation the files do not show (Colombia's apportioned decimals, an unknown
column, Peru's admin1 spellings, the Spanish 2022 labels), the real rows are copied and the
one thing changed, as other real exports have it. Expected values are read from the raw
cells with openpyxl, not from the tool.
"""
from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import openpyxl
import pytest
from conftest import docx_text

from nlg.cli import sitrep as cli
from nlg.errors import DataError
from nlg.load.columns import map_columns
from nlg.load.table import read_table
from nlg.model import PopType
from nlg.places import admin1_match
from nlg.validate.dataset import validate

REAL = Path(__file__).parent / "data" / "real"
R2021 = REAL / "5W_2021_Aruba_Curacao_Uruguay.xlsx"
R2022 = REAL / "Activities_5W_2022.xlsx"
EN2022 = REAL / "Translated5W_2022.xlsx"
T2025 = REAL / "template_5w_2025.xlsx"
#: The Spanish 2022 template's header row, exact text (domain notes §4).
ES2022 = ("País Country|País Admin1|Admin2|Socio principal Nombre|Método de implementacion|"
          "Socio Implementador Nombre|Month|Indicador Sector|Indicador|Nombre de la actividad|"
          "Descripcion de la actividad|COVID19|Actividad RMRP|CVA|Valor de transferencia (en USD)|"
          "Modalidad de entrega|Cantidad de productos generados|Total beneficiarios mensuales|"
          "Nuevos beneficiarios del mes|Refugiados y migrantes EN DESTINO|"
          "Refugiados y migrantes EN TRANSITO|Comunidades de acogida|"
          "Refugiados y migrantes PENDULARES|Colombianos Retornados|"
          "Ninas y Adolescentes menores de 18|Ninos y Adolescentes menores de 18|Mujeres adultas|"
          "Hombres adultos|Otro menores de 18|Otro adultos").split("|")


def raw(path: Path) -> tuple[list[str], list[list]]:
    """Return the header and the rows of a real file, as openpyxl reads them."""
    rows = [list(r) for r in openpyxl.load_workbook(path).active.iter_rows(values_only=True)]
    return [h for h in rows[0]], rows[1:]


def write(path: Path, header: list, rows: list[list]) -> Path:
    """Write a workbook of one sheet and return its path."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(header)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def fields(path: Path) -> dict[str, str]:
    """Return field -> header of a file's columns, as the tool maps them without columns:."""
    table = read_table(path)
    found, _ = map_columns(table.headers, table.hxl, {})
    return {f: table.headers[i] for f, i in found.items()}


def codes(dataset, code: str) -> list:
    return [w for w in dataset.warnings if w.code == code]


# --- 1. every header dialect, without columns: ---------------------------------------------

def test_2021_dotted_headers_all_mapped():
    got = fields(R2021)
    assert got["sector_label"] == "Sector...Subsector...WG"
    assert got["month"] == "Reporting.Month"
    assert got["appealing_org"] == "Appealing.Organization.Name"
    assert got["implementation"] == "Implementation.Set.up"
    assert got["quantity_output"] == "Quantity.of.unit.measured"
    assert got["value_usd"] == "Value.of.Transfer.in.USD"
    assert got["support_space"] == "Support.Space.activity"
    assert got["covid19"] == "COVID.19.situation"
    assert (got["girls"], got["boys"], got["women"], got["men"]) == (
        "Women.under.18", "Men.under.18", "Women.above.18", "Men.above.18")
    header, _ = raw(R2021)
    assert len(got) == len(header)          # every one of the 28 columns means something


def test_2021_values_are_read_from_the_dotted_columns():
    header, rows = raw(R2021)
    ix = {h: i for i, h in enumerate(header)}
    data = validate([read_table(R2021)], period=("2021-01", "2021-05"), country="URY")
    assert not codes(data, "W220") and not codes(data, "E205")
    by_row = {a.source.row: a for a in data.activities}
    checked = 0
    for number, row in enumerate(rows, start=2):
        if row[ix["Country"]] != "Uruguay":
            continue
        a = by_row[number]
        assert a.sector_label == row[ix["Sector...Subsector...WG"]]
        assert a.quantity_output == (row[ix["Quantity.of.unit.measured"]] or 0)
        assert a.value_usd == row[ix["Value.of.Transfer.in.USD"]]
        assert a.covid19 is (row[ix["COVID.19.situation"]] == "Yes")
        assert a.support_space is (row[ix["Support.Space.activity"]] == "Yes")
        assert a.breakdown.girls == (row[ix["Women.under.18"]] or 0)
        assert a.month == row[ix["Reporting.Month"]]
        checked += 1
    assert checked == len(data.activities) == 67
    assert any(a.value_usd for a in data.activities) and any(a.support_space for a in data.activities)


def test_2022_internal_names_all_mapped():
    got = fields(R2022)
    assert got["sector_label"] == "Subsector" and got["rmrp"] == "RMRPActivity"
    assert got["total_monthly"] == "Total_monthly" and got["new_beneficiaries"] == "New_beneficiaries"
    assert got["girls"] == "Girls" and got["other_above"] == "Other_above"
    assert got["covid19"] == "COVID19" and got["value_usd"] == "Value"
    assert len(got) == len(raw(R2022)[0]) == 30


def test_2022_english_labels_all_mapped():
    got = fields(EN2022)
    assert got["admin1"] == "Country Admin1" and got["covid19"] == "COVID 19 Situation"
    assert got["quantity_output"] == "Quantity of output" and got["value_usd"] == "Value (in USD)"
    assert len(got) == len(raw(EN2022)[0]) == 30


def test_2025_template_all_mapped_and_reads_like_the_2022_labels(tmp_path):
    got = fields(T2025)
    header, _ = raw(T2025)
    named = [h for h in header if h]
    assert len(got) == len(named) == 29
    assert got["sector_label"] == "Indicator Sector" and got["indicator_label"] == "Indicator Indicator"
    # the real 2022 English rows, moved under the 2025 template's headers, give the same rows
    en_fields = fields(EN2022)
    en_header, en_rows = raw(EN2022)
    column = {f: en_header.index(h) for f, h in en_fields.items()}
    rows = [[r[column[f]] for f in got] for r in en_rows]
    moved = write(tmp_path / "template.xlsx", [got[f] for f in got], rows)
    period = ("2022-01", "2022-02")
    a = validate([read_table(moved)], period=period, country="MEX").activities
    b = validate([read_table(EN2022)], period=period, country="MEX").activities
    strip = lambda x: (x.admin1, x.month, x.indicator_label, x.new_beneficiaries, x.breakdown,  # noqa: E731
                       x.value_usd, x.quantity_output)
    assert [strip(x) for x in a] == [strip(x) for x in b] and len(a) == 103


def test_spanish_2022_labels_read_like_the_internal_names(tmp_path):
    internal = fields(R2022)
    es = fields(write(tmp_path / "h.xlsx", ES2022, []))
    assert set(es) == set(internal) - {"platform"}
    header, rows = raw(R2022)
    moved = [[r[header.index(internal[f])] for f in es] for r in rows]
    path = write(tmp_path / "es.xlsx", [es[f] for f in es], moved)
    period = ("2022-08", "2022-08")
    a = validate([read_table(path)], period=period, country="ARG").activities
    b = validate([read_table(R2022)], period=period, country="ARG").activities
    assert a == tuple(dataclasses.replace(x, source=y.source) for x, y in zip(b, a))
    assert len(a) == 55


def test_platform_column_is_read(tmp_path):
    header, rows = raw(EN2022)
    path = write(tmp_path / "p.xlsx", header + ["Platform"],
                 [r + ["Mexico" if r[0] == "Mexico" else "Panama"] for r in rows])
    data = validate([read_table(path)], period=("2022-01", "2022-02"), country="PAN")
    assert {a.platform for a in data.activities} == {"Panama"} and not codes(data, "W220")


def test_unknown_columns_named_once_in_one_warning(tmp_path):
    header, rows = raw(R2021)
    path = write(tmp_path / "u.xlsx", header + ["Observaciones", "Objetivo RMRP"],
                 [r + ["nota", "O1"] for r in rows])
    data = validate([read_table(path)], period=("2021-01", "2021-05"), country="URY")
    (unknown,) = codes(data, "W220")
    assert "'Observaciones'" in unknown.message and "'Objetivo RMRP'" in unknown.message
    assert unknown.message.startswith("2 column(s)") and unknown.row == 1
    assert len(data.activities) == 67


# --- 2. apportioned decimals ---------------------------------------------------------------

def _apportioned(tmp_path: Path) -> tuple[Path, list[int]]:
    """The real 2021 Uruguay rows with three rows apportioned as Colombia's export has them."""
    header, rows = raw(R2021)
    ix = {h: i for i, h in enumerate(header)}
    changed = []
    for number, row in enumerate(rows, start=2):
        if row[ix["Country"]] == "Uruguay" and len(changed) < 3:
            row[ix["New.beneficiaries.of.the.month"]] = 9
            row[ix["Total.monthly.beneficiaries"]] = 9
            row[ix["Refugees.and.Migrants.IN.DESTINATION"]] = 8.37
            row[ix["Refugees.and.Migrants.IN.TRANSIT"]] = 0.54
            row[ix["Host.Communities.Beneficiaries"]] = 0.09
            row[ix["Refugees.and.Migrants.PENDULARS"]] = 0
            row[ix["Colombian.Returnees"]] = 0
            row[ix["Women.under.18"]], row[ix["Men.under.18"]] = 1.5, 1.5
            row[ix["Women.above.18"]], row[ix["Men.above.18"]] = 3, 3
            changed.append(number)
    return write(tmp_path / "apportioned.xlsx", header, rows), changed


def test_apportioned_decimals_are_kept_with_one_warning_per_column(tmp_path):
    path, changed = _apportioned(tmp_path)
    data = validate([read_table(path)], period=("2021-01", "2021-05"), country="URY")
    rows = {a.source.row: a for a in data.activities}
    first = rows[changed[0]].breakdown
    assert (first.in_destination, first.in_transit, first.host_communities) == (8.37, 0.54, 0.09)
    assert first.girls == 1.5
    kept = codes(data, "W221")
    assert sorted(w.column for w in kept) == sorted([
        "Refugees.and.Migrants.IN.DESTINATION", "Refugees.and.Migrants.IN.TRANSIT",
        "Host.Communities.Beneficiaries", "Women.under.18", "Men.under.18"])
    assert all(w.message.startswith("3 cell(s)") for w in kept)
    # 8.37 + 0.54 + 0.09 = 9 is no breakdown mismatch
    assert not [w for w in codes(data, "W209") + codes(data, "W210") if w.row in changed]


def test_apportioned_sums_are_rounded_half_up_once(tmp_path):
    from nlg import api
    from nlg.numfmt import half_up

    assert half_up(8.37 + 0.54 + 0.09) == 9 and half_up(0.15 + 0.35 + 1.0) == 2
    path, changed = _apportioned(tmp_path)
    header, rows = raw(path)
    folder = _report(tmp_path, path, "URY", "2021-01..2021-05", rows=(header, rows))
    draft = api.prepare(folder)
    transit = sum(a.breakdown.in_transit for a in draft.data.activities)
    assert transit != int(transit)                    # the rows keep their decimals ...
    rows = {a.source: a for a in draft.data.activities}
    checked = 0
    for fact in draft.facts.facts:
        cells = [rows[s].breakdown.in_transit for s in fact.sources]
        shown = dict(fact.population)[PopType.TRANSIT]
        assert shown == half_up(sum(cells))           # the sum is rounded, not each cell
        checked += sum(1 for c in cells if c != int(c)) > 1
    assert checked                                    # a fact summing several 0.54 cells
    assert type(draft.facts.people_assisted) is int


def test_decimal_in_a_narrated_count_is_rounded_half_up_with_one_warning(tmp_path):
    header, rows = raw(R2022)
    ix = {h: i for i, h in enumerate(header)}
    rows[0][ix["Total_monthly"]] = 234.5
    rows[1][ix["Total_monthly"]] = 143.49
    rows[2][ix["New_beneficiaries"]] = "2,5"         # decimal comma, as Spanish Excel writes it
    data = validate([read_table(write(tmp_path / "d.xlsx", header, rows))],
                    period=("2022-08", "2022-08"), country="ARG")
    got = {a.source.row: a for a in data.activities}
    assert (got[2].total_monthly, got[3].total_monthly, got[4].new_beneficiaries) == (235, 143, 3)
    (total,) = [w for w in codes(data, "W222") if w.column == "Total_monthly"]
    assert total.message.startswith("2 cell(s)")
    assert [w.column for w in codes(data, "W222")].count("New_beneficiaries") == 1


def test_a_narrated_count_that_is_not_a_number_is_still_an_error(tmp_path):
    header, rows = raw(R2022)
    rows[0][header.index("New_beneficiaries")] = "unos 30"
    with pytest.raises(DataError) as exc:
        validate([read_table(write(tmp_path / "bad.xlsx", header, rows))],
                 period=("2022-08", "2022-08"), country="ARG")
    (problem,) = exc.value.problems
    assert (problem.code, problem.row, problem.column) == ("E206", 2, "New_beneficiaries")


# --- 3. double-encoded UTF-8 ---------------------------------------------------------------

def test_mojibake_is_repaired_in_every_text_cell_with_one_warning():
    header, rows = raw(R2022)
    broken = sum(1 for r in rows for v in r if isinstance(v, str) and "Ã" in v)
    data = validate([read_table(R2022)], period=("2022-08", "2022-08"), country="ARG")
    (repaired,) = codes(data, "W223")
    assert f"repaired in {broken} cell(s)" in repaired.message and broken == 194
    admin1 = {a.admin1 for a in data.activities}
    assert {"Córdoba", "Neuquén", "Río Negro", "Tucumán"} <= admin1
    names = {a.activity_name for a in data.activities}
    assert "Asesoramiento bancarización" in names
    assert any(n.startswith("Orientación social y legal") for n in names)
    texts = [v for a in data.activities for v in vars(a).values() if isinstance(v, str)]
    assert not [t for t in texts if re.search("Ã|â€", t)]
    assert not codes(data, "W211")            # the repaired names are on R4V's list
    bol = validate([read_table(R2022)], period=("2022-08", "2022-08"), country="BOL")
    assert "Potosí" in {a.admin1 for a in bol.activities}


def test_ftfy_is_imported_only_when_a_cell_shows_the_pattern():
    import subprocess
    import sys

    code = ("import sys; from nlg.load.table import read_table; from nlg.validate.dataset import validate; "
            f"validate([read_table({str(EN2022)!r})], period=('2022-01', '2022-02'), country='MEX'); "
            "a = 'ftfy' in sys.modules; "
            f"validate([read_table({str(R2022)!r})], period=('2022-08', '2022-08'), country='ARG'); "
            "print(a, 'ftfy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "True"]


# --- 4. admin1: R4V's list, official spellings, national rows --------------------------------

def test_names_on_r4vs_list_give_no_warning():
    data = validate([read_table(EN2022)], period=("2022-01", "2022-02"), country="MEX")
    assert not codes(data, "W211") and not codes(data, "W224")
    assert {"Coahuila", "Nuevo León", "Estado de México", "Ciudad de México"} <= {
        a.admin1 for a in data.activities}
    for country, name in (("COL", "Bogotá D.C."), ("CHL", "Metropolitana"), ("MEX", "Coahuila"),
                          ("PER", "San Martin"), ("ECU", "Santo Domingo De Los Tsachilas")):
        match = admin1_match(country, name)
        assert match.known and not match.respelled and not match.national, (country, name)


@pytest.mark.parametrize("country, written, official", [
    ("PER", "Junin", "Junín"), ("PER", "San Martin", "San Martín"),
    ("PER", "Madre De Dios", "Madre de Dios"), ("COL", "Bogota D.C.", "Bogotá D.C."),
    ("COL", "bogota dc", "Bogotá D.C."), ("CHL", "Metropolitana (Xiii)", "Metropolitana"),
    ("MEX", "Coahuila de Zaragoza", "Coahuila"), ("MEX", "NUEVO LEON", "Nuevo León"),
    ("COL", "Bolivar", "Bolívar"), ("ARG", "Ciudad Autonoma de Buenos Aires",
                                    "Ciudad Autónoma de Buenos Aires"),
])
def test_admin1_printed_in_the_official_spelling(country, written, official):
    assert admin1_match(country, written).name == official


@pytest.mark.parametrize("country, written", [
    ("PER", "Peru"), ("PER", "Perú"), ("PER", "Country level"), ("PER", "Nacional"),
    ("CRI", "Costa RIca"), ("ABW", "Aruba"), ("PAN", "Panama"), ("COL", "National"),
])
def test_national_rows(country, written):
    match = admin1_match(country, written)
    assert match.national and match.name == "" and match.known


def test_peru_spellings_in_real_rows(tmp_path):
    """The real 2022 English rows as a Peru export writes its admin1 names."""
    header, rows = raw(EN2022)
    names = ["Junin", "San Martin", "Madre De Dios", "Lima", "Peru", "Country level"]
    for i, row in enumerate(rows):
        row[0], row[1] = "Peru", names[i % len(names)]
    data = validate([read_table(write(tmp_path / "per.xlsx", header, rows))],
                    period=("2022-01", "2022-02"), country="PER")
    got = {(a.admin1, a.national) for a in data.activities}
    assert got == {("Junín", False), ("San Martín", False), ("Madre de Dios", False),
                   ("Lima", False), ("", True)}
    assert not codes(data, "W211") and not codes(data, "W224") and not codes(data, "W201")


def test_another_name_is_said_once_and_unknown_names_per_row(tmp_path):
    header, rows = raw(EN2022)
    for i, row in enumerate(rows):
        row[0], row[1] = "Colombia", ("Bogota", "Narnia")[i % 2]
    data = validate([read_table(write(tmp_path / "col.xlsx", header, rows))],
                    period=("2022-01", "2022-02"), country="COL")
    (other,) = codes(data, "W224")
    assert "'Bogota' -> 'Bogotá D.C.'" in other.message
    assert len(codes(data, "W211")) == len(data.activities) // 2
    assert {a.admin1 for a in data.activities} == {"Bogotá D.C.", "Narnia"}


def test_real_national_rows():
    for country in ("ABW", "CUW"):
        data = validate([read_table(R2021)], period=("2021-01", "2021-05"), country=country)
        assert data.activities and all(a.national and a.admin1 == "" for a in data.activities)
    data = validate([read_table(R2022)], period=("2022-08", "2022-08"), country="BOL")
    national = [a for a in data.activities if a.national]
    assert len(national) == 1 and national[0].admin1 == ""
    assert not codes(data, "W201")           # a national row is not an empty admin1


# --- 5. end to end: a minimal report.yaml and one real export ---------------------------------

def _report(tmp_path: Path, export: Path, country: str, period: str, rows=None) -> Path:
    folder = tmp_path / f"{country}-{period.replace('..', '_')}"
    folder.mkdir()
    if rows is None:
        (folder / export.name).write_bytes(export.read_bytes())
    else:
        write(folder / export.name, *rows)
    (folder / "report.yaml").write_text(
        f"country: {country}\nperiod: {period}\nplatform: R4V\n"
        "key_figures:\n  refugees_and_migrants: 10000\n", encoding="utf-8")
    return folder


def _bullets(path: Path) -> list[str]:
    return [line for line in docx_text(path).splitlines() if line.startswith("[List Bullet]")]


@pytest.mark.parametrize("export, country, period", [
    (R2021, "URY", "2021-03"), (R2022, "ARG", "2022-08"), (EN2022, "MEX", "2022-01..2022-02"),
])
def test_sitrep_draft_on_a_real_export(tmp_path, export, country, period):
    folder = _report(tmp_path, export, country, period)
    assert cli.main(["draft", str(folder), "--out", str(tmp_path / "out")]) == 0
    drafts = sorted((tmp_path / "out").glob("*.docx"))
    assert len(drafts) == 2
    for path in drafts:
        text = docx_text(path)
        assert _bullets(path) and not re.search("Ã|â€", text)


def test_national_rows_are_never_narrated_as_a_region(tmp_path):
    header, rows = raw(R2021)
    ix = {h: i for i, h in enumerate(header)}
    for row in rows:                     # half of Uruguay's rows reported at country level
        if row[ix["Country"]] == "Uruguay" and row[ix["Admin1"]] == "Montevideo":
            row[ix["Admin1"]] = "Uruguay"
    folder = _report(tmp_path, R2021, "URY", "2021-01..2021-05", rows=(header, rows))
    assert cli.main(["draft", str(folder), "--out", str(tmp_path / "out")]) == 0
    aruba = _report(tmp_path, R2021, "ABW", "2021-01..2021-05")
    assert cli.main(["draft", str(aruba), "--out", str(tmp_path / "out")]) == 0
    for path in sorted((tmp_path / "out").glob("*.docx")):
        bullets = _bullets(path)
        assert bullets
        for line in bullets:
            assert not re.search(r"\b(In|En) (Uruguay|Aruba)\b", line), line
            assert not re.search(r"\b(In|En) ,|\b(In|En) y\b|, ,", line), line
