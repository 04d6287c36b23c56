"""Who changed which record, when, and how."""
