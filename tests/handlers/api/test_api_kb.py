"""GET /api/kb/search: hits as JSON, local entries scoped by the village's county, bad input as 400/422 JSON."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from tests.webhook_support import make_client

HUZHU_VILLAGE = "630223106213"  # 互助土族自治县
LEDU_VILLAGE = "630202103203"  # 乐都区


@pytest.fixture
def client(engine: Engine) -> TestClient:
    return make_client(engine)


def test_search_returns_hits_with_their_fields_and_the_confident_flag(client: TestClient) -> None:
    response = client.get("/api/kb/search", params={"q": "雨露计化一年能领多少钱"})
    assert response.status_code == 200
    body = response.json()
    assert set(body) >= {"hits", "confident", "out_of_scope", "kb_version"}
    hit = body["hits"][0]
    assert set(hit) == {"entry_id", "topics", "score", "title"}
    assert hit["entry_id"].startswith("yulu-plan") and "yulu-plan" in hit["topics"]
    assert isinstance(hit["score"], float) and body["confident"] is True
    assert body["village"] is None and body["county"] is None


def test_village_scopes_local_entries_to_its_county(client: TestClient) -> None:
    question = "互助县在哪反映问题"
    huzhu = client.get("/api/kb/search", params={"q": question, "village": HUZHU_VILLAGE}).json()
    ledu = client.get("/api/kb/search", params={"q": question, "village": LEDU_VILLAGE}).json()
    nowhere = client.get("/api/kb/search", params={"q": question}).json()
    assert huzhu["county"] == "630223" and huzhu["hits"][0]["entry_id"] == "how-to-report-630223"
    for other in (ledu, nowhere):
        assert "how-to-report-630223" not in [h["entry_id"] for h in other["hits"]]
    assert "how-to-report-630202" in [h["entry_id"] for h in ledu["hits"]]


def test_out_of_scope_question_is_flagged(client: TestClient) -> None:
    body = client.get("/api/kb/search", params={"q": "明天下雨不"}).json()
    assert body["out_of_scope"] is True and body["confident"] is False


def test_limit_is_respected(client: TestClient) -> None:
    body = client.get("/api/kb/search", params={"q": "补助", "limit": "5"}).json()
    assert 1 <= len(body["hits"]) <= 5


@pytest.mark.parametrize(
    ("query", "status", "message"),
    [
        ("", 400, "q is required"),
        ("q=", 422, "q is empty"),
        ("q=%20%20", 422, "q is empty"),
        ("q=" + "低" * 201, 422, "longer than 200"),
        ("q=%E4%BD%8E%00", 422, "control characters"),
        ("q=a&q=b", 400, "more than once"),
        ("q=低保&village=6302231062", 422, "12-digit"),
        ("q=低保&village=６３０２２３１０６２１３", 422, "12-digit"),
        ("q=低保&village=630223106299", 422, "unknown village"),
        ("q=低保&limit=0", 422, "limit"),
        ("q=低保&limit=abc", 422, "limit"),
        ("q=低保&limit=11", 422, "limit"),
    ],
)
def test_bad_input_is_a_json_error_never_a_500(client: TestClient, query: str, status: int, message: str) -> None:
    response = client.get(f"/api/kb/search?{query}")
    assert response.status_code == status
    assert response.headers["content-type"].startswith("application/json")
    assert message in response.json()["error"]


@pytest.mark.parametrize("q", ["😀😀😀", "ＡＢＣ低保", "'; DROP TABLE projects; --", "%%%", "\u200b"])
def test_odd_text_is_searched_not_crashed_on(client: TestClient, q: str) -> None:
    response = client.get("/api/kb/search", params={"q": q})
    assert response.status_code in (200, 422)
    assert "hits" in response.json() or "error" in response.json()
