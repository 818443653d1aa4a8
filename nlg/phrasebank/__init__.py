"""The phrasebank: wording as data (YAML per language), its layers and the shipped default."""
