"""Typed settings and process-wide helpers: the lowest room, imported by every other."""
