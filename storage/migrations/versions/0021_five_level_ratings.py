"""five-level ratings (好差评, 国办发〔2019〕51号) and the rectification loop

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-06 17:20:00
"""

from collections.abc import Sequence

revision: str = "0021"
down_revision: str | None = "0020"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
