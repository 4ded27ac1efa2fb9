"""The guided report: category, what happened, (who is reported), evidence, identity, confirm.

The draft lives in its own table (one per villager, 24 hours), so it survives restarts and a detour
to the menu. Photos and voice notes are rows of their own, so nine photos sent at once all land.
The reply with the case number is the webhook's passive reply, sent after the commit.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from datetime import timedelta
from typing import Literal

from bot import report_prompts as p
from bot import safety, shapes
from bot.context import Context, Reply
from bot.dispatcher import PASS, Router
from bot.hardship_story import fill_from_story, is_bare_number, taken_text, when_answer
from bot.menu import menu_text
from bot.understand import classify, clauses, guess_category, leading_choice, means, normalise, pick
from cases.categories import CADRE_LEVELS, by_code, categories
from cases.intake import ratelimit, report_drafts
from cases.intake.ratelimit import RateLimited
from cases.intake.report_drafts import DraftData
from cases.intake.submit import SubmitPolicy, submit
from cases.routing import cadres
from cases.timeutil import chinese_time
from cases.validation import (
    CHANNEL_RULES,
    MAX_DESCRIPTION,
    MAX_NAME,
    MAX_PHOTOS,
    MAX_VOICES,
    Channel,
    EvidenceKind,
    InvalidReport,
    LocationInput,
    LocationSource,
    ReportInput,
    name_problem,
    phone_problem,
)
from config.privacy import user_key
from storage.models.cases import ReportDraft
from storage.repos.users import ConversationState

router = Router()
STATE = ConversationState.REPORT
OFFER = ConversationState.REPORT_OFFER
HARDSHIP = "poverty_risk"
FLOOD_LIMIT = 30


def policy(ctx: Context) -> SubmitPolicy:
    value = ctx.services.case_policy
    assert value is not None, "install_cases sets the submit policy at composition"
    return value


@router.menu_item("3")
@router.intent("report")
@router.command("举报", "反映", "投诉", "我要反映")
def start(ctx: Context) -> Reply:
    if ctx.place is None:
        ctx.go(ConversationState.BIND)
        return Reply("反映问题前，请先告诉我们您所在的村。\n请回复村名（如“土观村”）。")
    # 能不能匿名举报 会不会被村里知道: the fear is answered first and never kept as the report's words.
    asked, rest = safety.split(ctx.text) if ctx.message.kind in ("text", "voice") else (False, "")
    answer = safety.ANSWER + "\n\n" if asked else ""
    if ctx.intent.name == "report" and ctx.intent.detail == "where":
        answer += HERE  # 请问在哪里检举: the answer is here, and the report starts
    if asked and rest and (classify(rest).name == "story" or classify(rest).told):
        return Reply(answer + start_with(ctx, rest[:MAX_DESCRIPTION], None).text)
    if asked and rest and shapes.flat_statement(normalise(rest)):
        # 低保名单里有开饭馆的 … 我举报的话会不会被报复: the fear answered, the story beside it offered.
        code = guess_category(normalise(rest))
        ctx.go(OFFER, text=rest[:MAX_DESCRIPTION], category=code)
        category = by_code(code)
        return Reply(answer + p.story_offer(category.label if category else "其他意见建议"))
    if not asked and ctx.intent.name == "report" and ctx.intent.told:
        # 我要投诉 村上啥都不管: keep the words; the category is guessed from them when they name one.
        return start_with(ctx, ctx.text[:MAX_DESCRIPTION], _guessed(ctx.intent.detail))
    draft = report_drafts.load(ctx.session, openid=ctx.user.openid, now=ctx.now)
    ctx.go(STATE)
    if draft is not None and draft.step != "category":
        return Reply(answer + _resumed(ctx, draft))
    if draft is None:
        report_drafts.start(ctx.session, openid=ctx.user.openid, now=ctx.now)
    return Reply(answer + p.category_prompt())


def _guessed(code: str) -> str | None:
    """A category guessed from the villager's words, or None when they name none (the category is asked)."""
    return code if code not in ("", "other", HARDSHIP) and by_code(code) is not None else None


# The answer to "where (or how) do I report", given as the report starts.
HERE = "在这里就能反映，按提示一步步回答就行，可以匿名。也可以拨打 12388 纪检监察举报电话。\n\n"


def _resumed(ctx: Context, draft: ReportDraft) -> str:
    """A draft taken up again shows what was kept (shortened) before its step; in the story step it asks to add."""
    data = _data(draft)
    said = p.description_of(data).strip()
    if not said:
        return "继续您上次没有提交的反映。\n\n" + _prompt(ctx, draft)
    shown = said if len(said) <= RESUME_SHOWN else said[:RESUME_SHOWN] + "……"
    head = f"继续您上次没有提交的反映。已记下的（共 {len(said)} 字）：\n{shown}"
    if draft.step in ("description", "h_story"):
        return head + "\n\n" + p.story_saved(len(said), hardship=data.get("category") == HARDSHIP)
    return head + "\n\n" + _prompt(ctx, draft)


# How much of a kept story a resumed draft shows.
RESUME_SHOWN = 80


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


@router.state(STATE, navigates=True)
def on_message(ctx: Context) -> Reply:
    flooding = _flooding(ctx)
    if flooding is not None:
        return flooding
    draft = report_drafts.load(ctx.session, openid=ctx.user.openid, now=ctx.now)
    if draft is None:
        ctx.reset()
        return Reply("上次的反映已超过 24 小时，草稿已清除。需要时回复 3 重新反映。")
    intent = ctx.intent.name if ctx.message.kind in ("text", "voice") else "none"
    if draft.step in ("evidence", "contact") and _skip(ctx):
        intent = "none"  # 不用了 here means no photos, not "cancel the report"
    if intent == "person" and draft.step in _FREE_TEXT and len(ctx.intent.norm) > PERSON_WORDS_MAX:
        intent = "none"  # 找个人照顾 in the help asked for is what was said, not a call for a person
    if intent == "none" and draft.step not in ("description", "h_story") and ctx.message.kind == "text":
        intent = _clause_exit(ctx.text) or intent  # 电话不留 算了不弄了
    if intent == "cancel":
        report_drafts.discard(ctx.session, draft=draft)
        ctx.reset()
        return Reply(p.CANCELLED + "\n\n" + menu_text())
    if intent in ("menu", "help", "person"):
        ctx.reset()
        return PASS  # the draft stays; menu item 3 resumes it
    if intent == "restart":
        report_drafts.discard(ctx.session, draft=draft)
        ctx.reset()
        return Reply("好的，重新开始，没有提交的内容已清除。\n\n" + menu_text())
    if intent == "back":
        reply = _back(ctx, draft)
    elif (answered := _safety(ctx, draft)) is not None:
        reply = answered
    else:
        switched = _switch(ctx, draft)
        if switched is not None:
            return switched
        handler = _STEPS.get(draft.step, _category)
        reply = handler(ctx, draft)
    if ctx.state == STATE and not any(word in reply.text for word in ("取消", "菜单")):
        return Reply(reply.text + "\n" + p.FOOTER)  # every reply in the flow says how to get out
    return reply


def _safety(ctx: Context, draft: ReportDraft) -> Reply | None:
    """A question about the reporter's safety at any step: answered truly, never kept as content, and the
    step is asked again; the rest of the message (a story beside the question) is kept where a story goes."""
    if ctx.message.kind not in ("text", "voice") or not ctx.text:
        return None
    asked, rest = safety.split(ctx.text)
    if not asked:
        return None
    data = _data(draft)
    answer = safety.HARDSHIP_ANSWER if data.get("category") == HARDSHIP else safety.ANSWER
    if rest and len(_meaningful(rest)) >= 3 and draft.step in ("category", "description", "h_story"):
        kept = _category_story(ctx, draft, rest) if draft.step == "category" else None
        if kept is None and draft.step != "category":
            kept = _append(ctx, draft, data, rest, "其余的话已记下。")
        if kept is not None:
            return Reply(answer + "\n\n" + kept.text)
    return Reply(answer + "\n\n" + _prompt(ctx, draft))


# Steps that take free text: a message there that mentions a person (找个人照顾) is an answer.
_FREE_TEXT = frozenset({"description", "h_story", "h_when", "h_help", "contact", "h_phone"})
PERSON_WORDS_MAX = 8
# The last clause of a longer answer that leaves outright (算了不弄了, 不登记了): 算了 or 不用了 alone is not
# enough there (照片没有 算了 means no photos).
_OUTRIGHT_EXITS = (
    *("不弄", "不办", "不要了", "退出", "不反映", "不登记"),
    *("不申请", "不举报", "不搞", "不整", "取消", "放弃"),
)


def _clause_exit(text: str) -> str | None:
    said = clauses(text)
    if len(said) < 2:
        return None
    last = said[-1]
    name = classify(last).name
    if name == "cancel" and any(w in normalise(last) for w in _OUTRIGHT_EXITS):
        return name
    return name if name in ("menu", "restart") else None


def _data(draft: ReportDraft) -> DraftData:
    return report_drafts.data_of(draft)


def _counts(ctx: Context, draft: ReportDraft) -> dict[str, int]:
    return {k: report_drafts.count_media(ctx.session, draft_id=draft.draft_id, kind=k) for k in EvidenceKind}


def _prompt(ctx: Context, draft: ReportDraft) -> str:
    entry = ctx.user.last_lat is not None and ctx.user.last_lng is not None
    return p.prompt(draft.step, _data(draft), _counts(ctx, draft), entry_location=entry)


def _goto(
    ctx: Context,
    draft: ReportDraft,
    step: str,
    data: DraftData,
    lead: str = "",
    *,
    force: bool = False,
    plain: bool = False,
) -> Reply:
    """Move to `step`; while editing, a step already answered is skipped straight to the summary."""
    if data.get("editing") and not force and _answered(step, data):
        step = "confirm"
    if step == "confirm":
        data.pop("editing", None)
    history = [*list(data.get("history", [])), draft.step][-12:]
    data["history"] = history
    report_drafts.save(draft, step=step, data=data, now=ctx.now)
    if plain:
        return Reply(lead)
    return Reply((lead + "\n\n" if lead else "") + _prompt(ctx, draft))


def _answered(step: str, data: DraftData) -> bool:
    if step in ("description", "h_story"):
        return bool(p.description_of(data).strip())
    if step == "cadre":
        return bool(data.get("cadre_level"))
    if step == "identity":
        return "anonymous" in data
    if step == "contact":
        return bool(data.get("name") or data.get("phone")) or bool(data.get("contact_skipped"))
    if step == "evidence":
        return True
    return step in p.HARDSHIP_KEYS and p.HARDSHIP_KEYS[step] in data


def _back(ctx: Context, draft: ReportDraft) -> Reply:
    data = _data(draft)
    history = list(data.get("history", []))
    if not history:
        return Reply("已经是第一步了。回复“取消”可以退出。\n\n" + _prompt(ctx, draft))
    step = history.pop()
    data["history"] = history
    report_drafts.save(draft, step=step, data=data, now=ctx.now)
    return Reply(_prompt(ctx, draft))


def _hint(ctx: Context, draft: ReportDraft) -> Reply:
    return Reply(p.HINTS.get(draft.step, "") + "\n\n" + _prompt(ctx, draft))


def _number(ctx: Context, options: int | list[str]) -> int | None:
    """The option picked: 2, ２, 二, 第二个, 2号, or (given the labels) the option's own words."""
    if ctx.message.kind not in ("text", "voice"):
        return None
    labels = options if isinstance(options, list) else [""] * options
    return pick(ctx.text, labels)


# --- step 1: category ------------------------------------------------------------------------


def _category(ctx: Context, draft: ReportDraft) -> Reply:
    cats = categories()
    choice = _number(ctx, [c.label for c in cats])
    if choice is None:
        choice = _category_by_words(ctx, [c.code for c in cats])
    if choice is None:
        return _category_with_words(ctx, draft) or _category_story(ctx, draft, ctx.text) or _hint(ctx, draft)
    data = _data(draft)
    data["category"] = cats[choice - 1].code
    lead = f"您选择了：{cats[choice - 1].label}"
    if cats[choice - 1].code == HARDSHIP:
        return _hardship_go(ctx, draft, data, lead + "\n" + p.HARDSHIP_INTRO)
    if p.description_of(data).strip():
        lead += "\n之前说的内容都还在。"
    return _goto(ctx, draft, "description", data, lead)


def _category_with_words(ctx: Context, draft: ReportDraft) -> Reply | None:
    """A category picked by number with words after it (2 就是低保那个 村上偏向自家人): the pick is taken and
    the words are kept as the story's first part; a long one goes on, a short one is asked to say more."""
    said = leading_choice(ctx.text) if ctx.message.kind in ("text", "voice") else None
    cats = categories()
    if said is None or not 1 <= said[0] <= len(cats):
        return None
    number, words = said
    data = _data(draft)
    data["category"] = cats[number - 1].code
    lead = f"您选择了：{cats[number - 1].label}"
    if len(_meaningful(words)) < p.MIN_DESCRIPTION or classify(words).name in ("smalltalk", "choice"):
        words = ""  # 2 对, 2 好的: only the pick
    if words:
        _append(ctx, draft, data, words, "")
    if cats[number - 1].code == HARDSHIP:
        return _hardship_go(ctx, draft, data, lead + "\n" + p.HARDSHIP_INTRO)
    told = p.description_of(data)
    if len(_meaningful(told)) >= p.LONG_STORY:
        return _after_description(ctx, draft, data, lead + "\n" + p.story_taken(len(told)))
    if words:
        lead += f"\n已记下您说的（共 {len(told)} 字）。"
    return _goto(ctx, draft, "description", data, lead)


def _category_story(ctx: Context, draft: ReportDraft, text: str) -> Reply | None:
    """A story told at the category step (我要举报 then what happened) is kept as the description's first
    part; the category is guessed from it for the villager to confirm, or asked again keeping the words."""
    if ctx.message.kind not in ("text", "voice") or not text or text in p.REWRITE_WORDS:
        return None
    said = ctx.intent if text == ctx.text else classify(text)
    norm = _meaningful(text)
    if said.name in ("choice", "menu_item", "smalltalk") or len(norm) < CATEGORY_STORY_MIN:
        return None
    code = said.detail if said.name == "story" and said.detail else guess_category(norm)
    if code == HARDSHIP or by_code(code) is None:
        code = "other"
    told = said.name in ("story", "money", "hardship") or (said.name == "report" and said.told)
    told = told or (said.name == "none" and len(norm) >= p.MORE_STORY and not _ASKING_WORDS.search(norm))
    if not told and code == "other" and cadres.strongest(text) is None:
        return None  # 我不知道选哪个: not a story
    data = _data(draft)
    _append(ctx, draft, data, text, "")
    category = by_code(code)
    if code == "other" or category is None:
        return Reply("已记下您说的话。请选一下类别：\n\n" + p.category_prompt())
    data["category"] = code
    lead = f"已把您的话记为反映内容，类别像是：{category.label}（不对请回复“返回”重选）。"
    if len(_meaningful(p.description_of(data))) >= p.LONG_STORY:
        return _after_description(ctx, draft, data, lead + "\n" + p.story_taken(len(p.description_of(data))))
    return _goto(ctx, draft, "description", data, lead + "\n" + p.DESCRIPTION_MORE, plain=True)


# A message at the category step shorter than this (normalised) is never taken as a story.
CATEGORY_STORY_MIN = 6
# A longer message naming nothing is a story unless it asks (选哪个, 怎么弄, 是啥意思).
_ASKING_WORDS = re.compile(r"吗|么|嘛|哪|什么|怎么|咋|啥|为何|能不能|是不是|可不可以|不会|不懂|不知道")


def _category_by_words(ctx: Context, codes: list[str]) -> int | None:
    """A short answer in the category's own words that are not its label (扶贫的钱 -> funds)."""
    if ctx.message.kind not in ("text", "voice") or len(ctx.intent.norm) > 8:
        return None
    code = guess_category(ctx.intent.norm)
    return codes.index(code) + 1 if code != "other" and code in codes else None


# --- step 2: what happened -------------------------------------------------------------------


def _description(ctx: Context, draft: ReportDraft) -> Reply:
    msg = ctx.message
    data = _data(draft)
    if msg.kind == "text" and _done(ctx):
        if not p.description_of(data).strip():
            return Reply("还没有记下内容。" + p.DESCRIPTION)
        if len(_meaningful(p.description_of(data))) < p.MIN_DESCRIPTION:
            return Reply(p.TOO_SHORT)
        return _after_description(ctx, draft, data)
    if msg.kind == "voice":
        media_reply = _add_media(ctx, draft, EvidenceKind.VOICE)
        if media_reply is not None:
            return media_reply
        if not msg.recognition:
            return Reply("语音已保存，但没能识别出文字。请再打字写下要点：谁、做了什么、什么时候、多少钱。")
        return _story_part(ctx, draft, data, msg.recognition, "已识别并记下您的语音，语音也已保存。")
    if msg.kind == "text":
        return _described(ctx, draft, data)
    if msg.kind == "image":
        return _add_media(ctx, draft, EvidenceKind.IMAGE) or Reply(
            "照片已收到。请再用文字说说发生了什么，说完回复“好了”。"
        )
    if msg.kind == "location":
        _set_location(data, ctx, source=LocationSource.MESSAGE)
        report_drafts.save(draft, step=draft.step, data=data, now=ctx.now)
        return Reply("位置已收到。请再用文字说说发生了什么，说完回复“好了”。")
    return _hint(ctx, draft)


def _described(ctx: Context, draft: ReportDraft, data: DraftData) -> Reply:
    """A text in the description step: command words and scraps are never stored as the story."""
    if not ctx.text:
        return Reply(p.DESCRIPTION)
    if ctx.text in p.REWRITE_WORDS:
        data["parts"] = []
        report_drafts.save(draft, step=draft.step, data=data, now=ctx.now)
        return Reply("之前记下的内容已清空。\n" + p.DESCRIPTION)
    saved = len(_meaningful(p.description_of(data))) >= p.MIN_DESCRIPTION
    if _skip(ctx):
        if saved:  # nothing more to add: the story is there, go on
            return _after_description(ctx, draft, data)
        return Reply("这一步不能跳过：不知道发生了什么，就没法核实。\n" + p.EXAMPLE + "\n说完请回复“好了”。")
    if ctx.intent.name in ("smalltalk", "choice", "menu_item") or len(_meaningful(ctx.text)) < 3:
        if saved:
            return Reply(p.story_saved(len(p.description_of(data))))
        return Reply(f"只有“{ctx.text[:10]}”，看不出发生了什么。\n" + p.EXAMPLE + "\n说完请回复“好了”。")
    return _story_part(ctx, draft, data, ctx.message.content.strip(), "已记下。")


def _story_part(ctx: Context, draft: ReportDraft, data: DraftData, text: str, lead: str) -> Reply:
    """Add a part of the story. A long one has clearly been told: go on without waiting for 好了 (more can
    still be sent at the next steps); a hardship told here is offered its own path."""
    before = len(p.description_of(data))
    reply = _append(ctx, draft, data, text, lead)
    kept = len(p.description_of(data)) - before
    switch = p.SWITCH_TO_HARDSHIP if ctx.intent.name == "hardship" else ""
    if kept >= len(text) and not data.get("editing") and len(_meaningful(text)) >= p.LONG_STORY:
        told = p.story_taken(len(p.description_of(data)))
        return _after_description(ctx, draft, data, "\n".join(x for x in (told, switch) if x))
    return Reply(reply.text + "\n" + switch) if switch else reply


def _done(ctx: Context) -> bool:
    if ctx.text in p.DONE_WORDS or means(ctx.text, "done"):
        return True
    return ctx.intent.name == "smalltalk" and ctx.intent.detail in ("ok", "bye")


def _skip(ctx: Context) -> bool:
    return ctx.text in p.SKIP_WORDS or means(ctx.text, "skip")


def _meaningful(text: str) -> str:
    return normalise(text)


def _append(ctx: Context, draft: ReportDraft, data: DraftData, text: str, lead: str) -> Reply:
    """Add `text` to the story; what goes past the limit is cut, and the villager is told where and why."""
    parts = list(data.get("parts", []))
    room = MAX_DESCRIPTION - len("\n".join(parts)) - (1 if parts else 0)
    if room <= 0:
        return Reply(
            f"已经记满 {MAX_DESCRIPTION} 字，这段没能记下。\n请回复“好了”继续；其余内容可在提交后回复“补充材料”发送。"
        )
    kept = text[:room]
    data["parts"] = [*parts, kept]
    report_drafts.save(draft, step=draft.step, data=data, now=ctx.now)
    if len(kept) < len(text):
        return Reply(
            f"内容最多 {MAX_DESCRIPTION} 字，这段只记下了前 {len(kept)} 字（到“{kept[-8:]}”为止），"
            f"后面 {len(text) - len(kept)} 字没记下。\n提交后可回复“补充材料”把其余内容发过来。说完请回复“好了”。"
        )
    total = len(p.description_of(data))
    return Reply(f"{lead}（共 {total} 字）\n还有要补充的请继续发；说完请回复“好了”。")


# --- step 2b: who is reported ----------------------------------------------------------------


def _after_description(ctx: Context, draft: ReportDraft, data: DraftData, lead: str = "") -> Reply:
    """Ask who is reported in the categories about cadres, and in any other whose words name a cadre:
    the answer keeps the case away from the accused town (the router also reads the words)."""
    category = by_code(str(data.get("category", "")))
    if category is not None and category.about_cadres:
        return _goto(ctx, draft, "cadre", data, lead)
    named = cadres.strongest(p.description_of(data))
    if named is None:
        return _goto(ctx, draft, "evidence", data, lead)
    return _goto(ctx, draft, "cadre", data, "\n".join(x for x in (lead, f"您说的内容提到了“{named.word}”。") if x))


def _more_story(ctx: Context, draft: ReportDraft) -> Reply | None:
    """A text at a later step that answers nothing there and is long enough to be more of the story (the
    story moved on without 好了): it is added, and the step is asked again."""
    if ctx.message.kind != "text" or ctx.intent.name not in ("none", "story", "report", "hardship", "money"):
        return None
    data = _data(draft)
    if len(_meaningful(ctx.text)) < p.MORE_STORY or data.get("category") == HARDSHIP:
        return None
    text = ctx.message.content.strip()
    before = len(p.description_of(data))
    reply = _append(ctx, draft, data, text, "")
    if len(p.description_of(data)) - before < len(text):
        return Reply(reply.text + "\n\n" + _prompt(ctx, draft))  # the story is full: told what was kept
    return Reply(p.story_added(len(p.description_of(data))) + "\n\n" + _prompt(ctx, draft))


# Which level a short answer at the "which cadre" step names in the villager's own words (村上的, 乡上的人,
# 县里的部门, 不清楚): a place word, or a title whose level the routing vocabulary knows (社长, 乡政府).
_LEVEL_PLACES = (("village", "村社组队"), ("town", "乡镇"), ("county", "县局"))
_LEVEL_UNKNOWN = re.compile(r"不清楚|不知道|说不清|不确定|不晓得|搞不清|弄不清|不好说|其他")


def _cadre_by_words(text: str) -> int | None:
    norm = normalise(text)
    if not norm or len(norm) > 12 or "不是" in norm:
        return None
    levels = [code for code, _label in CADRE_LEVELS]
    if _LEVEL_UNKNOWN.search(norm):
        return levels.index("unknown") + 1
    named = cadres.strongest(norm)
    if named is not None and named.level in levels and named.level != "unknown":
        return levels.index(named.level) + 1
    found = {code for code, marks in _LEVEL_PLACES if any(ch in norm for ch in marks)}
    return levels.index(found.pop()) + 1 if len(found) == 1 else None


def _cadre(ctx: Context, draft: ReportDraft) -> Reply:
    choice = _number(ctx, [label for _code, label in CADRE_LEVELS])
    if choice is None and ctx.message.kind == "text":
        choice = _cadre_by_words(ctx.text)
    if choice is None:
        return _more_story(ctx, draft) or _hint(ctx, draft)
    data = _data(draft)
    data["cadre_level"] = CADRE_LEVELS[choice - 1][0]
    return _goto(ctx, draft, "evidence", data)


# --- step 3: evidence ------------------------------------------------------------------------


def _evidence(ctx: Context, draft: ReportDraft) -> Reply:
    msg = ctx.message
    data = _data(draft)
    if msg.kind == "image" or msg.kind == "voice":
        refused = _add_media(ctx, draft, EvidenceKind(msg.kind))
        if refused is not None:
            return refused
        n = report_drafts.count_media(ctx.session, draft_id=draft.draft_id, kind=EvidenceKind(msg.kind))
        what = f"第 {n} 张照片" if msg.kind == "image" else f"第 {n} 条语音"
        return Reply(f"已收到{what}。可以继续发送，发完请回复“好了”。")
    if msg.kind == "location":
        _set_location(data, ctx, source=LocationSource.MESSAGE)
        report_drafts.save(draft, step=draft.step, data=data, now=ctx.now)
        return Reply("位置已收到。还可以发照片，发完请回复“好了”。")
    if msg.kind == "text" and ctx.text in p.ENTRY_LOCATION_WORDS:
        if ctx.user.last_lat is None or ctx.user.last_lng is None:
            return Reply("没有您打开公众号时的位置。请点“+”再点“位置”发送；没有请回复“跳过”。")
        _set_location(data, ctx, source=LocationSource.EVENT)
        report_drafts.save(draft, step=draft.step, data=data, now=ctx.now)
        return Reply("已用上您打开公众号时手机给的位置。还可以发照片，发完请回复“好了”。")
    if msg.kind in ("text", "voice") and (_done(ctx) or _skip(ctx)):
        return _goto(ctx, draft, "identity", data)
    return _more_story(ctx, draft) or _hint(ctx, draft)


def _add_media(ctx: Context, draft: ReportDraft, kind: EvidenceKind) -> Reply | None:
    """Keep a photo or voice note as its own row; a reply only when it is refused."""
    msg = ctx.message
    if not msg.media_id:
        return Reply("这条没有收到文件（缺少 MediaId），请重新发送。")
    report_drafts.lock(ctx.session, draft_id=draft.draft_id)
    limit = MAX_PHOTOS if kind == EvidenceKind.IMAGE else MAX_VOICES
    if report_drafts.count_media(ctx.session, draft_id=draft.draft_id, kind=kind) >= limit:
        what = f"照片最多 {MAX_PHOTOS} 张" if kind == EvidenceKind.IMAGE else f"语音最多 {MAX_VOICES} 条"
        return Reply(f"{what}，这一条没有保存。发完请回复“好了”。")
    report_drafts.add_media(
        ctx.session,
        draft_id=draft.draft_id,
        msg_key=msg.dedup_key,
        kind=kind,
        media_id=msg.media_id,
        media_format=msg.voice_format or None,
        now=ctx.now,
    )
    return None


def _set_location(data: DraftData, ctx: Context, *, source: LocationSource) -> None:
    msg, user = ctx.message, ctx.user
    if source == LocationSource.MESSAGE and msg.lat is not None and msg.lng is not None:
        data["location"] = {"lat": msg.lat, "lng": msg.lng, "source": LocationSource.MESSAGE, "label": msg.label[:200]}
    elif user.last_lat is not None and user.last_lng is not None:
        data["location"] = {
            "lat": user.last_lat,
            "lng": user.last_lng,
            "source": LocationSource.EVENT,
            "label": "",
            "accuracy_m": user.last_precision_m,
        }


# --- step 4: identity ------------------------------------------------------------------------


def _identity(ctx: Context, draft: ReportDraft) -> Reply:
    choice = 2 if means(ctx.text, "anonymous") else 1 if means(ctx.text, "real_name") else None
    choice = choice or _number(ctx, ["实名", "匿名"])
    if choice is None:
        return _more_story(ctx, draft) or _hint(ctx, draft)
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
    said = normalise(ctx.text)
    if (
        not any(ch.isdigit() for ch in ctx.text)
        and means(ctx.text, "anonymous")
        and ("电话" not in said or "名" in said)
    ):
        # A change of mind (名字还是不留了 匿名吧): anonymous after all, nothing kept; 电话不想留 only leaves
        # the phone out.
        data["anonymous"] = True
        data.pop("name", None)
        data.pop("phone", None)
        return _goto(ctx, draft, "confirm", data)
    if _skip(ctx) and not CHANNEL_RULES[Channel.CHAT].contact_required:  # the chat lets both be left out
        data["name"], data["phone"], data["contact_skipped"] = None, None, True
        return _goto(ctx, draft, "confirm", data)
    digits = "".join(ch for ch in ctx.text if ch.isdigit())
    name = "".join(ch for ch in ctx.text if not ch.isdigit()).strip(" ，,：:；;\n\t")
    if digits and (problem := phone_problem(digits)):
        return Reply(f"{problem}您发的是 {len(digits)} 位。请重新发送，或回复“跳过”。")
    if name_problem(name):
        return Reply(f"姓名最多 {MAX_NAME} 个字，请重新发送。")
    data["name"], data["phone"] = name or None, digits or None
    return _goto(ctx, draft, "confirm", data)


# --- step 5: confirm -------------------------------------------------------------------------


def _confirm(ctx: Context, draft: ReportDraft) -> Reply:
    text = ctx.text if ctx.message.kind in ("text", "voice") else ""
    choice = _number(ctx, ["提交", "修改"])
    if choice is None and ctx.intent.name == "choice" and ctx.intent.choice == 0:
        report_drafts.discard(ctx.session, draft=draft)
        ctx.reset()
        return Reply(p.CANCELLED + "\n\n" + menu_text())
    if choice == 2 or means(text, "edit"):
        return _goto(ctx, draft, "edit", _data(draft))
    said_identity = text and (means(text, "real_name") or means(text, "anonymous"))
    if choice is None and said_identity and _data(draft).get("category") != HARDSHIP:
        data = _data(draft)  # 实名 at the summary changes the identity, as 修改 → 身份 would
        data["editing"] = True
        report_drafts.save(draft, step="identity", data=data, now=ctx.now)
        return _identity(ctx, draft)
    if choice != 1 and not means(text, "confirm"):
        return _hint(ctx, draft)
    data = _data(draft)
    if data.get("category") == HARDSHIP:
        return _submit_hardship(ctx, draft)
    return _submit(ctx, draft)


def _edit(ctx: Context, draft: ReportDraft) -> Reply:
    """Change one thing; the rest stays, and steps already answered are not asked again."""
    data = _data(draft)
    fields = p.hardship_fields() if data.get("category") == HARDSHIP else p.EDIT_FIELDS
    choice = _number(ctx, [label for label, _step in fields])
    if choice is None and fields is p.EDIT_FIELDS:
        choice = _edit_by_words(ctx.intent.norm)
        anonymous = bool(data.get("anonymous", True))
        said_new = (means(ctx.text, "real_name") and anonymous) or (means(ctx.text, "anonymous") and not anonymous)
        if choice == 4 and said_new:
            data["editing"] = True  # 改成实名 says the new value too: answered as the identity step
            report_drafts.save(draft, step="identity", data=data, now=ctx.now)
            return _identity(ctx, draft)
    if choice is None:
        return _hint(ctx, draft)
    step = fields[choice - 1][1]
    data["editing"] = True
    if step in ("description", "h_story"):
        said = p.description_of(data)
        lead = f"原来记下的：\n{said[:300]}{'……' if len(said) > 300 else ''}\n\n" + p.EDIT_DESCRIPTION
        return _goto(ctx, draft, step, data, lead, force=True, plain=True)
    return _goto(ctx, draft, step, data, force=True)


def _edit_by_words(norm: str) -> int | None:
    """The field a message names by its words or one of its values (改成实名 -> 身份); None if not one only."""
    named = [i for i, (_label, step) in enumerate(p.EDIT_FIELDS, 1) if any(w in norm for w in p.EDIT_WORDS[step])]
    return named[0] if len(named) == 1 else None


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
            source=LocationSource(str(loc["source"])),
            label=loc.get("label") or None,
            accuracy_m=loc.get("accuracy_m"),
        )
        if isinstance(loc, dict)
        else None,
        evidence=report_drafts.evidence(ctx.session, draft_id=draft.draft_id),
        channel=Channel.CHAT,
    )
    return _file(ctx, draft, report)


def _file(ctx: Context, draft: ReportDraft, report: ReportInput, *, hardship: bool = False) -> Reply:
    try:
        done = submit(ctx.session, report=report, key=f"chat:{draft.draft_id}", policy=policy(ctx), now=ctx.now)
    except InvalidReport as exc:
        return Reply("还不能提交：\n" + "\n".join(exc.problems) + "\n\n回复 2 修改。")
    except RateLimited as exc:
        return Reply(
            f"您今天已提交 {policy(ctx).reports_per_day} 次反映，请在 {chinese_time(exc.retry_at)} 后再提交。\n"
            "草稿会为您保留 24 小时。急事请拨打 12388。"
        )
    report_drafts.discard(ctx.session, draft=draft)
    ctx.reset()
    return Reply(p.hardship_submitted_text(done) if hardship else p.submitted_text(done))


# --- a story told outright: offer a report with it ------------------------------------------


@router.intent("story", "hardship")
def offer(ctx: Context) -> Reply:
    """The message already tells misconduct or a household's hardship: offer to start with it."""
    code = ctx.intent.detail or "other"
    # 想申请防返贫监测 asks to apply and tells nothing of the household yet: its story is asked for.
    told = code != HARDSHIP or ctx.intent.told
    ctx.go(OFFER, text=ctx.text[:MAX_DESCRIPTION] if told else "", category=code)
    if code == HARDSHIP:
        return Reply(p.HARDSHIP_OFFER)
    category = by_code(code)
    return Reply(p.story_offer(category.label if category else "其他意见建议"))


@router.state(OFFER)
def on_offer(ctx: Context) -> Reply:
    intent = ctx.intent
    text, code = str(ctx.data.get("text", "")), str(ctx.data.get("category", "other"))
    if ctx.message.kind in ("text", "voice") and safety.split(ctx.text)[0]:
        category = by_code(code)  # 会不会被知道 before saying yes: answered, and the offer stands
        label = category.label if category else "其他意见建议"
        offered = p.HARDSHIP_OFFER if code == HARDSHIP else p.story_offer(label)
        return Reply((safety.HARDSHIP_ANSWER if code == HARDSHIP else safety.ANSWER) + "\n\n" + offered)
    number = intent.choice if intent.name == "choice" else None
    if number is None and intent.name == "none" and _ONLY_ASKING.search(intent.norm):
        number = 2  # 不是 我就问问: the story was a question
    yes = number == 1 or intent.name == "report" or intent.norm in p.YES_WORDS or means(ctx.text, "agree")
    if yes:
        return start_with(ctx, text, code)
    if number == 3 and code != HARDSHIP:
        return start_with(ctx, text, None)
    if number == 2:
        from bot.intents.ask import answer  # the question path, only when the villager says so

        return answer(ctx, text, offer=False)
    if number == 0 or intent.norm in p.NO_WORDS or means(ctx.text, "refuse"):
        ctx.reset()
        return Reply("好的，什么也没有提交。\n\n" + menu_text())
    named = _category_named(ctx) if code != HARDSHIP else None
    if named is not None:
        return start_with(ctx, text, named)  # 资金, 土地的事: the report starts in the category it names
    ctx.reset()
    return PASS


def _category_named(ctx: Context) -> str | None:
    """A short answer to the offer that names a category, by its label or its words (资金, 优亲厚友)."""
    norm = ctx.intent.norm
    if ctx.message.kind not in ("text", "voice") or not 2 <= len(norm) <= 8 or norm[0] in "不没别":
        return None
    if ctx.intent.name not in ("none", "money", "menu_item", "story"):
        return None
    cats = [c for c in categories() if c.code != HARDSHIP]
    chosen = pick(ctx.text, [c.label for c in cats])
    return cats[chosen - 1].code if chosen is not None else _guessed(guess_category(norm))


# Saying the story was only a question: 我就问问, 是问政策, 想咨询一下.
_ONLY_ASKING = re.compile(r"(就|只|是|想)(是)?(问问|问一下|问政策|咨询)|问政策|只是问")


def start_with(ctx: Context, text: str, code: str | None) -> Reply:
    """A new draft whose description starts with what the villager already said."""
    if ctx.place is None:
        ctx.go(ConversationState.BIND)
        return Reply("反映问题前，请先告诉我们您所在的村。\n请回复村名（如“土观村”）。")
    old = report_drafts.load(ctx.session, openid=ctx.user.openid, now=ctx.now)
    if old is not None:
        report_drafts.discard(ctx.session, draft=old)
    draft = report_drafts.start(ctx.session, openid=ctx.user.openid, now=ctx.now)
    ctx.go(STATE)
    data: DraftData = {"parts": [text] if text.strip() else []}
    if code is None:
        return _goto(ctx, draft, "category", data, "已记下您说的话。请选一下类别：", plain=False)
    data["category"] = code
    category = by_code(code)
    if code == HARDSHIP:
        lead = "已记下您说的情况。\n" if data["parts"] else ""
        return _hardship_go(ctx, draft, data, lead + p.HARDSHIP_INTRO)
    label = category.label if category else code
    lead = f"已把您的话记为反映内容，类别：{label}（不对请回复“返回”重选）。"
    data["history"] = ["category"]
    report_drafts.save(draft, step="description", data=data, now=ctx.now)
    if len(_meaningful(text)) >= p.LONG_STORY:  # a long story has clearly been told: go on
        told = f"类别：{label}（不对最后核对时可以改）。\n" + p.story_taken(len(text))
        return Reply(_after_description(ctx, draft, data, told).text + "\n" + p.FOOTER)
    return Reply(lead + "\n" + p.DESCRIPTION_MORE)


def _switch(ctx: Context, draft: ReportDraft) -> Reply | None:
    """Hardship told as misconduct, or the other way round: change paths and keep what was said."""
    if ctx.message.kind not in ("text", "voice"):
        return None
    said = [ctx.intent.norm, *(normalise(c) for c in clauses(ctx.text))]
    # 这个是要告村上的 改为反映问题: the switch may be one clause of the message (never inside a story's clause).
    target = next((t for c in said if (t := p.switch_to(c)) is not None), None)
    data = _data(draft)
    if target == "hardship" and data.get("category") != HARDSHIP:
        data["category"] = HARDSHIP
        data.pop("cadre_level", None)
        return _hardship_go(ctx, draft, data, "已改为困难帮扶登记，您说过的话都保留了。")
    if target == "report" and data.get("category") == HARDSHIP:
        data.pop("category", None)
        return _goto(ctx, draft, "category", data, "已改为反映问题，您说过的话都保留了。")
    return None


# --- hardship: an application for help, its own script ---------------------------------------


def _next_hardship(data: DraftData) -> str:
    for step in p.HARDSHIP_ORDER:
        if not _answered(step, data):
            return step
    return "confirm"


def _hardship_go(ctx: Context, draft: ReportDraft, data: DraftData, lead: str = "") -> Reply:
    """The first step not yet answered; what the story already tells is taken, not asked again."""
    told = taken_text(fill_from_story(data))
    return _goto(ctx, draft, _next_hardship(data), data, "\n".join(x for x in (lead, told) if x))


def _hardship_next(ctx: Context, draft: ReportDraft, data: DraftData, lead: str = "") -> Reply:
    if data.get("editing"):
        return _goto(ctx, draft, "confirm", data, lead)
    return _hardship_go(ctx, draft, data, lead)


# Whose household, said in words: 我替她登记, 是邻居家 (another's); 就是我家 (one's own).
_OTHERS = re.compile(r"替|别人|邻居|隔壁|亲戚家|他家|她家|人家的|帮(他|她)|代(他|她|人)")
_OWN = re.compile(r"自己|我家|我们家|本人|自家|俺家|俺们家|咱家|咱们家")


def _h_whose(ctx: Context, draft: ReportDraft) -> Reply:
    choice = _number(ctx, ["自己家", "别人家"])
    if choice is None and ctx.message.kind in ("text", "voice"):
        norm = ctx.intent.norm
        choice = 2 if _OTHERS.search(norm) else 1 if _OWN.search(norm) else None
    data = _data(draft)
    if _whole_story(ctx):
        # The whole story told here: kept as the household's story; whose it is read from it when said.
        data["parts"] = [*list(data.get("parts", [])), ctx.text[:MAX_DESCRIPTION]]
        if choice is not None:
            data["household"] = "own" if choice == 1 else "other"
        return _hardship_next(ctx, draft, data, "已记下您说的情况。")
    if choice is None:
        return _hint(ctx, draft)
    data["household"] = "own" if choice == 1 else "other"
    return _hardship_next(ctx, draft, data)


def _whole_story(ctx: Context) -> bool:
    """More than an answer to 谁家: a story (我娘去年得了脑梗 住院花了三万多), not 1, 我家, 不知道."""
    if ctx.message.kind not in ("text", "voice") or ctx.intent.name in ("choice", "smalltalk"):
        return False
    return len(_meaningful(ctx.text)) >= H_STORY_TOLD and not is_bare_number(ctx.text)


def _h_story(ctx: Context, draft: ReportDraft) -> Reply:
    data = _data(draft)
    if ctx.message.kind == "text" and _done(ctx):
        if len(_meaningful(p.description_of(data))) < p.MIN_DESCRIPTION:
            return Reply(p.HARDSHIP_TOO_SHORT)
        return _hardship_next(ctx, draft, data)
    if ctx.message.kind == "voice" and ctx.message.recognition:
        return _append(ctx, draft, data, ctx.message.recognition, "已记下。")
    if ctx.message.kind != "text" or not ctx.text:
        return _hint(ctx, draft)
    if ctx.text in p.REWRITE_WORDS:
        data["parts"] = []
        report_drafts.save(draft, step=draft.step, data=data, now=ctx.now)
        return Reply("之前记下的内容已清空。\n" + p.H_STORY)
    named = _trouble_named(ctx, draft, data)
    if named is not None:
        return named
    scrap = ctx.intent.name in ("smalltalk", "choice") or len(_meaningful(ctx.text)) < 3
    if _skip(ctx) or scrap:
        if len(_meaningful(p.description_of(data))) < p.MIN_DESCRIPTION:
            return Reply(p.HARDSHIP_TOO_SHORT)
        if _skip(ctx):
            return _hardship_next(ctx, draft, data)
        return Reply(p.story_saved(len(p.description_of(data)), hardship=True))
    text = ctx.message.content.strip()
    reply = _append(ctx, draft, data, text, "已记下。")
    switch = p.SWITCH_TO_REPORT if ctx.intent.name in ("story", "report") else ""
    if len(_meaningful(text)) >= H_STORY_TOLD and len(p.description_of(data)) < MAX_DESCRIPTION:
        # The script asks the rest (what kind, when, how many, what help): go on without waiting for 好了.
        return _hardship_next(ctx, draft, data, "\n".join(x for x in ("已记下家里的情况。", switch) if x))
    return Reply(reply.text + "\n" + switch) if switch else reply


# A household's story this long (characters, normalised) is enough to go on with the script's questions.
H_STORY_TOLD = 12


def _trouble_named(ctx: Context, draft: ReportDraft, data: DraftData) -> Reply | None:
    """出了什么事 answered with the kind of trouble alone (大病, 遭灾了): that answers 遇到的是哪类事, so the
    script goes on; the household's story is what its answers say, and a visit hears the rest."""
    norm = _meaningful(ctx.text)
    if ctx.intent.name in ("choice", "smalltalk") or len(norm) > 6 or any(ch.isdigit() for ch in norm):
        return None
    picked = p.troubles_of(ctx.text)
    if not picked:
        return None
    data["parts"] = [*list(data.get("parts", [])), ctx.message.content.strip()]
    data["troubles"] = picked
    return _hardship_next(ctx, draft, data, f"已记下：{'、'.join(picked)}。")


def _h_what(ctx: Context, draft: ReportDraft) -> Reply:
    picked = p.troubles_of(ctx.text) if ctx.message.kind in ("text", "voice") else []
    data = _data(draft)
    said = ctx.intent.name in ("none", "hardship") and len(_meaningful(ctx.text)) >= 2 and not is_bare_number(ctx.text)
    if not picked and said and not (_skip(ctx) or _done(ctx)):
        # The trouble in words no kind names (羊死了, 老了): 其他, and the words join the household's story.
        picked = [p.TROUBLES[-1][0]]
        data["parts"] = [*list(data.get("parts", [])), ctx.message.content.strip()]
    if not picked:
        return _hint(ctx, draft)
    data["troubles"] = picked
    return _hardship_next(ctx, draft, data)


def _h_free(key: Literal["when", "help"], minimum: int) -> Callable[[Context, ReportDraft], Reply]:
    def step(ctx: Context, draft: ReportDraft) -> Reply:
        if ctx.message.kind not in ("text", "voice"):
            return _hint(ctx, draft)
        if key == "help" and (is_bare_number(ctx.text) or ctx.intent.name == "choice"):
            return Reply(f"“{ctx.text[:10]}”看不出想要什么帮助。" + p.HINTS["h_help"])
        if len(_meaningful(ctx.text)) < minimum:
            return _hint(ctx, draft)
        if _skip(ctx) and key == "when":
            value = "不清楚"
        elif _skip(ctx) or _done(ctx):
            return _hint(ctx, draft)
        elif key == "when":
            when = when_answer(ctx.text)
            if when is None:
                return Reply(f"“{ctx.text[:10]}”看不出是什么时候。" + p.HINTS["h_when"])
            value = when
        else:
            value = ctx.text[:200]
        data = _data(draft)
        data[key] = value
        return _hardship_next(ctx, draft, data)

    return step


def _h_people(ctx: Context, draft: ReportDraft) -> Reply:
    number = p.people_of(ctx.text) if ctx.message.kind in ("text", "voice") else None
    if number is None:
        return _hint(ctx, draft)
    data = _data(draft)
    data["people"] = number
    return _hardship_next(ctx, draft, data)


def _h_phone(ctx: Context, draft: ReportDraft) -> Reply:
    if ctx.message.kind != "text" or not ctx.text:
        return _hint(ctx, draft)
    if _skip(ctx) or ctx.intent.name == "smalltalk":
        return Reply(p.PHONE_REQUIRED)
    text = unicodedata.normalize("NFKC", ctx.text)
    digits = "".join(ch for ch in text if ch.isdigit())
    name = "".join(ch for ch in text if not ch.isdigit()).strip(" ，,：:；;-\n\t")
    if not digits:
        return Reply(p.PHONE_REQUIRED)
    problem = phone_problem(digits)
    if problem:
        return Reply(f"{problem}您发的是 {len(digits)} 位。请重新发送。")
    data = _data(draft)
    data["name"], data["phone"] = name[:MAX_NAME] or None, digits
    return _goto(ctx, draft, "confirm", data)


def _submit_hardship(ctx: Context, draft: ReportDraft) -> Reply:
    data = _data(draft)
    report = ReportInput(
        category=HARDSHIP,
        description=p.hardship_description(data)[:MAX_DESCRIPTION],
        village_code=ctx.place.code if ctx.place else "",
        reporter_openid=ctx.user.openid,
        anonymous=False,
        name=data.get("name"),
        phone=data.get("phone"),
        cadre_level=None,
        location=None,
        evidence=report_drafts.evidence(ctx.session, draft_id=draft.draft_id),
        channel=Channel.CHAT,
    )
    return _file(ctx, draft, report, hardship=True)


_STEPS = {
    "category": _category,
    "description": _description,
    "cadre": _cadre,
    "evidence": _evidence,
    "identity": _identity,
    "contact": _contact,
    "confirm": _confirm,
    "edit": _edit,
    "h_whose": _h_whose,
    "h_story": _h_story,
    "h_what": _h_what,
    "h_when": _h_free("when", 1),
    "h_people": _h_people,
    "h_help": _h_free("help", 2),
    "h_phone": _h_phone,
}
