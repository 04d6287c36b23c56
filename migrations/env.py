"""Alembic environment run by Flask-Migrate: the app supplies the engine and the metadata."""

import logging
from logging.config import fileConfig

from alembic import context
from flask import current_app

from roster.database import UTCDateTime
from roster.search.models import include_in_schema

config = context.config
# Keep the application's loggers: migrations also run inside a live process (tests, CLI).
fileConfig(config.config_file_name, disable_existing_loggers=False)
logger = logging.getLogger("alembic.env")

target_db = current_app.extensions["migrate"].db


def render_item(type_, obj, autogen_context):
    """Write the app's column types as plain SQLAlchemy types: revisions never import app code."""
    if type_ == "type" and isinstance(obj, UTCDateTime):
        return "sa.DateTime(timezone=True)"
    return False


def skip_empty_revision(context, revision, directives):
    """`db migrate` with no schema change writes no file."""
    if getattr(config.cmd_opts, "autogenerate", False) and directives[0].upgrade_ops.is_empty():
        directives[:] = []
        logger.info("No changes in schema detected.")


def configure_args() -> dict:
    args = dict(current_app.extensions["migrate"].configure_args)
    args.setdefault("process_revision_directives", skip_empty_revision)
    args.setdefault("render_item", render_item)
    args.setdefault("include_object", include_in_schema)
    args["compare_type"] = True
    # SQLite cannot ALTER most things in place: batch operations copy the table there and are
    # plain ALTERs elsewhere, so every revision runs on both backends.
    args["render_as_batch"] = True
    return args


def run_migrations_offline() -> None:
    url = target_db.engine.url
    context.configure(
        url=url.render_as_string(hide_password=False),
        target_metadata=target_db.metadata,
        literal_binds=True,
        **configure_args(),
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    with target_db.engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_db.metadata,
            **configure_args(),
        )
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
