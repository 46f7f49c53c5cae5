"""Phone lookups by keyed hash; TOTP secrets encrypted with HQ's key.

- complaints.phone_key: HMAC of the customer's phone number (hq.vault.Vault.phone_key),
  for the console's search; rows from before this revision get theirs from
  `complaint-desk-hq rebuild`;
- staff_accounts.totp_sealed / totp_data_key_id: the TOTP secret AES-GCM encrypted under a
  data key of the vault (hq.vault), as identity is; `totp_secret` keeps the plaintext only
  of accounts made before this revision, until `complaint-desk-hq migrate` (or `serve`,
  `rebuild`) seals them (hq.staff.seal_totp_secrets), which needs the keys Alembic has not.

Revision ID: 0007_console_keys
Revises: 0006_root_cause
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007_console_keys"
down_revision = "0006_root_cause"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("complaints") as batch:
        batch.add_column(sa.Column("phone_key", sa.String(64), nullable=True))
        batch.create_index("ix_complaints_phone_key", ["phone_key"])
    with op.batch_alter_table("staff_accounts") as batch:
        batch.alter_column("totp_secret", existing_type=sa.String(64), nullable=True)
        batch.add_column(sa.Column("totp_sealed", sa.LargeBinary(), nullable=True))
        batch.add_column(sa.Column("totp_data_key_id", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("staff_accounts") as batch:
        batch.drop_column("totp_data_key_id")
        batch.drop_column("totp_sealed")
    with op.batch_alter_table("complaints") as batch:
        batch.drop_index("ix_complaints_phone_key")
        batch.drop_column("phone_key")
