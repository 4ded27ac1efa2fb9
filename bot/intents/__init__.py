"""Intents: each module contributes a Router of handlers."""
