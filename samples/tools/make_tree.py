"""Write samples/tree/: three platforms x three months of invented 5W exports and report.yaml files.

Layout: ``{per,ecu,col}/{2023-09,2023-10,2023-11}/``, each a report folder for ``sitrep batch``
(see docs/batch.md, "The sample tree"). Nothing is random: values come from the activity lines
in ``tree_data.py``, each platform's month-over-month trend and a stable hash, and the .xlsx files
carry fixed timestamps, so every run writes the same bytes.
Run: ``python samples/tools/make_tree.py [OUT]`` (default: samples/tree).

- ``per``: GTRM Peru, .xlsx with the English 2025 headers (as ``make_peru_sample.py``).
- ``ecu``: GTRM Ecuador, .xlsx with the Spanish 2022 headers, Spanish sector labels, Sí/No.
- ``col``: GIFMM Colombia, .csv as Excel saves it in a Spanish locale: cp1252, ``;``, CRLF.
"""
from __future__ import annotations

import csv
import hashlib
import re
import sys
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from openpyxl import Workbook

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_peru_sample import AGE, HEADER, INDICATORS, OFFICIAL, ORIENTATION, POP, split  # noqa: E402
from tree_data import COL_LINES, ECU_LINES, EXTRA_INDICATORS, MORE_RMRP, OUTPUT_RATIO, PENDULAR, PER_LINES, SECTORS_ES  # noqa: E402

ROOT = Path(__file__).resolve().parents[1] / "tree"
MONTHS = ("2023-09", "2023-10", "2023-11")
HEADER_ES = (
    "País Country", "País Admin1", "Admin2", "Socio principal Nombre", "Método de implementacion",
    "Socio Implementador Nombre", "Month", "Indicador Sector", "Indicador", "Nombre de la actividad",
    "Descripcion de la actividad", "COVID19", "Actividad RMRP", "CVA", "Valor de transferencia (en USD)",
    "Modalidad de entrega", "Cantidad de productos generados", "Total beneficiarios mensuales",
    "Nuevos beneficiarios del mes", "Refugiados y migrantes EN DESTINO",
    "Refugiados y migrantes EN TRANSITO", "Comunidades de acogida",
    "Refugiados y migrantes PENDULARES", "Colombianos Retornados",
    "Ninas y Adolescentes menores de 18", "Ninos y Adolescentes menores de 18", "Mujeres adultas",
    "Hombres adultos", "Otro menores de 18", "Otro adultos",
)
POPULATIONS = {**POP, "pendular": PENDULAR}
MECHANISMS = ("Bank transfer", "Prepaid card", "Cash in hand")
MONTH_NAMES = (("January", "enero"), ("February", "febrero"), ("March", "marzo"), ("April", "abril"),
               ("May", "mayo"), ("June", "junio"), ("July", "julio"), ("August", "agosto"),
               ("September", "septiembre"), ("October", "octubre"), ("November", "noviembre"),
               ("December", "diciembre"))
ZIP_TIME = (1980, 1, 1, 0, 0, 0)


@dataclass(frozen=True)
class Platform:
    """One country platform of the tree."""

    folder: str
    code: str
    name: str
    platform: str
    form: str                     # xlsx-en | xlsx-es | csv
    refugees: int                 # refugees and migrants in the country (key figure)
    required_usd: int
    lines: tuple[tuple, ...]      # tree_data: admin1, admin2, org, partner, code, activity, NEW, pop, age
    trend: dict = field(default_factory=dict)   # code -> {month: NEW multiplier}; 0 = not reported
    since: dict = field(default_factory=dict)   # line index -> first month the line reports
    defects: dict = field(default_factory=dict)  # (month, line index) -> host communities missing


def indicator(code: str, spanish: bool = False) -> tuple[str, str]:
    """Return (sector label, indicator text as exported) for a code, in Spanish for ``spanish``.

    RMRP 2023-2024 indicators carry the catalogue's official text (English or Spanish);
    platform indicators their own text (Spanish only, except GTRM Peru's ORIENTATION).
    """
    if code in MORE_RMRP:
        sector, text = MORE_RMRP[code], OFFICIAL[code][0]
    elif code in INDICATORS:
        sector, text = INDICATORS[code]
    else:
        sector, text = EXTRA_INDICATORS[code]
    if spanish:
        return SECTORS_ES[sector], OFFICIAL[code][1] if code in OFFICIAL else text
    return sector, text


def previous_month(month: str) -> str:
    """Return the month before ``month`` ('2023-01' -> '2022-12')."""
    year, mon = map(int, month.split("-"))
    return f"{year}-{mon - 1:02d}" if mon > 1 else f"{year - 1}-12"


def jitter(*key: object) -> float:
    """Return a stable factor in [0.94, 1.06] for ``key`` (no global random)."""
    digest = hashlib.sha256("|".join(map(str, key)).encode()).digest()
    return 0.94 + (int.from_bytes(digest[:4], "big") % 1201) / 10000


def factor(p: Platform, month: str, i: int) -> float:
    """Return the trend multiplier of line ``i`` in ``month`` (0: the line does not report)."""
    if month < p.since.get(i, ""):
        return 0
    return p.trend.get(p.lines[i][4], {}).get(month, 1)


def figures(p: Platform, month: str, i: int) -> tuple[int, int, int]:
    """Return (quantity of output, total monthly, new beneficiaries) of line ``i`` in ``month``."""
    code, base = p.lines[i][4], p.lines[i][6]
    new = max(1, round(base * factor(p, month, i) * jitter(p.code, month, i)))
    total = new + round(new * 0.06 * jitter(p.code, month, i, "tm"))
    ratio = OUTPUT_RATIO.get(code)
    return (max(1, round(new * ratio)) if ratio else new), total, new


def cells(p: Platform, month: str, i: int) -> list:
    """Return the cells of line ``i`` in ``month``: 29 (English headers) or 30 (Spanish)."""
    adm1, adm2, org, partner, code, activity, _, pop, age = p.lines[i]
    spanish = p.form == "xlsx-es"
    sector, text = indicator(code, spanish)
    qty, tm, new = figures(p, month, i)
    label = f"{code} {text}" if "_" in code or (i % 7 == 3 and code != ORIENTATION) else text
    pops, ages = split(new, POPULATIONS[pop]), split(new, AGE[age])
    pops[2] -= p.defects.get((month, i), 0)
    cash = code == "RE-MC1"
    usd = int(round(new * 65 * jitter(p.code, month, i, "usd"), -2)) if cash else None
    yes, no = ("Sí", "No") if spanish else ("Yes", "No")
    setup = (("A través de socio implementador" if spanish else "Through implementing partner")
             if partner else ("Directa" if spanish else "Direct"))
    row = [p.name, adm1, adm2 or None, org, setup, partner or org, month, sector, label, activity,
           f"{activity}." if spanish else None, yes, yes if cash else no, usd,
           MECHANISMS[i % 3] if cash else None, qty, tm, new, *[v or None for v in pops + ages]]
    if spanish:
        row.insert(11, no)  # COVID19
    return row


def rows(p: Platform, month: str) -> list[list]:
    """Return one month's export: two rows reported late for the month before, then the month."""
    late = [cells(p, previous_month(month), i) for i in (0, 1)]
    return late + [cells(p, month, i) for i in range(len(p.lines)) if factor(p, month, i)]


def write_export(p: Platform, month: str, folder: Path) -> str:
    """Return the file name of the 5W export written into ``folder``."""
    data = rows(p, month)
    if p.form == "csv":
        name = f"5W_{p.platform}_{p.name}_{month}.csv"
        with open(folder / name, "w", encoding="cp1252", newline="") as handle:
            writer = csv.writer(handle, delimiter=";", lineterminator="\r\n")
            writer.writerow(HEADER)
            writer.writerows([["" if v is None else v for v in row] for row in data])
        return name
    name = "5w.xlsx" if p.form == "xlsx-en" else f"5W_{p.platform}_{p.name}_{month}.xlsx"
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "5W" if p.form == "xlsx-en" else "Actividades"
    sheet.append(list(HEADER if p.form == "xlsx-en" else HEADER_ES))
    for row in data:
        sheet.append(row)
    workbook.properties.creator = "ActivityInfo"
    workbook.save(folder / name)
    fix_zip(folder / name)
    return name


def fix_zip(path: Path) -> None:
    """Return after rewriting an .xlsx with fixed entry times and core dates (same bytes every run)."""
    with zipfile.ZipFile(path) as source:
        entries = [(info.filename, source.read(info.filename)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w") as target:
        for name, data in entries:
            if name == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*",
                              rb"\g<1>2023-01-01T00:00:00Z", data)
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(info, data)


def report_yaml(p: Platform, month: str, data_name: str, previous: bool) -> str:
    """Return the text of one report.yaml (``previous``: the month before has a folder)."""
    year, mon = map(int, month.split("-"))
    en, es = MONTH_NAMES[mon - 1]
    orgs = sorted({x for line in p.lines for x in (line[2], line[3]) if x}, key=str.casefold)
    doc = {"country": p.code, "period": month, "platform": p.platform,
           "published": f"{year + mon // 12}-{mon % 12 + 1:02d}-10", "data": [data_name]}
    if previous:
        doc["previous"] = f"../{previous_month(month)}"
    doc |= {
        "key_figures": {"refugees_and_migrants": {"value": p.refugees,
                                                  "source": f"R4V, Government of {p.name}"}},
        "funding": {"funded_usd": int(round(p.required_usd * (0.04 + 0.018 * mon), -5)),
                    "required_usd": p.required_usd, "source": "Financial Tracking System (FTS)"},
        "situation": [{
            "en": f"In {en}, {p.platform} partners continued to respond to the needs of refugees "
                  f"and migrants from Venezuela in {p.name}, in destination and in transit.",
            "es": f"En {es}, los socios del {p.platform} continuaron respondiendo a las necesidades "
                  f"de las personas refugiadas y migrantes de Venezuela en {p.name}, en destino y "
                  "en tránsito."}],
        "coordination": [{
            "en": f"The {p.platform} held its monthly coordination meeting with the sector leads.",
            "es": f"El {p.platform} realizó su reunión mensual de coordinación con los líderes "
                  "sectoriales."}],
        "partners": orgs,
        "contacts": [{"en": f"{p.platform} information management: im@example.org",
                      "es": f"Gestión de información del {p.platform}: im@example.org"}],
    }
    head = ("# Written by samples/tools/make_tree.py: invented figures for the batch sample, not R4V\n"
            "# data. Edit the generator, not this file.\n")
    return head + yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=100)


def build(root: Path = ROOT, platforms: tuple[Platform, ...] | None = None,
          months: tuple[str, ...] = MONTHS) -> list[Path]:
    """Return the report folders written under ``root``."""
    written = []
    for p in platforms or PLATFORMS:
        for month in months:
            folder = root / p.folder / month
            folder.mkdir(parents=True, exist_ok=True)
            name = write_export(p, month, folder)
            text = report_yaml(p, month, name, previous_month(month) in months)
            (folder / "report.yaml").write_bytes(text.encode("utf-8"))
            written.append(folder)
    return written


# Month-over-month changes worth a sentence, and lines that start late or stop.
PLATFORMS = (
    Platform("per", "PER", "Peru", "GTRM", "xlsx-en", 1540000, 318000000, PER_LINES,
             trend={"RE-FS2_PER": {"2023-11": 1.6}, "RE-SH1": {"2023-09": 0.7, "2023-10": 0.8},
                    "RE-MC1": {"2023-09": 1.25, "2023-10": 1.2, "2023-11": 0.8}},
             since={20: "2023-11"}),
    Platform("ecu", "ECU", "Ecuador", "GTRM", "xlsx-es", 474945, 263800000, ECU_LINES,
             trend={"RE-HT1": {"2023-10": 1.1, "2023-11": 1.8}, "RE-SH4": {"2023-11": 0},
                    "RE-MC1": {"2023-10": 0.9, "2023-11": 0.6}},
             since={16: "2023-10"}),
    Platform("col", "COL", "Colombia", "GIFMM", "csv", 2875743, 1590000000, COL_LINES,
             trend={"RE-HE12_COL": {"2023-09": 0, "2023-11": 1.5},
                    "RE-FS3": {"2023-09": 1.2, "2023-11": 0.7}},
             defects={("2023-10", 5): 40}),
)


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT
    for folder in build(target):
        sys.stdout.write(f"wrote {folder}\n")
