"""The report form: report.yaml values <-> form fields, and problems -> the field they concern.

Form field names are the report.yaml key paths (``key_figures.refugees_and_migrants``,
``funding.required_usd``, ``situation.0.en`` ...), so a problem raised by
:mod:`nlg.config.schema` ("situation[0].en: expected text") is shown next to its
field. The form owns the keys in :data:`FORM_KEYS`; every other key of an existing
report.yaml (style, columns, sector_notes ...) is kept as it is.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from nlg.model import Problem

FORM_KEYS = ("country", "period", "platform", "published", "data", "key_figures", "funding",
             "situation", "coordination", "partners", "contacts")
PAIRS = ("situation", "coordination", "contacts")
RM, PA = "key_figures.refugees_and_migrants", "key_figures.people_assisted"
TEXT_FIELDS = ("country", "period", "platform", "published", RM, f"{RM}.source", f"{RM}.as_of", PA,
               "funding.funded_usd", "funding.required_usd", "funding.source", "partners")
_PAIR_NAME = re.compile(r"^(situation|coordination|contacts)\.(\d{1,3})\.(en|es)$")
_NUMBER = re.compile(r"^\d+(\.\d+)?$")
_KEY = re.compile(r"^([a-z_]+(?:\[\d+\]|\.[A-Za-z0-9_]+)*): ")
GENERAL = "_general"


@dataclass
class FormState:
    """What the form shows: text fields, bilingual rows, the exports used, problems per field."""

    fields: dict[str, str] = field(default_factory=dict)
    pairs: dict[str, list[tuple[str, str]]] = field(default_factory=lambda: {k: [] for k in PAIRS})
    data: list[str] = field(default_factory=list)
    errors: dict[str, list[str]] = field(default_factory=dict)

    def value(self, name: str) -> str:
        """Return the text of field ``name`` ("" when empty)."""
        return self.fields.get(name, "")

    def names(self) -> list[str]:
        """Return the name of every field the form shows (for updating their messages)."""
        out = [*TEXT_FIELDS, "data", GENERAL]
        for section in PAIRS:
            out += [f"{section}.{i}.{lang}" for i in range(len(self.pairs[section]) + 1)
                    for lang in ("en", "es")]
        return out

    def rows(self, section: str) -> list[tuple[str, str]]:
        """Return the rows of a bilingual section, with one empty row to fill in at the end."""
        return [*self.pairs[section], ("", "")]


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def from_raw(raw: Mapping) -> FormState:
    """Return the form state showing a report.yaml mapping (odd values shown as text)."""
    state = FormState()
    f = state.fields
    for key in ("country", "period", "platform", "published"):
        f[key] = _text(raw.get(key))
    figures = raw.get("key_figures") if isinstance(raw.get("key_figures"), Mapping) else {}
    rm = figures.get("refugees_and_migrants")
    if isinstance(rm, Mapping):
        f[RM], f[f"{RM}.source"], f[f"{RM}.as_of"] = (_text(rm.get(k)) for k in ("value", "source", "as_of"))
    else:
        f[RM] = _text(rm)
    f[PA] = _text(figures.get("people_assisted"))
    funding = raw.get("funding") if isinstance(raw.get("funding"), Mapping) else {}
    for key in ("funded_usd", "required_usd", "source"):
        f[f"funding.{key}"] = _text(funding.get(key))
    partners = raw.get("partners")
    f["partners"] = "\n".join(map(_text, partners)) if isinstance(partners, list) else _text(partners)
    for section in PAIRS:
        items = raw.get(section) if isinstance(raw.get(section), list) else []
        state.pairs[section] = [(_text(i.get("en")), _text(i.get("es"))) if isinstance(i, Mapping)
                                else (_text(i), "") for i in items]
    data = raw.get("data")
    state.data = [_text(d) for d in data] if isinstance(data, list) else []
    return state


def from_form(form: Mapping[str, list[str]]) -> FormState:
    """Return the form state posted by the browser (``form``: name -> values)."""
    state = FormState()
    for name in TEXT_FIELDS:
        values = form.get(name) or [""]
        state.fields[name] = values[0].replace("\r\n", "\n").strip()
    rows: dict[str, dict[int, dict[str, str]]] = {k: {} for k in PAIRS}
    for name, values in form.items():
        match = _PAIR_NAME.match(name)
        if match:
            section, index, lang = match.groups()
            rows[section].setdefault(int(index), {})[lang] = values[0].replace("\r\n", "\n").strip()
    for section, items in rows.items():
        state.pairs[section] = [(r.get("en", ""), r.get("es", "")) for _, r in sorted(items.items())
                                if r.get("en") or r.get("es")]
    state.data = list(dict.fromkeys(form.get("data", [])))
    return state


def _number(text: str):
    """Return digits as a number; anything else unchanged (report.yaml's checks then name it)."""
    if not _NUMBER.match(text):
        return text
    return float(text) if "." in text else int(text)


def to_raw(state: FormState) -> dict:
    """Return the report.yaml values of the form's keys (None: the key is left out)."""
    f = state.value
    figure = _number(f(RM)) if f(RM) else None
    if f(f"{RM}.source") or f(f"{RM}.as_of"):
        figure = {"value": figure, **{k: f(f"{RM}.{k}") for k in ("source", "as_of") if f(f"{RM}.{k}")}}
    figures = {"refugees_and_migrants": figure, "people_assisted": _number(f(PA)) if f(PA) else None}
    funding = {k: (_number(f(f"funding.{k}")) if k != "source" else f(f"funding.{k}"))
               for k in ("funded_usd", "required_usd", "source") if f(f"funding.{k}")}
    partners = [line.strip() for line in f("partners").split("\n") if line.strip()]
    raw = {"country": f("country").upper() or None, "period": f("period") or None,
           "platform": f("platform") or None, "published": f("published") or None,
           "data": list(state.data) or None,
           "key_figures": {k: v for k, v in figures.items()
                           if v is not None or k == "refugees_and_migrants"},
           "funding": funding or None, "partners": partners or None}
    for section in PAIRS:
        items = [{k: v for k, v in (("en", en), ("es", es)) if v} for en, es in state.pairs[section]]
        raw[section] = items or None
    return raw


def field_of(problem: Problem, state: FormState) -> str:
    """Return the form field a config problem concerns (GENERAL when none)."""
    match = _KEY.match(problem.message)
    if not match:
        return "data" if problem.code == "E218" else GENERAL
    key = re.sub(r"\[(\d+)\]", r".\1", match.group(1))
    if key.endswith(".value"):
        key = key[: -len(".value")]
    pair = re.match(r"^(situation|coordination|contacts)\.(\d+)(?:\.(en|es))?", key)
    if pair:
        return f"{pair.group(1)}.{pair.group(2)}.{pair.group(3) or 'en'}"
    if key in TEXT_FIELDS or key == "data":
        return key
    if key in ("key_figures", "funding"):
        return RM if key == "key_figures" else "funding.required_usd"
    return GENERAL


def message(problem: Problem, *, where: bool = False) -> str:
    """Return a problem as shown next to its field (the key prefix dropped there)."""
    text = problem.message if where else _KEY.sub("", problem.message, count=1)
    if problem.value is not None:
        text += f", got {problem.value!r}"
    if problem.hint:
        text += f" (hint: {problem.hint})"
    return f"[{problem.code}] {text}"


def with_problems(state: FormState, problems: tuple[Problem, ...]) -> FormState:
    """Return ``state`` with each problem listed under its field."""
    for p in problems:
        name = field_of(p, state)
        state.errors.setdefault(name, []).append(message(p, where=name == GENERAL))
    return state
