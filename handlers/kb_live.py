"""The knowledge base a process serves: loaded at start, switched when `qingfeng kb reload` bumps the version."""

from __future__ import annotations

import logging
from functools import lru_cache, partial
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from handlers.runtime import Runtime
from knowledge.holder import KnowledgeHolder
from knowledge.loader import ENTRIES_DIR
from knowledge.service import KnowledgeBase
from storage.repos import kb_state

log = logging.getLogger(__name__)


@lru_cache(maxsize=1)
def default_knowledge() -> KnowledgeBase:
    """The packaged knowledge base, built once per process (app instances in one process share it)."""
    return KnowledgeBase.load_default()


def read_version(sessions: sessionmaker[Session]) -> int:
    with sessions() as session:
        return kb_state.get_version(session)


def entries_dir(runtime: Runtime) -> Path:
    return runtime.settings.kb_dir or ENTRIES_DIR


def knowledge_holder(runtime: Runtime) -> KnowledgeHolder:
    """Read the version first, then load: a reload that lands in between is picked up by the next poll."""
    read = partial(read_version, runtime.sessions)
    try:
        version = read()
    except Exception:
        log.warning("knowledge base: version unreadable at start; assuming 0", exc_info=True)
        version = 0
    directory = runtime.settings.kb_dir
    kb = default_knowledge() if directory is None else KnowledgeBase.load(directory)
    return KnowledgeHolder(
        kb,
        version=version,
        load=partial(KnowledgeBase.load, entries_dir(runtime)),
        read_version=read,
        poll_every=runtime.settings.kb_poll_s,
    )
