"""What an edge needs to do work: settings, the engine, a session factory and the calendar deadlines count with."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from cases.workdays import WorkCalendar
from config.settings import Settings, get_settings
from storage.db import make_engine, make_sessionmaker, transaction
from storage.migrate import upgrade


@dataclass(frozen=True)
class Runtime:
    settings: Settings
    engine: Engine
    sessions: sessionmaker[Session]
    # This app's working days: composition hands it to every deadline rule and to the HolidaySync that loads
    # the years an administrator added (handlers/jobs/holiday_live.py). One per Runtime, not per process.
    calendar: WorkCalendar = field(default_factory=WorkCalendar)

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
