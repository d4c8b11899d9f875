"""Reports (one article's event before linking) and user split constraints, for the linker's index.

Revision ID: 0002
Revises: 0001
"""
import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

ID = sa.String(300)


def upgrade() -> None:
    op.create_table(
        "reports",
        sa.Column("report_id", ID, primary_key=True),
        sa.Column("event_id", ID, nullable=False),
        sa.Column("date_earliest", sa.Date), sa.Column("date_latest", sa.Date),
        sa.Column("latitude", sa.Float), sa.Column("longitude", sa.Float),
        sa.Column("seq", sa.Integer),
        sa.Column("json", sa.Text, nullable=False),
    )
    op.create_index("ix_reports_event_id", "reports", ["event_id"])
    op.create_index("ix_reports_dates", "reports", ["date_earliest", "date_latest"])
    op.create_table(
        "link_splits",
        sa.Column("a", ID, primary_key=True), sa.Column("b", ID, primary_key=True),
    )


def downgrade() -> None:
    op.drop_table("link_splits")
    op.drop_table("reports")
