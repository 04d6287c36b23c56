"""JSON API plumbing shared by every feature: problems, token auth, paging."""
