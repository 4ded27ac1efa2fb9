"""CPU seconds of groups of processes over a window, read from /proc (Linux): who used the machine.

The webhook bench asks it where a message's CPU goes when app, PostgreSQL and the load generator share
the machine: the sum bounds what any number of app processes can serve on its cores. Processes are named
by pid (the app servers) or found by name at both ends of the window (`postgres`: backends come and go).
"""

from __future__ import annotations

import os
import time
from collections.abc import Mapping, Sequence
from pathlib import Path

PROC = Path("/proc")
LOAD_GENERATOR = "load generator"


def _ticks(pid: int) -> int | None:
    """utime + stime of one process, in clock ticks; None once it has gone."""
    try:
        stat = (PROC / str(pid) / "stat").read_text()
    except OSError:
        return None
    # The command name (field 2) may hold spaces; the fields after its closing parenthesis start at 3.
    fields = stat.rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])


def named(name: str) -> list[int]:
    """The pids of the processes whose command name is `name`."""
    pids = []
    for entry in PROC.iterdir():
        if entry.name.isdigit():
            try:
                if (entry / "comm").read_text().strip() == name:
                    pids.append(int(entry.name))
            except OSError:
                continue
    return pids


class CpuWatch:
    """Started and stopped around a window; `seconds()` gives each group's CPU seconds in it, and the
    calling process's own (the load generator) under LOAD_GENERATOR."""

    def __init__(self, pids: Mapping[str, Sequence[int]], by_name: Sequence[str] = ()) -> None:
        self._pids = {group: list(p) for group, p in pids.items()}
        self._by_name = list(by_name)
        self._start: dict[str, dict[int, int]] = {}
        self._end: dict[str, dict[int, int]] = {}
        self._own = 0.0

    def _sample(self) -> dict[str, dict[int, int]]:
        groups = {**self._pids, **{name: named(name) for name in self._by_name}}
        return {g: {p: t for p in pids if (t := _ticks(p)) is not None} for g, pids in groups.items()}

    def start(self) -> None:
        self._start = self._sample()
        self._own = time.process_time()

    def stop(self) -> None:
        self._own = time.process_time() - self._own
        self._end = self._sample()

    def seconds(self) -> dict[str, float]:
        tick = os.sysconf("SC_CLK_TCK")
        used = {
            group: sum(t - self._start.get(group, {}).get(pid, 0) for pid, t in end.items()) / tick
            for group, end in self._end.items()
        }
        return {**used, LOAD_GENERATOR: round(self._own, 3)}


def ceiling(cpu_s: Mapping[str, float], completed: int, throughput: float, cpus: int) -> dict[str, object] | None:
    """From one process's window: each group's µs of CPU a message, and the most messages a second the
    machine's cores could serve at those costs, however many app processes share them (× the one process)."""
    if not cpu_s or not completed or not throughput:
        return None
    per_message = {group: round(seconds / completed * 1e6, 1) for group, seconds in cpu_s.items()}
    total = sum(per_message.values())
    rate = cpus / (total / 1e6) if total else 0.0
    return {"us_per_message": per_message, "rate": round(rate, 1), "vs_one": round(rate / throughput, 3)}


def ceiling_line(found: Mapping[str, object] | None, cpus: int) -> str | None:
    """The ceiling as one line of the bench's report."""
    if not found:
        return None
    per = found["us_per_message"]
    assert isinstance(per, dict)
    parts = " + ".join(f"{group} {us:,.0f}" for group, us in per.items())
    return (
        f"  where one process's messages spent CPU (µs a message): {parts} = {sum(per.values()):,.0f}; "
        f"at that cost {cpus} cores serve at most {found['rate']:,.0f}/s = {found['vs_one']:.2f}× one process"
    )
