"""Read and write the folder's report.yaml for the page, keeping what the form does not show.

The file is edited in place with ruamel.yaml: keys the form does not own, comments
and the layout of untouched keys survive. The new text is checked by
:func:`nlg.config.report.check_text` (the checks and messages of ``sitrep draft``) before
anything is written; an invalid form leaves the file as it was.
"""
from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.error import YAMLError

from nlg.config.report import REPORT_FILE, ReportConfig, check_text, read_text
from nlg.errors import ConfigError, error
from nlg.model import Problem
from nlg.web.errors import WebError
from nlg.web.forms import FORM_KEYS, PAIRS
from nlg.word import save as docx_io

HEADER = "# The report's settings (sitrep serve writes this file; see README, 'The report folder').\n"


def _yaml() -> YAML:
    y = YAML()               # round trip: comments and key order kept
    y.width = 100
    y.indent(mapping=2, sequence=4, offset=2)
    y.preserve_quotes = True
    return y


@dataclass(frozen=True)
class Saved:
    """The outcome of saving the form: the configuration, or every problem found."""

    config: ReportConfig | None
    problems: tuple[Problem, ...] = ()
    written: bool = False


def path(folder: Path) -> Path:
    """Return the report.yaml path of ``folder``."""
    return Path(folder) / REPORT_FILE


def read_document(folder: Path) -> CommentedMap:
    """Return report.yaml as an editable mapping (empty when there is none); E178 when unreadable."""
    file = path(folder)
    if not file.is_file():
        return CommentedMap()
    text = read_text(file)
    try:
        document = _yaml().load(text)
    except YAMLError as exc:
        raise WebError(problems=[error("E178", f"report.yaml is not valid YAML: {exc}".splitlines()[0],
                                       file=str(file), hint="correct it in a text editor (or delete it "
                                       "to start again), then reload the page")]) from None
    if document is None:
        return CommentedMap()
    if not isinstance(document, CommentedMap):
        raise WebError(problems=[error("E178", "report.yaml is not a mapping of keys to values",
                                       file=str(file), hint="correct it in a text editor, then reload")])
    return document


def _plain(value):
    """Return a ruamel value as plain Python (for comparing with the form's values)."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value if isinstance(value, (int, float, bool)) or value is None else str(value)


def _other_languages(old, new):
    """Return the form's texts ``new`` with the texts in languages the form does not show (a
    Portuguese ``pt:``) kept from the file's ``old`` items, position by position."""
    if not isinstance(old, list) or not isinstance(new, list):
        return new
    out = []
    for i, item in enumerate(new):
        before = old[i] if i < len(old) else None
        if isinstance(item, dict) and isinstance(before, dict):
            item = {**item, **{k: v for k, v in before.items() if k not in item and k not in _SHOWN}}
        out.append(item)
    return out


#: The languages the page's form edits; report.yaml texts in other languages are kept.
_SHOWN = ("en", "es")


def merged_text(document: CommentedMap, raw: dict) -> str:
    """Return the YAML text of ``document`` with the form's keys set to ``raw`` (None: removed)."""
    raw = {**raw, **{k: _other_languages(document.get(k), raw.get(k)) for k in PAIRS if raw.get(k)}}
    for key in FORM_KEYS:
        value = raw.get(key)
        if value in (None, {}, []):
            document.pop(key, None)
        elif _plain(document.get(key)) != _plain(value):
            if key in document:
                document[key] = value
            else:
                document.insert(_position(document, key), key, value)
    buffer = io.StringIO()
    _yaml().dump(document, buffer)
    text = buffer.getvalue()
    return text if text.lstrip().startswith("#") else HEADER + text


def _position(document: CommentedMap, key: str) -> int:
    """Return where ``key`` goes: after the form keys before it that the file has."""
    before = FORM_KEYS[:FORM_KEYS.index(key)]
    places = [i for i, k in enumerate(document) if k in before]
    return places[-1] + 1 if places else 0


def save(folder: Path, raw: dict, *, write: bool = True) -> Saved:
    """Return the outcome of setting the form's keys to ``raw``; written only when valid."""
    document = read_document(folder)
    text = merged_text(document, raw)
    try:
        config = check_text(folder, text)
    except ConfigError as exc:
        return Saved(None, exc.problems)
    file = path(folder)
    old = file.read_bytes() if file.is_file() else None
    data = text.encode("utf-8")
    if write and data != old:
        docx_io.write_atomic(file, data)
        return Saved(config, (), True)
    return Saved(config)


def check_saved(folder: Path) -> tuple[ReportConfig | None, tuple[Problem, ...]]:
    """Return the configuration of the report.yaml on disk, or its problems (none: no file)."""
    file = path(folder)
    if not file.is_file():
        return None, ()
    try:
        return check_text(folder, read_text(file)), ()
    except ConfigError as exc:
        return None, exc.problems
