"""`sitrep phrasebank init DIR`: a copy of the shipped phrasebank, for a user to edit.

The copy is layered over the shipped phrasebank when drafting (:mod:`nlg.phrasebank.layers`),
so entries the user deletes from it keep the shipped wording. Nothing here prints.
"""
from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from nlg.errors import OutputError, error
from nlg.phrasebank.bank import default_dir
from nlg.phrasebank.layers import README, files


@dataclass(frozen=True)
class Initialised:
    folder: Path
    files: tuple[str, ...]


def init(folder: Path, *, source: Path | None = None) -> Initialised:
    """Return the folder after copying the phrasebank ``source`` (default: shipped) into it.

    A folder that exists and is not empty is refused (E150): it may hold the user's edits.
    """
    folder, source = Path(folder), Path(source) if source else default_dir()
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise OutputError(problems=[error(
            "E150", file=str(folder))])
    copied = []
    for rel in (*files(), README):
        if (source / rel).is_file():
            target = folder / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source / rel, target)
            copied.append(rel)
    return Initialised(folder, tuple(copied))
