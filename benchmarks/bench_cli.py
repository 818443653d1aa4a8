"""Benchmark 3: CLI cold start, `sitrep draft` on the sample as a whole process.

Also checks that no heavy optional library is imported by `draft` (spaCy, chart
libraries) by running the command once under ``python -X importtime``, and
keeps the slowest imports for docs/performance.md.
"""
from __future__ import annotations

import re
import sys
import tempfile
from pathlib import Path

from benchmarks.common import SAMPLE, Row, child_env, loader_state, median, run_timed

TARGET_S, TARGET_RATIO = 1.0, 4.0
FORBIDDEN = ("spacy", "thinc", "matplotlib", "plotly", "bokeh", "altair", "seaborn", "pygal",
             "reportlab", "torch")
#: Not forbidden, but worth knowing about in a cold start.
HEAVY = ("numpy", "pandas", "lxml", "docx", "openpyxl", "babel", "jinja2", "yaml", "pycountry",
         "nlg", "PIL", "difflib", "email", "xml")
BARE = "import docx; docx.Document().save({path!r})"
_LINE = re.compile(r"import time:\s+(\d+)\s+\|\s+(\d+)\s+\|(\s*)(\S+)")


def importtime(stderr: str) -> list[tuple[str, int, int, int]]:
    """Return (module, self µs, cumulative µs, depth) from ``-X importtime`` output."""
    out = []
    for line in stderr.splitlines():
        m = _LINE.match(line)
        if m:
            out.append((m.group(4), int(m.group(1)), int(m.group(2)), (len(m.group(3)) - 1) // 2))
    return out


def forbidden(modules: list[str]) -> list[str]:
    """Return the top-level names of forbidden modules among ``modules``."""
    return sorted({m.split(".")[0] for m in modules if m.split(".")[0] in FORBIDDEN})


def run(quick: bool) -> list[Row]:
    """Return the row of benchmark 3."""
    row = Row("3", "CLI cold start: `sitrep draft` sample, whole process",
              target=f"≤ {TARGET_S:.1f} s and ≤ {TARGET_RATIO:.0f}× bare python-docx")
    state = loader_state()
    if state == "missing":
        row.note = "5W loader not available yet"
        return [row]
    env = child_env(state)
    clean = child_env("real")  # the bare process: no stand-in loader on its path
    n = 5 if quick else 11
    with tempfile.TemporaryDirectory(prefix="sitrep-bench-") as tmp:
        base = Path(tmp)
        draft = lambda i: [sys.executable, "-m", "nlg", "draft", str(SAMPLE), "--out", str(base / f"o{i}")]  # noqa: E731
        bare = lambda i: [sys.executable, "-c", BARE.format(path=str(base / f"bare{i}.docx"))]  # noqa: E731
        for i in range(2):   # warm the OS file cache and the .pyc files
            _, proc = run_timed(draft(f"w{i}"), env)
            if proc.returncode != 0:
                row.value, row.ok = "failed", False
                row.note = f"exit {proc.returncode}: {proc.stderr.strip()[-300:]}"
                return [row]
            run_timed(bare(f"w{i}"), clean)
        tool, low, cpu = [], [], []
        for i in range(n):
            wall, proc = run_timed(draft(i), env)
            tool.append(wall)
            cpu.append(proc.cpu)
            low.append(run_timed(bare(i), clean)[0])
        _, traced = run_timed([sys.executable, "-X", "importtime", *draft("t")[1:]], env)
    imports = importtime(traced.stderr)
    bad = forbidden([m for m, *_ in imports])
    ratio = median(tool) / median(low)
    row.value = f"{median(tool):.2f} s"
    row.baseline = f"{median(low):.2f} s"
    row.ratio = f"{ratio:.1f}×"
    row.ok = median(tool) <= TARGET_S and ratio <= TARGET_RATIO and not bad
    row.note = (f"median of {n}; CPU {median(cpu):.2f} s; spaCy/chart libraries imported: {', '.join(bad) or 'none'}"
                f" (also imported: {', '.join(sorted({m.split('.')[0] for m, *_ in imports} & {'numpy', 'pandas', 'PIL'})) or 'nothing heavy'}); "  # noqa: E501
                f"{len(imports)} modules imported"
                + ("; dev stand-in loader" if state == "shim" else ""))
    packages = {m: c / 1000 for m, _, c, _ in imports if m in HEAVY}
    top = sorted((i for i in imports if i[3] == 0), key=lambda x: -x[2])[:15]
    row.details = {"tool_s": tool, "bare_s": low, "tool_cpu_s": cpu, "forbidden": bad, "modules": len(imports), "package_cumulative_ms": packages,  # noqa: E501
                   "heavy_imported": sorted({m.split(".")[0] for m, *_ in imports} & {"numpy", "pandas", "PIL"}),
                   "top_level_imports_ms": [(m, c / 1000) for m, _, c, _ in top],
                   "self_heaviest_ms": [(m, s / 1000) for m, s, _, _ in
                                        sorted(imports, key=lambda x: -x[1])[:15]]}
    return [row]
