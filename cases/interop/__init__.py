"""Other systems: Open311, API keys and signed case events."""
