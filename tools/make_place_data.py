"""Write nlg/data/places.json from pycountry: ISO 3166-1 codes and the ISO 3166-2
subdivisions of the R4V countries, so drafting need not load pycountry's databases.

Run after upgrading pycountry: python tools/make_place_data.py
(tests/test_place_data.py checks the shipped file against the installed pycountry).
"""
from __future__ import annotations

import json
from pathlib import Path

import pycountry

#: The 17 countries of the R4V response (plus Aruba and Curaçao as territories).
R4V = ("ARG", "ABW", "BOL", "BRA", "CHL", "COL", "CRI", "CUW", "DOM", "ECU", "GUY", "MEX",
       "PAN", "PRY", "PER", "TTO", "URY")
TARGET = Path(__file__).resolve().parent.parent / "nlg" / "data" / "places.json"


def build() -> dict:
    """Return the place data as written to nlg/data/places.json."""
    countries = {c.alpha_3: c.alpha_2 for c in pycountry.countries}
    admin1 = {}
    for alpha3 in R4V:
        subs = pycountry.subdivisions.get(country_code=countries[alpha3]) or ()
        admin1[alpha3] = sorted([s.name, s.code] for s in subs)
    return {"source": f"pycountry {pycountry.__version__ if hasattr(pycountry, '__version__') else ''}".strip(),
            "countries": dict(sorted(countries.items())), "admin1": admin1}


if __name__ == "__main__":
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    TARGET.write_text(json.dumps(build(), ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                      encoding="utf-8")
    print(f"wrote {TARGET}")
