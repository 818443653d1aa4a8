"""Write a benchmark tree: the 17 R4V countries x 12 months (2023-01..2023-12) of invented 5W data.

Peru, Ecuador and Colombia use their lines from ``tree_data.py``; every other country reuses
one of them (rotating, so all three export formats appear) with its own admin1 names, name
and figures. Output is deterministic. Do not commit it: it is for ``sitrep batch`` timings.
Run: ``python samples/tools/scale_tree.py OUT [--countries 17] [--months 12]``.
"""
from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_tree import PLATFORMS, build  # noqa: E402

# folder/code, name as a 5W export writes it, refugees and migrants (rounded, invented), admin1
OTHERS = (
    ("ARG", "Argentina", 220000, ("Buenos Aires", "Ciudad Autónoma de Buenos Aires", "Córdoba", "Mendoza", "Jujuy")),
    ("ABW", "Aruba", 17000, ("Oranjestad", "Noord", "San Nicolas")),
    ("BOL", "Bolivia", 16000, ("La Paz", "Santa Cruz", "Cochabamba", "Oruro")),
    ("BRA", "Brazil", 477000, ("Roraima", "Amazonas", "São Paulo", "Paraná", "Santa Catarina")),
    ("CHL", "Chile", 444000, ("Región Metropolitana de Santiago", "Tarapacá", "Antofagasta", "Arica y Parinacota")),
    ("CRI", "Costa Rica", 29000, ("San José", "Alajuela", "Heredia", "Puntarenas")),
    ("CUW", "Curaçao", 14000, ("Willemstad", "Sint Michiel", "Barber")),
    ("DOM", "Dominican Republic", 115000, ("Santo Domingo", "Santiago", "La Altagracia", "La Romana")),
    ("GUY", "Guyana", 19000, ("Barima-Waini", "Cuyuni-Mazaruni", "Demerara-Mahaica", "Essequibo Islands-West Demerara")),
    ("MEX", "Mexico", 81000, ("Ciudad de México", "Nuevo León", "Jalisco", "Quintana Roo", "Chiapas")),
    ("PAN", "Panama", 58000, ("Panamá", "Panamá Oeste", "Darién", "Colón")),
    ("PRY", "Paraguay", 5500, ("Asunción", "Central", "Alto Paraná")),
    ("TTO", "Trinidad and Tobago", 35000, ("Port of Spain", "San Fernando", "Chaguanas", "Arima")),
    ("URY", "Uruguay", 28000, ("Montevideo", "Canelones", "Maldonado", "Rivera")),
)


def platforms(count: int = 17) -> tuple:
    """Return ``count`` platforms: Peru, Ecuador, Colombia, then the others by code."""
    made = list(PLATFORMS)
    for i, (code, name, refugees, admin1) in enumerate(OTHERS):
        base = PLATFORMS[i % len(PLATFORMS)]
        names = list(dict.fromkeys(line[0] for line in base.lines))
        places = {old: admin1[j % len(admin1)] for j, old in enumerate(names)}
        lines = tuple((places[ln[0]], places[ln[0]], *ln[2:]) for ln in base.lines)
        made.append(replace(base, folder=code.lower(), code=code, name=name, platform="R4V",
                            refugees=refugees, required_usd=max(5_000_000, refugees * 120),
                            lines=lines, defects={}))
    return tuple(made[:count])


def months(count: int = 12) -> tuple[str, ...]:
    """Return the first ``count`` months of 2023."""
    return tuple(f"2023-{m:02d}" for m in range(1, count + 1))


def main(argv: list[str] | None = None) -> int:
    """Return 0 after writing the scaled tree."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--countries", type=int, default=17, choices=range(1, 18), metavar="1..17")
    parser.add_argument("--months", type=int, default=12, choices=range(1, 13), metavar="1..12")
    args = parser.parse_args(argv)
    folders = build(args.out, platforms(args.countries), months(args.months))
    sys.stdout.write(f"wrote {len(folders)} report folders under {args.out}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
