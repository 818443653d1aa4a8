"""Profile one benchmark's hot path and print the top functions (for docs/performance.md).

Usage: ``python benchmarks/hotspots.py realise|report|load|micro|whatif [--lang en|es] [--top N]``

- ``realise``: cProfile of 100 passes of the sample's bullets (benchmark 1);
- ``report``: cProfile of 5 in-process drafts of the sample, both languages (benchmark 2);
- ``load``: cProfile of read_table + validate on the 100,000-row CSV and .xlsx (benchmark 5);
- ``micro``: per-call cost, without profiler overhead, of the functions benchmark 1 leans on;
- ``whatif``: benchmarks 1 and 2's hot paths before and after the fixes recommended in
  docs/performance.md, applied here as monkeypatches (nothing under nlg/ is changed).

For cold start and `check`, use ``python -X importtime -m nlg draft samples/peru-2023-11 --out /tmp/x``.
"""
from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import sys
import tempfile
import timeit
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import SAMPLE, use_loader_in_process  # noqa: E402


def _print(prof: cProfile.Profile, top: int) -> None:
    for key in ("tottime", "cumulative"):
        out = io.StringIO()
        pstats.Stats(prof, stream=out).sort_stats(key).print_stats(top)
        sys.stdout.write(out.getvalue())


def realise(lang, top: int) -> None:
    from benchmarks.bench_realise import _bullet_pass
    from nlg.api import prepare

    d = prepare(SAMPLE)
    for _ in range(5):
        _bullet_pass(d, lang)
    prof = cProfile.Profile()
    prof.runcall(lambda: [_bullet_pass(d, lang) for _ in range(100)])
    _print(prof, top)


def report(lang, top: int) -> None:
    from nlg.api import prepare
    from nlg.output import write_drafts

    with tempfile.TemporaryDirectory() as tmp:
        write_drafts(prepare(SAMPLE), Path(tmp) / "w")
        prof = cProfile.Profile()
        prof.runcall(lambda: [write_drafts(prepare(SAMPLE), Path(tmp) / str(i)) for i in range(5)])
    _print(prof, top)


def load(lang, top: int) -> None:
    from benchmarks import gen5w
    from benchmarks.bench_load import _once

    for fmt, path in gen5w.ensure().items():
        print(f"== {fmt}")
        prof = cProfile.Profile()
        prof.runcall(_once, path)
        _print(prof, top)


def micro(lang, top: int) -> None:
    """Print µs per call of the helpers the bullets use, on a typical sentence."""
    from nlg import numfmt, textenv
    from nlg.lang import base, es
    from nlg.markup import parse, polish

    s = ("en Lima, Tumbes y Tacna, los socios del GTRM asistieron a más de 15.000 refugiados y "
         "migrantes con asistencia alimentaria (kits de alimentos y refrigerios)")
    tpl = "{{ place }} {{ actor }} {{ 'asistir' | agree }} a {{ count }}"
    textenv.compiled(tpl)
    cases = {
        "lang.base.url_spans(sentence)": lambda: base.url_spans(s),
        "lang.es.orthography(sentence)": lambda: es.orthography(s),
        "markup.polish(1 span, sentence)": lambda: polish(parse(s), es.orthography),
        "numfmt.integer(14971, es)": lambda: numfmt.integer(14971, locale="es"),
        "textenv.render(plain text, no slot)": lambda: textenv.render("sin huecos", {}),
        "textenv.render(3 slots)": lambda: textenv.render("{{ a }} y {{ b }} en {{ c }}",
                                                          {"a": "x", "b": "y", "c": "z"}),
    }
    for name, fn in cases.items():
        n = 2000
        us = min(timeit.repeat(fn, number=n, repeat=5)) / n * 1e6
        print(f"{us:8.1f} µs  {name}")


def _median_ms(fn, n: int = 15) -> float:
    import statistics
    import time

    fn()
    times = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000


def _patch_realise() -> None:
    """Apply the recommended realisation fixes as monkeypatches."""
    import functools
    import re

    from nlg import markup, numfmt, sentences, textenv
    from nlg.doc import Span
    from nlg.lang import base

    maybe = re.compile(r"://|www\.|@|\.(?:org|int|info|com|net|gob|gov|edu)\b", re.IGNORECASE)
    plain_url_spans = base.url_spans
    base.url_spans = lambda text: plain_url_spans(text) if maybe.search(text) else []
    slow_polish = markup.polish

    def polish(spans, orthography):
        if len(spans) == 1:
            after = orthography(spans[0].text)
            return spans if after == spans[0].text else (Span(after, spans[0].bold, spans[0].link),)
        return slow_polish(spans, orthography)
    markup.polish = sentences.polish = polish
    numfmt.integer = functools.lru_cache(maxsize=4096)(numfmt.integer)
    slow_render = textenv.render

    def render(source, slots, *, agreement=None, acronyms=None):
        if "{" not in source and not source.endswith("\n"):
            return source
        return slow_render(source, slots, agreement=agreement, acronyms=acronyms)
    textenv.render = render


def _patch_assemble() -> None:
    """Apply the recommended python-docx style-id cache as a monkeypatch."""
    from docx.styles.styles import Styles

    plain = Styles.get_style_id
    cache: dict = {}

    def get_style_id(self, style_or_name, style_type):
        if not isinstance(style_or_name, str):
            return plain(self, style_or_name, style_type)
        key = (id(self._element), style_or_name, style_type)
        if key not in cache:
            cache[key] = plain(self, style_or_name, style_type)
        return cache[key]
    Styles.get_style_id = get_style_id


def whatif(lang, top: int) -> None:
    """Print benchmark 1 and 2's hot paths before and after the recommended fixes."""
    from benchmarks.bench_realise import _bullet_pass
    from nlg import assemble
    from nlg.api import prepare, realise_all
    from nlg.model import Lang

    d = prepare(SAMPLE)
    reports = realise_all(d)
    before = {f"µs per bullet {x.value}": _median_ms(lambda: _bullet_pass(d, x)[1]) for x in Lang}
    before = {k: v * 1000 / _bullet_pass(d, Lang.EN)[2] for k, v in before.items()}
    before["assemble.build EN+ES, ms"] = _median_ms(
        lambda: [assemble.build(r, template=d.config.template) for r in reports.values()], 7)
    _patch_realise()
    _patch_assemble()
    after = {f"µs per bullet {x.value}": _median_ms(lambda: _bullet_pass(d, x)[1]) for x in Lang}
    after = {k: v * 1000 / _bullet_pass(d, Lang.EN)[2] for k, v in after.items()}
    after["assemble.build EN+ES, ms"] = _median_ms(
        lambda: [assemble.build(r, template=d.config.template) for r in reports.values()], 7)
    same = realise_all(d) == reports
    for k in before:
        print(f"{k:28s} before {before[k]:8.1f}   after {after[k]:8.1f}")
    print(f"realised reports identical after the patches: {same}")


def main() -> int:
    """Run the chosen profile."""
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("what", choices=("realise", "report", "load", "micro", "whatif"))
    p.add_argument("--lang", default="es", choices=("en", "es"))
    p.add_argument("--top", type=int, default=30)
    args = p.parse_args()
    use_loader_in_process()
    from nlg.model import Lang

    globals()[args.what](Lang(args.lang), args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
