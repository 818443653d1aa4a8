"""Adding a language needs no Python outside ``nlg/lang/`` (issues 14 and 15).

A copy of the package gains a fourth language ``xx`` made only of ``nlg/lang/xx.py`` and
``phrasebanks/xx/`` (plus its sector names in ``phrasebanks/sectors.yaml``), here a copy of
Portuguese: the unchanged rest of the Python drafts it, and the document says what the Portuguese
one says, tagged with the new language's proofing tag.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "brazil-2022-08"


def _copy_package(target: Path) -> None:
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    shutil.copytree(ROOT / "nlg", target / "nlg", ignore=ignore)
    shutil.copytree(ROOT / "phrasebanks", target / "phrasebanks", ignore=ignore)


def _add_language(target: Path) -> None:
    """Write language ``xx``: a grammar module and a phrasebank folder, nothing else."""
    rules = (target / "nlg" / "lang" / "pt.py").read_text(encoding="utf-8")
    rules = re.sub(r'LANGUAGE_TAG(: str)? = "pt-BR"', r'LANGUAGE_TAG\1 = "pt-PT"', rules)
    assert "pt-PT" in rules, "the Portuguese module names its proofing tag"
    (target / "nlg" / "lang" / "xx.py").write_text(rules, encoding="utf-8")
    shutil.copytree(target / "phrasebanks" / "pt", target / "phrasebanks" / "xx")
    sectors = target / "phrasebanks" / "sectors.yaml"
    lines = []
    for line in sectors.read_text(encoding="utf-8").splitlines():
        lines.append(line)
        found = re.match(r"^(\s+)(short_)?pt:(.*)$", line)
        if found:
            lines.append(f"{found[1]}{found[2] or ''}xx:{found[3]}")
    sectors.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _paragraphs(docx: Path) -> list[str]:
    with zipfile.ZipFile(docx) as archive:
        xml = archive.read("word/document.xml").decode("utf-8")
    return [re.sub(r"<[^>]+>", "", p) for p in re.findall(r"<w:p[ >].*?</w:p>", xml)]


def test_a_fourth_language_is_only_a_module_and_a_phrasebank(tmp_path: Path) -> None:
    copy = tmp_path / "pkg"
    _copy_package(copy)
    _add_language(copy)
    python_files = sorted(p.relative_to(copy).as_posix() for p in copy.rglob("*.py"))
    original = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "nlg").rglob("*.py"))
    assert sorted(set(python_files) - set(original)) == ["nlg/lang/xx.py"]

    env = {**os.environ, "PYTHONPATH": str(copy)}
    out = tmp_path / "out"
    for lang in ("xx", "pt"):
        run = subprocess.run([sys.executable, "-m", "nlg", "draft", str(SAMPLE), "--lang", lang,
                              "--out", str(out)], cwd=copy, env=env, capture_output=True, text=True,
                             timeout=300)
        assert run.returncode == 0, run.stderr
        assert "Traceback" not in run.stderr
    new, known = out / "BRA_2022-08_xx.docx", out / "BRA_2022-08_pt.docx"
    assert _paragraphs(new) == _paragraphs(known)
    with zipfile.ZipFile(new) as archive:
        tagged = {name: archive.read(name).decode("utf-8") for name in
                  ("word/styles.xml", "word/settings.xml", "docProps/core.xml")}
    for name, xml in tagged.items():           # Word's proofing language is the new one's
        assert "pt-PT" in xml and "pt-BR" not in xml, name
