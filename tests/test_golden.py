"""Golden text of the sample report, extracted from the produced .docx files.

Run `pytest tests/test_golden.py --update-golden` after an intended change and review the
diff of tests/golden/*.txt like any other change.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SAMPLE, docx_text

from nlg.api import prepare
from nlg.draft.output import write_drafts
from nlg.model import Lang

GOLDEN = Path(__file__).parent / "golden"


@pytest.fixture(scope="module")
def outputs(tmp_path_factory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("golden")
    result = write_drafts(prepare(SAMPLE), out)
    return {w.lang.value: w.path for w in result.outputs}


@pytest.mark.parametrize("lang", ["en", "es"])   # the samples' languages (report.yaml default)
def test_sample_report_text(outputs, lang, update_golden):
    golden = GOLDEN / f"peru-2023-11.{lang}.txt"
    text = docx_text(outputs[lang])
    if update_golden:
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


COL = SAMPLE.parent / "tree" / "col" / "2023-11"


@pytest.mark.parametrize("lang", ["en", "es"])   # the samples' languages (report.yaml default)
def test_colombia_month_with_unknown_indicators(tmp_path, lang, update_golden):
    """Another country: CSV from Excel, indicators outside the phrasebank, month-over-month."""
    result = write_drafts(prepare(COL), tmp_path, langs=(Lang(lang),))
    golden = GOLDEN / f"col-2023-11.{lang}.txt"
    text = docx_text(result.outputs[0].path)
    if update_golden:
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


SEED_FIGURES = {  # every figure of the seed's Response section, with its relation
    "en": ["over 900", "over 200", "2,550", "nearly 400", "350", "over 90", "200 people",
           "over 680", "some 50", "over 20", "over 600", "over 150", "around 2,000", "over 140",
           "some 600", "over 960", "over 60", "over 500", "nearly 200"],
}


def test_every_seed_figure_appears_with_its_relation(outputs):
    import re

    text = docx_text(outputs["en"]).lower()
    synonyms = {"over": "(?:over|more than)", "nearly": "(?:nearly|almost)", "some": "(?:some|around)",
                "around": "(?:some|around)"}
    for figure in SEED_FIGURES["en"]:
        head, _, number = figure.rpartition(" ") if " " in figure and not figure[0].isdigit() else ("", "", figure)
        pattern = (synonyms[head] + r"\s+" if head else r"(?<![\d,])") + re.escape(number.split(" ")[0])
        assert re.search(pattern, text), figure
