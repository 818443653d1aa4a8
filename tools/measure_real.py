"""Draft every country-month of real 5W exports and measure what a drafter would get.

Usage: python tools/measure_real.py EXPORT.xlsx [EXPORT.xlsx ...]

For each (country, month) in the exports, a minimal report folder is made in a temporary
directory (country, period, platform, refugees_and_migrants -- no ``columns:``), drafted in both
languages, and measured: exit (drafted / the error codes), bullets, flagged bullets, generic
fallbacks, the people-reached table and mojibake left in the text. Prints one line per report
and the totals. Nothing is written outside the temporary directory.
"""
from __future__ import annotations

import re
import sys
import tempfile
from collections import Counter
from pathlib import Path

import openpyxl
import pycountry

from nlg import api
from nlg.content.plan import GENERIC_QUOTE
from nlg.errors import SitrepError
from nlg.model import Lang

MOJIBAKE = re.compile(r"Ã[\x80-\xbf]|Â|â€")
MONTHS = {m: i for i, m in enumerate(["january", "february", "march", "april", "may", "june", "july",
                                       "august", "september", "october", "november", "december"], 1)}


def _month(value, year_hint: int) -> str | None:
    text = str(value or "").strip().lower()
    if re.match(r"^\d{4}-\d{2}", text):
        return text[:7]
    if text in MONTHS:
        return f"{year_hint:04d}-{MONTHS[text]:02d}"
    return None


def _pairs(path: Path) -> list[tuple[str, str]]:
    ws = openpyxl.load_workbook(path, read_only=True).active
    rows = ws.iter_rows(values_only=True)
    header = [str(h or "") for h in next(rows)]
    ci = next(i for i, h in enumerate(header) if h.lower().startswith("country") and "admin" not in h.lower())
    mi = next(i for i, h in enumerate(header) if "month" in h.lower() or h.lower() == "mes")
    year = int(re.search(r"20\d\d", path.name).group(0)) if re.search(r"20\d\d", path.name) else 2022
    seen = set()
    for r in rows:
        month = _month(r[mi], year)
        if r[ci] and month:
            seen.add((str(r[ci]).strip(), month))
    return sorted(seen)


def _iso3(name: str) -> str:
    fixes = {"Curacao": "CUW", "Curaçao": "CUW", "Bolivia": "BOL", "Venezuela": "VEN"}
    if name in fixes:
        return fixes[name]
    return pycountry.countries.search_fuzzy(name)[0].alpha_3


def measure(path: Path, country: str, month: str, tmp: Path) -> dict:
    folder = tmp / f"{_iso3(country)}-{month}"
    folder.mkdir()
    (folder / path.name).write_bytes(path.read_bytes())
    (folder / "report.yaml").write_text(
        f"country: {_iso3(country)}\nperiod: {month}\nplatform: R4V\ndata: [{path.name}]\n"
        "key_figures:\n  refugees_and_migrants: 100000\n", encoding="utf-8")
    try:
        draft = api.prepare(folder, compare=False)
        reports = api.realise_all(draft)
    except SitrepError as exc:
        return {"status": "refused " + ",".join(sorted({p.code for p in exc.problems})[:4])}
    bullets = [b for sp in draft.plan.sectors for b in sp.bullets]
    generic = sum(1 for b in bullets if b.messages[0].entry == GENERIC_QUOTE)
    flagged = Counter()
    text = ""
    for lang, rep in reports.items():
        paras = [p for blk in rep.sectors for p in blk.bullets if p.key]
        flagged[lang] = sum(1 for p in paras if p.review)
        text += " ".join(p.text for p in paras)
    cells = [t.value for t in draft.facts.sector_totals if t.value]
    return {"status": "drafted", "bullets": len(bullets), "generic": generic,
            "flagged_en": flagged[Lang.EN], "flagged_es": flagged[Lang.ES],
            "table": sum(cells), "assisted": draft.facts.people_assisted,
            "mojibake": len(MOJIBAKE.findall(text)), "warnings": len(draft.warnings)}


def main(argv: list[str]) -> int:
    totals = Counter()
    with tempfile.TemporaryDirectory() as tmp:
        for name in argv:
            path = Path(name)
            for country, month in _pairs(path):
                sub = Path(tmp) / f"{path.stem}-{len(totals) + totals['reports']}"
                sub.mkdir()
                m = measure(path, country, month, sub)
                totals["reports"] += 1
                totals[m["status"].split()[0]] += 1
                for k in ("bullets", "generic", "flagged_en", "flagged_es", "mojibake"):
                    totals[k] += m.get(k, 0)
                print(f"{path.name} {country} {month}: " + ", ".join(f"{k}={v}" for k, v in m.items()))
    b = totals["bullets"] or 1
    print(f"\n{totals['reports']} reports: {totals['drafted']} drafted, {totals['refused']} refused; "
          f"{totals['bullets']} bullets, {totals['generic']} generic fallbacks "
          f"({100 * totals['generic'] / b:.0f} %), flagged EN {totals['flagged_en']} "
          f"({100 * totals['flagged_en'] / b:.0f} %), ES {totals['flagged_es']} "
          f"({100 * totals['flagged_es'] / b:.0f} %); mojibake left: {totals['mojibake']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
