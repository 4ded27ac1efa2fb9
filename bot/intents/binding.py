"""Tying a villager to a village: QR scene scans, a plain follow, and picking a village by name."""

from __future__ import annotations

from bot.context import Context, Reply
from bot.dispatcher import PASS, Router
from bot.intents.report.draft import policy
from bot.menu import menu_text
from cases.handling.case_steps import RATE_SCALE, RATING_PROMPT
from cases.reading import tracking
from cases.staff.wechat_link import is_staff_scene, link_from_scan
from cases.timeutil import local_date
from storage.repos.scans import count_scan
from storage.repos.users import ConversationState
from storage.repos.villages import Place
from villages.places.scene import parse_scene

router = Router()

ASK_VILLAGE = "请回复您所在的村名（如“土观村”），也可以回复县名加村名，我们会为您找到本村。回复“菜单”返回。"
# States in which a closed case waits for the villager's rating (办结后请评价): a scan offers it again.
RATING_STATES = frozenset({ConversationState.RATE, ConversationState.RATE_REASON})


def bind(ctx: Context, place: Place) -> str:
    """Bind the user to `place`; return the greeting line (mentions a switch from another village)."""
    previous = ctx.place
    ctx.user.village_code = place.code
    ctx.place = place
    ctx.reset()
    if previous is not None and previous.code != place.code:
        return f"已从“{previous.full_name}”切换到：\n{place.full_name}"
    return f"欢迎！您所在的村：\n{place.full_name}"


@router.event("subscribe_scan", "scan")
def on_scan(ctx: Context) -> Reply:
    ctx.user.subscribed = True
    if is_staff_scene(ctx.message.scene):  # a staff member linking their WeChat (cases/staff/wechat_link.py)
        return Reply(link_from_scan(ctx.session, scene=ctx.message.scene, openid=ctx.message.openid, now=ctx.now))
    parsed = parse_scene(ctx.message.scene)
    place = ctx.services.place(ctx.session, parsed[0]) if parsed else None
    if parsed is not None and place is not None:
        channel = "subscribe" if ctx.message.event == "subscribe_scan" else "scan"
        count_scan(ctx.session, scene=ctx.message.scene.strip(), day=local_date(ctx.now), channel=channel, now=ctx.now)
    if place is None:
        ctx.go(ConversationState.BIND)
        return Reply("这个二维码没有对应的村庄，可能已经更换。\n" + ASK_VILLAGE)
    # Looked up only when the conversation was waiting for a rating: a scan costs no query otherwise.
    rated = ctx.state in RATING_STATES
    pending = tracking.awaiting_rating(ctx.session, openid=ctx.user.openid, keys=policy(ctx).keys) if rated else None
    greeting = bind(ctx, place)
    if pending is None:
        return Reply(greeting + "\n\n" + menu_text())
    ctx.go(ConversationState.RATE, **RATE_SCALE)  # the menu's digits wait: a digit now rates the case
    return Reply(
        f"{greeting}\n\n您反映的编号 {pending.number} 已办结，还等您评价。{RATING_PROMPT}\n评价后回复“菜单”看全部功能。"
    )


@router.event("subscribe")
def on_follow(ctx: Context) -> Reply:
    ctx.user.subscribed = True
    if ctx.place is not None:
        return Reply(f"欢迎回来！您所在的村：\n{ctx.place.full_name}\n\n" + menu_text())
    ctx.go(ConversationState.BIND)
    return Reply("欢迎关注“清风”村务监督服务。\n" + ASK_VILLAGE)


@router.event("unsubscribe")
def on_unfollow(ctx: Context) -> None:
    ctx.user.subscribed = False
    return None


@router.event("location")
def on_location(ctx: Context) -> None:
    # Sent silently when the chat opens; kept (GCJ-02) so a report can use "the position when entering".
    msg = ctx.message
    if msg.lat is not None and msg.lng is not None:
        ctx.user.last_lat, ctx.user.last_lng, ctx.user.last_location_at = msg.lat, msg.lng, ctx.now
        ctx.user.last_precision_m = msg.precision
    return None


@router.command("切换村庄", "更换村庄", "绑定村庄", "选择村庄")
def start_binding(ctx: Context) -> Reply:
    ctx.go(ConversationState.BIND)
    return Reply(ASK_VILLAGE)


@router.state(ConversationState.BIND)
def choose_village(ctx: Context) -> Reply:
    text = ctx.text
    if ctx.message.kind not in ("text", "voice") or not text:
        return Reply(ASK_VILLAGE)
    if text in ("菜单", "取消", "0"):
        ctx.reset()
        return PASS
    choices: list[str] = list(ctx.data.get("choices", []))
    if text.isdigit() and choices and 1 <= int(text) <= len(choices):
        place = ctx.services.place(ctx.session, choices[int(text) - 1])
        if place is not None:
            return Reply(bind(ctx, place) + "\n\n" + menu_text())
    index = ctx.services.place_index
    assert index is not None, "create_app builds the place index at composition"
    matches = index.find(text, limit=5)
    if not matches:
        return Reply(f"没有找到“{text[:20]}”。请换个说法再试，例如“五十镇 土观村”。回复“菜单”返回。")
    ctx.go(ConversationState.BIND, choices=[m.place.code for m in matches])
    lines = [f"{i} {m.place.full_name}" for i, m in enumerate(matches, 1)]
    hint = "\n没有您的村？请加上乡镇名再发一次。" if len(matches) > 1 else ""
    return Reply("请回复序号确认您的村：\n" + "\n".join(lines) + hint)
