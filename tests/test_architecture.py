"""The import contracts of pyproject.toml ([tool.importlinter]) hold: dependencies point down the
pipeline (docs/ARCHITECTURE.md) and no package's modules import each other in a cycle."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _lint_imports() -> list[str]:
    exe = shutil.which("lint-imports", path=str(Path(sys.executable).parent)) or shutil.which("lint-imports")
    assert exe, "import-linter is a test dependency: pip install -e '.[test]'"
    return [exe, "--no-cache"]


def test_the_import_contracts_are_kept():
    run = subprocess.run(_lint_imports(), cwd=ROOT, capture_output=True, text=True, encoding="utf-8")
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
    assert "0 broken" in run.stdout
