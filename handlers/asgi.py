"""Import target for uvicorn (`handlers.asgi:create`, a factory), so several workers can each build the app."""

from __future__ import annotations

from fastapi import FastAPI

from handlers.app import create_app
from handlers.observability import configure_logging


def create() -> FastAPI:
    configure_logging()
    return create_app()
