"""A race-free hand-off between a request that may time out and the worker thread doing its work."""

from __future__ import annotations

import threading


class Budget:
    """Exactly one side wins: the worker finishing inline, or the request giving up and answering `success`."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._state = "open"  # open -> inline | expired

    def finish_inline(self) -> bool:
        """Called by the worker before commit; False means the request already answered `success`."""
        with self._lock:
            if self._state == "open":
                self._state = "inline"
            return self._state == "inline"

    def expire(self) -> bool:
        """Called by the request on timeout; False means the worker already committed to answering inline."""
        with self._lock:
            if self._state == "open":
                self._state = "expired"
            return self._state == "expired"
