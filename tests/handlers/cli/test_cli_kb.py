"""`qingfeng kb check` and `qingfeng kb ask`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from handlers.cli.main import main


def test_check_passes_on_the_real_knowledge_base(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["kb", "check"]) == 0
    out = capsys.readouterr().out
    assert "entries checked: ok" in out
    assert "unverified figures" in out


def test_check_fails_on_problems(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "dibao").mkdir()
    (tmp_path / "dibao" / "x.yaml").write_text("id: x\n", encoding="utf-8")
    assert main(["kb", "check", "--entries", str(tmp_path)]) == 1
    assert "problem:" in capsys.readouterr().out


def test_ask_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["kb", "ask", "雨露计化一年能领多少钱", "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert set(payload) >= {"hits", "confident"}
    hit = payload["hits"][0]
    assert set(hit) == {"entry_id", "topics", "score", "title"}
    assert hit["entry_id"].startswith("yulu-plan")


def test_ask_county_sees_its_local_entry(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["kb", "ask", "互助县在哪反映问题", "--county", "630223", "--json"]) == 0
    ids = [h["entry_id"] for h in json.loads(capsys.readouterr().out)["hits"]]
    assert "how-to-report-630223" in ids


def test_ask_text_reply(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["kb", "ask", "今天天气咋样"]) == 0
    assert "政策咨询" in capsys.readouterr().out
