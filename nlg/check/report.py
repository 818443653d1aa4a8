"""Present `sitrep check` results: a readable table, or JSON (``--json``)."""
from __future__ import annotations

import json
import textwrap
from collections import Counter

from nlg.check.findings import CheckResult
from nlg.check.rules import Finding

JSON_SCHEMA = "sitrep-nlg/check/1"
_WIDTH = 100


def to_json(result: CheckResult) -> str:
    """Return the result as JSON: documents, findings and a summary by kind."""
    data = {
        "schema": JSON_SCHEMA,
        "clean": result.clean,
        "documents": [{"path": str(d.path), "lang": d.lang.value, "report": d.report}
                      for d in result.documents],
        "findings": [{"code": f.code, "kind": f.kind, "file": f.file, "lang": f.lang,
                      "section": f.section, "key": f.key, "message": f.message,
                      "written": f.written, "sentence": f.sentence, "expected": f.expected}
                     for f in result.findings],
        "summary": dict(sorted(Counter(f.kind for f in result.findings).items())),
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _where(f: Finding) -> str:
    return " ".join(x for x in (f.section, f.key and f"[{f.key}]") if x)


def _entry(f: Finding) -> list[str]:
    """Return the lines of one finding: code, place, message, quoted sentence, expectation."""
    lines = [f"  {f.code} {f.kind:<18} {_where(f)}", f"       {f.message}"]
    if f.sentence:
        quoted = textwrap.shorten(f.sentence, width=_WIDTH * 3, placeholder=" …")
        lines += textwrap.wrap(f"“{quoted}”", width=_WIDTH, initial_indent="       ",
                               subsequent_indent="        ")
    if f.expected:
        lines.append(f"       stored: {f.expected}")
    return lines


def to_table(result: CheckResult) -> str:
    """Return the findings grouped by document, then a one-line summary."""
    lines = []
    for doc in result.documents:
        mine = [f for f in result.findings if f.file == str(doc.path) and f.lang == doc.lang.value]
        lines.append(f"{doc.path} ({doc.lang.value.upper()}, {doc.report}): "
                     + (f"{len(mine)} finding(s)" if mine else "clean"))
        for f in mine:
            lines += _entry(f)
    counts = Counter(f.kind for f in result.findings)
    if counts:
        lines.append(f"{len(result.findings)} finding(s): "
                     + ", ".join(f"{k} ×{n}" for k, n in sorted(counts.items())))
    else:
        lines.append("clean: every figure fits the stored facts")
    return "\n".join(lines) + "\n"
