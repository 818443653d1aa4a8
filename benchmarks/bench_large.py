"""Benchmark 8: a monthly `sitrep draft` from a large year export (issue 19).

:mod:`benchmarks.real5w` writes 100,000 and 1,000,000 rows built from the real 2022 rows (cached
in the system temp folder; the 1,000,000-row file takes about ten minutes to write the first
time). Each row drafts ARG 2022-08 (one month of the year) as a whole process, with the peak RSS
of the drafting process (``VmHWM``) as in benchmark 7. Targets (issue 19): 100,000 rows ≤ 1.0 s
and ≤ 150 MB; 1,000,000 rows ≤ 12 s and ≤ 1 GB.
"""
from __future__ import annotations

import re
import sys
import tempfile
from pathlib import Path

from benchmarks import real5w
from benchmarks.bench_real import WRAPPER, _facts, _folder
from benchmarks.common import Row, child_env, has_module, loader_state, median, run_timed

#: key, rows, seconds, MB
CASES = (("8a", 100_000, 1.0, 150.0), ("8b", 1_000_000, 12.0, 1024.0))
REPORT = ("ARG", "2022-08", "R4V Argentina", 170000)


def _case(key: str, rows: int, target_s: float, target_mb: float, base: Path, env: dict,
          n: int) -> Row:
    row = Row(key, f"monthly `sitrep draft` ARG 2022-08 from a {rows:,}-row 2022 export (real rows)",
              target=f"≤ {target_s:g} s, ≤ {target_mb:.0f} MB")
    export = real5w.ensure("2022", rows)
    folder = _folder(base / key, export, REPORT)
    command = lambda i: [sys.executable, "-c", WRAPPER, "draft", str(folder),  # noqa: E731
                         "--out", str(base / key / f"out{i}")]
    _, first = run_timed(command("w"), env)
    if first.returncode != 0:
        error = next((line for line in first.stderr.splitlines() if "[E" in line), first.stderr.strip()[-200:])
        row.value, row.ok = "failed", False
        row.note = f"exit {first.returncode}: {error[:220]}"
        return row
    walls, cpus, peaks = [], [], []
    for i in range(n):
        wall, proc = run_timed(command(i), env)
        walls.append(wall)
        cpus.append(proc.cpu)
        peaks.append(int(re.search(r"PEAK_KB (\d+)", proc.stderr).group(1)) / 1024)
    row.value = f"{median(walls):.2f} s"
    row.baseline = f"{max(peaks):.0f} MB peak"
    row.ok = median(walls) <= target_s and max(peaks) <= target_mb
    row.note = (f"median of {n}; CPU {median(cpus):.2f} s; {export.stat().st_size / 1e6:.1f} MB .xlsx; "
                f"{_facts(first.stdout)}")
    row.details = {"wall_s": walls, "cpu_s": cpus, "peak_mb": peaks, "rows": rows}
    return row


def run(quick: bool) -> list[Row]:
    """Return one row per export size."""
    state = loader_state()
    if state == "missing" or not has_module("nlg.cli.sitrep"):
        return [Row(k, f"monthly draft from {r:,} rows", note="5W loader not available yet")
                for k, r, *_ in CASES]
    env = child_env(state)
    n = 1 if quick else 3
    with tempfile.TemporaryDirectory(prefix="sitrep-bench-large-") as tmp:
        return [_case(*case, Path(tmp), env, n) for case in CASES]
