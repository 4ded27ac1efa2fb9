"""The guided report: category, what happened, (who is reported), evidence, identity, confirm.

The draft lives in its own table (one per villager, 24 hours), so it survives restarts and a detour
to the menu. Photos and voice notes are rows of their own, so nine photos sent at once all land.
The reply with the case number is the webhook's passive reply, sent after the commit.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from bot import report_prompts as p
from bot.context import Context, Reply
from bot.dispatcher import PASS, Router
from cases import cadres, drafts, ratelimit
from cases.categories import CADRE_LEVELS, by_code, categories
from cases.ratelimit import RateLimited
from cases.submit import SubmitPolicy, submit
from cases.timeutil import chinese_time
from cases.validation import (
    MAX_DESCRIPTION,
    MAX_PHOTOS,
    MAX_VOICES,
    InvalidReport,
    LocationInput,
    ReportInput,
    phone_problem,
)
from config.privacy import user_key
from storage.models_cases import ReportDraft

router = Router()
STATE = "report"
FLOOD_LIMIT = 30


def policy(ctx: Context) -> SubmitPolicy:
    value = ctx.services.extras["case_policy"]
    assert isinstance(value, SubmitPolicy)
    return value


@router.menu_item("3")
@router.command("举报", "反映", "投诉", "我要反映")
def start(ctx: Context) -> Reply:
    if ctx.place is None:
        ctx.go("bind")
        return Reply("反映问题前，请先告诉我们您所在的村。\n请回复村名（如“土观村”）。")
    draft = drafts.load(ctx.session, openid=ctx.user.openid, now=ctx.now)
    ctx.go(STATE)
    if draft is not None and draft.step != "category":
        return Reply("继续您上次没有提交的反映。\n\n" + _prompt(ctx, draft))
    if draft is None:
        drafts.start(ctx.session, openid=ctx.user.openid, now=ctx.now)
    return Reply(p.category_prompt())


def _flooding(ctx: Context) -> Reply | None:
    """At most FLOOD_LIMIT report messages a minute per villager, counted in the database."""
    minute = ctx.now.replace(second=0, microsecond=0)
    try:
        ratelimit.take(
            ctx.session,
            bucket=f"flood:{user_key(ctx.user.openid)[:32]}:{minute:%Y%m%d%H%M}",
            limit=FLOOD_LIMIT,
            expires_at=minute + timedelta(minutes=1),
        )
    except RateLimited as exc:
        return Reply(f"您发得太快了，请在 {chinese_time(exc.retry_at)} 后再发。已记下的内容都还在。")
    return None


@router.state(STATE)
def on_message(ctx: Context) -> Reply:
    flooding = _flooding(ctx)
    if flooding is not None:
        return flooding
    draft = drafts.load(ctx.session, openid=ctx.user.openid, now=ctx.now)
    if draft is None:
        ctx.reset()
        return Reply("上次的反映已超过 24 小时，草稿已清除。需要时回复 3 重新反映。")
    text = ctx.text if ctx.message.kind == "text" else ""
    if text == p.CANCEL:
        drafts.discard(ctx.session, draft=draft)
        ctx.reset()
        return Reply(p.CANCELLED)
    if text in ("菜单", "主菜单"):
        ctx.reset()
        return PASS  # the draft stays; menu item 3 resumes it
    if text == p.BACK:
        return _back(ctx, draft)
    handler = _STEPS.get(draft.step, _category)
    return handler(ctx, draft)


def _data(draft: ReportDraft) -> dict[str, Any]:
    return dict(draft.data or {})


def _counts(ctx: Context, draft: ReportDraft) -> dict[str, int]:
    return {k: drafts.count_media(ctx.session, draft_id=draft.draft_id, kind=k) for k in ("image", "voice")}


def _prompt(ctx: Context, draft: ReportDraft) -> str:
    return p.prompt(draft.step, _data(draft), _counts(ctx, draft))


def _goto(ctx: Context, draft: ReportDraft, step: str, data: dict[str, Any], lead: str = "") -> Reply:
    history = [*list(data.get("history", [])), draft.step][-12:]
    data["history"] = history
    drafts.save(draft, step=step, data=data, now=ctx.now)
    return Reply((lead + "\n\n" if lead else "") + _prompt(ctx, draft))


def _back(ctx: Context, draft: ReportDraft) -> Reply:
    data = _data(draft)
    history = list(data.get("history", []))
    if not history:
        return Reply("已经是第一步了。\n\n" + _prompt(ctx, draft))
    step = history.pop()
    data["history"] = history
    drafts.save(draft, step=step, data=data, now=ctx.now)
    return Reply(_prompt(ctx, draft))


def _hint(ctx: Context, draft: ReportDraft) -> Reply:
    return Reply(p.HINTS.get(draft.step, "") + "\n\n" + _prompt(ctx, draft))


def _number(ctx: Context, options: int) -> int | None:
    text = ctx.text.translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    if ctx.message.kind in ("text", "voice") and text.isdigit() and 1 <= int(text) <= options:
        return int(text)
    return None


# --- step 1: category ------------------------------------------------------------------------


def _category(ctx: Context, draft: ReportDraft) -> Reply:
    cats = categories()
    choice = _number(ctx, len(cats))
    if choice is None:
        return _hint(ctx, draft)
    data = _data(draft)
    data["category"] = cats[choice - 1].code
    return _goto(ctx, draft, "description", data, f"您选择了：{cats[choice - 1].label}")


# --- step 2: what happened -------------------------------------------------------------------


def _description(ctx: Context, draft: ReportDraft) -> Reply:
    msg = ctx.message
    data = _data(draft)
    if msg.kind == "text" and ctx.text in p.DONE_WORDS:
        if not p.description_of(data).strip():
            return Reply("还没有记下内容。" + p.DESCRIPTION)
        return _after_description(ctx, draft, data)
    if msg.kind == "voice":
        media_reply = _add_media(ctx, draft, "voice")
        if media_reply is not None:
            return media_reply
        if not msg.recognition:
            return Reply("语音已保存，但没能识别出文字。请再打字写下要点：谁、做了什么、什么时候、多少钱。")
        return _append(ctx, draft, data, msg.recognition, "已识别并记下您的语音，语音也已保存。")
    if msg.kind == "text":
        if not ctx.text:
            return Reply(p.DESCRIPTION)
        return _append(ctx, draft, data, msg.content.strip(), "已记下。")
    if msg.kind == "image":
        return _add_media(ctx, draft, "image") or Reply("照片已收到。请再用文字说说发生了什么，说完回复“好了”。")
    if msg.kind == "location":
        _set_location(data, ctx, source="message")
        drafts.save(draft, step=draft.step, data=data, now=ctx.now)
        return Reply("位置已收到。请再用文字说说发生了什么，说完回复“好了”。")
    return _hint(ctx, draft)


def _append(ctx: Context, draft: ReportDraft, data: dict[str, Any], text: str, lead: str) -> Reply:
    parts = [*list(data.get("parts", [])), text]
    total = len("\n".join(parts))
    if total > MAX_DESCRIPTION:
        kept = len(p.description_of(data))
        return Reply(
            f"这段太长了：加上之前的内容共 {total} 字，最多 {MAX_DESCRIPTION} 字。\n"
            f"之前记下的 {kept} 字都还在。请精简后再发，说完回复“好了”。"
        )
    data["parts"] = parts
    drafts.save(draft, step=draft.step, data=data, now=ctx.now)
    return Reply(f"{lead}（共 {total} 字）\n还有要补充的请继续发；说完请回复“好了”。")


# --- step 2b: who is reported ----------------------------------------------------------------


def _after_description(ctx: Context, draft: ReportDraft, data: dict[str, Any]) -> Reply:
    """Ask who is reported in the categories about cadres, and in any other whose words name a cadre:
    the answer keeps the case away from the accused town (the router also reads the words)."""
    category = by_code(str(data.get("category", "")))
    if category is not None and category.about_cadres:
        return _goto(ctx, draft, "cadre", data)
    named = cadres.strongest(p.description_of(data))
    if named is None:
        return _goto(ctx, draft, "evidence", data)
    return _goto(ctx, draft, "cadre", data, f"您说的内容提到了“{named.word}”。")


def _cadre(ctx: Context, draft: ReportDraft) -> Reply:
    choice = _number(ctx, len(CADRE_LEVELS))
    if choice is None:
        return _hint(ctx, draft)
    data = _data(draft)
    data["cadre_level"] = CADRE_LEVELS[choice - 1][0]
    return _goto(ctx, draft, "evidence", data)


# --- step 3: evidence ------------------------------------------------------------------------


def _evidence(ctx: Context, draft: ReportDraft) -> Reply:
    msg = ctx.message
    data = _data(draft)
    if msg.kind == "image" or msg.kind == "voice":
        refused = _add_media(ctx, draft, msg.kind)
        if refused is not None:
            return refused
        n = drafts.count_media(ctx.session, draft_id=draft.draft_id, kind=msg.kind)
        what = f"第 {n} 张照片" if msg.kind == "image" else f"第 {n} 条语音"
        return Reply(f"已收到{what}。可以继续发送，发完请回复“好了”。")
    if msg.kind == "location":
        _set_location(data, ctx, source="message")
        drafts.save(draft, step=draft.step, data=data, now=ctx.now)
        return Reply("位置已收到。还可以发照片，发完请回复“好了”。")
    if msg.kind == "text" and ctx.text == p.USE_ENTRY_LOCATION:
        if ctx.user.last_lat is None or ctx.user.last_lng is None:
            return Reply("没有获取到您进入公众号时的位置。请点“+”再点“位置”发送，或回复“跳过”。")
        _set_location(data, ctx, source="event")
        drafts.save(draft, step=draft.step, data=data, now=ctx.now)
        return Reply("已使用您进入公众号时的位置。还可以发照片，发完请回复“好了”。")
    if msg.kind == "text" and (ctx.text in p.DONE_WORDS or ctx.text in p.SKIP_WORDS):
        return _goto(ctx, draft, "identity", data)
    return _hint(ctx, draft)


def _add_media(ctx: Context, draft: ReportDraft, kind: str) -> Reply | None:
    """Keep a photo or voice note as its own row; a reply only when it is refused."""
    msg = ctx.message
    if not msg.media_id:
        return Reply("这条没有收到文件（缺少 MediaId），请重新发送。")
    drafts.lock(ctx.session, draft_id=draft.draft_id)
    limit = MAX_PHOTOS if kind == "image" else MAX_VOICES
    if drafts.count_media(ctx.session, draft_id=draft.draft_id, kind=kind) >= limit:
        what = f"照片最多 {MAX_PHOTOS} 张" if kind == "image" else f"语音最多 {MAX_VOICES} 条"
        return Reply(f"{what}，这一条没有保存。发完请回复“好了”。")
    drafts.add_media(
        ctx.session,
        draft_id=draft.draft_id,
        msg_key=msg.dedup_key,
        kind=kind,
        media_id=msg.media_id,
        media_format=msg.voice_format or None,
        now=ctx.now,
    )
    return None


def _set_location(data: dict[str, Any], ctx: Context, *, source: str) -> None:
    msg, user = ctx.message, ctx.user
    if source == "message" and msg.lat is not None and msg.lng is not None:
        data["location"] = {"lat": msg.lat, "lng": msg.lng, "source": "message", "label": msg.label[:200]}
    elif user.last_lat is not None and user.last_lng is not None:
        data["location"] = {
            "lat": user.last_lat,
            "lng": user.last_lng,
            "source": "event",
            "label": "",
            "accuracy_m": user.last_precision_m,
        }


# --- step 4: identity ------------------------------------------------------------------------


def _identity(ctx: Context, draft: ReportDraft) -> Reply:
    choice = _number(ctx, 2)
    if choice is None and ctx.text in ("实名", "匿名"):
        choice = 1 if ctx.text == "实名" else 2
    if choice is None:
        return _hint(ctx, draft)
    data = _data(draft)
    data["anonymous"] = choice == 2
    if choice == 2:
        data.pop("name", None)
        data.pop("phone", None)
        return _goto(ctx, draft, "confirm", data)
    return _goto(ctx, draft, "contact", data)


def _contact(ctx: Context, draft: ReportDraft) -> Reply:
    if ctx.message.kind != "text" or not ctx.text:
        return _hint(ctx, draft)
    data = _data(draft)
    if ctx.text in p.SKIP_WORDS:
        data["name"], data["phone"] = None, None
        return _goto(ctx, draft, "confirm", data)
    digits = "".join(ch for ch in ctx.text if ch.isdigit())
    name = "".join(ch for ch in ctx.text if not ch.isdigit()).strip(" ，,：:；;\n\t")
    if digits and (problem := phone_problem(digits)):
        return Reply(f"{problem}您发的是 {len(digits)} 位。请重新发送，或回复“跳过”。")
    if len(name) > 20:
        return Reply("姓名最多 20 个字，请重新发送。")
    data["name"], data["phone"] = name or None, digits or None
    return _goto(ctx, draft, "confirm", data)


# --- step 5: confirm -------------------------------------------------------------------------


def _confirm(ctx: Context, draft: ReportDraft) -> Reply:
    text = ctx.text if ctx.message.kind in ("text", "voice") else ""
    if text in ("0",):
        drafts.discard(ctx.session, draft=draft)
        ctx.reset()
        return Reply(p.CANCELLED)
    if text in ("2", "修改"):
        return _goto(ctx, draft, "edit", _data(draft))
    if text not in ("1", "提交", "确认"):
        return _hint(ctx, draft)
    return _submit(ctx, draft)


def _edit(ctx: Context, draft: ReportDraft) -> Reply:
    choice = _number(ctx, 4)
    if choice is None:
        return _hint(ctx, draft)
    data = _data(draft)
    step = ("category", "description", "evidence", "identity")[choice - 1]
    if step == "description":
        data["parts"] = []
        return _goto(ctx, draft, step, data, "请重新说说发生了什么（之前的内容已清空）。")
    return _goto(ctx, draft, step, data)


def _submit(ctx: Context, draft: ReportDraft) -> Reply:
    data = _data(draft)
    loc = data.get("location")
    report = ReportInput(
        category=str(data.get("category", "")),
        description=p.description_of(data),
        village_code=ctx.place.code if ctx.place else "",
        reporter_openid=ctx.user.openid,
        anonymous=bool(data.get("anonymous", True)),
        name=data.get("name"),
        phone=data.get("phone"),
        cadre_level=data.get("cadre_level"),
        location=LocationInput(
            lat=float(loc["lat"]),
            lng=float(loc["lng"]),
            source=str(loc["source"]),
            label=loc.get("label") or None,
            accuracy_m=loc.get("accuracy_m"),
        )
        if isinstance(loc, dict)
        else None,
        evidence=drafts.evidence(ctx.session, draft_id=draft.draft_id),
        channel="chat",
    )
    try:
        done = submit(ctx.session, report=report, key=f"chat:{draft.draft_id}", policy=policy(ctx), now=ctx.now)
    except InvalidReport as exc:
        return Reply("还不能提交：\n" + "\n".join(exc.problems) + "\n\n回复 2 修改。")
    except RateLimited as exc:
        return Reply(
            f"您今天已提交 {policy(ctx).reports_per_day} 次反映，请在 {chinese_time(exc.retry_at)} 后再提交。\n"
            "草稿会为您保留 24 小时。急事请拨打 12388。"
        )
    drafts.discard(ctx.session, draft=draft)
    ctx.reset()
    return Reply(p.submitted_text(done))


_STEPS = {
    "category": _category,
    "description": _description,
    "cadre": _cadre,
    "evidence": _evidence,
    "identity": _identity,
    "contact": _contact,
    "confirm": _confirm,
    "edit": _edit,
}
