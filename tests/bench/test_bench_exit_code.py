"""`python -m bench SECTION` exits with the code a section's run() returns (the queue section returns 1
when a goal is missed); sections whose run() returns a report exit 0."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

import bench.__main__ as bench_main
from bench.load import Options


@pytest.mark.parametrize(("returned", "code"), [(1, 1), (0, 0), ({"report": 1}, 0), (None, 0)])
def test_a_sections_run_result_becomes_the_exit_code(
    monkeypatch: pytest.MonkeyPatch, returned: object, code: int
) -> None:
    monkeypatch.setattr(bench_main, "import_module", lambda name: SimpleNamespace(run=lambda options: returned))
    assert bench_main.run_section("queue", Options()) == code
