"""Realisation: the content plan spelt in one language (sentences, key figures, provenance, markup)."""
