"""sitrep batch: discovery, parallel drafting, incremental skips, reviewer edits, failures, manifest.

One small tree (4 reports from samples/tree: English xlsx, Spanish-header xlsx, cp1252 CSV, and a
month with its previous month) is drafted once per module; each test works on its own copy.
"""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from docx import Document

from nlg.batch import run as batch
from nlg.batch.manifest import MANIFEST, SCHEMA, dumps
from nlg.batch.plan import find_reports, sha256_file, tool_inputs
from nlg.batch.run import Status, run_batch
from nlg.cli import sitrep as cli

TREE = Path(__file__).resolve().parents[1] / "samples" / "tree"
SUBSET = ("per/2023-09", "per/2023-10", "ecu/2023-09", "col/2023-09")
KEYS = ["COL_2023-09", "ECU_2023-09", "PER_2023-09", "PER_2023-10"]


@pytest.fixture(scope="module")
def shared_inputs():
    """The tool's own files, hashed once: colleagues editing nlg/ must not make tests flaky."""
    return tool_inputs()


@pytest.fixture(autouse=True)
def pinned_tool(monkeypatch, shared_inputs):
    monkeypatch.setattr(batch, "tool_inputs", lambda: shared_inputs)


@pytest.fixture(scope="module")
def drafted(tmp_path_factory, shared_inputs):
    """Return (root, out) after a first batch run over the small tree."""
    base = tmp_path_factory.mktemp("baseline")
    root = base / "tree"
    for label in SUBSET:
        shutil.copytree(TREE / label, root / label)
    mp = pytest.MonkeyPatch()
    mp.setattr(batch, "tool_inputs", lambda: shared_inputs)
    result = run_batch(root, base / "out", jobs=2)
    mp.undo()
    assert [o.status for o in result.outcomes] == [Status.DRAFTED] * 4, result.outcomes
    return root, base / "out"


@pytest.fixture
def work(drafted, tmp_path):
    """Return (root, out): a private copy of the drafted tree and its outputs."""
    root, out = drafted
    shutil.copytree(root, tmp_path / "tree")
    shutil.copytree(out, tmp_path / "out")
    return tmp_path / "tree", tmp_path / "out"


def statuses(result) -> dict[str, str]:
    return {o.report.key or o.report.label: o.status.value for o in result.outcomes}


def snapshot(out: Path) -> dict[str, str]:
    return {p.name: sha256_file(p) for p in sorted(out.glob("*.docx"))}


def test_first_run_writes_both_languages_of_every_report(drafted):
    _, out = drafted
    assert sorted(snapshot(out)) == [f"{k}_{lang}.docx" for k in KEYS for lang in ("en", "es")]
    assert sorted(p.name for p in out.glob("*_qa.xlsx")) == [f"{k}_qa.xlsx" for k in KEYS]
    data = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    assert all([f["lang"] for f in r["outputs"]] == ["en", "es", "qa"] for r in data["reports"])


def test_manifest_lists_inputs_outputs_hashes_and_is_sorted(drafted):
    root, out = drafted
    text = (out / MANIFEST).read_text(encoding="utf-8")
    data = json.loads(text)
    assert text.encode("utf-8") == dumps(data)  # sorted keys, stable layout
    assert data["schema"] == SCHEMA and data["summary"]["drafted"] == 4
    assert [r["key"] for r in data["reports"]] == KEYS
    for report in data["reports"]:
        assert report["fingerprint"] and report["status"] == "drafted"
        for f in report["inputs"]:
            assert sha256_file(root / f["path"]) == f["sha256"]
        assert {f["role"] for f in report["inputs"]} >= {"config", "data"}
        for f in report["outputs"]:
            assert sha256_file(out / f["path"]) == f["sha256"]
        assert set(report["timings"]) >= {"seconds"}
    per10 = next(r for r in data["reports"] if r["key"] == "PER_2023-10")
    assert "per/2023-09/5w.xlsx" in [f["path"] for f in per10["inputs"] if f["role"] == "previous-data"]
    roles = {f["role"] for f in data["shared_inputs"]}
    assert roles == {"phrasebank", "code"}


def test_second_run_skips_everything_and_changes_no_file(work):
    root, out = work
    before = snapshot(out)
    result = run_batch(root, out, jobs=2)
    assert set(statuses(result).values()) == {"up-to-date"}
    assert snapshot(out) == before and not result.failed


def test_manifest_is_the_same_apart_from_timings_and_status(drafted, work):
    root, out = work
    run_batch(root, out, jobs=2)
    first = json.loads((drafted[1] / MANIFEST).read_text(encoding="utf-8"))
    second = json.loads((out / MANIFEST).read_text(encoding="utf-8"))

    def stable(m):
        m = {**m, "timings": None, "summary": None}
        m["reports"] = [{**r, "timings": None, "status": None, "reason": None} for r in m["reports"]]
        return m

    assert stable(first) == stable(second)


def test_changed_data_file_redrafts_only_its_report(work):
    root, out = work
    data = next((root / "col/2023-09").glob("*.csv"))
    data.write_bytes(data.read_bytes().replace(b";Bogot\xe1;", b";Bogot\xe1 ;", 1))
    result = run_batch(root, out, jobs=2)
    assert statuses(result) == {"COL_2023-09": "drafted", "ECU_2023-09": "up-to-date",
                                "PER_2023-09": "up-to-date", "PER_2023-10": "up-to-date"}
    assert "changed: " + data.name in result.outcomes[0].reason


def test_previous_month_change_redrafts_the_next_month_too(work):
    root, out = work
    yaml_file = root / "per/2023-09/report.yaml"
    yaml_file.write_text(yaml_file.read_text(encoding="utf-8") + "# late correction\n", encoding="utf-8")
    result = run_batch(root, out, jobs=2)
    assert statuses(result)["PER_2023-09"] == "drafted"
    assert statuses(result)["PER_2023-10"] == "drafted"
    assert statuses(result)["COL_2023-09"] == "up-to-date"


def test_touching_a_file_without_changing_it_redrafts_nothing(work):
    root, out = work
    os.utime(root / "per/2023-10/5w.xlsx", (2_000_000_000, 2_000_000_000))
    assert set(statuses(run_batch(root, out, jobs=1)).values()) == {"up-to-date"}


def keep_only(root: Path, *labels: str) -> None:
    """Remove the other report folders of a test's tree (fewer drafts, faster test)."""
    for label in SUBSET:
        if label not in labels:
            shutil.rmtree(root / label)


def test_edited_output_is_kept_then_backed_up_with_force(work):
    root, out = work
    keep_only(root, "per/2023-09", "per/2023-10")
    target = out / "PER_2023-10_en.docx"
    doc = Document(target)
    doc.add_paragraph("Reviewer's note.")
    doc.save(target)
    edited = target.read_bytes()
    yaml_file = root / "per/2023-10/report.yaml"  # inputs change too: still not overwritten
    yaml_file.write_text(yaml_file.read_text(encoding="utf-8") + "# new data\n", encoding="utf-8")
    for _ in range(2):  # and not forgotten on the next run
        result = run_batch(root, out, jobs=2)
        outcome = next(o for o in result.outcomes if o.report.key == "PER_2023-10")
        assert outcome.status is Status.EDITED and "PER_2023-10_en.docx" in outcome.reason
        assert "inputs have changed" in outcome.reason
        assert target.read_bytes() == edited and not result.failed
    result = run_batch(root, out, jobs=2, force=True)
    assert set(statuses(result).values()) == {"drafted"}
    assert (out / "PER_2023-10_en.edited-1.docx").read_bytes() == edited
    assert target.read_bytes() != edited


def test_broken_report_fails_alone_with_its_reason(work, capsys):
    root, out = work
    broken = root / "ven" / "2023-11"
    shutil.copytree(root / "ecu/2023-09", broken)
    text = (broken / "report.yaml").read_text(encoding="utf-8").replace("ECU", "VEN")
    (broken / "report.yaml").write_text(text.replace("period: 2023-09", "period: 2023-11"), encoding="utf-8")
    next(broken.glob("*.xlsx")).write_bytes(b"not a workbook")
    (root / "col/2023-09/5W_GIFMM_Colombia_2023-09.csv").write_bytes(b"")  # changed and broken
    code = cli.main(["batch", str(root), "--out", str(out), "--jobs", "2"])
    printed = capsys.readouterr()
    assert code == 1
    assert "failed:                          2" in printed.out
    assert "VEN 2023-11 (ven/2023-11): " in printed.out and "COL 2023-09 (col/2023-09): " in printed.out
    assert "skipped, up to date:             3" in printed.out
    assert "[5/5]" in printed.err  # plain log lines when stderr is not a terminal
    data = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    failed = [r for r in data["reports"] if r["status"] == "failed"]
    assert [r["key"] for r in failed] == ["COL_2023-09", "VEN_2023-11"]
    assert all(r["reason"] and r["fingerprint"] is None for r in failed)


def test_same_country_and_period_twice_fails_both_and_writes_nothing(work, capsys):
    root, out = work
    shutil.copytree(root / "ecu/2023-09", root / "ecuador-copy" / "2023-09")
    before = snapshot(out)
    code = cli.main(["batch", str(root), "--out", str(out), "--jobs", "2"])
    printed = capsys.readouterr().out
    assert code == 1
    assert printed.count("[E130] ECU 2023-09 comes from 2 folders (ecu/2023-09, ecuador-copy/2023-09)") == 2
    assert snapshot(out) == before


def test_finder_skips_hidden_folders_and_the_output_inside_root(work):
    root, out = work
    (root / ".git" / "x").mkdir(parents=True)
    (root / ".git" / "x" / "report.yaml").write_text("country: PER\n", encoding="utf-8")
    inner = root / "out"
    inner.mkdir()
    (inner / "report.yaml").write_text("country: PER\n", encoding="utf-8")
    found = [p.relative_to(root).as_posix() for p in find_reports(root, skip=[inner])]
    assert found == sorted(SUBSET)


def test_unreadable_manifest_redrafts_but_keeps_edits(work):
    root, out = work
    keep_only(root, "ecu/2023-09", "col/2023-09")
    target = out / "COL_2023-09_es.docx"
    doc = Document(target)
    doc.add_paragraph("Nota de la revisora.")
    doc.save(target)
    (out / MANIFEST).write_text("{not json", encoding="utf-8")
    result = run_batch(root, out, jobs=1)
    assert statuses(result) == {"COL_2023-09": "edited", "ECU_2023-09": "drafted"}
    assert result.notes and "could not be read" in result.notes[0]


@pytest.mark.parametrize("args, message", [
    (["batch", "{missing}", "--out", "{out}"], "[E131] batch root folder not found"),
    (["batch", "{empty}", "--out", "{out}"], "[E132] no report folder"),
])
def test_batch_that_cannot_start_exits_2(tmp_path, capsys, args, message):
    (tmp_path / "empty").mkdir()
    names = {"missing": tmp_path / "nope", "empty": tmp_path / "empty", "out": tmp_path / "out"}
    assert cli.main([a.format(**names) for a in args]) == 2
    assert message in capsys.readouterr().err


def test_jobs_must_be_positive(capsys):
    with pytest.raises(SystemExit):
        cli.main(["batch", "x", "--out", "y", "--jobs", "0"])
    assert "must be 1 or more" in capsys.readouterr().err


def test_interrupted_run_keeps_the_records_of_reports_it_did_not_reach(work):
    root, out = work

    def stop(outcome, done, total):
        if done == 1:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run_batch(root, out, jobs=1, force=True, on_outcome=stop)
    data = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    assert [r["key"] for r in data["reports"]] == KEYS
    assert set(statuses(run_batch(root, out, jobs=2)).values()) == {"up-to-date"}
