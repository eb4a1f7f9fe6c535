"""Fact extractors, one module per kind. The table of kinds lives in retold.diff."""
