"""Menu item 2 (项目公开): the bound village's projects and totals, one message per page.

The list is a state of its own: digits pick a project (never the main menu), 更多 and 上一页 page both
ways, 反映 on a project starts a report naming it, and 返回 or 菜单 leave."""

from __future__ import annotations

import re

from bot.context import Context, Reply
from bot.dispatcher import PASS, Router
from bot.intents.binding import ASK_VILLAGE
from bot.intents.report.start import start_with
from bot.intents.safety import complaint_offer
from bot.intents.told import offer_told
from bot.project_complaint import is_complaint
from bot.reading.wrongs import misconduct
from bot.shapes import flat_statement, told_vs_paid
from storage.repos.projects import ProjectRow, list_projects
from storage.repos.users import ConversationState
from villages.projects.text import detail, page, related

router = Router()

STATE = ConversationState.PROJECTS
NEED_VILLAGE = "查看本村项目前，需要先确定您所在的村。\n" + ASK_VILLAGE
MONEY_LEAD = "村里的钱用在哪，看本村公开的项目和资金；对哪笔有疑问，回复「反映」："
# On a project's details, any of these (or a report or a story) starts a report naming the project.
DOUBT_WORDS = (
    *("反映", "举报", "投诉", "疑问", "有问题", "不对", "不合理", "质疑", "怀疑", "不清楚", "说不清", "意见"),
    *("不满", "猫腻", "糊涂账", "对不上"),
    *("不明不白", "太差", "干得差", "做得差", "乱花", "浪费", "糊弄", "偷工减料"),  # 活干得太差了 钱花得不明不白
)
# A question about what a project's details show (谁承包的, 啥时候完工): the details answer it.
FIELD_WORDS = (
    *("承包", "施工", "谁干", "谁修", "谁建", "谁做", "哪个单位", "谁负责", "多少钱", "花了多少", "资金", "来源"),
    *("验收", "完工", "开工", "什么时候", "受益", "几个人", "多少人"),
)
POINTING = ("项目", "工程", "这个", "那个", "这笔", "这钱", "这些钱")  # 这个项目我有意见: about a project, not policy
# Asked, not told: 村里的项目质量咋样 wants the list.
_ASKED = re.compile(r"(吗|么|嘛|呢)$|怎么样|好不好|行不行|如何")
WHICH = "对哪个项目有疑问？请回复项目序号，看详情后回复「反映」；说不清是哪个，回复「反映」直接说。「菜单」返回。"


# A told thing about the village's money is this long at least (村上的分红钱用在给干部发奖金上了); shorter ones
# (村里修路的钱, 集体收入情况) name what to show.
TOLD_LEAST = 14
# Asking to be shown (想看一下, 查查, 了解一下, 公开一下): the list answers it, however it is put.
_WANTS_SHOWN = re.compile(r"看|查|了解|知道|公开一下|晒")


# What makes a statement about the money tell a wrong: a lack or a contrast (到现在路还是土路, 从来没见过), secrecy,
# or the money going to those in charge (给干部发奖金). Without one it only says where the money went
# (今年的项目资金都用在修路上了), and the list with its offer to report answers it.
_WRONG_CUE = re.compile(
    r"没|不(?!少|错)|未|却|可是|但是|结果|还是|只|才|光|保密|私|奖金|吃喝|请客|送礼|旅游|乱花|浪费|猫腻|糊涂"
    r"|(干部|书记|主任|会计|村长|支书|组长|队长|自己|亲戚|他家|他们家).{0,4}(发|分|吃|喝|拿|买|装|盖|请|报)"
)


def _told_about_money(norm: str) -> bool:
    """A statement about the village's money that tells a wrong, long and asking nothing, nor to be shown
    anything: told, so it is offered as a report keeping the words, never answered with the project list."""
    if not flat_statement(norm, least=TOLD_LEAST) or _ASKED.search(norm) or _WANTS_SHOWN.search(norm):
        return False
    return _WRONG_CUE.search(norm) is not None or misconduct(norm) or told_vs_paid(norm)


@router.menu_item("2")
def show_projects(ctx: Context) -> Reply:
    return _page(ctx, 0, [])


@router.intent("money")
def money_question(ctx: Context) -> Reply:
    """修路的钱去哪了, 村里的项目, 集体收入: the village's published projects, with the offer to report. A
    complaint about what a project built that also asks where the money went (水渠修了一半就不修了 钱也不知道去哪了)
    is offered as a report naming the project, as any project complaint is."""
    if is_complaint(ctx.intent.norm) and not _ASKED.search(ctx.intent.norm):
        return complaint_offer(ctx)
    if _told_about_money(ctx.intent.norm):
        return offer_told(ctx, ctx.text)  # 咱村的修路资金去年就到位了 到现在路还是土路: told, not asked
    lead, near = MONEY_LEAD, []
    if ctx.place is not None:
        projects = _projects(ctx)
        near = related(ctx.intent.norm, projects)[:3]
        if near:
            named = "；".join(f"{n}. {projects[n - 1].year}年 {projects[n - 1].name}" for n in near)
            lead = f"和您问的有关：{named}。回复序号看资金明细。\n" + MONEY_LEAD
    reply = _page(ctx, 0, [], lead=lead)
    if ctx.state == STATE and len(near) == 1:
        ctx.data = {**ctx.data, "asked": near[0]}  # 这钱有猫腻 next is about the one project just named
    return reply


@router.repeat(STATE)
def list_again(ctx: Context) -> Reply:
    """再说一遍 in the list: the page or the project's details just shown, again."""
    shown = ctx.data.get("detail")
    if shown is not None:
        return _detail(ctx, int(shown))
    starts = [int(x) for x in ctx.data.get("starts", [])]
    return _page(ctx, int(ctx.data.get("offset", 0)), starts)


@router.state(STATE, navigates=True)
def in_list(ctx: Context) -> Reply:
    intent = ctx.intent
    starts = [int(x) for x in ctx.data.get("starts", [])]
    offset = int(ctx.data.get("offset", 0))
    shown = ctx.data.get("detail")
    about = shown if shown is not None else ctx.data.get("asked")  # the project a 这个/这钱 points at
    if intent.name == "more":
        following = ctx.data.get("next")
        if isinstance(following, int):
            return _page(ctx, following, [*starts, offset])
        return Reply("已经是最后一页了。回复项目序号看详情，「上一页」往前翻，「菜单」返回。")
    if intent.name == "back":
        if shown is not None:
            return _page(ctx, offset, starts)
        if starts:
            return _page(ctx, starts[-1], starts[:-1])
        ctx.reset()
        return PASS  # 返回 on the first page: the main menu
    if intent.name == "choice" and intent.choice is not None:
        return _detail(ctx, intent.choice)
    doubt = intent.name in ("report", "story") or any(w in intent.norm for w in DOUBT_WORDS)
    doubt = doubt or is_complaint(intent.norm)  # 这路才修半年就裂了: a doubt told, not a question
    if about is not None and doubt:
        return _report_on(ctx, int(about))
    if intent.name in ("none", "money", "report", "story"):
        near = related(intent.norm, _projects(ctx))
        if len(near) == 1:  # 水渠谁承包的, 修渠那个项目有问题: the one project of that thing
            return _report_on(ctx, near[0]) if doubt else _detail(ctx, near[0])
        if about is not None and any(w in intent.norm for w in FIELD_WORDS):
            return _detail(ctx, int(about))
        if doubt and intent.name not in ("report", "story") and any(w in intent.norm for w in POINTING):
            return Reply(WHICH)
        if doubt and near:  # 路修了就烂了 with several road projects: which one
            projects = _projects(ctx)
            named = "；".join(f"{n}. {projects[n - 1].year}年 {projects[n - 1].name}" for n in near[:5])
            return Reply(f"和您说的有关：{named}。\n" + WHICH)
    ctx.reset()
    return PASS


def _report_on(ctx: Context, number: int) -> Reply:
    """A report whose first words name the project; what the villager said beyond 反映 is kept after them."""
    projects = _projects(ctx)
    if not 1 <= number <= len(projects):
        return _page(ctx, 0, [])
    project = projects[number - 1]
    said = ctx.text if len(_said_beyond(ctx.intent.norm)) >= 4 else ""
    category = ctx.intent.detail if ctx.intent.name == "story" and ctx.intent.detail != "other" else "project"
    return start_with(ctx, f"对{project.year}年的项目“{project.name}”有疑问：{said}", category)


def _said_beyond(norm: str) -> str:
    """What a message says besides asking to report (对这个项目有疑问 says nothing more)."""
    for w in (*DOUBT_WORDS, "我要", "我想", "这个项目", "项目", "对", "有", "的", "了", "一下", "我"):
        norm = norm.replace(w, "")
    return norm


def _projects(ctx: Context) -> list[ProjectRow]:
    assert ctx.place is not None
    return list(list_projects(ctx.session, village_code=ctx.place.code))


def _page(ctx: Context, offset: int, starts: list[int], lead: str = "") -> Reply:
    if ctx.place is None:
        ctx.go(ConversationState.BIND)
        return Reply(NEED_VILLAGE)
    projects = _projects(ctx)
    shown = page(ctx.place.name, projects, offset, lead=lead)
    if not projects:
        ctx.reset()
    else:
        ctx.go(STATE, offset=offset, next=shown.next_offset, starts=starts)
    return Reply(shown.text)


def _detail(ctx: Context, number: int) -> Reply:
    projects = _projects(ctx)
    if not 1 <= number <= len(projects):
        return Reply(
            f"没有第 {number} 个项目，本村公开了 {len(projects)} 个。请回复 1 到 {len(projects)}，或回复「菜单」返回。"
        )
    ctx.data = {**ctx.data, "detail": number}
    return Reply(detail(number, projects[number - 1]))
