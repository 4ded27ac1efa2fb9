"""`/` and `/favicon.ico`: a landing page that guides a newcomer in dev and says nothing to probe in prod."""
