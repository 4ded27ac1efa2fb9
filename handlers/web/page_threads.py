"""Run the admin and H5 pages off the event loop, so the WeChat webhook on the same loop stays fast.

The page handlers are `async def` but their work is synchronous: SQLAlchemy queries, argon2 password and
query-code checks (~130 ms each), templates. Run on the loop, six bogus logins a second held the webhook
for seconds. Converting a hundred handlers to plain functions would touch every page; instead each page's
whole pipeline (transaction, handler, template) runs in a worker thread, inside a small event loop of its
own, so the handlers stay as they are and the few real awaits they make (an upload's read) still work.

The pages get their own capacity limiter: however many pages wait, they hold at most PAGE_THREADS
threads (and database connections), and the webhook keeps the default thread pool to itself.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import TypeVar

import anyio
import anyio.to_thread
from anyio.lowlevel import RunVar

PAGE_THREADS = 4
T = TypeVar("T")
# A limiter belongs to one event loop (tests start several); RunVar keeps one per loop.
_limiter: RunVar[anyio.CapacityLimiter] = RunVar("qingfeng_page_limiter")


def page_limiter() -> anyio.CapacityLimiter:
    try:
        return _limiter.get()
    except LookupError:
        limiter = anyio.CapacityLimiter(PAGE_THREADS)
        _limiter.set(limiter)
        return limiter


async def off_loop(work: Callable[[], Awaitable[T]]) -> T:
    """Await `work()` in a page worker thread, on an event loop of that thread's own."""
    return await anyio.to_thread.run_sync(_run_on_own_loop, work, limiter=page_limiter())


def _run_on_own_loop(work: Callable[[], Awaitable[T]]) -> T:
    async def main() -> T:
        return await work()

    return asyncio.run(main())
