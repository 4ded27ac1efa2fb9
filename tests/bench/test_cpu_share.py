"""The webhook bench's CPU accounting: who used the cores in a window, and the ceiling it implies."""

from __future__ import annotations

import os
import time

from bench.cpu_share import LOAD_GENERATOR, CpuWatch, ceiling, ceiling_line, named


def _spin(seconds: float) -> None:
    end = time.process_time() + seconds
    while time.process_time() < end:
        pass


def test_a_watched_process_cpu_is_counted_in_its_window_only() -> None:
    watch = CpuWatch({"me": [os.getpid()]})
    _spin(0.2)  # before the window: not counted
    watch.start()
    _spin(0.3)
    watch.stop()
    used = watch.seconds()
    assert 0.2 <= used["me"] <= 0.45
    assert 0.25 <= used[LOAD_GENERATOR] <= 0.45


def test_a_process_gone_or_unknown_counts_nothing() -> None:
    watch = CpuWatch({"none": [2**22 + 12345]}, by_name=("no-such-command-qf",))
    watch.start()
    watch.stop()
    used = watch.seconds()
    assert used["none"] == 0 and used["no-such-command-qf"] == 0


def test_processes_are_found_by_their_command_name() -> None:
    with open(f"/proc/{os.getpid()}/comm", encoding="ascii") as f:
        mine = f.read().strip()
    assert os.getpid() in named(mine)


def test_the_ceiling_is_the_cores_over_the_cpu_a_message_costs() -> None:
    # 1,000 messages in the window at 1,000/s; app 0.5 s, postgres 0.2 s, load 0.3 s: 1,000 µs a message.
    found = ceiling({"app": 0.5, "postgres": 0.2, LOAD_GENERATOR: 0.3}, 1000, 1000.0, 2)
    assert found == {
        "us_per_message": {"app": 500.0, "postgres": 200.0, LOAD_GENERATOR: 300.0},
        "rate": 2000.0,
        "vs_one": 2.0,
    }
    line = ceiling_line(found, 2)
    assert line is not None and "1,000" in line and "2,000/s = 2.00× one process" in line


def test_no_window_no_ceiling() -> None:
    assert ceiling({}, 1000, 1000.0, 2) is None
    assert ceiling({"app": 0.5}, 0, 0.0, 2) is None
    assert ceiling_line(None, 2) is None
