"""Benchmark 4: the scaled batch, 17 countries × 12 months × 2 languages, 2 workers.

The tree comes from ``samples/tools/scale_tree.py OUT`` (written into a temp folder).
`sitrep batch TREE --out OUT --jobs 2 --force` runs as a whole process; while it runs
a thread reads each descendant's peak resident set (VmHWM in /proc/PID/status), so
the peak of every worker is known without psutil. ``RUSAGE_CHILDREN`` after the run
gives the largest process of the tree as a cross-check.
"""
from __future__ import annotations

import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from benchmarks.common import ROOT, Row, child_env, has_module, loader_state, median

TARGET_S, TARGET_MB = 30.0, 250.0
SCALE = ROOT / "samples" / "tools" / "scale_tree.py"


def _children(pid: int) -> list[int]:
    """Return every descendant of ``pid`` (Linux /proc)."""
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        try:
            for task in Path(f"/proc/{p}/task").iterdir():
                kids = [int(x) for x in (task / "children").read_text().split()]
                out.extend(kids)
                todo.extend(kids)
        except OSError:
            continue
    return out


def _peak_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def watch(proc: subprocess.Popen, peaks: dict[int, int], every: float = 0.05) -> threading.Thread:
    """Return a started thread recording {pid: peak RSS kB} for ``proc`` and its descendants."""
    def loop() -> None:
        while proc.poll() is None:
            for pid in [proc.pid, *_children(proc.pid)]:
                kb = _peak_kb(pid)
                if kb:
                    peaks[pid] = max(peaks.get(pid, 0), kb)
            time.sleep(every)
    thread = threading.Thread(target=loop, daemon=True)
    thread.start()
    return thread


def _tree(base: Path, env: dict[str, str]) -> tuple[Path | None, str]:
    tree = base / "tree"
    proc = subprocess.run([sys.executable, str(SCALE), str(tree)], env=env, cwd=ROOT,
                          capture_output=True, text=True)
    if proc.returncode != 0:
        return None, f"scale_tree.py exit {proc.returncode}: {proc.stderr.strip()[-300:]}"
    return tree, ""


def _once(tree: Path, out: Path, env: dict[str, str]) -> tuple[float, float, list[int], int, subprocess.Popen, str]:
    """Return (wall s, cpu s, worker peaks kB, tree max RSS kB, process, stderr) of one batch."""
    peaks: dict[int, int] = {}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "nlg", "batch", str(tree), "--out", str(out),
                             "--jobs", "2", "--force"], env=env, cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    thread = watch(proc, peaks)
    _, err = proc.communicate()
    wall = time.perf_counter() - t
    thread.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    workers = [kb for pid, kb in peaks.items() if pid != proc.pid]
    return wall, cpu, workers, after.ru_maxrss, proc, err


def run(quick: bool) -> list[Row]:
    """Return the row of benchmark 4."""
    row = Row("4", "scaled batch: 17 countries × 12 months × 2 languages, 2 workers",
              target=f"≤ {TARGET_S:.0f} s, ≤ {TARGET_MB:.0f} MB per worker")
    state = loader_state()
    missing = [n for n, ok in (("`sitrep batch`", has_module("nlg.cli.batch") and has_module("nlg.batch.run")),
                               ("samples/tools/scale_tree.py", SCALE.is_file()),
                               ("5W loader", state != "missing")) if not ok]
    if missing:
        row.note = f"{', '.join(missing)} not available yet"
        return [row]
    env = child_env(state)
    n = 1 if quick else 3
    with tempfile.TemporaryDirectory(prefix="sitrep-bench-") as tmp:
        tree, problem = _tree(Path(tmp), env)
        if tree is None:
            row.value, row.ok, row.note = "failed", False, problem
            return [row]
        folders = len(list(tree.rglob("report.yaml")))
        runs = []
        for i in range(n):
            out = Path(tmp) / f"out{i}"
            result = _once(tree, out, env)
            if result[4].returncode != 0:
                row.value, row.ok = "failed", False
                row.note = f"exit {result[4].returncode}: {result[5].strip()[-300:]}"
                return [row]
            runs.append(result)
        docs = len(list((Path(tmp) / "out0").glob("*.docx")))
    wall = median([r[0] for r in runs])
    worker_mb = max((max(r[2], default=0) for r in runs), default=0) / 1024
    parent_mb = max(r[3] for r in runs) / 1024
    row.value = f"{wall:.1f} s"
    row.baseline = f"{worker_mb:.0f} MB peak worker"
    row.ok = wall <= TARGET_S and 0 < worker_mb <= TARGET_MB
    row.note = (f"{folders} report folders, {docs} .docx; median of {n}; CPU {median([r[1] for r in runs]):.1f} s; "
                f"{len(runs[0][2])} worker processes seen; largest process of the tree {parent_mb:.0f} MB "
                f"(RUSAGE_CHILDREN)" + ("; dev stand-in loader" if state == "shim" else ""))
    row.details = {"wall_s": [r[0] for r in runs], "cpu_s": [r[1] for r in runs],
                   "worker_peaks_mb": [[kb / 1024 for kb in r[2]] for r in runs],
                   "folders": folders, "docx": docs}
    return [row]
