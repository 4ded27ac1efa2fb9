"""The one typed context every handler receives."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import lru_cache
from typing import Any

from sqlalchemy.orm import Session

from bot.understand import Intent, classify
from cases.intake.submit import SubmitPolicy
from knowledge.holder import KnowledgeHolder
from storage.repos.users import ConversationState, UserRecord
from storage.repos.villages import Place, get_place
from villages.places.lookup import PlaceIndex
from wechat.inbound import Inbound


@dataclass
class Services:
    """Long-lived things handlers may use, set once at composition (handlers/app.py)."""

    public_base_url: str = "http://127.0.0.1:8000"
    # Places by code, loaded once: every message needs its village, and the registry rarely changes.
    places: dict[str, Place] = field(default_factory=dict)
    place_index: PlaceIndex | None = None  # finds a village by name (binding, the H5 404 page, Open311)
    knowledge: KnowledgeHolder | None = None  # the current knowledge base; a reload swaps it in place
    case_policy: SubmitPolicy | None = None  # keys and limits every submit needs

    def place(self, session: Session, code: str) -> Place | None:
        return self.places.get(code) or get_place(session, code=code)


@dataclass
class Context:
    message: Inbound
    user: UserRecord
    place: Place | None
    state: ConversationState
    data: dict[str, Any]
    session: Session
    now: datetime
    services: Services
    _intent: Intent | None = field(default=None, repr=False)
    # The data of the state the dispatcher just left (转人工 after an answer hands over that question).
    previous: dict[str, Any] = field(default_factory=dict, repr=False)

    @property
    def text(self) -> str:
        return self.message.text.strip()

    @property
    def intent(self) -> Intent:
        """What the message means (bot/understand.py); "none" for events, photos and other non-text."""
        if self._intent is None:
            texty = not self.message.is_event and self.message.kind in ("text", "voice")
            self._intent = understood(self.text) if texty else Intent("none")
        return self._intent

    def go(self, state: ConversationState, **data: Any) -> None:
        """Move the conversation to `state` with fresh state data."""
        self.state = state
        self.data = dict(data)

    def reset(self) -> None:
        self.go(ConversationState.IDLE)

    def read_again(self, text: str) -> None:
        """Take `text` as the message being handled (a text held back while the villager was asked what it
        was for): the dispatcher goes on with it after the state PASSes."""
        self.message = replace(self.message, content=text)
        self._intent = None


# Texts up to this many characters have their meaning remembered (see `understood`).
REMEMBERED_TEXT_CHARS = 40


def understood(text: str) -> Intent:
    """classify(text), remembered for short texts.

    Villagers send the same few short messages again and again (低保怎么申请, 菜单, 1), and classifying
    one costs ~0.3 ms, most of a cached answer's time. The classifier is a pure function of the text over
    word lists read once per process, and an Intent is frozen, so a remembered one is the same answer.
    Longer texts (a report's story) are classified afresh: they rarely repeat, and are not kept.
    """
    return _remembered(text) if len(text) <= REMEMBERED_TEXT_CHARS else classify(text)


@lru_cache(maxsize=4096)
def _remembered(text: str) -> Intent:
    return classify(text)


@dataclass(frozen=True)
class Reply:
    text: str
