"""The declarative base every table registers on, and typed access to a model's Core table."""

from __future__ import annotations

from datetime import datetime
from typing import Any, ClassVar

from sqlalchemy import JSON, Table
from sqlalchemy.orm import DeclarativeBase

from storage.types import UTCDateTime


class Base(DeclarativeBase):
    type_annotation_map: ClassVar[dict[Any, Any]] = {dict[str, Any]: JSON, datetime: UTCDateTime()}


def table(model: type[Base]) -> Table:
    """The Core table behind a model, typed, for hot-path statements that skip the ORM."""
    t = model.__table__
    assert isinstance(t, Table)
    return t
