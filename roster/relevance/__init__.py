"""How searches read people's words: the field's vocabulary, word forms, names in any script."""
