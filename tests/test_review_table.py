"""The catalogue wording review table (docs/indicator-review.md, issue 12): current and spelt right.

The table is reviewed text: when a wording changes, regenerate it with
`python tools/review_table.py` and read the diff. hunspell (en_GB, es_ES, pt_BR) must find no misspelt
word in it; the words it does not know but are right (acronyms, RAE words missing from the
es_ES list) are listed in tests/data/spelling/.
"""
from __future__ import annotations

import importlib.util
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TABLE = ROOT / "docs" / "indicator-review.md"
SPELLING = Path(__file__).parent / "data" / "spelling"


def _tool():
    spec = importlib.util.spec_from_file_location("review_table", ROOT / "tools" / "review_table.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def table() -> str:
    return _tool().table()


def test_the_committed_table_is_current(table):
    assert TABLE.read_text(encoding="utf-8") == table, "run python tools/review_table.py and review"


def test_every_catalogue_indicator_is_narrated_without_a_flag(table):
    rows = [line for line in table.splitlines() if line.startswith("| **")]
    assert len(rows) == 95 + 14 + 94
    assert not [r for r in rows if "nothing narrated" in r or "⚠" in r or "_generic_quote" in r]


def _column(table: str, index: int) -> str:
    cells = [[c.strip() for c in line.strip().strip("|").split("|")]
             for line in table.splitlines() if line.startswith("| **")]
    return "\n".join(c[index] for c in cells)


@pytest.mark.parametrize("dictionary, column", [("en_GB", 2), ("es_ES", 3), ("pt_BR", 4)])
def test_hunspell_finds_no_misspelt_word(table, dictionary, column):
    if not shutil.which("hunspell"):
        pytest.skip("hunspell is not installed (.ci/run installs it)")
    listed = subprocess.run(["hunspell", "-D"], input="", capture_output=True, text=True).stderr
    if dictionary not in listed:
        pytest.skip(f"hunspell dictionary {dictionary} is not installed")
    found = subprocess.run(["hunspell", "-d", dictionary, "-p", str(SPELLING / f"{dictionary}.txt"), "-l"],
                           input=_column(table, column), capture_output=True, text=True, check=True)
    assert sorted(set(found.stdout.split())) == []
