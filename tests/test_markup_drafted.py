"""Issue 16, item 3: drafter markup through a real Markdown parser (markdown-it-py).

Bold, italics, links with parentheses, ``www.`` and ``mailto:``; unbalanced markup is a
warning naming the bullet, and the rest of the bullet is never silently bolded.
Read back from the .docx.
"""
from __future__ import annotations

import subprocess
import sys

import docx
import pytest

from nlg.api import prepare
from nlg.draft.output import write_drafts
from nlg.model import Lang
from nlg.realise.markup_drafted import parse, problems

#: A line of the seed report (shared/seed, November 2023), with its unclosed bold.
SEED = ("350 people with disabilities received healthcare consultations**, including physical "
        "rehabilitation sessions in Lima.")


def _situation(folder, *bullets: tuple[str, str]) -> None:
    path = folder / "report.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("situation:\n")
    end = text.index("\ncoordination:") if "\ncoordination:" in text else text.index("\n", start)
    items = "".join(f"  - en: {en!r}\n    es: {es!r}\n" for en, es in bullets)
    path.write_text(text[:start] + "situation:\n" + items + text[end:], encoding="utf-8")


def _paragraph(path, needle: str):
    return next(p for p in docx.Document(str(path)).paragraphs if needle in p.text)


def test_an_unclosed_bold_is_shown_as_typed_and_named(sample_copy, tmp_path):
    """Why: an unclosed ** bolded the rest of the bullet (the seed's own defect), silently."""
    _situation(sample_copy, ("Partners met.", "Los socios se reunieron."),
               (SEED, "350 personas con discapacidad recibieron consultas**, en Lima."))
    run = subprocess.run([sys.executable, "-m", "nlg", "draft", str(sample_copy), "--out", str(tmp_path)],
                         capture_output=True, text=True, encoding="utf-8", timeout=180)
    assert run.returncode == 0, run.stderr
    assert "W280" in run.stderr
    assert "situation bullet 2 (en): ** (bold) is not closed" in run.stderr
    assert "situation bullet 2 (es)" in run.stderr
    para = _paragraph(tmp_path / "PER_2023-11_en.docx", "350 people with disabilities")
    assert "consultations**, including" in para.text                 # shown as typed
    assert not any(r.bold for r in para.runs if "rehabilitation" in r.text)   # never re-bolded


def test_links_with_parentheses_www_and_mailto_become_hyperlinks(sample_copy, tmp_path):
    en = ("See the [crisis page](https://en.wikipedia.org/wiki/Venezuelan_refugee_crisis_(2015)), "
          "www.r4v.info, mailto:info@r4v.info or write to gtrm@iom.int; *in Lima* only.")
    es = ("Vea la [página](https://es.wikipedia.org/wiki/Crisis_(2015)) y www.r4v.info, "
          "o escriba a gtrm@iom.int; *solo en Lima*.")
    _situation(sample_copy, (en, es))
    draft = prepare(sample_copy)
    assert draft.markup_warnings == ()
    out = write_drafts(draft, tmp_path).outputs
    english = _paragraph(next(w.path for w in out if w.lang is Lang.EN), "crisis page")
    links = {h.text: h.address for h in english.hyperlinks}
    assert links == {"crisis page": "https://en.wikipedia.org/wiki/Venezuelan_refugee_crisis_(2015)",
                     "www.r4v.info": "https://www.r4v.info", "mailto:info@r4v.info": "mailto:info@r4v.info",
                     "gtrm@iom.int": "mailto:gtrm@iom.int"}
    assert [r.text for r in english.runs if r.italic] == ["in Lima"]
    spanish = _paragraph(next(w.path for w in out if w.lang is Lang.ES), "página")
    assert {h.address for h in spanish.hyperlinks} == {"https://es.wikipedia.org/wiki/Crisis_(2015)",
                                                       "https://www.r4v.info", "mailto:gtrm@iom.int"}


@pytest.mark.parametrize("text, codes", [
    ("**bold** and *italic* and [a](https://x.org)", []),
    ("a \\*star\\* kept", []),
    ("5 * 3 = 15 and snake_case_name", []),
    ("**unclosed", ["W280"]),
    ("an *unclosed italic", ["W280"]),
    ("[broken](https://x.org and more", ["W281"]),
    ("[local](report.docx)", ["W282"]),
])
def test_markup_problems(text, codes):
    spans, issues = parse(text)
    assert [i.code for i in issues] == codes
    assert "".join(s.text for s in spans).replace("\\", "") != ""


def test_an_escaped_star_is_a_star():
    spans, issues = parse("a \\*star\\* kept")
    assert "".join(s.text for s in spans) == "a *star* kept" and not any(s.italic for s in spans)


def test_bare_addresses_lose_trailing_punctuation():
    spans, _ = parse("See https://x.org/a_(b)). Or www.r4v.info.")
    assert [(s.text, s.link) for s in spans if s.link] == [("https://x.org/a_(b)", "https://x.org/a_(b)"),
                                                           ("www.r4v.info", "https://www.r4v.info")]


def test_problems_name_sector_notes_too(sample_copy):
    path = sample_copy / "report.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "\n", encoding="utf-8")
    from dataclasses import replace

    from nlg.config.report import Texts, load_config

    config = load_config(sample_copy)
    notes = (Texts({"en": "ok", "es": "ok"}), Texts({"en": "**x", "es": "**y"}))
    config = replace(config, sector_notes={"Education": notes})
    found = problems(config)
    assert [p.message.split(":")[0] for p in found] == ["sector_notes.Education bullet 2 (en)",
                                                        "sector_notes.Education bullet 2 (es)"]
    assert all(p.file.endswith("report.yaml") for p in found)
