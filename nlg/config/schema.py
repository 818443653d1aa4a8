"""The schema of report.yaml: known keys, their types, and how each is parsed.

Each parser appends :class:`Problem` objects instead of raising, so that a user
sees every mistake in the file at once.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from types import MappingProxyType

from nlg.config import platforms
from nlg.config import report as c
from nlg.errors import did_you_mean, error
from nlg.lang import CODES, DEFAULT, REFERENCE, Lang
from nlg.model import Problem
from nlg.places import country_codes, is_alpha3
from nlg.yamlfile import separated

TOP_KEYS = {
    "country": False, "countries": False, "period": True, "platform": True, "key_figures": True,
    "published": False, "data": False, "people_reached": False, "funding": False,
    "situation": False, "coordination": False, "sector_notes": False,
    "partners": False, "contacts": False, "style": False, "columns": False,
    "sheet": False, "template": False, "previous": False, "actor": False, "languages": False,
    "phrasebanks": False,
    "refugees_and_migrants": False, "people_assisted": False,   # shorthands of key_figures.*
}
FIGURE_KEYS = {"refugees_and_migrants": True, "people_assisted": False}
#: A multi-country report: every figure is optional (the platform's may be the countries' sum).
PLATFORM_FIGURE_KEYS = {"refugees_and_migrants": False, "people_assisted": False, "by_country": False}
_COUNTRIES_HINT = ("write 'country: PER' for one country, or 'countries: [ARG, BOL, PRY, URY]' "
                   "(or a platform name, 'countries: Southern Cone') for a sub-regional platform")
FUNDING_KEYS = {"funded_usd": True, "required_usd": True, "source": False}
STYLE_KEYS = {f for f in c.Style.__dataclass_fields__}
#: Style options that take one of a few words (the first is the default).
STYLE_CHOICES = {"people_reached_table": ("period", "year_to_date")}


class _Ctx:
    def __init__(self, file: str, problems: list[Problem]):
        self.file, self.problems = file, problems

    def bad(self, code: str, key: str, message: str, value=None, hint: str | None = None):
        self.problems.append(error(code, f"{key}: {message}", file=self.file,
                                   value=None if value is None else str(value), hint=hint))


def parse(raw: dict, *, folder: Path, file: str, problems: list[Problem]) -> c.ReportConfig:
    """Return a ReportConfig from the YAML mapping, appending problems found."""
    ctx = _Ctx(file, problems)
    raw = _shorthands(ctx, raw)
    _check_keys(ctx, raw, TOP_KEYS, "")
    platform = _text(ctx, "platform", raw.get("platform"), required=True)
    country, countries, platform_id = _report_countries(ctx, raw, platform)
    many = raw.get("countries")
    several = bool(countries) or (many is not None and not (isinstance(many, list) and len(many) == 1))
    key_figures, country_figures = _key_figures(ctx, raw.get("key_figures"), countries, several)
    people_reached, country_reached = _people_reached(ctx, raw.get("people_reached"), countries)
    kw = dict(
        folder=folder,
        country=country,
        countries=countries,
        platform_id=platform_id,
        country_figures=country_figures,
        country_people_reached=country_reached,
        period=_period(ctx, raw.get("period")),
        platform=platform,
        key_figures=key_figures,
        published=_date(ctx, "published", raw.get("published")),
        data=_data(ctx, folder, raw.get("data")),
        people_reached=people_reached,
        funding=_funding(ctx, raw.get("funding")),
        situation=_bilinguals(ctx, "situation", raw.get("situation")),
        coordination=_bilinguals(ctx, "coordination", raw.get("coordination")),
        sector_notes=_sector_notes(ctx, raw.get("sector_notes")),
        partners=tuple(_texts(ctx, "partners", raw.get("partners"))),
        contacts=_bilinguals(ctx, "contacts", raw.get("contacts")),
        style=_style(ctx, raw.get("style")),
        columns=_str_map(ctx, "columns", raw.get("columns")),
        sheet=_text(ctx, "sheet", raw.get("sheet")) or None,
        template=_path(ctx, folder, "template", raw.get("template")),
        previous=_path(ctx, folder, "previous", raw.get("previous")),
        actor=_actor(ctx, raw.get("actor")),
        phrasebanks=_folder(ctx, folder, "phrasebanks", raw.get("phrasebanks")),
        languages=_languages(ctx, raw.get("languages")),
    )
    return c.ReportConfig(**kw)


def _languages(ctx: _Ctx, value) -> tuple[Lang, ...]:
    """Return the report's languages (``languages: [en, pt]``), in the order given."""
    if value is None:
        return DEFAULT
    hint = f"write languages: [{', '.join(x.value for x in DEFAULT)}]; known: {', '.join(CODES)}"
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not items:
        ctx.bad("E160", "languages", "expected a list of language codes", value=value, hint=hint)
        return DEFAULT
    out: list[Lang] = []
    for i, item in enumerate(items):
        code = str(item).strip().lower() if isinstance(item, str) else ""
        if code not in CODES:
            ctx.bad("E161", f"languages[{i}]", "unknown language" + did_you_mean(str(item), CODES),
                    value=item, hint=hint)
        elif Lang(code) not in out:
            out.append(Lang(code))
    return tuple(out) or DEFAULT


def _check_keys(ctx: _Ctx, raw: dict, spec: dict, prefix: str) -> None:
    for key in raw:
        if key not in spec:
            ctx.bad("E110", f"{prefix}{key}", "unknown key" + did_you_mean(str(key), spec),
                    hint="see README, 'The report folder', for the keys")
    for key, required in spec.items():
        if required is True and raw.get(key) is None:
            ctx.bad("E111", f"{prefix}{key}", "required key is missing",
                    hint=f"add '{key}:' to report.yaml")


def _shorthands(ctx: _Ctx, raw: dict) -> dict:
    """``refugees_and_migrants: N`` / ``people_assisted: N`` at the top stand for key_figures.*"""
    short = [k for k in ("refugees_and_migrants", "people_assisted") if k in raw]
    if not short:
        return raw
    figures = raw.get("key_figures")
    if figures is not None and not isinstance(figures, dict):
        return raw
    merged = dict(figures or {})
    for key in short:
        if key in merged:
            ctx.bad("E133", key, "given twice, at the top and under key_figures",
                    hint=f"keep one: key_figures.{key}")
        merged[key] = raw[key]
    return {**{k: v for k, v in raw.items() if k not in short}, "key_figures": merged}


def _country_by_name(name: str) -> str:
    """The ISO alpha-3 code of a country written by name (in a document language), or ''."""
    from babel import Locale

    from nlg.catalogue import normalise
    key = normalise(name)
    for lang in CODES:
        for alpha2, label in Locale.parse(lang).territories.items():
            if normalise(label) == key and len(alpha2) == 2 and alpha2.isalpha():
                import pycountry
                found = pycountry.countries.get(alpha_2=alpha2)
                if found is not None:
                    return found.alpha_3
    return ""


def _country(ctx: _Ctx, value) -> str:
    if value is None:
        return ""
    code = str(value).strip().upper()
    if not is_alpha3(code) and _country_by_name(str(value)):
        return _country_by_name(str(value))   # "Mexico", "Perú", "Curaçao": the name is as good
    if not is_alpha3(code):
        codes = country_codes()
        ctx.bad("E112", "country", "expected an ISO 3166-1 alpha-3 code such as PER"
                + did_you_mean(code, codes), value=value)
    return code


def _report_countries(ctx: _Ctx, raw: dict, platform: str) -> tuple[str, tuple[str, ...], str]:
    """Return (country, countries, platform id): one country, or a sub-regional platform's.

    ``country: PER`` is a single-country report; ``countries: [ARG, BOL]`` or ``countries:
    Southern Cone`` (or a known platform named by ``platform:`` alone) a multi-country one.
    """
    one, many = raw.get("country"), raw.get("countries")
    if one is not None and many is not None:
        ctx.bad("E125", "countries", "give either country or countries, not both", hint=_COUNTRIES_HINT)
        return _country(ctx, one), (), ""
    if one is not None:
        return _country(ctx, one), (), ""
    known = platforms.find(platform) if platform else None
    if many is None:
        if known is None:
            ctx.bad("E111", "country", "required key is missing", hint=_COUNTRIES_HINT)
            return "", (), ""
        return "", known.members, known.id
    codes = _country_list(ctx, many)
    if isinstance(many, str) and codes:
        known = platforms.find(many)
    if len(codes) == 1:
        return codes[0], (), ""                    # one country: a single-country report
    if not codes:
        return "", (), ""
    return "", codes, known.id if known else platforms.slug(platform)


def _country_list(ctx: _Ctx, value) -> tuple[str, ...]:
    """Return the ISO codes of ``countries:`` (a list of codes, or a platform's name)."""
    if isinstance(value, str):
        found = platforms.find(value)
        if found is None:
            ctx.bad("E127", "countries", "names no known sub-regional platform"
                    + did_you_mean(value, platforms.names()), value=value, hint=_COUNTRIES_HINT)
            return ()
        return found.members
    if not isinstance(value, list) or not value:
        ctx.bad("E126", "countries", "expected a list of ISO 3166-1 alpha-3 codes", value=value,
                hint=_COUNTRIES_HINT)
        return ()
    codes: list[str] = []
    for i, item in enumerate(value):
        code = str(item).strip().upper()
        if not is_alpha3(code):
            ctx.bad("E126", f"countries[{i}]", "expected an ISO 3166-1 alpha-3 code such as ARG"
                    + did_you_mean(code, country_codes()), value=item)
        elif code in codes:
            ctx.bad("E126", f"countries[{i}]", "the country is listed twice", value=item)
        else:
            codes.append(code)
    return tuple(codes) if len(codes) == len(value) else ()


def _period(ctx: _Ctx, value) -> c.Period:
    fallback = c.Period((1970, 1), (1970, 1))
    if value is None:
        return fallback
    match = c._PERIOD.match(str(value).strip())
    if not match:
        ctx.bad("E113", "period", "expected YYYY-MM or a range YYYY-MM..YYYY-MM", value=value,
                hint="write period: 2023-11")
        return fallback
    y1, m1, y2, m2 = match.groups()
    start = (int(y1), int(m1))
    end = (int(y2), int(m2)) if y2 else start
    if end < start:
        ctx.bad("E113", "period", "the range ends before it starts", value=value)
        return fallback
    return c.Period(start, end)


def _text(ctx: _Ctx, key: str, value, *, required: bool = False) -> str:
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        ctx.bad("E114", key, "expected text", value=value,
                hint="quote the text; YAML reads yes/no/on/off as true/false")
        return ""
    return str(value).strip()


def _texts(ctx: _Ctx, key: str, value) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list):
        ctx.bad("E115", key, "expected a list", value=value, hint=f"write {key}: [a, b]")
        return []
    return [t for i, v in enumerate(value) if (t := _text(ctx, f"{key}[{i}]", v))]


def _number(ctx: _Ctx, key: str, value, *, integer: bool = False, amount: bool = True):
    """Return the number ``value``; with ``amount`` (a count or money), separators are an error (E140)."""
    written = value if isinstance(value, str) else getattr(value, "text", None)
    fixed = separated(written) if amount and written is not None else None
    if fixed is not None:
        ctx.bad("E140", key, f"a number written with thousands separators: {written} — write {fixed}",
                value=written, hint=f"digits only: {key.rsplit('.', 1)[-1]}: {fixed}")
        return 0
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
        kind = "a whole non-negative number" if integer else "a non-negative number"
        ctx.bad("E116", key, f"expected {kind}", value=value,
                hint="write digits without separators, e.g. 1540000")
        return 0
    if integer and value != int(value):
        ctx.bad("E116", key, "expected a whole number", value=value)
    return int(value) if integer else value


def _date(ctx: _Ctx, key: str, value) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value.date() if isinstance(value, dt.datetime) else value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        ctx.bad("E117", key, "expected a date YYYY-MM-DD", value=value)
        return None


def _figure(ctx: _Ctx, key: str, value) -> c.Figure | None:
    if value is None:
        return None
    if isinstance(value, dict):
        _check_keys(ctx, value, {"value": True, "source": False, "as_of": False}, f"{key}.")
        return c.Figure(_number(ctx, f"{key}.value", value.get("value", 0), integer=True),
                        _text(ctx, f"{key}.source", value.get("source")),
                        _date(ctx, f"{key}.as_of", value.get("as_of")))
    return c.Figure(_number(ctx, key, value, integer=True))


def _figures(ctx: _Ctx, key: str, value, spec: dict) -> MappingProxyType:
    _check_keys(ctx, value, spec, f"{key}.")
    figures = {k: _figure(ctx, f"{key}.{k}", value.get(k)) for k in FIGURE_KEYS}
    return MappingProxyType({k: v for k, v in figures.items() if v is not None})


def _key_figures(ctx: _Ctx, value, countries: tuple[str, ...],
                 several: bool) -> tuple[MappingProxyType, MappingProxyType]:
    """Return the report's key figures and, for several countries, each country's (by_country).

    ``several``: report.yaml names several countries (even if some codes are wrong), so no
    figure is required.
    """
    empty = MappingProxyType({})
    if value is None:
        return empty, empty
    if not isinstance(value, dict):
        ctx.bad("E115", "key_figures", "expected a mapping", value=value)
        return empty, empty
    if not several:
        return _figures(ctx, "key_figures", value, FIGURE_KEYS), empty
    figures = _figures(ctx, "key_figures", value, PLATFORM_FIGURE_KEYS)
    by_country = {}
    for code, given in _country_map(ctx, "key_figures.by_country", value.get("by_country"), countries):
        if not isinstance(given, dict):
            ctx.bad("E115", f"key_figures.by_country.{code}", "expected a mapping",
                    value=given, hint="write ARG: {refugees_and_migrants: 171000}")
            continue
        spec = {k: False for k in FIGURE_KEYS}
        by_country[code] = _figures(ctx, f"key_figures.by_country.{code}", given, spec)
    return figures, MappingProxyType(by_country)


def _country_map(ctx: _Ctx, key: str, value, countries: tuple[str, ...]) -> list[tuple[str, object]]:
    """Return (country code, value) of a mapping keyed by the report's countries (E128 else)."""
    if value is None:
        return []
    if not isinstance(value, dict):
        ctx.bad("E115", key, "expected a mapping of country codes", value=value)
        return []
    out = []
    for name, given in value.items():
        code = str(name).strip().upper()
        if code not in countries:
            ctx.bad("E128", f"{key}.{name}", "is not one of the report's countries ("
                    + ", ".join(countries) + ")", value=name, hint="use the codes under countries:")
        else:
            out.append((code, given))
    return out


def _people_reached(ctx: _Ctx, value, countries: tuple[str, ...]) -> tuple[MappingProxyType, MappingProxyType]:
    """Return people_reached overrides: the report's by sector, and (several countries) each
    country's, written ``ARG: {Education: 120}`` beside the sector names."""
    empty = MappingProxyType({})
    if not countries or not isinstance(value, dict):
        return _int_map(ctx, "people_reached", value), empty
    sectors = {k: v for k, v in value.items() if not isinstance(v, dict)}
    nested = {k: v for k, v in value.items() if isinstance(v, dict)}
    by_country = {code: _int_map(ctx, f"people_reached.{code}", given)
                  for code, given in _country_map(ctx, "people_reached", nested, countries)}
    return _int_map(ctx, "people_reached", sectors), MappingProxyType(by_country)


def _data(ctx: _Ctx, folder: Path, value) -> tuple[Path, ...]:
    names = _texts(ctx, "data", value) if value is not None else []
    if value is None:
        found = sorted(p for p in folder.iterdir()
                       if p.suffix.lower() in (".csv", ".xlsx") and not p.name.startswith("~$"))
        return tuple(found)
    paths = []
    for name in names:
        path = folder / portable(name)
        if not path.is_file():
            found = "file not found" if not path.exists() else "not a file (a folder, pipe or device)"
            ctx.bad("E118", "data", found, value=name, hint="paths are relative to the report folder")
        paths.append(path)
    return tuple(paths)


def _path(ctx: _Ctx, folder: Path, key: str, value) -> Path | None:
    name = _text(ctx, key, value)
    if not name:
        return None
    path = folder / portable(name)
    if not path.exists():
        ctx.bad("E118", key, "not found", value=name, hint="paths are relative to the report folder")
    return path


def _folder(ctx: _Ctx, folder: Path, key: str, value) -> Path | None:
    path = _path(ctx, folder, key, value)
    if path is not None and path.exists() and not path.is_dir():
        ctx.bad("E142", key, "expected a folder", value=value,
                hint="give the folder made by 'sitrep phrasebank init DIR'")
    return path


def portable(name: str) -> str:
    r"""Return a path written in report.yaml with ``/`` as separator, so both work everywhere.

    >>> portable("data\\5w.xlsx"), portable("../2023-10"), portable(r"C:\reports\x")
    ('data/5w.xlsx', '../2023-10', 'C:/reports/x')
    """
    return name.replace("\\", "/")


def _int_map(ctx: _Ctx, key: str, value) -> MappingProxyType:
    if value is None:
        return MappingProxyType({})
    if not isinstance(value, dict):
        ctx.bad("E115", key, "expected a mapping", value=value, hint=f"write {key}: {{Education: 2954}}")
        return MappingProxyType({})
    return MappingProxyType({str(k): _number(ctx, f"{key}.{k}", v, integer=True)
                             for k, v in value.items()})


def _str_map(ctx: _Ctx, key: str, value) -> MappingProxyType:
    if value is None:
        return MappingProxyType({})
    if not isinstance(value, dict):
        ctx.bad("E115", key, "expected a mapping", value=value)
        return MappingProxyType({})
    return MappingProxyType({str(k): _text(ctx, f"{key}.{k}", v) for k, v in value.items()})


def _funding(ctx: _Ctx, value) -> c.Funding | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        ctx.bad("E115", "funding", "expected a mapping", value=value)
        return None
    _check_keys(ctx, value, FUNDING_KEYS, "funding.")
    before = len(ctx.problems)
    required = _number(ctx, "funding.required_usd", value.get("required_usd", 0))
    unreadable = len(ctx.problems) > before          # already reported
    funded = _number(ctx, "funding.funded_usd", value.get("funded_usd", 0))
    if not required and not unreadable:
        ctx.bad("E119", "funding.required_usd", "must be greater than zero", value=required)
    return c.Funding(funded, required, _text(ctx, "funding.source", value.get("source")))


def _shape() -> str:
    """Return how a per-language text is written ("{en: ..., es: ...}")."""
    return "{" + ", ".join(f"{lang.value}: ..." for lang in DEFAULT) + "}"


def _bilingual(ctx: _Ctx, key: str, value) -> c.Texts | None:
    """Return a drafter text: a mapping by language code, or plain text in the reference language."""
    if isinstance(value, str):
        return c.Texts(MappingProxyType({REFERENCE.value: value.strip()}))
    if not isinstance(value, dict):
        ctx.bad("E115", key, f"expected {_shape()}", value=value)
        return None
    _check_keys(ctx, value, {code: False for code in CODES}, f"{key}.")
    texts = {code: _text(ctx, f"{key}.{code}", value.get(code)) for code in CODES if code in value}
    item = c.Texts(MappingProxyType({code: text for code, text in texts.items() if text}))
    if not item.texts:
        ctx.bad("E120", key, "needs the text in at least one language")
    return item


def _bilinguals(ctx: _Ctx, key: str, value) -> tuple[c.Bilingual, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        ctx.bad("E115", key, f"expected a list of {_shape()}", value=value)
        return ()
    items = (_bilingual(ctx, f"{key}[{i}]", v) for i, v in enumerate(value))
    return tuple(i for i in items if i is not None)


def _sector_notes(ctx: _Ctx, value) -> MappingProxyType:
    if value is None:
        return MappingProxyType({})
    if not isinstance(value, dict):
        ctx.bad("E115", "sector_notes", "expected a mapping of sector to notes", value=value)
        return MappingProxyType({})
    return MappingProxyType({str(k): _notes(ctx, f"sector_notes.{k}", v)
                             for k, v in value.items()})


#: The keys of a note that name the bullet it belongs to (docs/notes.md).
NOTE_TARGETS = ("indicator", "activity")


def _notes(ctx: _Ctx, key: str, value) -> tuple[c.Note, ...]:
    """Return a sector's notes: texts by language, each with the bullet it belongs to, if named."""
    out = []
    for i, item in enumerate(_list_of(ctx, key, value)):
        where = f"{key}[{i}]"
        targets = {}
        if isinstance(item, dict):
            targets = {t: item[t] for t in NOTE_TARGETS if t in item}
            item = {k: v for k, v in item.items() if k not in NOTE_TARGETS}
        texts = _bilingual(ctx, where, item)
        named = {t: _text(ctx, f"{where}.{t}", v) for t, v in targets.items()}
        if len([v for v in named.values() if v]) > 1:
            ctx.bad("E184", where, "a note belongs to one bullet: give 'indicator:' or 'activity:', "
                    "not both", hint="keep the one its bullet's Word comment names")
        if texts is not None:
            out.append(c.Note(texts.texts, indicator=named.get("indicator") or "",
                              activity=named.get("activity") or ""))
    return tuple(out)


def _list_of(ctx: _Ctx, key: str, value) -> list:
    if value is None:
        return []
    if not isinstance(value, list):
        ctx.bad("E115", key, f"expected a list of {_shape()}", value=value)
        return []
    return value


def _actor(ctx: _Ctx, value) -> c.Bilingual | None:
    return None if value is None else _bilingual(ctx, "actor", value)


def _style(ctx: _Ctx, value) -> c.Style:
    if value is None:
        return c.Style()
    if not isinstance(value, dict):
        ctx.bad("E115", "style", "expected a mapping", value=value)
        return c.Style()
    _check_keys(ctx, value, {k: False for k in STYLE_KEYS}, "style.")
    defaults = c.Style()
    kw = {}
    for key, given in value.items():
        if key not in STYLE_KEYS:
            continue
        default = getattr(defaults, key)
        if key == "number_locale":
            kw[key] = _locales(ctx, given, default)
        elif key in STYLE_CHOICES:
            choices = STYLE_CHOICES[key]
            if given not in choices:
                ctx.bad("E124", f"style.{key}", "expected one of " + ", ".join(choices)
                        + did_you_mean(str(given), choices), value=given,
                        hint=f"write style.{key}: {choices[0]} (the default) or {choices[1]}")
            else:
                kw[key] = given
        elif isinstance(default, bool):
            if not isinstance(given, bool):
                ctx.bad("E121", f"style.{key}", "expected true or false", value=given)
            kw[key] = bool(given)
        else:
            kw[key] = _number(ctx, f"style.{key}", given, integer=isinstance(default, int),
                              amount=isinstance(default, int))
    return c.Style(**kw)


def _locales(ctx: _Ctx, given, default) -> MappingProxyType:
    from babel import Locale, UnknownLocaleError

    merged = dict(default)
    if not isinstance(given, dict):
        ctx.bad("E115", "style.number_locale", "expected a locale by language, e.g. {"
                + ", ".join(f"{code}: {loc}" for code, loc in default.items()) + "}", value=given)
        return MappingProxyType(merged)
    for lang, loc in given.items():
        if lang not in merged:
            ctx.bad("E110", f"style.number_locale.{lang}", "unknown language" + did_you_mean(str(lang), merged))
            continue
        try:
            Locale.parse(str(loc))
            merged[lang] = str(loc)
        except (ValueError, UnknownLocaleError):
            ctx.bad("E122", f"style.number_locale.{lang}", "unknown locale", value=loc,
                    hint="use a Babel locale: " + ", ".join(dict.fromkeys(default.values()))
                    + ", or language_COUNTRY (as es_PE, es_CO) ...")
    return MappingProxyType(merged)
