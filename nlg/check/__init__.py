"""sitrep check: a reviewed draft read back and its figures and wording checked (spaCy only here)."""
