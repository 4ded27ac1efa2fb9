"""case events name the unit they are about by its code (撤回会办)

Revision ID: 0024
Revises: 0023
Create Date: 2026-12-06 20:30:00

A withdrawal of a 会办 request found its co-unit by the unit's name in the event's text, so renaming the
unit lost the withdrawal. `case_events.target_unit` holds the unit's code instead. Existing withdrawals are
filled in from their text against the names the units have now (the text itself stays as it was).
The column is added without a batch (table copy) so that the scoreboard's trigger on case_events stays.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0024"
down_revision: str | None = "0023"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


# Each withdrawal made so far: the co-unit of its case whose name, as it is now, its text begins with (the
# longest such name, so a unit whose name begins with another's is told apart).
NAME_THE_UNITS = (
    "UPDATE case_events SET target_unit = ("
    " SELECT cu.unit_code FROM case_co_units AS cu JOIN units AS u ON u.code = cu.unit_code"
    " WHERE cu.case_id = case_events.case_id"
    " AND substr(case_events.reason, 1, length('撤回对' || u.name || '的会办请求：'))"
    " = '撤回对' || u.name || '的会办请求：'"
    " ORDER BY length(u.name) DESC, cu.unit_code LIMIT 1"
    ") WHERE action = 'opinion_withdrawn' AND target_unit IS NULL"
)


def upgrade() -> None:
    op.add_column("case_events", sa.Column("target_unit", sa.String(length=32), nullable=True))
    op.execute(NAME_THE_UNITS)


def downgrade() -> None:
    op.drop_column("case_events", "target_unit")
