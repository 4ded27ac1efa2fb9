"""A 转人工 question's routing reason says plainly why it went to its unit: the asker chose no category, so the
reason names the words that picked a department, or says the question named no policy and went to the town as a
local matter; never 问题类别相符. A question naming a cadre keeps its recusal wording. SQLite and PostgreSQL."""

from __future__ import annotations

from sqlalchemy.orm import Session, sessionmaker

from storage.db import transaction
from tests.cases.handling.test_inquiry_routing import TOWN, _file
from tests.staff_support import load_org


def test_the_routing_reason_of_a_question_is_plain(sessions: sessionmaker[Session]) -> None:
    load_org(sessions)
    with transaction(sessions) as s:
        medical = _file(s, "住院报销的医保比例是多少？")
        village = _file(s, "俺村的路灯啥时候修？")
        accusing = _file(s, "村支书把我的低保停了，这合规吗？")
        assert (medical.unit_code, village.unit_code) == ("630223:yb", TOWN)  # where they go is unchanged
        said = {q.id: q.route_reason or "" for q in (medical, village, accusing)}
    assert said[medical.id].startswith("咨询问题里提到“") and "医保" in said[medical.id]
    assert "医疗保障局" in said[medical.id] or "医保局" in said[medical.id]
    assert said[village.id].startswith("咨询问题没有提到哪一项具体政策，按村里的一般事项交")
    assert "乡镇人民政府" in said[village.id] or "镇" in said[village.id]
    for reason in said.values():
        assert "问题类别相符" not in reason and "牵头办理" not in reason
    assert "回避" in said[accusing.id]  # a question naming a cadre: the recusal reason as before
