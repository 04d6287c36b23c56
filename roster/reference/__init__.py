"""Reference data: members of the Bali Process, thematic areas, languages."""
