"""A store generation counter: one row, bumped by every write transaction.

Readers (the web API's response cache and ETags) compare it to know whether
anything changed since a response was made, even when another process wrote.

Revision ID: 0004
Revises: 0003
"""
import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    meta = op.create_table(
        "store_meta",
        sa.Column("name", sa.String(100), primary_key=True),
        sa.Column("value", sa.BigInteger, nullable=False),
    )
    op.bulk_insert(meta, [{"name": "generation", "value": 0}])


def downgrade() -> None:
    op.drop_table("store_meta")
