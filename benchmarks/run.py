"""Run the performance benchmarks of issue 8, print the table and write BENCHMARKS.md.

Usage: ``python benchmarks/run.py [--quick] [--only 1,3,...] [--merge] [--out BENCHMARKS.md] [--json FILE]``

``--only 7 --merge`` re-measures some rows and keeps the others of the existing file (its machine
facts too; the load average of the re-measured rows is added), for a row added or changed
while the machine is too busy for a full run to be comparable.

1. realisation alone, µs per bullet per language (≤ 50 µs)
2. one report, both languages, in process, as a ratio to a plain python-docx floor (≤ 2.0×)
3. CLI cold start of `sitrep draft` (≤ 1.0 s and ≤ 4× a bare python-docx process; no spaCy/charts)
4. the scaled batch, 17 countries × 12 months × 2 languages, 2 workers (≤ 30 s, ≤ 250 MB per worker)
5. load + validate a 100,000-row 5W export, .xlsx and CSV (≤ 5 s)
6. `sitrep check` on the sample's two drafts, whole process (≤ 1.5 s)
7. `sitrep draft` on a real-size export (24,000 rows built from the real R4V rows; ≤ 5 s, ≤ 250 MB)
8. a monthly `sitrep draft` from a 100,000 / 1,000,000-row year export (≤ 1.0 s / 150 MB; ≤ 12 s / 1 GB)

A part of the tool that is not committed yet gives a "not available yet" row.
Wall times are medians; the machine is shared, so the load average is noted.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks import report  # noqa: E402
from benchmarks.common import ROOT, Row, load, machine  # noqa: E402

BENCHES = {
    "1": "benchmarks.bench_realise", "2": "benchmarks.bench_report", "3": "benchmarks.bench_cli",
    "6": "benchmarks.bench_check", "4": "benchmarks.bench_batch", "5": "benchmarks.bench_load",
    "7": "benchmarks.bench_real", "8": "benchmarks.bench_large",
}


def _run_one(key: str, quick: bool) -> list[Row]:
    import importlib

    started = time.perf_counter()
    try:
        rows = importlib.import_module(BENCHES[key]).run(quick)
    except Exception as exc:  # noqa: BLE001  (one broken part must not hide the others)
        tb = traceback.format_exc(limit=3).strip().splitlines()[-1]
        rows = [Row(key, f"benchmark {key}", value="error", ok=False, note=f"{type(exc).__name__}: {tb[:240]}")]
    for row in rows:
        row.details["benchmark_seconds"] = round(time.perf_counter() - started, 1)
    return rows


def main(argv: list[str] | None = None) -> int:
    """Run the benchmarks; return 0 (a missed target is reported, not an error)."""
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--quick", action="store_true", help="fewer repeats (a smoke run, noisier)")
    p.add_argument("--only", default="", help="comma-separated benchmark numbers, e.g. 1,3")
    p.add_argument("--out", type=Path, default=ROOT / "BENCHMARKS.md", help="Markdown file written")
    p.add_argument("--json", type=Path, help="also write every measurement as JSON here")
    p.add_argument("--merge", action="store_true",
                   help="with --only: keep the other rows (and machine facts) of the existing --out file")
    args = p.parse_args(argv)
    keys = [k for k in BENCHES if not args.only or k in args.only.split(",")]
    facts = machine()
    loads = [load()]
    rows: list[Row] = []
    for key in keys:
        print(f"running benchmark {key} …", file=sys.stderr, flush=True)
        rows.extend(_run_one(key, args.quick))
        loads.append(load())
    load_text = " / ".join([loads[0], max(loads[1:-1], default=loads[-1]), loads[-1]])
    command = " ".join(["python benchmarks/run.py", *(argv if argv is not None else sys.argv[1:])])
    if args.merge and args.out.is_file():
        old_facts, old_command, old_rows = report.parse(args.out.read_text(encoding="utf-8"))
        mine = {r.key for r in rows}
        rows += [r for r in old_rows if r.key not in mine and re.match(r"\d*", r.key).group() not in keys]
        facts = {**old_facts, **{k: v for k, v in facts.items() if k not in old_facts},
                 f"load average (1 min) before / during / after, rows {', '.join(sorted(mine))}": load_text}
        command = f"{old_command}`, then rows {', '.join(keys)}: `{command}"
    else:
        facts["load average (1 min) before / during / after"] = load_text
    rows.sort(key=lambda r: r.key)
    table = report.table(rows)
    print(table)
    args.out.write_text(report.markdown(rows, facts, quick=args.quick, command=command), encoding="utf-8")
    print(f"wrote {args.out}", file=sys.stderr)
    if args.json:
        args.json.write_text(json.dumps({"machine": facts, "rows": [vars(r) for r in rows]},
                                        indent=1, default=str), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
