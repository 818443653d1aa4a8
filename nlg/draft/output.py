"""Write the drafts: one .docx per language, atomically, never over a reviewer's edits.

Before anything is written every output is checked: a document open in Word or
LibreOffice (its lock file is beside it) stops the run (E505); a document edited
since it was generated (content hash, see :mod:`nlg.word.save`) stops it too (E510),
or with ``force`` is kept as ``name.edited-N.docx``. Each file is replaced in one
step (temporary file, then rename), so an interrupted run leaves the old file or
the new one, never half of either. The QA workbook of the data problems is written
beside them (see :mod:`nlg.draft.qa`).
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from nlg import atomic
from nlg.api import Draft, created_time, realise_all
from nlg.draft import qa
from nlg.draft.files import backup_path, ensure_folder, lock_file
from nlg.draft.qa import QAWritten
from nlg.errors import OutputError, error
from nlg.model import Lang, Problem
from nlg.realise.doc import RealisedReport
from nlg.word import assemble, template_links
from nlg.word import save as docx_io


@dataclass(frozen=True)
class Written:
    path: Path
    lang: Lang
    backup: Path | None = None
    review: tuple[str, ...] = ()


@dataclass(frozen=True)
class DraftResult:
    draft: Draft
    outputs: tuple[Written, ...] = field(default_factory=tuple)
    qa: QAWritten | None = None            # the QA workbook (nlg.draft.qa)
    warnings: tuple[Problem, ...] = ()      # about the output (W230: template links left out)


def _edited(path: Path) -> bool:
    """Return whether ``path`` must not be replaced silently: edited, or not a draft of ours."""
    try:
        return docx_io.is_edited(path)
    except OutputError as exc:
        if any(p.code == "E561" for p in exc.problems):
            raise                        # cannot be read at all: say so, do not call it edited
        return True                      # not a readable .docx: someone's file, keep it


def _in_the_way(paths: Sequence[Path]) -> None:
    """Raise E564 when an output name is taken by a folder (or anything but a file)."""
    taken = [p for p in paths if p.exists() and not p.is_file()]
    if taken:
        raise OutputError(problems=[error(
            "E564", file=str(p)) for p in taken])


def _guard(paths: Sequence[Path], force: bool) -> dict[Path, Path]:
    """Return {edited output: backup name}; raise when an output is open or edited (without force)."""
    locked = [(p, lock) for p in paths if (lock := lock_file(p)) is not None]
    if locked:
        raise OutputError(problems=[error(
            "E505", f"the document is open in Word or LibreOffice (lock file {lock.name}); not overwritten",
            file=str(p), hint=f"close it and run again; if it is not open, delete {lock.name}")
            for p, lock in locked])
    _in_the_way(paths)
    edited = [p for p in paths if p.exists() and _edited(p)]
    if edited and not force:
        raise OutputError(problems=[error(
            "E510", file=str(p)) for p in edited])
    return {p: backup_path(p) for p in edited}


def _keep(path: Path, backup: Path) -> None:
    """Return after copying the edited ``path`` to ``backup`` (atomically, bytes unchanged)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise OutputError(problems=[error("E506", f"cannot read the edited document: {exc.strerror or exc}",
                                          file=str(path), hint="close it in Word and run again")]) from None
    docx_io.write_atomic(backup, data)


def write_drafts(d: Draft, out_dir: str | Path, *, langs: Sequence[Lang] | None = None,
                 comments: bool = True, force: bool = False,
                 template: Path | None = None) -> DraftResult:
    """Return what was written after drafting ``d`` into ``out_dir`` (default: in the report's languages)."""
    out = Path(out_dir)
    langs = tuple(d.config.languages) if langs is None else tuple(langs)
    ensure_folder(out)
    paths = {lang: out / d.file_name(lang) for lang in langs}
    atomic.clear_stale(out, [p.name for p in paths.values()] + [qa.path_for(d.config, out).name])
    backups = _guard(list(paths.values()), force)
    qa.check_not_open(qa.path_for(d.config, out))
    reports = realise_all(d, langs)
    template = template or d.config.template
    documents = {lang: assemble.build(r, template=template, comments=comments)
                 for lang, r in reports.items()}
    data = {}
    for lang, path in paths.items():
        core = docx_io.CoreInfo.from_report(reports[lang], created=created_time(d.config))
        data[path] = docx_io.render(documents[lang], embedded=reports[lang].embedded, core=core)[0]
    for path, backup in backups.items():
        _keep(path, backup)
    atomic.replace_together(data)        # every language or none: never a mismatched pair
    written = [Written(path, lang, backups.get(path), _reviews(reports[lang]))
               for lang, path in paths.items()]
    return DraftResult(d, tuple(written), qa.write_for_draft(d, out),
                       template_links.warnings_for(template))


def _reviews(report: RealisedReport) -> tuple[str, ...]:
    paras = [*report.situation, *report.coordination, *report.contacts,
             *(b for s in report.sectors for b in s.bullets)]
    return tuple(f"{p.text[:70]}… [{p.review}]" for p in paras if p.review)
