"""Two confirmations of one expert for overlapping activities at the same moment: exactly one
wins, whatever the database, from two threads or two processes, through the operation or the API.

Each round gives one expert two invited assignments on overlapping activities; both sides load
their assignment, wait at a barrier, then confirm at once.
"""

import multiprocessing
import threading
from datetime import date

import pytest
from sqlalchemy import func, select

from roster.activities import operations
from roster.activities.models import Activity, Assignment
from roster.audit.models import AuditEntry
from roster.auth.models import User
from roster.errors import Conflict
from roster.extensions import db
from tests.factories import ActivityFactory, AssignmentFactory, ExpertFactory

ROUNDS = 25


def make_round(number: int) -> tuple[int, int]:
    expert = ExpertFactory(full_name=f"Contested Expert {number}")
    first = ActivityFactory(title=f"First {number}", start=date(2027, 3, 8), end=date(2027, 3, 12))
    second = ActivityFactory(
        title=f"Second {number}", start=date(2027, 3, 12), end=date(2027, 3, 16)
    )
    one = AssignmentFactory(activity=first, expert=expert, status="invited")
    other = AssignmentFactory(activity=second, expert=expert, status="invited")
    return one.id, other.id


def confirm(app, user_id: int, assignment_id: int, barrier) -> str:
    """Confirm in a context (and database connection) of its own: 'won' or the conflict."""
    with app.app_context():
        try:
            user = db.session.get(User, user_id)
            assignment = db.session.get(Assignment, assignment_id)
            version = assignment.version
            barrier.wait(timeout=30)
            operations.update_assignment(user, assignment, {"status": "confirmed"}, version)
            db.session.commit()
            return "won"
        except Conflict as error:
            db.session.rollback()
            return error.detail
        finally:
            db.session.remove()


def assert_one_winner(ids: tuple[int, int], outcomes: dict[int, str]) -> None:
    winners = [assignment_id for assignment_id, outcome in outcomes.items() if outcome == "won"]
    assert len(winners) == 1, outcomes
    loser = next(assignment_id for assignment_id in ids if assignment_id != winners[0])
    db.session.expire_all()
    winner_activity = db.session.get(Assignment, winners[0]).activity
    assert f"“{winner_activity.title}” (activity {winner_activity.id}," in outcomes[loser]
    statuses = db.session.scalars(select(Assignment.status).where(Assignment.id.in_(ids)))
    assert sorted(statuses) == ["confirmed", "invited"]
    audited = db.session.scalar(
        select(func.count())
        .select_from(AuditEntry)
        .where(AuditEntry.record_type == "assignment", AuditEntry.record_id.in_(ids))
    )
    assert audited == 1


def test_threads_confirming_at_once_leave_one_winner(app, make_user):
    staff_id = make_user("staff").id
    for number in range(ROUNDS):
        ids = make_round(number)
        barrier = threading.Barrier(2)
        outcomes: dict[int, str] = {}

        def run(assignment_id, barrier=barrier, outcomes=outcomes):
            outcomes[assignment_id] = confirm(app, staff_id, assignment_id, barrier)

        threads = [threading.Thread(target=run, args=(assignment_id,)) for assignment_id in ids]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)

        assert_one_winner(ids, outcomes)


def _confirm_in_process(app, user_id, assignment_id, barrier, answers) -> None:
    # The parent's pooled connections must not be shared with the child.
    with app.app_context():
        db.engine.dispose(close=False)
    answers.put((assignment_id, confirm(app, user_id, assignment_id, barrier)))


@pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods(), reason="needs fork to share the app"
)
def test_processes_confirming_at_once_leave_one_winner(app, make_user):
    staff_id = make_user("staff").id
    context = multiprocessing.get_context("fork")
    for number in range(ROUNDS // 3):
        ids = make_round(number)
        db.session.remove()
        barrier = context.Barrier(2)
        answers = context.Queue()
        processes = [
            context.Process(
                target=_confirm_in_process, args=(app, staff_id, assignment_id, barrier, answers)
            )
            for assignment_id in ids
        ]
        for process in processes:
            process.start()
        outcomes = dict(answers.get(timeout=60) for _ in processes)
        for process in processes:
            process.join(timeout=60)
            assert process.exitcode == 0

        assert_one_winner(ids, outcomes)


def _move(app, user_id: int, activity_id: int, dates: dict, barrier) -> str:
    with app.app_context():
        try:
            user = db.session.get(User, user_id)
            activity = db.session.get(Activity, activity_id)
            version = activity.version
            barrier.wait(timeout=30)
            operations.update_activity(user, activity, dates, version)
            db.session.commit()
            return "won"
        except Conflict as error:
            db.session.rollback()
            return error.detail
        finally:
            db.session.remove()


@pytest.mark.parametrize(
    ("moving", "dates"),
    [
        ("april", {"start": "2027-03-10", "end": "2027-03-14"}),
        ("march", {"start": "2027-04-06", "end": "2027-04-10"}),
    ],
    ids=["booked-activity-moves-onto-march", "activity-being-confirmed-moves-onto-april"],
)
def test_confirming_while_an_activity_moves(app, make_user, moving, dates):
    """The expert is confirmed for April and invited for March. One side confirms March while
    the other moves one of the two activities onto the other's dates: both cannot succeed."""
    staff_id = make_user("staff").id
    for number in range(ROUNDS):
        expert = ExpertFactory(full_name=f"Contested Expert {number}")
        activities = {
            "march": ActivityFactory(
                title=f"March {number}", start=date(2027, 3, 8), end=date(2027, 3, 12)
            ),
            "april": ActivityFactory(
                title=f"April {number}", start=date(2027, 4, 5), end=date(2027, 4, 9)
            ),
        }
        AssignmentFactory(activity=activities["april"], expert=expert, status="confirmed")
        invited = AssignmentFactory(activity=activities["march"], expert=expert, status="invited")
        invited_id, moving_id = invited.id, activities[moving].id
        barrier = threading.Barrier(2)
        outcomes: dict[str, str] = {}

        def run(
            side, barrier=barrier, outcomes=outcomes, invited_id=invited_id, moving_id=moving_id
        ):
            if side == "confirm":
                outcomes[side] = confirm(app, staff_id, invited_id, barrier)
            else:
                outcomes[side] = _move(app, staff_id, moving_id, dates, barrier)

        threads = [threading.Thread(target=run, args=(side,)) for side in ("confirm", "move")]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)

        assert sorted(outcome == "won" for outcome in outcomes.values()) == [False, True], outcomes
        db.session.expire_all()
        confirmed = db.session.get(Assignment, invited_id).status == "confirmed"
        moved = db.session.get(Activity, moving_id).start.isoformat() == dates["start"]
        assert confirmed != moved


def test_api_confirmations_at_once_answer_200_and_409(app, make_user, api_token):
    headers = api_token(make_user("staff"))
    for number in range(ROUNDS // 2):
        ids = make_round(number)
        barrier = threading.Barrier(2)
        responses = {}

        def patch(assignment_id, barrier=barrier, responses=responses):
            client = app.test_client()
            barrier.wait(timeout=30)
            responses[assignment_id] = client.patch(
                f"/api/v1/assignments/{assignment_id}",
                json={"version": 1, "status": "confirmed"},
                headers=headers,
            )

        threads = [threading.Thread(target=patch, args=(assignment_id,)) for assignment_id in ids]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)

        codes = sorted(response.status_code for response in responses.values())
        assert codes == [200, 409], {key: r.get_json() for key, r in responses.items()}
        outcomes = {
            key: "won" if response.status_code == 200 else response.get_json()["detail"]
            for key, response in responses.items()
        }
        loser = next(r for r in responses.values() if r.status_code == 409)
        assert loser.mimetype == "application/problem+json"
        assert_one_winner(ids, outcomes)
