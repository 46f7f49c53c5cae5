"""Core tables: settings, branches, staff, customers, complaints, events, daily sequences.

Revision ID: 0001
Revises: 
Create Date: 2026-11-28 13:38:21.906408
"""
from alembic import op
import sqlalchemy as sa


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('branches',
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('phone', sa.String(length=40), nullable=False),
    sa.Column('address', sa.String(length=400), nullable=False),
    sa.PrimaryKeyConstraint('code')
    )
    op.create_table('customers',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('id_type', sa.String(length=40), nullable=True),
    sa.Column('id_number', sa.String(length=64), nullable=False),
    sa.Column('phone', sa.String(length=40), nullable=False),
    sa.Column('address', sa.String(length=400), nullable=False),
    sa.Column('credit_code', sa.String(length=32), nullable=False),
    sa.Column('contact_person', sa.String(length=100), nullable=False),
    sa.Column('id_last4', sa.String(length=4), nullable=False),
    sa.Column('phone_last4', sa.String(length=4), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('customers', schema=None) as batch_op:
        batch_op.create_index('ix_customers_credit_code', ['credit_code'], unique=False)
        batch_op.create_index('ix_customers_id_last4', ['id_last4'], unique=False)
        batch_op.create_index('ix_customers_id_number', ['id_number'], unique=False)
        batch_op.create_index('ix_customers_name', ['name'], unique=False)
        batch_op.create_index('ix_customers_phone', ['phone'], unique=False)
        batch_op.create_index('ix_customers_phone_last4', ['phone_last4'], unique=False)

    op.create_table('daily_sequences',
    sa.Column('business_date', sa.Date(), nullable=False),
    sa.Column('last', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('business_date')
    )
    op.create_table('events',
    sa.Column('seq', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('complaint_id', sa.String(length=64), nullable=False),
    sa.Column('kind', sa.String(length=30), nullable=False),
    sa.Column('payload', sa.JSON(), nullable=False),
    sa.Column('actor', sa.String(length=64), nullable=False),
    sa.Column('actor_role', sa.String(length=20), nullable=False),
    sa.Column('device_id', sa.String(length=64), nullable=False),
    sa.Column('branch_code', sa.String(length=32), nullable=False),
    sa.Column('hlc', sa.String(length=24), nullable=False),
    sa.Column('occurred_at', sa.String(length=32), nullable=False),
    sa.Column('business_date', sa.Date(), nullable=False),
    sa.Column('prev_hash', sa.String(length=64), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.Column('origin', sa.String(length=10), nullable=False),
    sa.Column('sent', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('seq'),
    sa.UniqueConstraint('id')
    )
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.create_index('ix_events_business_date', ['business_date'], unique=False)
        batch_op.create_index('ix_events_complaint_hlc', ['complaint_id', 'hlc'], unique=False)
        batch_op.create_index('ix_events_device_seq', ['device_id', 'seq'], unique=False)
        batch_op.create_index('ix_events_unsent', ['origin', 'sent', 'seq'], unique=False)

    op.create_table('settings',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key')
    )
    op.create_table('staff',
    sa.Column('number', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.Column('branch_code', sa.String(length=32), nullable=False),
    sa.Column('password_hash', sa.String(length=200), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('failed_logins', sa.Integer(), nullable=False),
    sa.Column('locked_until', sa.String(length=32), nullable=True),
    sa.Column('source', sa.String(length=20), nullable=False),
    sa.PrimaryKeyConstraint('number')
    )
    op.create_table('complaints',
    sa.Column('num', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('reference', sa.String(length=40), nullable=False),
    sa.Column('branch_code', sa.String(length=32), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('customer_id', sa.String(length=64), nullable=False),
    sa.Column('customer_name', sa.String(length=200), nullable=False),
    sa.Column('channel', sa.String(length=30), nullable=False),
    sa.Column('business_type', sa.String(length=40), nullable=False),
    sa.Column('cause', sa.String(length=40), nullable=False),
    sa.Column('product', sa.String(length=200), nullable=False),
    sa.Column('amount', sa.String(length=40), nullable=True),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('request', sa.Text(), nullable=False),
    sa.Column('received_at', sa.String(length=32), nullable=False),
    sa.Column('decision_due', sa.String(length=32), nullable=False),
    sa.Column('received_by', sa.String(length=32), nullable=False),
    sa.Column('assignee', sa.String(length=32), nullable=False),
    sa.Column('escalation_level', sa.Integer(), nullable=False),
    sa.Column('extensions', sa.Integer(), nullable=False),
    sa.Column('outcome', sa.String(length=20), nullable=True),
    sa.Column('resolved_at', sa.String(length=32), nullable=True),
    sa.Column('closed_at', sa.String(length=32), nullable=True),
    sa.Column('needs_review', sa.Boolean(), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('details', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], ),
    sa.PrimaryKeyConstraint('num'),
    sa.UniqueConstraint('id'),
    sa.UniqueConstraint('reference')
    )
    with op.batch_alter_table('complaints', schema=None) as batch_op:
        batch_op.create_index('ix_complaints_assignee_due', ['assignee', 'decision_due'], unique=False)
        batch_op.create_index('ix_complaints_category', ['business_type', 'cause'], unique=False)
        batch_op.create_index('ix_complaints_customer', ['customer_id'], unique=False)
        batch_op.create_index('ix_complaints_due', ['decision_due'], unique=False)
        batch_op.create_index('ix_complaints_received', ['received_at'], unique=False)
        batch_op.create_index('ix_complaints_status_due', ['status', 'decision_due'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('complaints', schema=None) as batch_op:
        batch_op.drop_index('ix_complaints_status_due')
        batch_op.drop_index('ix_complaints_received')
        batch_op.drop_index('ix_complaints_due')
        batch_op.drop_index('ix_complaints_customer')
        batch_op.drop_index('ix_complaints_category')
        batch_op.drop_index('ix_complaints_assignee_due')

    op.drop_table('complaints')
    op.drop_table('staff')
    op.drop_table('settings')
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.drop_index('ix_events_unsent')
        batch_op.drop_index('ix_events_device_seq')
        batch_op.drop_index('ix_events_complaint_hlc')
        batch_op.drop_index('ix_events_business_date')

    op.drop_table('events')
    op.drop_table('daily_sequences')
    with op.batch_alter_table('customers', schema=None) as batch_op:
        batch_op.drop_index('ix_customers_phone_last4')
        batch_op.drop_index('ix_customers_phone')
        batch_op.drop_index('ix_customers_name')
        batch_op.drop_index('ix_customers_id_number')
        batch_op.drop_index('ix_customers_id_last4')
        batch_op.drop_index('ix_customers_credit_code')

    op.drop_table('customers')
    op.drop_table('branches')
