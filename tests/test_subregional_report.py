"""Sub-regional platforms (issue 13): the drafts of real Southern Cone and Caribbean months.

Drafted with ``sitrep draft`` from the real exports in both languages and read back from the
.docx: title, key figures per country, bullets with places at the right level, the
people-reached table with a column per country and the total, footnotes, `sitrep check`,
month-over-month, batch and the QA workbook.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from docx.table import Table
from docx.text.paragraph import Paragraph
from helpers import message, writer

from nlg import numfmt
from nlg.api import prepare
from nlg.batch.run import run_batch
from nlg.config.report import Style
from nlg.content.facts import Fact
from nlg.content.plan_countries import places
from nlg.model import Lang, Measure
from nlg.realise.sentences import _place

REAL = Path(__file__).resolve().parent / "data" / "real"
SOUTHERN = REAL / "Activities_5W_2022.xlsx"
CARIBBEAN = REAL / "5W_2021_Aruba_Curacao_Uruguay.xlsx"


def sitrep(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "nlg", *map(str, args)], capture_output=True,
                          text=True, encoding="utf-8")


def folder(root: Path, name: str, text: str, export: Path) -> Path:
    path = root / name
    path.mkdir(parents=True)
    shutil.copy(export, path / export.name)
    (path / "report.yaml").write_text(text, encoding="utf-8")
    return path


def read_back(path: Path) -> list[str]:
    """Return the document's paragraphs and table rows, every cell of a row kept."""
    document = docx.Document(str(path))
    lines = []
    for block in document.element.body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            text = Paragraph(block, document).text
            if text.strip():
                lines.append(text)
        elif tag == "tbl":
            for row in Table(block, document).rows:
                seen, cells = set(), []
                for cell in row.cells:
                    if id(cell._tc) not in seen:
                        seen.add(id(cell._tc))
                        cells.append(" / ".join(p.text for p in cell.paragraphs if p.text.strip()))
                lines.append(" | ".join(cells))
    return lines


@pytest.fixture(scope="module")
def drafted(tmp_path_factory):
    """`sitrep draft` of the real Southern Cone (2022-08) and Caribbean (2021-03) months."""
    root = tmp_path_factory.mktemp("subregional")
    sc = folder(root, "sc", "countries: [ARG, BOL, PRY, URY]\nplatform: Southern Cone\n"
                "period: 2022-08\nkey_figures:\n  by_country:\n    ARG: {refugees_and_migrants: 171000}\n",
                SOUTHERN)
    car = folder(root, "car", "platform: Caribbean\nperiod: 2021-03\nkey_figures: {}\n", CARIBBEAN)
    out = {}
    for name, path in (("sc", sc), ("car", car)):
        result = sitrep("draft", path, "--out", root / "out")
        assert result.returncode == 0, result.stderr
        out[name] = result
    return root / "out", out


def test_files_named_after_the_platform(drafted):
    out, _ = drafted
    assert {p.name for p in out.iterdir()} >= {
        "southern-cone_2022-08_en.docx", "southern-cone_2022-08_es.docx", "southern-cone_2022-08_qa.xlsx",
        "caribbean_2021-03_en.docx", "caribbean_2021-03_es.docx", "caribbean_2021-03_qa.xlsx"}


@pytest.mark.parametrize("lang, title, country, assisted", [
    ("en", "Southern Cone", "Country | Refugees and migrants | People assisted directly*", "1,534"),
    ("es", "Cono Sur", "País | Personas refugiadas y migrantes | Personas asistidas directamente*", "1.534"),
])
def test_southern_cone_title_and_key_figures(drafted, lang, title, country, assisted):
    lines = read_back(drafted[0] / f"southern-cone_2022-08_{lang}.docx")
    assert lines[0] == title
    i = lines.index(country)
    sep = "," if lang == "en" else "."
    total = "Total"
    assert lines[i + 1:i + 6] == [f"Argentina | 171{sep}000 | 96", f"Bolivia | – | 1{sep}073",
                                  "Paraguay | – | 150", "Uruguay | – | 215", f"{total} | – | {assisted}"]


@pytest.mark.parametrize("lang", ["en", "es"])
def test_southern_cone_table_per_country(drafted, lang):
    lines = read_back(drafted[0] / f"southern-cone_2022-08_{lang}.docx")
    head = {"en": "People reached* | Argentina | Bolivia | Paraguay | Uruguay | Total",
            "es": "Personas alcanzadas* | Argentina | Bolivia | Paraguay | Uruguay | Total"}[lang]
    i = lines.index(head)
    protection = {"en": "Protection | 96 | 883 | 54 | 215 | 1,248",
                  "es": "Protección | 96 | 883 | 54 | 215 | 1.248"}[lang]
    assert protection in lines[i + 1:i + 12]
    health = {"en": "Health | – | 14 | 133 | 15 | 162", "es": "Salud | – | 14 | 133 | 15 | 162"}[lang]
    assert health in lines[i + 1:i + 12]


@pytest.mark.parametrize("lang, expected", [
    ("en", ["Across four countries, R4V partners provided protection assistance",
            "In La Paz, Santa Cruz, and Cochabamba (Bolivia), ", "In Bolivia and Paraguay, ",
            "In Central (Paraguay), ", "In Montevideo (Uruguay), "]),
    ("es", ["En cuatro países, los socios de R4V brindaron", "En La Paz, Santa Cruz y Cochabamba (Bolivia), ",
            "En Bolivia y Paraguay, ", "En Central (Paraguay), ", "En Montevideo (Uruguay), "]),
])
def test_southern_cone_places(drafted, lang, expected):
    text = "\n".join(read_back(drafted[0] / f"southern-cone_2022-08_{lang}.docx"))
    for phrase in expected:
        assert phrase in text


@pytest.mark.parametrize("lang, expected", [
    ("en", ["Caribbean", "Aruba | 224", "Curaçao | 655", "Total | 879",
            "People reached* | Aruba | Curaçao | Total", "Health | 38 | 655 | 693",
            "No activity was reported in the Dominican Republic, Guyana, and Trinidad and Tobago in the period."]),
    ("es", ["Caribe", "Aruba | 224", "Curazao | 655", "Total | 879",
            "Personas alcanzadas* | Aruba | Curazao | Total", "Salud | 38 | 655 | 693",
            "No se reportaron actividades en la República Dominicana, Guyana y Trinidad y Tobago en el periodo."]),
])
def test_caribbean_month(drafted, lang, expected):
    lines = read_back(drafted[0] / f"caribbean_2021-03_{lang}.docx")
    for line in expected:
        assert line in lines
    assert any(line.startswith(("In Aruba", "In Curaçao", "En Aruba", "En Curazao")) for line in lines)


def test_check_is_clean_and_finds_an_edited_country_cell(drafted, tmp_path):
    out, _ = drafted
    en, es = out / "southern-cone_2022-08_en.docx", out / "southern-cone_2022-08_es.docx"
    result = sitrep("check", en, es)
    assert result.returncode == 0 and "clean" in result.stdout, result.stdout
    edited = tmp_path / "southern-cone_2022-08_en.docx"
    document = docx.Document(str(en))
    for table in document.tables:
        for row in table.rows:
            if row.cells[0].text in ("Bolivia", "Protection"):
                for cell in row.cells[1:]:
                    for run in (r for p in cell.paragraphs for r in p.runs):
                        run.text = run.text.replace("1,073", "1,173").replace("883", "893")
    document.save(str(edited))
    result = sitrep("check", edited)
    assert result.returncode == 1
    assert "“893” fits none of the stored figures of PRO" in result.stdout
    assert "no figure of BOL fits its stored people assisted 1,073" in result.stdout


def test_provenance_comments_name_each_country(drafted):
    from nlg.check.read import read
    from nlg.check.wording import load
    doc = read(drafted[0] / "southern-cone_2022-08_en.docx", load())
    comments = docx_comments(drafted[0] / "southern-cone_2022-08_en.docx")
    assert any("La Paz (Bolivia)" in c for c in comments)
    assert any("Sum of New beneficiaries" in c and "Activities_5W_2022.xlsx" in c for c in comments)
    assert any(c.startswith("Sum of the countries' figures: 1,534") for c in comments)
    assert doc.report == "southern-cone/2022-08"


def docx_comments(path: Path) -> list[str]:
    import zipfile

    from lxml import etree
    with zipfile.ZipFile(path) as z:
        root = etree.fromstring(z.read("word/comments.xml"))
    ns = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    return ["\n".join("".join(t.text or "" for t in p.iter(f"{ns}t")) for p in c.iter(f"{ns}p"))
            for c in root.iter(f"{ns}comment")]


def test_month_over_month_caribbean(tmp_path):
    """The previous month's folder of the same platform is found and compared."""
    for month in ("2021-02", "2021-03"):
        folder(tmp_path, month, f"platform: Caribbean\nperiod: {month}\nkey_figures: {{}}\n", CARIBBEAN)
    draft = prepare(tmp_path / "2021-03")
    assert draft.plan.previous_period == (2021, 2)
    before = prepare(tmp_path / "2021-02", compare=False)
    assert draft.plan.people_assisted_previous == before.plan.people_assisted.value
    assert any(f.previous is not None for f in draft.facts.facts)


def test_batch_names_the_platform(tmp_path):
    root = tmp_path / "reports"
    folder(root, "southern-cone-2022-08", "platform: Southern Cone\nperiod: 2022-08\nkey_figures: {}\n",
           SOUTHERN)
    folder(root, "uruguay-2022-08", "country: URY\nplatform: R4V\nperiod: 2022-08\n"
           "key_figures: {refugees_and_migrants: 1}\n", SOUTHERN)
    result = run_batch(root, tmp_path / "out", jobs=1)
    assert {o.report.key for o in result.outcomes} == {"southern-cone_2022-08", "URY_2022-08"}
    names = {p.name for p in (tmp_path / "out").iterdir()}
    assert {"southern-cone_2022-08_en.docx", "southern-cone_2022-08_qa.xlsx", "URY_2022-08_es.docx"} <= names


def _fact(*places_: tuple[str, str, int]) -> Fact:
    return Fact(key="PRO/RE-PR1", sector="PRO", entry="RE-PR1", activity="", measure=Measure.PEOPLE_NEW,
                value=sum(v for *_, v in places_), by_admin1=(), population=(), people_new=0,
                people_monthly=0, partners=(), sources=(), by_place=tuple(places_))


@pytest.mark.parametrize("facts, en, es", [
    ((("ARG", "Buenos Aires", 30), ("URY", "Montevideo", 10)),
     "In Buenos Aires (Argentina) and Montevideo (Uruguay), ", "En Buenos Aires (Argentina) y Montevideo (Uruguay), "),
    ((("ARG", "Buenos Aires", 30), ("ARG", "Córdoba", 20)),
     "In Buenos Aires and Córdoba (Argentina), ", "En Buenos Aires y Córdoba (Argentina), "),
    ((("ARG", "Buenos Aires", 30), ("ARG", "Córdoba", 20), ("URY", "Montevideo", 40)),
     "In Argentina and Uruguay, ", "En Argentina y Uruguay, "),
    ((("ARG", "", 30), ("URY", "Montevideo", 10)), "In Argentina and Uruguay, ", "En Argentina y Uruguay, "),
    ((("ARG", a, 5) for a in ("Jujuy", "Salta", "Chaco", "Misiones", "Mendoza")),
     "In Argentina, ", "En Argentina, "),
    ((("ARG", "Jujuy", 5), ("BOL", "La Paz", 9), ("PRY", "Central", 1), ("URY", "Rocha", 2), ("URY", "Salto", 1)),
     "Across four countries, ", "En cuatro países, "),
    ((("DOM", "", 5), ("GUY", "", 9)), "In Guyana and the Dominican Republic, ",
     "En Guyana y la República Dominicana, "),
])
def test_places_at_the_right_level(facts, en, es):
    fact = _fact(*facts)
    admin1s, countries, count = places(fact, Style())
    cfg = _multi_config()
    for lang, expected in ((Lang.EN, en), (Lang.ES, es)):
        msg = message("RE-PR1", fact.value, places=admin1s, place_countries=countries, country_count=count,
                      sector="PRO")
        assert _place(writer(lang, cfg), msg) == expected


def test_follow_up_names_no_place_again():
    admin1s, countries, count = places(_fact(("ARG", "Jujuy", 5), ("BOL", "La Paz", 9)), Style())
    msg = message("RE-PR1", 14, places=admin1s, place_countries=countries, country_count=count,
                  form="follow", sector="PRO")
    assert _place(writer(Lang.EN, _multi_config()), msg) == "In La Paz (Bolivia) and Jujuy (Argentina), "
    lone = message("RE-PR1", 14, places=(), place_countries=(), country_count=4, form="follow", sector="PRO")
    assert _place(writer(Lang.EN, _multi_config()), lone) == ""      # "Across N countries": main only


def _multi_config():
    from dataclasses import replace

    from helpers import config
    return replace(config(), country="", countries=("ARG", "BOL", "PRY", "URY"), platform_id="southern-cone",
                   platform="Southern Cone")


def test_country_names_come_from_babel():
    assert numfmt.country_name("CUW", locale="es") == "Curazao"
    assert numfmt.country_name("CUW", locale="en") == "Curaçao"


def _table_after(lines: list[str], head: str) -> list[list[str]]:
    """Return the rows of the table whose first line starts with ``head`` (cells split)."""
    i = next(i for i, line in enumerate(lines) if head in line.split(" | "))
    rows = []
    for line in lines[i + 1:]:
        if " | " not in line:
            break
        rows.append(line.split(" | "))
    return rows


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("name, platform, export, period, codes", [
    ("southern-cone", "Southern Cone", SOUTHERN, "2022-08", ("ARG", "BOL", "PRY", "URY")),
    ("caribbean", "Caribbean", CARIBBEAN, "2021-03", ("ABW", "CUW")),
])
def test_docx_columns_equal_the_countries_own_reports(tmp_path, lang, name, platform, export, period, codes):
    """Read back from the .docx: each country's column of the platform's table is the table of
    that country's own report, and its people assisted is that report's key figure."""
    out = tmp_path / "out"
    head = {"en": "People reached*", "es": "Personas alcanzadas*"}[lang]
    multi = folder(tmp_path, name, f"platform: {platform}\nperiod: {period}\nkey_figures: {{}}\n", export)
    assert sitrep("draft", multi, "--out", out, "--lang", lang).returncode == 0
    lines = read_back(out / f"{name}_{period}_{lang}.docx")
    grid = _table_after(lines, head)
    names = lines[next(i for i, line in enumerate(lines) if line.startswith(head))].split(" | ")[1:-1]
    key = {"en": "People assisted directly*", "es": "Personas asistidas directamente*"}[lang]
    assisted = {row[0]: row[-1] for row in _table_after(lines, {"en": "Country", "es": "País"}[lang])}
    assert len(names) == len(codes)
    for column, code in enumerate(codes, start=1):
        one = folder(tmp_path, code, f"country: {code}\nplatform: R4V\nperiod: {period}\n"
                     "key_figures: {refugees_and_migrants: 1}\n", export)
        assert sitrep("draft", one, "--out", out, "--lang", lang).returncode == 0
        own = read_back(out / f"{code}_{period}_{lang}.docx")
        table = {row[0]: row[1] for row in _table_after(own, head)}
        mine = {row[0]: row[column] for row in grid}
        # the platform's table lists a sector another country has (Common Services): "–" here
        assert {k: v for k, v in mine.items() if k in table} == table
        assert all(v == "–" for k, v in mine.items() if k not in table)
        figure = next(cell for line in own for cell in line.split(" | ")
                      if cell.endswith(" / " + key)).split(" / ")[0]
        assert assisted[names[column - 1]] == figure


def test_review_copy_shows_each_country(tmp_path):
    sc = folder(tmp_path, "sc", "platform: Southern Cone\nperiod: 2022-08\nkey_figures: {}\n", SOUTHERN)
    assert sitrep("draft", sc, "--out", tmp_path / "out", "--review").returncode == 0
    document = docx.Document(str(tmp_path / "out" / "southern-cone_2022-08_review.docx"))
    texts = {c.text for t in document.tables for r in t.rows for c in r.cells}
    assert "Bolivia: People assisted directly* 1,073" in texts
    assert "Protección: Argentina 96 · Bolivia 883 · Paraguay 54 · Uruguay 215 · Total 1.248" in texts
