"""Import spaCy for `sitrep check` without loading its command line.

spaCy's package ``__init__`` imports ``spacy.cli.info``, which loads spaCy's
whole CLI (typer, weasel, requests, …): a third of a second that `check` never
uses. A stand-in ``spacy.cli.info`` is put in place for the import only and
removed afterwards, so a later ``import spacy.cli`` loads the real one.
"""
from __future__ import annotations

import sys
import types


def import_spacy() -> types.ModuleType:
    """Return the spacy module, imported without its CLI when not imported yet."""
    if "spacy" in sys.modules:
        return sys.modules["spacy"]
    cli, info = types.ModuleType("spacy.cli"), types.ModuleType("spacy.cli.info")
    info.info = _info_unavailable
    cli.info = info
    sys.modules["spacy.cli"], sys.modules["spacy.cli.info"] = cli, info
    try:
        import spacy
    except ImportError:
        from nlg.errors import SitrepError, error

        raise SitrepError(problems=[error(
            "E607")]) from None
    finally:
        for name in ("spacy.cli.info", "spacy.cli"):
            if sys.modules.get(name) in (cli, info):
                del sys.modules[name]
    if getattr(spacy, "cli", None) is cli:
        del spacy.cli
    return spacy


def _info_unavailable(*args, **kwargs):
    """Stand-in for spacy.info, which `check` never calls."""
    raise RuntimeError("spacy.info is not loaded in sitrep check")
