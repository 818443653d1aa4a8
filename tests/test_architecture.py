"""The linters configured in pyproject.toml pass: the import contracts ([tool.importlinter]:
dependencies point down the pipeline, docs/ARCHITECTURE.md; no package's modules import each other
in a cycle), ruff ([tool.ruff]) and mypy ([tool.mypy]: the stage boundaries typed strictly).
.ci/run runs them before the tests too."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _tool(name: str) -> str:
    exe = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    assert exe, f"{name} is a test dependency: pip install -e '.[test]'"
    return exe


def _run(*cmd: str) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, encoding="utf-8")


def test_the_import_contracts_are_kept():
    run = _run(_tool("lint-imports"), "--no-cache")
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
    assert "0 broken" in run.stdout


def test_mypy_finds_nothing():
    run = _run(_tool("mypy"))            # [tool.mypy]: files, the strict modules, the baseline
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]


def test_ruff_finds_nothing():
    run = _run(_tool("ruff"), "check", "--no-cache", ".")
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
