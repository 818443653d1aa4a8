"""Write a large invented 5W export (.xlsx and .csv) for benchmark 5, into a temp folder.

The rows are the Peru sample's rows (samples/tools/make_peru_sample.py, English 2025
headers) repeated over the twelve months of 2023 with their figures scaled by 1-4,
so every row is as valid as the sample's (breakdowns still sum), except one row in
50, whose host-communities figure is one short (a W209 data warning), as real exports
have some. Deterministic: the same files every time. The
files are cached under the system temp folder, keyed by this generator's and the
sample generator's source, and never written into the repository.

Run alone: ``python benchmarks/gen5w.py [ROWS]`` prints the folder.
"""
from __future__ import annotations

import csv
import hashlib
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TOOLS = ROOT / "samples" / "tools"
ROWS = 100_000
DEFECT_EVERY = 50
MONTHS = tuple(f"2023-{m:02d}" for m in range(1, 13))


def _sample():
    if str(TOOLS) not in sys.path:
        sys.path.insert(0, str(TOOLS))
    import make_peru_sample
    return make_peru_sample


def rows(n: int = ROWS):
    """Yield ``n`` data rows (29 cells each)."""
    sample = _sample()
    specs = sample.ROWS
    for i in range(n):
        spec = list(specs[i % len(specs)])
        spec[0] = MONTHS[(i // len(specs)) % len(MONTHS)]
        k = 1 + (i // (len(specs) * len(MONTHS))) % 4
        spec[7], spec[8], spec[9] = spec[7] * k, spec[8] * k, spec[9] * k
        extra = dict(spec[12])
        if extra.get("usd"):
            extra["usd"] = extra["usd"] * k
        if i % DEFECT_EVERY == 7:
            extra["defect"] = "pop-1"
        spec[12] = extra
        yield sample.cell_row(tuple(spec))


def folder(n: int = ROWS) -> Path:
    """Return the cache folder for ``n`` rows (created, maybe empty)."""
    key = hashlib.sha256(Path(__file__).read_bytes() + (TOOLS / "make_peru_sample.py").read_bytes()
                         + str(n).encode()).hexdigest()[:12]
    out = Path(tempfile.gettempdir()) / f"sitrep-bench-5w-{n}-{key}"
    out.mkdir(parents=True, exist_ok=True)
    return out


def write_csv(path: Path, n: int = ROWS) -> Path:
    """Return ``path`` after writing the export as CSV (UTF-8 with BOM, comma, CRLF, as Excel does)."""
    temp = path.with_suffix(".part")
    with temp.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow(_sample().HEADER)
        for row in rows(n):
            writer.writerow(["" if v is None else v for v in row])
    temp.replace(path)
    return path


def write_xlsx(path: Path, n: int = ROWS) -> Path:
    """Return ``path`` after writing the export as a one-sheet .xlsx (openpyxl, write-only)."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("5W")
    sheet.append(list(_sample().HEADER))
    for row in rows(n):
        sheet.append(row)
    temp = path.with_suffix(".part")
    workbook.save(temp)
    temp.replace(path)
    return path


def ensure(n: int = ROWS) -> dict[str, Path]:
    """Return {"xlsx": path, "csv": path}, writing the files only if not cached yet."""
    base = folder(n)
    out = {"xlsx": base / "5w.xlsx", "csv": base / "5w.csv"}
    if not out["csv"].exists():
        write_csv(out["csv"], n)
    if not out["xlsx"].exists():
        write_xlsx(out["xlsx"], n)
    return out


if __name__ == "__main__":
    paths = ensure(int(sys.argv[1]) if len(sys.argv) > 1 else ROWS)
    sys.stdout.write(f"{paths['xlsx'].parent}\n")
