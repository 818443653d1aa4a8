"""Build samples/brazil-2022-08/5w.xlsx: REAL R4V rows, RELABELLED as Brazil (issue 15).

There is no real Brazil 5W export among the shared R4V files. This script takes the 46 real
rows of Bolivia, August 2022, from tests/data/real/Activities_5W_2022.xlsx (R4V's
R4RMRP2022 repository, the 2022 internal column names) and changes two things only:

- ``Country``: Bolivia -> Brazil;
- ``Admin1``: each Bolivian departamento -> a Brazilian state (official R4V spelling), the
  national row ("Bolivia") -> "Brasil"; ``Admin2`` is emptied (Bolivian municipalities).

Every other cell (organisations, indicators, activity names with their double-encoded
accents, figures, breakdowns) is the real row as exported. The figures are therefore real R4V
figures of another country: the sample shows how the tool drafts a Brazil month, it is not
R4V Brazil data. Run ``python samples/tools/make_brazil_sample.py``; the cells are the same
every run (tests/test_brazil_sample.py checks the shipped workbook against them).
"""
from __future__ import annotations

from pathlib import Path

import openpyxl

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "tests" / "data" / "real" / "Activities_5W_2022.xlsx"
TARGET = ROOT / "samples" / "brazil-2022-08" / "5w.xlsx"
#: Bolivian departamento (as the export writes it) -> Brazilian state.
STATES = {
    "La Paz": "Roraima",
    "Santa Cruz": "Amazonas",
    "Oruro": "São Paulo",
    "Tarija": "Paraná",
    "PotosÃ\xad": "Santa Catarina",
    "Cochabamba": "Rio Grande do Sul",
    "Bolivia": "Brasil",
}


def rows() -> list[list]:
    """Return the header and the relabelled Bolivia rows."""
    sheet = openpyxl.load_workbook(SOURCE, read_only=True).active
    header, *data = [list(r) for r in sheet.iter_rows(values_only=True)]
    country, admin1, admin2 = (header.index(c) for c in ("Country", "Admin1", "Admin2"))
    out = [header]
    for row in data:
        if row[country] != "Bolivia":
            continue
        row[country], row[admin1], row[admin2] = "Brazil", STATES[row[admin1]], None
        out.append(row)
    return out


def build(target: Path = TARGET) -> None:
    """Write the workbook (one sheet, the export's header and the relabelled rows)."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Sheet1"
    for row in rows():
        sheet.append(row)
    target.parent.mkdir(parents=True, exist_ok=True)
    book.save(target)


if __name__ == "__main__":
    build()
    print(f"wrote {TARGET} ({len(rows()) - 1} rows)")
