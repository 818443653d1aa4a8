"""Tests for nlg.word.save: reproducible atomic save, embedded data, edit detection."""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest

from nlg.errors import OutputError
from nlg.word import assemble
from nlg.word import ooxml as docx_xml
from nlg.word import save as docx_io

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_assemble import CREATED, build_and_save, english_report, spanish_report  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
_CHILD = """
import sys, pathlib
sys.path[:0] = [{root!r}, {tests!r}]
from test_assemble import build_and_save, english_report, spanish_report
build_and_save({factory}(), pathlib.Path(sys.argv[1]))
"""


def _save_in_subprocess(path: Path, factory: str) -> bytes:
    """Return the bytes of a report saved by a fresh Python process."""
    code = _CHILD.format(root=str(ROOT), tests=str(ROOT / "tests"), factory=factory)
    env = {**os.environ, "PYTHONHASHSEED": "random"}
    subprocess.run([sys.executable, "-c", code, str(path)], check=True, env=env, cwd=path.parent)
    return path.read_bytes()


@pytest.mark.parametrize("factory", ["english_report", "spanish_report"])
def test_byte_identical_across_processes(tmp_path, factory):
    first = _save_in_subprocess(tmp_path / "a.docx", factory)
    second = _save_in_subprocess(tmp_path / "b.docx", factory)
    assert first == second
    build_and_save(globals()[factory](), tmp_path / "c.docx")
    assert (tmp_path / "c.docx").read_bytes() == first


def test_zip_entries_fixed(tmp_path):
    path = tmp_path / "r.docx"
    build_and_save(english_report(), path)
    with zipfile.ZipFile(path) as archive:
        infos = archive.infolist()
        names = [i.filename for i in infos]
        assert names[:3] == ["[Content_Types].xml", "_rels/.rels", "word/document.xml"]
        assert names[3:] == sorted(names[3:])
        assert {i.date_time for i in infos} == {(1980, 1, 1, 0, 0, 0)}
        assert {i.compress_type for i in infos} == {zipfile.ZIP_DEFLATED}
        assert "customXml/item1.xml" in names and "customXml/itemProps1.xml" in names
        for name in names:
            if name.endswith(".xml"):
                blob = archive.read(name)
                assert b"w:rsid" not in blob, name
                if name == "word/comments.xml":   # dated with the report, never the clock
                    stamp = CREATED.strftime("%Y-%m-%dT%H:%M:%SZ")   # naive: taken as UTC
                    assert set(re.findall(rb'w:date="([^"]*)"', blob)) == {stamp.encode()}, name
                else:
                    assert b"w:date=" not in blob, name


def test_core_properties_from_core_info(tmp_path):
    path = tmp_path / "r.docx"
    build_and_save(spanish_report(), path)
    props = docx.Document(str(path)).core_properties
    created = CREATED.replace(tzinfo=dt.UTC)
    assert (props.title, props.subject, props.author) == (
        "Perú: informe", "Informe de situación — noviembre de 2023", "sitrep-nlg")
    assert (props.created, props.modified, props.revision) == (created, created, 1)
    assert (props.last_modified_by, props.language) == ("sitrep-nlg", "es-ES")
    assert props.last_printed is None and props.keywords == ""


def test_aware_created_converted_to_utc(tmp_path):
    lima = dt.timezone(dt.timedelta(hours=-5))
    core = docx_io.CoreInfo("t", "s", "a", "en-GB", dt.datetime(2023, 12, 15, 7, tzinfo=lima))
    path = tmp_path / "r.docx"
    docx_io.save(assemble.build(english_report()), path, embedded="{}", core=core)
    assert docx.Document(str(path)).core_properties.created.hour == 12


def test_read_embedded_round_trip(tmp_path):
    path = tmp_path / "r.docx"
    embedded = json.dumps({"facts": [{"sector": "health", "value": 400}], "plan": "ñ <&>"},
                          ensure_ascii=False)
    document = assemble.build(english_report())
    core = docx_io.CoreInfo.from_report(english_report(), created=CREATED)
    digest = docx_io.save(document, path, embedded=embedded, core=core)
    data = docx_io.read_embedded(path)
    assert data == {**json.loads(embedded), "document_hash": digest}
    with zipfile.ZipFile(path) as archive:
        assert digest == hashlib.sha256(archive.read("word/document.xml")).hexdigest()
        item = archive.read("customXml/item1.xml")
        assert docx_xml.EMBEDDED_NS.encode() in item
        assert b"customXmlProperties+xml" in archive.read("[Content_Types].xml")
        rels = archive.read("customXml/_rels/item1.xml.rels")
        assert b"itemProps1.xml" in rels
    assert docx_io.current_hash(path) == digest


def test_saving_twice_keeps_one_embedded_part(tmp_path):
    document = assemble.build(english_report())
    core = docx_io.CoreInfo.from_report(english_report(), created=CREATED)
    docx_io.save(document, tmp_path / "a.docx", embedded='{"n": 1}', core=core)
    docx_io.save(document, tmp_path / "b.docx", embedded='{"n": 2}', core=core)
    with zipfile.ZipFile(tmp_path / "b.docx") as archive:
        items = [n for n in archive.namelist() if n.startswith("customXml/item")]
    assert items == ["customXml/item1.xml", "customXml/itemProps1.xml"]
    assert docx_io.read_embedded(tmp_path / "b.docx")["n"] == 2


def test_invalid_embedded_json_rejected(tmp_path):
    core = docx_io.CoreInfo.from_report(english_report(), created=CREATED)
    with pytest.raises(ValueError):
        docx_io.save(assemble.build(english_report()), tmp_path / "r.docx",
                     embedded="{not json", core=core)
    assert list(tmp_path.iterdir()) == []


def test_is_edited(tmp_path):
    path = tmp_path / "r.docx"
    build_and_save(english_report(), path)
    assert docx_io.is_edited(path) is False
    document = docx.Document(str(path))
    document.paragraphs[4].add_run(" Reviewer addition.")
    document.save(str(path))
    assert docx_io.is_edited(path) is True
    assert docx_io.read_embedded(path) is not None  # python-docx keeps the custom part


def test_file_without_embedded_part_counts_as_edited():
    assert docx_io.read_embedded(assemble.DEFAULT_TEMPLATE) is None
    assert docx_io.is_edited(assemble.DEFAULT_TEMPLATE) is True


def test_not_a_docx(tmp_path):
    path = tmp_path / "r.docx"
    path.write_text("plain text")
    with pytest.raises(OutputError, match="r.docx"):
        docx_io.is_edited(path)


def test_atomic_write_leaves_no_temp_file(tmp_path):
    path = tmp_path / "r.docx"
    build_and_save(english_report(), path)
    build_and_save(english_report(), path)  # overwrite
    assert [p.name for p in tmp_path.iterdir()] == ["r.docx"]


def test_failure_mid_write_keeps_old_file(tmp_path, monkeypatch):
    path = tmp_path / "r.docx"
    path.write_bytes(b"old report")

    def broken_fsync(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(docx_io.os, "fsync", broken_fsync)
    with pytest.raises(OutputError, match="No space") as caught:   # disk full: E563, no traceback
        build_and_save(english_report(), path)
    assert caught.value.problems[0].code == "E563"
    assert path.read_bytes() == b"old report"
    assert [p.name for p in tmp_path.iterdir()] == ["r.docx"]


def test_file_open_in_word_raises_output_error(tmp_path, monkeypatch):
    path = tmp_path / "r.docx"
    path.write_bytes(b"old report")

    def locked(src, dst):
        raise PermissionError(13, "Permission denied", str(dst))

    monkeypatch.setattr(docx_io.os, "replace", locked)
    with pytest.raises(OutputError) as caught:
        build_and_save(english_report(), path)
    message = str(caught.value)
    assert "r.docx" in message and "close it in Word and run again" in message
    assert caught.value.problems[0].code == "E501"
    assert path.read_bytes() == b"old report"
    assert [p.name for p in tmp_path.iterdir()] == ["r.docx"]
