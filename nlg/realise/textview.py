"""A plain-text view of a realised report, for `sitrep preview` and golden tests."""
from __future__ import annotations

from nlg.realise.doc import Paragraph, RealisedReport


def _para(p: Paragraph, bullet: str = "- ", markup: bool = True) -> str:
    text = "".join(_marked(s) if markup and s.text.strip() else s.text for s in p.spans)
    flag = f"  [{p.review}]" if p.review else ""
    return f"{bullet}{text}{flag}"


def _marked(span) -> str:
    """Return a span's text with its bold as ``**…**`` and italics as ``*…*``."""
    text = f"*{span.text}*" if span.italic else span.text
    return f"**{text}**" if span.bold else text


def _grid(table) -> list[str]:
    """Return a grid table as lines: its column headers, then one line per row."""
    return [" | ".join((table.row_label, *table.columns))] + [
        " | ".join((head, *cells)) for head, cells in zip(table.headers, table.grid)]


def render(report: RealisedReport, *, markup: bool = True) -> str:
    """Return the report as text: headings, bullets (bold as **…**), table, partners."""
    lines = [f"# {report.title}", report.subtitle]
    if report.published:
        lines.append(f"{report.labels['published']} {report.published}")
    lines.append("")
    for fig in report.key_figures:
        lines.append(f"{fig.value} — {fig.label}")
    if report.funding:
        f = report.funding
        lines += [f"{f.headline} — {f.detail}", f.source]
    if report.country_figures:
        lines += ["", report.country_figures.caption] + _grid(report.country_figures)
    sections = [("situation", report.situation), ]
    for key, paras in sections:
        if paras:
            lines += ["", f"## {report.labels[key]}"] + [_para(p, markup=markup) for p in paras]
    if report.sectors:
        lines += ["", f"## {report.labels['response']}"]
        for block in report.sectors:
            lines += ["", f"### {block.heading}"] + [_para(p, markup=markup) for p in block.bullets]
    t = report.people_reached
    lines += ["", f"## {t.caption}"]
    lines += _grid(t) if t.columns else [f"{h}: {c}" for h, c in zip(t.headers, t.cells)]
    if report.coordination:
        lines += ["", f"## {report.labels['coordination']}"]
        lines += [_para(p, markup=markup) for p in report.coordination]
    if report.partners:
        lines += ["", f"## {report.partners_heading}", " | ".join(report.partners)]
    if report.contacts:
        lines += ["", f"## {report.labels['contacts']}"] + [_para(p, "", markup) for p in report.contacts]
    lines += [""] + list(report.footnotes)
    return "\n".join(lines) + "\n"
