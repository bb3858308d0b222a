"""Indexes for the hot pages at a commission's scale (issue 10).

Every list skips soft-deleted rows, so each index starts with deleted_at and goes on with the
list's sort key and id (every list's tie-break): the database reads a page in index order
instead of sorting the whole table, and deep pages read their ids from the index alone. Plus
the confidential flag, which the confidentiality rule looks up on every staff query of needs,
follow-ups done per month for the report, and the dashboard's "what I created last".

Revision ID: 0008_performance_indexes
Revises: 0007_pinyin_search_keys
"""

from alembic import op

revision = "0008_performance_indexes"
down_revision = "0007_pinyin_search_keys"
branch_labels = None
depends_on = None

# (table, index name, columns)
INDEXES = [
    ("need", "ix_need_deleted_at_created_at", ["deleted_at", "created_at", "id"]),
    ("need", "ix_need_deleted_at_stage", ["deleted_at", "stage", "stage_changed_at", "id"]),
    ("need", "ix_need_confidential", ["confidential"]),
    ("organisation", "ix_organisation_deleted_at_name", ["deleted_at", "name", "id"]),
    ("person", "ix_person_deleted_at_full_name", ["deleted_at", "full_name", "id"]),
    ("person", "ix_person_deleted_at_organisation_id", ["deleted_at", "organisation_id"]),
    ("delegation", "ix_delegation_deleted_at_start_date", ["deleted_at", "start_date", "id"]),
    ("followup", "ix_followup_status_completed_at", ["status", "completed_at"]),  # report
    # The dashboard's "what I created last" of each kind.
    ("delegation", "ix_delegation_created_by_id_created_at", ["created_by_id", "created_at"]),
    ("organisation", "ix_organisation_created_by_id_created_at", ["created_by_id", "created_at"]),
    ("person", "ix_person_created_by_id_created_at", ["created_by_id", "created_at"]),
]


def upgrade() -> None:
    for table, name, columns in INDEXES:
        with op.batch_alter_table(table) as batch:
            batch.create_index(name, columns)


def downgrade() -> None:
    for table, name, _columns in reversed(INDEXES):
        with op.batch_alter_table(table) as batch:
            batch.drop_index(name)
