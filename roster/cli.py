"""`flask --app wsgi roster ...`: the root command group; features add their commands."""

from flask.cli import AppGroup

from roster.auth.cli import create_user_command
from roster.auth.two_factor.cli import reset_two_factor_command
from roster.demo.cli import demo_data_command, ensure_demo_admin_command
from roster.digest.cli import send_digest_command
from roster.freshness.cli import record_bounce_command, send_reminders_command
from roster.privacy.cli import backup_command, purge_command, restore_command
from roster.profiles.cli import send_profile_reminders_command
from roster.reference.cli import load_reference_command
from roster.search.cli import reindex_command, search_check_command, sync_worker_command
from roster.serve import serve_command

roster_cli = AppGroup("roster", help="Operate RSO Roster.")
roster_cli.add_command(create_user_command)
roster_cli.add_command(reset_two_factor_command)
roster_cli.add_command(load_reference_command)
roster_cli.add_command(serve_command)
roster_cli.add_command(sync_worker_command)
roster_cli.add_command(reindex_command)
roster_cli.add_command(search_check_command)
roster_cli.add_command(demo_data_command)
roster_cli.add_command(ensure_demo_admin_command)
roster_cli.add_command(send_reminders_command)
roster_cli.add_command(purge_command)
roster_cli.add_command(backup_command)
roster_cli.add_command(restore_command)
roster_cli.add_command(send_profile_reminders_command)
roster_cli.add_command(record_bounce_command)
roster_cli.add_command(send_digest_command)
