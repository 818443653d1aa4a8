"""Text normalised before `sitrep check` reads figures, and what the normalising found.

A figure can be hidden from a reader and still shown by Word: a bidi override
(``\\u202e009,1\\u202c`` is displayed "1,900"), a zero-width space inside a number
(``1\\u200b,900``), digits of another script (Arabic-Indic ``١٬٩٠٠``). The check reads
the text with these removed or mapped to ASCII digits, and reports each paragraph
that held one (never a hiding place, never silently cleaned).
"""
from __future__ import annotations

import re
import unicodedata

#: Format characters that change how text is displayed or split, without showing.
BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
INVISIBLE = frozenset("\u00ad\u180e\u200b\u200c\u200d\u2060\u2061\u2062\u2063\u2064\ufeff")
#: The Arabic thousands and decimal separators, read as the digits around them need.
_SEPARATORS = {"\u066c": ",", "\u066b": "."}
#: A right-to-left override and what it covers (to its pop or the end of the paragraph).
_RLO = re.compile("\u202e[^\u202a-\u202e]*(?:\u202c|$)")
#: Longest paragraph read (characters); the rest of a longer one is not checked (a finding says so).
MAX_PARAGRAPH = 100_000


def normalise(text: str) -> tuple[str, tuple[str, ...]]:
    """Return (text without bidi controls and invisible characters, digits in ASCII; what was found).

    A right-to-left override is read as Word shows it, its characters in reverse order:

    >>> normalise("\\u202e009,1\\u202c people")
    ('1,900 people', ('bidi control U+202C', 'bidi control U+202E'))
    >>> normalise("1\\u200b,900 and \\u0661\\u0669")
    ('1,900 and 19', ('invisible character U+200B', 'digits of another script (١)'))
    >>> normalise("ningún cambio")
    ('ningún cambio', ())
    """
    if text.isascii():
        return text, ()
    found: dict[str, None] = {}
    out = []
    for char in _RLO.sub(lambda m: m.group(0)[::-1], text):
        if char in BIDI:
            found[f"bidi control U+{ord(char):04X}"] = None
        elif char in INVISIBLE:
            found[f"invisible character U+{ord(char):04X}"] = None
        elif not char.isascii() and unicodedata.category(char) == "Nd":
            found.setdefault(_script(char), None)
            out.append(str(unicodedata.digit(char)))
        elif char in _SEPARATORS:
            out.append(_SEPARATORS[char])
        else:
            out.append(char)
    return "".join(out), tuple(found)


def _script(char: str) -> str:
    zero = chr(ord(char) - unicodedata.digit(char))
    return f"digits of another script ({chr(ord(zero) + 1)})"
