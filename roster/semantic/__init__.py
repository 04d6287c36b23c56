"""Matching by meaning: a local sentence-embedding model, the texts it reads, query vectors."""
