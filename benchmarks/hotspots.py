"""Profile one benchmark's hot path and print the top functions (for docs/performance.md).

Usage: ``python benchmarks/hotspots.py realise|report|load|micro|whatif|cold [--lang en|es] [--top N]``

- ``realise``: cProfile of 100 passes of the sample's bullets (benchmark 1);
- ``report``: cProfile of 5 in-process drafts of the sample, both languages (benchmark 2);
- ``load``: cProfile of read_table + validate on the 100,000-row CSV and .xlsx (benchmark 5);
- ``micro``: per-call cost, without profiler overhead, of the functions benchmark 1 leans on;
- ``cold``: one `sitrep draft` of the sample in a fresh process, timed stage by stage
  (imports, phrasebank, config, data, plan, realise, Word, save) and repeated 5 times;
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
    from nlg.draft.output import write_drafts

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
    from nlg import numfmt
    from nlg.lang import base, es
    from nlg.realise import textenv
    from nlg.realise.markup import parse, polish

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

    from nlg import numfmt
    from nlg.lang import base
    from nlg.realise import markup, sentences, textenv
    from nlg.realise.doc import Span

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
    from nlg.api import prepare, realise_all
    from nlg.model import Lang
    from nlg.word import assemble

    d = prepare(SAMPLE)
    reports = realise_all(d)
    before = {f"µs per bullet {x.value}": _median_ms(lambda: _bullet_pass(d, x)[1]) for x in Lang}  # noqa: B023  (called at once)
    before = {k: v * 1000 / _bullet_pass(d, Lang.EN)[2] for k, v in before.items()}
    before["assemble.build EN+ES, ms"] = _median_ms(
        lambda: [assemble.build(r, template=d.config.template) for r in reports.values()], 7)
    _patch_realise()
    _patch_assemble()
    after = {f"µs per bullet {x.value}": _median_ms(lambda: _bullet_pass(d, x)[1]) for x in Lang}  # noqa: B023  (called at once)
    after = {k: v * 1000 / _bullet_pass(d, Lang.EN)[2] for k, v in after.items()}
    after["assemble.build EN+ES, ms"] = _median_ms(
        lambda: [assemble.build(r, template=d.config.template) for r in reports.values()], 7)
    same = realise_all(d) == reports
    for k in before:
        print(f"{k:28s} before {before[k]:8.1f}   after {after[k]:8.1f}")
    print(f"realised reports identical after the patches: {same}")


_COLD = """
import sys, time
t = [("start", time.perf_counter())]
def mark(name): t.append((name, time.perf_counter()))
sys.path.insert(0, {root!r})
import nlg.cli.sitrep, nlg.api, nlg.draft.output; mark("import nlg.cli.sitrep, nlg.api, nlg.draft.output")
import nlg.load.table; mark("import nlg.load.table")
from nlg.phrasebank import bank as pb
from nlg.config import report as config
from nlg.word import assemble
from nlg.word import save as docx_io
from nlg.api import load_data, aggregate, make_plan, select, _assisted, realise_all, created_time
from pathlib import Path
bank = pb.load(None); mark("phrasebank YAML")
cfg = config.load_config(Path({sample!r})); mark("report.yaml")
data = load_data(cfg); mark("read + validate 5W")
facts = aggregate(data, cfg, bank); mark("aggregate (places: pycountry subdivisions)")
plan = make_plan(select(facts, bank, cfg.style), cfg, bank, _assisted(cfg, facts)); mark("select + plan")
d = nlg.api.Draft(cfg, data, facts, plan, bank)
reports = realise_all(d); mark("realise EN+ES (first call: jinja compiles templates)")
docs = {{l: assemble.build(r, template=cfg.template) for l, r in reports.items()}}; mark("assemble.build EN+ES")
import tempfile
out = Path(tempfile.mkdtemp())
for l, doc in docs.items():
    core = docx_io.CoreInfo.from_report(reports[l], created=created_time(cfg))
    docx_io.save(doc, out / d.file_name(l), embedded=reports[l].embedded, core=core)
mark("docx_io.save EN+ES")
print(";".join(f"{{n}}={{(t[i][1] - t[i - 1][1]) * 1000:.1f}}" for i, (n, _) in enumerate(t) if i))
"""


def cold(lang, top: int) -> None:
    """Print the median stage times of a fresh-process draft (no previous-month lookup)."""
    import statistics
    import subprocess

    from benchmarks.common import ROOT, child_env, loader_state

    code = _COLD.format(root=str(ROOT), sample=str(SAMPLE))
    runs = []
    for _ in range(6):
        proc = subprocess.run([sys.executable, "-c", code], env=child_env(loader_state()),
                              capture_output=True, text=True, check=True)
        runs.append(dict(x.split("=") for x in proc.stdout.strip().split(";")))
    runs = runs[1:]
    total = 0.0
    for name in runs[0]:
        ms = statistics.median(float(r[name]) for r in runs)
        total += ms
        print(f"{ms:8.1f} ms  {name}")
    print(f"{total:8.1f} ms  total after interpreter start (median of 5)")


def main() -> int:
    """Run the chosen profile."""
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("what", choices=("realise", "report", "load", "micro", "whatif", "cold"))
    p.add_argument("--lang", default="es", choices=("en", "es"))
    p.add_argument("--top", type=int, default=30)
    args = p.parse_args()
    use_loader_in_process()
    from nlg.model import Lang

    globals()[args.what](Lang(args.lang), args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
