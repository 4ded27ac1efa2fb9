"""The one typed context every handler receives."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from storage.repos.users import UserRecord
from storage.repos.villages import Place, get_place
from wechat.inbound import Inbound


@dataclass
class Services:
    """Long-lived things handlers may use; later issues add theirs (knowledge base, case service)."""

    public_base_url: str = "http://127.0.0.1:8000"
    # Places by code, loaded once: every message needs its village, and the registry rarely changes.
    places: dict[str, Place] = field(default_factory=dict)
    extras: dict[str, Any] = field(default_factory=dict)

    def place(self, session: Session, code: str) -> Place | None:
        return self.places.get(code) or get_place(session, code=code)


@dataclass
class Context:
    message: Inbound
    user: UserRecord
    place: Place | None
    state: str
    data: dict[str, Any]
    session: Session
    now: datetime
    services: Services

    @property
    def text(self) -> str:
        return self.message.text.strip()

    def go(self, state: str, **data: Any) -> None:
        """Move the conversation to `state` with fresh state data."""
        self.state = state
        self.data = dict(data)

    def reset(self) -> None:
        self.go("idle")


@dataclass(frozen=True)
class Reply:
    text: str
