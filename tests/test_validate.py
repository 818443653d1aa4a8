"""Validate stage: header sets, value parsing, period/country filters, errors and warnings."""
from __future__ import annotations

import dataclasses
import datetime as dt
import importlib
from pathlib import Path

import pytest

from nlg.errors import DataError
from nlg.load.columns import FIELDS, SYNONYMS, norm_header
from nlg.load.table import RawTable, read_table
from nlg.model import Activity, Breakdown, Dataset, SourceRef
from nlg.validate.build import maker
from nlg.validate.dataset import validate
from nlg.validate.values import BadValue, parse_bool, parse_count, parse_month

DATA = Path(__file__).resolve().parent / "data"
GOOD, BAD = DATA / "good", DATA / "bad"
NOV = ("2023-11", "2023-11")
EN = [SYNONYMS[f][0] for f in FIELDS if f not in ("indicator_code", "indicator_type", "covid19")]
BASE = {"Country Country": "Peru", "Country Admin1": "Lima", "Admin2 Admin2": "Lima",
        "Appealing organisation Name": "UNHCR", "Implementation Set up": "Direct",
        "Implementing partner Name": "", "Month": "2023-11", "Indicator Sector": "Protection",
        "Indicator Indicator": "RE-PR1: # of refugees and migrants who received protection",
        "Activity Name": "Legal orientation", "Activity Description": "", "RMRP Activity": "Yes",
        "CVA": "No", "Value (in USD)": "", "Delivery mechanism": "", "Quantity of output": "10",
        "Total monthly beneficiaries": "10", "New beneficiaries of the month": "10",
        "Refugees and Migrants IN DESTINATION": "10", "Refugees and Migrants IN TRANSIT": "0",
        "Host Communities Beneficiaries": "0", "Refugees and Migrants PENDULARS": "0",
        "Colombian Returnees": "0", "Women under 18": "0", "Men under 18": "0",
        "Women above 18": "6", "Men above 18": "4", "Other under 18": "0", "Other above 18": "0"}


def table(*changes: dict, file: str = "5w.csv", headers: list[str] | None = None) -> RawTable:
    """Return a RawTable of BASE rows, one per dict of changed cells (rows 2, 3, ...)."""
    heads = headers or list(BASE)
    rows = tuple((i + 2, tuple({**BASE, **c}.get(h, "") for h in heads))
                 for i, c in enumerate(changes or ({},)))
    return RawTable(file=file, headers=tuple(heads), rows=rows)


def run(*tables: RawTable, period=NOV, **kw) -> Dataset:
    """Return the Dataset of tables for Peru."""
    return validate(tables, period=period, country=kw.pop("country", "PER"), **kw)


def errors(*tables: RawTable, **kw) -> list:
    """Return the problems of the DataError validation raises."""
    with pytest.raises(DataError) as exc:
        run(*tables, **kw)
    return list(exc.value.problems)


def codes(dataset: Dataset) -> list[str]:
    """Return the warning codes of a Dataset."""
    return sorted({w.code for w in dataset.warnings})


# --- header sets -------------------------------------------------------------------------------

GOOD_FILES = sorted(p.name for p in GOOD.iterdir() if p.suffix in (".csv", ".xlsx"))


@pytest.mark.parametrize("name", GOOD_FILES)
def test_every_header_set_gives_the_same_activities(name: str) -> None:
    reference = run(read_table(GOOD / "rnames_utf8sig_comma.csv"))
    got = run(read_table(GOOD / name))
    strip = lambda a: dataclasses.replace(a, source=SourceRef("", 0))    # noqa: E731
    assert [strip(a) for a in got.activities] == [strip(a) for a in reference.activities]
    assert got.rows_outside_period == 1 and got.rows_read == 3 and not got.warnings
    first = got.activities[0]
    assert (first.indicator_code, first.rmrp, first.cva, first.total_monthly) == \
        ("RE-ED5", True, False, 420)
    # "Áncash" is printed as R4V's list and ISO 3166-2 spell it
    assert got.activities[1].value_usd == 1234.5 and got.activities[1].admin1 == "Ancash"


def test_no_header_names_two_fields() -> None:
    fields_of: dict[str, set[str]] = {}
    for field in FIELDS:
        for text in SYNONYMS.get(field, ()):
            fields_of.setdefault(norm_header(text), set()).add(field)
    assert {k: v for k, v in fields_of.items() if len(v) > 1} == {}


@pytest.mark.parametrize("header, field", [
    ("  COUNTRY   country ", "country"), ("Pais Admin1", "admin1"), ("value (in usd)", "value_usd"),
    ("Ninas y Adolescentes menores de 18", "girls"), ("NIÑAS Y ADOLESCENTES MENORES DE 18", "girls"),
    ("Indicator Indicator Indicator", "indicator_label"), ("Total_monthly", "total_monthly"),
])
def test_header_matching_ignores_case_accents_spaces_doubling(header: str, field: str) -> None:
    heads = [header if SYNONYMS[field][0] == h else h for h in BASE]
    assert header in heads
    assert run(table(headers=heads)).activities


def test_extra_columns_are_ignored_and_column_map_wins() -> None:
    heads = ["Mi total" if h == "Total monthly beneficiaries" else h for h in BASE] + ["Notes"]
    got = run(table({"Mi total": "77", "Notes": "x"}, headers=heads),
              column_map={"Mi Total": "total_monthly", "Activity Name": "activity_description"})
    assert got.activities[0].total_monthly == 77
    assert got.activities[0].activity_name == ""              # the map moved that column away


def test_column_map_wins_over_a_synonym_column() -> None:
    heads = list(BASE) + ["Mi total"]
    got = run(table({"Mi total": "77"}, headers=heads), column_map={"mi total": "Total_monthly"})
    assert got.activities[0].total_monthly == 77 and not got.warnings


def test_column_map_problems() -> None:
    (problem,) = errors(table(), column_map={"X": "total_montly"})
    assert problem.code == "E216" and "did you mean 'total_monthly'" in problem.message
    dataset = run(table(), column_map={"Not there": "admin2"})
    assert codes(dataset) == ["W218"]


# --- values ------------------------------------------------------------------------------------

@pytest.mark.parametrize("cell, expected", [
    ("Yes", True), ("yes", True), ("Sí", True), ("Si", True), ("SÍ", True), ("True", True),
    ("1", True), (1, True), (True, True), ("No", False), ("no", False), ("False", False),
    ("0", False), (0, False), (False, False), (None, None), ("", None), (" ", None),
])
def test_yes_no(cell, expected) -> None:
    assert parse_bool(cell, default=None) is expected


@pytest.mark.parametrize("cell", [
    "2023-11", "2023-11-01", "2023-11-01 00:00:00", "2023/11", "11/2023", "Nov-2023", "nov-23",
    "NOV-23", "November 2023", "noviembre 2023", "noviembre de 2023", "Nov 2023", "202311",
    45231, 45260.0, "45231", dt.datetime(2023, 11, 1), dt.date(2023, 11, 30),
])
def test_month_forms(cell) -> None:
    assert parse_month(cell) == "2023-11"


@pytest.mark.parametrize("cell", ["Novembre 2023", "2023-13", "13/2023", "yesterday", 12, "1/11/2023"])
def test_bad_months(cell) -> None:
    with pytest.raises(BadValue) as exc:
        parse_month(cell)
    assert exc.value.code == "E210"


@pytest.mark.parametrize("cells, expected", [
    (["1,234", "1,234,567"], [1234, 1234567]),                   # comma groups: proven by 1,234,567
    (["1.234", "1.234.567"], [1234, 1234567]),                   # dot groups
    (["1.234", "12,50"], [1234, 13]),               # a decimal comma proves dot groups (W222: rounded)
    (["1,234", "1.5"], [1234, 2]),                  # a decimal dot proves comma groups
    (["1 234", "1\u00a0234", "12"], [1234, 1234, 12]),           # space groups are never ambiguous
    (["1,234", "999"], ["E209", 999]),                           # nothing tells: report, don't guess
    (["1,234", "1.234.567", "1,234,567"], ["E209", 1234567, 1234567]),  # both seen: still unclear
    (["12.0", "7.00", " 3 ", ""], [12, 7, 3, 0]),
    (["1.2k", "-5", "(5)", "2.5"], ["E206", "E207", "E207", 3]),
])
def test_thousands_conventions(cells: list[str], expected: list) -> None:
    rows = [{"Quantity of output": c} for c in cells]
    try:
        got = [a.quantity_output for a in run(table(*rows)).activities]
        assert got == expected
    except DataError as exc:
        found = {p.row: p.code for p in exc.problems}
        assert [found.get(i + 2, None) or "ok" for i in range(len(cells))] == \
            [e if isinstance(e, str) else "ok" for e in expected]


@pytest.mark.parametrize("value, expected", [(12, 12), (12.0, 12), (None, 0), ("", 0),
                                             (" 1,500 ", None)])
def test_count_cells(value, expected) -> None:
    if expected is None:
        with pytest.raises(BadValue):
            parse_count(value)
    else:
        assert parse_count(value) == expected


def test_excel_serial_and_date_months_in_rows() -> None:
    got = run(table({"Month": 45231}, {"Month": dt.datetime(2023, 11, 15)}, {"Month": "Nov-2023"}))
    assert [a.month for a in got.activities] == ["2023-11"] * 3


def test_indicator_code_from_column_or_text() -> None:
    heads = list(BASE) + ["Indicator code"]
    got = run(table({"Indicator code": "re-pr9"}, {"Indicator Indicator": "RE-HE10_PER - Consultas"},
                    {"Indicator Indicator": "RE-PRGBV1 # trained"}, {"Indicator Indicator": "COVID-19 x"},
                    headers=heads))
    assert [a.indicator_code for a in got.activities] == ["RE-PR9", "RE-HE10_PER", "RE-PRGBV1", ""]
    assert got.activities[1].indicator_label == "RE-HE10_PER - Consultas"


def test_rmrp_defaults_to_true() -> None:
    no_column = [h for h in BASE if h != "RMRP Activity"]
    assert run(table(headers=no_column)).activities[0].rmrp is True
    assert [a.rmrp for a in run(table({"RMRP Activity": ""}, {"RMRP Activity": "No"})).activities] \
        == [True, False]


# --- period and country ------------------------------------------------------------------------

def test_rows_outside_period_and_other_countries_are_dropped_and_counted() -> None:
    got = run(table({}, {"Month": "2023-10"}, {"Country Country": "Colombia"},
                    {"Country Country": "PE"}, {"Country Country": "Perú"}, {"Country Country": "PER"}))
    assert [a.source.row for a in got.activities] == [2, 5, 6, 7]
    assert got.rows_outside_period == 2 and got.rows_read == 6
    (other,) = [w for w in got.warnings if w.code == "W212"]
    assert other.row == 4 and "COL" in other.message and other.value == "Colombia"


def test_blank_country_assumes_the_report_country() -> None:
    got = run(table({"Country Country": ""}))
    assert got.activities[0].country == "PER" and codes(got) == ["W204"]


def test_no_row_in_period() -> None:
    (problem,) = errors(table({"Month": "2023-01"}, {"Month": "2023-03"}))
    assert problem.code == "E211" and "2023-01 to 2023-03" in problem.message


@pytest.mark.parametrize("country, suggestion", [("PERU", "PER"), ("Peru", "PER"), ("PE", "PER"),
                                                 ("XYZ", None)])
def test_report_country_must_be_alpha3(country: str, suggestion) -> None:
    (problem,) = errors(table(), country=country)
    assert problem.code == "E212"
    assert (f"did you mean {suggestion!r}" in problem.message) == bool(suggestion)


@pytest.mark.parametrize("period", [("2023-11",), ("2023-11", "2023-10"), ("2023-1", "2023-11"), "x"])
def test_bad_period(period) -> None:
    assert [p.code for p in errors(table(), period=period)] == ["E217"]


# --- errors ------------------------------------------------------------------------------------

def _expect(path: Path) -> dict[str, str]:
    lines = (path.parent / (path.name + ".expect")).read_text(encoding="utf-8").splitlines()
    return dict(line.split(": ", 1) for line in lines if line.strip())


BAD_FILES = sorted(p.name for p in BAD.iterdir() if p.suffix != ".expect")


@pytest.mark.parametrize("name", BAD_FILES)
def test_bad_corpus(name: str) -> None:
    expect = _expect(BAD / name)
    with pytest.raises(DataError) as exc:
        run(read_table(BAD / name))
    matching = [p for p in exc.value.problems if p.code == expect["code"]]
    assert matching, f"{name}: got {[str(p) for p in exc.value.problems]}"
    problem = matching[0]
    assert expect["message"] in str(problem)
    assert problem.file == name and problem.hint
    if "row" in expect:
        assert problem.row == int(expect["row"])
    if "column" in expect:
        assert problem.column == expect["column"]
    if "value" in expect:
        assert problem.value == expect["value"]


def test_every_problem_of_every_file_is_collected() -> None:
    first = table({"Quantity of output": "x"}, {"Men above 18": "-1", "CVA": "maybe"}, file="a.csv")
    second = table({"Month": "sometime"}, file="b.csv")
    found = sorted((p.file, p.row, p.column, p.code) for p in errors(first, second))
    assert found == [("a.csv", 2, "Quantity of output", "E206"), ("a.csv", 3, "CVA", "E213"),
                     ("a.csv", 3, "Men above 18", "E207"), ("b.csv", 2, "Month", "E210")]


def test_errors_name_the_column_as_written_in_the_file() -> None:
    heads = ["  total MONTHLY beneficiaries " if h == "Total monthly beneficiaries" else h
             for h in BASE]
    (problem,) = errors(table({"  total MONTHLY beneficiaries ": "ten"}, headers=heads))
    assert problem.column == "  total MONTHLY beneficiaries " and problem.value == "ten"
    assert str(problem).startswith("5w.csv:2: column '  total MONTHLY beneficiaries ': [E206]")


def test_missing_required_column_suggests_the_near_header() -> None:
    heads = ["Contry Country" if h == "Country Country" else h for h in BASE]
    (problem,) = errors(table(headers=heads))
    assert problem.code == "E205" and "Country" in problem.message
    assert "Contry Country" in problem.hint and problem.row == 1


# --- warnings ----------------------------------------------------------------------------------

@pytest.mark.parametrize("change, code", [
    ({"Country Admin1": ""}, "W201"),
    ({"Appealing organisation Name": ""}, "W202"),
    ({"Indicator Indicator": ""}, "W203"),
    ({"CVA": "Yes", "Delivery mechanism": "Cash"}, "W205"),
    ({"CVA": "Yes", "Value (in USD)": "0", "Delivery mechanism": "Cash"}, "W205"),
    ({"CVA": "Yes", "Value (in USD)": "100"}, "W206"),
    ({"Indicator Sector": "Multipurpose Cash Assistance"}, "W207"),
    ({"Indicator Sector": "CBI Multipropósito"}, "W207"),
    ({"Total monthly beneficiaries": "5", "New beneficiaries of the month": "10"}, "W208"),
    ({"Refugees and Migrants IN DESTINATION": "9"}, "W209"),
    ({"Women above 18": "5"}, "W210"),
    ({"Country Admin1": "Lima Norte"}, "W211"),
    ({"Activity Name": "x" * 2500}, "W213"),
    ({"Activity Name": '=HYPERLINK("http://evil","click")'}, "W214"),
    ({"Activity Name": "Taller\x0b de\x00 apoyo"}, "W215"),
    ({"Indicator Sector": ""}, "W217"),
])
def test_quality_rules_warn(change: dict, code: str) -> None:
    got = run(table(change))
    assert codes(got) == [code]
    (warning,) = got.warnings
    assert warning.file == "5w.csv" and warning.row == 2 and warning.hint


@pytest.mark.parametrize("admin1", ["Lima", "Áncash", "Ancash", "ANCASH", "Callao", "El Callao",
                                    "Municipalidad Metropolitana de Lima", "San Martin", "Junín",
                                    "Madre de Dios", "La Libertad"])
def test_iso_admin1_names_match_loosely(admin1: str) -> None:
    assert not run(table({"Country Admin1": admin1})).warnings


def test_cell_safety() -> None:
    got = run(table({"Activity Name": "Taller\x0b de\x00 apoyo", "Country Admin1": "Lima\x1f"},
                    {"Activity Name": '=HYPERLINK("http://x")', "Activity Description": "y" * 3000},
                    {"Activity Name": "z" * 2100}))
    first, second, third = got.activities
    assert first.activity_name == "Taller de apoyo" and first.admin1 == "Lima"
    assert second.activity_name == '=HYPERLINK("http://x")'       # literal, unchanged
    assert len(third.activity_name) == 2000
    assert sorted((w.code, w.row, w.column) for w in got.warnings) == [
        ("W213", 4, "Activity Name"), ("W214", 3, "Activity Name"),
        ("W215", 2, "Activity Name"), ("W215", 2, "Country Admin1")]
    assert not any(c in a.activity_name + a.admin1 for a in got.activities
                   for c in "\x00\x0b\x1f")


def test_duplicate_columns_warn_and_first_wins() -> None:
    heads = list(BASE) + ["Total_monthly"]
    got = run(table({"Total_monthly": "99"}, headers=heads))
    assert got.activities[0].total_monthly == 10 and codes(got) == ["W216"]


def test_breakdown_rules_skip_non_direct_assistance() -> None:
    heads = list(BASE) + ["Indicator type"]
    got = run(table({"Indicator type": "Capacity Building", "Women above 18": "1"},
                    {"Indicator type": "Direct Assistance", "Women above 18": "1"}, headers=heads))
    assert [(w.code, w.row) for w in got.warnings] == [("W210", 3)]


def test_fast_dataclass_maker_gives_equal_objects() -> None:
    values = (SourceRef("a", 2), "PER", "Lima", "", "UNHCR", "", "2023-11", "Protection", "RE-PR1 x",
              "RE-PR1", "act", True, False, None, "", 1, 2, 3, Breakdown(1, 2), "")
    (fast,) = maker(Activity)([values])
    normal = Activity(*values)
    assert fast == normal and hash(fast) == hash(normal) and repr(fast) == repr(normal)
    with pytest.raises(dataclasses.FrozenInstanceError):
        fast.admin1 = "x"  # type: ignore[misc]


# --- properties ----------------------------------------------------------------------------------

from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from nlg.validate.values import _ILLEGAL_XML, MAX_CELL, clean_text, number_style  # noqa: E402


@given(st.integers(min_value=0, max_value=10**12))
def test_counts_round_trip_in_both_conventions(n: int) -> None:
    comma, dot = f"{n:,}", f"{n:,}".replace(",", ".")
    assert parse_count(str(n)) == n
    assert parse_count(comma, *number_style([comma, "1,000,000"])) == n
    assert parse_count(dot, *number_style([dot, "1.000.000"])) == n


@given(st.one_of(st.text(), st.integers(), st.floats(), st.none()))
def test_clean_text_is_always_safe_for_word(value) -> None:
    text, _ = clean_text(value)
    assert not _ILLEGAL_XML.search(text) and len(text) <= MAX_CELL
    assert text == text.strip()


@given(st.one_of(st.text(max_size=30), st.integers(), st.floats(), st.none(), st.booleans()))
def test_parsers_raise_only_bad_value(value) -> None:
    for parse in (parse_count, parse_month, lambda v: parse_bool(v, True),
                  lambda v: importlib.import_module("nlg.validate.values").parse_money(v)):
        try:
            parse(value)
        except BadValue:
            pass
