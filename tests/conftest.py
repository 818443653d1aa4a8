"""Shared fixtures: paths to the shipped sample and a scratch copy of it."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "peru-2023-11"


@pytest.fixture()
def sample_copy(tmp_path: Path) -> Path:
    """Return a writable copy of the Peru sample folder."""
    target = tmp_path / "peru-2023-11"
    shutil.copytree(SAMPLE, target)
    return target
