"""Same inputs, same bytes: drafts made by separate processes into separate folders are identical.

Each run is a fresh ``python -m nlg batch`` subprocess, with its own copy of the tree (another
path), its own output folder and another PYTHONHASHSEED; one run uses a worker pool, the other
drafts in-process. Every .docx must have the same sha256, and the manifests must agree on
everything except timings.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TREE = REPO / "samples" / "tree"
SUBSET = ("ecu/2023-09", "ecu/2023-10", "col/2023-09")  # Spanish headers + previous month, CSV


def batch(tmp: Path, name: str, jobs: int, seed: str) -> Path:
    """Return the output folder of one batch run in a fresh interpreter."""
    root, out = tmp / name / "reports", tmp / f"{name}-out" / "drafts"
    for label in SUBSET:
        shutil.copytree(TREE / label, root / label)
    env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONIOENCODING": "utf-8"}
    done = subprocess.run([sys.executable, "-m", "nlg", "batch", str(root), "--out", str(out),
                           "--jobs", str(jobs)], cwd=REPO, env=env, capture_output=True,
                          text=True, encoding="utf-8", errors="replace", timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    return out


def hashes(out: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(out.glob("*.docx"))}


def without_timings(value):
    if isinstance(value, dict):
        return {k: without_timings(v) for k, v in value.items() if k != "timings"}
    if isinstance(value, list):
        return [without_timings(v) for v in value]
    return value


def test_two_processes_two_folders_same_bytes(tmp_path):
    first = batch(tmp_path, "a", jobs=2, seed="1")
    second = batch(tmp_path, "elsewhere/b", jobs=1, seed="2")
    assert len(hashes(first)) == 2 * len(SUBSET)
    assert hashes(first) == hashes(second)
    manifests = [json.loads((out / "manifest.json").read_text(encoding="utf-8"))
                 for out in (first, second)]
    shared = [m.pop("shared_inputs") for m in manifests]
    assert without_timings(manifests[0]) == without_timings(manifests[1])
    assert {f["role"] for f in shared[0]} == {"phrasebank", "code"}
