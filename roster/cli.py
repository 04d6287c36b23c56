"""`flask --app wsgi roster ...`: the root command group; features add their commands."""

from flask.cli import AppGroup

from roster.auth.cli import create_user_command
from roster.reference.cli import load_reference_command

roster_cli = AppGroup("roster", help="Operate RSO Roster.")
roster_cli.add_command(create_user_command)
roster_cli.add_command(load_reference_command)
