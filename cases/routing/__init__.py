"""Routing: which unit handles a case (rules as data, the default route, never the accused)."""
