"""Write the drafts: one .docx per language, atomically, never over a reviewer's edits."""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from nlg import assemble, docx_io
from nlg.api import Draft, DraftResult, Written, created_time, realise_all
from nlg.errors import OutputError, error
from nlg.model import Lang


def backup_path(path: Path) -> Path:
    """Return a free name beside ``path`` for keeping an edited document."""
    n = 1
    while True:
        candidate = path.with_name(f"{path.stem}.edited-{n}{path.suffix}")
        if not candidate.exists():
            return candidate
        n += 1


def _guard(paths: Sequence[Path], force: bool) -> dict[Path, Path]:
    """Return {edited output: backup name}; raise when edited outputs exist without force."""
    edited = [p for p in paths if p.exists() and docx_io.is_edited(p)]
    if edited and not force:
        raise OutputError(problems=[error(
            "E510", "the document was edited after it was generated; not overwritten",
            file=str(p), hint="use --force to keep the edited file as a backup and write a new draft")
            for p in edited])
    return {p: backup_path(p) for p in edited}


def write_drafts(d: Draft, out_dir: str | Path, *, langs: Sequence[Lang] = tuple(Lang),
                 comments: bool = True, force: bool = False,
                 template: Path | None = None) -> DraftResult:
    """Return what was written after drafting ``d`` into ``out_dir``."""
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(problems=[error("E504", f"cannot create the output folder: {exc.strerror}",
                                          file=str(out), hint="choose a folder you can write to")]) from None
    paths = {lang: out / d.file_name(lang) for lang in langs}
    backups = _guard(list(paths.values()), force)
    reports = realise_all(d, langs)
    template = template or d.config.template
    documents = {lang: assemble.build(r, template=template, comments=comments)
                 for lang, r in reports.items()}
    written = []
    for lang, path in paths.items():
        backup = backups.get(path)
        if backup:
            backup.write_bytes(path.read_bytes())
        core = docx_io.CoreInfo.from_report(reports[lang], created=created_time(d.config))
        docx_io.save(documents[lang], path, embedded=reports[lang].embedded, core=core)
        written.append(Written(path, lang, backup, _reviews(reports[lang])))
    return DraftResult(d, tuple(written))


def _reviews(report) -> tuple[str, ...]:
    paras = [*report.situation, *report.coordination, *report.contacts,
             *(b for s in report.sectors for b in s.bullets)]
    return tuple(f"{p.text[:70]}… [{p.review}]" for p in paras if p.review)
