"""Benchmark 5: load and validate a 100,000-row 5W export (.xlsx and CSV)."""
from __future__ import annotations

import gc
import time

from benchmarks import gen5w
from benchmarks.common import Row, has_module, median

TARGET_S = 5.0


def _once(path) -> tuple[float, float, int, int]:
    """Return (read seconds, validate seconds, activities, warnings) of one load."""
    from nlg.load.table import read_table
    from nlg.validate.dataset import validate

    gc.collect()
    t0 = time.perf_counter()
    table = read_table(path)
    t1 = time.perf_counter()
    data = validate([table], period=(gen5w.MONTHS[0], gen5w.MONTHS[-1]), country="PER", column_map={})
    t2 = time.perf_counter()
    return t1 - t0, t2 - t1, len(data.activities), len(data.warnings)


def run(quick: bool) -> list[Row]:
    """Return one row per format."""
    rows = [Row(f"5{fmt}", f"load + validate {gen5w.ROWS:,} rows, {fmt}", target=f"≤ {TARGET_S:.0f} s")
            for fmt in ("xlsx", "csv")]
    if not (has_module("nlg.load.table") and has_module("nlg.validate.dataset")):
        for row in rows:
            row.note = "nlg.load.table / nlg.validate.dataset not committed yet"
        return rows
    paths = gen5w.ensure()
    n = 1 if quick else 3
    for row, fmt in zip(rows, ("xlsx", "csv")):
        try:
            runs = [_once(paths[fmt]) for _ in range(n)]
        except Exception as exc:  # noqa: BLE001  (a part still in progress must not stop the run)
            row.value, row.ok, row.note = "failed", False, f"{type(exc).__name__}: {str(exc)[:200]}"
            continue
        read, check = median([r[0] for r in runs]), median([r[1] for r in runs])
        total = median([r[0] + r[1] for r in runs])
        row.value = f"{total:.2f} s"
        row.ok = total <= TARGET_S
        row.note = (f"read_table {read:.2f} s + validate {check:.2f} s; {runs[0][2]:,} activities, "
                    f"{runs[0][3]:,} warnings; median of {n}; period 2023-01..2023-12 (every row validated)")
        row.details = {"read_s": [r[0] for r in runs], "validate_s": [r[1] for r in runs],
                       "activities": runs[0][2], "warnings": runs[0][3],
                       "file_mb": round(paths[fmt].stat().st_size / 1e6, 1)}
    return rows
