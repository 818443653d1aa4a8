"""Aggregation, selection and planning on small hand-made datasets."""
from __future__ import annotations

from dataclasses import replace

from helpers import config

from nlg.config.report import Period
from nlg.content.aggregate import OTHER, aggregate, with_previous
from nlg.content.plan import plan
from nlg.content.select import select
from nlg.model import Activity, Breakdown, Dataset, Hedge, SourceRef
from nlg.phrasebank import bank as phrasebank


def row(n: int, sector: str, indicator: str, admin1: str = "Lima", *, total: int = 0, new: int = 0,
        qty: int = 0, org: str = "ACNUR", activity: str = "", transit: int = 0, rmrp: bool = True):
    dest = max(new - transit, 0)
    return Activity(SourceRef("5w.xlsx", n), "Peru", admin1, "", org, "", "2023-11", sector, indicator,
                    "", activity, rmrp, False, None, "", qty, total, new,
                    Breakdown(in_destination=dest, in_transit=transit, women=new))


def facts_of(*rows, **style):
    # the rows carry 2021 codes without texts: a code alone is read in the report year's cycle
    cfg = replace(config(**style), period=Period((2021, 11), (2021, 11)))
    return aggregate(Dataset(tuple(rows), ("5w.xlsx",)), cfg, phrasebank.load()), cfg


def test_sums_per_indicator_and_admin1():
    facts, _ = facts_of(
        row(2, "Education", "RE-ED1", "Tumbes", total=150, new=150),
        row(3, "Education", "RE-ED1", "Tumbes", total=56, new=50),
        row(4, "Education", "RE-ED1", "Lima", total=10, new=10))
    (fact,) = [f for f in facts.facts if f.entry == "RE-ED1"]
    assert fact.value == 216 and fact.people_new == 210
    assert fact.by_admin1 == (("Lima", 10), ("Tumbes", 206))
    assert [s.row for s in fact.sources] == [2, 3, 4]


def test_people_reached_counts_direct_assistance_rmrp_new_beneficiaries():
    facts, _ = facts_of(
        row(2, "Education", "RE-ED1", total=100, new=90),
        row(3, "Education", "RE-ED5", total=500, new=500),           # capacity building
        row(4, "Education", "RE-ED2", total=40, new=40, rmrp=False),  # not an RMRP activity
        row(5, "Protection (GBV)", "# de personas con kits de dignidad", total=30, new=30))
    totals = {t.sector: t.value for t in facts.sector_totals}
    assert totals["EDU"] == 90
    assert totals["PRO"] == 0    # an indicator in no catalogue is narrated, not counted (R4V rule)
    assert "W261" in [w.code for w in facts.warnings]


def test_unknown_sector_goes_to_other_with_a_warning():
    facts, _ = facts_of(row(7, "Bananas", "# of bananas", total=12, new=12))
    assert facts.unknown_sectors == ("Bananas",)
    assert [w.code for w in facts.warnings if w.code.startswith("W25")] == ["W250"]
    assert {t.sector for t in facts.sector_totals} >= {OTHER}


def test_intersector_max_per_admin1_and_population():
    facts, _ = facts_of(
        row(2, "Education", "RE-ED1", "Lima", total=100, new=100, transit=20),
        row(3, "Health", "RE-HE1", "Lima", total=60, new=60, transit=50),
        row(4, "Health", "RE-HE1", "Tumbes", total=30, new=30))
    # Lima: destination max(80, 10) + transit max(20, 50) = 130; Tumbes: 30
    assert facts.people_assisted == 160


def test_selection_priority_follow_ups_and_limit():
    facts, cfg = facts_of(
        row(2, "Integration", "RE-INT1", total=4682, new=4682),
        row(3, "Integration", "RE-INT3_PER # de personas capacitadas en autoempleo y emprendimiento",
            total=684, new=684),
        row(4, "Integration", "RE-INT4_PER # de personas certificadas al concluir programas de emprendimiento",
            total=51, new=51),
        row(5, "Integration", "RE-INT5", total=200, new=200),
        bullets_per_sector=2)
    sel = select(facts, phrasebank.load(), cfg.style)
    (sector, bullets), = sel.sectors
    assert sector == "INT"
    assert [b.main.entry for b in bullets] == ["RE-INT3_PER", "RE-INT1"]  # priority first
    assert [f.entry for f in bullets[0].follows] == ["RE-INT4_PER"]


def test_plan_decides_hedges_places_and_population():
    facts, cfg = facts_of(
        row(2, "Food Security", "RE-FS2_PER", "Tumbes", total=2100, new=2100, qty=2550, transit=2000),
        row(3, "WASH", "RE-WA4", "Tacna", qty=64, activity="Newborn kits"),
        row(4, "WASH", "RE-WA4", "Lima", qty=900))
    bank = phrasebank.load()
    content = plan(select(facts, bank, cfg.style), cfg, bank, None)
    food = content.sectors[0].bullets[0].messages[0]
    assert (food.quantity.shown, food.quantity.hedge) == (2550, Hedge.EXACT)
    assert food.population == "in_transit" and food.places == ("Tumbes",)
    wash = content.sectors[1].bullets[0]
    assert wash.messages[0].quantity.hedge is Hedge.OVER and wash.messages[0].quantity.shown == 960
    assert wash.messages[1].activity == "newborn_kits" and wash.messages[1].places == ("Tacna",)


def test_zero_values_are_not_narrated():
    facts, cfg = facts_of(row(2, "Shelter", "RE-SH1", total=0, new=0))
    assert select(facts, phrasebank.load(), cfg.style).sectors == ()


def test_previous_period_change_is_planned():
    now, cfg = facts_of(row(2, "Shelter", "RE-SH1", total=1656, new=1656))
    before, _ = facts_of(row(2, "Shelter", "RE-SH1", total=700, new=700))
    bank = phrasebank.load()
    content = plan(select(with_previous(now, before), bank, cfg.style), cfg, bank, None,
                   previous_period=(2023, 10))
    msg = content.sectors[0].bullets[0].messages[0]
    assert (msg.change, msg.previous) == ("up", 700)


def test_variants_are_stable_and_aligned():
    facts, cfg = facts_of(row(2, "Shelter", "RE-SH1", total=1656, new=1656))
    bank = phrasebank.load()
    a = plan(select(facts, bank, cfg.style), cfg, bank, None)
    b = plan(select(facts, bank, cfg.style), cfg, bank, None)
    assert a == b


def test_unknown_indicator_takes_no_follow_ups():
    facts, cfg = facts_of(
        row(2, "Health", "# de personas atendidas en jornadas de salud", total=1880, new=1880),
        row(3, "Health", "RE-HE2", total=295, new=295),
        row(4, "Health", "RE-HE1", total=2480, new=2480))
    (sector, bullets), = select(facts, phrasebank.load(), cfg.style).sectors
    assert all(not b.follows for b in bullets)
    assert len(bullets) == 3
