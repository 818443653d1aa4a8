"""Build the shipped RMRP indicator catalogues from R4V's own files.

Usage: python tools/build_catalogues.py ../shared/real nlg/data/catalogues

Reads the official RMRP 2021 catalogue (``rmrp-2021-indicators.csv``: English text for the
regional indicators, Spanish for the country-specific ``_PER``/``_COL``/``_BRA`` ones), R4V's
Spanish-English table (``r4v-translate-es-en.csv``, rows ``variable = indicador``: the Spanish
texts of the regional 2021 indicators) and the 2023-2024 catalogue (official English and Spanish
texts). Writes one CSV per planning cycle with the columns of :mod:`nlg.catalogue`. Run by hand
when R4V publishes a new catalogue; the output is reviewed and committed.
"""
from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

COLUMNS = ("code", "cycle", "sector", "type", "official_type", "unit", "text_en", "text_es")
TYPES_2021 = {"Pin": "direct", "People": "people", "Other": "other"}
TYPES_2324 = {"direct assistance": "direct", "capacity building": "capacity",
              "campaign": "campaign", "mechanism/advocacy": "mechanism",
              "infrastructure": "infrastructure", "other": "other"}
COUNTRY_SPECIFIC = re.compile(r"_[A-Z]{3}$")
ENGLISH = re.compile(r"(#|number)\s*(of\b|capacity)", re.IGNORECASE)


def _key(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(handle)]


def _spaces(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def build_2021(real: Path) -> list[dict[str, str]]:
    spanish = {_key(row["english"]): _spaces(row["spanish"])
               for row in _read(real / "r4v-translate-es-en.csv") if row["variable"] == "indicador"}
    rows = []
    for row in _read(real / "rmrp-2021-indicators.csv"):
        code, text = row["CODE"], _spaces(row["Indicator"])
        local = bool(COUNTRY_SPECIFIC.search(code)) and not ENGLISH.match(text)
        rows.append({
            "code": code, "cycle": "2021", "sector": row["Sector...Subsector...WG"],
            "type": TYPES_2021[row["Indicator_Type"]], "official_type": row["Indicator_Type"],
            "unit": _spaces(row["Unit.of.measurement"]),
            "text_en": "" if local else text,
            "text_es": text if local else spanish.get(_key(text), ""),
        })
    return rows


def build_2324(real: Path) -> list[dict[str, str]]:
    return [{
        "code": row["CODE"], "cycle": "2023-2024", "sector": row["Sector/Subsector/WG"],
        "type": TYPES_2324[row["Indicator Type"].lower()], "official_type": row["Indicator Type"],
        "unit": "", "text_en": _spaces(row["Indicator"]), "text_es": _spaces(row["Indicador (SP)"]),
    } for row in _read(real / "rmrp-2023-2024-indicators.csv")]


def write(rows: list[dict[str, str]], path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(sorted(rows, key=lambda r: r["code"]))


def main(argv: list[str]) -> int:
    real, out = Path(argv[0]), Path(argv[1])
    write(build_2021(real), out / "rmrp-2021.csv")
    write(build_2324(real), out / "rmrp-2023-2024.csv")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
