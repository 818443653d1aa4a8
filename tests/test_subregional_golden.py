"""Golden text of the sub-regional sample samples/southern-cone-2022-08 (issue 13).

The sample drafts the R4V Southern Cone report of August 2022 from the REAL rows of
Argentina, Bolivia, Paraguay and Uruguay. The golden is the text of both .docx read back,
every table cell kept (a grid of countries has repeated "–" cells that docx_text would
merge). Reviewed line by line against the rows (see the commit message); run
``pytest tests/test_subregional_golden.py --update-golden`` after an intended change and
read the diff.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import docx
import pytest
from docx.table import Table
from docx.text.paragraph import Paragraph

from nlg.api import prepare
from nlg.check.findings import check
from nlg.draft.output import write_drafts

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "southern-cone-2022-08"
GOLDEN = Path(__file__).parent / "golden"


def docx_grid_text(path: Path) -> str:
    """Return the visible text of a .docx in body order: ``[Style] text`` per paragraph,
    ``| a | b |`` per table row with every distinct cell (merged cells once)."""
    document = docx.Document(str(path))
    lines = []
    for block in document.element.body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            text = "".join(n.text or "" for n in block.iter() if n.tag.endswith("}t"))
            if text.strip():
                lines.append(f"[{Paragraph(block, document).style.name}] {text}")
        elif tag == "tbl":
            for row in Table(block, document).rows:
                seen, cells = set(), []
                for cell in row.cells:
                    if id(cell._tc) not in seen:
                        seen.add(id(cell._tc))
                        cells.append(" / ".join(p.text for p in cell.paragraphs if p.text.strip()))
                if any(cells):
                    lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def outputs(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("sc") / SAMPLE.name
    shutil.copytree(SAMPLE, folder)
    result = write_drafts(prepare(folder), folder.parent / "out")
    return {w.lang.value: w.path for w in result.outputs}


@pytest.mark.parametrize("lang", ["en", "es"])   # the sample's languages (report.yaml default)
def test_southern_cone_sample_text(outputs, lang, update_golden):
    golden = GOLDEN / f"southern-cone-2022-08.{lang}.txt"
    text = docx_grid_text(outputs[lang])
    if update_golden:
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


def test_sample_files_and_names(outputs):
    assert {p.name for p in outputs.values()} == {"southern-cone_2022-08_en.docx",
                                                  "southern-cone_2022-08_es.docx"}
    assert (next(iter(outputs.values())).parent / "southern-cone_2022-08_qa.xlsx").is_file()


def test_sample_drafts_check_clean(outputs):
    result = check([outputs["en"], outputs["es"]])
    assert result.clean, [f.message for f in result.findings]


def test_sample_keeps_every_country_row():
    draft = prepare(SAMPLE)
    assert draft.config.countries == ("ARG", "BOL", "PRY", "URY")
    assert draft.data.rows_read == len(draft.data.activities) == 125
    assert not [w for w in draft.warnings if w.code in ("W212", "W270")]
