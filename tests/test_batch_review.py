"""Issue 16, item 8: `sitrep batch` shows what needs review, printed and as a workbook sheet.

Why: bullets needing review in several reports of samples/tree were summed up as
"1 data warning(s) … see the manifest", and the manifest is JSON only.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from conftest import ROOT

TREE = ROOT / "samples" / "tree"


def _batch(root: Path, out: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, "-m", "nlg", "batch", str(root), "--out", str(out), "--jobs", "1"],
                          cwd=ROOT, env=env, capture_output=True, text=True, encoding="utf-8", timeout=600)


@pytest.fixture(scope="module")
def ran(tmp_path_factory):
    base = tmp_path_factory.mktemp("review")
    root, out = base / "tree", base / "out"
    shutil.copytree(TREE, root)
    return root, out, _batch(root, out)


def _manifest_reviews(out: Path) -> dict[str, list[str]]:
    data = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    return {r["key"]: r["review"] for r in data["reports"]}


def test_the_terminal_shows_a_table_of_what_needs_review(ran):
    _, out, run = ran
    assert run.returncode == 0, run.stderr
    reviews = _manifest_reviews(out)
    per_report = {key: max([sum(1 for i in items if i.startswith(f"{lang}: ")) for lang in ("en", "es")])
                  for key, items in reviews.items()}
    bullets, reports = sum(per_report.values()), sum(1 for n in per_report.values() if n)
    assert bullets >= 5 and reports >= 3                        # the sample tree has work to review
    assert f"To review: {bullets} bullet(s) in {reports} report(s)" in run.stdout
    lines = run.stdout.splitlines()
    for key, n in per_report.items():
        if n:
            row = next(line for line in lines if line.strip().startswith(key + " "))
            assert row.split()[1:3] == ["drafted", str(n)], row
    assert f"review workbook (every bullet to review, by report): {out / 'batch_review.xlsx'}" in run.stdout


def test_the_review_workbook_lies_next_to_the_manifest(ran):
    _, out, _ = ran
    book = openpyxl.load_workbook(out / "batch_review.xlsx", read_only=True)
    assert book.sheetnames == ["Review", "Bullets"]
    summary = list(book["Review"].iter_rows(values_only=True))
    assert summary[0][:5] == ("Report", "Folder", "Status", "Bullets to review", "Data warnings")
    reviews = _manifest_reviews(out)
    assert sorted(r[0] for r in summary[1:]) == sorted(reviews)
    bullets = list(book["Bullets"].iter_rows(values_only=True))
    assert bullets[0] == ("Report", "Language", "Bullet", "Why")
    assert len(bullets) - 1 == sum(len(v) for v in reviews.values())
    assert {b[1] for b in bullets[1:]} == {"en", "es"}
    assert all(b[3] for b in bullets[1:])                       # every bullet says why


def test_a_rerun_skips_but_still_shows_the_review_and_writes_the_same_bytes(ran):
    root, out, first = ran
    again = _batch(root, out)
    assert again.returncode == 0, again.stderr
    reports = len(list(root.rglob("report.yaml")))
    assert f"skipped, up to date:             {reports}" in again.stdout
    table = [line for line in first.stdout.splitlines() if line.startswith(("To review", "  "))]
    assert [line for line in table if line.startswith("To review")] == \
        [line for line in again.stdout.splitlines() if line.startswith("To review")]
    statuses = {r[2] for r in openpyxl.load_workbook(out / "batch_review.xlsx").active.iter_rows(
        min_row=2, values_only=True)}
    assert statuses == {"up-to-date"}
    before = (out / "batch_review.xlsx").read_bytes()
    assert _batch(root, out).returncode == 0
    assert (out / "batch_review.xlsx").read_bytes() == before          # no clock in the workbook
