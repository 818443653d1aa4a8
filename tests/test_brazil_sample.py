"""A Brazil month in English and Portuguese (issue 15): samples/brazil-2022-08.

The export holds REAL R4V rows RELABELLED: the 46 rows of Bolivia, August 2022
(tests/data/real/Activities_5W_2022.xlsx) with Country set to Brazil and each departamento
renamed to a Brazilian state (samples/tools/make_brazil_sample.py). The figures are real rows'
figures, the same as in the reviewed Bolivia golden (tests/golden/real-bol-2022-08.*.txt); the
refugees-and-migrants key figure is a placeholder (10,000). The golden text is reviewed: every
figure was checked against the Bolivia golden and the rows, every Portuguese line read.
Run ``pytest tests/test_brazil_sample.py --update-golden`` after an intended change and read the diff.
"""
from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest
from conftest import ROOT, docx_text

from nlg.api import prepare
from nlg.check.findings import check
from nlg.draft.output import write_drafts
from nlg.model import Lang

SAMPLE = ROOT / "samples" / "brazil-2022-08"
GOLDEN = Path(__file__).parent / "golden"
SPELLING = Path(__file__).parent / "data" / "spelling"


@pytest.fixture(scope="module")
def drafts(tmp_path_factory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("brazil")
    result = write_drafts(prepare(SAMPLE), out)
    return {w.lang.value: w.path for w in result.outputs}


def test_the_export_is_the_real_bolivia_rows_relabelled():
    spec = importlib.util.spec_from_file_location("make_brazil", ROOT / "samples" / "tools" / "make_brazil_sample.py")
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    shipped = [list(r) for r in openpyxl.load_workbook(SAMPLE / "5w.xlsx", read_only=True).active
               .iter_rows(values_only=True)]
    assert shipped == tool.rows()
    assert len(shipped) - 1 == 46 and {r[0] for r in shipped[1:]} == {"Brazil"}
    real = [list(r) for r in openpyxl.load_workbook(tool.SOURCE, read_only=True).active.iter_rows(values_only=True)]
    bolivia = [r for r in real[1:] if r[0] == "Bolivia"]
    assert [r[3:] for r in bolivia] == [r[3:] for r in shipped[1:]]     # only country and admin1/2 differ


def test_drafts_in_the_report_languages(drafts):
    assert sorted(drafts) == ["en", "pt"]
    assert prepare(SAMPLE).config.languages == (Lang.EN, Lang.PT)


@pytest.mark.parametrize("lang", ["en", "pt"])
def test_brazil_month_text(drafts, lang, update_golden):
    golden = GOLDEN / f"brazil-2022-08.{lang}.txt"
    text = docx_text(drafts[lang])
    if update_golden:
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


def _lines(path: Path, prefix: str) -> list[str]:
    return [line for line in docx_text(path).splitlines() if line.startswith(prefix)]


def _figures(line: str, thousands: str) -> list[str]:
    line = line.replace("R4V", "")                 # the platform's name is no figure
    return [n.replace(thousands, "") for n in re.findall(r"\d[\d,.]*\d|\d|–", line)]


WORDS = {"five": "5", "cinco": "5"}


def test_both_languages_tell_the_same_figures(drafts):
    en, pt = _lines(drafts["en"], "[List Bullet]"), _lines(drafts["pt"], "[List Bullet]")
    assert len(en) == len(pt) == 11
    for a, b in zip(en, pt):
        words_a = [WORDS[w] for w in re.findall(r"\b(five)\b", a)]
        words_b = [WORDS[w] for w in re.findall(r"\b(cinco)\b", b)]
        assert words_a + _figures(a, ",") == words_b + _figures(b, "."), (a, b)
    table_en, table_pt = _lines(drafts["en"], "|"), _lines(drafts["pt"], "|")
    assert [_figures(x, ",") for x in table_en] == [_figures(x, ".") for x in table_pt]


def test_the_same_figures_as_the_reviewed_bolivia_month(drafts):
    """The rows are Bolivia's: every bullet figure is one of the reviewed Bolivia golden's."""
    bolivia = (GOLDEN / "real-bol-2022-08.en.txt").read_text(encoding="utf-8")
    expected = sorted(n for line in bolivia.splitlines() if line.startswith("[List Bullet]")
                      for n in _figures(line, ","))
    found = sorted(n for line in _lines(drafts["en"], "[List Bullet]") for n in _figures(line, ","))
    assert found == expected


def test_portuguese_as_written_in_brazil(drafts):
    text = docx_text(drafts["pt"])
    assert "[Sitrep Title] Brasil" in text and "agosto de 2022" in text
    assert "10.000 / Brasil: pessoas refugiadas e migrantes" in text and "1.073" in text
    assert "Em Roraima e no Amazonas, " in text                # em + o Amazonas = no Amazonas
    assert "pessoas refugiadas e migrantes" in text and "refugiados e migrantes" not in text
    assert "Transferências Monetárias Multipropósito (MPC)" in text
    for leftover in ("{{", "}}", "**", "REVISAR", " de o ", " em a ", " a a "):
        assert leftover not in text, leftover


def test_untouched_drafts_check_clean_across_languages(drafts):
    result = check([drafts["en"], drafts["pt"]])
    assert result.clean, [(f.code, f.lang, f.message) for f in result.findings]


def test_an_edited_portuguese_figure_is_found(drafts, tmp_path):
    import docx

    edited = tmp_path / drafts["pt"].name
    shutil.copyfile(drafts["pt"], edited)
    document = docx.Document(str(edited))
    for paragraph in document.paragraphs:
        for run in paragraph.runs:
            if "mais de 240" in run.text:
                run.text = run.text.replace("mais de 240", "mais de 420")
    document.save(str(edited))
    found = check([drafts["en"], edited]).findings
    assert any(f.lang == "pt" and "420" in (f.written or "") for f in found), found


def test_hunspell_pt_br_finds_no_misspelt_word(drafts):
    if not shutil.which("hunspell"):
        pytest.skip("hunspell is not installed (.ci/run installs it)")
    listed = subprocess.run(["hunspell", "-D"], input="", capture_output=True, text=True).stderr
    if "pt_BR" not in listed:
        pytest.skip("hunspell dictionary pt_BR is not installed")
    text = re.sub(r"^\[[^\]]*\] ?", "", docx_text(drafts["pt"]), flags=re.M)   # style tags of docx_text
    found = subprocess.run(["hunspell", "-d", "pt_BR", "-p", str(SPELLING / "pt_BR.txt"), "-l"],
                           input=text, capture_output=True, text=True, check=True)
    assert sorted(set(found.stdout.split())) == []


def test_english_left_in_the_portuguese_draft_is_found(drafts, tmp_path):
    import docx

    edited = tmp_path / drafts["pt"].name
    shutil.copyfile(drafts["pt"], edited)
    document = docx.Document(str(edited))
    paragraph = next(p for p in document.paragraphs if p.text.startswith("Em cinco estados"))
    paragraph.runs[-1].text += " Partners also provided the food to the families in the shelters of the city."
    document.save(str(edited))
    found = check([drafts["en"], edited]).findings
    assert [(f.code, f.lang) for f in found] == [("E650", "pt")]
