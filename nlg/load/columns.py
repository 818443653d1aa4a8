"""Header synonyms of 5W exports and the mapping of a table's columns to fields.

Known header sets (docs/methodology.md, "Reading exports"): the English 2025
regional template, the 2022 English labels, the Spanish 2022 template, the
2022-2024 internal R names, the 2021 ActivityInfo export as R wrote it (dotted
names: ``Sector...Subsector...WG``, ``Quantity.of.unit.measured``), and HXL.
Headers match ignoring case, accents, punctuation, extra spaces and
ActivityInfo's doubled words ("Country Country" is "Country").
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from functools import lru_cache

FIELDS: tuple[str, ...] = (
    "country", "admin1", "admin2", "appealing_org", "implementation",
    "implementing_partner", "month", "sector_label", "indicator_label",
    "indicator_code", "indicator_type", "activity_name", "activity_description",
    "covid19", "support_space", "platform", "rmrp", "cva", "value_usd", "delivery_mechanism",
    "quantity_output", "total_monthly", "new_beneficiaries",
    "in_destination", "in_transit", "host_communities", "pendulars", "returnees",
    "girls", "boys", "women", "men", "other_under", "other_above",
)
POPULATION_FIELDS: tuple[str, ...] = (
    "in_destination", "in_transit", "host_communities", "pendulars", "returnees")
AGE_GENDER_FIELDS: tuple[str, ...] = ("girls", "boys", "women", "men", "other_under", "other_above")
COUNT_FIELDS: tuple[str, ...] = (
    "quantity_output", "total_monthly", "new_beneficiaries", *POPULATION_FIELDS, *AGE_GENDER_FIELDS)
REQUIRED: tuple[str, ...] = (
    "country", "admin1", "month", "appealing_org", "sector_label", "indicator_label")
ONE_OF_COUNTS: tuple[str, ...] = ("total_monthly", "new_beneficiaries", "quantity_output")

# field: English 2025 template, Spanish 2022 template, R name, then other spellings.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "country": ("Country Country", "País Country", "Country", "País"),
    "admin1": ("Country Admin1", "País Admin1", "Admin1", "Admin 1", "Departamento"),
    "admin2": ("Admin2 Admin2", "Admin2", "Admin 2"),
    "appealing_org": ("Appealing organisation Name", "Socio principal Nombre", "Appealing_org",
                      "Appealing organization Name", "Appealing organisation",
                      "Appealing organization", "Socio principal", "Organisation",
                      "Organization", "Organización"),
    "implementation": ("Implementation Set up", "Método de implementacion", "Implementation",
                       "Método de implementación"),
    "implementing_partner": ("Implementing partner Name", "Socio Implementador Nombre",
                             "Implementing_partner", "Implementing partner",
                             "Socio implementador"),
    "month": ("Month", "Mes", "Reporting month", "Mes de reporte"),
    "sector_label": ("Indicator Sector", "Indicador Sector", "Subsector", "Sector",
                     "Sector...Subsector...WG", "Sector / Subsector / WG", "Sector Subsector",
                     "Sector / Subsector", "Subsector / WG"),
    "indicator_label": ("Indicator Indicator", "Indicador", "Indicator", "Indicador Indicador"),
    "indicator_code": ("Indicator code", "Código del indicador", "Código de indicador",
                       "Indicator_code", "Code", "Código"),
    "indicator_type": ("Indicator type", "Tipo de indicador", "Indicator_type"),
    "activity_name": ("Activity Name", "Nombre de la actividad", "Activity_Name", "Activity",
                      "Actividad"),
    "activity_description": ("Activity Description", "Descripcion de la actividad",
                             "Activity_Description"),
    "covid19": ("COVID19", "COVID-19", "COVID", "COVID.19.situation", "COVID 19 Situation",
                "Situación COVID-19", "Situación COVID 19"),
    "support_space": ("Support.Space.activity", "Support Space activity", "Support Space",
                      "Support Spaces", "Actividad de Espacio de Apoyo", "Espacio de Apoyo",
                      "Espacios de Apoyo"),
    "platform": ("Platform", "Plataforma", "Platform Name", "Country platform",
                 "Plataforma nacional", "National platform"),
    "rmrp": ("RMRP Activity", "Actividad RMRP", "RMRPActivity", "RMRP"),
    "cva": ("CVA", "Cash and Voucher Assistance", "CVA Yes/No"),
    "value_usd": ("Value (in USD)", "Valor de transferencia (en USD)", "Value", "Value USD",
                  "Valor (en USD)", "Value.of.Transfer.in.USD", "Value of transfer (in USD)"),
    "delivery_mechanism": ("Delivery mechanism", "Modalidad de entrega", "Delivery_mechanism"),
    "quantity_output": ("Quantity of output", "Cantidad de productos generados",
                        "Quantity_output", "Quantity.of.unit.measured", "Quantity of unit measured",
                        "Cantidad de unidad medida"),
    "total_monthly": ("Total monthly beneficiaries", "Total beneficiarios mensuales",
                      "Total_monthly"),
    "new_beneficiaries": ("New beneficiaries of the month", "Nuevos beneficiarios del mes",
                          "New_beneficiaries"),
    "in_destination": ("Refugees and Migrants IN DESTINATION",
                       "Refugiados y migrantes EN DESTINO", "IN_DESTINATION"),
    "in_transit": ("Refugees and Migrants IN TRANSIT", "Refugiados y migrantes EN TRANSITO",
                   "IN_TRANSIT"),
    "host_communities": ("Host Communities Beneficiaries", "Comunidades de acogida",
                         "Host_Communities"),
    "pendulars": ("Refugees and Migrants PENDULARS", "Refugiados y migrantes PENDULARES",
                  "PENDULARS"),
    "returnees": ("Colombian Returnees", "Colombianos Retornados", "Returnees"),
    "girls": ("Women under 18", "Ninas y Adolescentes menores de 18", "Girls"),
    "boys": ("Men under 18", "Ninos y Adolescentes menores de 18", "Boys"),
    "women": ("Women above 18", "Mujeres adultas", "Women"),
    "men": ("Men above 18", "Hombres adultos", "Men"),
    "other_under": ("Other under 18", "Otro menores de 18", "Other_under"),
    "other_above": ("Other above 18", "Otro adultos", "Other_above"),
}

# HXL: (hashtag, attributes that must be present, field). The most specific rule wins;
# a column carrying a disaggregation attribute the rule lacks does not match it.
HXL_RULES: tuple[tuple[str, frozenset[str], str], ...] = tuple(
    (tag, frozenset(attrs.split()), field) for tag, attrs, field in (
        ("#country", "", "country"), ("#adm1", "", "admin1"), ("#adm2", "", "admin2"),
        ("#org", "", "appealing_org"), ("#org", "prog", "appealing_org"),
        ("#org", "impl", "implementing_partner"), ("#date", "", "month"),
        ("#date", "reported", "month"), ("#sector", "", "sector_label"),
        ("#indicator", "", "indicator_label"), ("#indicator", "code", "indicator_code"),
        ("#indicator", "type", "indicator_type"), ("#activity", "", "activity_name"),
        ("#activity", "description", "activity_description"),
        ("#output", "", "quantity_output"), ("#value", "transfer", "value_usd"),
        ("#reached", "", "new_beneficiaries"), ("#reached", "new", "new_beneficiaries"),
        ("#reached", "monthly", "total_monthly"), ("#reached", "total", "total_monthly"),
        ("#reached", "destination", "in_destination"), ("#reached", "transit", "in_transit"),
        ("#reached", "host", "host_communities"), ("#reached", "pendular", "pendulars"),
        ("#reached", "returnees", "returnees"), ("#reached", "f children", "girls"),
        ("#reached", "m children", "boys"), ("#reached", "f adults", "women"),
        ("#reached", "m adults", "men"), ("#reached", "i children", "other_under"),
        ("#reached", "i adults", "other_above"), ("#cva", "", "cva"),
        ("#rmrp", "", "rmrp"), ("#delivery", "", "delivery_mechanism"),
        ("#x_setup", "", "implementation"), ("#x_platform", "", "platform"),
        ("#x_covid19", "", "covid19"), ("#x_support_space", "", "support_space"),
    ))
_DISAGG = frozenset("f m i children adults destination transit host pendular returnees "
                    "new monthly total impl prog code type description".split())

_NON_WORD = re.compile(r"[^a-z0-9#+]+")


@lru_cache(maxsize=4096)
def norm_header(text: str) -> str:
    """Return a header folded for matching (case, accents, punctuation, doubled words).

    >>> norm_header("  Country   Country ")
    'country'
    >>> norm_header("Niñas y Adolescentes menores de 18")
    'ninas y adolescentes menores de 18'
    """
    folded = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode()
    words = _NON_WORD.sub(" ", folded.casefold()).split()
    half = len(words) // 2
    if half and len(words) % 2 == 0 and words[:half] == words[half:]:
        words = words[:half]
    out = [w for i, w in enumerate(words) if i == 0 or w != words[i - 1]]
    return " ".join(out)


def _build_index() -> dict[str, str]:
    """Return normalised header text -> field, checking synonyms do not collide."""
    index: dict[str, str] = {}
    for field in FIELDS:
        index.setdefault(field.replace("_", " "), field)
        for text in SYNONYMS.get(field, ()):
            key = norm_header(text)
            if index.get(key, field) != field:
                raise AssertionError(f"header {text!r} maps to two fields")
            index[key] = field
    return index


HEADER_INDEX: dict[str, str] = _build_index()


def hxl_field(tag: str) -> str | None:
    """Return the field an HXL hashtag (with +attributes) stands for, or None.

    >>> hxl_field("#reached +f +children")
    'girls'
    >>> hxl_field("#reached+f") is None
    True
    """
    parts = [p.strip().casefold() for p in str(tag).replace(" ", "").split("+")]
    name, attrs = parts[0], frozenset(p for p in parts[1:] if p)
    best: tuple[int, str] | None = None
    for rule_tag, need, field in HXL_RULES:
        if rule_tag != name or not need <= attrs or (attrs - need) & _DISAGG:
            continue
        if best is None or len(need) > best[0]:
            best = (len(need), field)
    return best[1] if best else None


def resolve_field(name: str) -> str | None:
    """Return the canonical field for a field name or a known header, or None."""
    key = str(name).strip()
    if key in FIELDS:
        return key
    return HEADER_INDEX.get(norm_header(key)) or (hxl_field(key) if key.startswith("#") else None)


def header_field(header: str, hxl: str | None, user_map: Mapping[str, str]) -> str | None:
    """Return the field a column stands for: user map first, then synonyms, then HXL."""
    key = norm_header(header) if header else ""
    if key and key in user_map:
        return user_map[key]
    if key in HEADER_INDEX:
        return HEADER_INDEX[key]
    if header and str(header).lstrip().startswith("#"):
        return hxl_field(header)
    return hxl_field(hxl) if hxl else None


def map_columns(headers: Sequence[str], hxl: Sequence[str] | None,
                user_map: Mapping[str, str]) -> tuple[dict[str, int], list[tuple[str, int, int]]]:
    """Return field -> column index, and (field, kept, ignored) for duplicated fields.

    ``user_map`` is keyed by :func:`norm_header` of the user's header text. A
    column the user mapped wins over columns matched by synonyms (no duplicate
    is reported then); otherwise the leftmost column wins.
    """
    claims = []
    for idx, header in enumerate(headers):
        tag = hxl[idx] if hxl and idx < len(hxl) else None
        field = header_field(header, tag, user_map)
        if field is not None:
            claims.append((0 if header and norm_header(header) in user_map else 1, idx, field))
    found: dict[str, int] = {}
    by_user: set[str] = set()
    duplicates: list[tuple[str, int, int]] = []
    for rank, idx, field in sorted(claims):
        if field not in found:
            found[field] = idx
            if rank == 0:
                by_user.add(field)
        elif field not in by_user or rank == 0:
            duplicates.append((field, found[field], idx))
    return found, duplicates


def looks_like_header(cell: object) -> bool:
    """Return True when a cell's text is a known 5W header or HXL hashtag."""
    if not isinstance(cell, str) or not cell.strip() or len(cell) > 120:
        return False
    text = cell.strip()
    if text.startswith("#"):
        return hxl_field(text) is not None
    return norm_header(text) in HEADER_INDEX
