"""What an edge needs to do work: settings, the engine and a session factory."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from config.settings import Settings, get_settings
from storage.db import make_engine, make_sessionmaker, transaction
from storage.migrate import upgrade


@dataclass(frozen=True)
class Runtime:
    settings: Settings
    engine: Engine
    sessions: sessionmaker[Session]

    @classmethod
    def from_settings(cls, settings: Settings | None = None, *, engine: Engine | None = None) -> Runtime:
        settings = settings or get_settings()
        engine = engine or make_engine(settings.database_url)
        return cls(settings=settings, engine=engine, sessions=make_sessionmaker(engine))


T = TypeVar("T")


def in_one_transaction(work: Callable[[Session], T]) -> T:
    """Migrate (so a first command on a fresh database just works), run `work` in one transaction, close."""
    rt = Runtime.from_settings()
    try:
        upgrade(rt.engine)
        with transaction(rt.sessions) as session:
            return work(session)
    finally:
        rt.engine.dispose()
