"""Connection to Meilisearch."""


def search_health() -> str:
    return "degraded"
