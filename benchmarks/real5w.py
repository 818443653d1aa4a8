"""Write a real-size 5W export (≥ 20,000 rows) built from REAL rows, for benchmark 7.

Sources (committed under tests/data/real/, copied from the R4V team's public files):

- ``2022``: Activities_5W_2022.xlsx, 125 rows of August 2022 (Argentina, Bolivia, Paraguay,
  Uruguay), the 2022–2024 internal column names, double-encoded UTF-8 as exported;
- ``2021``: 5W_2021_Aruba_Curacao_Uruguay.xlsx, 180 rows of January–May 2021, the dotted
  headers R wrote (``Sector...Subsector...WG``).

Each output row is a real row, chosen in turn, with (from a seeded RNG, so the same file every
time): the month one of the twelve of the source's year; the admin1 (with an admin2 seen with
it) one of that country's admin1s in the source; the appealing organisation one of that
country's organisations in the source; every count and the USD value multiplied by one factor
1-4, so a row's breakdowns relate to its totals as in the real row (its defects included).
Headers, sheet name, text cells and defects are the source's. Country and number of rows are
the source's mix: 24,000 rows is about what the RMRP 2021 export has for 17 countries and five
months (22,496).

The file is cached under the system temp folder, keyed by this script, the source and the
size, and never written into the repository. Run alone:
``python benchmarks/real5w.py [2022|2021] [ROWS]`` prints the path.
"""
from __future__ import annotations

import hashlib
import random
import re
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT / "tests" / "data" / "real"
ROWS = 24_000
SEED = 20_22
#: source -> (file, year, the header of the columns varied: country, admin1, admin2, organisation, month)
SOURCES = {
    "2022": ("Activities_5W_2022.xlsx", 2022,
             ("Country", "Admin1", "Admin2", "Appealing_org", "Month")),
    "2021": ("5W_2021_Aruba_Curacao_Uruguay.xlsx", 2021,
             ("Country", "Admin1", None, "Appealing.Organization.Name", "Reporting.Month")),
}
#: Columns never scaled although they may hold numbers (codes, years), by header word.
_NOT_COUNTS = {"code", "year", "id"}


def read_source(source: str) -> tuple[str, list[str], list[list]]:
    """Return (sheet name, header, data rows) of a real export, as openpyxl reads them."""
    from openpyxl import load_workbook

    name = SOURCES[source][0]
    book = load_workbook(REAL / name, read_only=True, data_only=True)
    sheet = book.worksheets[0]
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    book.close()
    header = [("" if h is None else str(h)) for h in rows[0]]
    data = [r + [None] * (len(header) - len(r)) for r in rows[1:] if any(v not in (None, "") for v in r)]
    return sheet.title, header, data


def _count_columns(header: list[str], data: list[list], month: int) -> list[int]:
    """Return the columns (but the month's) whose cells are numbers in the source: counts, USD."""
    out = []
    for i, name in enumerate(header):
        if i == month or _NOT_COUNTS & set(re.split(r"[^a-z0-9]+", name.lower())):
            continue
        cells = [r[i] for r in data if r[i] not in (None, "")]
        if cells and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in cells):
            out.append(i)
    return out


def rows(source: str = "2022", n: int = ROWS):
    """Yield (sheet name, header) first, then ``n`` rows built from the real ones."""
    title, header, data = read_source(source)
    _, year, (country, admin1, admin2, org, month) = SOURCES[source]
    col = {name: header.index(name) if name else None
           for name in (country, admin1, admin2, org, month)}
    places, orgs = defaultdict(list), defaultdict(list)
    for r in data:
        here = (r[col[admin1]], r[col[admin2]] if admin2 else None)
        if here not in places[r[col[country]]]:
            places[r[col[country]]].append(here)
        if r[col[org]] not in orgs[r[col[country]]]:
            orgs[r[col[country]]].append(r[col[org]])
    counts = _count_columns(header, data, col[month])
    months = [f"{year}-{m:02d}" for m in range(1, 13)]
    rng = random.Random(SEED)
    yield title, header
    for i in range(n):
        row = list(data[i % len(data)])
        where = rng.choice(places[row[col[country]]])
        row[col[admin1]] = where[0]
        if admin2:
            row[col[admin2]] = where[1]
        row[col[org]] = rng.choice(orgs[row[col[country]]])
        row[col[month]] = months[rng.randrange(12)]
        k = rng.randint(1, 4)
        for c in counts:
            if isinstance(row[c], (int, float)):
                row[c] = row[c] * k if isinstance(row[c], int) else round(row[c] * k, 2)
        yield row


def path(source: str = "2022", n: int = ROWS) -> Path:
    """Return where the export of ``source`` with ``n`` rows is cached (not written yet)."""
    name = SOURCES[source][0]
    key = hashlib.sha256(Path(__file__).read_bytes() + (REAL / name).read_bytes()
                         + str(n).encode()).hexdigest()[:12]
    return Path(tempfile.gettempdir()) / f"sitrep-bench-real5w-{source}-{n}-{key}" / name


def ensure(source: str = "2022", n: int = ROWS) -> Path:
    """Return the path of the export, writing it (openpyxl, write-only) if not cached yet."""
    from openpyxl import Workbook

    out = path(source, n)
    if out.exists():
        return out
    out.parent.mkdir(parents=True, exist_ok=True)
    made = rows(source, n)
    title, header = next(made)
    book = Workbook(write_only=True)
    sheet = book.create_sheet(title)
    sheet.append(header)
    for row in made:
        sheet.append(row)
    temp = out.with_suffix(".part")
    book.save(temp)
    temp.replace(out)
    return out


if __name__ == "__main__":
    which = sys.argv[1] if len(sys.argv) > 1 else "2022"
    size = int(sys.argv[2]) if len(sys.argv) > 2 else ROWS
    sys.stdout.write(f"{ensure(which, size)}\n")
