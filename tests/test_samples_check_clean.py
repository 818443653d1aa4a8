"""Every shipped sample, drafted and left untouched, checks clean in every language of its report
(issue 14: the plan decides every figure once, so no language can show another figure).

The only findings allowed are the review flags the draft itself puts on a bullet the plan flags
(the multi-country tree's invented indicators are there to test that flag, samples/README.md):
a reviewer must clear those, so `sitrep check` exits 1 on those drafts for that reason alone.
Every other sample exits 0.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT

from nlg.api import prepare
from nlg.check.findings import check
from nlg.cli import sitrep as cli
from nlg.draft.output import write_drafts

SAMPLES = sorted(p.parent for p in (ROOT / "samples").rglob("report.yaml"))
REVIEW_FLAG = "E640"


def _name(folder: Path) -> str:
    return folder.relative_to(ROOT / "samples").as_posix()


def test_every_sample_folder_is_found():
    names = {_name(p) for p in SAMPLES}
    assert {"peru-2023-11", "southern-cone-2022-08", "brazil-2022-08", "tree/col/2023-11"} <= names
    assert len(names) == 12


@pytest.mark.parametrize("folder", SAMPLES, ids=_name)
def test_untouched_sample_checks_clean_in_every_language(folder, tmp_path, capsys):
    draft = prepare(folder)
    result = write_drafts(draft, tmp_path)
    paths = [w.path for w in result.outputs]
    assert [w.lang for w in result.outputs] == list(draft.config.languages)
    flagged = {b.key for s in draft.plan.sectors for b in s.bullets if b.review}
    findings = check(paths).findings
    assert [(f.code, f.lang, f.written) for f in findings if f.code != REVIEW_FLAG] == []
    langs = {lang.value for lang in draft.config.languages}
    assert {(f.key, f.lang) for f in findings} == {(k, lang) for k in flagged for lang in langs}
    code = cli.main(["check", *map(str, paths), "--data", str(folder)])
    capsys.readouterr()
    assert code == (1 if flagged else 0)
