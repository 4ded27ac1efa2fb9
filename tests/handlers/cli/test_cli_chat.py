"""`qingfeng chat` and the WeChat simulator: in-process (plain and safe mode) and against `qingfeng serve`."""

from __future__ import annotations

import io
import json
import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from config.settings import get_settings
from handlers.cli.chat import base_url
from handlers.cli.main import main
from wechat.crypto import SafeMode
from wechat.inbound import parse, safe_fields
from wechat.simulator import (
    SimRequest,
    Simulator,
    SimulatorError,
    aes_key_bytes,
    encrypt_payload,
)

FIXTURES = Path(__file__).parents[2] / "fixtures" / "wechat" / "derived_safe_mode"
VILLAGE = "630223106213"
VILLAGE_NAME = "互助土族自治县 五十镇 土观村委会"
MENU = ("1 政策咨询", "2 项目公开", "3 反映问题", "4 查询进度", "0 帮助")
QF = [sys.executable, "-m", "handlers.cli.main"]


@pytest.fixture
def chat_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    url = f"sqlite:///{tmp_path / 'chat.db'}"
    monkeypatch.setenv("QF_DATABASE_URL", url)
    get_settings.cache_clear()
    yield url
    get_settings.cache_clear()


def _greeted(out: str) -> None:
    assert VILLAGE_NAME in out
    for item in MENU:
        assert item in out


# --- the simulator ---------------------------------------------------------------------------------


def test_encryption_matches_the_derived_wechat_vectors() -> None:
    manifest = json.loads((FIXTURES / "manifest.json").read_text())
    key = aes_key_bytes(manifest["encoding_aes_key"])
    for case in manifest["cases"].values():
        plain = (FIXTURES / case["plaintext_file"]).read_text()
        body = (FIXTURES / case["body_file"]).read_text()
        expected = re.search(r"<Encrypt><!\[CDATA\[(.*?)\]\]>", body)
        assert expected is not None
        got = encrypt_payload(plain, key=key, appid=manifest["appid"], random16=manifest["random16"].encode())
        assert got == expected.group(1)


def _safe_sim() -> tuple[Simulator, SafeMode]:
    s = get_settings()
    sim = Simulator(token=s.wechat_token, appid=s.wechat_appid, aes_key=s.wechat_aes_key, safe=True)
    return sim, SafeMode(token=s.wechat_token, appid=s.wechat_appid, aes_keys=[s.wechat_aes_key])


def _open(safe: SafeMode, req: SimRequest) -> str:
    q = req.query
    assert set(q) == {"signature", "timestamp", "nonce", "openid", "encrypt_type", "msg_signature"}
    envelope = safe_fields(req.body)
    assert set(envelope) == {"ToUserName", "Encrypt"}
    return safe.decrypt(
        encrypt=envelope["Encrypt"], msg_signature=q["msg_signature"], timestamp=q["timestamp"], nonce=q["nonce"]
    )


def test_simulated_requests_parse_as_wechat_messages() -> None:
    sim, safe = _safe_sim()
    cases = {
        "text": sim.text("低保]]>怎么申请"),
        "voice": sim.voice(media_id="m1", recognition="路灯坏了"),
        "image": sim.image(pic_url="file:///tmp/a.jpg", media_id="m2"),
        "location": sim.location(36.84, 101.95, label="土观村"),
        "subscribe": sim.subscribe(VILLAGE),
        "scan": sim.scan(VILLAGE),
        "location_event": sim.location_event(36.84, 101.95),
        "click": sim.click("REPORT"),
    }
    msgs = {name: parse(_open(safe, req)) for name, req in cases.items()}
    assert msgs["text"].content == "低保]]>怎么申请"
    assert msgs["voice"].recognition == "路灯坏了"
    assert (msgs["image"].media_id, msgs["image"].url) == ("m2", "file:///tmp/a.jpg")
    assert (msgs["location"].lat, msgs["location"].lng) == (36.84, 101.95)
    assert (msgs["subscribe"].event, msgs["subscribe"].scene) == ("subscribe_scan", VILLAGE)
    assert (msgs["scan"].event, msgs["scan"].scene) == ("scan", VILLAGE)
    assert (msgs["location_event"].event, msgs["location_event"].lat) == ("location", 36.84)
    assert (msgs["click"].event, msgs["click"].event_key) == ("click", "REPORT")
    ids = [m.msg_id for m in msgs.values() if m.msg_id is not None]
    assert len(ids) == 4 and len(set(ids)) == 4


def test_reply_with_a_bad_msg_signature_is_refused() -> None:
    sim, safe = _safe_sim()
    xml = safe.encrypt(xml="<xml><MsgType>text</MsgType><Content>好</Content></xml>", nonce="1", timestamp="2")
    assert sim.parse_reply(200, xml).text == "好"
    with pytest.raises(SimulatorError):
        sim.parse_reply(200, xml.replace("<TimeStamp>2<", "<TimeStamp>3<"))
    assert sim.parse_reply(200, b"success").text is None
    with pytest.raises(SimulatorError):
        sim.parse_reply(403, b"forbidden")


# --- qingfeng chat, in-process --------------------------------------------------------------------


def test_chat_in_process_plain(chat_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["chat", "--village", VILLAGE, "--send", "你好", "--send", "0"]) == 0
    out = capsys.readouterr().out
    _greeted(out)
    assert "你> 你好" in out and "你> 0" in out
    assert out.count("清风> ") == 3


def test_chat_in_process_safe_with_location_and_image(
    chat_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    photo = tmp_path / "road.jpg"
    photo.write_bytes(b"\xff\xd8 not really a jpeg")
    argv = ["chat", "--safe", "--village", VILLAGE, "--send", "3", "--location", "36.84,101.95", "--image", str(photo)]
    assert main(argv) == 0
    out = capsys.readouterr().out
    _greeted(out)
    assert "[安全模式]" in out and "[位置 36.84,101.95]" in out and "[图片 " in out
    assert out.count("清风> ") == 4 and "出错了" not in out


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_chat_prompt_loop(chat_db: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "stdin", _Terminal("你好\n/位置 36.8,101.9\n/退出\n"))
    assert main(["chat", "--safe", "--village", VILLAGE]) == 0
    out = capsys.readouterr().out
    _greeted(out)
    assert out.count("清风> ") == 3


def test_chat_sends_piped_lines_one_by_one(
    chat_db: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("你好\n\n  \n0\n"))
    assert main(["chat", "--village", VILLAGE]) == 0
    out = capsys.readouterr().out
    _greeted(out)
    assert "你> 你好" in out and "你> 0" in out
    assert out.count("清风> ") == 3  # the greeting and one reply per non-empty line


def test_chat_with_nothing_piped_only_greets(
    chat_db: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    assert main(["chat", "--village", VILLAGE]) == 0
    assert capsys.readouterr().out.count("清风> ") == 1


# --- qingfeng chat --url against qingfeng serve ---------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@pytest.fixture
def served(chat_db: str, tmp_path: Path) -> Iterator[str]:
    env = {**os.environ, "QF_DATABASE_URL": chat_db, "QF_RUN_BACKGROUND": "false"}
    subprocess.run([*QF, "setup"], env=env, check=True, capture_output=True, timeout=120)
    port = _free_port()
    log = (tmp_path / "serve.log").open("wb")
    proc = subprocess.Popen(
        [*QF, "serve", "--host", "127.0.0.1", "--port", str(port), "--no-worker"],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            assert proc.poll() is None, (tmp_path / "serve.log").read_text()
            assert time.monotonic() < deadline, "qingfeng serve did not become healthy"
            try:
                if httpx.get(url + "/healthz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


@pytest.mark.slow
@pytest.mark.parametrize("safe", [False, True], ids=["plain", "safe"])
def test_chat_against_a_running_server(served: str, safe: bool, capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["chat", "--village", VILLAGE, "--url", served, "--send", "你好"] + (["--safe"] if safe else [])
    assert main(argv) == 0
    out = capsys.readouterr().out
    _greeted(out)
    assert out.count("清风> ") == 2 and "出错了" not in out


def test_chat_reports_an_unreachable_url(chat_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"http://127.0.0.1:{_free_port()}"
    assert main(["chat", "--village", VILLAGE, "--url", url]) == 1
    assert "无法连接" in capsys.readouterr().err


@pytest.mark.parametrize(
    "given",
    [
        "http://127.0.0.1:8000",
        "http://127.0.0.1:8000/",
        "http://127.0.0.1:8000/wechat",
        "http://127.0.0.1:8000/wechat/",
    ],
)
def test_the_url_may_be_the_base_or_the_webhook_itself(given: str) -> None:
    assert base_url(given) == "http://127.0.0.1:8000"
