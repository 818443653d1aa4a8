"""Fixtures of the attack tests: the sample drafted once per session."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from attacks.attack_helpers import draft


@pytest.fixture(scope="session")
def drafted(tmp_path_factory) -> Path:
    """Return a folder holding the untouched sample drafts (EN, ES, QA)."""
    out = tmp_path_factory.mktemp("drafted")
    assert draft(out) == 0
    return out


@pytest.fixture()
def out(drafted, tmp_path) -> Path:
    """Return a scratch copy of the drafts."""
    shutil.copytree(drafted, tmp_path / "out")
    return tmp_path / "out"
