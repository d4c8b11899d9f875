"""Event redirects: where an event id went when its event was merged into another.

A link to an event (a bookmark, a report, a shared URL) must not break because the
linker or an analyst later found that it and another event are one: the old id
points at the event that absorbed it, and the API answers with a redirect.

Revision ID: 0005
Revises: 0004
"""
import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "event_redirects",
        sa.Column("old_id", sa.String(300), primary_key=True),
        sa.Column("new_id", sa.String(300), nullable=False, index=True),
        sa.Column("reason", sa.String(20), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("event_redirects")
