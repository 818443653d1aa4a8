"""Findings on what `sitrep check` can trust: the embedded data's seal, text hiding figures.

E672  the embedded data carry no seal (a draft of an older version): trusted as stored
E673  sealed under another key (``SITREP_SEAL_KEY``): whether they changed cannot be told
E674  a paragraph held bidi controls or invisible characters (removed before reading)
E675  a paragraph held digits of another script (read as ASCII digits)
E676  a paragraph too long to check (only its first characters were read)

A seal that does not match stops the check (E671, :mod:`nlg.check.read`).
"""
from __future__ import annotations

from nlg.check.hidden import MAX_PARAGRAPH
from nlg.check.read import Reviewed
from nlg.check.rules import DIGITS, HIDDEN, OTHER_KEY, TOO_LONG, UNSEALED, Finding
from nlg.check.rules import TRUST_KINDS as KINDS  # noqa: F401  (the kinds of these findings)
from nlg.word.seal import KEY_VARIABLE, Seal


def findings(doc: Reviewed, *, data_given: bool) -> list[Finding]:
    """Return the findings on the trust the check can put in ``doc``."""
    path, lang = str(doc.path), doc.lang.value
    out = []
    if doc.seal is Seal.MISSING and not data_given:
        out.append(Finding(UNSEALED, path, lang, "", "the embedded facts carry no seal (drafted "
                           "by an older version): they are trusted as stored; give --data to "
                           "check against the data"))
    elif doc.seal is Seal.OTHER_KEY:
        out.append(Finding(OTHER_KEY, path, lang, "", "the embedded facts were sealed under "
                           f"another key: whether they changed cannot be told (set {KEY_VARIABLE} "
                           "as where the draft was written, or give --data)"))
    for block in doc.blocks:
        hidden = [h for h in block.hidden if not h.startswith("digits")]
        digits = [h for h in block.hidden if h.startswith("digits")]
        where = dict(section=block.section, sentence=block.text.strip()[:300], key=block.key)
        if hidden:
            out.append(Finding(HIDDEN, path, lang, message="text the reader does not see: "
                               + ", ".join(hidden) + " (removed before the figures were read)",
                               **where))
        if digits:
            out.append(Finding(DIGITS, path, lang, message=", ".join(digits)
                               + " (read as 0-9; the drafts write 0-9)", **where))
        if block.cut:
            out.append(Finding(TOO_LONG, path, lang, message=f"paragraph of {MAX_PARAGRAPH + block.cut:,} "
                               f"characters: only the first {MAX_PARAGRAPH:,} were checked", **where))
    return out
