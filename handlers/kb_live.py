"""The knowledge base a process serves: loaded at start, switched when `qingfeng kb reload` bumps the version."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache, partial
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from handlers.runtime import Runtime
from knowledge.check import check
from knowledge.holder import KnowledgeHolder
from knowledge.loader import ENTRIES_DIR, TOPICS_FILE
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


@dataclass(frozen=True)
class ReloadResult:
    directory: Path
    entries: int
    version: int | None  # None: refused
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.version is not None


def checked_reload(session: Session, directory: Path, *, now: datetime) -> ReloadResult:
    """What `qingfeng kb reload` and the admin button do: refuse entries that fail `kb check`, else bump
    the version row every process polls (in the caller's transaction)."""
    report = check(directory, TOPICS_FILE)
    if not report.ok:
        return ReloadResult(directory, report.entries, None, [str(p) for p in report.problems])
    return ReloadResult(directory, report.entries, kb_state.bump(session, now=now))


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
