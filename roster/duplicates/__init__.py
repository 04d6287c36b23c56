"""Possible duplicate experts and merging them."""
