"""Synthetic demonstration data: a populated directory and roster for trying the service."""
