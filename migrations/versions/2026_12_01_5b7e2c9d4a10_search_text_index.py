"""search text index for the database fallback

Revision ID: 5b7e2c9d4a10
Revises: fc1de70049af
Create Date: 2026-12-01 21:45:00.000000

The text of existing records is written by `roster serve` at its start (it rebuilds an index
whose text index lacks rows) or by `roster reindex`.
"""

import sqlalchemy as sa
from alembic import op

revision = '5b7e2c9d4a10'
down_revision = 'fc1de70049af'
branch_labels = None
depends_on = None

SQLITE = (
    "CREATE VIRTUAL TABLE search_text_fts USING fts5(body, content='search_text', "
    "content_rowid='id', tokenize='unicode61 remove_diacritics 0')",
    "CREATE VIRTUAL TABLE search_text_terms USING fts5vocab(search_text_fts, 'row')",
    "CREATE TRIGGER search_text_inserted AFTER INSERT ON search_text BEGIN "
    "INSERT INTO search_text_fts(rowid, body) VALUES (new.id, new.body); END",
    "CREATE TRIGGER search_text_deleted AFTER DELETE ON search_text BEGIN "
    "INSERT INTO search_text_fts(search_text_fts, rowid, body) "
    "VALUES ('delete', old.id, old.body); END",
    "CREATE TRIGGER search_text_updated AFTER UPDATE ON search_text BEGIN "
    "INSERT INTO search_text_fts(search_text_fts, rowid, body) "
    "VALUES ('delete', old.id, old.body); "
    "INSERT INTO search_text_fts(rowid, body) VALUES (new.id, new.body); END",
)
POSTGRESQL = (
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX ix_search_text_words ON search_text USING gin (to_tsvector('simple', body))",
    "CREATE INDEX ix_search_text_trigrams ON search_text USING gin (body gin_trgm_ops)",
)


def upgrade():
    op.create_table('search_text',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('index_name', sa.String(length=40), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_search_text')),
    sa.UniqueConstraint('index_name', 'document_id', name=op.f('uq_search_text_index_name_document_id'))
    )
    dialect = op.get_bind().dialect.name
    for statement in {"sqlite": SQLITE, "postgresql": POSTGRESQL}.get(dialect, ()):
        op.execute(statement)


def downgrade():
    if op.get_bind().dialect.name == "sqlite":
        for name in ("search_text_updated", "search_text_deleted", "search_text_inserted"):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute("DROP TABLE IF EXISTS search_text_terms")
        op.execute("DROP TABLE IF EXISTS search_text_fts")
    op.drop_table('search_text')
