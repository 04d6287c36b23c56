"""RSO Roster: directory of national contact points and roster of experts."""

from flask import Flask

from config import Config


def create_app(overrides: dict | None = None) -> Flask:
    """Build the application; `overrides` replace settings (used by tests)."""
    app = Flask(__name__, template_folder="../templates")
    app.config.from_object(Config())
    if overrides:
        app.config.update(overrides)
    app.json.mimetype = "application/json; charset=utf-8"
    register_extensions(app)
    register_blueprints(app)
    register_errorhandlers(app)
    register_hooks(app)
    register_search(app)
    register_commands(app)
    register_jobs(app)
    return app


def register_extensions(app: Flask) -> None:
    from roster import models  # noqa: F401  (every table known to SQLAlchemy and Alembic)
    from roster.auth.oidc.client import configure_identity_provider
    from roster.auth.session import configure_login
    from roster.extensions import csrf, db, limiter, migrate
    from roster.semantic import model as semantic

    db.init_app(app)
    migrate.init_app(app, db, directory=str(app.root_path + "/../migrations"))
    csrf.init_app(app)
    limiter.init_app(app)
    configure_login(app)
    semantic.init_app(app)
    configure_identity_provider(app)


def register_blueprints(app: Flask) -> None:
    from roster.blueprints import BLUEPRINTS
    from roster.urls import RecordIdConverter

    app.url_map.converters["int"] = RecordIdConverter
    for blueprint in BLUEPRINTS:
        app.register_blueprint(blueprint)


def register_errorhandlers(app: Flask) -> None:
    from roster.errors import register

    register(app)


def register_hooks(app: Flask) -> None:
    from roster import navigation, security
    from roster.auth.two_factor import views as two_factor

    security.register(app)
    navigation.register(app)
    two_factor.register(app)


def register_search(app: Flask) -> None:
    from roster.search import definition, outbox
    from roster.search_indexes import INDEXES

    for index in INDEXES:
        definition.register(app, index)
    outbox.register(app)


def register_commands(app: Flask) -> None:
    from roster.cli import roster_cli

    app.cli.add_command(roster_cli)


def register_jobs(app: Flask) -> None:
    from roster.schedule import register_jobs as register_all

    register_all(app)
