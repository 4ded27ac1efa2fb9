"""Machine-facing HTTP: health, metrics, the knowledge API and Open311."""
