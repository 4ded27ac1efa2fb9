"""Models, engine and sessions, repository functions and migrations: the leaf room."""
