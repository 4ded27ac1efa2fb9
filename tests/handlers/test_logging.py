"""Logs are JSON lines with a request id and a keyed pseudonym of the openid, never the openid itself."""

from __future__ import annotations

import io
import json
import logging

from sqlalchemy import Engine

from config.privacy import openid_tag
from handlers.api.observability import configure_logging
from tests.webhook_support import Sender, make_client, settings_for_tests, text_xml


def test_webhook_logs_request_id_and_pseudonym_not_openid(engine: Engine) -> None:
    buffer = io.StringIO()
    configure_logging(stream=buffer)
    try:
        sender = Sender(make_client(engine))
        openid = "oRAWopenid-must-not-appear"
        sender.reply_text(text_xml(openid, "菜单"))
    finally:
        logging.getLogger("qingfeng").handlers.clear()
    lines = [json.loads(line) for line in buffer.getvalue().splitlines()]
    message = next(doc for doc in lines if doc["msg"] == "message")
    assert message["kind"] == "text" and message["request_id"] != "-"
    assert message["user"] == openid_tag(openid, key=settings_for_tests().secret_key)
    assert openid not in buffer.getvalue()
