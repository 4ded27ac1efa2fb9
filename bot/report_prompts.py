"""What the guided report says at each step: prompts, hints for unexpected messages, the summary."""

from __future__ import annotations

import re
import unicodedata

from bot.reading.choices import chinese_number, choice_of
from bot.reading.normal_form import normalise
from bot.reading.self_told import Told, fingerprint, found
from cases.categories import CADRE_LEVELS, by_code, cadre_level_label, categories
from cases.deadlines import DayKind, limits
from cases.intake.report_drafts import DraftData
from cases.intake.submit import Submitted
from cases.timeutil import chinese_date
from cases.validation import MAX_PHOTOS

DONE_WORDS = frozenset(
    {
        "好了",
        "好",
        "完了",
        "说完了",
        "发完了",
        "完成",
        "下一步",
        "没有了",
        "就这些",
        "就这样",
        "没了",
        "ok",
        "OK",
    }
)
SKIP_WORDS = frozenset(
    {"跳过", "没有", "无", "不用", "不用了", "没有了", "略过", "不知道", "不清楚", "没有照片", "没证据", "没有证据"}
)
REWRITE_WORDS = frozenset({"重写", "重新写", "重新说", "全部重写", "清空"})
YES_WORDS = frozenset(
    {"是", "是的", "对", "对的", "要", "好", "好的", "开始", "可以", "行", "嗯", "确定", "反映", "登记"}
)
NO_WORDS = frozenset({"不是", "不", "不要", "不用", "没有", "否", "不对"})
TO_HARDSHIP_WORDS = frozenset({"改为困难帮扶", "困难帮扶", "改成困难帮扶", "改为困难登记", "登记困难", "申请帮扶"})
TO_REPORT_WORDS = frozenset({"改为反映问题", "改成反映问题", "反映干部问题", "改为举报", "改成举报", "改为反映"})
# Changing paths in any wording: 改成申请帮扶, 换成困难登记, 转为举报 (a whole message, never inside a story).
_TO_HARDSHIP = re.compile(
    r"(我要|我想|想|要|请|帮我)?(改|换|转|变)(成|为|到|去)?(申请)?(困难)?(帮扶|救助|登记|困难)(申请|登记)?(吧|了)?"
)
# Or only the path named, as the offer's words are read back (帮扶, 要帮扶, 是申请帮扶, 就困难救助吧): a whole
# message only, since a story split at its spaces (把 帮扶 给了亲戚) has such clauses too.
_HARDSHIP_NAMED = re.compile(
    r"(我要|我想|想|要|是|就|对|那就|还是)?(申请)?(困难)?(帮扶|救助)(申请|登记)?(吧|呀|嘛|哈|的)?"
)
_TO_REPORT = re.compile(r"(我要|我想|想|要|请)?(改|换|转|变)(成|为|到|去)?(反映|举报|投诉)(干部)?(问题)?(吧|了)?")


def switch_to(norm: str, *, whole: bool = False) -> str | None:
    """The path a message (normalised) asks the draft to change to: "hardship", "report", or None. `whole`: the
    text is the whole message, so the path named alone (帮扶) is enough."""
    if whole and _HARDSHIP_NAMED.fullmatch(norm):
        return "hardship"
    if norm in TO_HARDSHIP_WORDS or _TO_HARDSHIP.fullmatch(norm):
        return "hardship"
    if norm in TO_REPORT_WORDS or _TO_REPORT.fullmatch(norm):
        return "report"
    return None


# Fewer characters than this (after normalising) cannot be acted on.
MIN_DESCRIPTION = 4
EXAMPLE = "请说得具体些，例如：“村主任王某把我家的低保名额给了他侄子，是今年3月的事。”"
TOO_SHORT = "说得太简单了，工作人员没法核实。\n" + EXAMPLE + "\n说完请回复“好了”。"
DESCRIPTION_MORE = "还有要补充的（谁、什么时候、涉及多少钱）请继续发；说完请回复“好了”。\n" + (
    "（回复“返回”回到上一步，“取消”退出）"
)
EDIT_DESCRIPTION = "接着发的内容会加在后面；回复“重写”清空重说；不改了请回复“好了”。"
SWITCH_TO_HARDSHIP = "如果是家里遇到困难想申请帮扶，回复“改为困难帮扶”，您说过的话都保留。"
SWITCH_TO_REPORT = "如果是要反映干部或村上的问题，回复“改为反映问题”，您说过的话都保留。"
# A story this long (characters, normalised) has clearly been told: the script goes on without waiting for
# 好了, and what the villager sends later is still added to it.
LONG_STORY = 60
# A text this long that answers no step, sent after the story, is more of the story.
MORE_STORY = 12


def story_taken(length: int) -> str:
    """Said when a long story moves the report on: it is kept, and more can still be sent."""
    return f"已记下您说的（共 {length} 字）。接着问下一步；想起别的，直接发过来，会加在后面。"


def story_added(length: int) -> str:
    return f"已加到反映内容里（共 {length} 字）。"


CANCEL = "取消"
BACK = "返回"
USE_ENTRY_LOCATION = "用我的位置"
# 用进入时的位置 was the older wording: still understood.
ENTRY_LOCATION_WORDS = frozenset({USE_ENTRY_LOCATION, "用进入时的位置", "用我的定位", "用我现在的位置", "用手机位置"})
FOOTER = "（回复“返回”回到上一步，“取消”退出）"
EDIT_FIELDS: tuple[tuple[str, str], ...] = (
    ("问题类别", "category"),
    ("事情经过", "description"),
    ("证据", "evidence"),
    ("身份", "identity"),
)


# Words that name a field to change, or one of its values (改成实名 is the identity), in the 修改 menu.
EDIT_WORDS: dict[str, tuple[str, ...]] = {
    "category": ("类别", "类型", "分类", "哪一类", "哪类"),
    "description": ("经过", "内容", "描述", "说的", "事情", "情况", "补充", "加几句", "再说"),
    "evidence": ("证据", "照片", "相片", "图片", "位置", "定位"),
    "identity": ("身份", "实名", "匿名", "名字", "姓名", "电话", "手机"),
}


def category_prompt() -> str:
    lines = [f"{i} {c.label}" for i, c in enumerate(categories(), 1)]
    return "请选择您要反映的问题类别：是哪一类，就回复数字几。\n" + "\n".join(lines) + "\n" + FOOTER


DESCRIPTION = (
    "请说说发生了什么：谁、做了什么、什么时候、涉及多少钱。\n可以打字或发语音，可以分几条发。说完请回复“好了”。"
)
CADRE = "您反映的是哪一级的干部？回复数字：\n" + "\n".join(
    f"{i} {label}" for i, (_code, label) in enumerate(CADRE_LEVELS, 1)
)
EVIDENCE = (
    f"如有证据，请发送照片（最多 {MAX_PHOTOS} 张）或位置（点“+”再点“位置”）。\n发完请回复“好了”，没有请回复“跳过”。"
)
ENTRY_LOCATION_LINE = f"要用您打开公众号时手机给的位置，回复“{USE_ENTRY_LOCATION}”。"


def evidence_prompt(data: DraftData, counts: dict[str, int], *, entry_location: bool) -> str:
    """The evidence step, saying what is already here and offering the entry location only when there is one."""
    have = []
    if counts.get("image"):
        have.append(f"{counts['image']} 张照片")
    if counts.get("voice"):
        have.append(f"{counts['voice']} 条语音")
    if data.get("location"):
        have.append("位置")
    lines = [EVIDENCE]
    if entry_location and not data.get("location"):
        lines.insert(1, ENTRY_LOCATION_LINE)
    if have:
        lines.insert(0, "已收到：" + "、".join(have) + "。")
    return "\n".join(lines)


def story_saved(length: int, *, hardship: bool = False) -> str:
    """A scrap (1, 嗯) in the story step once the story is saved: say it is kept and what can be done."""
    what = "家里的情况" if hardship else "经过"
    return f"{what}已经记下了（共 {length} 字）。要补充就接着说，说完回复“好了”；没有要补充的也回复“好了”。"


IDENTITY = "是否留下姓名和电话？回复数字：\n1 实名（方便核实和回复，我们严格保密）\n2 匿名"
CONTACT = "请发送姓名和手机号，例如：张三 13800001111\n只留一项也可以；都不想留请回复“跳过”。"
EDIT = "要修改哪一项？回复数字：\n1 问题类别\n2 事情经过\n3 证据\n4 身份\n" + FOOTER
CANCELLED = "已取消，内容没有提交。需要时回复 3 重新反映。"
# Leaving the hardship script: nothing was registered, and how to come back (not menu 3, which reports).
HARDSHIP_CANCELLED = "已取消，内容没有提交。以后想登记，再说说家里的情况就行。"

PROMPTS: dict[str, str] = {
    "description": DESCRIPTION,
    "cadre": CADRE,
    "evidence": EVIDENCE,
    "identity": IDENTITY,
    "contact": CONTACT,
    "edit": EDIT,
}

HINTS: dict[str, str] = {
    "category": "请先回复数字选择问题类别。",
    "description": "请用文字或语音说说发生了什么。",
    "cadre": "请回复数字 1 到 4，选择反映对象。",
    "evidence": "这一步可以发照片或位置；发完回复“好了”，没有请回复“跳过”。",
    "identity": "请回复 1 实名 或 2 匿名。",
    "self_check": "请回复 1 删掉 或 2 保留。",
    "contact": "请发文字：姓名和手机号，或回复“跳过”。",
    "confirm": "请回复 1 提交、2 修改 或 0 取消。",
    "edit": "请回复数字，选择要修改的项。",
    "h_whose": "请回复 1 自己家 或 2 别人家。",
    "h_story": "请用文字或语音说说家里的情况。",
    "h_what": "请回复数字（可以多个，如“1 3”），或直接说是什么事。",
    "h_when": "请说大概什么时候，例如“今年3月”；记不清请回复“不清楚”。",
    "h_people": "请回复家里的人数，例如 4。",
    "h_help": "请说说希望得到什么帮助，例如“看病报销”“临时救助”。",
    "h_phone": "请发送电话号码（11 位手机号），可以加上称呼。",
}

# --- hardship (防止返贫动态监测): an application for help, not an accusation ---------------------

HARDSHIP = "poverty_risk"
HARDSHIP_ORDER = ("h_whose", "h_story", "h_what", "h_when", "h_people", "h_help", "h_phone")
# The draft key each hardship step fills (h_story fills the description's parts).
HARDSHIP_KEYS = {
    "h_whose": "household",
    "h_what": "troubles",
    "h_when": "when",
    "h_people": "people",
    "h_help": "help",
    "h_phone": "phone",
}
TROUBLES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("大病或重病", ("病", "住院", "手术", "癌", "透析", "治疗", "中风", "脑梗", "脑出血")),
    ("残疾", ("残疾", "瘫", "截肢")),
    ("意外事故", ("车祸", "意外", "摔", "受伤", "事故", "出事", "断了", "骨折", "砸伤", "烧伤")),
    ("自然灾害", ("灾", "冰雹", "洪水", "暴雨", "泥石流", "地震", "塌", "火")),
    ("失业或收入大减", ("失业", "没活", "没工作", "打不上工", "收入", "没钱", "亏")),
    ("上学费用", ("上学", "学费", "大学", "读书")),
    # 房子漏雨, 冬天没煤烧: a house unsafe or cold (the routing is that of any poverty-risk case).
    ("住房或取暖困难", ("漏雨", "危房", "住房", "没房", "房子裂", "墙裂", "取暖", "没煤", "冻", "烧炕", "暖气")),
    ("老人独居或无人照顾", ("独居", "一个人过", "一个人住", "无人照顾", "没人照顾", "没人照看", "孤寡", "空巢")),
    ("其他", ("其他", "别的")),
)
HARDSHIP_INTRO = "这是申请帮扶，不是举报，不追究任何人。我会问几件事，村镇干部核实后帮您想办法。"
HARDSHIP_OFFER = (
    "听起来家里遇到了困难。可以在这里登记，申请防止返贫帮扶：村镇干部会上门核实，县里研究帮扶办法。\n"
    "回复 1 登记困难情况（您说的话会记下）\n回复 2 我只是问政策\n回复 0 不用了"
)
H_WHOSE = "这是谁家的困难？回复数字：\n1 我自己家\n2 别人家（邻居、亲戚、村里的老人等，可以替他们登记）"
H_STORY = "请简单说说家里的情况：出了什么事、现在怎么样。可以打字或发语音，说完请回复“好了”。"
HARDSHIP_TOO_SHORT = "请多说几句，例如：“我爱人去年查出尿毒症，每周透析，家里没了收入。”\n说完请回复“好了”。"
H_WHAT = "遇到的是哪类事？回复数字，可以多个（如“1 5”）：\n" + "\n".join(
    f"{i} {label}" for i, (label, _w) in enumerate(TROUBLES, 1)
)
H_WHEN = "大概是什么时候的事？例如“今年3月”“上个月”。"
H_PEOPLE = "这户家里一共几口人？回复数字，例如 4。"
H_HELP = "希望得到什么帮助？例如：看病报销、临时救助、找工作、孩子上学资助。"
H_PHONE = (
    "请留下能联系到这户人家的电话（您的、这户的，或子女、亲戚、村干部的都行），可以加上称呼，例如：张三 13800001111\n"
    "为什么必须留：村镇干部要打电话约时间上门核实，才能帮上忙；电话只给负责帮扶的县里部门和乡镇干部看，每次查看都有记录；说到干部问题的，电话加密，他们看不到。"
)
# An old man alone may have no phone: a relative's, a neighbour's or a cadre's number reaches him as well.
OTHERS_PHONE = "自己没有手机的，留子女、亲戚、邻居或村干部的电话也行，写上是谁的，例如：侄子 13800001111"
PHONE_REQUIRED = (
    "这一步不能跳过：没有电话，干部就没法联系上门核实，帮扶也就落不了地。\n请发送 11 位手机号。"
    + OTHERS_PHONE
    + "。\n如果是想匿名反映干部的问题，请回复“改为反映问题”。"
)
PHONE_OF_ANOTHER = (
    "没有手机也能登记：留子女、亲戚、邻居或村干部的电话就行，写上是谁的，例如：侄子 13800001111\n"
    "谁的电话都没有的，可以请村干部或邻居用他们的微信替您登记（登记时选“别人家”）。"
)

PROMPTS.update(
    {
        "h_whose": H_WHOSE,
        "h_story": H_STORY,
        "h_what": H_WHAT,
        "h_when": H_WHEN,
        "h_people": H_PEOPLE,
        "h_help": H_HELP,
        "h_phone": H_PHONE,
    }
)


def hardship_fields() -> tuple[tuple[str, str], ...]:
    return (
        ("谁家", "h_whose"),
        ("家里情况", "h_story"),
        ("遇到的事", "h_what"),
        ("时间", "h_when"),
        ("人数", "h_people"),
        ("想要的帮助", "h_help"),
        ("电话", "h_phone"),
    )


def troubles_of(text: str) -> list[str]:
    """Trouble labels from digits ("1 3", "１、５", "一") or from words ("住院了")."""
    norm = unicodedata.normalize("NFKC", text)
    picked: list[str] = []
    tokens = [t for t in re.split(r"[\s,，、.。;；和及还有]+", norm) if t]
    for token in tokens:
        number = choice_of(token)
        if number is not None and 1 <= number <= len(TROUBLES):
            picked.append(TROUBLES[number - 1][0])
    if not picked and norm.strip().isdigit():
        picked = [TROUBLES[int(d) - 1][0] for d in norm.strip() if 1 <= int(d) <= len(TROUBLES)]
    if not picked:
        matched = normalise(norm)
        picked = [label for label, words in TROUBLES if any(w in matched for w in words)]
    return list(dict.fromkeys(picked))


_ALONE = re.compile(r"(就|只有|只)?(我|她|他)(自己|一个)?(人)?(了)?")


def people_of(text: str) -> int | None:
    """How many people: 五口人, 一家六口 (the number before 口/个/人 first), 就我自己 (one)."""
    norm = normalise(text)
    if _ALONE.fullmatch(norm):
        return 1
    # Never two digits out of a longer run (a phone number sent early is not 13 people).
    counted = r"((?<![0-9])[0-9]{1,2}(?![0-9])|[一二两俩三四五六七八九十]{1,3})"
    match = re.search(counted + r"(?:口|个|人)", norm) or re.search(counted, norm)
    if match is None:
        return None
    number = chinese_number(match.group(1))
    return number if number is not None and 1 <= number <= 30 else None


def hardship_description(data: DraftData) -> str:
    whose = "本人家庭" if data.get("household") == "own" else "代他人登记（邻居、亲戚或老人等）"
    lines = [
        "【困难帮扶申请】",
        f"谁家：{whose}",
        f"遇到的事：{'、'.join(data.get('troubles', [])) or '未说明'}",
        f"时间：{data.get('when') or '未说明'}",
        f"家庭人口：{data.get('people') or '未说明'}人",
        f"希望的帮助：{data.get('help') or '未说明'}",
        "情况：" + description_of(data),
    ]
    return "\n".join(lines)


def hardship_summary(data: DraftData) -> str:
    text = hardship_description(data)
    who = " ".join(x for x in (str(data.get("name") or ""), _masked(str(data.get("phone") or ""))) if x)
    body = text if len(text) <= 400 else text[:400] + "……"
    return f"请核对您的登记：\n{body}\n联系人：{who or '未留'}\n\n1 提交\n2 修改\n0 取消"


def hardship_submitted_text(done: Submitted) -> str:
    rule = limits(HARDSHIP)
    unit = "个工作日" if rule.day_kind == DayKind.WORKING else "天"
    return (
        "已提交，您的困难帮扶申请已登记。\n"
        f"编号：{done.number}\n查询码：{done.query_code}\n"
        f"下一步：{done.route_unit_name}在 {rule.first_response} {unit}内"
        f"（{chinese_date(done.first_response_due)} 前）打电话联系并上门核实，"
        f"{rule.resolve} {unit}内落实帮扶办法。\n"
        f"依据：{rule.told or rule.basis}。\n"
        "回复“查询进度”可随时查看，有新情况回复“补充材料”。"
    )


def prompt(step: str, data: DraftData, counts: dict[str, int], *, entry_location: bool = False) -> str:
    hardship = data.get("category") == HARDSHIP
    if step == "category":
        return category_prompt()
    if step == "evidence":
        return evidence_prompt(data, counts, entry_location=entry_location)
    if step == "confirm":
        return hardship_summary(data) if hardship else summary(data, counts)
    if step == "self_check":
        return self_check_prompt(data)
    if step == "edit" and hardship:
        lines = [f"{i} {label}" for i, (label, _s) in enumerate(hardship_fields(), 1)]
        return "要修改哪一项？回复数字：\n" + "\n".join(lines) + "\n" + FOOTER
    return PROMPTS[step] + ("\n" + FOOTER if step in HARDSHIP_KEYS else "")


# Asked once 匿名 is chosen, before the summary, when the story tells who the reporter is (bot/reading/self_told.py).
SELF_CHECK = "这几句可能让人认出您，要删掉吗？"
SELF_CHECK_ANSWERS = "回复 1 删掉  2 保留"


def self_told_pending(data: DraftData) -> list[Told]:
    """The clauses of an anonymous report's story that tell who the reporter is and that the villager has not
    chosen to keep; none for a named report or a hardship application (never anonymous)."""
    if data.get("category") == HARDSHIP or not data.get("anonymous", False):
        return []
    kept = set(data.get("self_kept", []))
    return [t for t in found([str(x) for x in data.get("parts", [])]) if fingerprint(t) not in kept]


def self_check_prompt(data: DraftData) -> str:
    lines = [SELF_CHECK, *(f"· {t.clause}" for t in self_told_pending(data)), SELF_CHECK_ANSWERS, FOOTER]
    return "\n".join(lines)


def _masked(phone: str) -> str:
    return phone[:3] + "****" + phone[-4:] if len(phone) == 11 else phone


def summary(data: DraftData, counts: dict[str, int]) -> str:
    category = by_code(str(data.get("category", "")))
    text = description_of(data)
    lines = [
        "请核对您要反映的内容：",
        f"类别：{category.label if category else '未选择'}",
        f"经过：{text[:120]}{'……' if len(text) > 120 else ''}",
    ]
    if data.get("cadre_level"):
        lines.append(f"反映对象：{cadre_level_label(str(data['cadre_level']))}")
    lines.append(f"照片：{counts.get('image', 0)} 张；语音：{counts.get('voice', 0)} 条")
    lines.append("位置：" + ("已提供" if data.get("location") else "未提供"))
    if data.get("anonymous", True):
        lines.append("身份：匿名")
    else:
        who = " ".join(x for x in (str(data.get("name") or ""), _masked(str(data.get("phone") or ""))) if x)
        lines.append("身份：实名" + (f"（{who}）" if who else ""))
        if not data.get("phone") and data.get("category") != HARDSHIP:
            lines.append("没有留手机号：要留的话，直接发手机号。")
    lines.append("\n1 提交\n2 修改\n0 取消")
    return "\n".join(lines)


def description_of(data: DraftData) -> str:
    return "\n".join(str(p) for p in data.get("parts", []))


def submitted_text(done: Submitted) -> str:
    return (
        "已提交，感谢您的反映！\n"
        f"案件编号：{done.number}\n"
        f"查询码：{done.query_code}\n"
        "请记好编号和查询码，凭它们可在任何微信号查询进度。\n"
        f"我们将在 {chinese_date(done.first_response_due)} 前首次答复您。\n"
        "回复“查询进度”可随时查看。"
    )


# Under an offer or a refusal when the message tells one's own payment missing or short.
OWN_PAYMENT_HINT = "核对您家每笔补贴到没到账，可回复“我家补贴”。"


def story_offer(label: str, *, own_payment: bool = False) -> str:
    return (
        f"听起来您要反映问题，类别像是“{label}”。\n"
        "回复 1 开始反映，把您这段话记为反映内容（可以匿名）\n"
        "回复 2 我是来问政策的\n"
        "回复 3 开始反映，但类别要重选\n"
        "回复 0 不用了" + (f"\n{OWN_PAYMENT_HINT}" if own_payment else "")
    )
