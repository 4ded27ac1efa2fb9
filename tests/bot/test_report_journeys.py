"""Villagers' journeys through the real webhook in safe mode, on SQLite and PostgreSQL."""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import Engine, func, select

from cases import lifecycle
from cases.handling import case_steps
from config.privacy import user_key
from storage.db import make_sessionmaker, transaction
from storage.models import OutboxMessage
from storage.models.cases import Case, CaseEvent, CaseEvidence, DraftEvidence, ReportDraft
from storage.repos import outbox
from tests.cases_support import KEYS, VILLAGE
from tests.report_support import NUMBER_RE, Villager, file_report, image_xml, location_xml, voice_xml
from tests.webhook_support import Sender, make_client

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def villager(engine: Engine, openid: str) -> Villager:
    v = Villager(Sender(make_client(engine, identity_key=KEYS.current), safe=True), openid)
    v.scan(VILLAGE)
    return v


def test_scan_then_report_with_nine_photos_at_once_and_a_location(engine: Engine) -> None:
    v = villager(engine, "o-photos")
    v.entered_at(36.85, 101.96)
    assert "请选择您要反映的问题" in v.say("3")
    assert "发生了什么" in v.say("1")
    v.say("村会计王某把我家的危房改造补助扣了 3000 元。")
    assert "共" in v.say("时间是 2026 年 10 月。")
    assert "哪一级的干部" in v.say("好了")
    assert "照片" in v.say("1")
    with ThreadPoolExecutor(max_workers=9) as pool:
        replies = list(pool.map(lambda i: v.send(image_xml("o-photos", f"photo-{i}")), range(9)))
    assert all("照片" in r for r in replies)
    assert "照片最多 9 张" in v.send(image_xml("o-photos", "photo-10"))
    assert "位置已收到" in v.send(location_xml("o-photos", 36.84, 101.95, "土观村村委会"))
    v.say("好了")
    v.say("2")
    summary = v.say("返回")
    assert "实名" in summary and "匿名" in summary
    confirm = v.say("2")
    assert "照片：9 张" in confirm and "位置：已提供" in confirm and "身份：匿名" in confirm
    final = v.say("1")
    number, code = re.search(NUMBER_RE, final).groups()  # type: ignore[union-attr]
    assert "首次答复" in final
    sessions = make_sessionmaker(engine)
    with sessions() as s:
        case = s.scalars(select(Case).where(Case.number == number)).one()
        assert case.description == "村会计王某把我家的危房改造补助扣了 3000 元。\n时间是 2026 年 10 月。"
        assert (case.lat, case.lng, case.location_source, case.location_label) == (
            36.84,
            101.95,
            "message",
            "土观村村委会",
        )
        assert case.cadre_level == "village" and case.anonymous and case.identity_seal is None
        evidence = s.scalars(select(CaseEvidence).where(CaseEvidence.case_id == case.id)).all()
        assert sorted(e.media_id or "" for e in evidence) == sorted(f"photo-{i}" for i in range(9))
        downloads = s.scalar(
            select(func.count()).select_from(OutboxMessage).where(OutboxMessage.kind == "media_download")
        )
        assert downloads == 9
        assert s.scalar(select(func.count()).select_from(ReportDraft)) == 0
        assert s.scalar(select(func.count()).select_from(DraftEvidence)) == 0
    assert code.isdigit()


def test_anonymous_report_by_voice_with_and_without_recognition(engine: Engine) -> None:
    v = villager(engine, "o-voice")
    v.entered_at(36.86, 101.97)
    v.say("举报")
    v.say("5")
    assert "没能识别" in v.send(voice_xml("o-voice", "voice-1"))
    assert "已识别" in v.send(voice_xml("o-voice", "voice-2", recognition="我家老人住院花了八万，快揭不开锅了。"))
    assert "如有证据" in v.say("好了")  # not about cadres: no level question
    v.say("用进入时的位置")
    v.say("跳过")
    assert "核对" in v.say("匿名")
    final = v.say("1")
    number = re.search(NUMBER_RE, final).group(1)  # type: ignore[union-attr]
    with make_sessionmaker(engine)() as s:
        case = s.scalars(select(Case).where(Case.number == number)).one()
        assert case.category == "project"
        assert case.anonymous and case.identity_seal is None and case.cadre_level is None
        assert case.description == "我家老人住院花了八万，快揭不开锅了。"
        # The position from entering the chat (LOCATION event), with its precision and datum.
        assert (case.lat, case.lng, case.location_source, case.location_accuracy_m) == (36.86, 101.97, "event", 65.0)
        kinds = s.scalars(select(CaseEvidence.kind).where(CaseEvidence.case_id == case.id)).all()
        assert sorted(kinds) == ["voice", "voice"]


def test_steps_cancel_back_hints_and_limits(engine: Engine) -> None:
    v = villager(engine, "o-steps")
    assert "请选择您要反映" not in v.say("怎么举报村干部？")  # a policy question, answered as such
    assert "请选择您要反映" in v.say("反映")
    assert "请先回复数字" in v.send(image_xml("o-steps", "early"))
    v.say("2")
    assert "还没有记下" in v.say("好了")
    # A long story has clearly been told: the next step is asked, and more can still be sent there.
    assert "接着问下一步" in v.say("甲" * 1500)
    too_long = v.say("乙" * 600)  # kept up to the limit, and the villager is told what was kept
    assert "最多 2000 字" in too_long and "只记下了前 499 字" in too_long and "101 字没记下" in too_long
    assert "补充材料" in too_long
    assert "已经记满" in v.say("乙" * 12 + "😀𠮷")
    v.say("好了")
    v.say("4")
    v.say("好了")
    v.say("1")
    assert "11 位" in v.say("张三 1380000")
    assert "核对" in v.say("张三 13800001111")
    assert "已取消" in v.say("取消")
    with make_sessionmaker(engine)() as s:
        assert s.scalar(select(func.count()).select_from(ReportDraft)) == 0
        assert s.scalar(select(func.count()).select_from(Case)) == 0


def test_draft_survives_a_restart_and_a_detour_to_the_menu(engine: Engine) -> None:
    v = villager(engine, "o-resume")
    v.say("3")
    v.say("4")
    v.say("低保名单里有村干部亲戚，我家条件差却没评上")
    assert "请回复数字" in v.say("菜单")
    restarted = Villager(Sender(make_client(engine, identity_key=KEYS.current), safe=True), "o-resume")
    resumed = restarted.say("3")
    assert "继续您上次没有提交的反映" in resumed and "要补充就接着说" in resumed  # the kept story is shown
    assert "提到了“村干部”" in restarted.say("好了")  # a policy report naming a cadre: who is asked
    restarted.say("1")
    restarted.say("跳过")
    restarted.say("2")
    final = restarted.say("1")
    assert re.search(NUMBER_RE, final)
    with make_sessionmaker(engine)() as s:
        assert s.scalars(select(Case.description)).one() == "低保名单里有村干部亲戚，我家条件差却没评上"


def test_track_from_another_account_and_five_wrong_codes_lock(engine: Engine) -> None:
    v = villager(engine, "o-track")
    number, code = re.search(NUMBER_RE, file_report(v)).groups()  # type: ignore[union-attr]
    mine = v.say("查询进度")
    assert number in mine and "已转交办理单位" in mine
    other = villager(engine, "o-neighbour")
    assert "您还没有反映过问题" in other.say("4")
    shown = other.say(f"{number} {code}")
    assert number in shown and "状态" in shown
    wrong = "000000" if code != "000000" else "111111"
    other.say("4")
    replies = [other.say(f"{number} {wrong}") for _ in range(5)]
    assert "还可以再试 4 次" in replies[0] and "锁定" in replies[4]
    assert "锁定" in other.say(f"{number} {code}")


def test_add_information_then_close_and_rate_with_dissatisfaction_reopening(engine: Engine) -> None:
    v = villager(engine, "o-rate")
    number = re.search(NUMBER_RE, file_report(v, anonymous=False)).group(1)  # type: ignore[union-attr]
    assert "请发送要补充" in v.say("补充材料")
    assert "已补充" in v.say("另外，村会计还收了别人 500 元。")
    assert "已补充" in v.send(image_xml("o-rate", "extra-photo"))
    assert "补充完成" in v.say("好了")
    sessions = make_sessionmaker(engine)
    with transaction(sessions) as s:
        case = case_steps.get_case(s, number=number)
        case_steps.accept(s, case=case, actor="staff:1", keys=KEYS, now=case.updated_at)
        case_steps.public_reply(
            s, case=case, text="经核实，已责令退还。", actor="staff:1", keys=KEYS, now=case.updated_at
        )
        case_steps.close(
            s, case=case, finding="查实", resolution="已退还 3000 元。", actor="staff:1", keys=KEYS, now=case.updated_at
        )
    assert "已办结" in v.say("查询进度")
    assert "不满意的原因" in v.say("4")
    assert "重新交办" in v.say("退的钱不够")
    with sessions() as s:
        case = s.scalars(select(Case).where(Case.number == number)).one()
        assert case.status == lifecycle.REOPENED and case.rating == 4 and case.rating_reason == "退的钱不够"
        actions = [e.action for e in s.scalars(select(CaseEvent).where(CaseEvent.case_id == case.id))]
        assert actions.count("supplement") == 2 and "rating" in actions
        notices = s.scalars(select(OutboxMessage).where(OutboxMessage.user_key == user_key("o-rate"))).all()
        assert any("已办结" in str(outbox.text_of(n)) for n in notices)
    # close again and rate 1 (by the prompt state) and 2 (by word) for two cases
    with transaction(sessions) as s:
        case = case_steps.get_case(s, number=number)
        case_steps.public_reply(s, case=case, text="已全额退还。", actor="staff:1", keys=KEYS, now=case.updated_at)
        case_steps.close(
            s, case=case, finding="查实", resolution="全额退还。", actor="staff:1", keys=KEYS, now=case.updated_at
        )
    assert "感谢您的评价（非常满意）" in v.say("1")
    assert "没有需要评价" in v.say("基本满意")


def test_a_confirm_retried_concurrently_by_wechat_gives_one_case_and_the_same_reply(engine: Engine) -> None:
    v = villager(engine, "o-retry")
    v.say("3")
    v.say("7")
    v.say("建议村里公开低保名单")
    v.say("好了")
    v.say("跳过")
    v.say("2")
    from tests.webhook_support import text_xml

    xml = text_xml("o-retry", "1", msg_id=990_000_123)
    with ThreadPoolExecutor(max_workers=3) as pool:
        replies = list(pool.map(lambda _: v.send(xml), range(3)))
    assert len(set(replies)) == 1 and re.search(NUMBER_RE, replies[0])
    with make_sessionmaker(engine)() as s:
        assert s.scalar(select(func.count()).select_from(Case)) == 1


def test_a_flood_of_messages_is_throttled_and_nothing_typed_is_lost(engine: Engine) -> None:
    v = villager(engine, "o-flood")
    v.say("3")
    v.say("7")
    replies = []
    for i in range(62):  # a minute boundary may reset the count once; 62 messages cross the limit anyway
        replies.append(v.say(f"第{i}句"))
        if "太快" in replies[-1]:
            break
    assert "太快" in replies[-1] and "都还在" in replies[-1]
    with make_sessionmaker(engine)() as s:
        draft = s.scalars(select(ReportDraft)).one()
        assert len(draft.data["parts"]) == len(replies) - 1


def test_the_daily_limit_says_when_to_try_again_and_keeps_the_draft(engine: Engine) -> None:
    v = Villager(Sender(make_client(engine, identity_key=KEYS.current, reports_per_day=1), safe=True), "o-limit")
    v.scan(VILLAGE)
    file_report(v)
    v.say("3")
    v.say("7")
    v.say("再反映一件事")
    v.say("好了")
    v.say("跳过")
    v.say("2")
    refused = v.say("1")
    assert "今天已提交 1 次" in refused and "后再提交" in refused and "保留 24 小时" in refused
    with make_sessionmaker(engine)() as s:
        assert s.scalar(select(func.count()).select_from(Case)) == 1
        assert s.scalar(select(func.count()).select_from(ReportDraft)) == 1
