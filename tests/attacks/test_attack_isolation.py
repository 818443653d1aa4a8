"""Issue 20, finding 6: one bad report.yaml fails its own report only. Under a batch root the
batch goes on and the manifest records the failure; in a sibling folder it never stops the
draft of a good report (the previous-month search reads the folder named after the month first,
and a sibling it cannot read is skipped)."""
from __future__ import annotations

import json
import shutil

import pytest

from attacks.attack_helpers import EN, SAMPLE, draft
from attacks.test_attack_limits import ALIAS_BOMB
from nlg.api import find_previous
from nlg.batch.manifest import MANIFEST
from nlg.batch.run import Status, run_batch
from nlg.config.report import load_config

BAD = {
    "alias bomb": ALIAS_BOMB,
    "invalid yaml": "country: [PER\nperiod: 2023-10\n",
    "impossible date": "country: PER\nperiod: 2023-10\npublished: 2023-02-30\n",
    "binary": "\x00\x01\x02" * 100,
}


@pytest.mark.parametrize("bad", BAD, ids=list(BAD))
def test_a_bad_sibling_never_stops_a_good_draft(tmp_path, bad, capsys):
    shutil.copytree(SAMPLE, tmp_path / "2023-11")
    (tmp_path / "2023-10").mkdir()
    (tmp_path / "2023-10" / "report.yaml").write_text(BAD[bad], encoding="utf-8")
    (tmp_path / "aaa-unrelated").mkdir()
    (tmp_path / "aaa-unrelated" / "report.yaml").write_text(BAD[bad], encoding="utf-8")
    assert draft(tmp_path / "out", folder=tmp_path / "2023-11") == 0
    assert (tmp_path / "out" / EN).is_file()
    assert "Traceback" not in capsys.readouterr().err


def test_previous_month_search_reads_the_folder_named_after_the_month_first(tmp_path, monkeypatch):
    shutil.copytree(SAMPLE, tmp_path / "per-2023-11")
    previous = tmp_path / "per-2023-10"
    shutil.copytree(SAMPLE, previous)
    text = (previous / "report.yaml").read_text(encoding="utf-8")
    (previous / "report.yaml").write_text(text.replace("period: 2023-11", "period: 2023-10"),
                                          encoding="utf-8")
    for name in ("a", "b", "c"):
        shutil.copytree(SAMPLE, tmp_path / name)
    read = []
    from nlg import api
    real = api.load_config
    monkeypatch.setattr(api, "load_config", lambda folder: read.append(folder.name) or real(folder))
    assert find_previous(load_config(tmp_path / "per-2023-11")) == previous
    assert read == ["per-2023-10"]


@pytest.mark.parametrize("bad", BAD, ids=list(BAD))
def test_a_bad_report_yaml_under_a_batch_root_fails_alone(tmp_path, bad):
    root = tmp_path / "tree"
    shutil.copytree(SAMPLE, root / "peru")
    (root / "broken").mkdir()
    (root / "broken" / "report.yaml").write_text(BAD[bad], encoding="utf-8")
    result = run_batch(root, tmp_path / "out", jobs=1)
    by_label = {o.report.label: o for o in result.outcomes}
    assert by_label["peru"].status is Status.DRAFTED
    assert by_label["broken"].status is Status.FAILED
    assert "[E1" in by_label["broken"].reason and "internal error" not in by_label["broken"].reason
    manifest = json.loads((tmp_path / "out" / MANIFEST).read_text(encoding="utf-8"))
    assert len(manifest["reports"]) == 2
