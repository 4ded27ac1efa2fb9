"""Scan binding, a plain follow, choosing a village by name, the menu, and never-silent fallbacks."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from config.privacy import user_key
from storage.db import make_sessionmaker
from storage.models import WechatUser
from tests.webhook_support import Sender, event_xml, make_client, text_xml, xml_message


@pytest.fixture
def sender(engine: Engine) -> Sender:
    return Sender(make_client(engine))


def village_of(engine: Engine, openid: str) -> str | None:
    with make_sessionmaker(engine)() as s:
        user = s.get(WechatUser, user_key(openid))
        return user.village_code if user else None


def test_subscribe_with_scene_binds_and_greets_with_full_name_and_menu(sender: Sender, engine: Engine) -> None:
    reply = sender.reply_text(event_xml("o-1", "subscribe", "qrscene_630223106213"))
    assert "互助土族自治县 五十镇 土观村委会" in reply
    assert "1 政策咨询" in reply and "4 查询进度" in reply
    assert village_of(engine, "o-1") == "630223106213"


def test_poster_number_scene_binds_the_same_village(sender: Sender, engine: Engine) -> None:
    sender.reply_text(event_xml("o-2", "subscribe", "qrscene_630223106213-2"))
    assert village_of(engine, "o-2") == "630223106213"


def test_scanning_another_village_switches_and_says_so(sender: Sender, engine: Engine) -> None:
    sender.reply_text(event_xml("o-3", "SCAN", "630223106213"))
    reply = sender.reply_text(event_xml("o-3", "SCAN", "630223106201", create_time=1_800_000_001))
    assert "切换" in reply and "班彦村委会" in reply
    assert village_of(engine, "o-3") == "630223106201"


def test_unknown_scene_asks_for_the_village(sender: Sender, engine: Engine) -> None:
    reply = sender.reply_text(event_xml("o-4", "SCAN", "999999999999"))
    assert "村名" in reply
    assert village_of(engine, "o-4") is None


def test_plain_follow_asks_then_fuzzy_choices_show_county_and_town(sender: Sender, engine: Engine) -> None:
    assert "村名" in sender.reply_text(event_xml("o-5", "subscribe"))
    choices = sender.reply_text(text_xml("o-5", "李家村"))
    assert "乐都区 岗沟街道 李家村委会" in choices
    assert "平安区 巴藏沟乡 李家村委会" in choices
    lines = [line for line in choices.splitlines() if line[:1].isdigit()]
    number = next(line.split()[0] for line in lines if "巴藏沟乡" in line)
    done = sender.reply_text(text_xml("o-5", number))
    assert "平安区 巴藏沟乡 李家村委会" in done
    assert village_of(engine, "o-5") == "630203204206"


def test_typing_town_and_village_finds_it(sender: Sender, engine: Engine) -> None:
    sender.reply_text(event_xml("o-6", "subscribe"))
    choices = sender.reply_text(text_xml("o-6", "五十镇土观"))
    assert choices.splitlines()[1].startswith("1 互助土族自治县 五十镇 土观村委会")
    sender.reply_text(text_xml("o-6", "1"))
    assert village_of(engine, "o-6") == "630223106213"


def test_no_match_says_so(sender: Sender) -> None:
    sender.reply_text(event_xml("o-7", "subscribe"))
    assert "没有找到" in sender.reply_text(text_xml("o-7", "火星基地"))


def test_menu_help_and_click_keys(sender: Sender) -> None:
    assert "请回复数字" in sender.reply_text(text_xml("o-8", "菜单"))
    assert "清风" in sender.reply_text(text_xml("o-8", "0"))
    assert "清风" in sender.reply_text(event_xml("o-8", "CLICK", "MENU_HELP"))


@pytest.mark.parametrize(
    ("msg_type", "body"),
    [
        ("text", "<Content>天王盖地虎</Content><MsgId>91</MsgId>"),
        ("image", "<PicUrl>http://x/1.jpg</PicUrl><MediaId>m1</MediaId><MsgId>92</MsgId>"),
        ("voice", "<MediaId>m2</MediaId><Format>amr</Format><MsgId>93</MsgId>"),
        ("video", "<MediaId>m3</MediaId><ThumbMediaId>t</ThumbMediaId><MsgId>94</MsgId>"),
        ("link", "<Title>t</Title><Description>d</Description><Url>http://x</Url><MsgId>95</MsgId>"),
        ("miniprogrampage", "<Title>t</Title><MsgId>96</MsgId>"),
        ("strange_new_type", "<MsgId>97</MsgId>"),
    ],
)
def test_unexpected_input_gets_a_short_help_never_silence(sender: Sender, msg_type: str, body: str) -> None:
    reply = sender.reply_text(xml_message("o-9", msg_type, body))
    assert reply not in ("", "success")
    assert "菜单" in reply or "请回复数字" in reply


def test_unsubscribe_is_silent_and_recorded(sender: Sender, engine: Engine) -> None:
    sender.reply_text(event_xml("o-10", "subscribe", "qrscene_630223106213"))
    assert sender.reply_text(event_xml("o-10", "unsubscribe", create_time=1_800_000_002)) == "success"
    with make_sessionmaker(engine)() as s:
        user = s.get(WechatUser, user_key("o-10"))
        assert user is not None and user.subscribed is False
