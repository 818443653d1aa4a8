"""The embedded data read back typed (nlg.stored, nlg.serialise.loads): the inverse of the dump.

Every shipped sample: dump -> loads -> dump gives the same text, and the typed object equals
the one dumped. A draft's stored data that do not fit the types are refused with E604 naming
the key, never a traceback.
"""
from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nlg import stored
from nlg.api import drafted_texts, prepare, realise_all
from nlg.content.facts import Bullet, ContentPlan, Fact, Facts, Flag, Message, Quantity, SectorPlan, SectorTotal
from nlg.model import Hedge, Measure, PopType, SourceRef
from nlg.serialise import LoadError, dumps, loads
from nlg.stored import Embedded
from nlg.word import ooxml as docx_xml

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted(p.parent for p in (ROOT / "samples").rglob("report.yaml"))


def drafted(folder: Path):
    draft = prepare(folder)
    texts = {lang.value: drafted_texts(r) for lang, r in realise_all(draft).items()}
    return draft, draft.embedded(texts)


def embedded_text(folder: Path) -> str:
    return drafted(folder)[1]


@pytest.mark.parametrize("folder", SAMPLES, ids=lambda p: p.relative_to(ROOT / "samples").as_posix())
def test_every_sample_round_trips(folder):
    draft, text = drafted(folder)
    typed = stored.read(json.loads(text))
    assert isinstance(typed, Embedded) and typed.schema == stored.SCHEMA
    assert dumps(typed) == text
    assert loads(dumps(typed), Embedded) == typed
    assert typed.facts == stored.for_check(draft.facts) and typed.plan == draft.plan


def _copy_with_rows_repeated(folder: Path, to: Path, times: int) -> Path:
    """Return a copy of the report folder whose 5W rows are each written ``times`` times."""
    import shutil

    import openpyxl

    shutil.copytree(folder, to)
    book = openpyxl.load_workbook(to / "5w.xlsx")
    sheet = book.active
    rows = [list(r) for r in sheet.iter_rows(min_row=2, values_only=True)]
    for _ in range(times - 1):
        for row in rows:
            sheet.append(row)
    book.save(to / "5w.xlsx")
    return to


def test_embedded_data_do_not_grow_with_the_rows(tmp_path):
    """Issue 19: the data stored in each .docx are what check needs, not every row."""
    one = embedded_text(ROOT / "samples" / "peru-2023-11")
    many = embedded_text(_copy_with_rows_repeated(ROOT / "samples" / "peru-2023-11", tmp_path / "x30", 30))
    assert len(many.encode()) <= len(one.encode()) * 1.05      # only the figures' digits grow
    assert len(many.encode()) < 300_000
    assert '"sources":[]' in many and '"sources":[{' not in many
    assert json.loads(many)["facts"]["people_assisted"] > json.loads(one)["facts"]["people_assisted"]


def test_a_draft_of_an_earlier_release_of_version_1_reads_with_defaults():
    """Fields added to format 1 later (texts, countries, by_place, country_count ...) default."""
    data = json.loads(embedded_text(SAMPLES[0]))
    data.pop("texts")
    data["report"].pop("countries")
    for fact in data["facts"]["facts"]:
        for later in ("by_place", "value_usd", "outlier", "similar_to"):
            fact.pop(later)
    for sector in data["plan"]["sectors"]:
        for bullet in sector["bullets"]:
            for m in bullet["messages"]:
                m.pop("country_count"), m.pop("place_countries"), m.pop("usd")
    typed = stored.read(data)
    assert typed.texts == {} and typed.report.countries == ()
    assert all(f.by_place == () for f in typed.facts.facts)


@pytest.mark.parametrize("change, key", [
    (lambda d: d.update(schema="sitrep-nlg/embedded/2"), "schema"),
    (lambda d: d.pop("schema"), "schema"),
    (lambda d: d["facts"].pop("facts"), "facts.facts"),
    (lambda d: d["facts"]["facts"][0].update(value="12"), "facts.facts[0].value"),
    (lambda d: d["facts"]["facts"][0].update(measure="people"), "facts.facts[0].measure"),
    (lambda d: d["facts"]["facts"][0].update(by_admin1=[["Lima"]]), "facts.facts[0].by_admin1[0]"),
    (lambda d: d["plan"]["sectors"][0]["bullets"][0].update(key=None), "plan.sectors[0].bullets[0].key"),
    (lambda d: d["plan"].update(previous_period=[2023]), "plan.previous_period"),
    (lambda d: d["plan"].update(surprise=1), "plan.surprise"),
    (lambda d: d.update(texts={"en": {"bullets": []}}), "texts.en.bullets"),
    (lambda d: d["facts"]["sector_totals"][0].update(value=True), "facts.sector_totals[0].value"),
])
def test_data_that_do_not_fit_are_refused_naming_the_key(change, key):
    data = json.loads(embedded_text(SAMPLES[0]))
    change(data)
    with pytest.raises(stored.StoredError) as info:
        stored.read(data)
    assert info.value.key == key


def test_check_refuses_unfit_data_with_e604(tmp_path):
    from nlg.check.findings import CheckError, check
    from nlg.cli.sitrep import main

    assert main(["draft", str(ROOT / "samples" / "peru-2023-11"), "--out", str(tmp_path)]) == 0
    path = next(tmp_path.glob("*_en.docx"))
    broken = tmp_path / "broken_en.docx"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(broken, "w") as dst:
        for item in src.infolist():
            blob = src.read(item.filename)
            if item.filename.startswith("customXml/item") and docx_xml.parse_embedded(blob):
                data = json.loads(docx_xml.parse_embedded(blob)[0])
                data["plan"]["sectors"][0]["bullets"][0]["messages"][0]["quantity"]["hedge"] = "roughly"
                blob = docx_xml.embedded_xml(json.dumps(data), "x")
            dst.writestr(item, blob)
    with pytest.raises(CheckError) as info:
        check([broken])
    problem = info.value.problems[0]
    assert problem.code == "E604" and problem.file == str(broken)
    assert "plan.sectors[0].bullets[0].messages[0].quantity.hedge" in problem.message


# -- the model types round-trip through dumps/loads (hypothesis) ---------------------------------

text = st.text(max_size=8)
count = st.integers(min_value=0, max_value=10**9)
quantity = st.builds(Quantity, value=count, shown=count, hedge=st.sampled_from(Hedge))
message = st.builds(Message, fact=text, entry=text, form=text, variant=st.integers(0, 9),
                    quantity=quantity, noun=text, group=text,
                    places=st.tuples(text) | st.just(()), region_count=count,
                    previous=st.none() | count, usd=st.none() | quantity,
                    place_countries=st.lists(text, max_size=2).map(tuple))
bullet = st.builds(Bullet, key=text, sector=text, messages=st.lists(message, max_size=2).map(tuple),
                   review=st.lists(st.builds(Flag, reason=text, slots=st.lists(
                       st.tuples(text, text), max_size=2).map(tuple)), max_size=1).map(tuple))
plan = st.builds(ContentPlan, sectors=st.lists(st.builds(
    SectorPlan, sector=text, bullets=st.lists(bullet, max_size=2).map(tuple)), max_size=2).map(tuple),
    people_assisted=st.none() | quantity,
    previous_period=st.none() | st.tuples(st.integers(2000, 2100), st.integers(1, 12)),
    assisted_by_country=st.lists(st.tuples(text, st.none() | count), max_size=2).map(tuple))
fact = st.builds(Fact, key=text, sector=text, entry=text, activity=text,
                 measure=st.sampled_from(Measure), value=count,
                 by_admin1=st.lists(st.tuples(text, count), max_size=2).map(tuple),
                 population=st.lists(st.tuples(st.sampled_from(PopType), count), max_size=2).map(tuple),
                 people_new=count, people_monthly=count, partners=st.lists(text, max_size=2).map(tuple),
                 sources=st.lists(st.builds(SourceRef, file=text, row=count), max_size=2).map(tuple),
                 value_usd=st.none() | st.floats(0, 1e9, allow_nan=False),
                 by_place=st.lists(st.tuples(text, text, count), max_size=2).map(tuple))
total = st.builds(SectorTotal, sector=text, value=st.none() | count, computed=count,
                  overridden=st.booleans(), rows=count, partners=count)
facts = st.builds(Facts, facts=st.lists(fact, max_size=3).map(tuple),
                  sector_totals=st.lists(total, max_size=2).map(tuple),
                  people_assisted=st.none() | count)


@settings(max_examples=60, deadline=None)
@given(plan)
def test_any_plan_round_trips(value):
    assert loads(dumps(value), ContentPlan) == value


@settings(max_examples=60, deadline=None)
@given(facts)
def test_any_facts_round_trip(value):
    assert loads(dumps(value), Facts) == value


@settings(max_examples=100, deadline=None)
@given(st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=4),
                    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
                        st.sampled_from(["value", "key", "sectors", "bullets", "x"]), inner, max_size=3),
                    max_leaves=12))
def test_any_json_is_read_or_refused_with_a_load_error(data):
    try:
        loads(json.dumps(data), ContentPlan)
    except LoadError:
        pass
