"""Load stage: .xlsx and CSV reading, header/title/HXL rows, encodings, unreadable files."""
from __future__ import annotations

import codecs
import datetime as dt
import zipfile
from pathlib import Path

import openpyxl
import pytest

from nlg.errors import DataError
from nlg.load.csv_file import decode, sniff_delimiter
from nlg.load.table import RawTable, read_table
from nlg.load.xlsx import Book, _Converter, scan

DATA = Path(__file__).resolve().parent / "data"
GOOD = DATA / "good"
HEADERS = ["Country Country", "Country Admin1", "Month", "Total monthly beneficiaries"]
ROWS = [["Peru", "Áncash", "2023-11", "1200"], ["Perú", "Junín", "2023-11", "35"]]


def write_csv(path: Path, rows: list[list[str]], encoding: str, delimiter: str) -> Path:
    """Write rows as CSV in an encoding (Excel line ends)."""
    text = "\r\n".join(delimiter.join(r) for r in rows) + "\r\n"
    path.write_bytes(text.encode(encoding) if encoding != "utf-8-sig"
                     else codecs.BOM_UTF8 + text.encode("utf-8"))
    return path


@pytest.mark.parametrize("encoding, delimiter", [
    ("utf-8-sig", ","), ("utf-8-sig", ";"), ("cp1252", ";"), ("cp1252", ","),
    ("utf-8", "\t"), ("latin-1", ";"), ("utf-16", "\t"),
])
def test_csv_encodings_and_delimiters(tmp_path: Path, encoding: str, delimiter: str) -> None:
    path = write_csv(tmp_path / "5w.csv", [HEADERS] + ROWS, encoding, delimiter)
    table = read_table(path)
    assert table.headers == tuple(HEADERS)
    assert table.rows == ((2, tuple(ROWS[0])), (3, tuple(ROWS[1])))
    assert table.file == "5w.csv" and table.hxl is None


def test_cp1252_only_characters_decode() -> None:
    assert decode("N° “quoted” – Niñas".encode("cp1252")) == ("N° “quoted” – Niñas", "cp1252")


def test_delimiter_ignores_commas_inside_quotes() -> None:
    text = 'Country;Admin1;Month\r\n"Peru";"Lima, Callao";2023-11\r\n'
    assert sniff_delimiter(text) == ";"


def test_title_row_blank_rows_and_excel_row_numbers(tmp_path: Path) -> None:
    rows = [["5W Peru, November 2023", "", "", ""], ["", "", "", ""]] + [HEADERS] + [
        ROWS[0], ["", " ", "", ""], ROWS[1]]
    table = read_table(write_csv(tmp_path / "t.csv", rows, "utf-8", ","))
    assert table.header_row == 3
    assert [n for n, _ in table.rows] == [4, 6]


def test_quoted_newline_keeps_excel_row_numbers(tmp_path: Path) -> None:
    path = tmp_path / "n.csv"
    path.write_text(",".join(HEADERS) + '\r\nPeru,Lima,2023-11,"1\n2"\r\nPeru,Ica,2023-11,3\r\n',
                    encoding="utf-8")
    assert [n for n, _ in read_table(path).rows] == [2, 3]


def test_xlsx_title_row_dates_and_named_sheet() -> None:
    table = read_table(GOOD / "en2025_title_row.xlsx")
    assert table.header_row == 2 and table.headers[0] == "Country Country"
    assert [n for n, _ in table.rows] == [3, 5, 6]           # row 4 is blank
    assert table.rows[0][1][6] == dt.datetime(2023, 11, 1)
    assert table.rows[1][1][6] == 45231                       # an Excel serial
    with pytest.raises(DataError) as exc:
        read_table(GOOD / "en2025_title_row.xlsx", sheet="Note")
    (problem,) = exc.value.problems
    assert problem.code == "E204" and "did you mean 'Notes'" in problem.message


def test_hxl_row_is_taken_out_of_the_data() -> None:
    table = read_table(GOOD / "hxl_utf8_tab.csv")
    assert table.hxl is not None and table.hxl[0] == "#country"
    assert table.header_row == 1 and table.rows[0][0] == 3


@pytest.mark.parametrize("name", sorted(p.name for p in GOOD.glob("*.xlsx")))
def test_fast_scan_gives_what_openpyxl_gives(name: str) -> None:
    path = GOOD / name
    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    expected = [(n, tuple(v)) for n, v in enumerate(wb.worksheets[0].iter_rows(values_only=True), 1)
                if any(x is not None for x in v)]
    wb.close()
    with path.open("rb") as handle:
        book = Book(handle)
        got = book.rows(None)
        book.close()
    width = max(len(v) for _, v in expected)
    pad = lambda v: tuple(v) + (None,) * (width - len(v))     # noqa: E731
    assert [(n, pad(v)) for n, v in got if any(x is not None for x in v)] == \
        [(n, pad(v)) for n, v in expected]


def test_scanner_entities_escapes_and_types() -> None:
    sheet = (b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
             b'<sheetData><row r="3" spans="1:6"><c r="A3" t="str"><f>A1</f><v>a &amp; b_x000D_</v></c>'
             b'<c r="C3" t="b"><v>1</v></c><c r="D3" t="e"><v>#N/A</v></c>'
             b'<c r="E3"><v>1.5E3</v></c><c r="F3" t="inlineStr"><is><t xml:space="preserve"> x </t>'
             b'</is></c></row><row r="5"/></sheetData></worksheet>')
    rows = scan(sheet, _Converter([], set(), dt.datetime(1899, 12, 30)))
    assert rows == [(3, ("a & b\r", None, True, "#N/A", 1500.0, " x "))]


@pytest.mark.parametrize("name, content, code, text", [
    ("5w.xlsx", b"", "E202", "file is empty"),
    ("5w.csv", b"\x00\x01\x02\x03" * 300, "E203", "binary"),
    ("5w.xlsx", b"\x00\x01\x02\x03" * 300, "E203", "not a valid Excel workbook"),
    ("5w.xlsx", b"PK\x03\x04" + b"\x00" * 40, "E203", "damaged"),
    ("5w.csv", b"PK\x03\x04" + b"\x00" * 40, "E203", "damaged"),
    ("5w.xlsx", None, "E201", "file not found"),
    ("folder.csv", "dir", "E201", "not a file"),
])
def test_unreadable_files(tmp_path: Path, name: str, content, code: str, text: str) -> None:
    path = tmp_path / name
    if content == "dir":
        path.mkdir()
    elif content is not None:
        path.write_bytes(content)
    with pytest.raises(DataError) as exc:
        read_table(path)
    (problem,) = exc.value.problems
    assert problem.code == code and text in problem.message
    assert problem.file == name and problem.hint


def test_zip_without_workbook_is_damaged(tmp_path: Path) -> None:
    path = tmp_path / "x.xlsx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("hello.txt", "hi")
    with pytest.raises(DataError) as exc:
        read_table(path)
    assert exc.value.problems[0].code == "E203"


def test_rawtable_is_frozen() -> None:
    table = RawTable(file="a.csv", headers=("x",), rows=((2, ("1",)),), hxl=None)
    with pytest.raises(AttributeError):
        table.file = "b.csv"  # type: ignore[misc]


def test_shared_strings_rich_text_phonetics_and_escapes() -> None:
    from nlg.load.xlsx import shared_strings
    ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    sst = (f'<sst xmlns="{ns}"><si><t>Lima</t></si><si/><si><r><t>Ni</t></r><r><rPr><b/></rPr>'
           '<t xml:space="preserve">ñas </t></r></si><si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ'
           '</t></rPh></si><si><t>a &amp; b_x000D_</t></si><si><t></t></si></sst>').encode()
    assert shared_strings(sst) == ["Lima", "", "Niñas ", "東京", "a & b\r", ""]
