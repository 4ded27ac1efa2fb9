"""Runs one inbound message through the dispatcher inside the caller's transaction."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from bot import emergency
from bot.context import Context, Reply, Services
from bot.dispatcher import Dispatcher
from bot.intents import (
    ask,
    basics,
    binding,
    inquiry_status,
    money,
    more,
    projects,
    rating,
    safety,
    supplement,
    track,
)
from bot.intents.report import flow as report_flow
from bot.intents.report import start as report_start
from storage.repos import outbox
from storage.repos import users as users_repo
from wechat.inbound import Inbound


def default_dispatcher() -> Dispatcher:
    return Dispatcher(
        binding.router,
        basics.router,
        ask.router,
        projects.router,
        more.router,
        report_start.router,
        report_flow.router,
        track.router,
        inquiry_status.router,
        rating.router,
        supplement.router,
        money.router,
        safety.router,
        fallback=basics.not_understood,
    )


def handle(
    session: Session,
    *,
    message: Inbound,
    now: datetime,
    services: Services,
    dispatcher: Dispatcher,
    loaded: tuple[users_repo.UserRecord, users_repo.ConversationRecord] | None = None,
) -> Reply | None:
    """Load the villager's user row and conversation (unless `loaded`, already touched for `now`), dispatch,
    and save the new state (no commit)."""
    user, conversation = loaded or users_repo.touch_user_and_conversation(
        session, openid=message.openid, now=now, is_message=not message.is_event
    )
    place = services.place(session, user.village_code) if user.village_code else None
    ctx = Context(
        message=message,
        user=user,
        place=place,
        state=conversation.state,
        data=dict(conversation.data or {}),
        session=session,
        now=now,
        services=services,
    )
    reply = dispatcher.dispatch(ctx)
    if not message.is_event and message.kind in ("text", "voice") and emergency.urgent(ctx.text):
        reply = Reply(emergency.CALL_NOW + (reply.text if reply is not None else "").rstrip())
    if not message.is_event and user.may_have_held_news:
        # A villager's message reopens the 48-hour window: news held back for them can go out now
        # (after the dispatch, so that on PostgreSQL it travels with the writes and COMMIT).
        outbox.release_held_soon(session, openid=message.openid, now=now)
    users_repo.save_user(session, user=user)
    if ctx.state != conversation.state or ctx.data != conversation.data:
        users_repo.save_conversation(session, conversation=conversation, state=ctx.state, data=ctx.data, now=now)
    return reply
