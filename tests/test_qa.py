"""The QA workbook: one row per data problem with the organisation of its row, a summary by
rule and by organisation, readable by openpyxl and LibreOffice, reproducible, never over an
edited or open workbook; `sitrep draft` prints a summary, not every problem."""
from __future__ import annotations

import shutil
import subprocess
import zipfile
from collections import Counter
from pathlib import Path

import openpyxl
import pytest
from conftest import ROOT, SAMPLE

from nlg.api import created_time, prepare
from nlg.cli import sitrep as cli
from nlg.draft import qa, qa_xlsx
from nlg.draft.output import write_drafts
from nlg.errors import OutputError

REAL = ROOT / "tests" / "data" / "real" / "Activities_5W_2022.xlsx"
REAL_YAML = """country: ARG
period: 2022-08
platform: R4V Argentina
key_figures:
  refugees_and_migrants: {value: 170000, source: "R4V"}
"""
SAMPLE_QA = "PER_2023-11_qa.xlsx"


def org_cells(path: Path) -> dict[int, str]:
    """Return {Excel row: appealing organisation} read straight from a 5W .xlsx."""
    sheet = openpyxl.load_workbook(path, read_only=True).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    column = next(i for i, h in enumerate(rows[0]) if h and "org" in str(h).lower())
    return {n: " ".join(str(r[column] or "").split()) for n, r in enumerate(rows[1:], 2)}


def spoil(folder: Path) -> dict[int, str]:
    """Return the original organisations after putting known problems in the sample's rows:
    admin1 empty in rows 5-44, an unknown sector in rows 45-47, no organisation in row 48."""
    path = folder / "5w.xlsx"
    orgs = org_cells(path)
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    head = {c.value: c.column for c in sheet[1]}
    for row in range(5, 45):
        sheet.cell(row=row, column=head["Country Admin1"]).value = None
    for row in range(45, 48):
        sheet.cell(row=row, column=head["Indicator Sector"], value="Underwater basket weaving")
    sheet.cell(row=48, column=head["Appealing organisation Name"]).value = None
    book.save(path)
    return orgs


def problems_sheet(path: Path) -> list[dict]:
    sheet = openpyxl.load_workbook(path)["Problems"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == qa.COLUMNS
    return [dict(zip(qa.COLUMNS, r)) for r in rows[1:]]


def summary_tables(path: Path) -> tuple[list[tuple], list[tuple]]:
    """Return the Summary sheet's (by rule, by organisation) rows."""
    rows = [r for r in openpyxl.load_workbook(path)["Summary"].iter_rows(values_only=True)]
    starts = [i for i, r in enumerate(rows) if r[0] in ("Code", "Organisation")]
    end = lambda i: next((j for j in range(i + 1, len(rows)) if not any(rows[j])), len(rows))
    return [rows[s + 1:end(s)] for s in starts]


@pytest.fixture(scope="module")
def spoiled(tmp_path_factory):
    """Return (draft, result, original organisations) of the sample with known problems."""
    folder = tmp_path_factory.mktemp("spoiled") / "peru-2023-11"
    shutil.copytree(SAMPLE, folder)
    orgs = spoil(folder)
    d = prepare(folder)
    return d, write_drafts(d, folder.parent / "out"), orgs


@pytest.fixture(scope="module")
def real(tmp_path_factory):
    """Return (draft, result) of a real 2022 export (Argentina, August 2022)."""
    folder = tmp_path_factory.mktemp("real") / "arg-2022-08"
    folder.mkdir()
    shutil.copy(REAL, folder)
    (folder / "report.yaml").write_text(REAL_YAML, encoding="utf-8")
    d = prepare(folder)
    return d, write_drafts(d, folder.parent / "out")


def test_one_row_per_problem_with_the_organisation_of_its_row(spoiled):
    d, result, orgs = spoiled
    assert result.qa.path.name == SAMPLE_QA and result.qa.path.parent == result.outputs[0].path.parent
    rows = problems_sheet(result.qa.path)
    assert len(rows) == len(d.warnings) == result.qa.problems >= 40
    assert Counter(r["Code"] for r in rows) == Counter(p.code for p in d.warnings)
    in_report = {a.source.row for a in d.data.activities}
    spoilt = {n for n in range(5, 49) if n in in_report}
    assert len(spoilt) >= 40 and spoilt <= {r["Row"] for r in rows}  # each has its problem
    for r in rows:
        # report-level problems (W262: the given people_assisted vs the table) name report.yaml
        assert r["File"] == ("report.yaml" if r["Code"] == "W262" else "5w.xlsx")
        assert r["Message"] and r["Severity"] == "warning"
        if r["Row"] == 48:
            assert r["Organisation"] is None          # the row names no organisation
        elif r["Row"] is not None:
            assert r["Organisation"] == orgs[r["Row"]], r
    numbered = [r["Row"] for r in rows if r["Row"] is not None]
    assert numbered == sorted(numbered)


def test_real_export_problems_carry_the_row_organisation(real):
    d, result = real
    rows = problems_sheet(result.qa.path)
    assert len(rows) == len(d.warnings) > 0
    orgs = org_cells(REAL)
    in_report = {a.source.row for a in d.data.activities}
    with_org = [r for r in rows if r["Row"] in in_report]
    assert with_org
    for r in with_org:
        assert r["Organisation"] == orgs[r["Row"]], r
    for r in rows:                                    # rows left out of the report: no organisation
        if r["Row"] not in in_report:
            assert r["Organisation"] is None


@pytest.mark.parametrize("which", ["spoiled", "real"])
def test_summary_counts_equal_the_problems(which, request):
    d, result = request.getfixturevalue(which)[:2]
    by_rule, by_org = summary_tables(result.qa.path)
    codes = Counter(p.code for p in d.warnings)
    assert {r[0]: r[3] for r in by_rule} == dict(codes)
    assert sum(r[3] for r in by_rule) == sum(r[1] for r in by_org) == len(d.warnings)
    assert all(r[1] == r[2] + r[3] for r in by_org)
    rows = problems_sheet(result.qa.path)
    for name, count, *_ in by_org:
        if not name.startswith("("):
            assert count == sum(r["Organisation"] == name for r in rows)


def test_spoiled_summary_names_the_empty_organisation(spoiled):
    by_org = summary_tables(spoiled[1].qa.path)[1]
    assert qa.EMPTY_ORG in [r[0] for r in by_org]


def test_layout_bold_frozen_header_autofilter_widths(spoiled):
    path = spoiled[1].qa.path
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Problems", "Summary"]
    sheet = book["Problems"]
    assert all(c.font.b for c in sheet[1]) and not sheet["A2"].font.b
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:I{sheet.max_row}"
    widths = {k: v.width for k, v in sheet.column_dimensions.items()}
    assert widths["A"] >= 20 and widths["H"] >= 50
    assert book.properties.created == book.properties.modified == created_time(spoiled[0].config)


def test_no_problem_still_writes_the_workbook_with_summary_first(tmp_path):
    # the sample's given people_assisted (the published 14,971) is below its Protection cell
    # (W262); without it the sample has no problem at all
    folder = tmp_path / "sample"
    shutil.copytree(SAMPLE, folder)
    yaml_path = folder / "report.yaml"
    yaml_path.write_text(yaml_path.read_text(encoding="utf-8").replace("  people_assisted: 14971\n", ""),
                         encoding="utf-8")
    d = prepare(folder)
    assert not d.warnings
    result = write_drafts(d, tmp_path)
    book = openpyxl.load_workbook(result.qa.path)
    assert book.active.title == "Summary"
    assert book["Problems"].max_row == 1
    assert "No problem found" in book["Summary"]["A2"].value


def test_bytes_are_reproducible_and_a_redraft_changes_nothing(spoiled, tmp_path):
    d, result, _ = spoiled
    first = result.qa.path.read_bytes()
    again = write_drafts(d, tmp_path)
    assert again.qa.path.read_bytes() == first and again.qa.backup is None
    with zipfile.ZipFile(result.qa.path) as z:
        assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    assert not qa_xlsx.is_edited(result.qa.path)


def test_edited_workbook_is_kept_as_a_backup(spoiled, tmp_path):
    d = spoiled[0]
    path = write_drafts(d, tmp_path).qa.path
    book = openpyxl.load_workbook(path)
    book["Problems"]["J1"] = "Sent to partner"
    book.save(path)
    edited = path.read_bytes()
    assert qa_xlsx.is_edited(path)
    result = write_drafts(d, tmp_path)
    assert result.qa.backup == tmp_path / "PER_2023-11_qa.edited-1.xlsx"
    assert result.qa.backup.read_bytes() == edited
    assert not qa_xlsx.is_edited(path)


def test_open_workbook_stops_before_anything_is_written(spoiled, tmp_path):
    (tmp_path / f".~lock.{SAMPLE_QA}#").write_bytes(b"owner")
    with pytest.raises(OutputError) as info:
        write_drafts(spoiled[0], tmp_path)
    assert info.value.problems[0].code == "E540"
    assert not list(tmp_path.glob("*.docx")) and not (tmp_path / SAMPLE_QA).exists()


def test_cell_text_is_cleaned_and_cut():
    assert qa_xlsx.clean("a\x00b\x1fc") == "abc"
    assert len(qa_xlsx.clean("x" * 40_000)) == qa_xlsx.MAX_CELL


def _soffice_csv(path: Path, out: Path) -> subprocess.CompletedProcess:
    profile = (out / "profile").as_uri()
    return subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--norestore",
                           "--convert-to", "csv", "--outdir", str(out), str(path)],
                          capture_output=True, text=True, timeout=180)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_opens_it(real, tmp_path):
    reference = tmp_path / "reference.xlsx"               # can this LibreOffice read any .xlsx?
    book = openpyxl.Workbook()
    book.active.append(["a", 1])
    book.save(reference)
    if not (_soffice_csv(reference, tmp_path).returncode == 0 and (tmp_path / "reference.csv").exists()):
        pytest.skip("this LibreOffice cannot open .xlsx (no Calc)")
    run = _soffice_csv(real[1].qa.path, tmp_path)
    csv = tmp_path / "ARG_2022-08_qa.csv"
    assert run.returncode == 0 and csv.is_file(), run.stderr
    lines = csv.read_text(encoding="utf-8", errors="replace").splitlines()
    assert lines[0] == ",".join(qa.COLUMNS) and len(lines) == 1 + len(real[0].warnings)


def test_cli_prints_a_summary_not_every_problem(tmp_path, capsys):
    folder = tmp_path / "peru-2023-11"
    shutil.copytree(SAMPLE, folder)
    spoil(folder)
    assert cli.main(["draft", str(folder), "--out", str(tmp_path / "out")]) == 0
    out = capsys.readouterr().out
    lines = [line for line in out.splitlines() if not line.startswith(("wrote ", "  needs review:"))]
    assert len(lines) <= 15, out
    total = len(prepare(folder).warnings)
    assert f"{total} data warning(s)" in out
    shown = sum(1 for line in lines if line.startswith("  W") or line.startswith("  E"))
    assert f"  {total - shown} more in {SAMPLE_QA}" in lines
    assert f"QA workbook (every problem, with the organisation of its row): {tmp_path / 'out' / SAMPLE_QA}" in out


def test_data_errors_still_give_the_qa_workbook(tmp_path, capsys):
    folder = tmp_path / "bad"
    folder.mkdir()
    shutil.copy(ROOT / "tests" / "data" / "bad" / "count_negative.csv", folder)
    (folder / "report.yaml").write_text(REAL_YAML.replace("ARG", "PER").replace("2022-08", "2023-11"),
                                        encoding="utf-8")
    assert cli.main(["draft", str(folder), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert "[E207]" in err and "PER_2023-11_qa.xlsx" in err
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["PER_2023-11_qa.xlsx"]
    rows = problems_sheet(tmp_path / "out" / "PER_2023-11_qa.xlsx")
    assert [(r["Code"], r["Severity"], r["Row"], r["Organisation"]) for r in rows] == [
        ("E207", "error", 2, "UNICEF")]
