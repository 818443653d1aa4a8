"""Write samples/peru-2023-11/5w.xlsx, a 5W export that reconstructs the GTRM Peru report of 2023-11.

The data is invented, but its November aggregation reproduces the figures of the published
situation report (see samples/README.md). Rows are spelled out in ``ROWS`` below; the breakdown
columns are derived from each row's New beneficiaries with named profiles, split by largest
remainder, so the file is fully deterministic. Run: ``python samples/tools/make_peru_sample.py``.
"""
from __future__ import annotations

import csv
import sys
from pathlib import Path

from openpyxl import Workbook

HEADER = (
    "Country Country", "Country Admin1", "Admin2 Admin2", "Appealing organisation Name",
    "Implementation Set up", "Implementing partner Name", "Month", "Indicator Sector",
    "Indicator Indicator", "Activity Name", "Activity Description", "RMRP Activity", "CVA",
    "Value (in USD)", "Delivery mechanism", "Quantity of output", "Total monthly beneficiaries",
    "New beneficiaries of the month", "Refugees and Migrants IN DESTINATION",
    "Refugees and Migrants IN TRANSIT", "Host Communities Beneficiaries",
    "Refugees and Migrants PENDULARS", "Colombian Returnees", "Women under 18", "Men under 18",
    "Women above 18", "Men above 18", "Other under 18", "Other above 18",
)
OUT = Path(__file__).resolve().parents[1] / "peru-2023-11" / "5w.xlsx"

CATALOGUE = Path(__file__).resolve().parents[2] / "nlg" / "data" / "catalogues" / "rmrp-2023-2024.csv"


def official_texts(path: Path = CATALOGUE) -> dict[str, tuple[str, str]]:
    """Return code -> (official English text, official Spanish text) of the RMRP 2023-2024 catalogue."""
    with open(path, encoding="utf-8", newline="") as handle:
        return {r["code"]: (r["text_en"], r["text_es"]) for r in csv.DictReader(handle)}


OFFICIAL = official_texts()
# RMRP 2023-2024 indicators of the sample -> sector label as exported. Their text is the
# catalogue's official English text, written exactly (2021 equivalents in samples/README.md).
RMRP = {
    "RE-E01": "Education", "RE-E03": "Education", "RE-E06": "Education",
    "RE-FS3": "Food Security", "RE-HE1": "Health", "RE-HT1": "Humanitarian Transportation",
    "RE-IN1": "Integration", "RE-IN6": "Integration", "RE-PR1": "Protection",
    "RE-CP2": "Protection (Child Protection)", "RE-NU4": "Nutrition", "RE-SH1": "Shelter",
    "RE-WA3": "WASH", "RE-MC1": "Multipurpose Cash Assistance",
}
# GTRM Peru's own indicators, in no 2023-2024 form (samples/README.md says why each stays):
# code -> (sector label, text as exported). The _PER ones are Spanish only and always written
# with their code in front; ORIENTATION is written in English without a code.
ORIENTATION = "PER-ORIENTATION"
PLATFORM = {
    "RE-FS2_PER": ("Food Security", "# de kits de alimentos y refrigerios entregados a personas refugiadas y migrantes en tránsito"),
    "RE-HE5_PER": ("Health", "# de consultas de salud mental brindadas"),
    "RE-HE8_PER": ("Health", "# de personas con discapacidad que reciben atención en salud, incluida rehabilitación física"),
    "RE-HE9_PER": ("Health", "# de funcionarios públicos capacitados en salud inclusiva"),
    "RE-INT3_PER": ("Integration", "# de personas capacitadas en autoempleo y emprendimiento"),
    "RE-INT4_PER": ("Integration", "# de personas certificadas al concluir programas de emprendimiento"),
    "RE-INT6_PER": ("Integration", "# de emprendedores que reciben capital semilla para sus planes de negocio"),
    "RE-PR7_PER": ("Protection", "# de kits psicosociales entregados a personas en tránsito"),
    "RE-PRGBV3_PER": ("Protection (GBV)", "# de actividades de empoderamiento para mujeres y adolescentes en riesgo o sobrevivientes de VBG"),
    "RE-NU5_PER": ("Nutrition", "# de niñas y niños de 24 a 59 meses que reciben suplementos nutricionales"),
    "RE-NU7_PER": ("Nutrition", "# de niños de 6 a 59 meses sometidos a exámenes de detección de anemia en una comunidad"),
    ORIENTATION: ("Protection", "# of refugees and migrants who received information and orientation on rights and access to services"),
}
# code -> (sector label as exported, indicator text as exported without its code)
INDICATORS = {**{code: (sector, OFFICIAL[code][0]) for code, sector in RMRP.items()}, **PLATFORM}

# Population-type weights: IN DESTINATION, IN TRANSIT, HOST, PENDULARS, COLOMBIAN RETURNEES.
POP = {
    "dest": (80, 4, 14, 1, 1), "transit": (6, 90, 3, 1, 0), "border": (40, 48, 8, 4, 0),
    "host": (18, 0, 82, 0, 0), "mixed": (62, 6, 28, 3, 1),
}
# Age/gender weights: women <18, men <18, women 18+, men 18+, other <18, other 18+.
AGE = {
    "adults": (7, 6, 46, 40, 0, 1), "family": (24, 23, 29, 23, 0, 1), "children": (49, 50, 0, 0, 1, 0),
    "under5": (51, 49, 0, 0, 0, 0), "trainees": (0, 0, 71, 28, 0, 1), "women": (31, 2, 64, 3, 0, 0),
    "men": (0, 6, 0, 94, 0, 0), "dignity": (38, 0, 62, 0, 0, 0),
}

# Code ending in "*": the export writes the code in front of the text. Implementing partner "":
# direct implementation. ``extra``: usd/mech for cash rows, defect for the deliberate warnings.
# month, admin1, admin2, appealing org, implementing partner, code, activity, qty, tm, new, pop, age, extra
ROWS = [
    ("2023-11", "Lima", "Lima", "UNICEF", "Plan International", "RE-E06", "Teacher training on peaceful coexistence and xenophobia prevention", 420, 420, 420, "host", "trainees", {}),
    ("2023-11", "Tumbes", "Tumbes", "Save the Children", "", "RE-E06", "Capacitación docente en convivencia escolar y prevención de la xenofobia", 286, 286, 286, "host", "trainees", {}),
    ("2023-11", "Lima", "Lima", "Plan International", "", "RE-E06", "Training of school principals and parents on inclusive education", 200, 200, 200, "host", "trainees", {}),
    ("2023-11", "Tumbes", "Tumbes", "Plan International", "", "RE-E01", "Support for enrolment in alternative education programmes", 120, 120, 120, "dest", "children", {}),
    ("2023-11", "Tumbes", "Zarumilla", "Save the Children", "", "RE-E01", "Inscripción en programas de educación alternativa", 86, 86, 86, "mixed", "children", {}),
    ("2023-11", "Lima", "Lima", "World Vision", "", "RE-E03", "School kits for permanence in school", 980, 1030, 980, "dest", "children", {}),
    ("2023-11", "Callao", "Callao", "UNICEF", "Aldeas Infantiles SOS", "RE-E03", "Entrega de útiles escolares", 612, 640, 612, "dest", "children", {}),
    ("2023-11", "La Libertad", "Trujillo", "Save the Children", "", "RE-E03", "School retention support and tutoring", 456, 480, 456, "dest", "children", {}),
    ("2023-11", "Arequipa", "Arequipa", "Plan International", "", "RE-E03", "School kits for permanence in school", 400, 420, 400, "dest", "children", {}),
    ("2023-11", "Lima", "Lima", "ACNUR", "Encuentros SJM", "RE-E03*", "Becas y acompañamiento para la permanencia escolar", 300, 320, 300, "dest", "children", {}),
    ("2023-10", "Lima", "Lima", "WFP", "Cáritas del Perú", "RE-FS3", "In-kind food baskets", 2180, 2300, 2180, "dest", "family", {}),
    ("2023-11", "Tumbes", "Zarumilla", "Cruz Roja Peruana", "", "RE-FS2_PER", "Food kits and snacks for people in transit", 1400, 1150, 1150, "transit", "adults", {}),
    ("2023-11", "Tumbes", "Zarumilla", "ADRA", "", "RE-FS2_PER", "Entrega de kits de alimentos y refrigerios", 700, 580, 580, "transit", "family", {}),
    ("2023-11", "Tumbes", "Tumbes", "Acción Contra el Hambre", "", "RE-FS2_PER", "Food kits and snacks for people in transit", 450, 370, 370, "border", "adults", {}),
    ("2023-11", "Lima", "Lima", "WFP", "Cáritas del Perú", "RE-FS3", "In-kind food baskets", 2300, 2450, 2300, "dest", "family", {}),
    ("2023-11", "Lima", "Lima", "Acción Contra el Hambre", "", "RE-FS3", "Hot meals in community kitchens", 1240, 1330, 1240, "mixed", "family", {}),
    ("2023-11", "Tacna", "Tacna", "ADRA", "", "RE-FS3*", "Hot meals for people in transit", 890, 950, 890, "border", "adults", {}),
    ("2023-11", "Piura", "Piura", "Cáritas del Perú", "", "RE-FS3", "Canastas de alimentos", 760, 810, 760, "mixed", "family", {}),
    ("2023-11", "La Libertad", "Trujillo", "World Vision", "", "RE-FS3", "In-kind food baskets", 900, 960, 900, "dest", "family", {}),
    ("2023-11", "Lima", "Lima", "Socios en Salud", "", "RE-HE5_PER", "Mental health consultations", 180, 140, 140, "dest", "adults", {}),
    ("2023-11", "Tumbes", "Zarumilla", "HIAS", "", "RE-HE5_PER", "Atención en salud mental y apoyo emocional", 122, 98, 98, "border", "adults", {}),
    ("2023-11", "Tacna", "Tacna", "Médicos Sin Fronteras", "", "RE-HE5_PER", "Mental health consultations", 90, 72, 72, "border", "adults", {}),
    ("2023-11", "Lima", "Lima", "Humanity & Inclusion", "", "RE-HE8_PER", "Physical rehabilitation for persons with disabilities", 230, 230, 230, "mixed", "family", {}),
    ("2023-11", "Lima", "Lima", "ACNUR", "Humanity & Inclusion", "RE-HE8_PER", "Atención en salud y rehabilitación para personas con discapacidad", 120, 120, 120, "dest", "adults", {}),
    ("2023-11", "Lima", "Lima", "Humanity & Inclusion", "", "RE-HE9_PER", "Training of public officials on inclusive health", 61, 61, 61, "host", "trainees", {}),
    ("2023-11", "Callao", "Callao", "OPS/OMS", "", "RE-HE9_PER", "Capacitación a personal de salud en salud inclusiva", 32, 32, 32, "host", "trainees", {}),
    ("2023-11", "Lima", "Lima", "Socios en Salud", "", "RE-HE1", "Primary health care consultations", 1420, 1560, 1420, "mixed", "family", {}),
    ("2023-11", "Callao", "Callao", "OIM", "Foro Salud Callao", "RE-HE1*", "Atención primaria de salud", 610, 690, 610, "mixed", "family", {}),
    ("2023-11", "Tumbes", "Zarumilla", "Cruz Roja Peruana", "", "RE-HE1", "Primary health care at the border", 640, 700, 640, "border", "adults", {}),
    ("2023-11", "Arequipa", "Arequipa", "INPPARES", "", "RE-HE1", "Sexual and reproductive health consultations", 429, 470, 429, "dest", "women", {}),
    ("2023-11", "Lima", "Lima", "OPS/OMS", "", "RE-HE1", "Primary health care consultations", 620, 680, 620, "dest", "family", {}),
    ("2023-10", "Cusco", "Cusco", "OPS/OMS", "", "RE-HE1", "Primary health care consultations", 210, 230, 210, "dest", "family", {}),
    ("2023-11", "Tumbes", "Zarumilla", "OIM", "", "RE-HT1", "Border-to-border humanitarian transport", 44, 44, 44, "transit", "family", {}),
    ("2023-11", "Tacna", "Tacna", "OIM", "", "RE-HT1", "Transporte humanitario de frontera a frontera", 24, 24, 24, "transit", "family", {}),
    ("2023-11", "Lima", "Lima", "ACNUR", "Asociación Quinta Ola", "RE-IN6", "Cinema in your neighbourhood", 120, 120, 120, "mixed", "family", {}),
    ("2023-11", "Lima", "Lima", "Unión Venezolana", "", "RE-IN6", "Cinema in your neighbourhood", 80, 80, 80, "mixed", "family", {}),
    ("2023-11", "Lima", "Lima", "CARE", "", "RE-INT3_PER", "Self-employment and entrepreneurship training", 310, 310, 310, "dest", "adults", {}),
    ("2023-11", "La Libertad", "Trujillo", "Swisscontact", "", "RE-INT3_PER", "Capacitación en autoempleo y emprendimiento", 194, 194, 194, "dest", "adults", {}),
    ("2023-11", "Arequipa", "Arequipa", "World Vision", "", "RE-INT3_PER", "Self-employment and entrepreneurship training", 180, 180, 180, "mixed", "adults", {}),
    ("2023-11", "Lima", "Lima", "CARE", "", "RE-INT4_PER", "Certificación de egresados del programa Empreza & Incuve", 51, 51, 51, "dest", "adults", {}),
    ("2023-11", "Lima", "Lima", "Sparkassenstiftung Alemana", "", "RE-INT6_PER", "Seed capital for business plans", 23, 23, 23, "mixed", "adults", {}),
    ("2023-11", "Lima", "Lima", "OIM", "", "RE-IN1", "Job placement and labour intermediation", 2100, 2200, 2100, "dest", "adults", {}),
    ("2023-11", "Lima", "Lima", "ACNUR", "Encuentros SJM", "RE-IN1", "Talleres de empleabilidad", 1050, 1100, 1050, "mixed", "adults", {}),
    ("2023-11", "Arequipa", "Arequipa", "Cáritas del Perú", "", "RE-IN1", "Job placement and labour intermediation", 812, 850, 812, "dest", "adults", {}),
    ("2023-11", "Piura", "Piura", "HIAS", "", "RE-IN1", "Employability workshops", 720, 750, 720, "mixed", "adults", {}),
    ("2023-11", "Lima", "Lima", "ACNUR", "Encuentros SJM", "RE-PR1", "Case management and specialised protection services", 260, 260, 260, "dest", "family", {}),
    ("2023-11", "Tumbes", "Zarumilla", "HIAS", "", "RE-PR1", "Atención psicosocial y servicios de protección", 198, 198, 198, "border", "adults", {}),
    ("2023-11", "Tacna", "Tacna", "ACNUR", "Encuentros SJM", "RE-PR1*", "Case management and specialised protection services", 150, 150, 150, "border", "family", {}),
    ("2023-11", "Tumbes", "Zarumilla", "Plan International", "", "RE-PR7_PER", "Psychosocial kits for people in transit", 93, 93, 93, "transit", "family", {}),
    ("2023-11", "Tumbes", "Zarumilla", "World Vision", "", "RE-PR7_PER", "Entrega de kits psicosociales", 60, 60, 60, "transit", "family", {}),
    ("2023-11", "Lima", "Lima", "UNICEF", "Aldeas Infantiles SOS", "RE-CP2", "Community-based psychosocial support for children and families", 812, 812, 812, "dest", "family", {}),
    ("2023-11", "Tumbes", "Tumbes", "Save the Children", "", "RE-CP2", "Apoyo psicosocial comunitario a NNA y sus familias", 640, 640, 640, "border", "family", {}),
    ("2023-11", "Piura", "Piura", "World Vision", "", "RE-CP2", "Community-based psychosocial support for children and families", 535, 535, 535, "mixed", "family", {}),
    ("2023-11", "Lima", "Lima", "CARE", "", "RE-PRGBV3_PER", "Empowerment workshops for women and adolescents", 62, 480, 480, "dest", "women", {}),
    ("2023-11", "Tumbes", "Tumbes", "UNFPA", "INPPARES", "RE-PRGBV3_PER", "Talleres de empoderamiento para mujeres y adolescentes", 45, 360, 360, "mixed", "women", {}),
    ("2023-11", "Tacna", "Tacna", "HIAS", "", "RE-PRGBV3_PER", "Empowerment workshops for women and adolescents", 36, 280, 280, "mixed", "women", {}),
    ("2023-11", "Lima", "Lima", "ACNUR", "Encuentros SJM", ORIENTATION, "Information and orientation on rights and access to services", 3200, 3420, 3200, "dest", "adults", {}),
    ("2023-11", "Lima", "Lima", "OIM", "", ORIENTATION, "Orientación migratoria y legal", 1850, 1960, 1850, "dest", "adults", {}),
    ("2023-11", "Callao", "Callao", "HIAS", "", ORIENTATION, "Information and orientation on rights and access to services", 720, 760, 720, "dest", "adults", {}),
    ("2023-11", "Tumbes", "Zarumilla", "OIM", "", ORIENTATION, "Information desks at the border", 1480, 1560, 1480, "border", "family", {}),
    ("2023-10", "Áncash", "Santa", "Cáritas del Perú", "", ORIENTATION, "Orientación sobre derechos y acceso a servicios", 310, 330, 310, "dest", "adults", {}),
    ("2023-11", "Tacna", "Tacna", "ACNUR", "Encuentros SJM", ORIENTATION, "Information and orientation on rights and access to services", 1100, 1150, 1100, "border", "adults", {}),
    ("2023-11", "Piura", "Piura", "Cáritas del Perú", "", ORIENTATION, "Orientación sobre derechos y acceso a servicios", 820, 870, 820, "mixed", "adults", {}),
    ("2023-11", "Arequipa", "Arequipa", "Encuentros SJM", "", ORIENTATION, "Legal orientation and information sessions", 690, 720, 690, "dest", "adults", {}),
    ("2023-11", "La Libertad", "", "World Vision", "", ORIENTATION, "Information and orientation on rights and access to services", 760, 800, 760, "dest", "family", {}),
    ("2023-11", "Cusco", "Cusco", "Cáritas del Perú", "", ORIENTATION, "Orientación sobre derechos y acceso a servicios", 289, 310, 289, "dest", "adults", {}),
    ("2023-11", "Puno", "Chucuito", "OIM", "", ORIENTATION, "Information desk in Desaguadero", 440, 470, 440, "border", "adults", {}),
    ("2023-11", "Tumbes", "Tumbes", "Acción Contra el Hambre", "", "RE-NU5_PER", "Nutritional supplements for children aged 24-59 months", 384, 384, 384, "mixed", "under5", {}),
    ("2023-11", "Tumbes", "Zarumilla", "UNICEF", "Plan International", "RE-NU5_PER", "Entrega de suplementos nutricionales a niñas y niños", 220, 220, 220, "border", "under5", {}),
    ("2023-11", "Tumbes", "Tumbes", "Acción Contra el Hambre", "", "RE-NU7_PER", "Tamizaje de anemia", 156, 156, 156, "mixed", "under5", {}),
    ("2023-11", "Lima", "Lima", "Acción Contra el Hambre", "", "RE-NU4", "Community screening of acute malnutrition", 402, 402, 402, "mixed", "under5", {}),
    ("2023-11", "Piura", "Piura", "UNICEF", "Cáritas del Perú", "RE-NU4", "Tamizaje comunitario de desnutrición aguda", 256, 256, 256, "mixed", "under5", {}),
    ("2023-10", "Tumbes", "Zarumilla", "OIM", "", "RE-SH1", "Temporary collective shelter", 700, 700, 700, "border", "family", {}),
    ("2023-11", "Tumbes", "Zarumilla", "OIM", "", "RE-SH1", "Temporary collective shelter", 720, 720, 720, "border", "family", {}),
    ("2023-11", "Tacna", "Tacna", "Asociación Scalabrinianos", "", "RE-SH1", "Alojamiento temporal en albergue", 486, 486, 486, "border", "family", {}),
    ("2023-11", "Lima", "Lima", "ACNUR", "Asociación Scalabrinianos", "RE-SH1", "Temporary collective shelter", 450, 450, 450, "dest", "family", {}),
    ("2023-11", "Tumbes", "Zarumilla", "OIM", "", "RE-WA3", "Hygiene kits for men in transit", 310, 220, 208, "transit", "men", {}),
    ("2023-11", "Tacna", "Tacna", "OIM", "", "RE-WA3", "Hygiene kits for men in transit", 195, 140, 132, "transit", "men", {}),
    ("2023-11", "Tumbes", "Zarumilla", "UNFPA", "", "RE-WA3", "Dignity kits for adolescents and women", 120, 92, 86, "transit", "dignity", {}),
    ("2023-11", "Tacna", "Tacna", "UNFPA", "INPPARES", "RE-WA3", "Dignity kits for adolescents and women", 76, 58, 54, "border", "dignity", {}),
    ("2023-11", "Tacna", "Tacna", "UNICEF", "", "RE-WA3", "Newborn kits", 24, 24, 22, "border", "under5", {}),
    ("2023-11", "Tumbes", "Tumbes", "UNICEF", "", "RE-WA3", "Newborn kits", 28, 28, 26, "border", "under5", {}),
    ("2023-11", "Madre de Dios", "Tambopata", "UNICEF", "Cáritas Madre de Dios", "RE-WA3", "Newborn kits", 12, 12, 12, "border", "under5", {}),
    ("2023-11", "Lima", "Lima", "World Vision", "", "RE-WA3", "Family hygiene kits", 120, 196, 184, "dest", "family", {}),
    ("2023-11", "Piura", "Piura", "CARE", "", "RE-WA3", "Family hygiene kits", 77, 130, 119, "mixed", "family", {}),
    ("2023-10", "Lima", "Lima", "ACNUR", "", "RE-MC1", "Multipurpose cash transfers", 1250, 1250, 1250, "dest", "family", {"usd": 87500, "mech": "Bank transfer"}),
    ("2023-11", "Lima", "Lima", "ACNUR", "", "RE-MC1", "Multipurpose cash transfers", 1300, 1300, 1300, "dest", "family", {"usd": 91000, "mech": "Bank transfer"}),
    ("2023-11", "Lima", "Lima", "HIAS", "", "RE-MC1", "Transferencias monetarias multipropósito", 850, 850, 850, "dest", "family", {"usd": 59500, "mech": "Prepaid card"}),
    ("2023-11", "Callao", "Callao", "CARE", "", "RE-MC1", "Multipurpose cash transfers", 780, 780, 780, "dest", "family", {"usd": 50700, "mech": "Prepaid card"}),
    ("2023-11", "La Libertad", "Trujillo", "World Vision", "", "RE-MC1", "Multipurpose cash transfers", 1020, 1020, 1020, "dest", "family", {"usd": 76500, "mech": "Prepaid card"}),
    ("2023-11", "Arequipa", "Arequipa", "Save the Children", "", "RE-MC1", "Transferencias monetarias multipropósito", 651, 651, 651, "dest", "family", {"usd": 40400, "mech": "Bank transfer"}),
    ("2023-11", "Tumbes", "Zarumilla", "OIM", "", "RE-MC1*", "Cash for people in transit", 1400, 1400, 1400, "border", "family", {"usd": 84000, "mech": "Cash in hand"}),
    ("2023-10", "Piura", "Piura", "HIAS", "", "RE-IN1", "Employability workshops", 640, 680, 640, "mixed", "adults", {}),
]

# One generic description per indicator, as partners often paste the same text on every row.
DESCRIPTIONS = {
    "Education": "Actividades educativas para población refugiada y migrante y comunidad de acogida.",
    "Food Security": "Asistencia alimentaria en especie.",
    "Health": "Atención en salud y fortalecimiento de capacidades.",
    "Humanitarian Transportation": "Transporte humanitario entre puntos de frontera.",
    "Integration": "Integración socioeconómica y cohesión social.",
    "Protection": "Servicios de protección, orientación y apoyo psicosocial.",
    "Nutrition": "Atención nutricional a niñas y niños.", "Shelter": "Alojamiento temporal colectivo.",
    "WASH": "Distribución de kits de higiene.",
    "Multipurpose Cash Assistance": "Transferencias monetarias multipropósito (MPC).",
}


def split(total: int, weights: tuple[int, ...]) -> list[int]:
    """Return ``total`` split by ``weights`` with the largest-remainder method (ties: first column)."""
    whole = sum(weights)
    parts = [total * w // whole for w in weights]
    order = sorted(range(len(weights)), key=lambda i: (-(total * weights[i] % whole), i))
    for i in order[: total - sum(parts)]:
        parts[i] += 1
    return parts


def breakdown(new: int, pop: str, age: str, defect: str) -> list[int]:
    """Return the 11 breakdown values of a row, applying a deliberate defect if named."""
    pops, ages = split(new, POP[pop]), split(new, AGE[age])
    if defect.startswith("pop-"):
        pops[2] -= int(defect[4:])  # host communities under-reported
    elif defect.startswith("age-"):
        ages[2] -= int(defect[4:])  # women above 18 under-reported
    return pops + ages


def cell_row(spec: tuple) -> list:
    """Return the 29 cell values of one spec row (None for empty cells)."""
    month, adm1, adm2, org, partner, code, activity, qty, tm, new, pop, age, extra = spec
    with_code = code.endswith("*") or code.endswith("_PER")
    code = code.rstrip("*")
    sector, text = INDICATORS[code]
    indicator = f"{code} {text}" if with_code else text
    setup = "Through implementing partner" if partner else "Direct"
    cva = "Yes" if "usd" in extra else "No"
    values = [v or None for v in breakdown(new, pop, age, extra.get("defect", ""))]
    description = DESCRIPTIONS[sector.split(" (")[0]]
    return ["Peru", adm1, adm2 or None, org, setup, partner or org, month, sector, indicator,
            activity, description, "Yes", cva, extra.get("usd"), extra.get("mech"), qty, tm, new,
            *values]


def build(path: Path = OUT) -> Path:
    """Return ``path`` after writing the sample 5W workbook there."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "5W"
    sheet.append(list(HEADER))
    for spec in ROWS:
        sheet.append(cell_row(spec))
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(path)
    return path


if __name__ == "__main__":
    sys.stdout.write(f"wrote {build()}\n")
