"""The process's current knowledge base, swapped whole when the shared version moves. No database here.

`get()` is what handlers call: it returns the current KnowledgeBase at once and, at most every
`poll_every` seconds, starts one background check of the version. When the version moved, the new
knowledge base is built completely in that thread and only then replaces the reference, so a request
sees either the old index or the new one, never a half-built one, and never waits for a build.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

from knowledge.base import KnowledgeBase

log = logging.getLogger(__name__)


class KnowledgeHolder:
    def __init__(
        self,
        kb: KnowledgeBase,
        *,
        version: int,
        load: Callable[[], KnowledgeBase],
        read_version: Callable[[], int],
        poll_every: float = 5.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._current = (kb, version)  # one reference, replaced in one assignment
        self._load = load
        self._read_version = read_version
        self.poll_every = poll_every
        self._clock = clock
        self._next_poll = clock() + poll_every
        self._busy = threading.Lock()  # at most one check or build at a time
        self._failed: int | None = None  # a version whose build failed; not retried until it moves again

    @property
    def version(self) -> int:
        return self._current[1]

    def get(self) -> KnowledgeBase:
        """The current knowledge base; may start a background version check (never blocks)."""
        if self._clock() >= self._next_poll and self._busy.acquire(blocking=False):
            self._next_poll = self._clock() + self.poll_every
            threading.Thread(target=self._refresh_and_release, name="qingfeng-kb-poll", daemon=True).start()
        return self._current[0]

    def refresh(self) -> bool:
        """Check the version now and swap if it moved (waits for a running check). True when swapped."""
        with self._busy:
            return self._refresh()

    def _refresh_and_release(self) -> None:
        try:
            self._refresh()
        finally:
            self._busy.release()

    def _refresh(self) -> bool:
        try:
            version = self._read_version()
        except Exception:
            log.warning("knowledge base: could not read the version; keeping %d", self.version, exc_info=True)
            return False
        if version in (self.version, self._failed):
            return False
        try:
            kb = self._load()
        except Exception:
            self._failed = version
            log.exception("knowledge base: version %d failed to build; keeping %d", version, self.version)
            return False
        self._current = (kb, version)
        log.info("knowledge base: switched to version %d (%d entries)", version, len(kb))
        return True
