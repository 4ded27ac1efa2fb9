"""`qingfeng qr create` and `qingfeng qr posters` end to end, on both databases, against the stand-in."""

from __future__ import annotations

import argparse
import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pypdf
import pytest
from PIL import Image
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from config.settings import Settings
from handlers.cli import main
from handlers.cli import qr as cli_qr
from handlers.runtime import Runtime
from storage.db import transaction
from storage.models import Poster
from tests.qr_support import PARK, REAL, read_qr_codes, seed_places
from wechat.standin import StandinWechat

BASE = "https://qingfeng.example.cn"


@pytest.fixture
def wx() -> Iterator[StandinWechat]:
    with StandinWechat(qr_limit=7) as server:
        yield server


@pytest.fixture
def runtime(
    engine: Engine, sessions: sessionmaker[Session], wx: StandinWechat, monkeypatch: pytest.MonkeyPatch
) -> Runtime:
    seed_places(sessions)
    settings = Settings(wechat_api_base=wx.url, wechat_appid=wx.appid, wechat_appsecret=wx.secret, public_base_url=BASE)
    rt = Runtime(settings=settings, engine=engine, sessions=sessions)
    monkeypatch.setattr(Runtime, "from_settings", lambda *a, **k: rt)
    return rt


def run(*argv: str) -> int:
    parser = argparse.ArgumentParser(prog="qingfeng")
    cli_qr.register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    code: int = args.func(args)
    return code


def posters(rt: Runtime) -> dict[str, Poster]:
    with transaction(rt.sessions) as session:
        return {p.scene: p for p in session.scalars(select(Poster))}


def test_registered() -> None:
    assert "handlers.cli.qr" in main.COMMAND_MODULES


def test_create_for_one_county_then_all_stops_at_the_limit(
    runtime: Runtime, wx: StandinWechat, capsys: pytest.CaptureFixture[str]
) -> None:
    county = "630223000000"
    assert run("qr", "create", "--county", county, "--posters-per-village", "2", "--rate", "0") == 0
    out = capsys.readouterr()
    assert "posters: 6 added" in out.out and "codes: 6 created" in out.out
    assert "codes: 6/6 (100%)" in out.err  # progress
    assert {p.village_code for p in posters(runtime).values()} == {v.code for v in REAL if v.county_code == county}
    # The whole registry: 4 more codes wanted, the stand-in allows 7 in all.
    assert run("qr", "create", "--posters-per-village", "2", "--rate", "0") == cli_qr.EXIT_LIMIT
    out = capsys.readouterr()
    assert "codes: 1 created, 6 already had one, 3 waiting" in out.out and "45029" in out.err
    assert PARK not in {p.village_code for p in posters(runtime).values()}


def test_create_h5_needs_no_wechat(runtime: Runtime, wx: StandinWechat) -> None:
    assert run("qr", "create", "--kind", "h5") == 0
    assert {p.content for p in posters(runtime).values()} == {f"{BASE}/v/{v.code}" for v in REAL}
    assert wx.calls == []


def test_create_error_says_run_again(runtime: Runtime, wx: StandinWechat, capsys: pytest.CaptureFixture[str]) -> None:
    wx.fail(40164)
    assert run("qr", "create", "--rate", "0") == 1
    assert "run again to resume" in capsys.readouterr().err


def test_posters_print_stored_codes_and_change_nothing(
    runtime: Runtime, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("qr", "create", "--county", "630202000000", "--rate", "0") == 0  # wechat codes for 乐都区
    before = {s: p.content for s, p in posters(runtime).items()}
    out = tmp_path / "all.pdf"
    args = ("qr", "posters", "--size", "A4", "--out", str(out), "--png", str(tmp_path / "png"))
    assert run(*args, "--svg", str(tmp_path / "svg")) == 0
    # Printing is read-only: the villages without a poster are named, not given one behind the user's back.
    err = capsys.readouterr().err
    assert "3 个村还没有海报" in err and "qingfeng qr create" in err
    assert {s: p.content for s, p in posters(runtime).items()} == before
    assert len(pypdf.PdfReader(out).pages) == len(before)
    # Once `qr create --kind h5` made the rest, every village prints.
    assert run("qr", "create", "--kind", "h5") == 0
    rows = posters(runtime)
    assert {s: rows[s].content for s in before} == before
    assert {rows[v.code].kind for v in REAL if v.county_code == "630223000000"} == {"h5"}
    assert run(*args, "--svg", str(tmp_path / "svg")) == 0
    reader = pypdf.PdfReader(out)
    assert len(reader.pages) == len(REAL)
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert all(v.name in text for v in REAL) and "产业园虚拟村" not in text
    for scene, row in rows.items():
        found = read_qr_codes(Image.open(tmp_path / "png" / f"{scene}.png").convert("L"))
        assert [f.text for f in found] == [row.content]
        assert (tmp_path / "svg" / f"{scene}.svg").is_file()
    # A reprint is the same posters with the same codes.
    again = tmp_path / "again.pdf"
    assert run("qr", "posters", "--size", "A3", "--out", str(again)) == 0
    assert {s: p.content for s, p in posters(runtime).items()} == {s: p.content for s, p in rows.items()}
    assert len(pypdf.PdfReader(again).pages) == len(REAL)


def with_base(runtime: Runtime, monkeypatch: pytest.MonkeyPatch, url: str, env: str = "dev") -> Runtime:
    settings = runtime.settings.model_copy(update={"public_base_url": url, "env": env})
    rt = dataclasses.replace(runtime, settings=settings)
    monkeypatch.setattr(Runtime, "from_settings", lambda *a, **k: rt)
    return rt


def test_create_says_where_codes_lead_and_refuses_a_local_origin(
    runtime: Runtime, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("qr", "create", "--kind", "h5", "--county", "630223000000") == 0
    assert f"will carry: {BASE}" in capsys.readouterr().out
    before = posters(runtime)
    with_base(runtime, monkeypatch, "http://127.0.0.1:8000")
    assert run("qr", "create", "--kind", "h5") == 2
    captured = capsys.readouterr()
    assert "will carry: http://127.0.0.1:8000" in captured.out and "--allow-local" in captured.err
    assert posters(runtime).keys() == before.keys()  # nothing made
    with_base(runtime, monkeypatch, "https://192.168.1.20")
    assert run("qr", "create", "--kind", "h5") == 2
    # --allow-local is for a developer's own network, in dev only.
    with_base(runtime, monkeypatch, "http://127.0.0.1:8000", env="prod")
    assert run("qr", "create", "--kind", "h5", "--allow-local") == 2
    with_base(runtime, monkeypatch, "http://127.0.0.1:8000")
    assert run("qr", "create", "--kind", "h5", "--allow-local") == 0
    made = {p.content for p in posters(runtime).values()} - {p.content for p in before.values()}
    assert made and all(c and c.startswith("http://127.0.0.1:8000/v/") for c in made)


def test_posters_refuse_stored_links_to_a_local_origin(
    runtime: Runtime, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with_base(runtime, monkeypatch, "http://127.0.0.1:8000")
    assert run("qr", "create", "--kind", "h5", "--allow-local") == 0
    out = tmp_path / "p.pdf"
    with_base(runtime, monkeypatch, BASE)  # the setting was fixed later: the stored links still lead nowhere
    assert run("qr", "posters", "--size", "A4", "--out", str(out)) == 2
    assert "http://127.0.0.1:8000" in capsys.readouterr().err and not out.exists()
    assert run("qr", "posters", "--size", "A4", "--out", str(out), "--allow-local") == 0
    assert len(pypdf.PdfReader(out).pages) == len(REAL)


def test_posters_by_town_and_by_file(runtime: Runtime, tmp_path: Path) -> None:
    assert run("qr", "create", "--kind", "h5") == 0
    out = tmp_path / "town.pdf"
    assert run("qr", "posters", "--town", "630223106000", "--size", "A4", "--out", str(out)) == 0
    assert len(pypdf.PdfReader(out).pages) == 3
    listing = tmp_path / "villages.txt"
    listing.write_text(f"# two villages\n630202101201,新庄村\n{PARK}\n\n630223106213\n", encoding="utf-8")
    assert run("qr", "posters", "--villages", str(listing), "--size", "A4", "--out", str(out)) == 0
    text = "".join(p.extract_text() for p in pypdf.PdfReader(out).pages)
    assert "新庄村" in text and "土观村" in text and len(pypdf.PdfReader(out).pages) == 2


def test_posters_leave_out_wechat_posters_without_a_code(
    runtime: Runtime, wx: StandinWechat, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    wx.fail(40164)
    assert run("qr", "create", "--rate", "0") == 1  # rows made, no code
    capsys.readouterr()
    out = tmp_path / "p.pdf"
    assert run("qr", "posters", "--size", "A4", "--out", str(out)) == 0
    captured = capsys.readouterr()
    assert "0 pages written" in captured.out and f"{len(REAL)} wechat posters have no code yet" in captured.err


def test_posters_refuse_bad_input(runtime: Runtime, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "p.pdf"
    listing = tmp_path / "v.txt"
    listing.write_text("999999999999\n", encoding="utf-8")
    assert run("qr", "posters", "--villages", str(listing), "--size", "A4", "--out", str(out)) == 2
    assert "unknown village codes" in capsys.readouterr().err
    assert run("qr", "posters", "--size", "A4", "--out", str(out), "--font", str(tmp_path / "none.ttf")) == 2
    bogus = tmp_path / "bogus.ttf"
    bogus.write_bytes(b"not a font")
    assert run("qr", "posters", "--size", "A4", "--out", str(out), "--font", str(bogus)) == 2
    assert "font not usable" in capsys.readouterr().err
    assert not out.exists() and not (tmp_path / "p.pdf.part").exists()  # no half-written PDF left behind
