"""The batch manifest (OUT/manifest.json): every input and output with its sha256, per report.

Keys are written sorted. Everything under a ``timings`` key (seconds, memory, jobs) varies from
run to run; nothing else does for the same inputs and the same actions, and only ``fingerprint``
and the output hashes decide whether a report is up to date.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from nlg.batch.plan import FileHash, Outcome, Status

MANIFEST = "manifest.json"
SCHEMA = "sitrep-batch-manifest/1"


@dataclass(frozen=True)
class Recorded:
    """What the last run recorded: report entries by key, shared input hashes by path."""

    reports: Mapping[str, Mapping]
    shared: Mapping[str, str]
    note: str = ""


def read(out: Path) -> Recorded:
    """Return what the manifest in ``out`` recorded (empty, with a note, when unusable)."""
    path = Path(out) / MANIFEST
    if not path.is_file():
        return Recorded({}, {})
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        return Recorded({}, {}, f"{MANIFEST} could not be read ({type(exc).__name__}); "
                        "every report is drafted again (edited documents are still kept)")
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        return Recorded({}, {}, f"{MANIFEST} is not a sitrep batch manifest; every report is "
                        "drafted again (edited documents are still kept)")
    reports, files = data.get("reports"), data.get("shared_inputs")
    entries = [e for e in (reports if isinstance(reports, list) else ()) if _usable(e)]
    shared = {f["path"]: f["sha256"] for f in (files if isinstance(files, list) else ())
              if _file(f)}
    dropped = len(reports) - len(entries) if isinstance(reports, list) else 0
    note = (f"{dropped} entr{'y' if dropped == 1 else 'ies'} of {MANIFEST} could not be read; "
            "those reports are drafted again (edited documents are still kept)") if dropped else ""
    return Recorded({e["key"]: e for e in entries}, shared, note)


def _file(f) -> bool:
    return isinstance(f, dict) and isinstance(f.get("path"), str) and isinstance(f.get("sha256"), str)


def _usable(e) -> bool:
    """Return whether a manifest entry has the shape this version reads (hand-edited ones may not)."""
    if not (isinstance(e, dict) and isinstance(e.get("key"), str) and e["key"]
            and isinstance(e.get("folder", ""), str) and isinstance(e.get("status", ""), str)
            and isinstance(e.get("fingerprint") or "", str)):
        return False
    lists = [e.get(k, []) for k in ("inputs", "outputs", "warnings", "review", "backups")]
    if not all(isinstance(x, list) for x in lists):
        return False
    inputs, outputs, *texts = lists
    return (all(_file(f) for f in inputs + outputs)
            and all(isinstance(t, str) for group in texts for t in group))


def _files(files: Iterable[FileHash]) -> list[dict]:
    return [{"role": f.role, "path": f.path, "sha256": f.sha256} for f in files]


def entry(outcome: Outcome) -> dict:
    """Return the manifest entry of one report."""
    r = outcome.report
    timings = {"seconds": round(outcome.seconds, 3)}
    if outcome.peak_rss_mb is not None:
        timings["worker_peak_rss_mb"] = round(outcome.peak_rss_mb, 1)
    return {
        "key": r.key, "folder": r.label, "country": r.country, "period": r.period,
        "status": outcome.status.value, "reason": outcome.reason,
        "fingerprint": outcome.fingerprint or None,
        "inputs": _files(r.inputs),
        "outputs": [{"lang": f.role, "path": f.path, "sha256": f.sha256} for f in outcome.outputs],
        "backups": list(outcome.backups), "warnings": list(outcome.warnings),
        "review": list(outcome.review), "timings": timings,
    }


def build(outcomes: Iterable[Outcome], shared: Iterable[FileHash], *, version: str,
          seconds: float, jobs: int, carried: Iterable[Mapping] = ()) -> dict:
    """Return the whole manifest; ``carried``: last run's entries of reports not done yet."""
    outcomes = list(outcomes)
    reports = [entry(o) for o in outcomes] + [{"folder": "", **e} for e in carried]
    return {
        "schema": SCHEMA,
        "tool": {"name": "sitrep-nlg", "version": version},
        "shared_inputs": _files(shared),
        "summary": {s.value: sum(o.status is s for o in outcomes) for s in Status},
        "reports": sorted(reports, key=lambda e: (e["key"], e["folder"].casefold())),
        "timings": {"seconds": round(seconds, 3), "jobs": jobs},
    }


def dumps(manifest: Mapping) -> bytes:
    """Return the manifest as UTF-8 JSON with sorted keys and a final newline."""
    return (json.dumps(manifest, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode("utf-8")


def write(out: Path, manifest: Mapping) -> Path:
    """Return the manifest path after replacing it atomically."""
    from nlg.word.save import write_atomic

    path = Path(out) / MANIFEST
    write_atomic(path, dumps(manifest))
    return path
