"""conflict-of-interest screening of inquiries: who a 转人工 question accuses

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-06 11:30:00

An inquiry whose words name a cadre is shown to the county discipline commission and the city only,
never to the town (cases/handling/inquiries.py). New rows are screened when recorded (cases/routing/cadres.py). Rows
already stored are screened here with a frozen, broad word list: a question that may name a cadre is
marked "unknown" and leaves the town's view (when in doubt, up).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Frozen with this migration: later vocabulary changes apply to new inquiries, not to this backfill.
_CADRE_WORDS = (
    "书记", "支书", "主任", "干部", "领导", "村长", "镇长", "乡长", "社长", "组长", "队长", "局长", "科长", "股长",
    "会计", "文书", "出纳", "两委", "村委", "监委", "妇联", "包村", "驻村", "工作队", "网格员", "政府", "当官",
    "管事", "村官", "官员", "委员", "主席", "负责人", "经办人",
)  # fmt: skip


def upgrade() -> None:
    with op.batch_alter_table("inquiries", schema=None) as batch_op:
        batch_op.add_column(sa.Column("accused_level", sa.String(length=16), nullable=True))
    inquiries = sa.table("inquiries", sa.column("question", sa.Text), sa.column("accused_level", sa.String))
    named = sa.or_(*(inquiries.c.question.contains(word, autoescape=True) for word in _CADRE_WORDS))
    op.execute(inquiries.update().where(named).values(accused_level="unknown"))


def downgrade() -> None:
    with op.batch_alter_table("inquiries", schema=None) as batch_op:
        batch_op.drop_column("accused_level")
