"""index a municipality's register, active links and qualification cases

Found by the load benchmark (bench/, docs/performance.md) on 100 000 associations:
- associations (home_municipality_id, status): the dashboard counts and the staff scope come from the index
  alone instead of a scan of every association; (home_municipality_id, submitted_at): the newest submissions
  without sorting the municipality's register. Both replace the single-column home_municipality_id index.
- association_municipalities (municipality_id): "who is active in this municipality" without a scan.
- qualification_cases (association_id, municipality_id) replaces the association_id index: without it SQLite
  chose the municipality_id index for one association's cases; (municipality_id, status, review_due_on)
  replaces the municipality_id index and serves the "due for renewal" list in order.

Revision ID: 43a8fbb81bee
Revises: b8b600b867db
Create Date: 2026-11-21 17:17:11.936724

"""
from alembic import op
import sqlalchemy as sa

import registry.core.models  # noqa: F401  (custom column types)


# revision identifiers, used by Alembic.
revision = '43a8fbb81bee'
down_revision = 'b8b600b867db'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('association_municipalities', schema=None) as batch_op:
        batch_op.create_index('ix_association_municipalities_municipality_id', ['municipality_id'], unique=False)

    with op.batch_alter_table('associations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_associations_home_municipality_id'))
        batch_op.create_index('ix_associations_home_municipality_status', ['home_municipality_id', 'status'], unique=False)
        batch_op.create_index('ix_associations_home_municipality_submitted', ['home_municipality_id', 'submitted_at'], unique=False)

    with op.batch_alter_table('qualification_cases', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_qualification_cases_association_id'))
        batch_op.drop_index(batch_op.f('ix_qualification_cases_municipality_id'))
        batch_op.create_index('ix_qualification_cases_association_municipality', ['association_id', 'municipality_id'], unique=False)
        batch_op.create_index('ix_qualification_cases_municipality_status_review', ['municipality_id', 'status', 'review_due_on'], unique=False)


def downgrade():
    with op.batch_alter_table('qualification_cases', schema=None) as batch_op:
        batch_op.drop_index('ix_qualification_cases_municipality_status_review')
        batch_op.drop_index('ix_qualification_cases_association_municipality')
        batch_op.create_index(batch_op.f('ix_qualification_cases_municipality_id'), ['municipality_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_qualification_cases_association_id'), ['association_id'], unique=False)

    with op.batch_alter_table('associations', schema=None) as batch_op:
        batch_op.drop_index('ix_associations_home_municipality_submitted')
        batch_op.drop_index('ix_associations_home_municipality_status')
        batch_op.create_index(batch_op.f('ix_associations_home_municipality_id'), ['home_municipality_id'], unique=False)

    with op.batch_alter_table('association_municipalities', schema=None) as batch_op:
        batch_op.drop_index('ix_association_municipalities_municipality_id')
