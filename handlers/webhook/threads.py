"""The threads PostgreSQL's messages run on: a plain executor, one per process.

On SQLite one writer thread takes the messages in batches (handlers.webhook.batch_writer). PostgreSQL
takes concurrent writers, so each message runs on a thread of its own from this pool, in its own
transaction. A plain ThreadPoolExecutor rather than anyio's thread pool: its capacity limiter and cancel
scope cost more CPU than a message's round trips (issue #23). The caller's context goes along, so the
worker's log lines carry the request's id and the sender's pseudonym.
"""

from __future__ import annotations

import asyncio
import contextvars
import functools
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import ParamSpec, TypeVar

# Messages in flight at once per process, each with its own pooled connection (storage.db keeps 10). More
# only queue for the GIL and the pool's connections; fewer leave the server idle while a round trip is out.
WORKERS = 8

P = ParamSpec("P")
R = TypeVar("R")

_pool: ThreadPoolExecutor | None = None
_lock = threading.Lock()


def run_in_worker(fn: Callable[P, R], /, *args: P.args, **kwargs: P.kwargs) -> asyncio.Future[R]:
    """Run `fn` on a worker thread; the future resolves on the running loop."""
    work = functools.partial(contextvars.copy_context().run, fn, *args, **kwargs)
    return asyncio.get_running_loop().run_in_executor(_workers(), work)


def _workers() -> ThreadPoolExecutor:
    """One pool per process, shared by every app built in it (tests build many)."""
    global _pool
    with _lock:
        if _pool is None:
            _pool = ThreadPoolExecutor(max_workers=WORKERS, thread_name_prefix="webhook-pg")
        return _pool
