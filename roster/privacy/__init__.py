"""Who sees what: the visibility policy, read audit, retention, erasure, backup and restore."""
