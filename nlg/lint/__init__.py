"""Phrasebank tooling: sitrep phrasebank lint and coverage."""
