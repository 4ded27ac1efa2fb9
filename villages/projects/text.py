"""The villager's view of their village's projects: totals, then one page that fits one WeChat message."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from storage.repos.projects import ProjectRow
from villages.projects.fields import acceptance, read_fund_parts, units

MAX_REPLY_BYTES = 2048
PAGE_SIZE = 6
MAX_YEARS = 4  # years totalled in the summary, newest first
DEMO_NOTE = "（演示数据，不是真实项目）"
MORE = "回复项目序号看详情，「更多」看下一页，「菜单」返回。"
LAST = "回复项目序号看详情，「菜单」返回。对项目和资金有疑问，回复「反映」。"
BACK = "「上一页」回到前一页。"


@dataclass(frozen=True)
class Page:
    text: str
    next_offset: int | None  # where "更多" continues; None on the last page


def yuan(amount: Decimal) -> str:
    """86万元, 32.99万元, 3600元: villagers read 万元 for anything large."""
    if amount >= 10000:
        return f"{_plain(amount / 10000)}万元"
    return f"{_plain(amount)}元"


def _plain(value: Decimal) -> str:
    text = f"{value.quantize(Decimal('0.01')):f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def summary(village_name: str, projects: Sequence[ProjectRow]) -> str:
    total = sum((p.amount_yuan for p in projects), Decimal(0))
    years = sorted({p.year for p in projects}, reverse=True)
    by_year = "；".join(_year_total(y, [p for p in projects if p.year == y]) for y in years[:MAX_YEARS])
    demo = DEMO_NOTE if any(p.is_demo for p in projects) else ""
    return f"【{village_name} 项目公开】{demo}\n共{len(projects)}个项目，资金合计{yuan(total)}。\n{by_year}"


def _year_total(year: int, projects: Sequence[ProjectRow]) -> str:
    return f"{year}年：{len(projects)}个，{yuan(sum((p.amount_yuan for p in projects), Decimal(0)))}"


def item(number: int, p: ProjectRow) -> str:
    lines = [
        f"{number}. {p.year}年 {p.name}",
        f"资金：{yuan(p.amount_yuan)}（{_sources_short(p)}）",
        f"实施：{units(p.implementing_unit).implementer}",
    ]
    status = f"状态：{p.status}"
    if p.start_date and p.completion_date:
        status += f"，{p.start_date:%Y-%m-%d}至{p.completion_date:%Y-%m-%d}"
    elif p.start_date:
        status += f"，{p.start_date:%Y-%m-%d}开工"
    if p.beneficiaries is not None:
        status += f"，受益{p.beneficiaries}人"
    lines.append(status)
    return "\n".join(lines)


# What a villager names (修路, 水渠, 大棚) and the words projects are named with; one theme per line.
THEMES = (
    ("路", "道路", "硬化", "桥"),
    ("渠", "灌溉", "浇地", "水利"),
    ("吃水", "饮水", "自来水", "管网", "水管"),
    ("路灯", "太阳能灯"),
    ("危房", "房子", "住房", "安置"),
    ("大棚", "蔬菜"),
    ("厕所", "改厕", "旱厕"),
    ("垃圾", "人居环境", "环境整治"),
    ("卫生室", "诊所", "看病"),
    ("光伏", "电站"),
    ("养殖", "圈舍", "养猪", "养牛", "养羊", "猪", "牛", "羊"),
    ("种植", "青稞", "基地", "农田"),
    ("广场", "文化", "展示馆"),
    ("冷库", "冷链", "保鲜"),
    ("车间", "盘绣", "合作社"),
    ("农家乐", "旅游"),
)


def related(norm: str, projects: Sequence[ProjectRow]) -> list[int]:
    """1-based numbers of the projects of the theme a message names (村里修路的钱 -> the road projects)."""
    themes = [t for t in THEMES if any(w in norm for w in t)]
    return [i for i, p in enumerate(projects, 1) if any(w in p.name for t in themes for w in t)]


def no_projects(village_name: str) -> str:
    return (
        f"{village_name}还没有公开的项目信息。\n对本村项目和资金有疑问，可回复 3 反映问题，或拨打 12345 政务服务热线。"
    )


def _sources_short(p: ProjectRow) -> str:
    parts = read_fund_parts(p.fund_source, p.amount_yuan)
    return parts[0].source if len(parts) == 1 else f"{parts[0].source}等{len(parts)}项"


def funds(p: ProjectRow) -> list[str]:
    """资金 lines: the total, then each source with its amount when there are several."""
    parts = read_fund_parts(p.fund_source, p.amount_yuan)
    if len(parts) == 1:
        return [f"资金：{yuan(p.amount_yuan)}，来源：{parts[0].source}"]
    shown = [f"资金：{yuan(p.amount_yuan)}，来源{len(parts)}项："]
    shown += [f"· {f.source} {yuan(f.amount_yuan)}" for f in parts if f.amount_yuan is not None]
    return shown


def detail(number: int, p: ProjectRow) -> str:
    """One project in full: its funds by source, who carried it out, dates, acceptance and beneficiaries."""
    who = units(p.implementing_unit)
    lines = [
        f"【项目 {number}】{p.name}（{p.year}年）",
        *funds(p),
        f"实施单位：{who.implementer}",
        f"承包单位：{who.contractor or '未公开'}",
        f"状态：{p.status}",
        f"开工：{p.start_date:%Y-%m-%d}" if p.start_date else "开工：未公开",
        f"完工：{p.completion_date:%Y-%m-%d}" if p.completion_date else "完工：未公开",
        f"验收：{acceptance(p.status)}",
        f"受益：{p.beneficiaries}人" if p.beneficiaries is not None else "受益：未公开",
    ]
    if p.is_demo:
        lines.append(DEMO_NOTE)
    lines.append(
        "\n对这个项目有疑问，回复「反映」，会带上项目名称开始反映。"
        "\n回复其他序号看别的项目，「返回」回到列表，「菜单」回主菜单。"
    )
    return _cut("\n".join(lines))


def page(village_name: str, projects: Sequence[ProjectRow], offset: int = 0, lead: str = "") -> Page:
    """Totals, then projects from `offset` while they fit in one message (at most PAGE_SIZE)."""
    if not projects:
        return Page(no_projects(village_name), None)
    offset = max(0, min(offset, len(projects) - 1))
    head = (lead + "\n" if lead else "") + summary(village_name, projects)
    if offset:
        head += f"\n（接上页，第{offset + 1}个起）"
    items: list[str] = []
    end = offset
    while end < len(projects) and len(items) < PAGE_SIZE:
        candidate = [*items, item(end + 1, projects[end])]
        if items and not _fits(head, candidate, MORE + BACK):
            break
        items = candidate
        end += 1
    more = end < len(projects)
    tail = (MORE if more else LAST) + (BACK if offset else "")
    text = "\n\n".join([head, *items, tail])
    return Page(_cut(text), end if more else None)


def _fits(head: str, items: list[str], tail: str) -> bool:
    return len("\n\n".join([head, *items, tail]).encode("utf-8")) <= MAX_REPLY_BYTES


def _cut(text: str) -> str:
    # Only reached when a single project is longer than a message (names are capped at 200 characters).
    data = text.encode("utf-8")
    return text if len(data) <= MAX_REPLY_BYTES else data[: MAX_REPLY_BYTES - 6].decode("utf-8", "ignore") + "……"
