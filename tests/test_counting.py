"""The R4V counting rules (docs/methodology.md), one test per rule, on real 5W rows.

The rows are R4V's own: ``tests/data/real/Activities_5W_2022.xlsx`` (Argentina, Bolivia,
Paraguay, Uruguay, August 2022, internal column names). Where a rule needs a situation the file
does not show (no row marked RMRP, New beneficiaries never reported), the real rows are copied and
one column is changed, as the real 2021 exports of other platforms have it.
"""
from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import openpyxl
import pytest
from conftest import docx_text

from nlg import api
from nlg.catalogue import shipped
from nlg.cli import sitrep as cli
from nlg.model import Lang

REAL = Path(__file__).parent / "data" / "real" / "Activities_5W_2022.xlsx"
SECTOR_TOP = {"Protection (GBV)": "PRO", "Protection (General)": "PRO", "Protection (Child Protection)": "PRO",
              "Protection (Human Trafficking and Smuggling)": "PRO", "Protection (Support Spaces)": "PRO",
              "Education": "EDU", "Food Security": "FSC", "Health": "HEA", "Humanitarian Transportation": "HTR",
              "Integration": "INT", "Nutrition": "NUT", "Shelter": "SHE", "WASH": "WSH",
              "Multipurpose Cash Assistance (MPC)": "MPC"}


def _rows(change=None) -> tuple[tuple, list[list]]:
    ws = openpyxl.load_workbook(REAL).active
    rows = [list(r) for r in ws.iter_rows(values_only=True)]
    header, body = tuple(rows[0]), rows[1:]
    if change:
        for r in body:
            change(dict(zip(header, range(len(header)))), r)
    return header, body


def _folder(tmp_path: Path, change=None, extra: str = "") -> Path:
    header, body = _rows(change)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(header)
    for r in body:
        ws.append(r)
    folder = tmp_path / "arg-2022-08"
    folder.mkdir()
    wb.save(folder / "5w.xlsx")
    (folder / "report.yaml").write_text(
        "country: ARG\nperiod: 2022-08\nplatform: R4V Argentina\n"
        "key_figures:\n  refugees_and_migrants: 171000\n" + extra, encoding="utf-8")
    return folder


def _expected(change=None, *, rmrp_filter=True) -> dict[str, int]:
    """People reached per sector, computed from the raw rows with the catalogue's types."""
    header, body = _rows(change)
    ix = {c: i for i, c in enumerate(header)}
    cat = shipped()
    sums: dict[str, float] = defaultdict(float)
    for r in body:
        if r[ix["Country"]] != "Argentina":
            continue
        if rmrp_filter and r[ix["RMRPActivity"]] != "Yes":
            continue
        found = cat.identify("", r[ix["Indicator"]], 2022)
        if found.how == "text" and found.indicator.type == "direct":
            sums[SECTOR_TOP[r[ix["Subsector"]]]] += float(r[ix["New_beneficiaries"]] or 0)
    return {k: round(v) for k, v in sums.items() if v}


def _totals(folder: Path) -> dict[str, int | None]:
    draft = api.prepare(folder, compare=False)
    return {t.sector: t.value for t in draft.facts.sector_totals}


def test_only_direct_assistance_rmrp_rows_count(tmp_path):
    totals = _totals(_folder(tmp_path))
    expected = _expected()
    assert expected                                    # the real month has counted rows
    assert {k: v for k, v in totals.items() if v} == expected


def test_capacity_and_other_indicators_never_add_to_people(tmp_path):
    # all rows marked RMRP: the month's capacity-building rows (health personnel trained, New
    # beneficiaries 1) and 'other' rows (community-based protection initiatives) stay out
    def all_rmrp(ix, r):
        r[ix["RMRPActivity"]] = "Yes"
    header, body = _rows(all_rmrp)
    ix = {c: i for i, c in enumerate(header)}
    cat = shipped()
    others = [r for r in body if r[ix["Country"]] == "Argentina"
              and cat.identify("", r[ix["Indicator"]], 2022).how == "text"
              and cat.identify("", r[ix["Indicator"]], 2022).indicator.type != "direct"
              and (r[ix["New_beneficiaries"]] or 0) > 0]
    assert others
    totals = _totals(_folder(tmp_path, all_rmrp))
    assert {k: v for k, v in totals.items() if v} == _expected(all_rmrp)


def test_rmrp_filter_applies_only_where_the_export_uses_it(tmp_path):
    def no_rmrp(ix, r):
        r[ix["RMRPActivity"]] = "No"
    folder = _folder(tmp_path, no_rmrp)
    totals = _totals(folder)
    assert {k: v for k, v in totals.items() if v} == _expected(no_rmrp, rmrp_filter=False)
    assert cli.main(["draft", str(folder), "--out", str(tmp_path / "out")]) == 0
    en = docx_text(tmp_path / "out" / "ARG_2022-08_en.docx")
    es = docx_text(tmp_path / "out" / "ARG_2022-08_es.docx")
    assert "No row of the month's data is marked as an RMRP activity" in en
    assert "Ninguna fila de los datos del mes está marcada como actividad del RMRP" in es


def test_new_beneficiaries_never_reported_shows_not_reported(tmp_path):
    def no_new(ix, r):
        r[ix["New_beneficiaries"]] = 0
    folder = _folder(tmp_path, no_new)
    draft = api.prepare(folder, compare=False)
    assert all(t.value is None for t in draft.facts.sector_totals)
    assert draft.facts.people_assisted is None
    assert [w.code for w in draft.facts.warnings].count("W260") == 1
    assert cli.main(["draft", str(folder), "--out", str(tmp_path / "out")]) == 0
    en = docx_text(tmp_path / "out" / "ARG_2022-08_en.docx")
    es = docx_text(tmp_path / "out" / "ARG_2022-08_es.docx")
    assert "| not reported |" in en and "| 0 |" not in en.split("People reached by sector")[-1]
    assert "no reportado" in es


def test_people_assisted_lies_between_largest_cell_and_table_sum(tmp_path):
    draft = api.prepare(_folder(tmp_path), compare=False)
    cells = [t.value for t in draft.facts.sector_totals if t.value]
    assert max(cells) <= draft.facts.people_assisted <= sum(cells)


def test_given_people_assisted_outside_the_bounds_is_warned(tmp_path):
    folder = _folder(tmp_path, extra="  people_assisted: 99999999\n")
    draft = api.prepare(folder, compare=False)
    (w262,) = [w for w in draft.facts.warnings if w.code == "W262"]
    assert "above the sum of the people-reached table" in w262.message


@pytest.mark.parametrize("text, cycle, code", [
    ("# of individuals receiving food assistance", "2021", "RE-FS1"),
    ("# de personas alcanzadas con actividades de cohesión social", "2023-2024", "RE-IN6"),
    ("# of refugees and migrants provided with rent accommodation support as a short-term solution",
     "2022", "she-rent"),
])
def test_catalogue_identifies_by_exact_text_in_either_language(text, cycle, code):
    found = shipped().identify("", text, None)
    assert (found.how, found.indicator.cycle, found.indicator.code) == ("text", cycle, code)


def test_a_code_whose_text_disagrees_never_wins():
    # 2021 RE-FS1 is food assistance; 2023-2024 RE-FS1 is productive projects
    found = shipped().identify("RE-FS1", "# of individuals receiving food assistance", 2023)
    assert found.indicator.ref == "2021/RE-FS1" and found.how == "text"
    assert shipped().identify("RE-FS1", "", 2023).indicator.ref == "2023-2024/RE-FS1"
    assert shipped().identify("RE-FS1", "", 2021).indicator.ref == "2021/RE-FS1"


def test_a_similar_text_is_returned_as_similar_never_as_a_match():
    found = shipped().identify("", "# of individuals receiving food assistances", 2021)
    assert found.how == "similar" and found.indicator.ref == "2021/RE-FS1"


def test_catalogues_hold_every_official_indicator_with_types():
    cat = shipped()
    by_cycle = defaultdict(list)
    for ind in cat.indicators:
        by_cycle[ind.cycle].append(ind)
    assert len(by_cycle["2021"]) == 95 and len(by_cycle["2023-2024"]) == 94
    assert all(i.text_en and i.text_es for i in by_cycle["2023-2024"])
    assert sum(1 for i in by_cycle["2021"] if i.type == "direct") == 45
    assert {i.type for i in cat.indicators} <= {"direct", "people", "capacity", "campaign", "mechanism",
                                                 "infrastructure", "other"}


def test_bullets_narrate_what_the_table_counts(tmp_path):
    # Argentina, August 2022: Health, MPC, Shelter ... rows are all RMRP Activity = No
    folder = _folder(tmp_path)
    assert cli.main(["draft", str(folder), "--out", str(tmp_path / "out")]) == 0
    en = docx_text(tmp_path / "out" / "ARG_2022-08_en.docx")
    assert "[Heading 2] Health" not in en and "| Health | – |" in en and "| Protection | 96 |" in en
    assert "–: no Direct Assistance activity reported in the sector" in en
    draft = api.prepare(folder, compare=False)
    (w263,) = [w for w in draft.facts.warnings if w.code == "W263"]
    assert w263.message.startswith("27 row(s) marked RMRP Activity = No")


def test_non_rmrp_rows_can_be_narrated_never_counted(tmp_path):
    folder = _folder(tmp_path, extra="style:\n  narrate_non_rmrp: true\n")
    assert cli.main(["draft", str(folder), "--out", str(tmp_path / "out")]) == 0
    en = docx_text(tmp_path / "out" / "ARG_2022-08_en.docx")
    assert "[Heading 2] Health" in en and "| Health | – |" in en


def _usd_bank(tmp_path: Path) -> Path:
    """The shipped phrasebank with a main_usd form for RE-MC1 (multipurpose cash)."""
    import shutil

    from nlg.phrasebank.bank import default_dir
    bank = tmp_path / "bank"
    shutil.copytree(default_dir(), bank)
    forms = {"en": ('{{ place }}{{ actor }} provided **{{ usd }} in multipurpose cash to {{ count }}**',
                    '{{ place }}**{{ count }} received {{ usd }} in multipurpose cash**'),
             "es": ('{{ place }}{{ actor }} entregaron **{{ usd }} en transferencias multipropósito a {{ count }}**',
                    '{{ place }}**{{ count }} recibieron {{ usd }} en transferencias multipropósito**'),
             "pt": ('{{ place }}{{ actor }} entregaram **{{ usd }} em transferências monetárias a {{ count }}**',
                    '{{ place }}**{{ count }} receberam {{ usd }} em transferências monetárias**')}
    for lang, (a, b) in forms.items():
        path = bank / lang / "sentences.yaml"
        text = path.read_text(encoding="utf-8")
        head = "RE-MC1:\n  main:\n"
        assert head in text
        text = text.replace(head, f'RE-MC1:\n  main_usd:\n    - "{a}"\n    - "{b}"\n  main:\n', 1)
        path.write_text(text, encoding="utf-8")
    return bank


def test_cash_states_the_transfer_value_when_the_export_has_it(tmp_path):
    # Aruba, May 2021 (2021 dotted export): three MPC rows with US$36,816 + 3,886 + 8,648
    real = Path(__file__).parent / "data" / "real" / "5W_2021_Aruba_Curacao_Uruguay.xlsx"
    folder = tmp_path / "abw"
    folder.mkdir()
    (folder / "5w.xlsx").write_bytes(real.read_bytes())
    (folder / "report.yaml").write_text("country: ABW\nperiod: 2021-05\nplatform: R4V\n"
                                        "key_figures:\n  refugees_and_migrants: 17000\n", encoding="utf-8")
    bank = _usd_bank(tmp_path)
    draft = api.prepare(folder, phrasebanks=bank, compare=False)
    (cash,) = [f for f in draft.facts.facts if f.entry == "RE-MC1" and not f.activity]
    assert cash.value_usd == 36816 + 3886 + 8648
    reports = api.realise_all(draft, tuple(Lang))
    text = {lang.value: " ".join(p.text for b in r.sectors for p in b.bullets) for lang, r in reports.items()}
    # decided once in the plan: US$49,350 shown as "over 49,000" in every language
    assert "over US$49,000" in text["en"] or "more than US$49,000" in text["en"]
    assert "más de USD 49.000" in text["es"]
    assert "mais de US$ 49.000" in text["pt"]
    # without the form, the bullet says nothing of dollars
    plain = api.realise_all(api.prepare(folder, compare=False))
    assert all("US" not in " ".join(p.text for b in r.sectors for p in b.bullets) for r in plain.values())
