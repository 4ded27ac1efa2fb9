"""argon2 work on one low-priority thread per process.

A verification takes ~130 ms and libargon2 computes its four lanes on four threads of its own: on a
two-core machine a single login briefly takes every core, and a flood of them starves the webhook. So
every hash and verification runs here, one at a time (a flood uses at most one computation's worth of
CPU), on a thread whose nice value is raised; on Linux nice is per thread and the lane threads inherit
it, so the webhook's threads win the CPU whenever they want it. Real staff logins come a few a minute.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

NICE = 10
T = TypeVar("T")


def _lower_priority() -> None:
    # Raising nice needs no privilege; elsewhere than Linux the call may not exist or may not apply.
    with contextlib.suppress(OSError, AttributeError):
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), NICE)


_worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="argon2", initializer=_lower_priority)


def run(work: Callable[[], T]) -> T:
    """Run `work` on the argon2 thread and wait for it (called from worker threads, never the loop)."""
    return _worker.submit(work).result()


def worker_nice() -> int:
    """The argon2 thread's nice value, for tests and the bench."""
    return run(lambda: os.getpriority(os.PRIO_PROCESS, threading.get_native_id()))
