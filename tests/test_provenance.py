"""Provenance comments: every generated bullet and table cell says where its figures come from,
read back from the generated documents with python-docx."""
from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from test_check import EN, ES, SAMPLE, draft

from nlg import numfmt
from nlg.api import prepare
from nlg.check.findings import check
from nlg.cli import sitrep as cli
from nlg.model import SourceRef
from nlg.realise.provenance import row_ranges
from nlg.word.ooxml import bookmark_name
from nlg.word.save import read_embedded


@pytest.mark.parametrize("rows, expected", [
    ([4], "5w.xlsx 4"),
    ([4, 5, 6], "5w.xlsx 4–6"),
    ([9, 4, 6, 5], "5w.xlsx 4–6, 9"),
    ([4, 4, 5], "5w.xlsx 4–5"),
    ([2, 4, 6], "5w.xlsx 2, 4, 6"),
])
def test_row_ranges(rows, expected):
    assert row_ranges(tuple(SourceRef("5w.xlsx", r) for r in rows)) == expected


def test_row_ranges_per_file():
    refs = (SourceRef("b.csv", 3), SourceRef("a.xlsx", 8), SourceRef("a.xlsx", 7))
    assert row_ranges(refs) == "a.xlsx 7–8; b.csv 3"
    assert row_ranges(()) == ""


@pytest.fixture(scope="module")
def drafted(tmp_path_factory) -> Path:
    return draft(tmp_path_factory.mktemp("drafted"))


def comments_by_paragraph(document) -> dict[str, str]:
    """Return paragraph text -> text of the comment anchored on it."""
    out = {}
    for p in document.paragraphs + [p for t in document.tables for r in t.rows
                                    for c in r.cells for p in c.paragraphs]:
        for start in p._p.iter(qn("w:commentRangeStart")):
            out[p.text] = document.comments.get(int(start.get(qn("w:id")))).text
    return out


@pytest.mark.parametrize("name, locale", [(EN, "en"), (ES, "es")])
def test_every_bullet_comment_gives_values_hedge_places_partners_rows(drafted, name, locale):
    document = docx.Document(str(drafted / name))
    data = read_embedded(drafted / name)
    facts = {f["key"]: f for f in data["facts"]["facts"]}
    # the draft stores no source rows (nlg.stored.for_check): the rows come from the data
    sources = {f.key: f.sources for f in prepare(SAMPLE).facts.facts}
    comments = comments_by_paragraph(document)
    by_bookmark = {b.get(qn("w:name")): p.text for p in document.paragraphs
                   for b in p._p.iter(qn("w:bookmarkStart"))}
    bullets = [b for s in data["plan"]["sectors"] for b in s["bullets"]]
    assert bullets
    for bullet in bullets:
        lines = comments[by_bookmark[bookmark_name(bullet["key"])]].split("\n")
        assert len(lines) == len(bullet["messages"])
        for line, message in zip(lines, bullet["messages"]):
            fact, q = facts[message["fact"]], message["quantity"]
            number = lambda n: numfmt.integer(n, locale=locale)  # noqa: E731
            assert line.startswith(fact["entry"])
            assert f"{number(q['value'])} → " in line and number(q["shown"]) in line
            biggest = max(fact["by_admin1"], key=lambda t: t[1])
            assert f"{biggest[0]} {number(biggest[1])}" in line
            assert f"{len(fact['partners'])} " in line and f"{len(sources[fact['key']])} " in line
            rows = row_ranges(sources[fact["key"]])
            assert line.rstrip(".").endswith(rows)


def test_hedge_is_named_in_the_comment(drafted):
    comments = comments_by_paragraph(docx.Document(str(drafted / EN)))
    text = next(c for p, c in comments.items() if "more than 900" in p or "over 900" in p)
    assert "906 → “900” (value above the figure shown)" in text
    es = comments_by_paragraph(docx.Document(str(drafted / ES)))
    assert any("906 → «900» (valor por encima de la cifra mostrada)" in c for c in es.values())


def test_people_reached_cells_carry_their_sums(drafted):
    comments = comments_by_paragraph(docx.Document(str(drafted / EN)))
    assert comments["2,954"].startswith("Sum of New beneficiaries")
    assert "2,954" in comments["2,954"]


def test_clean_copy_has_no_comments_and_still_checks_clean(tmp_path):
    out = tmp_path / "clean"
    draft(out)  # makes sure a loader is there
    assert cli.main(["draft", str(SAMPLE), "--out", str(tmp_path / "plain"), "--no-comments", "--force"]) == 0
    for name in (EN, ES):
        document = docx.Document(str(tmp_path / "plain" / name))
        assert not list(document.element.body.iter(qn("w:commentRangeStart")))
    assert check([tmp_path / "plain" / EN, tmp_path / "plain" / ES]).findings == ()
