"""Invented activity lines of the batch sample tree (used by make_tree.py and scale_tree.py).

One line is one organisation's activity in one admin1; make_tree.py writes it once per month with
figures derived from ``base NEW``, the platform's month-over-month trend and a stable jitter.
Admin1 names are real (Peru departamentos, Ecuador provinces, Colombian departments).
"""
from __future__ import annotations

from make_peru_sample import ORIENTATION

# admin1, admin2, appealing organisation, implementing partner ("" = direct), code, activity, base NEW, pop, age
PER_LINES = (
    ("Lima", "Lima", "WFP", "Cáritas del Perú", "RE-FS3", "In-kind food baskets", 2200, "dest", "family"),
    ("Tumbes", "Zarumilla", "OIM", "", "RE-SH1", "Temporary collective shelter", 700, "border", "family"),
    ("Lima", "Lima", "UNICEF", "Plan International", "RE-E06", "Teacher training on peaceful coexistence", 300, "host", "trainees"),
    ("Tumbes", "Tumbes", "Plan International", "", "RE-E01", "Support for enrolment in alternative education", 120, "dest", "children"),
    ("Lima", "Lima", "World Vision", "", "RE-E03", "School kits for permanence in school", 900, "dest", "children"),
    ("Tumbes", "Zarumilla", "Cruz Roja Peruana", "", "RE-FS2_PER", "Food kits and snacks for people in transit", 1100, "transit", "adults"),
    ("Tacna", "Tacna", "ADRA", "", "RE-FS3", "Hot meals for people in transit", 850, "border", "adults"),
    ("Piura", "Piura", "Cáritas del Perú", "", "RE-FS3", "Canastas de alimentos", 700, "mixed", "family"),
    ("Lima", "Lima", "Socios en Salud", "", "RE-HE1", "Primary health care consultations", 1400, "mixed", "family"),
    ("Tumbes", "Zarumilla", "Cruz Roja Peruana", "", "RE-HE1", "Primary health care at the border", 600, "border", "adults"),
    ("Lima", "Lima", "Socios en Salud", "", "RE-HE5_PER", "Mental health consultations", 140, "dest", "adults"),
    ("Tumbes", "Zarumilla", "OIM", "", "RE-HT1", "Border-to-border humanitarian transport", 45, "transit", "family"),
    ("Lima", "Lima", "OIM", "", "RE-IN1", "Job placement and labour intermediation", 2000, "dest", "adults"),
    ("Arequipa", "Arequipa", "Cáritas del Perú", "", "RE-IN1", "Job placement and labour intermediation", 800, "dest", "adults"),
    ("Lima", "Lima", "CARE", "", "RE-INT3_PER", "Self-employment and entrepreneurship training", 300, "dest", "adults"),
    ("Lima", "Lima", "ACNUR", "Asociación Quinta Ola", "RE-IN6", "Cinema in your neighbourhood", 200, "mixed", "family"),
    ("Lima", "Lima", "ACNUR", "Encuentros SJM", "RE-PR1", "Case management and specialised protection services", 260, "dest", "family"),
    ("Tumbes", "Zarumilla", "HIAS", "", "RE-PR1", "Atención psicosocial y servicios de protección", 200, "border", "adults"),
    ("Lima", "Lima", "ACNUR", "Encuentros SJM", ORIENTATION, "Information and orientation on rights and access to services", 3200, "dest", "adults"),
    ("Tacna", "Tacna", "ACNUR", "Encuentros SJM", ORIENTATION, "Information and orientation on rights and access to services", 1100, "border", "adults"),
    ("Lima", "Lima", "Encuentros SJM", "", "RE-PR11_PER", "Orientación sobre el proceso de regularización (CPP)", 1500, "dest", "adults"),
    ("Lima", "Lima", "UNICEF", "Aldeas Infantiles SOS", "RE-CP2", "Community-based psychosocial support for children and families", 800, "dest", "family"),
    ("Tumbes", "Tumbes", "UNFPA", "INPPARES", "RE-PRGBV3_PER", "Talleres de empoderamiento para mujeres y adolescentes", 360, "mixed", "women"),
    ("Tumbes", "Tumbes", "Acción Contra el Hambre", "", "RE-NU5_PER", "Nutritional supplements for children aged 24-59 months", 380, "mixed", "under5"),
    ("Lima", "Lima", "Acción Contra el Hambre", "", "RE-NU4", "Community screening of acute malnutrition", 400, "mixed", "under5"),
    ("Tacna", "Tacna", "Asociación Scalabrinianos", "", "RE-SH1", "Alojamiento temporal en albergue", 480, "border", "family"),
    ("Tumbes", "Zarumilla", "OIM", "", "RE-WA3", "Hygiene kits for men in transit", 300, "transit", "men"),
    ("Tacna", "Tacna", "UNFPA", "INPPARES", "RE-WA3", "Dignity kits for adolescents and women", 120, "border", "dignity"),
    ("Lima", "Lima", "ACNUR", "", "RE-MC1", "Multipurpose cash transfers", 1300, "dest", "family"),
    ("La Libertad", "Trujillo", "World Vision", "", "RE-MC1", "Multipurpose cash transfers", 1000, "dest", "family"),
    ("Callao", "Callao", "CARE", "", "RE-MC1", "Transferencias monetarias multipropósito", 780, "dest", "family"),
)
ECU_LINES = (
    ("Pichincha", "Quito", "PMA", "HIAS", "RE-FS3", "Entrega de tarjetas de alimentos", 2600, "dest", "family"),
    ("Carchi", "Tulcán", "ACNUR", "", "RE-SH1", "Alojamiento temporal en albergues de frontera", 520, "border", "family"),
    ("Guayas", "Guayaquil", "UNICEF", "Plan Internacional", "RE-E01", "Inscripción escolar y nivelación", 640, "dest", "children"),
    ("Pichincha", "Quito", "UNICEF", "", "RE-E01", "Programas de educación alternativa", 410, "dest", "children"),
    ("El Oro", "Huaquillas", "PMA", "ADRA", "RE-FS3", "Raciones de alimentos para personas en tránsito", 900, "transit", "adults"),
    ("Guayas", "Guayaquil", "PMA", "Banco de Alimentos Diakonía", "RE-FS3", "Entrega de tarjetas de alimentos", 1800, "dest", "family"),
    ("Manabí", "Manta", "PMA", "World Vision", "RE-FS3", "Canastas de alimentos", 700, "mixed", "family"),
    ("Carchi", "Tulcán", "OIM", "Cruz Roja Ecuatoriana", "RE-HE1", "Atención primaria de salud en frontera", 850, "border", "adults"),
    ("Pichincha", "Quito", "OPS/OMS", "", "RE-HE1", "Atención primaria de salud", 1200, "mixed", "family"),
    ("Guayas", "Guayaquil", "HIAS", "", "RE-HE1", "Atención en salud sexual y reproductiva", 480, "dest", "women"),
    ("Carchi", "Tulcán", "OIM", "", "RE-HT1", "Transporte humanitario de frontera a frontera", 160, "transit", "family"),
    ("El Oro", "Huaquillas", "OIM", "", "RE-HT1", "Transporte humanitario hacia el puente internacional", 110, "transit", "family"),
    ("Pichincha", "Quito", "ACNUR", "Fundación de las Américas (FUDELA)", "RE-IN6", "Actividades deportivas de cohesión social", 450, "mixed", "family"),
    ("Pichincha", "Quito", "OIM", "", "RE-IN1", "Intermediación laboral", 900, "dest", "adults"),
    ("Guayas", "Guayaquil", "ACNUR", "Misión Scalabriniana", "RE-IN1", "Capacitación para el empleo", 620, "dest", "adults"),
    ("Azuay", "Cuenca", "ACNUR", "HIAS", "RE-IN1", "Capital semilla para emprendimientos", 150, "mixed", "adults"),
    ("Pichincha", "Quito", "OIM", "", "RE-INT9_ECU", "Asesoría para la homologación de títulos", 85, "dest", "adults"),
    ("Pichincha", "Quito", "ACNUR", "Misión Scalabriniana", "RE-PR1", "Gestión de casos y servicios de protección", 700, "dest", "family"),
    ("Carchi", "Tulcán", "Consejo Noruego para Refugiados", "", "RE-PR1", "Orientación legal y sobre el proceso de regularización", 1300, "border", "adults"),
    ("Guayas", "Guayaquil", "HIAS", "", "RE-PR1", "Orientación sobre derechos y acceso a servicios", 950, "dest", "adults"),
    ("Sucumbíos", "Lago Agrio", "ACNUR", "Consejo Noruego para Refugiados", "RE-PR1", "Orientación sobre derechos y acceso a servicios", 380, "mixed", "adults"),
    ("Imbabura", "Ibarra", "UNICEF", "World Vision", "RE-CP1", "Servicios especializados de protección de la niñez", 260, "mixed", "children"),
    ("Guayas", "Guayaquil", "UNFPA", "Alas de Colibrí", "RE-GBV1", "Capacitación en prevención y respuesta a la VBG", 140, "host", "trainees"),
    ("Carchi", "Tulcán", "UNICEF", "", "RE-WA3", "Kits de higiene para familias en tránsito", 600, "transit", "family"),
    ("El Oro", "Huaquillas", "UNFPA", "", "RE-WA3", "Kits de dignidad para mujeres y adolescentes", 240, "transit", "dignity"),
    ("Pichincha", "Quito", "UNICEF", "", "RE-NU4", "Tamizaje de desnutrición aguda", 330, "mixed", "under5"),
    ("Pichincha", "Quito", "ACNUR", "", "RE-MC1", "Transferencias monetarias multipropósito", 1500, "dest", "family"),
    ("Guayas", "Guayaquil", "Consejo Noruego para Refugiados", "", "RE-MC1", "Transferencias monetarias multipropósito", 900, "dest", "family"),
    ("El Oro", "Machala", "OIM", "", "RE-MC1", "Efectivo para personas en tránsito", 400, "transit", "family"),
    ("Manabí", "Portoviejo", "CARE Ecuador", "", "RE-SH4", "Apoyo para el pago de arriendo", 210, "dest", "family"),
)
COL_LINES = (
    ("Norte de Santander", "Cúcuta", "PMA", "Pastoral Social", "RE-FS3", "Comedores comunitarios", 3200, "pendular", "family"),
    ("La Guajira", "Maicao", "ACNUR", "", "RE-SH1", "Alojamiento temporal en el Centro de Atención Integral", 900, "border", "family"),
    ("Bogotá", "Bogotá", "UNICEF", "Save the Children", "RE-E01", "Acceso a educación formal y flexible", 1100, "dest", "children"),
    ("Norte de Santander", "Villa del Rosario", "UNICEF", "", "RE-E03", "Kits escolares para permanencia", 1500, "pendular", "children"),
    ("La Guajira", "Riohacha", "PMA", "World Vision", "RE-FS3", "Bonos de alimentos", 2100, "dest", "family"),
    ("Atlántico", "Barranquilla", "PMA", "Cruz Roja Colombiana", "RE-FS3", "Bonos de alimentos", 1700, "dest", "family"),
    ("Nariño", "Ipiales", "PMA", "", "RE-FS3", "Raciones para personas en tránsito", 950, "transit", "adults"),
    ("Norte de Santander", "Cúcuta", "OPS/OMS", "Profamilia", "RE-HE1", "Atención primaria y salud sexual y reproductiva", 1400, "pendular", "women"),
    ("Antioquia", "Medellín", "OIM", "", "RE-HE1", "Atención primaria en salud", 900, "dest", "family"),
    ("Arauca", "Arauca", "Médicos Sin Fronteras", "", "RE-HE1", "Atención de urgencias y parto", 300, "border", "women"),
    ("La Guajira", "Maicao", "OPS/OMS", "", "RE-HE12_COL", "Jornadas de vacunación", 1200, "mixed", "family"),
    ("Nariño", "Ipiales", "OIM", "", "RE-HT2", "Transporte humanitario hacia servicios", 260, "transit", "family"),
    ("Bogotá", "Bogotá", "OIM", "Corprodinco", "RE-IN1", "Ruta de empleabilidad", 1300, "dest", "adults"),
    ("Valle del Cauca", "Cali", "ACNUR", "Mercy Corps", "RE-IN1", "Apoyo a emprendimientos", 500, "dest", "adults"),
    ("Bogotá", "Bogotá", "ACNUR", "Consejo Noruego para Refugiados", "RE-PR1", "Asistencia legal y gestión de casos", 900, "dest", "family"),
    ("Norte de Santander", "Cúcuta", "ACNUR", "", "RE-PR1", "Orientación sobre el Estatuto Temporal de Protección", 4200, "pendular", "adults"),
    ("Nariño", "Ipiales", "ACNUR", "Pastoral Social", "RE-PR1", "Puntos de información en frontera", 1600, "transit", "adults"),
    ("Antioquia", "Medellín", "Consejo Noruego para Refugiados", "", "RE-PR1", "Orientación sobre derechos y acceso a servicios", 700, "dest", "adults"),
    ("Arauca", "Arauca", "UNICEF", "Aldeas Infantiles SOS", "RE-CP1", "Protección especializada de niñas, niños y adolescentes", 350, "border", "children"),
    ("Norte de Santander", "Cúcuta", "OIM", "", "RE-PRHT3", "Asistencia a víctimas de trata", 45, "dest", "women"),
    ("La Guajira", "Riohacha", "ACNUR", "Fundación Halü", "RE-SH4", "Apoyo para arriendo", 420, "dest", "family"),
    ("La Guajira", "Uribia", "ACNUR", "", "RE-SH7_COL", "Entrega de kits de hábitat", 600, "mixed", "family"),
    ("La Guajira", "Maicao", "UNICEF", "", "RE-WA1", "Acceso a agua segura en asentamientos", 2500, "mixed", "family"),
    ("Norte de Santander", "Cúcuta", "UNICEF", "World Vision", "RE-WA3", "Kits de higiene familiar", 800, "pendular", "family"),
    ("Nariño", "Ipiales", "UNFPA", "Profamilia", "RE-WA3", "Kits de dignidad", 300, "transit", "dignity"),
    ("La Guajira", "Riohacha", "UNICEF", "Acción Contra el Hambre", "RE-NU4", "Tamizaje nutricional comunitario", 700, "mixed", "under5"),
    ("Bogotá", "Bogotá", "ACNUR", "", "RE-MC1", "Transferencias monetarias multipropósito", 1800, "dest", "family"),
    ("Atlántico", "Barranquilla", "Mercy Corps", "", "RE-MC1", "Multipurpose cash transfers", 1200, "dest", "family"),
    ("Norte de Santander", "Cúcuta", "International Rescue Committee", "", "RE-MC1", "Transferencias monetarias multipropósito", 1000, "pendular", "family"),
    ("Santander", "Bucaramanga", "Save the Children", "", "RE-MC1", "Transferencias monetarias multipropósito", 600, "dest", "family"),
)

# Indicators no phrasebank knows (country codes, Spanish only): the tool narrates them generically.
EXTRA_INDICATORS = {
    "RE-PR11_PER": ("Protection", "# de personas orientadas sobre el proceso de regularización migratoria (CPP)"),
    "RE-INT9_ECU": ("Integration", "# de personas apoyadas en la homologación de títulos profesionales"),
    "RE-HE12_COL": ("Health", "# de personas vacunadas en el esquema nacional de vacunación"),
    "RE-SH7_COL": ("Shelter", "# de kits de hábitat entregados a hogares refugiados y migrantes"),
}
# RMRP 2023-2024 indicators the Peru sample does not use -> sector label as exported (English);
# their texts are the catalogue's (make_peru_sample.OFFICIAL), Spanish in the Spanish-header export.
MORE_RMRP = {
    "RE-HT2": "Humanitarian Transportation", "RE-CP1": "Protection (Child Protection)",
    "RE-GBV1": "Protection (GBV)", "RE-PRHT3": "Protection (Human Trafficking & Smuggling)",
    "RE-SH4": "Shelter", "RE-WA1": "WASH",
}
SECTORS_ES = {
    "Education": "Educación", "Food Security": "Seguridad Alimentaria", "Health": "Salud",
    "Humanitarian Transportation": "Transporte Humanitario", "Integration": "Integración",
    "Nutrition": "Nutrición", "Protection": "Protección",
    "Protection (Child Protection)": "Protección (Protección de la Infancia)",
    "Protection (GBV)": "Protección (VBG)", "Shelter": "Alojamiento", "WASH": "Agua, Saneamiento e Higiene",
    "Multipurpose Cash Assistance": "Transferencias Monetarias Multipropósito",
}
# Population-type weights for cross-border pendular movement (Colombia): see make_peru_sample.POP.
PENDULAR = (40, 5, 15, 40, 0)
# Quantity of output per person for indicators that count items, not people.
OUTPUT_RATIO = {"RE-WA3": 1.12, "RE-FS2_PER": 1.2, "RE-PRGBV3_PER": 0.13, "RE-SH7_COL": 0.3}
