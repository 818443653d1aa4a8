"""Issue 20, findings 8, 10, 11, 12: output faults are E5xx errors with nothing half-written (a
language pair is replaced together or not at all); mixed encodings are a warning naming the
lines; the bytes do not depend on the folder's name; a killed run's debris is cleared by the next
and batch workers end with their parent; a manifest of any shape is read or set aside."""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from attacks.attack_helpers import EN, ES, QA, ROOT, SAMPLE, draft, rewrite
from nlg import atomic
from nlg.batch.manifest import MANIFEST
from nlg.batch.run import Status, run_batch


def _err(capsys) -> str:
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return err


def test_disk_full_with_force_leaves_the_pair_matched(out, drafted, monkeypatch, capsys):
    edited = rewrite(out / EN, {"word/footer1.xml": lambda b: b.replace(b"</w:p>", b"<w:r><w:t>x</w:t></w:r></w:p>", 1)})  # noqa: E501
    before_es = (out / ES).read_bytes()
    real = os.replace
    calls = []

    def full(src, dst):
        calls.append(Path(dst).name)
        if Path(dst).name == ES:                        # the second language fails
            raise OSError(28, "No space left on device")
        return real(src, dst)
    monkeypatch.setattr(atomic.os, "replace", full)
    assert draft(out, "--force") == 2
    monkeypatch.setattr(atomic.os, "replace", real)
    err = _err(capsys)
    assert f"{out / ES}: [E563] cannot write {ES}: No space left on device" in err
    assert (out / EN).read_bytes() == edited             # English given its old bytes back
    assert (out / ES).read_bytes() == before_es
    assert (out / "PER_2023-11_en.edited-1.docx").read_bytes() == edited
    assert not list(out.glob(".*.tmp"))


def test_disk_full_while_writing_the_temp_file(out, drafted, monkeypatch, capsys):
    shutil.rmtree(out)
    out.mkdir()

    def full(fd):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(atomic.os, "fsync", full)
    assert draft(out) == 2
    assert "[E563]" in _err(capsys)
    assert not list(out.glob("*.docx")) and not list(out.glob(".*.tmp"))


def test_output_name_taken_by_a_folder(out, capsys):
    (out / EN).unlink()
    (out / EN).mkdir()
    assert draft(out) == 2
    assert f"{out / EN}: [E564] a folder (or another non-file) has the name of the draft" in _err(capsys)


def test_out_is_a_file(tmp_path, capsys):
    (tmp_path / "out").write_text("not a folder")
    assert draft(tmp_path / "out") == 2
    assert "[E504] cannot create the output folder" in _err(capsys)


def test_unreadable_existing_output(out, monkeypatch, capsys):
    from nlg.word import save as docx_io

    def denied(path, *a, **k):
        raise PermissionError(13, "Permission denied")
    monkeypatch.setattr(docx_io, "open_zip", denied)
    assert draft(out) == 2
    assert "[E561] cannot read the document: Permission denied" in _err(capsys)


def test_out_pointing_at_a_report_folder(tmp_path, capsys):
    shutil.copytree(SAMPLE, tmp_path / "peru")
    assert draft(tmp_path / "peru", folder=tmp_path / "peru") == 2
    assert "[E565] the output folder is a report folder" in _err(capsys)
    with pytest.raises(Exception) as caught:
        run_batch(tmp_path, tmp_path / "peru", jobs=1)
    assert "E565" in str(caught.value)


def test_edited_review_copy_stops_before_the_drafts_are_replaced(out, drafted, capsys):
    assert draft(out, "--review") == 0
    review = out / "PER_2023-11_review.docx"
    rewrite(review, {"word/footer1.xml": lambda b: b + b" "})
    import docx
    d = docx.Document(str(review))
    d.add_paragraph("reviewed")
    d.save(str(review))
    en = rewrite(out / EN, {})                          # re-zipped, still unedited
    assert draft(out, "--review") == 2
    assert "[E533]" in _err(capsys)
    assert (out / EN).read_bytes() == en                # not replaced before the refusal


@pytest.mark.parametrize("manifest", [
    [], "text", {"schema": "sitrep-batch-manifest/1", "reports": 5},
    {"schema": "sitrep-batch-manifest/1", "reports": [{"key": ["x"]}, {"key": "PER_2023-11",
     "outputs": [{"path": 5}]}, {"key": "PER_2023-11", "outputs": "x"}], "shared_inputs": {"a": 1}},
    {"schema": "sitrep-batch-manifest/1", "reports": [{"key": "PER_2023-11", "fingerprint": 3,
                                                         "warnings": [1]}]},
])
def test_odd_manifest_shapes(tmp_path, manifest):
    root = tmp_path / "tree"
    shutil.copytree(SAMPLE, root / "peru")
    out = tmp_path / "out"
    out.mkdir()
    (out / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    result = run_batch(root, out, jobs=1)
    assert [o.status for o in result.outcomes] == [Status.DRAFTED]
    assert json.loads((out / MANIFEST).read_text(encoding="utf-8"))["reports"][0]["key"] == "PER_2023-11"


def _csv(tmp_path: Path, data: bytes) -> Path:
    col = SAMPLE.parent / "tree" / "col" / "2023-09"
    folder = tmp_path / "col"
    shutil.copytree(col, folder)
    (folder / "5W_GIFMM_Colombia_2023-09.csv").write_bytes(data)
    return folder


def _lines() -> list[str]:
    path = SAMPLE.parent / "tree" / "col" / "2023-09" / "5W_GIFMM_Colombia_2023-09.csv"
    return path.read_bytes().decode("cp1252").splitlines(keepends=True)


@pytest.mark.parametrize("bom", [False, True], ids=["mixed", "bom-then-cp1252"])
def test_mixed_encodings_are_a_warning_naming_the_lines(tmp_path, capsys, bom):
    lines = _lines()
    data = (b"\xef\xbb\xbf" if bom else b"") + "".join(lines[:5]).encode("utf-8") \
        + "".join(lines[5:]).encode("cp1252")
    code = draft(tmp_path / "out", folder=_csv(tmp_path, data))
    captured = capsys.readouterr()
    assert code == 0, captured.err
    text = captured.out + captured.err
    assert "W231" in text and "mixed encodings" in text
    from nlg.load.table import read_table
    table = read_table(tmp_path / "col" / "5W_GIFMM_Colombia_2023-09.csv")
    assert table.notes[0].code == "W231" and table.notes[0].row == 6
    cells = " ".join(str(c) for _, row in table.rows for c in row)
    assert "\ufffd" not in cells and "Ã" not in cells and "Cúcuta" in cells


def test_bytes_do_not_depend_on_the_folder_name(tmp_path, monkeypatch):
    shutil.copytree(SAMPLE, tmp_path / "peru")
    shutil.copytree(SAMPLE, tmp_path / "informe de noviembre")
    assert draft(tmp_path / "a", folder=tmp_path / "peru") == 0
    monkeypatch.chdir(tmp_path / "informe de noviembre")
    assert draft(tmp_path / "b", folder=Path(".")) == 0
    for name in (EN, ES, QA):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name


def test_a_killed_drafts_temp_files_are_cleared_by_the_next_run(out):
    dead = out / f".{EN}.999999999.abcd1234.tmp"           # no such process
    old_format = out / f".{ES}.k2j4h5g6.tmp"                 # an older version's, an hour old
    live = out / f".{EN}.{os.getpid()}.zzzz9999.tmp"         # a run still writing: kept
    other = out / ".notes.txt.999999999.abcd1234.tmp"        # not ours: kept
    for path in (dead, old_format, live, other):
        path.write_bytes(b"half a draft")
        os.utime(path, (time.time() - 3600, time.time() - 3600))
    assert draft(out) == 0
    assert not dead.exists() and not old_format.exists()
    assert live.exists() and other.exists()


@pytest.mark.skipif(sys.platform == "win32", reason="kill -9 and /proc")
def test_batch_workers_end_when_the_batch_is_killed(tmp_path):
    root = tmp_path / "tree"
    for name in ("a", "b"):
        shutil.copytree(SAMPLE, root / name)
        text = (root / name / "report.yaml").read_text(encoding="utf-8")
        month = "2023-10" if name == "a" else "2023-11"
        (root / name / "report.yaml").write_text(text.replace("period: 2023-11", f"period: {month}"),
                                                 encoding="utf-8")
    pids = tmp_path / "pids"
    pids.mkdir()
    script = textwrap.dedent(f"""
        import os, time
        from nlg.batch import run as batch
        def slow(*args):
            (__import__("pathlib").Path({str(pids)!r}) / str(os.getpid())).write_text("")
            time.sleep(60)
        batch.draft_report = slow
        batch.run_batch({str(root)!r}, {str(tmp_path / "out")!r}, jobs=2)
    """)
    main = subprocess.Popen([sys.executable, "-c", script], cwd=ROOT)
    try:
        deadline = time.time() + 20
        while len(list(pids.iterdir())) < 2 and time.time() < deadline:
            time.sleep(0.05)
        workers = [int(p.name) for p in pids.iterdir()]
        assert len(workers) == 2
        os.kill(main.pid, signal.SIGKILL)
        main.wait()
        deadline = time.time() + 4
        while any(_alive(w) for w in workers) and time.time() < deadline:
            time.sleep(0.05)
        assert not any(_alive(w) for w in workers)
    finally:
        for w in [int(p.name) for p in pids.iterdir()]:
            if _alive(w):
                os.kill(w, signal.SIGKILL)
        if main.poll() is None:
            main.kill()


def _alive(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return "\nState:\tZ" not in status
