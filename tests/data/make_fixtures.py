"""Write the 5W fixtures of tests/data/good/ and tests/data/bad/ (run: python tests/data/make_fixtures.py).

good/: the same three records under every known header set (English 2025
template, Spanish 2022 template, R names, HXL), in the encodings, delimiters
and number conventions real exports use, plus hand-built .xlsx packages
(shared strings, date styles, formulas, rich text, a namespace prefix, cells
without references). bad/: one broken input per file, each with a
``.expect`` file (``code``, ``message`` substring, optional ``row``/``column``).
"""
from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import openpyxl

HERE = Path(__file__).resolve().parent
GOOD, BAD = HERE / "good", HERE / "bad"

EN = ("Country Country|Country Admin1|Admin2 Admin2|Appealing organisation Name|Implementation Set up|"
      "Implementing partner Name|Month|Indicator Sector|Indicator Indicator|Activity Name|"
      "Activity Description|RMRP Activity|CVA|Value (in USD)|Delivery mechanism|Quantity of output|"
      "Total monthly beneficiaries|New beneficiaries of the month|Refugees and Migrants IN DESTINATION|"
      "Refugees and Migrants IN TRANSIT|Host Communities Beneficiaries|Refugees and Migrants PENDULARS|"
      "Colombian Returnees|Women under 18|Men under 18|Women above 18|Men above 18|Other under 18|"
      "Other above 18").split("|")
ES = ("País Country|País Admin1|Admin2|Socio principal Nombre|Método de implementacion|"
      "Socio Implementador Nombre|Month|Indicador Sector|Indicador|Nombre de la actividad|"
      "Descripcion de la actividad|COVID19|Actividad RMRP|CVA|Valor de transferencia (en USD)|"
      "Modalidad de entrega|Cantidad de productos generados|Total beneficiarios mensuales|"
      "Nuevos beneficiarios del mes|Refugiados y migrantes EN DESTINO|Refugiados y migrantes EN TRANSITO|"
      "Comunidades de acogida|Refugiados y migrantes PENDULARES|Colombianos Retornados|"
      "Ninas y Adolescentes menores de 18|Ninos y Adolescentes menores de 18|Mujeres adultas|"
      "Hombres adultos|Otro menores de 18|Otro adultos").split("|")
R = ("Country|Admin1|Admin2|Appealing_org|Implementation|Implementing_partner|Month|Subsector|"
     "Indicator|Activity_Name|Activity_Description|RMRPActivity|CVA|Value|Delivery_mechanism|"
     "Quantity_output|Total_monthly|New_beneficiaries|IN_DESTINATION|IN_TRANSIT|Host_Communities|"
     "PENDULARS|Returnees|Girls|Boys|Women|Men|Other_under|Other_above").split("|")
HXL = ("#country|#adm1|#adm2|#org+prog|#x_setup|#org+impl|#date+reported|#sector|#indicator|"
       "#activity|#activity+description|#rmrp|#cva|#value+transfer+c_usd|#delivery|#output|"
       "#reached+monthly|#reached+new|#reached+destination|#reached+transit|#reached+host|"
       "#reached+pendular|#reached+returnees|#reached+f+children|#reached+m+children|"
       "#reached+f+adults|#reached+m+adults|#reached+i+children|#reached+i+adults").split("|")

EDU = "RE-ED5: # of teachers, officials or partners trained / empowered to improve education"
MPC = "RE-MC1 # of individuals benefitting from multipurpose cash transfers (MPC)"
# The records, in the English column order; month as "YYYY-MM", money as float.
RECORDS = [
    ["Peru", "Lima", "Lima", "UNICEF", "Through implementing partner", "Plan International",
     "2023-11", "Education", EDU, "Teacher training", "Talleres para docentes", "Yes", "No",
     None, None, 420, 420, 420, 76, 0, 344, 0, 0, 0, 0, 298, 118, 0, 4],
    ["Peru", "Áncash", None, "HIAS", "Direct", None, "2023-11",
     "Multipurpose Cash Assistance", MPC, "Cash transfers", None, "Yes", "Yes", 1234.5,
     "Bank transfer", 50, 1500, 1200, 1000, 100, 100, 0, 0, 300, 300, 300, 300, 0, 0],
    ["Peru", "Callao", None, "IOM", "Direct", None, "2023-10", "Health",
     "RE-HE10_PER N° de personas que reciben asistencia en salud sexual y reproductiva",
     "Consultas", None, "No", "No", None, None, 0, 35, 35, 35, 0, 0, 0, 0, 10, 5, 15, 5, 0, 0],
]
MONTHS = {"2023-11": (dt.datetime(2023, 11, 1), 45231, "nov-23", "2023-11-01"),
          "2023-10": (dt.datetime(2023, 10, 1), 45200, "oct-23", "2023-10-01")}


def _text(value: object, thousands: str = "", decimal: str = ".") -> str:
    """Return a cell as text written with the given separators."""
    if value is None:
        return ""
    if isinstance(value, float):
        whole, frac = f"{value:.2f}".split(".")
        return f"{int(whole):,}".replace(",", thousands) + decimal + frac
    if isinstance(value, int):
        return f"{value:,}".replace(",", thousands)
    return str(value)


def _es_row(rec: list) -> list:
    """Return a record in the Spanish 2022 column order (COVID19 column added)."""
    out = list(rec[:11]) + ["No"] + list(rec[11:])
    out[12] = {"Yes": "Sí", "No": "No"}[rec[11]]
    out[13] = {"Yes": "Si", "No": "No"}[rec[12]]
    return out


def _csv(path: Path, rows: list[list], encoding: str, delimiter: str) -> None:
    """Write rows as CSV text (quoted where needed) in an encoding."""
    def cell(v: object) -> str:
        s = "" if v is None else str(v)
        return '"' + s.replace('"', '""') + '"' if any(c in s for c in f'"{delimiter}\n') else s
    text = "\r\n".join(delimiter.join(cell(v) for v in row) for row in rows) + "\r\n"
    path.write_bytes(text.encode(encoding))


def good() -> None:
    """Write the good fixtures."""
    GOOD.mkdir(exist_ok=True)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "5W"
    ws.append(["GTRM Peru - 5W export, November 2023"])
    ws.append(EN)
    for i, rec in enumerate(RECORDS):
        row = list(rec)
        row[6] = MONTHS[rec[6]][0] if i != 1 else MONTHS[rec[6]][1]   # a date, an Excel serial
        ws.append(row)
        if i == 0:
            ws.append([None] * 5)                                      # a blank row
    ws.cell(row=3, column=7).number_format = "mmm-yy"
    wb.create_sheet("Notes").append(["not the data"])
    wb.save(GOOD / "en2025_title_row.xlsx")
    es = [ES] + [[_text(v, ".", ",") for v in _es_row(r)] for r in RECORDS]
    for row, rec in zip(es[1:], RECORDS):
        row[6] = MONTHS[rec[6]][2]
    _csv(GOOD / "es2022_cp1252_semicolon.csv", es, "cp1252", ";")
    rn = [R] + [[_text(v, ",", ".") for v in r] for r in RECORDS]
    for row, rec in zip(rn[1:], RECORDS):
        row[6] = MONTHS[rec[6]][3]
    _csv(GOOD / "rnames_utf8sig_comma.csv", rn, "utf-8-sig", ",")
    custom = [f"Column {i + 1}" for i in range(len(HXL))]
    _csv(GOOD / "hxl_utf8_tab.csv", [custom, HXL] + [[_text(v) for v in r] for r in RECORDS],
         "utf-8", "\t")
    write_package(GOOD / "en2025_excel_style.xlsx", [EN] + RECORDS, prefix="", refs=True)
    write_package(GOOD / "en2025_prefixed.xlsx", [EN] + RECORDS, prefix="x:", refs=True)
    write_package(GOOD / "en2025_no_refs.xlsx", [EN] + RECORDS, prefix="", refs=False)


def _col(index: int) -> str:
    """Return the column letters of a 0-based index."""
    name = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        name = chr(65 + rem) + name
    return name


def _cell(ref: str, value: object, strings: dict[str, int], p: str, col: int) -> str:
    """Return the XML of one cell the way Excel writes it ('' for an empty cell)."""
    attr = f' r="{ref}"' if ref else ""
    if value is None:
        return "" if ref else f"<{p}c/>"     # without references every cell must be written
    if isinstance(value, str) and col == 6:                       # month: a date-styled serial
        return f'<{p}c{attr} s="1"><{p}v>{MONTHS[value][1]}</{p}v></{p}c>'
    if isinstance(value, str) and col == 10:                      # rich-text inline string
        half = len(value) // 2
        return (f'<{p}c{attr} t="inlineStr"><{p}is><{p}r><{p}t>{escape(value[:half])}</{p}t></{p}r>'
                f'<{p}r><{p}rPr><{p}b/></{p}rPr><{p}t xml:space="preserve">{escape(value[half:])}'
                f'</{p}t></{p}r></{p}is></{p}c>')
    if isinstance(value, str):
        index = strings.setdefault(value, len(strings))
        return f'<{p}c{attr} t="s"><{p}v>{index}</{p}v></{p}c>'
    if col == 16:                                                 # a formula with its cached value
        return f'<{p}c{attr}><{p}f>P{ref[1:]}*1</{p}f><{p}v>{value}</{p}v></{p}c>'
    return f'<{p}c{attr}><{p}v>{value}</{p}v></{p}c>'


def write_package(path: Path, rows: list[list], prefix: str, refs: bool) -> None:
    """Write an .xlsx package by hand: shared strings, a date style, sparse cells."""
    ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    p = prefix
    strings: dict[str, int] = {}
    body = []
    for r, row in enumerate(rows, start=1):
        cells = "".join(_cell(f"{_col(c)}{r}" if refs else "", v if r > 1 else v, strings, p,
                              c if r > 1 else -1) for c, v in enumerate(row))
        body.append(f'<{p}row r="{r}">{cells}</{p}row>')
    xmlns = f'xmlns:{p[:-1]}="{ns}"' if p else f'xmlns="{ns}"'
    sheet = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<{p}worksheet {xmlns}>'
             f'<{p}sheetData>{"".join(body)}</{p}sheetData></{p}worksheet>')
    sst = "".join(f"<si><t>{escape(s)}</t></si>" for s in strings)
    parts = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>',
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{ns}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Export" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
        "xl/styles.xml": f'<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="{ns}"><numFmts count="1"><numFmt numFmtId="164" formatCode="mmm\\-yy"/></numFmts><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>',
        "xl/sharedStrings.xml": f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{ns}" count="{len(strings)}" uniqueCount="{len(strings)}">{sst}</sst>',
        "xl/worksheets/sheet1.xml": sheet,
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts.items():
            z.writestr(zipfile.ZipInfo(name, (2023, 12, 1, 0, 0, 0)), text,
                       compress_type=zipfile.ZIP_DEFLATED)


def _bad(name: str, content: bytes | str, code: str, message: str, **where: object) -> None:
    """Write one bad input and its expectation."""
    path = BAD / name
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    lines = [f"code: {code}", f"message: {message}"] + [f"{k}: {v}" for k, v in where.items()]
    (BAD / (name + ".expect")).write_text("\n".join(lines) + "\n", encoding="utf-8")


def _rows_csv(change: dict[str, str] | None = None, drop: str | None = None,
              month: str = "2023-11") -> str:
    """Return a small English-header CSV with one cell changed or one column dropped."""
    header = [h for h in EN if h != drop]
    rec = dict(zip(EN, [_text(v) for v in RECORDS[0]]))
    rec["Month"] = month
    rec.update(change or {})
    return ",".join(f'"{h}"' for h in header) + "\n" + ",".join(
        f'"{rec[h]}"' for h in header) + "\n"


def bad() -> None:
    """Write the bad corpus."""
    BAD.mkdir(exist_ok=True)
    for old in BAD.iterdir():
        old.unlink()
    _bad("empty.csv", b"", "E202", "file is empty")
    _bad("blank_lines.csv", "\r\n \r\n", "E202", "file is empty")
    _bad("binary_junk.csv", bytes(range(256)) * 8, "E203", "binary content")
    whole = (GOOD / "en2025_title_row.xlsx").read_bytes()
    _bad("truncated.xlsx", whole[: len(whole) // 2], "E203", "damaged or incomplete")
    _bad("text_named.xlsx", _rows_csv(), "E203", "not a valid Excel workbook")
    _bad("old_format.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504, "E203", ".xls")
    _bad("title_only.csv", "5W Peru November 2023\r\n", "E202", "no table found")
    _bad("missing_month.csv", _rows_csv(drop="Month"), "E205", "required column Month is missing")
    _bad("missing_counts.csv", _rows_csv(drop="Quantity of output").replace(
        '"Total monthly beneficiaries","New beneficiaries of the month",', '').replace(
        '"420","420","420","76"', '"76"'), "E205", "Total monthly beneficiaries or")
    _bad("count_1.2k.csv", _rows_csv({"Total monthly beneficiaries": "1.2k"}), "E206",
         "expected a whole number", row=2, column="Total monthly beneficiaries", value="1.2k")
    _bad("count_negative.csv", _rows_csv({"Quantity of output": "-5"}), "E207",
         "expected a count of 0 or more", row=2, column="Quantity of output", value="-5")
    _bad("count_words_new.csv", _rows_csv({"New beneficiaries of the month": "unos 20"}),
         "E206", "expected a whole number", row=2, column="New beneficiaries of the month",
         value="unos 20")
    _bad("count_ambiguous.csv", _rows_csv({"Quantity of output": "1,234"}), "E209",
         "thousands separator", row=2, column="Quantity of output", value="1,234")
    _bad("bad_month.csv", _rows_csv(month="Novembre 2023"), "E210", "expected a month",
         row=2, column="Month", value="Novembre 2023")
    _bad("empty_month.csv", _rows_csv(month=""), "E210", "the cell is empty", row=2,
         column="Month")
    _bad("no_row_in_period.csv", _rows_csv(month="2022-05"), "E211",
         "no row is in the report period")
    _bad("bad_yes_no.csv", _rows_csv({"CVA": "maybe"}), "E213", "expected Yes or No", row=2,
         column="CVA", value="maybe")
    _bad("bad_value.csv", _rows_csv({"Value (in USD)": "lots"}), "E214", "amount in USD",
         row=2, column="Value (in USD)", value="lots")
    _bad("bad_country.csv", _rows_csv({"Country Country": "Perusia"}), "E215",
         "expected a country", row=2, column="Country Country", value="Perusia")


if __name__ == "__main__":
    good()
    bad()
