"""The command line as a user runs it: exit codes, messages, nothing written on bad input."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SAMPLE


def sitrep(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """Run `python -m nlg ARGS` in a fresh process."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, "-m", "nlg", *map(str, args)], capture_output=True,
                          text=True, encoding="utf-8", cwd=cwd, env=env, timeout=120)


@pytest.fixture(scope="module")
def drafted(tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess]:
    out = tmp_path_factory.mktemp("out")
    return out, sitrep("draft", SAMPLE, "--out", out)


def test_draft_writes_both_languages(drafted):
    out, run = drafted
    assert run.returncode == 0, run.stderr
    assert sorted(p.name for p in out.iterdir()) == ["PER_2023-11_en.docx", "PER_2023-11_es.docx",
                                                     "PER_2023-11_qa.xlsx"]
    assert f"wrote {out / 'PER_2023-11_en.docx'}" in run.stdout
    assert "6 row(s) outside the report period left out" in run.stdout
    assert "Traceback" not in run.stderr


def test_draft_one_language_from_another_directory(tmp_path):
    run = sitrep("draft", SAMPLE, "--out", "drafts", "--lang", "es", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert sorted(p.name for p in (tmp_path / "drafts").iterdir()) == ["PER_2023-11_es.docx",
                                                                        "PER_2023-11_qa.xlsx"]


def test_preview_prints_spanish():
    run = sitrep("preview", SAMPLE, "--lang", "es")
    assert run.returncode == 0, run.stderr
    assert "# Perú" in run.stdout
    assert "Tumbes e Ica" not in run.stdout  # no invented places
    assert "**2.550 kits de alimentos y refrigerios a personas refugiadas y migrantes en tránsito**" in run.stdout


def test_help_lists_commands():
    run = sitrep("--help")
    assert run.returncode == 0
    for command in ("draft", "preview"):
        assert command in run.stdout


@pytest.mark.parametrize("change, expected", [
    (lambda f: (f / "report.yaml").unlink(), "no report.yaml in the report folder"),
    (lambda f: (f / "report.yaml").write_text("country: [PER\n", encoding="utf-8"), "invalid YAML"),
    (lambda f: (f / "report.yaml").write_text(
        (f / "report.yaml").read_text(encoding="utf-8").replace("platform: GTRM", "platfrom: GTRM"),
        encoding="utf-8"), "did you mean 'platform'"),
])
def test_bad_input_exits_2_and_writes_nothing(sample_copy, tmp_path, change, expected):
    change(sample_copy)
    out = tmp_path / "out"
    run = sitrep("draft", sample_copy, "--out", out)
    assert run.returncode == 2
    assert expected in run.stderr
    assert "Traceback" not in run.stderr
    assert not out.exists() or not any(out.iterdir())


def test_bad_count_names_file_row_and_column(sample_copy, tmp_path):
    import openpyxl

    book = openpyxl.load_workbook(sample_copy / "5w.xlsx")
    sheet = book.worksheets[0]
    headers = [c.value for c in sheet[1]]
    sheet.cell(row=5, column=headers.index("Total monthly beneficiaries") + 1, value="1.2k")
    book.save(sample_copy / "5w.xlsx")
    run = sitrep("draft", sample_copy, "--out", tmp_path / "out")
    assert run.returncode == 2
    assert "5w.xlsx" in run.stderr and ":5" in run.stderr
    assert "Total monthly beneficiaries" in run.stderr and "1.2k" in run.stderr
    assert "Traceback" not in run.stderr


def test_unknown_sector_note_is_an_error(sample_copy, tmp_path):
    path = sample_copy / "report.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("  Integration:", "  Integraton:"),
                    encoding="utf-8")
    run = sitrep("draft", sample_copy, "--out", tmp_path / "out")
    assert run.returncode == 2
    assert "sector_notes.Integraton: unknown sector" in run.stderr
