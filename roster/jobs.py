"""Background jobs: work that runs in the worker `roster serve` starts, never in a web request.

Each job is a plain function of no arguments, run inside the worker's app context whenever its
interval has passed; a failing job is logged and retried at its next turn without stopping the
others. Jobs must be safe to run twice (two workers, or a restart, may both run one).
"""

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from flask import Flask

from roster.extensions import db

log = logging.getLogger(__name__)


@dataclass
class Job:
    name: str
    every_seconds: float
    run: Callable[[], object]
    next_run_at: float = field(default=0.0, compare=False)

    def __repr__(self) -> str:
        return f"<Job {self.name} every {self.every_seconds:g} s>"


def schedule(app: Flask) -> dict[str, Job]:
    """The app's jobs by name."""
    return app.extensions.setdefault("roster.jobs", {})


def register(app: Flask, name: str, every_seconds: float, run: Callable[[], object]) -> None:
    """Run `run` in the worker every `every_seconds`, first at the worker's start."""
    schedule(app)[name] = Job(name, every_seconds, run)


def run_due(app: Flask, now: float | None = None) -> list[str]:
    """Run every job whose time has come; returns the names of those that ran."""
    now = time.monotonic() if now is None else now
    ran = []
    for job in schedule(app).values():
        if job.next_run_at > now:
            continue
        job.next_run_at = now + job.every_seconds
        try:
            job.run()
        except Exception:
            log.exception("job %s failed", job.name)
            db.session.rollback()
        finally:
            db.session.remove()
        ran.append(job.name)
    return ran
