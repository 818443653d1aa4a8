"""Golden text of two REAL months, one per catalogue generation (issue 12).

- Uruguay, March 2021: ``5W_2021_Aruba_Curacao_Uruguay.xlsx``, the 2021 export with dotted
  headers (``Sector...Subsector...WG``, ``Reporting.Month`` ...), RMRP 2021 indicator texts.
- Bolivia, August 2022: ``Activities_5W_2022.xlsx``, the 2022 internal column names
  (``Subsector``, ``Total_monthly`` ...), 2022 and 2023-2024 texts, double-encoded activity names.

Each is a report folder in a temporary directory with a minimal report.yaml (country, period,
platform, the refugees-and-migrants key figure). That key figure is a placeholder (10,000), not
R4V's figure; everything else in the documents comes from the real rows. The goldens are reviewed
text: every figure was checked against the rows (see the commit message). Run
``pytest tests/test_real_golden.py --update-golden`` after an intended change and read the diff.
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import docx_text

from nlg.api import prepare
from nlg.draft.output import write_drafts

HERE = Path(__file__).parent
REAL = HERE / "data" / "real"
GOLDEN = HERE / "golden"

# golden name -> (export, country, period)
MONTHS = {
    "real-ury-2021-03": ("5W_2021_Aruba_Curacao_Uruguay.xlsx", "URY", "2021-03"),
    "real-bol-2022-08": ("Activities_5W_2022.xlsx", "BOL", "2022-08"),
}


def _folder(root: Path, name: str) -> Path:
    export, country, period = MONTHS[name]
    folder = root / name
    folder.mkdir()
    shutil.copyfile(REAL / export, folder / export)
    (folder / "report.yaml").write_text(
        f"country: {country}\nperiod: {period}\nplatform: R4V\n"
        "key_figures:\n  refugees_and_migrants: 10000\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def drafts(tmp_path_factory) -> dict[tuple[str, str], Path]:
    """Both documents of both months, drafted once."""
    root = tmp_path_factory.mktemp("real-golden")
    found = {}
    for name in MONTHS:
        result = write_drafts(prepare(_folder(root, name)), root / "out" / name)
        found.update({(name, w.lang.value): w.path for w in result.outputs})
    return found


@pytest.mark.parametrize("lang", ["en", "es"])   # the report languages (default)
@pytest.mark.parametrize("name", sorted(MONTHS))
def test_real_month_text(drafts, name, lang, update_golden):
    golden = GOLDEN / f"{name}.{lang}.txt"
    text = docx_text(drafts[(name, lang)])
    if update_golden:
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(MONTHS))
def test_both_languages_narrate_the_same_bullets_and_figures(drafts, name):
    def lines(lang: str, prefix: str) -> list[str]:
        return [line for line in docx_text(drafts[(name, lang)]).splitlines() if line.startswith(prefix)]

    def figures(line: str, thousands: str) -> list[str]:
        return [n.replace(thousands, "") for n in re.findall(r"\d[\d,.]*\d|\d|–", line)]

    en, es = lines("en", "[List Bullet]"), lines("es", "[List Bullet]")
    assert len(en) == len(es) > 0
    # every bullet and every table row carries the same figures (only the separators differ)
    for line_en, line_es in zip(en + lines("en", "| "), es + lines("es", "| ")):
        assert figures(line_en, ",") == figures(line_es, "."), (line_en, line_es)
