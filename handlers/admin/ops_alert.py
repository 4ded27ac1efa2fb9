"""The top bar's warning for the administrator when deliveries to WeChat have failed for too long."""

from __future__ import annotations

from sqlalchemy.orm import Session

from storage.repos import outbox_ops
from storage.types import utcnow


def age_text(seconds: float | None) -> str:
    if seconds is None:
        return "—"
    if seconds < 60:
        return "不到 1 分钟"
    if seconds < 3600:
        return f"{int(seconds // 60)} 分钟"
    if seconds < 86400:
        return f"{seconds / 3600:.1f} 小时"
    return f"{seconds / 86400:.1f} 天"


def delivery_alert(session: Session, *, after_minutes: float) -> str:
    """'' unless a delivery has kept failing for longer than `after_minutes`."""
    failing = outbox_ops.failing_for_s(session, now=utcnow())
    if failing is None or failing < after_minutes * 60:
        return ""
    return f"发往微信的消息已连续失败 {age_text(failing)}，群众可能收不到回复"
