"""What the guided report says at each step: prompts, hints for unexpected messages, the summary."""

from __future__ import annotations

from typing import Any

from cases.categories import CADRE_LEVELS, by_code, cadre_level_label, categories
from cases.submit import Submitted
from cases.timeutil import chinese_date
from cases.validation import MAX_PHOTOS

DONE_WORDS = frozenset({"好了", "好", "完了", "说完了", "发完了", "完成", "下一步", "没有了", "就这些"})
SKIP_WORDS = frozenset({"跳过", "没有", "无", "不用"})
CANCEL = "取消"
BACK = "返回"
USE_ENTRY_LOCATION = "用进入时的位置"
FOOTER = "（回复“返回”回到上一步，“取消”退出）"


def category_prompt() -> str:
    lines = [f"{i} {c.label}" for i, c in enumerate(categories(), 1)]
    return "请选择您要反映的问题，回复数字：\n" + "\n".join(lines) + "\n" + FOOTER


DESCRIPTION = (
    "请说说发生了什么：谁、做了什么、什么时候、涉及多少钱。\n可以打字或发语音，可以分几条发。说完请回复“好了”。"
)
CADRE = "您反映的是哪一级的干部？回复数字：\n" + "\n".join(
    f"{i} {label}" for i, (_code, label) in enumerate(CADRE_LEVELS, 1)
)
EVIDENCE = (
    f"如有证据，请发送照片（最多 {MAX_PHOTOS} 张）或位置。\n"
    f"也可以回复“{USE_ENTRY_LOCATION}”。\n发完请回复“好了”，没有请回复“跳过”。"
)
IDENTITY = "是否留下姓名和电话？回复数字：\n1 实名（方便核实和回复，我们严格保密）\n2 匿名"
CONTACT = "请发送姓名和手机号，例如：张三 13800001111\n只留一项也可以；都不想留请回复“跳过”。"
EDIT = "要修改哪一项？回复数字：\n1 问题类别\n2 事情经过\n3 证据\n4 身份"
CANCELLED = "已取消，内容没有提交。需要时回复 3 重新反映。"

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
    "contact": "请发文字：姓名和手机号，或回复“跳过”。",
    "confirm": "请回复 1 提交、2 修改 或 0 取消。",
    "edit": "请回复数字 1 到 4，选择要修改的项。",
}


def prompt(step: str, data: dict[str, Any], counts: dict[str, int]) -> str:
    if step == "category":
        return category_prompt()
    if step == "confirm":
        return summary(data, counts)
    return PROMPTS[step]


def _masked(phone: str) -> str:
    return phone[:3] + "****" + phone[-4:] if len(phone) == 11 else phone


def summary(data: dict[str, Any], counts: dict[str, int]) -> str:
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
    lines.append("\n1 提交\n2 修改\n0 取消")
    return "\n".join(lines)


def description_of(data: dict[str, Any]) -> str:
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
