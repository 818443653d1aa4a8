"""What the page's buttons do, on top of the library (no pipeline code of its own)."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from nlg.errors import ConfigError, DataError, OutputError, SitrepError, error
from nlg.validate.guess import guess
from nlg.web import forms, store, views
from nlg.web.exports import Upload, accept
from nlg.web.folder import ReportFolder, safe_name

ACTIONS = ("save", "preview", "draft", "review", "pdf")
EDITED = ("E510", "E533")


@lru_cache(maxsize=1)
def pdf_available() -> bool:
    """Return whether LibreOffice is there to write PDFs."""
    from nlg.word.pdf import find_soffice

    return find_soffice() is not None


@dataclass
class Result:
    """The outcome of one button: what to show in the result panel and next to the fields."""

    action: str
    state: forms.FormState
    ok: bool = False
    saved: bool = False
    problems: list = field(default_factory=list)          # [Located] not tied to a field
    by_file: dict = field(default_factory=dict)           # export name -> [Located]
    rows: list = field(default_factory=list)              # preview rows
    warnings: list = field(default_factory=list)          # [Located] data warnings
    outside: int = 0
    outputs: list = field(default_factory=list)           # [views.Output]
    qa: str | None = None
    edited: bool = False                                   # a reviewer's edit blocks the write


def guessed_state(folder: ReportFolder) -> forms.FormState:
    """Return an empty form with country, period and platform guessed from the folder's exports."""
    from nlg.load.table import read_table

    state = forms.FormState()
    tables = []
    for name in folder.exports():
        try:
            tables.append(read_table(folder.root / name))
        except SitrepError:
            continue
    found = guess(tables)
    state.fields.update(country=found.country, period=found.period, platform=found.platform)
    return state


def _columns(folder: ReportFolder) -> dict:
    config, _ = store.check_saved(folder.root)
    return dict(config.columns) if config else {}


def take_uploads(folder: ReportFolder, state: forms.FormState,
                 files: list[tuple[str, bytes]]) -> list[Upload]:
    """Return what became of each dropped export; fill the form's empty guesses from the kept ones."""
    uploads = [accept(folder, name, content, country=state.value("country"),
                      period=state.value("period"), columns=_columns(folder)) for name, content in files]
    for u in uploads:
        if not u.accepted:
            continue
        if u.name not in state.data:
            state.data.append(u.name)
        for key in ("country", "period", "platform"):
            if not state.value(key) and getattr(u.guess, key):
                state.fields[key] = getattr(u.guess, key)
    return uploads


def _data_names(folder: ReportFolder, state: forms.FormState) -> list:
    """Return the problems of the form's export names that are not plain names in the folder."""
    problems = []
    for name in state.data:
        try:
            folder.path(name)
        except SitrepError as exc:
            problems += [error(p.code, f"data: {p.message}", value=p.value, hint=p.hint)
                         for p in exc.problems]
    return problems


def run(folder: ReportFolder, state: forms.FormState, action: str, force: bool = False) -> Result:
    """Return the outcome of ``action`` on the form ``state`` (saved first)."""
    result = Result(action, state)
    if action not in ACTIONS:
        result.problems = views.located([error("E182", value=action)])
        return result
    bad = _data_names(folder, state)
    saved = (store.Saved(None, tuple(bad)) if bad else
             _save(folder, state))
    if saved.config is None:
        forms.with_problems(state, saved.problems)
        return result
    result.saved = saved.written
    if action == "save":
        result.ok = True
        return result
    try:
        _act(folder, action, force, result)
    except SitrepError as exc:
        _failed(exc, result)
        if isinstance(exc, DataError):
            result.qa = _qa_for_errors(folder, saved.config, exc.problems)
    return result


def _qa_for_errors(folder: ReportFolder, config, problems) -> str | None:
    """Return the name of the QA workbook listing the errors that stopped the draft."""
    from nlg.draft.qa import write_for_errors

    try:
        return write_for_errors(config, problems, folder.out).path.name
    except SitrepError:
        return None


def _save(folder: ReportFolder, state: forms.FormState) -> store.Saved:
    try:
        return store.save(folder.root, forms.to_raw(state))
    except SitrepError as exc:
        return store.Saved(None, exc.problems)


def _failed(exc: SitrepError, result: Result) -> None:
    """Return after putting the problems of a failed action where the page shows them."""
    if isinstance(exc, DataError):
        result.by_file = views.by_file(exc.problems)
    elif isinstance(exc, ConfigError):
        forms.with_problems(result.state, exc.problems)
    result.edited = isinstance(exc, OutputError) and any(p.code in EDITED for p in exc.problems)
    result.problems = views.located(exc.problems)


def _act(folder: ReportFolder, action: str, force: bool, result: Result) -> None:
    from nlg.api import prepare

    draft = prepare(folder.root)
    result.warnings = views.located(draft.warnings)
    result.outside = draft.data.rows_outside_period
    if action == "preview":
        from nlg.draft.qa import write_for_draft

        result.rows = views.preview_rows(draft)
        try:                                  # the workbook must not stop the preview
            folder.out.mkdir(exist_ok=True)
            result.qa = write_for_draft(draft, folder.out).path.name
        except (SitrepError, OSError) as exc:
            result.problems = views.located(getattr(exc, "problems", ()))
    elif action == "draft":
        from nlg.draft.output import write_drafts

        written = write_drafts(draft, folder.out, force=force)
        result.outputs = [views.Output(w.path.name, "docx", w.lang.value,
                                       w.backup.name if w.backup else "", w.review)
                          for w in written.outputs]
        if written.qa is not None:
            result.qa = written.qa.path.name
    elif action == "review":
        from nlg.draft.review import write_draft_review

        path = write_draft_review(draft, folder.out, force=force)
        result.outputs = [views.Output(path.name, "review")]
    elif action == "pdf":
        result.outputs = _pdfs(folder, draft)
    result.qa = result.qa or views.qa_workbook(folder, draft)
    result.ok = True


def _pdfs(folder: ReportFolder, draft) -> list:
    from nlg.word.pdf import to_pdfs

    names = views.draft_names(draft)
    missing = [n for n in names if not (folder.out / n).is_file()]
    if missing:
        raise OutputError(problems=[error("E177", file=n) for n in missing])
    paths = to_pdfs([folder.out / n for n in names])
    return [views.Output(p.name, "pdf", lang.value) for p, lang in zip(paths, draft.config.languages)]


@dataclass
class Checked:
    """The outcome of checking uploaded reviewed drafts."""

    files: list[str] = field(default_factory=list)
    findings: list = field(default_factory=list)
    problems: list = field(default_factory=list)
    done: bool = False


def check_uploads(folder: ReportFolder, files: list[tuple[str, bytes]], compare: bool) -> Checked:
    """Return the findings of ``sitrep check`` on the uploaded .docx files (kept nowhere)."""
    from nlg.check.findings import check

    out = Checked()
    names = []
    try:
        names = [safe_name(n, suffixes=(".docx",), code="E174") for n, _ in files]
    except SitrepError as exc:
        out.problems = views.located(exc.problems)
        return out
    if not names:
        out.problems = views.located([error("E174", "no .docx chosen", hint="choose the reviewed drafts")])
        return out
    out.files = names
    with folder.staging() as area:
        paths = []
        for name, (_, content) in zip(names, files):
            (area / name).write_bytes(content)
            paths.append(area / name)
        try:
            config, _ = store.check_saved(folder.root)
            result = check(paths, data=folder.root if compare and config else None)
        except SitrepError as exc:
            out.problems = views.located(exc.problems)
            return out
    out.findings = [(Path(f.file).name, f) for f in result.findings]
    out.done = True
    return out
