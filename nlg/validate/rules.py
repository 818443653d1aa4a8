"""The platforms' 5W quality rules, as warnings (W2xx), checked a column at a time."""
from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from nlg.errors import warning
from nlg.load.columns import AGE_GENDER_FIELDS, POPULATION_FIELDS
from nlg.model import Problem
from nlg.validate.values import fold

_TOLERANCE = 0.005   # apportioned decimals (8.37 + 0.54 + 0.09) add up with float noise
_MPC = re.compile(r"multi ?pur|multi ?prop|\bmpc\b")
_BLANK_RULES = (
    ("admin1", "W201", "admin1 (department/state) is empty",
     "fill in where the activity took place"),
    ("appealing_org", "W202", "appealing organisation is empty", "fill in the organisation"),
    ("indicator_label", "W203", "indicator is empty", "fill in the indicator"),
    ("sector_label", "W217", "sector is empty", "fill in the sector"),
)


@dataclass(frozen=True)
class Columns:
    """Converted columns of the kept rows of one file, with where they came from."""

    file: str
    numbers: Sequence[int]
    values: Mapping[str, list]     # field -> converted values (only fields present)
    headers: Mapping[str, str]     # field -> header text as written
    country: str                   # ISO alpha-3 of the report

    def warn(self, code: str, message: str, index: int, field: str, value: object,
             hint: str) -> Problem:
        """Return a warning about one row and column."""
        return warning(code, message, file=self.file, row=self.numbers[index],
                       column=self.headers.get(field), value=str(value), hint=hint)


def quality_warnings(cols: Columns) -> list[Problem]:
    """Return the warnings of every quality rule for one file's rows."""
    out: list[Problem] = []
    for rule in (_blanks, _cva, _mpc, _new_vs_total, _breakdowns, _output):
        out.extend(rule(cols))
    return out


def _blanks(cols: Columns) -> list[Problem]:
    """Return W201/W202/W203/W217 for empty admin1, organisation, indicator, sector."""
    out = []
    for field, code, message, hint in _BLANK_RULES:
        values = cols.values.get(field)
        if values is not None:
            out += [cols.warn(code, message, i, field, "", hint)
                    for i, text in enumerate(values) if not text]
    return out


def _cva(cols: Columns) -> list[Problem]:
    """Return W205 (CVA without value) and W206 (CVA without delivery mechanism)."""
    cva = cols.values.get("cva")
    out: list[Problem] = []
    if cva is None:
        return out
    value = cols.values.get("value_usd")
    if value is not None:
        out += [cols.warn("W205", "CVA is Yes but the transfer value (USD) is empty or zero", i,
                          "value_usd", v if v is not None else "", "fill in the value in USD")
                for i, (yes, v) in enumerate(zip(cva, value)) if yes and not v]
    mechanism = cols.values.get("delivery_mechanism")
    if mechanism is not None:
        out += [cols.warn("W206", "CVA is Yes but the delivery mechanism is empty", i,
                          "delivery_mechanism", "", "fill in how the cash or voucher was delivered")
                for i, (yes, m) in enumerate(zip(cva, mechanism)) if yes and not m]
    return out


def _mpc(cols: Columns) -> list[Problem]:
    """Return W207 for multipurpose cash rows marked CVA = No."""
    cva, sectors = cols.values.get("cva"), cols.values.get("sector_label")
    if cva is None or sectors is None:
        return []
    codes = cols.values.get("indicator_code") or [""] * len(cva)
    mpc = {s: bool(_MPC.search(fold(s))) for s in set(sectors)}
    return [cols.warn("W207", "multipurpose cash row with CVA = No", i, "cva", "No",
                      "multipurpose cash is cash assistance: set CVA to Yes")
            for i, (yes, sector, code) in enumerate(zip(cva, sectors, codes))
            if not yes and (mpc[sector] or code.startswith("RE-MC"))]


def _new_vs_total(cols: Columns) -> list[Problem]:
    """Return W208 where New beneficiaries exceed Total monthly beneficiaries."""
    new, total = cols.values.get("new_beneficiaries"), cols.values.get("total_monthly")
    if new is None or total is None:
        return []
    return [cols.warn("W208", f"New beneficiaries ({n}) exceed Total monthly beneficiaries ({t})",
                      i, "new_beneficiaries", n, "new people of the month are part of the "
                      "month's total: check both figures")
            for i, (n, t) in enumerate(zip(new, total)) if n > t]


def _direct(cols: Columns) -> list[bool]:
    """Return per row whether breakdown rules apply (Direct Assistance, or type unknown)."""
    types = cols.values.get("indicator_type")
    if types is None:
        return [True] * len(cols.numbers)
    table = {t: (not t or fold(t).startswith(("direct", "asistencia directa"))) for t in set(types)}
    return [table[t] for t in types]


def _shown(total: float) -> str:
    """Return a breakdown sum as shown in a warning (apportioned decimals to two places)."""
    return str(total) if type(total) is int else f"{total:.2f}".rstrip("0").rstrip(".")


def _breakdowns(cols: Columns) -> list[Problem]:
    """Return W209/W210 where population-type or age/gender sums differ from New beneficiaries."""
    new = cols.values.get("new_beneficiaries")
    if new is None:
        return []
    out, direct = [], _direct(cols)
    for fields, code, what in ((POPULATION_FIELDS, "W209", "population-type breakdown"),
                               (AGE_GENDER_FIELDS, "W210", "age/gender breakdown")):
        parts = [cols.values[f] for f in fields if f in cols.values]
        if not parts:
            continue
        sums = list(map(sum, zip(*parts)))
        out += [cols.warn(code, f"{what} adds up to {_shown(s)}, New beneficiaries is {n}", i,
                          "new_beneficiaries", n, "the breakdown columns must add up to New "
                          "beneficiaries of the month")
                for i, (n, s, d) in enumerate(zip(new, sums, direct))
                if d and n != s and abs(n - s) > _TOLERANCE]
    return out


def _output(cols: Columns) -> list[Problem]:
    """Return W219 for Direct Assistance rows without a quantity of output."""
    types, output = cols.values.get("indicator_type"), cols.values.get("quantity_output")
    if types is None or output is None:
        return []
    direct = _direct(cols)
    return [cols.warn("W219", "Direct Assistance row without a quantity of output", i,
                      "quantity_output", q, "fill in the quantity of output")
            for i, (q, d, t) in enumerate(zip(output, direct, types)) if d and t and not q]
