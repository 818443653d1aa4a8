"""Issue 19: rows of other months are left out of an .xlsx before conversion, and nothing shows.

Every case compares validation of the table read with the report's scope (rows left out
early, small blocks so many are cut) against the table read whole: the Dataset (activities,
warnings and their counts, rows left out, rows read) or the DataError must be equal."""
from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from nlg.errors import DataError
from nlg.load import xlsx
from nlg.load.table import read_table
from nlg.validate.dataset import validate
from nlg.validate.scope import period_scope

HEADERS = ["Country", "Admin1", "Appealing_org", "Month", "Subsector", "Indicator",
           "Activity_Name", "Total_monthly", "New_beneficiaries", "Value"]
MONTHS = [f"2022-{m:02d}" for m in range(1, 13)]


def row(i: int, month: str, **changes) -> list:
    cells = {"Country": "Argentina", "Admin1": "Buenos Aires", "Appealing_org": "IOM",
             "Month": month, "Subsector": "Protection (General)",
             "Indicator": "# of refugees and migrants who received protection-related assistance",
             "Activity_Name": f"Orientación {i % 7}", "Total_monthly": 10 + i % 13,
             "New_beneficiaries": 5 + i % 5, "Value": None}
    cells.update(changes)
    return [cells[h] for h in HEADERS]


def workbook(path: Path, rows: list[list], inline: bool = True) -> Path:
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("5W")
    sheet.append(HEADERS)
    for r in rows:
        sheet.append(r)
    book.save(path)
    return path


def both(path: Path, period=("2022-08", "2022-08"), country="ARG", countries=(),
         monkeypatch=None):
    """Return (whole, scoped) results: a Dataset's fields or the DataError's problems."""
    def run(scope):
        table = read_table(path, scope=scope)
        try:
            data = validate([table], period=period, country=country, countries=countries)
        except DataError as exc:
            return ("error", exc.problems), table
        return (data.activities, data.warnings, data.rows_outside_period, data.rows_read), table
    whole, _ = run(None)
    monkeypatch.setattr(xlsx, "BLOCK", 2000)
    monkeypatch.setattr(xlsx, "HEAD", 500)
    scoped, table = run(period_scope(period, country, {}, countries))
    return whole, scoped, table


def test_a_year_export_keeps_only_the_month_and_says_the_same(tmp_path, monkeypatch):
    rows = [row(i, MONTHS[i % 12]) for i in range(600)]
    whole, scoped, table = both(workbook(tmp_path / "y.xlsx", rows), monkeypatch=monkeypatch)
    assert scoped == whole
    assert table.left_out is not None and table.left_out.rows > 450
    assert len(table.rows) < 120
    assert whole[2] == 550 and whole[3] == 600


def test_mojibake_counted_over_every_row_and_example_from_rows_left_out(tmp_path, monkeypatch):
    rows = [row(i, MONTHS[i % 12]) for i in range(400)]
    rows[300][HEADERS.index("Activity_Name")] = "OrientaciÃ³n legal"   # July: left out
    rows[301][HEADERS.index("Admin1")] = "CÃ³rdoba"
    rows[302][HEADERS.index("Country")] = "ArgentÃ\xadna"             # repaired, then read
    rows[303][HEADERS.index("Activity_Name")] = "Cap\u00e2\u20ac\u201c x"   # "â€“"
    whole, scoped, table = both(workbook(tmp_path / "m.xlsx", rows), monkeypatch=monkeypatch)
    assert scoped == whole
    assert "OrientaciÃ³n legal" in table.left_out.cells[HEADERS.index("Activity_Name")]
    w223 = [p for p in whole[1] if p.code == "W223"]
    assert len(w223) == 1 and "4 cell(s)" in w223[0].message


def test_errors_of_rows_of_other_months_are_still_reported(tmp_path, monkeypatch):
    rows = [row(i, MONTHS[i % 12]) for i in range(400)]
    rows[250][HEADERS.index("Country")] = "Atlantis"          # E215, whatever its month
    rows[260][HEADERS.index("Month")] = "2022-13"             # E210
    rows[270][HEADERS.index("Month")] = None                  # E210 (empty)
    rows[280][HEADERS.index("Country")] = None                # empty country, another month
    whole, scoped, _ = both(workbook(tmp_path / "e.xlsx", rows), monkeypatch=monkeypatch)
    assert whole[0] == "error" and scoped == whole
    assert sorted(p.code for p in whole[1]) == ["E210", "E210", "E215"]


def test_no_row_in_the_period_names_the_months_of_the_rows_left_out(tmp_path, monkeypatch):
    rows = [row(i, MONTHS[i % 6]) for i in range(400)]      # January to June only
    whole, scoped, table = both(workbook(tmp_path / "n.xlsx", rows), monkeypatch=monkeypatch)
    assert whole[0] == "error" and scoped == whole
    assert "cover 2022-01 to 2022-06" in whole[1][0].message


def test_the_thousands_convention_is_the_files(tmp_path, monkeypatch):
    rows = [row(i, MONTHS[i % 12]) for i in range(400)]
    rows[200][HEADERS.index("Total_monthly")] = "1.234.567"   # left out: says DOT thousands
    rows[211][HEADERS.index("Total_monthly")] = "1.234"       # August: ambiguous alone
    whole, scoped, _ = both(workbook(tmp_path / "t.xlsx", rows), monkeypatch=monkeypatch)
    assert scoped == whole
    assert any(a.total_monthly == 1234 for a in whole[0])


def test_other_countries_of_the_month_still_warned(tmp_path, monkeypatch):
    rows = [row(i, MONTHS[i % 12], Country="Uruguay" if i % 5 == 0 else "Argentina")
            for i in range(400)]
    whole, scoped, table = both(workbook(tmp_path / "c.xlsx", rows), monkeypatch=monkeypatch)
    assert scoped == whole
    assert [p.code for p in whole[1]].count("W212") == 1
    assert table.left_out.others["URY"][0] > 5          # August rows of Uruguay, left out too
    assert table.rows[0][1][0] == "Uruguay"             # and the first one, kept in the head
    multi = both(tmp_path / "c.xlsx", countries=("ARG", "URY"), country="", monkeypatch=monkeypatch)
    assert multi[1] == multi[0]


def test_cells_without_a_leading_reference_and_shared_strings(tmp_path, monkeypatch):
    import re
    import zipfile

    rows = [row(i, MONTHS[i % 12]) for i in range(300)]
    rows[200][HEADERS.index("Activity_Name")] = "OrientaciÃ³n legal"
    rows[230][HEADERS.index("Activity_Name")] = "OrientaciÃ³n legal"
    path = workbook(tmp_path / "b.xlsx", rows)
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"]
    # the reference last in a left-out row's mojibake cell, and in another row's month cell
    sheet = sheet.replace(b'<c r="G202" t="inlineStr">', b'<c t="inlineStr" r="G202">')
    sheet = re.sub(rb'<c r="D(21\d)" ', rb'<c s="0" r="D\1" ', sheet)
    parts["xl/worksheets/sheet1.xml"] = sheet
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    whole, scoped, table = both(path, monkeypatch=monkeypatch)
    assert scoped == whole and table.left_out.rows > 100
    assert "2 cell(s)" in next(p.message for p in whole[1] if p.code == "W223")
    whole, scoped, table = both(shared_strings(path, tmp_path / "s.xlsx"), monkeypatch=monkeypatch)
    assert scoped == whole


def shared_strings(path: Path, out: Path) -> Path:
    """Return a copy of a workbook whose inline strings are moved to a shared strings part."""
    import re
    import zipfile

    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    table: dict[bytes, int] = {}

    def share(match):
        index = table.setdefault(match.group(2), len(table))
        return b'<c r="' + match.group(1) + b'" t="s"><v>' + str(index).encode() + b"</v></c>"
    sheet = re.sub(rb'<c r="([A-Z]+\d+)" t="inlineStr"><is><t>([^<]*)</t></is></c>', share,
                   parts["xl/worksheets/sheet1.xml"])
    parts["xl/worksheets/sheet1.xml"] = sheet
    ns = b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    parts["xl/sharedStrings.xml"] = b"<sst " + ns + b">" + b"".join(
        b"<si><t>" + t + b"</t></si>" for t in table) + b"</sst>"
    rel = (b'<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
           b'relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>')
    parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
        b"</Relationships>", rel)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    with out.open("rb") as handle:
        assert xlsx.Book(handle).strings            # the shared strings are read
    return out


def test_shared_strings_with_and_without_mojibake(tmp_path, monkeypatch):
    rows = [row(i, MONTHS[i % 12]) for i in range(300)]
    path = shared_strings(workbook(tmp_path / "a.xlsx", rows), tmp_path / "a2.xlsx")
    whole, scoped, table = both(path, monkeypatch=monkeypatch)
    assert scoped == whole and table.left_out.rows > 200
    rows[100][HEADERS.index("Activity_Name")] = "OrientaciÃ³n legal"
    path = shared_strings(workbook(tmp_path / "b.xlsx", rows), tmp_path / "b2.xlsx")
    whole, scoped, table = both(path, monkeypatch=monkeypatch)
    assert scoped == whole
    assert "1 cell(s)" in next(p.message for p in whole[1] if p.code == "W223")


@pytest.mark.parametrize("period", [("2022-01", "2022-12"), ("2021-01", "2021-12"),
                                    ("2022-03", "2022-05")])
def test_any_period(tmp_path, monkeypatch, period):
    rows = [row(i, MONTHS[i % 12]) for i in range(300)]
    whole, scoped, _ = both(workbook(tmp_path / "p.xlsx", rows), period=period,
                            monkeypatch=monkeypatch)
    assert scoped == whole
