"""Issue 18 item 6: a month-over-month phrase quotes the previous report in its own words.

The previous figure is the one the previous draft printed (same shown figure, same hedge, same
hedge word), decided once in the plan for every language; the direction is said in every language.
"""
from __future__ import annotations

import re

import pytest
from conftest import SAMPLE, docx_text

from nlg.api import prepare
from nlg.content.facts import Message
from nlg.draft.output import write_drafts
from nlg.model import Lang

COL = SAMPLE.parent / "tree" / "col"


@pytest.fixture(scope="module")
def drafts():
    return prepare(COL / "2023-10"), prepare(COL / "2023-11")


def _messages(draft) -> dict[str, Message]:
    return {m.fact: m for s in draft.plan.sectors for b in s.bullets for m in b.messages}


def test_previous_figure_is_the_one_the_previous_draft_printed(drafts):
    before, now = drafts
    printed, changed = _messages(before), [m for m in _messages(now).values() if m.change]
    assert changed, "the Colombian November sample states month-over-month changes"
    for m in changed:
        assert m.previous_shown is not None
        if m.fact in printed:      # narrated in October: its own quantity and hedge word
            assert m.previous_shown == printed[m.fact].quantity
            assert m.previous_variant == printed[m.fact].variant
        assert m.previous_shown.value == m.previous   # the true value stays in the plan


def _document(draft, lang: Lang, folder) -> str:
    """Return the text of the .docx written for ``lang``, read back from the file."""
    return docx_text(write_drafts(draft, folder, langs=(lang,)).outputs[0].path)


@pytest.mark.parametrize(("lang", "down", "up"), [
    (Lang("en"), r"\(down from nearly 8,500 in October\)", r"\(up from over 1,200 in October\)"),
    (Lang("es"), r"\(frente a las casi 8\.500 de octubre, una disminución\)",
     r"\(frente a las más de 1\.200 de octubre, un aumento\)"),
])
def test_change_phrase_quotes_the_hedged_figure_and_says_the_direction(drafts, lang, down, up, tmp_path):
    text = _document(drafts[1], lang, tmp_path)
    assert re.search(down, text) and re.search(up, text)
    assert "8.493" not in text and "8,493" not in text      # never the raw figure October did not print


def test_spanish_article_dropped_before_an_indefinite_hedge():
    from nlg.lang import es
    assert es.orthography("frente a las unas 600 de octubre") == "Frente a unas 600 de octubre"
    assert es.orthography("frente a los unos 60 talleres") == "Frente a unos 60 talleres"
