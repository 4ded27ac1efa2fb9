"""Background jobs: the worker and the jobs each room registers."""
