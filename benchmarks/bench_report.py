"""Benchmark 2: one report, both languages, in process, folder to saved .docx, against the floor."""
from __future__ import annotations

import tempfile
import time
from pathlib import Path

from benchmarks import floor
from benchmarks.common import SAMPLE, Row, median, use_loader_in_process

TARGET_RATIO = 2.0


def _stages(out: Path) -> dict[str, float]:
    """Return the seconds of each stage of one draft (same calls as nlg.draft.output.write_drafts)."""
    from nlg.api import created_time, prepare, realise_all
    from nlg.word import assemble
    from nlg.word import save as docx_io

    t = [time.perf_counter()]
    d = prepare(SAMPLE)
    t.append(time.perf_counter())
    reports = realise_all(d)
    t.append(time.perf_counter())
    docs = {lang: assemble.build(r, template=d.config.template) for lang, r in reports.items()}
    t.append(time.perf_counter())
    for lang, document in docs.items():
        core = docx_io.CoreInfo.from_report(reports[lang], created=created_time(d.config))
        docx_io.save(document, out / d.file_name(lang), embedded=reports[lang].embedded, core=core)
    t.append(time.perf_counter())
    names = ("prepare (config, load, validate, aggregate, plan)", "realise both languages",
             "assemble.build (python-docx layout)", "docx_io.save (deterministic zip, atomic write)")
    return {name: t[i + 1] - t[i] for i, name in enumerate(names)}


def run(quick: bool) -> list[Row]:
    """Return the row of benchmark 2."""
    row = Row("2", "one report, EN+ES, folder → saved .docx (in process)", target=f"≤ {TARGET_RATIO:.1f}× floor")
    state = use_loader_in_process()
    if state == "missing":
        row.note = "5W loader not available yet"
        return [row]
    from nlg.api import prepare
    from nlg.draft.output import write_drafts

    n = 5 if quick else 15
    with tempfile.TemporaryDirectory(prefix="sitrep-bench-") as tmp:
        base = Path(tmp)
        counter = iter(range(10_000))

        def full() -> None:
            write_drafts(prepare(SAMPLE), base / f"d{next(counter)}")

        for _ in range(2):
            full()
        drafted = sorted((base / "d0").glob("*.docx"))
        shapes = [floor.shape(p) for p in drafted]

        def bottom() -> None:
            i = next(counter)
            for k, items in enumerate(shapes):
                floor.write(items, base / f"f{i}_{k}.docx")

        bottom()
        tool, low, stages = [], [], []
        for _ in range(n):        # interleaved, so drift hits both alike
            t = time.perf_counter()
            full()
            tool.append(time.perf_counter() - t)
            t = time.perf_counter()
            bottom()
            low.append(time.perf_counter() - t)
            out = base / f"s{next(counter)}"
            out.mkdir()
            stages.append(_stages(out))
    ratio = median(tool) / median(low)
    sizes = [floor.count(s) for s in shapes]
    row.value = f"{median(tool) * 1000:.0f} ms"
    row.baseline = f"{median(low) * 1000:.0f} ms"
    row.ratio = f"{ratio:.2f}×"
    row.ok = ratio <= TARGET_RATIO
    row.note = (f"median of {n}; floor = plain python-docx, default template, same "
                f"{sizes[0]['paragraphs']} paragraphs / {sizes[0]['runs']} runs / {sizes[0]['tables']} tables / "
                f"{sizes[0]['comments']} comments per language" + ("; dev stand-in loader" if state == "shim" else ""))
    row.details = {"tool_s": tool, "floor_s": low, "shape": sizes,
                   "stages_median_ms": {k: median([s[k] for s in stages]) * 1000 for k in stages[0]}}
    return [row]
