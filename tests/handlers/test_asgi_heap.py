"""The served app freezes what it built at start, so a full collection later does not walk it all."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator

import pytest

from handlers.asgi import settle_heap


@pytest.fixture
def unfrozen() -> Iterator[None]:
    gc.unfreeze()
    yield
    gc.unfreeze()  # the rest of the test session collects as usual


def test_settle_heap_freezes_what_exists_and_collects_garbage_first(unfrozen: None) -> None:
    class Node:
        def __init__(self) -> None:
            self.me = self

    garbage = weakref.ref(Node())  # a cycle nothing refers to: collected, not frozen for ever
    assert garbage() is not None and gc.get_freeze_count() == 0
    settle_heap()
    assert gc.get_freeze_count() > 0
    assert garbage() is None
