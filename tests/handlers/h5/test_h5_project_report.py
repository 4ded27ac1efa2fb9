"""A report opened from a project (`?project=N`) starts with the project named; the prefilled words alone are not
a report: the villager's own words must follow them (issue #20 §1), and what was typed is kept."""

from __future__ import annotations

import html as htmllib
import re
from pathlib import Path

import pytest
from sqlalchemy import Engine

from tests.h5_support import h5_client
from tests.handlers.h5.test_h5_pages import BASE, preview

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


@pytest.mark.parametrize("after", ["", "   ", "\n"])
def test_the_prefilled_project_words_alone_are_refused_and_kept(engine: Engine, tmp_path: Path, after: str) -> None:
    c = h5_client(engine, tmp_path / "media")
    form = htmllib.unescape(c.get(BASE + "/report?project=1").text)
    named = re.search(r"(对[0-9]+年的项目“[^”]+”有疑问：)</textarea>", form)
    assert named is not None
    page = preview(c, category="project", description=named.group(1) + after)
    shown = htmllib.unescape(page.text)
    assert page.status_code == 400 and "请在“有疑问：”后面写下您的疑问" in shown
    assert f">{named.group(1)}" in shown  # the text stays in the box


def test_the_project_words_with_the_villagers_own_go_on_to_the_confirmation(engine: Engine, tmp_path: Path) -> None:
    c = h5_client(engine, tmp_path / "media")
    form = htmllib.unescape(c.get(BASE + "/report?project=1").text)
    named = re.search(r"(对[0-9]+年的项目“[^”]+”有疑问：)</textarea>", form)
    assert named is not None
    page = preview(c, category="project", description=named.group(1) + "水渠修了一半就停工了")
    assert page.status_code == 200 and "有疑问：" in htmllib.unescape(page.text)
    assert "请在“有疑问：”后面" not in htmllib.unescape(page.text)
