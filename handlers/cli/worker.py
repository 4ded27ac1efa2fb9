"""`qingfeng worker`: apply migrations, then run the background worker in the foreground."""

from __future__ import annotations

import argparse
import contextlib
import signal
import threading
from types import FrameType
from typing import Any

from handlers.api.observability import configure_logging
from handlers.jobs.cases_jobs import outbox_kinds
from handlers.jobs.schedule import scheduled_jobs
from handlers.jobs.worker import BackgroundWorker
from handlers.runtime import Runtime
from storage.migrate import upgrade
from wechat.client import make_api


def register(sub: Any) -> None:
    worker = sub.add_parser("worker", help="run the background worker (outbox, scheduled jobs)")
    worker.add_argument("--interval", type=float, default=1.0, help="seconds between ticks")
    worker.set_defaults(func=cmd_worker)


def cmd_worker(args: argparse.Namespace) -> int:
    configure_logging()
    rt = Runtime.from_settings()
    upgrade(rt.engine)
    with make_api(rt.settings, sessions=rt.sessions) as api:
        worker = BackgroundWorker(rt, api, interval=args.interval, jobs=scheduled_jobs(), kinds=outbox_kinds(rt))
        in_main = threading.current_thread() is threading.main_thread()
        previous: Any = None
        if in_main:

            def on_term(_signum: int, _frame: FrameType | None) -> None:
                worker.stop(timeout=0)

            previous = signal.signal(signal.SIGTERM, on_term)
        print(f"后台任务已启动 / worker started as {worker.holder} (Ctrl-C 退出 / to stop)", flush=True)
        try:
            with contextlib.suppress(KeyboardInterrupt):
                worker.run_forever()
        finally:
            if in_main:
                signal.signal(signal.SIGTERM, previous)
    print("后台任务已停止 / worker stopped", flush=True)
    return 0
