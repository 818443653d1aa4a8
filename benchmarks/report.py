"""Format benchmark rows: the Markdown table and the whole BENCHMARKS.md."""
from __future__ import annotations

import re

from benchmarks.common import Row

HEADER = ("#", "measurement", "median", "baseline", "ratio", "target", "result", "notes")


def _cell(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def table(rows: list[Row]) -> str:
    """Return the Markdown table of ``rows``."""
    lines = ["| " + " | ".join(HEADER) + " |", "|" + "---|" * len(HEADER)]
    for r in rows:
        cells = (r.key, r.what, r.value, r.baseline or "–", r.ratio or "–", r.target, r.verdict, r.note)
        lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    return "\n".join(lines)


def _ms(pairs, limit: int = 10) -> str:
    return ", ".join(f"{name} {ms:.0f} ms" for name, ms in list(pairs)[:limit])


def _details(rows: list[Row]) -> list[str]:
    out = []
    for r in rows:
        d = r.details
        out += d.get("kept_lines", [])           # rows carried over by --merge
        if "stages_median_ms" in d:
            out.append(f"- **{r.key}** stages of one draft (median, ms): "
                       + ", ".join(f"{k} {v:.0f}" for k, v in d["stages_median_ms"].items()))
        if "package_cumulative_ms" in d:
            heavy = sorted(d["package_cumulative_ms"].items(), key=lambda kv: -kv[1])
            out.append(f"- **{r.key}** import cost by package (cumulative, `-X importtime`): {_ms(heavy, 12)}")
            out.append(f"- **{r.key}** heaviest single modules (self time): {_ms(d['self_heaviest_ms'])}")
        if "top_imports_ms" in d:
            out.append(f"- **{r.key}** heaviest imports (cumulative): {_ms(d['top_imports_ms'])}")
        if "worker_peaks_mb" in d:
            peaks = ", ".join(f"{mb:.0f}" for mb in sorted(d["worker_peaks_mb"][0], reverse=True)[:6])
            out.append(f"- **{r.key}** peak RSS of each worker process, first run (MB): {peaks}")
    return out


def markdown(rows: list[Row], facts: dict[str, str], *, quick: bool, command: str) -> str:
    """Return BENCHMARKS.md."""
    measured = [r for r in rows if r.ok is not None]
    missed = [r for r in measured if not r.ok]
    lines = [
        "# Benchmarks",
        "",
        "Written by `python benchmarks/run.py` (issue 8); do not edit by hand. "
        "Profiles and explanations: [docs/performance.md](docs/performance.md).",
        "",
        f"Command: `{command}`" + (" (quick: fewer repeats, noisier)" if quick else ""),
        "",
        "## Machine",
        "",
        *[f"- {k}: {v}" for k, v in facts.items()],
        "",
        "## Results",
        "",
        f"{len(measured)} of {len(rows)} rows measured; {len(measured) - len(missed)} meet their target, "
        f"{len(missed)} miss.",
        "",
        table(rows),
        "",
        "Times are wall-clock medians (`time.perf_counter`); in-process benchmarks warm up first; "
        "whole-process benchmarks (3, 4, 6, 7) start a new Python each time (`.pyc` files and the OS "
        "file cache warm, as on a desk after the first run) and also give the CPU time (user + sys) "
        "of the process tree, which other work on a shared machine disturbs less than wall time.",
        "",
        "## Details",
        "",
        *(_details(rows) or ["- none"]),
        "",
    ]
    return "\n".join(lines)


def _split(line: str) -> list[str]:
    cells = re.split(r"(?<!\\)\|", line.strip())[1:-1]
    return [c.strip().replace("\\|", "|") for c in cells]


def parse(text: str) -> tuple[dict[str, str], str, list[Row]]:
    """Return (machine facts, command, rows) of a BENCHMARKS.md written by :func:`markdown`."""
    facts, command, rows, section = {}, "", [], ""
    for line in text.splitlines():
        if line.startswith("## "):
            section = line[3:].strip()
        elif line.startswith("Command: `"):
            command = line[len("Command: `"):].split("`")[0]
        elif section == "Machine" and line.startswith("- ") and ": " in line:
            key, value = line[2:].split(": ", 1)
            facts[key] = value
        elif section == "Results" and line.startswith("| ") and not line.startswith("| # |"):
            cells = _split(line)
            if len(cells) == len(HEADER):
                key, what, value, baseline, ratio, target, verdict, note = cells
                ok = {"pass": True, "**MISS**": False}.get(verdict)
                rows.append(Row(key, what, value, "" if baseline == "–" else baseline,
                                "" if ratio == "–" else ratio, target, ok, note))
    for line in text.split("## Details", 1)[-1].splitlines():
        found = re.match(r"- \*\*([^*]+)\*\* ", line)
        row = next((r for r in rows if found and r.key == found.group(1)), None)
        if row is not None:
            row.details.setdefault("kept_lines", []).append(line)
    return facts, command, rows
