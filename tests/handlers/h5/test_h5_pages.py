"""The H5 page behind every poster over HTTP: the village's page, policy search, a report posted twice
(one case, channel h5), upload checks, tracking with the rating, the friendly 404, CSRF and rate limits,
and scan counting from the webhook and from H5 visits."""

from __future__ import annotations

import html as htmllib
import io
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from PIL import Image
from sqlalchemy import Engine, func, select

from cases.handling import case_steps
from storage.db import make_sessionmaker, transaction
from storage.models import ScanDaily
from storage.models.cases import Case, CaseEvidence, RateCounter
from storage.types import utcnow
from tests.cases_support import KEYS, VILLAGE
from tests.h5_support import UA_WECHAT, WECHAT_URL, csrf_of, h5_client, hidden, png_bytes
from tests.qr_support import read_qr_codes
from tests.webhook_support import Sender, event_xml

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")
BASE = f"/v/{VILLAGE}"


@pytest.fixture
def client(engine: Engine, tmp_path: Path) -> TestClient:
    return h5_client(engine, tmp_path / "media")


def scans(engine: Engine, channel: str) -> dict[str, int]:
    with make_sessionmaker(engine)() as s:
        rows = s.execute(select(ScanDaily.scene, ScanDaily.count).where(ScanDaily.channel == channel)).all()
    return {scene: count for scene, count in rows}


def cases(engine: Engine) -> list[Case]:
    with make_sessionmaker(engine)() as s:
        return list(s.scalars(select(Case).order_by(Case.id)))


def fields(**changes: str) -> dict[str, str]:
    values = {
        "category": "funds",
        "cadre_level": "village",
        "description": "村会计把我家的危房改造补助扣了 3000 元",
        "anonymous": "1",
        "name": "",
        "phone": "",
        "lat": "",
        "lng": "",
        "accuracy": "",
    }
    values.update(changes)
    return values


def preview(c: TestClient, files: list[tuple[str, tuple[str, bytes, str]]] | None = None, **changes: str):  # type: ignore[no-untyped-def]
    form = c.get(BASE + "/report")
    assert form.status_code == 200
    key = re.search(r'name="key" value="([^"]+)"', form.text).group(1)  # type: ignore[union-attr]
    data = {"csrf": csrf_of(form.text), "key": key, "step": "preview", **fields(**changes)}
    return c.post(BASE + "/report", data=data, files=files or [])


def confirm(c: TestClient, page: str):  # type: ignore[no-untyped-def]
    data: dict[str, list[str]] = {}
    for name, value in hidden(page):
        data.setdefault(name, []).append(htmllib.unescape(value))
    data["step"] = ["submit"]
    return c.post(BASE + "/report", data=data)


def number_and_code(page: str) -> tuple[str, str]:
    number = re.search(r'id="case-number">([^<]+)<', page).group(1)  # type: ignore[union-attr]
    code = re.search(r'id="query-code">([^<]+)<', page).group(1)  # type: ignore[union-attr]
    return number, code


def test_village_page_shows_full_name_projects_and_counts_the_visit(client: TestClient, engine: Engine) -> None:
    page = client.get(BASE)
    assert page.status_code == 200
    assert "互助土族自治县 五十镇" in page.text and "土观村委会" in page.text
    assert "土观村巷道硬化工程" in page.text and "86万元" in page.text and "共 1 个项目" in page.text
    assert "code.png" not in page.text  # outside WeChat: no follow code
    client.get(BASE + "-2")
    assert scans(engine, "h5") == {VILLAGE: 1, f"{VILLAGE}-2": 1}
    with make_sessionmaker(engine)() as s:
        row = s.scalars(select(ScanDaily).where(ScanDaily.scene == VILLAGE)).one()
        assert row.first_seen is not None and row.last_seen >= row.first_seen
    assert page.headers["cache-control"] == "no-store"


def test_inside_wechat_the_page_shows_the_villages_parametric_code(client: TestClient) -> None:
    page = client.get(BASE + "-2", headers={"User-Agent": UA_WECHAT})
    assert "长按识别" in page.text and f"/v/{VILLAGE}-2/code.png" in page.text
    image = client.get(f"/v/{VILLAGE}-2/code.png", headers={"User-Agent": UA_WECHAT})
    assert image.status_code == 200 and image.headers["content-type"] == "image/png"
    import io

    from PIL import Image

    decoded = read_qr_codes(Image.open(io.BytesIO(image.content)))
    assert [d.text for d in decoded] == [WECHAT_URL]


def test_policy_search_uses_the_knowledge_base(client: TestClient) -> None:
    page = client.get(BASE + "/search", params={"q": "低保怎么申请"})
    assert page.status_code == 200
    assert "低保" in page.text and "没有找到相关政策" not in page.text
    empty = client.get(BASE + "/search", params={"q": "  "})
    assert empty.status_code == 200 and "请输入想了解的政策" in empty.text


def test_report_with_photo_and_location_posted_twice_makes_one_case(
    client: TestClient, engine: Engine, tmp_path: Path
) -> None:
    photo = png_bytes()
    page = preview(
        client,
        files=[("photos", ("wall.png", photo, "image/png"))],
        lat="36.8352",
        lng="101.9521",
        accuracy="20",
    )
    assert page.status_code == 200 and "请核对后提交" in page.text and "1 张" in page.text
    assert cases(engine) == []  # the confirm step creates nothing
    first = confirm(client, page.text)
    second = confirm(client, page.text)
    assert first.status_code == 200 and second.status_code == 200
    assert "已收到您的反映" in first.text and "已经提交过了" in second.text
    assert number_and_code(first.text) == number_and_code(second.text)
    (case,) = cases(engine)
    assert case.channel == "h5" and case.number == number_and_code(first.text)[0]
    assert case.anonymous and case.reporter_tag is None
    assert case.location_datum == "wgs84" and case.location_source == "browser" and abs(case.lat - 36.8352) < 1e-6  # type: ignore[operator]
    with make_sessionmaker(engine)() as s:
        (evidence,) = s.scalars(select(CaseEvidence).where(CaseEvidence.case_id == case.id)).all()
    assert evidence.download_status == "stored" and evidence.content_type == "image/png"
    assert (tmp_path / "media" / evidence.storage_key).read_bytes() == photo  # type: ignore[operator]
    assert "受理" in first.text  # the first-response deadline


def test_an_uploaded_photo_is_stored_without_its_gps_position(
    client: TestClient, engine: Engine, tmp_path: Path
) -> None:
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"
    exif.get_ifd(0x8825).update({1: "N", 2: (36.0, 50.0, 7.0), 3: "E", 4: (101.0, 57.0, 8.0)})
    out = io.BytesIO()
    Image.new("RGB", (24, 24), (90, 120, 60)).save(out, "JPEG", exif=exif.tobytes())
    photo = out.getvalue()
    done = confirm(client, preview(client, files=[("photos", ("home.jpg", photo, "image/jpeg"))]).text)
    assert "已收到您的反映" in done.text
    (case,) = cases(engine)
    with make_sessionmaker(engine)() as s:
        (evidence,) = s.scalars(select(CaseEvidence).where(CaseEvidence.case_id == case.id)).all()
    stored = (tmp_path / "media" / evidence.storage_key).read_bytes()  # type: ignore[operator]
    assert b"PhoneMaker" in photo and b"PhoneMaker" not in stored
    with Image.open(io.BytesIO(stored)) as image:
        assert not image.getexif().get_ifd(0x8825)
    assert evidence.size_bytes == len(stored)


def test_real_name_report_and_the_same_validation_as_the_chat(client: TestClient, engine: Engine) -> None:
    no_level = preview(client, cadre_level="")
    assert no_level.status_code == 400 and "被反映人" in no_level.text
    no_phone = preview(client, anonymous="0", name="张三")
    assert no_phone.status_code == 400 and "手机号" in no_phone.text
    bad_phone = preview(client, anonymous="0", name="张三", phone="12345")
    assert bad_phone.status_code == 400 and "11 位数字" in bad_phone.text
    empty = preview(client, description=" ")
    assert empty.status_code == 400 and "请说说发生了什么" in empty.text
    too_long = preview(client, description="字" * 2001)
    assert too_long.status_code == 400 and "最多 2000 字" in too_long.text
    bad_place = preview(client, lat="123", lng="400")
    assert bad_place.status_code == 400 and "位置坐标不正确" in bad_place.text
    ok = preview(client, anonymous="0", name="张三", phone="13800138000")
    assert ok.status_code == 200
    done = confirm(client, ok.text)
    assert "已收到您的反映" in done.text
    (case,) = cases(engine)
    assert not case.anonymous and case.identity_seal and "13800138000" not in case.identity_seal


def test_bad_uploads_are_refused_clearly(engine: Engine, tmp_path: Path) -> None:
    c = h5_client(engine, tmp_path / "media", media_max_bytes=2048)
    fake = preview(c, files=[("photos", ("evil.jpg", b"<script>alert(1)</script>", "image/jpeg"))])
    assert fake.status_code == 400 and "不是照片" in fake.text and "<script>alert" not in fake.text
    pdf = preview(c, files=[("photos", ("a.pdf", b"%PDF-1.4 hello", "application/pdf"))])
    assert pdf.status_code == 400 and "不是照片" in pdf.text
    big = preview(c, files=[("photos", ("big.png", png_bytes(size=400) + b"\0" * 4096, "image/png"))])
    assert big.status_code == 400 and "太大" in big.text
    ten = [("photos", (f"p{i}.png", png_bytes(size=8), "image/png")) for i in range(10)]
    many = preview(c, files=ten)
    assert many.status_code == 400 and "最多 9 张" in many.text
    assert cases(engine) == []


def test_tracking_shows_public_replies_and_outcome_and_takes_the_rating(client: TestClient, engine: Engine) -> None:
    done = confirm(client, preview(client).text)
    number, code = number_and_code(done.text)
    form = client.get(BASE + "/track")
    token = csrf_of(form.text)
    wrong = client.post(
        BASE + "/track", data={"csrf": token, "number": number, "code": "000000" if code != "000000" else "111111"}
    )
    assert wrong.status_code == 400 and "还可以再试 4 次" in wrong.text
    seen = client.post(BASE + "/track", data={"csrf": token, "number": number, "code": code})
    assert seen.status_code == 200 and number in seen.text and "还没有答复" in seen.text
    with transaction(make_sessionmaker(engine)) as s:
        case = s.scalars(select(Case).where(Case.number == number)).one()
        case_steps.accept(s, case=case, actor="staff", keys=KEYS, now=utcnow())
        case_steps.public_reply(
            s, case=case, text="已派人核查，补助将于本月发放。", actor="staff", keys=KEYS, now=utcnow()
        )
        case_steps.close(
            s, case=case, finding="查实", resolution="已退还 3000 元。", actor="staff", keys=KEYS, now=utcnow()
        )
    seen = client.post(BASE + "/track", data={"csrf": token, "number": number, "code": code})
    assert "已派人核查" in seen.text and "查实。已退还 3000 元。" in seen.text and "请评价办理结果" in seen.text
    assert all(f'value="{n}"' in seen.text for n in range(1, 6)) and "非常不满意" in seen.text  # the five levels
    rated = client.post(BASE + "/rate", data={"csrf": token, "number": number, "code": code, "rating": "1"})
    assert rated.status_code == 200 and "感谢您的评价（非常满意）" in rated.text and "请评价办理结果" not in rated.text
    again = client.post(BASE + "/rate", data={"csrf": token, "number": number, "code": code, "rating": "3"})
    assert again.status_code == 400 and "已评价过" in again.text
    assert cases(engine)[0].rating == 1


def test_unknown_scene_is_a_friendly_404_with_a_village_search(client: TestClient) -> None:
    for path in ("/v/999999999999", "/v/630223106213-77", "/v/abc", "/v/630223106000"):
        page = client.get(path)
        assert page.status_code == 404, path
        assert "没有找到这个二维码对应的村" in page.text and 'action="/v/find"' in page.text
    found = client.get("/v/find", params={"q": "土观"})
    assert found.status_code == 200 and f'href="/v/{VILLAGE}"' in found.text
    none = client.get("/v/find", params={"q": "不存在的地方"})
    assert "没有找到“不存在的地方”" in none.text


def test_posts_without_a_valid_csrf_token_are_refused(client: TestClient, engine: Engine) -> None:
    client.get(BASE)
    refused = client.post(BASE + "/report", data={"step": "submit", "key": "k" * 24, **fields()})
    assert refused.status_code == 403 and "CSRF" in refused.text
    forged = client.post(BASE + "/report", data={"csrf": "forged", "step": "submit", "key": "k" * 24, **fields()})
    assert forged.status_code == 403
    fresh = TestClient(client.app)  # no device cookie at all
    token = csrf_of(client.get(BASE + "/report").text)
    assert fresh.post(BASE + "/track", data={"csrf": token, "number": "x", "code": "1"}).status_code == 403
    assert cases(engine) == []


def test_reports_are_rate_limited_per_device_in_the_database(engine: Engine, tmp_path: Path) -> None:
    c = h5_client(engine, tmp_path / "media", reports_per_day=2)
    for _ in range(2):
        assert "已收到您的反映" in confirm(c, preview(c).text).text
    refused = confirm(c, preview(c).text)
    assert refused.status_code == 429 and "已达上限" in refused.text
    assert len(cases(engine)) == 2
    with make_sessionmaker(engine)() as s:
        buckets = list(s.scalars(select(RateCounter.bucket)))
        assert any(":ip:" in b for b in buckets) and any(":dev:" in b for b in buckets)
        assert not any("127.0.0.1" in b or "testclient" in b for b in buckets)  # the IP is hashed
        total = s.scalar(select(func.count()).select_from(RateCounter))
        assert total


def test_webhook_scans_are_counted_per_scene_and_channel(client: TestClient, engine: Engine) -> None:
    sender = Sender(client)
    sender.reply_text(event_xml("o-scan-1", "subscribe", f"qrscene_{VILLAGE}-2"))
    sender.reply_text(event_xml("o-scan-2", "SCAN", f"{VILLAGE}-2"))
    sender.reply_text(event_xml("o-scan-1", "SCAN", f"{VILLAGE}-2"))
    sender.reply_text(event_xml("o-scan-3", "SCAN", "999999999999"))  # not ours: not counted
    assert scans(engine, "subscribe") == {f"{VILLAGE}-2": 1}
    assert scans(engine, "scan") == {f"{VILLAGE}-2": 2}


def test_a_database_outage_is_a_503_page_not_a_500(
    client: TestClient, engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    from handlers.h5 import home

    def broken(*_a: object, **_k: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(home, "list_projects", broken)
    page = client.get(BASE)
    assert page.status_code == 503 and "系统出现问题" in page.text


def test_tracking_reads_a_number_and_code_as_typed_and_keeps_the_text(client: TestClient) -> None:
    """Spaces, full-width digits and a code in groups are read as the chat reads them; a number that does not
    fit is named back, never rewritten into another; the typed number stays in its field on every failure."""
    done = confirm(client, preview(client).text)
    number, code = number_and_code(done.text)
    token = csrf_of(client.get(BASE + "/track").text)
    spaced = number.replace("-", " ")
    wide = number.translate(str.maketrans("0123456789-", "０１２３４５６７８９－"))
    wide_code = code.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    for typed_number, typed_code in ((spaced, code), (wide, wide_code), (number, f"{code[:3]} {code[3:]}")):
        seen = client.post(BASE + "/track", data={"csrf": token, "number": typed_number, "code": typed_code})
        assert seen.status_code == 200 and number in seen.text and "还没有答复" in seen.text
    short = number[:-1]  # one digit of the serial missing: not padded into some other case
    doubt = client.post(BASE + "/track", data={"csrf": token, "number": short, "code": code})
    assert doubt.status_code == 400 and f"“{short}”不是完整的案件编号" in doubt.text
    assert f'value="{short}"' in doubt.text
    no_code = client.post(BASE + "/track", data={"csrf": token, "number": spaced, "code": "12345"})
    assert no_code.status_code == 400 and "6 位数字的查询码" in no_code.text and f'value="{spaced}"' in no_code.text
    wrong = "000000" if code != "000000" else "111111"
    missed = client.post(BASE + "/track", data={"csrf": token, "number": wide, "code": wrong})
    assert missed.status_code == 400 and "还可以再试 4 次" in missed.text and f'value="{wide}"' in missed.text
