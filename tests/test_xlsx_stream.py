"""Issue 19: the sheet part is read as a stream of blocks of whole rows, never held whole.

Whatever the block size (here down to a few bytes, so rows, tags and the sheetData element are
cut at every possible place), the rows are the ones the whole part gives."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from nlg.load import xlsx
from nlg.load.table import read_table

ROOT = Path(__file__).resolve().parents[1]
FILES = sorted(p for p in [*ROOT.glob("tests/data/good/*.xlsx"), *ROOT.glob("tests/data/real/*.xlsx"),
                           ROOT / "samples/peru-2023-11/5w.xlsx"])


def rows(path: Path) -> list:
    with path.open("rb") as handle:
        book = xlsx.Book(handle)
        try:
            return book.rows(None)
        finally:
            book.close()


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
@pytest.mark.parametrize("block", [7, 100, 4096])
def test_any_block_size_gives_the_same_rows(path, block, monkeypatch):
    whole = rows(path)
    monkeypatch.setattr(xlsx, "BLOCK", block)
    assert rows(path) == whole
    assert whole


def _book(sheet: bytes) -> bytes:
    buffer = io.BytesIO()
    ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("_rels/.rels", f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                   f'relationships"><Relationship Id="r1" Type="{rel}/officeDocument" '
                   f'Target="xl/workbook.xml"/></Relationships>')
        z.writestr("xl/workbook.xml", f'<workbook {ns} xmlns:r="{rel}"><sheets><sheet name="S" '
                   f'sheetId="1" r:id="r1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels", f'<Relationships xmlns="http://schemas.openxmlformats'
                   f'.org/package/2006/relationships"><Relationship Id="r1" Type="{rel}/worksheet" '
                   f'Target="worksheets/sheet1.xml"/></Relationships>')
        z.writestr("xl/worksheets/sheet1.xml", sheet)
    return buffer.getvalue()


def _cell(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


@pytest.mark.parametrize("block", [5, 64, 1 << 20])
def test_a_row_longer_than_a_block_and_an_empty_sheet(tmp_path, block, monkeypatch):
    monkeypatch.setattr(xlsx, "BLOCK", block)
    long = "x" * 500
    body = ("<row r=\"1\">" + _cell("A1", "Country") + _cell("B1", "Month") + "</row>"
            + "<row r=\"3\">" + _cell("A3", long) + _cell("B3", "2023-11") + "</row><row r=\"4\"/>"
            + "<row>" + _cell("A5", "Peru") + "</row>")
    sheet = f'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' \
            f'{body}</sheetData><rowBreaks count="0"/></worksheet>'
    path = tmp_path / "s.xlsx"
    path.write_bytes(_book(sheet.encode()))
    assert rows(path) == [(1, ("Country", "Month")), (3, (long, "2023-11")), (5, ("Peru",))]
    empty = '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/>' \
            '</worksheet>'
    path.write_bytes(_book(empty.encode()))
    assert rows(path) == []


def test_a_damaged_sheet_is_still_refused_when_streamed(tmp_path):
    sheet = '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' \
            + "".join(f'<row r="{n}">{_cell(f"A{n}", "Peru")}{_cell(f"B{n}", "2023-11")}</row>'
                      for n in range(1, 20000)) + "</sheetData></worksheet>"
    data = bytearray(_book(sheet.encode()))
    at = data.find(b"xl/worksheets/sheet1.xml") + 200      # inside the deflated sheet
    data[at:at + 64] = bytes(64)
    (tmp_path / "d.xlsx").write_bytes(bytes(data))
    with pytest.raises(Exception) as caught:
        read_table(tmp_path / "d.xlsx")
    assert "E203" in str(caught.value.problems[0].code)
