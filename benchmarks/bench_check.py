"""Benchmark 6: `sitrep check` on the sample's two documents, whole process (spaCy load included)."""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from benchmarks.bench_cli import importtime
from benchmarks.common import SAMPLE, Row, child_env, has_module, loader_state, median, run_timed

TARGET_S = 1.5


def run(quick: bool) -> list[Row]:
    """Return the row of benchmark 6."""
    row = Row("6", "`sitrep check` on the sample's EN + ES drafts, whole process", target=f"≤ {TARGET_S} s")
    state = loader_state()
    if not has_module("nlg.cli.check") or not has_module("nlg.check.findings"):
        row.note = "`sitrep check` not committed yet"
        return [row]
    if state == "missing":
        row.note = "5W loader not available yet (needed to draft the documents)"
        return [row]
    env = child_env(state)
    n = 5 if quick else 11
    with tempfile.TemporaryDirectory(prefix="sitrep-bench-") as tmp:
        out = Path(tmp)
        _, proc = run_timed([sys.executable, "-m", "nlg", "draft", str(SAMPLE), "--out", str(out)], env)
        docs = sorted(str(p) for p in out.glob("*.docx"))
        if proc.returncode != 0 or len(docs) != 2:
            row.value, row.ok = "failed", False
            row.note = f"drafting the sample failed (exit {proc.returncode}): {proc.stderr.strip()[-300:]}"
            return [row]
        cmd = [sys.executable, "-m", "nlg", "check", *docs]
        env = child_env("real")  # check reads only the .docx files: no stand-in loader on its path
        walls, cpus = [], []
        for i in range(n + 2):
            wall, proc = run_timed(cmd, env)
            if proc.returncode not in (0, 1):
                row.value, row.ok = "failed", False
                row.note = f"exit {proc.returncode}: {proc.stderr.strip()[-300:]}"
                return [row]
            if i >= 2:   # two warm-ups: OS file cache, .pyc files
                walls.append(wall)
                cpus.append(proc.cpu)
        _, traced = run_timed([sys.executable, "-X", "importtime", *cmd[1:]], env)
    imports = importtime(traced.stderr)
    spacy_ms = next((c / 1000 for m, _, c, _ in imports if m == "spacy"), 0.0)
    row.value = f"{median(walls):.2f} s"
    row.ok = median(walls) <= TARGET_S
    verdict = "clean" if proc.returncode == 0 else "findings"
    row.note = (f"median of {n}; CPU {median(cpus):.2f} s; `import spacy` {spacy_ms:.0f} ms; "
                f"{len(imports)} modules; result: {verdict}" + ("; dev stand-in loader" if state == "shim" else ""))
    top = sorted((i for i in imports if i[3] <= 1), key=lambda x: -x[2])[:15]
    row.details = {"wall_s": walls, "cpu_s": cpus, "import_spacy_ms": spacy_ms,
                   "top_imports_ms": [(m, c / 1000) for m, _, c, _ in top]}
    return [row]
