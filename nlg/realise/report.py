"""Realise a content plan in one language: the whole :class:`RealisedReport`."""
from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace

from nlg import numfmt
from nlg.config.report import Bilingual, Note, ReportConfig
from nlg.content import notes
from nlg.content.facts import Bullet, ContentPlan, Fact, Facts, Quantity, SectorTotal
from nlg.content.figures import refugees_figure
from nlg.content.plan import FLAGGING_WARNINGS, change_direction
from nlg.lang import module as lang_module
from nlg.lang.base import percent
from nlg.model import Hedge, Lang, Problem
from nlg.phrasebank.bank import Phrasebank
from nlg.realise import countries as realise_countries
from nlg.realise import provenance, reached, sentences, textenv
from nlg.realise.doc import FundingBlock, KeyFigure, Paragraph, RealisedReport, SectorBlock, Span, Table
from nlg.realise.markup_drafted import parse as parse_drafted
from nlg.realise.sentences import Writer

#: a label of the phrasebank filled with its slots: label("title", country=...)
Label = Callable[..., str]


def realise(plan: ContentPlan, facts: Facts, config: ReportConfig, bank: Phrasebank,
            lang: Lang, *, embedded: str = "", warnings: tuple[Problem, ...] = ()) -> RealisedReport:
    """Return the report realised in ``lang``."""
    lb = bank.langs[lang]
    w = sentences.Writer(lang, lang_module(lang), lb, bank, config,
                         textenv.Acronyms(dict(lb.acronyms)), plan.previous_period)
    country, where = report_names(w, config)
    period = _period(config, w.locale)
    label = lambda key, **slots: textenv.render(lb.labels[key], slots)  # noqa: E731
    return RealisedReport(
        lang=lang, language_tag=w.rules.LANGUAGE_TAG,
        title=label("title", country=country),
        subtitle=label("subtitle", period=period),
        doc_title=label("doc_title", country=country, period=period),
        labels={k: label(k) for k in ("situation", "response", "people_reached", "coordination",
                                      "contacts", "published", "funding_title", "other_sector",
                                      "review_prefix")},
        key_figures=_key_figures(w, config, plan, where, label),
        funding=_funding(w, config, plan, label),
        situation=_drafted(w, config.situation),
        sectors=_sectors(w, plan, facts, warnings),
        people_reached=_table(w, facts, label),
        coordination=_drafted(w, config.coordination),
        partners_heading=label("partners_subregional" if config.multi else "partners",
                               platform=where if config.multi else config.platform,
                               n=str(len(partners(config)))),
        partners=partners(config),
        contacts=_drafted(w, config.contacts, translate=False),
        footnotes=_footnotes(w, facts, label),
        published=numfmt.full_date(config.published, locale=w.locale) if config.published else "",
        embedded=embedded,
        country_figures=realise_countries.country_figures(w, config, plan, facts, label),
    )


def report_names(w: Writer, config: ReportConfig) -> tuple[str, str]:
    """Return what the report is about: (the title's name, the name after "in").

    One country: its name (Babel's or the phrasebank's), then its name in running text with the
    article the language gives it (label ``country_in_<code>``: "el Perú"). A sub-regional
    platform: its phrasebank names (labels ``platform_<id>`` and ``platform_<id>_in``:
    "Southern Cone", "the Southern Cone"), or the ``platform:`` text as written when it is not a known platform.
    """
    if not config.multi:
        return sentences.country_name(w, config.country), sentences.country_in_text(w, config.country)
    labels = w.bank.labels
    key = f"platform_{config.platform_id}"
    if key in labels:
        return labels[key], labels.get(f"{key}_in", labels[key])
    return config.platform, config.platform


def _period(config: ReportConfig, locale: str) -> str:
    p = config.period
    if p.start == p.end:
        return numfmt.month_year(*p.start, locale=locale)
    return numfmt.month_range(p.start, p.end, locale=locale)


def partners(config: ReportConfig) -> tuple[str, ...]:
    """Return the partner names de-duplicated (case, accents and spaces ignored), in order."""
    seen, out = set(), []
    for name in config.partners:
        key = " ".join(unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower().split())
        if key not in seen:
            seen.add(key)
            out.append(" ".join(name.split()))
    return tuple(out)


def _key_figures(w: Writer, config: ReportConfig, plan: ContentPlan, country: str,
                 label: Label) -> tuple[KeyFigure, ...]:
    figures = []
    refugees, summed = refugees_figure(config)
    if refugees is not None and plan.refugees is not None:
        number, scale = w.spell(plan.refugees)
        source = f": {refugees.source}" if refugees.source else ""
        if refugees.as_of:
            source += f", {label('as_of', date=numfmt.full_date(refugees.as_of, locale=w.locale))}"
        comment = label("comment_sum_countries", value=numfmt.integer(int(refugees.value), locale=w.locale)) \
            if summed else label("comment_given", source=source)
        figures.append(KeyFigure(label("key_refugees", country=country),
                                 w.rules.quantity(number, scale, ""), comment=comment))
    if plan.people_assisted is not None:
        given = config.key_figures.get("people_assisted")
        value = numfmt.integer(plan.people_assisted.shown, locale=w.locale)
        comment = label("comment_given", source="") if given else \
            label("comment_sum_countries" if config.multi else "comment_computed", value=value)
        note = ""
        before = plan.people_assisted_previous
        change = change_direction(plan.people_assisted.shown, before, config.style.change_threshold)
        if change and before and plan.previous_period is not None:
            note = sentences.change_text(w, change, Quantity(before, before, Hedge.EXACT), 0,
                                         w.noun("people"), plan.previous_period).strip()
        figures.append(KeyFigure(label("key_assisted"), value, note=note, comment=comment))
    return tuple(figures)


def _funding(w: Writer, config: ReportConfig, plan: ContentPlan, label: Label) -> FundingBlock | None:
    f = plan.funding
    if f is None or config.funding is None:
        return None
    source = config.funding.source
    return FundingBlock(
        ratio=min(f.percent.value, 1.0),
        headline=label("funding_headline", percent=percent(f.percent.shown, locale=w.locale)),
        detail=label("funding_detail", funded=w.money(f.funded), required=w.money(f.required)),
        source=label("source", source=source) if source else "",
    )


def _drafted(w: Writer, items: tuple[Bilingual, ...], *, translate: bool = True) -> tuple[Paragraph, ...]:
    out = []
    for item in items:
        text, review = item.get(w.lang), ""
        if not text:
            text = item.first()
            review = w.bank.labels["review_missing_translation"] if translate else ""
        out.append(Paragraph(parse_drafted(text)[0], review=review))
    return tuple(out)


def _flag_warnings(w: Writer, para: Paragraph, item: Bullet, by_key: Mapping[str, Fact],
                   warned: dict) -> Paragraph:
    """Return ``para`` marked for review when a data warning touches one of its rows."""
    rows = sorted({(s.file, s.row) for m in item.messages for s in by_key[m.fact].sources} & set(warned))
    if not rows:
        return para
    codes = ", ".join(sorted({c for r in rows for c in warned[r]}))
    where = ", ".join(f"{f}:{r}" for f, r in rows[:6]) + (" …" if len(rows) > 6 else "")
    reason = textenv.render(w.bank.labels["review_data_warning"], {"codes": codes, "rows": where})
    return replace(para, review="; ".join(x for x in (para.review, reason) if x))


def _sectors(w: Writer, plan: ContentPlan, facts: Facts, warnings: Sequence[Problem]) -> tuple[SectorBlock, ...]:
    by_key = {f.key: f for f in facts.facts}
    warned: dict = {}
    for p in warnings:
        if p.row is not None and p.code in FLAGGING_WARNINGS:
            warned.setdefault((p.file, p.row), set()).add(p.code)
    placed = notes.place(w.config, plan, w.phrasebank, sector_code(w.phrasebank))
    ending: dict[str, list[notes.Placed]] = {}   # bullet key -> the notes that end it (report.yaml's order)
    after: dict[str, list] = {}      # sector -> the notes after its bullets
    for one in placed:
        if one.bullet:
            ending.setdefault(one.bullet, []).append(one)
        else:
            after.setdefault(one.sector, []).append(one)
    planned = {sp.sector: sp for sp in plan.sectors}
    order = [c for c in w.phrasebank.sectors if c in planned or c in after]
    order += [c for c in planned if c not in order]
    order += [c for c in after if c not in order]
    blocks = []
    for code in order:
        sp = planned.get(code)
        bullets = [_with_notes(w, _flag_warnings(w, sentences.bullet(
                       w, b, provenance.bullet_comment(w, b, by_key)), b, by_key, warned),
                       ending.get(b.key, ()))
                   for b in (sp.bullets if sp else ())]
        bullets.extend(_after_note(w, p) for p in after.get(code, ()))
        blocks.append(SectorBlock(code, _heading(w, code), tuple(bullets)))
    return tuple(blocks)


def _note_text(w: Writer, note: Note) -> tuple[str, str]:
    """Return (text, review) of a note in this language (the first given, flagged, if missing)."""
    text = note.get(w.lang)
    if text:
        return text, ""
    return note.first(), w.bank.labels["review_missing_translation"]


def _with_notes(w: Writer, para: Paragraph, placed: Iterable[notes.Placed]) -> Paragraph:
    """Return a bullet with the drafter notes that belong to it as its next sentences."""
    spans, reviews = list(para.spans), [para.review] if para.review else []
    texts = []
    for p in placed:
        text, review = _note_text(w, p.note)
        note = parse_drafted(text)[0]
        spans += [Span(" "), *note]
        texts.append("".join(s.text for s in note))
        reviews += [review] if review else []
    return replace(para, spans=tuple(spans), review="; ".join(dict.fromkeys(reviews)),
                   notes=tuple(texts))


def _after_note(w: Writer, p: notes.Placed) -> Paragraph:
    """Return a note shown after its sector's bullets; flagged when its bullet is not narrated."""
    text, review = _note_text(w, p.note)
    if p.missing:
        reason = textenv.render(w.bank.labels["review_note_unplaced"], {"target": p.note.target})
        review = "; ".join(r for r in (reason, review) if r)
    return Paragraph(parse_drafted(text)[0], review=review)


def _heading(w: Writer, code: str) -> str:
    sector = w.phrasebank.sectors.get(code)
    return sector.names[w.lang.value] if sector else w.bank.labels["other_sector"]


def sector_code(phrasebank: Phrasebank) -> Callable[[str], str]:
    """Return a function from a report.yaml sector name to its sector code ("" when unknown)."""
    from nlg.content.recognise import recogniser

    return recogniser(phrasebank).sector


def _footnotes(w: Writer, facts: Facts, label: Label) -> tuple[str, ...]:
    months = reached.months(w, facts)
    notes = [label("footnote_transit"), label("footnote_people_reached" + reached.suffix(facts), period=months)]
    if facts.table_missing:
        notes.append(label("footnote_missing_months", period=reached.missing(w, facts)))
    if facts.countries:                # several countries: notes name the countries concerned
        return tuple(notes + realise_countries.footnotes(w, facts, label))
    if not facts.rmrp_filter:
        notes.append(label("footnote_rmrp_all"))
    if not facts.new_reported:
        notes.append(label("footnote_not_reported"))
    else:
        notes += reached.no_figure_notes(facts, facts.sector_totals, label)
    return tuple(notes)


def _cell(w: Writer, total: SectorTotal, label: Label) -> str:
    if total.value is None:
        return label("not_reported")
    if reached.no_figure(total):
        return "–"
    return numfmt.integer(total.value, locale=w.locale)


def _table(w: Writer, facts: Facts, label: Label) -> Table:
    totals = facts.sector_totals
    table = Table(
        caption=label("people_reached_caption" + reached.suffix(facts), period=reached.months(w, facts)),
        row_label=label("people_reached_row"),
        headers=tuple(w.phrasebank.sectors[t.sector].short[w.lang.value]
                      if t.sector in w.phrasebank.sectors else label("other_sector") for t in totals),
        cells=tuple(_cell(w, t, label) for t in totals),
        values=tuple(t.value or 0 for t in totals),
        comments=tuple(provenance.total_comment(w, t) for t in totals),
    )
    if not facts.countries:
        return table
    return realise_countries.people_reached_grid(w, facts, table, label, lambda t: _cell(w, t, label))
