"""Search: Meilisearch indexes fed from an outbox, with a database fallback."""
