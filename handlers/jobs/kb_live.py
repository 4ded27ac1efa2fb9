"""The knowledge base a process serves: loaded at start, switched when `qingfeng kb reload` bumps the version.
It is the entries directory with the entry versions approved in the browser (issue #19) in place of theirs."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache, partial
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from handlers.runtime import Runtime
from knowledge.base import KnowledgeBase
from knowledge.check import check
from knowledge.edits import parse_body
from knowledge.holder import KnowledgeHolder
from knowledge.loader import ENTRIES_DIR, TOPICS_FILE, LoadProblem, load_entries
from knowledge.schema import Entry, SchemaError
from storage.repos import kb_maintenance, kb_state

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
    found: list[LoadProblem] = field(default_factory=list)  # the same problems, with their file and message

    @property
    def ok(self) -> bool:
        return self.version is not None


def live_edits(session: Session) -> list[Entry]:
    """The entries approved in the browser (each checked when it was written and again at approval)."""
    edits = []
    for version in kb_maintenance.live(session):
        try:
            edits.append(parse_body(version.body))
        except SchemaError:
            log.error("knowledge base: live version %d of %s does not parse; skipped", version.id, version.entry_id)
    return edits


def served_knowledge(sessions: sessionmaker[Session], directory: Path | None) -> KnowledgeBase:
    """`directory` (None: the packaged entries, built once per process while nothing was edited)."""
    with sessions() as session:
        edits = live_edits(session)
    if directory is None and not edits:
        return default_knowledge()
    return KnowledgeBase(load_entries(directory or ENTRIES_DIR, edits))


def checked_reload(session: Session, directory: Path, *, now: datetime) -> ReloadResult:
    """What `qingfeng kb reload` and the admin button do: refuse entries that fail `kb check` (the
    browser's live versions included), else bump the version row every process polls (in the caller's
    transaction)."""
    report = check(directory, TOPICS_FILE, edits=live_edits(session))
    if not report.ok:
        return ReloadResult(directory, report.entries, None, [str(p) for p in report.problems], report.problems)
    return ReloadResult(directory, report.entries, kb_state.bump(session, now=now))


def knowledge_holder(runtime: Runtime) -> KnowledgeHolder:
    """Read the version first, then load: a reload that lands in between is picked up by the next poll."""
    read = partial(read_version, runtime.sessions)
    try:
        version = read()
    except Exception:
        log.warning("knowledge base: version unreadable at start; assuming 0", exc_info=True)
        version = 0
    load = partial(served_knowledge, runtime.sessions, runtime.settings.kb_dir)
    try:
        kb = load()
    except Exception:
        log.warning("knowledge base: browser edits unreadable at start; serving the directory", exc_info=True)
        kb = default_knowledge() if runtime.settings.kb_dir is None else KnowledgeBase.load(entries_dir(runtime))
    return KnowledgeHolder(
        kb,
        version=version,
        load=load,
        read_version=read,
        poll_every=runtime.settings.kb_poll_s,
    )
