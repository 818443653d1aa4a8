"""The shipped place table matches the installed pycountry (regenerate with tools/make_place_data.py)."""
from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_shipped_places_match_pycountry():
    spec = importlib.util.spec_from_file_location("make_place_data", ROOT / "tools" / "make_place_data.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    shipped = json.loads((ROOT / "nlg" / "data" / "places.json").read_text(encoding="utf-8"))
    fresh = json.loads(json.dumps(module.build()))
    assert shipped["countries"] == fresh["countries"]
    assert shipped["admin1"] == fresh["admin1"]


def test_drafting_does_not_load_pycountry():
    import subprocess

    code = ("import sys; from nlg.places import is_admin1, country_code; from nlg.numfmt import country_name; "
            "country_name('PER', locale='es'); is_admin1('PER', 'Áncash'); country_code('Perú'); "
            "print('pycountry' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
