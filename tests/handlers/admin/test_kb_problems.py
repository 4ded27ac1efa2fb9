"""A refused knowledge-base reload on /admin/kb lists its problems in plain Chinese: each names the entry by
its title and the file the maintainer edits, and the field by its Chinese name; never the checker's English,
an entry id or a field key."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml
from sqlalchemy import Engine

from handlers.admin import kb_problems
from handlers.admin.kb_problems import GENERAL, sentence
from knowledge.loader import ENTRIES_DIR
from storage.db import make_sessionmaker, transaction
from tests.cases_support import VILLAGE
from tests.handlers.admin.test_admin_pages import client, login
from tests.staff_support import drafted_inquiry
from tests.webhook_support import make_client

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

SOURCE = ENTRIES_DIR / "tekun" / "tekun-care.yaml"


def _break(entries: Path) -> None:
    """Broken files added once the app has started (it loads the directory at start)."""
    data = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
    twin = {**data, "id": "tekun-care-twin", "title": "特困人员的另一种问法"}  # same questions as tekun-care
    twin["answer"] = "谁能享受：特困人员。\n怎么办：向乡镇提出。"  # two of the four parts
    (entries / "tekun" / "tekun-care-twin.yaml").write_text(yaml.safe_dump(twin, allow_unicode=True), "utf-8")
    (entries / "tekun" / "half.yaml").write_text("id: half\ntitle: 半截条目\nquestions: [只有一问]\n", "utf-8")
    (entries / "tekun" / "garbled.yaml").write_text("id: [unclosed\n  title: :\n", "utf-8")


def _problems(html: str) -> list[str]:
    box = html[html.index("没有重新加载") :]
    box = box[: box.index("</div>")]
    return [re.sub(r"<[^>]*>", "", li) for li in re.findall(r"<li>(.*?)</li>", box, flags=re.S)]


def test_a_refused_reload_lists_its_problems_in_plain_chinese(engine: Engine, tmp_path: Path) -> None:
    client(engine)  # the organisation and its accounts
    entries = tmp_path / "entries"
    shutil.copytree(ENTRIES_DIR, entries)
    c = make_client(engine, kb_dir=entries)
    _break(entries)
    token = login(c, "admin")
    refused = c.post("/admin/kb/reload", data={"csrf": token})
    assert refused.status_code == 400
    problems = _problems(refused.text)
    assert problems
    for line in problems:
        words = re.sub(r"文件 [\w./-]+\.yaml", "", line)  # the file the maintainer edits may be named
        assert not re.search(r"[A-Za-z]", words.replace("YYYY", "")), line
    joined = "\n".join(problems)
    assert "条目“特困人员的另一种问法”（文件 tekun/tekun-care-twin.yaml）" in joined
    assert re.search(r"与条目“特困人员(在家养还是去敬老院|的另一种问法)”重复", joined)  # by title, not id
    assert "“答复”须依次包含“谁能享受：”“标准：”“怎么办：”“找谁：”四部分" in joined
    assert "文件 tekun/half.yaml：“群众常问的说法”至少要有" in joined
    assert "文件 tekun/garbled.yaml：文件格式有误" in joined
    assert str(tmp_path) not in refused.text
    words = re.sub(r"条目“[^”]*”", "", joined)  # entries are named by title, which may say anything
    assert "问法" not in words and "答案" not in words  # the form's words, never the checker's own


def test_an_unknown_message_becomes_a_general_sentence() -> None:
    assert sentence("something new the checker learnt", {}) == GENERAL
    assert sentence("sources[1]: `verified` is missing", {}) == "第 2 个依据文件：缺少“核实情况”。"
    assert sentence("answer has 900 characters (at most 600)", {}) == "“答复”有 900 个字，最多 600 个字。"


def test_the_kb_page_speaks_chinese(engine: Engine) -> None:
    client(engine)  # the organisation and its accounts
    c = make_client(engine)
    login(c, "admin")
    page = c.get("/admin/kb").text
    main = page[page.index("<main>") : page.index("</main>")]
    shown = re.sub(r"<[^>]*>", "", main)
    assert "依据文件" in shown
    assert not re.search(r"[A-Za-z]{2,}", shown), re.findall(r"[A-Za-z]{2,}", shown)


def test_the_drafts_name_the_county_and_the_person_never_a_code_or_login(engine: Engine) -> None:
    client(engine)  # the organisation and its accounts
    c = make_client(engine)
    sessions = make_sessionmaker(engine)
    question = "俺家娃考上了职业学校 雨露计划的钱啥时候发"
    with transaction(sessions) as s:
        drafted_inquiry(s, openid="o-kb-draft", village_code=VILLAGE, question=question)
    login(c, "admin")
    page = c.get("/admin/kb").text
    table = page[page.index('<table id="kb-drafts">') : page.index("</table>", page.index('id="kb-drafts"'))]
    row = re.sub(r"\s+", " ", re.sub(r"<[^>]*>", " ", table))
    assert question in row and "互助土族自治县" in row and "待写成条目" in row
    assert "李明（互助土族自治县纪委监委）" in row
    assert "630223" not in row and "kb_drafter" not in row and "inquiry" not in row and ".yaml" not in row
    main = re.sub(r"<[^>]*>", "", page[page.index("<main>") : page.index("</main>")])
    assert not re.search(r"[A-Za-z]{2,}", main), re.findall(r"[A-Za-z]{2,}", main)
    assert 'href="/admin/kb/entries/new?draft=' in table  # the row opens the filled-in new entry form


def test_every_field_is_named_by_the_label_the_form_gives_it() -> None:
    form = (Path(kb_problems.__file__).parent / "templates" / "kb_edit.html").read_text(encoding="utf-8")
    labels = re.sub(r"<[^>]*>|\{[{%].*?[%}]\}", "", form, flags=re.S)  # what the form says
    for key, name in kb_problems.FIELDS.items():
        if key != "id":  # the form never shows an entry's id
            assert name in labels, (key, name)
    assert "问法" not in labels  # the word the messages used to say
    said = {
        "`questions` needs at least 5 variants (has 2)": "“群众常问的说法”至少要有 5 种，现在只有 2 种。",
        "question '低保咋办' is also a question of 'dibao-apply'": "“群众常问的说法”中的“低保咋办”与条目“低保”重复。",
        "`unverified_figures` must be a list of non-empty strings": "“答复里还没核实的数字”应逐条列出，每条不能为空。",
        "figures[0]: `year` must be a string": "第 1 个标准数字：“哪一年的标准”应为文字。",
        "`topics` must hold 1 to 3 topics": "主题应有 1 到 3 个。",  # unchanged: the form's own word
    }
    for message, sentence_said in said.items():
        assert sentence(message, {"dibao-apply": "低保"}) == sentence_said, message
