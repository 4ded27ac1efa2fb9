"""The holiday years an administrator added (rows in `holiday_years`), kept current in every process.

The shipped years are files read once; the added ones are read at start and then, on a request, at
most every `POLL_S` seconds in a background thread (never inside a request's transaction: on SQLite
every transaction takes the write lock, so a second session there would wait on itself). The admin
page that adds a year also updates its own process at once.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from sqlalchemy.orm import Session, sessionmaker
from starlette.types import ASGIApp, Receive, Scope, Send

from cases import workdays
from handlers.runtime import Runtime

log = logging.getLogger(__name__)
POLL_S = 60.0


class HolidaySync:
    def __init__(
        self,
        sessions: sessionmaker[Session],
        *,
        calendar: workdays.WorkCalendar,
        poll_every: float = POLL_S,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.sessions, self.calendar, self.poll_every, self._clock = sessions, calendar, poll_every, clock
        self._next = clock() + poll_every
        self._busy = threading.Lock()

    def refresh(self) -> int:
        """Read the added years now and hand them to the calendar; returns how many."""
        with self.sessions() as session:
            stored = workdays.load_stored(session)
        self.calendar.use_stored(stored)
        return len(stored)

    def poke(self) -> None:
        """Start a background refresh when one is due (never blocks)."""
        if self._clock() >= self._next and self._busy.acquire(blocking=False):
            self._next = self._clock() + self.poll_every
            threading.Thread(target=self._run, name="qingfeng-holiday-poll", daemon=True).start()

    def _run(self) -> None:
        try:
            self.refresh()
        except Exception:
            log.warning("holiday calendar: could not read the added years; keeping the last ones", exc_info=True)
        finally:
            self._busy.release()


class _PokeMiddleware:
    def __init__(self, app: ASGIApp, sync: HolidaySync) -> None:
        self.app, self.sync = app, sync

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            self.sync.poke()
        await self.app(scope, receive, send)


def install_holiday_calendar(app: Any, runtime: Runtime, calendar: workdays.WorkCalendar) -> HolidaySync:
    """Load the added years into `calendar` now and keep them current on later requests."""
    sync = HolidaySync(runtime.sessions, calendar=calendar)
    try:
        sync.refresh()
    except Exception:
        log.warning("holiday calendar: added years unreadable at start; using the shipped files", exc_info=True)
    app.add_middleware(_PokeMiddleware, sync=sync)
    return sync
