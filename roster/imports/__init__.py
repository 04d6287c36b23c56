"""Spreadsheet imports of experts and focal points: read, match columns, preview, write."""
