"""Bullets and the people-reached table tell one story (issue 18 item 2), read back from the .docx.

- The table's caption and footnote say what it counts: the period's new people, or the year to
  date (``style.people_reached_table: year_to_date``: New beneficiaries since January), with the
  export's months checked (W264 names the months it lacks; a footnote says so).
- A bullet figure above its sector's cell (a month's Total monthly beneficiaries) says it counts
  everyone assisted in the month, including people reached before, in every language.
- A cell with no Direct Assistance row, or none with new people, shows "–" with its footnote.

Measured over every shipped sample and real months: no bullet figure above its sector's cell
without that sentence, and no "0" cell.
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import openpyxl
import pytest
from conftest import ROOT, docx_text

from nlg import numfmt
from nlg.api import prepare
from nlg.cli import sitrep as cli
from nlg.config.report import load_config
from nlg.draft.output import write_drafts
from nlg.errors import ConfigError
from nlg.model import Hedge, Lang, Measure
from nlg.phrasebank import bank as phrasebank

REAL = ROOT / "tests" / "data" / "real"
SAMPLES = sorted(p.parent for p in (ROOT / "samples").rglob("report.yaml"))
# real months: (export, country, period); the 2021 export holds January to May
REAL_MONTHS = {
    "real-ury-2021-03": ("5W_2021_Aruba_Curacao_Uruguay.xlsx", "URY", "2021-03"),
    "real-abw-2021-05": ("5W_2021_Aruba_Curacao_Uruguay.xlsx", "ABW", "2021-05"),
    "real-cuw-2021-05": ("5W_2021_Aruba_Curacao_Uruguay.xlsx", "CUW", "2021-05"),
    "real-bol-2022-08": ("Activities_5W_2022.xlsx", "BOL", "2022-08"),
    "real-arg-2022-08": ("Activities_5W_2022.xlsx", "ARG", "2022-08"),
    "real-mex-2022-02": ("Translated5W_2022.xlsx", "MEX", "2022-02"),
}
YTD = "style:\n  people_reached_table: year_to_date\n"


def _real(root: Path, name: str, extra: str = "") -> Path:
    export, country, period = REAL_MONTHS[name]
    folder = root / name
    folder.mkdir()
    shutil.copyfile(REAL / export, folder / export)
    (folder / "report.yaml").write_text(
        f"country: {country}\nperiod: {period}\nplatform: R4V\n"
        "key_figures:\n  refugees_and_migrants: 10000\n" + extra, encoding="utf-8")
    return folder


def _texts(folder: Path, out: Path) -> dict[Lang, str]:
    result = write_drafts(prepare(folder), out)
    return {w.lang: docx_text(w.path) for w in result.outputs}


def _people_reached(text: str) -> tuple[list[str], list[str]]:
    """Return (the lines of the people-reached section, its table rows), as the .docx shows them."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("[Heading 1]")
                 and any(line.endswith(h) for h in ("People reached by sector", "Personas alcanzadas por sector",
                                                    "Pessoas alcançadas por setor")))
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("[Heading 1]")), len(lines))
    section = lines[start:end]
    return section, [line for line in section if line.startswith("| ") and not line.startswith("|  |")]


# -- (a) what the table counts ------------------------------------------------------------

def test_the_period_table_says_it_counts_the_months_new_people(tmp_path):
    texts = _texts(ROOT / "samples" / "peru-2023-11", tmp_path)
    en, _ = _people_reached(texts[Lang.EN])
    es, _ = _people_reached(texts[Lang.ES])
    assert "[Caption] New people reached, November 2023" in en
    assert "[Caption] Nuevas personas alcanzadas, noviembre de 2023" in es
    assert any(line.startswith("[Sitrep Note] People reached: new beneficiaries of RMRP activities in "
                               "November 2023 (people a partner of the sector assisted for the first "
                               "time this year)") for line in texts[Lang.EN].splitlines())
    assert "actividades del RMRP en noviembre de 2023" in texts[Lang.ES]


def _cells(rows: list[str]) -> dict[str, str]:
    return {row.split(" | ")[0][2:]: row.split(" | ")[-2] if row.endswith("|  |") else row.split(" | ")[-1][:-2]
            for row in rows}


def test_year_to_date_counts_new_beneficiaries_since_january(tmp_path):
    """Uruguay, March 2021 (the export holds January to May): the table sums New beneficiaries of
    January to March; the bullets still narrate March."""
    (tmp_path / "p").mkdir()
    period = _texts(_real(tmp_path / "p", "real-ury-2021-03"), tmp_path / "out-p")
    ytd = _texts(_real(tmp_path, "real-ury-2021-03", YTD), tmp_path / "out-y")
    en, rows = _people_reached(ytd[Lang.EN])
    es, _ = _people_reached(ytd[Lang.ES])
    assert "[Caption] People reached, January–March 2021 (year to date)" in en
    assert "[Caption] Personas alcanzadas, enero–marzo de 2021 (acumulado del año)" in es
    assert any("People reached, year to date: new beneficiaries of RMRP activities summed over January–March 2021"
               in line for line in en)
    assert any("acumulado del año: suma de las nuevas personas beneficiarias" in line and "enero–marzo de 2021"
               in line for line in es)
    before, after = _cells(_people_reached(period[Lang.EN])[1]), _cells(rows)
    number = lambda cell: int(cell.replace(",", "")) if cell[0].isdigit() else 0  # noqa: E731
    assert all(number(after[k]) >= number(before[k]) for k in before)
    assert sum(number(v) for v in after.values()) > sum(number(v) for v in before.values())
    draft = prepare(tmp_path / "real-ury-2021-03")
    assert draft.facts.table_counts == "year_to_date" and draft.facts.table_missing == ()
    assert "W264" not in {w.code for w in draft.warnings}
    # the bullets are the month's, the same in both documents; only the March health figure (229
    # monthly) is above its cell in the period's table (127 new), not in the year's (239)
    said = re.compile(r" [^.]* everyone assisted in March, including people reached before\.")
    bullets = lambda t: [line for line in t.splitlines() if line.startswith("[List Bullet]")]  # noqa: E731
    assert bullets(ytd[Lang.EN]) == [said.sub("", b) for b in bullets(period[Lang.EN])]
    assert sum(bool(said.search(b)) for b in bullets(period[Lang.EN])) == 1 and not said.search(ytd[Lang.EN])


def test_year_to_date_from_an_export_without_the_earlier_months_names_them(tmp_path, capsys):
    folder = _real(tmp_path, "real-bol-2022-08", YTD)
    draft = prepare(folder)
    w264 = [w for w in draft.warnings if w.code == "W264"]
    assert len(w264) == 1 and w264[0].value == "2022-01 to 2022-07"
    assert "2022-01 to 2022-07" in w264[0].message
    texts = _texts(folder, tmp_path / "out")
    en, _ = _people_reached(texts[Lang.EN])
    es, _ = _people_reached(texts[Lang.ES])
    assert "[Sitrep Note] The data hold no activity for January–July 2022: those months are not counted " \
           "in people reached." in en
    assert "[Sitrep Note] Los datos no contienen actividades de enero–julio de 2022: esos meses no se " \
           "cuentan en las personas alcanzadas." in es
    capsys.readouterr()
    assert cli.main(["draft", str(folder), "--out", str(tmp_path / "cli")]) == 0
    printed = capsys.readouterr()
    assert "W264" in printed.out + printed.err and "no row for 2022-01 to 2022-07" in printed.out + printed.err


def test_a_style_choice_that_is_not_one_is_refused(tmp_path):
    folder = _real(tmp_path, "real-bol-2022-08", "style:\n  people_reached_table: yearly\n")
    with pytest.raises(ConfigError) as err:
        load_config(folder)
    [problem] = err.value.problems
    assert problem.code == "E124" and "period, year_to_date" in problem.message


# -- (b) a bullet above its cell says why --------------------------------------------------

def _wording(lang: Lang) -> str:
    """The part of the frame reached_before after the month ("including people reached before")."""
    frame = phrasebank.load().langs[lang].frames["reached_before"][0]
    return frame.split("}}, ", 1)[1]


def test_a_months_total_above_its_cell_says_it_includes_people_reached_before(tmp_path):
    """Colombia, November 2023: MPC 'over 4,800' (Total monthly) beside the table's 4,554 (New)."""
    texts = _texts(ROOT / "samples" / "tree" / "col" / "2023-11", tmp_path)
    en = next(line for line in texts[Lang.EN].splitlines() if "multipurpose cash assistance (MPC)" in line)
    es = next(line for line in texts[Lang.ES].splitlines() if "transferencias monetarias multipropósito" in line)
    assert "over 4,800 individuals" in en and en.endswith(
        "The figure counts everyone assisted in November, including people reached before.")
    assert "más de 4.800 personas" in es and es.endswith(
        "La cifra abarca a todas las personas atendidas en noviembre, incluidas las alcanzadas en meses anteriores.")
    assert "| MPC | 4,554 |" in texts[Lang.EN] and "| MPC | 4.554 |" in texts[Lang.ES]


def test_the_bullets_comment_gives_the_months_total_and_its_new_people(tmp_path):
    import zipfile

    result = write_drafts(prepare(ROOT / "samples" / "tree" / "col" / "2023-11"), tmp_path)
    comments = {w.lang: zipfile.ZipFile(w.path).read("word/comments.xml").decode("utf-8") for w in result.outputs}
    assert "Total monthly beneficiaries: 4,836, of whom 4,554 new this month" in comments[Lang.EN]
    assert "Total mensual de personas beneficiarias: 4.836, de las cuales 4.554 nuevas este mes" in comments[Lang.ES]


def test_portuguese_says_it_too(tmp_path):
    texts = _texts(ROOT / "samples" / "brazil-2022-08", tmp_path)
    draft = prepare(ROOT / "samples" / "brazil-2022-08")
    marked = [m for s in draft.plan.sectors for b in s.bullets for m in b.messages if m.reached_before]
    said = texts[Lang.PT].count(_wording(Lang.PT))
    assert said == len(marked)


def test_a_figure_not_above_its_cell_is_never_shown_above_it():
    """A hedge rounding up past the cell ("nearly 2,200" for 2,156 beside 2,166) rounds down."""
    from nlg.content.facts import Fact, Quantity
    from nlg.content.table_story import against_table

    fact = Fact(key="HEA/RE-HE1", sector="HEA", entry="RE-HE1", activity="", measure=Measure.PEOPLE_MONTHLY,
                value=2156, by_admin1=(), population=(), people_new=2034, people_monthly=2156,
                partners=(), sources=())
    q, said = against_table(fact, Quantity(2156, 2200, Hedge.NEARLY), 2166, True)
    assert (q.shown, q.hedge, said) == (2100, Hedge.OVER, False)
    q, said = against_table(fact, Quantity(2156, 2200, Hedge.NEARLY), 2000, True)
    assert (q.shown, said) == (2200, True)
    kits = Fact(key="WSH/RE-WA4", sector="WSH", entry="RE-WA4", activity="", measure=Measure.OUTPUT,
                value=960, by_admin1=(), population=(), people_new=0, people_monthly=0, partners=(), sources=())
    assert against_table(kits, Quantity(960, 960, Hedge.EXACT), 843, True) == (Quantity(960, 960, Hedge.EXACT), False)


# -- (c) no 0 cell -------------------------------------------------------------------------

def test_direct_assistance_without_new_people_shows_a_dash_never_0(tmp_path):
    """Real Bolivian rows; Shelter's New beneficiaries set to 0 (everyone reached before)."""
    source = REAL / "Activities_5W_2022.xlsx"
    wb = openpyxl.load_workbook(source)
    ws = wb.active
    header = [c.value for c in ws[1]]
    sub, new = header.index("Subsector"), header.index("New_beneficiaries")
    for row in ws.iter_rows(min_row=2):
        if row[sub].value == "Shelter":
            row[new].value = 0
    folder = tmp_path / "bol"
    folder.mkdir()
    wb.save(folder / "5w.xlsx")
    (folder / "report.yaml").write_text("country: BOL\nperiod: 2022-08\nplatform: R4V\n"
                                        "key_figures:\n  refugees_and_migrants: 10000\n", encoding="utf-8")
    texts = _texts(folder, tmp_path / "out")
    en, rows = _people_reached(texts[Lang.EN])
    es, _ = _people_reached(texts[Lang.ES])
    assert "| Shelter | – |  |" in rows
    assert not [r for r in rows if re.search(r"\| 0 \|", r)]
    assert "[Sitrep Note] –: Direct Assistance activities were reported in the sector, but no new " \
           "beneficiaries (people reached for the first time this year)." in en
    assert any(line.startswith("[Sitrep Note] –: se reportaron actividades de asistencia directa") for line in es)


# -- measured over every shipped sample and real months -------------------------------------

def _cases() -> list[tuple[str, Path | None, str]]:
    out = [(p.relative_to(ROOT / "samples").as_posix(), p, "") for p in SAMPLES]
    out += [(name, None, "") for name in REAL_MONTHS]
    out += [("real-ury-2021-03+ytd", None, YTD), ("real-bol-2022-08+ytd", None, YTD)]
    return out


def _number(text: str) -> int | None:
    digits = re.sub(r"[,.\s\u00a0\u202f]", "", text)
    return int(digits) if digits.isdigit() else None


@pytest.mark.parametrize(("name", "folder", "extra"), _cases(), ids=[c[0] for c in _cases()])
def test_measured_no_bullet_above_its_cell_unsaid_and_no_0_cell(tmp_path, name, folder, extra):
    folder = folder or _real(tmp_path, name.split("+")[0], extra)
    draft = prepare(folder)
    bank = draft.bank
    facts = {f.key: f for f in draft.facts.facts}
    result = write_drafts(draft, tmp_path / "out")
    for written in result.outputs:
        lang, text = written.lang, docx_text(written.path)
        _, rows = _people_reached(text)
        cells_shown = [c.strip() for r in rows for c in r.strip("| ").split(" | ")[1:] if c.strip()]
        assert "0" not in cells_shown, f"{name} {lang.value}: a 0 cell"
        shorts = {bank.sectors[c].short[lang.value]: c for c in bank.sectors}
        table = {}
        for r in rows:
            parts = [c.strip() for c in r.strip("| ").split(" | ") if c.strip()]
            if parts[0] in shorts:
                table[shorts[parts[0]]] = _number(parts[-1])
        headings = {bank.sectors[c].names[lang.value]: c for c in bank.sectors}
        by_sector: dict[str, list[str]] = {}
        sector = ""
        for line in text.splitlines():
            if line.startswith("[Heading"):
                sector = headings.get(line.split("] ", 1)[1], "") if line.startswith("[Heading 2]") else ""
            elif line.startswith("[List Bullet]") and sector:
                by_sector.setdefault(bank.sectors[sector].top, []).append(line[len("[List Bullet] "):])
        wording, locale = _wording(lang), draft.config.style.locale(lang)
        for sp in draft.plan.sectors:
            cell = table.get(sp.sector)
            for bullet in sp.bullets:
                for m in bullet.messages:
                    fact = facts[m.fact]
                    if fact.measure is Measure.OUTPUT or m.quantity.hedge is Hedge.UNDER or cell is None \
                            or m.quantity.scale:
                        continue
                    figure = numfmt.integer(m.quantity.shown, locale=locale)
                    shown = re.compile(rf"(?<![\d.,]){re.escape(figure)}(?!\d|[.,]\d)")
                    where = [p for p in by_sector.get(sp.sector, []) if shown.search(p)]
                    assert where, f"{name} {lang.value}: {figure} not found"
                    if m.quantity.shown > cell:
                        # the sentence after the figure's says why (the figure may be in another bullet too)
                        nexts = [re.split(r"(?<=\.)\s+(?=\S)", shown.split(p, 1)[1], maxsplit=2) for p in where]
                        assert any(len(n) > 1 and wording in n[1] for n in nexts), \
                            f"{name} {lang.value}: {figure} above the {sp.sector} cell {cell} without the wording"


@pytest.mark.parametrize("name", ["real-ury-2021-03", "real-bol-2022-08"])
def test_year_to_date_drafts_check_clean(tmp_path, name):
    """sitrep check reads the caption's and footnotes' months back without a finding."""
    from nlg.check.findings import check

    folder = _real(tmp_path, name, YTD)
    result = write_drafts(prepare(folder), tmp_path / "out")
    assert check([w.path for w in result.outputs]).findings == ()


def test_year_to_date_cells_are_the_rows_new_beneficiaries_since_january(tmp_path):
    """Uruguay, January to March 2021, summed by hand from the real rows: Direct Assistance
    indicators of the catalogue, RMRP Activity = Yes, New beneficiaries, by top-level sector."""
    from collections import defaultdict

    from nlg.catalogue import shipped

    ws = openpyxl.load_workbook(REAL / "5W_2021_Aruba_Curacao_Uruguay.xlsx", read_only=True).active
    rows = list(ws.iter_rows(values_only=True))
    ix = {c: i for i, c in enumerate(rows[0])}
    top = {"Protection (Child Protection)": "PRO", "Protection (General)": "PRO", "Health": "HEA",
           "Humanitarian Transportation": "HTR", "Shelter": "SHE", "Food Security": "FSC",
           "Multipurpose CBI": "MPC", "Integration": "INT", "WASH": "WSH", "Education": "EDU", "Nutrition": "NUT"}
    expected: dict[str, float] = defaultdict(float)
    for r in rows[1:]:
        if r[ix["Country"]] != "Uruguay" or str(r[ix["Reporting.Month"]])[:7] > "2021-03":
            continue
        found = shipped().identify("", r[ix["Indicator"]], 2021)
        if found.how == "text" and found.indicator.type == "direct" and r[ix["RMRP.Activity"]] == "Yes":
            expected[top[r[ix["Sector...Subsector...WG"]]]] += float(r[ix["New.beneficiaries.of.the.month"]] or 0)
    assert round(expected["PRO"]) == 157        # 149 general + 8 child protection
    texts = _texts(_real(tmp_path, "real-ury-2021-03", YTD), tmp_path / "out")
    bank = phrasebank.load()
    for lang, text in texts.items():
        cells = _cells(_people_reached(text)[1])
        shown = {code: cells[bank.sectors[code].short[lang.value]] for code in top.values()}
        assert {c: _number(v) for c, v in shown.items() if v != "–"} == \
            {c: round(v) for c, v in expected.items() if round(v)}, lang


@pytest.mark.parametrize("lang", ["en", "es"])
def test_year_to_date_golden(tmp_path, lang, update_golden):
    """The reviewed text of a year-to-date report (Uruguay, March 2021, real rows)."""
    texts = _texts(_real(tmp_path, "real-ury-2021-03", YTD), tmp_path / "out")
    golden = ROOT / "tests" / "golden" / f"real-ury-2021-03-ytd.{lang}.txt"
    if update_golden:
        golden.write_text(texts[Lang(lang)], encoding="utf-8")
    assert texts[Lang(lang)] == golden.read_text(encoding="utf-8")
