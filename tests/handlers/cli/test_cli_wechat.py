"""`qingfeng wechat menu apply`, `qingfeng wechat token` and `qingfeng worker`, against the stand-in."""

from __future__ import annotations

import argparse

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from bot.menu import account_menu
from config.settings import Settings
from handlers.cli import main
from handlers.cli import wechat as cli_wechat
from handlers.cli import worker as cli_worker
from handlers.jobs.worker import BackgroundWorker
from handlers.runtime import Runtime
from storage.db import transaction
from storage.models import OutboxMessage
from storage.repos import outbox
from storage.types import utcnow
from wechat.client import WechatClient
from wechat.standin import StandinWechat


@pytest.fixture
def runtime(
    engine: Engine, sessions: sessionmaker[Session], wx: StandinWechat, monkeypatch: pytest.MonkeyPatch
) -> Runtime:
    """The runtime the commands get from Runtime.from_settings()."""
    settings = Settings(wechat_api_base=wx.url, wechat_appid=wx.appid, wechat_appsecret=wx.secret)
    rt = Runtime(settings=settings, engine=engine, sessions=sessions)
    monkeypatch.setattr(Runtime, "from_settings", lambda *a, **k: rt)
    return rt


def run(*argv: str) -> int:
    parser = argparse.ArgumentParser(prog="qingfeng")
    sub = parser.add_subparsers(dest="command", required=True)
    cli_wechat.register(sub)
    cli_worker.register(sub)
    args = parser.parse_args(argv)
    code: int = args.func(args)
    return code


def test_worker_command_is_registered() -> None:
    assert "handlers.cli.worker" in main.COMMAND_MODULES
    assert "handlers.cli.wechat" in main.COMMAND_MODULES


def test_menu_apply(runtime: Runtime, wx: StandinWechat, capsys: pytest.CaptureFixture[str]) -> None:
    assert run("wechat", "menu", "apply") == 0
    assert wx.menu == account_menu()
    assert "菜单已发布" in capsys.readouterr().out


def test_menu_apply_ip_not_whitelisted(runtime: Runtime, wx: StandinWechat, capsys: pytest.CaptureFixture[str]) -> None:
    wx.fail(40164)
    assert run("wechat", "menu", "apply") == 1
    err = capsys.readouterr().err
    assert "菜单发布失败" in err and "40164" in err
    assert "IP 白名单" in err and "add the server IP to the IP whitelist" in err
    assert wx.menu is None


def test_menu_apply_other_error(runtime: Runtime, wx: StandinWechat, capsys: pytest.CaptureFixture[str]) -> None:
    wx.fail(47001, path="menu/create")
    assert run("wechat", "menu", "apply") == 1
    assert "47001" in capsys.readouterr().err


def test_menu_apply_unreachable(
    runtime: Runtime, wx: StandinWechat, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    wx.stop()
    assert run("wechat", "menu", "apply") == 1
    assert "无法连接微信接口" in capsys.readouterr().err


def test_token_status_never_prints_the_token(
    runtime: Runtime, wx: StandinWechat, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("wechat", "token") == 0
    assert "未保存" in capsys.readouterr().out
    with WechatClient(appid=wx.appid, secret=wx.secret, api_base=wx.url, sessions=runtime.sessions) as api:
        token = api.access_token()
    assert run("wechat", "token") == 0
    out = capsys.readouterr().out
    assert "已保存 access token，有效期至" in out and "剩余 1" in out  # about 119 minutes left
    assert token not in out


def test_worker_command_migrates_runs_and_exits_cleanly_on_ctrl_c(
    runtime: Runtime, wx: StandinWechat, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with transaction(runtime.sessions) as s:
        outbox.enqueue(s, key="k1", kind="kefu_text", payload={"text": "你好"}, now=utcnow(), openid="o-1")

    def one_tick_then_ctrl_c(self: BackgroundWorker) -> None:
        assert self.tick()
        raise KeyboardInterrupt

    monkeypatch.setattr(BackgroundWorker, "run_forever", one_tick_then_ctrl_c)
    assert run("worker", "--interval", "0.1") == 0
    out = capsys.readouterr().out
    assert "worker started" in out and "worker stopped" in out
    with transaction(runtime.sessions) as s:
        assert s.scalars(select(OutboxMessage.status)).one() == "sent"
    assert len(wx.calls_to("message/custom/send")) == 1
