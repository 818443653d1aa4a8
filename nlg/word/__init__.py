"""Everything that knows OOXML: the Word document assembled, saved reproducibly, sealed, converted."""
