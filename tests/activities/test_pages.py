"""Activity pages: planning, staffing with buttons, assessments, participants and alumni."""

from datetime import date

import pytest
from sqlalchemy import select

from roster.activities.models import Activity, Assignment, Participant
from roster.errors import CONFLICT_MESSAGE
from roster.extensions import db
from tests.factories import (
    ActivityFactory,
    AssignmentFactory,
    ExpertFactory,
    FocalPointFactory,
    member,
)


@pytest.fixture
def office(client, staff, sign_in):
    return sign_in(staff)


def form_data(**overrides) -> dict:
    data = {
        "title": "Border management training",
        "type": "training",
        "description": "",
        "start": "2027-03-08",
        "end": "2027-03-12",
        "member": "THA",
        "city": "Bangkok",
        "thematic_areas": ["border-management"],
        "languages-0-code": "th",
        "languages-0-level": "fluent",
        "languages-1-code": "",
        "languages-1-level": "",
        "experts_wanted": "2",
        "status": "planned",
    }
    data.update(overrides)
    return data


def test_planning_an_activity(office):
    form = office.get("/activities/new")
    assert form.status_code == 200
    assert '<label for="title">Title</label>' in form.get_data(as_text=True)

    response = office.post("/activities/new", data=form_data())

    assert response.status_code == 302
    activity = db.session.scalar(select(Activity))
    assert response.headers["Location"] == f"/activities/{activity.id}"
    assert activity.member.code == "THA" and activity.is_online is False
    assert [(row.code, row.level) for row in activity.languages] == [("th", "fluent")]
    assert [area.code for area in activity.thematic_areas] == ["border-management"]


def test_invalid_dates_are_shown_beside_the_field(office):
    response = office.post("/activities/new", data=form_data(end="2027-03-01"))

    assert response.status_code == 422
    assert "The activity ends (2027-03-01) before it starts (2027-03-08)." in response.get_data(
        as_text=True
    )
    assert db.session.scalar(select(Activity)) is None


def test_editing_over_someone_elses_save_is_409(office):
    activity = ActivityFactory(city="Bangkok")
    office.post(f"/activities/{activity.id}/edit", data=form_data(city="Jakarta", version="1"))

    response = office.post(
        f"/activities/{activity.id}/edit", data=form_data(city="Manila", version="1")
    )

    assert response.status_code == 409
    html = response.get_data(as_text=True)
    assert CONFLICT_MESSAGE in html and 'value="Jakarta"' in html


def test_deleting_an_activity(office):
    activity_id = ActivityFactory(title="To go").id

    page = office.get(f"/activities/{activity_id}/delete").get_data(as_text=True)
    response = office.post(f"/activities/{activity_id}/delete")

    assert "Delete “To go”?" in page
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(Activity, activity_id) is None


def test_list_filters_by_status(office):
    ActivityFactory(title="Planned one")
    ActivityFactory(title="Done one", status="completed")

    html = office.get("/activities?status=completed").get_data(as_text=True)

    assert "Done one" in html and "Planned one" not in html


def test_shortlisting_a_candidate_from_the_page(office, available_expert):
    activity = ActivityFactory(member=member("THA"))
    expert = available_expert(full_name="Somchai Prasert")

    page = office.get(f"/activities/{activity.id}").get_data(as_text=True)
    assert "Somchai Prasert" in page and "same member: THA" in page
    response = office.post(f"/activities/{activity.id}/assignments", data={"expert_id": expert.id})

    assert response.status_code == 302
    assignment = db.session.scalar(select(Assignment))
    assert (assignment.expert_id, assignment.status) == (expert.id, "shortlisted")


def test_finding_anyone_by_name(office):
    activity = ActivityFactory()
    free = ExpertFactory(full_name="Somchai Prasert")
    AssignmentFactory(activity=activity, expert=ExpertFactory(full_name="Somsak Chai"))
    ExpertFactory(full_name="Budi Santoso")

    html = office.get(f"/activities/{activity.id}?q=som").get_data(as_text=True)

    search = html.split('id="find-expert"')[1].split("<h2>")[0]
    assert "Somchai Prasert" in search and "Somsak Chai" in search and "Budi" not in search
    assert "Already on this activity" in search
    assert f'name="expert_id" value="{free.id}"' in search


def test_buttons_offer_only_the_allowed_moves(office):
    assignment = AssignmentFactory(status="invited")

    html = office.get(f"/activities/{assignment.activity_id}").get_data(as_text=True)

    for label in ("Confirm", "Mark declined", "Withdraw"):
        assert f">{label}<span" in html
    for label in ("Invite", "Mark completed"):
        assert f">{label}<span" not in html


def test_moving_along_with_a_button(office):
    assignment = AssignmentFactory(status="shortlisted")

    response = office.post(
        f"/assignments/{assignment.id}/move", data={"status": "invited", "version": "1"}
    )

    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(Assignment, assignment.id).status == "invited"


def test_a_forbidden_move_says_which_are_allowed(office):
    assignment = AssignmentFactory(status="shortlisted")

    response = office.post(
        f"/assignments/{assignment.id}/move", data={"status": "completed", "version": "1"}
    )

    assert response.status_code == 422
    assert (
        "Cannot move from shortlisted to completed: allowed moves are invited, declined, withdrawn."
        in response.get_data(as_text=True)
    )


def test_confirming_a_booked_expert_names_the_other_activity(office):
    expert = ExpertFactory(full_name="Somchai Prasert")
    AssignmentFactory(
        activity=ActivityFactory(
            title="Maritime course", start=date(2027, 3, 11), end=date(2027, 3, 11)
        ),
        expert=expert,
        status="confirmed",
    )
    wanted = AssignmentFactory(expert=expert, status="invited")

    response = office.post(
        f"/assignments/{wanted.id}/move", data={"status": "confirmed", "version": "1"}
    )

    assert response.status_code == 409
    assert "Somchai Prasert is already confirmed for “Maritime course”" in response.get_data(
        as_text=True
    )
    db.session.expire_all()
    assert db.session.get(Assignment, wanted.id).status == "invited"


def test_a_stale_button_is_409(office):
    assignment = AssignmentFactory(status="shortlisted")
    office.post(f"/assignments/{assignment.id}/move", data={"status": "invited", "version": "1"})

    response = office.post(
        f"/assignments/{assignment.id}/move", data={"status": "declined", "version": "1"}
    )

    assert response.status_code == 409
    db.session.expire_all()
    assert db.session.get(Assignment, assignment.id).status == "invited"


def test_rating_a_completed_assignment(office):
    assignment = AssignmentFactory(status="completed")
    form = office.get(f"/assignments/{assignment.id}/assessment").get_data(as_text=True)
    assert '<label for="rating">Rating</label>' in form

    response = office.post(
        f"/assignments/{assignment.id}/assessment",
        data={"rating": "5", "note": "Excellent trainer.", "version": "1"},
    )

    assert response.status_code == 302
    db.session.expire_all()
    stored = db.session.get(Assignment, assignment.id)
    assert (stored.rating, stored.note) == (5, "Excellent trainer.")


def test_before_completion_only_a_note(office):
    assignment = AssignmentFactory(status="confirmed")
    form = office.get(f"/assignments/{assignment.id}/assessment").get_data(as_text=True)
    assert 'id="rating"' not in form

    office.post(
        f"/assignments/{assignment.id}/assessment",
        data={"rating": "5", "note": "Flights booked.", "version": "1"},
    )

    db.session.expire_all()
    stored = db.session.get(Assignment, assignment.id)
    assert (stored.rating, stored.note) == (None, "Flights booked.")


def test_adding_participants_from_the_directory_or_by_name(office):
    activity = ActivityFactory()
    focal_point = FocalPointFactory(holder__full_name="Siti Rahayu")
    form = office.get(f"/activities/{activity.id}/participants/new").get_data(as_text=True)
    assert "Siti Rahayu" in form and '<label for="full_name">…or full name</label>' in form

    by_focal_point = office.post(
        f"/activities/{activity.id}/participants/new",
        data={"focal_point_id": str(focal_point.id), "role": "speaker"},
    )
    by_name = office.post(
        f"/activities/{activity.id}/participants/new",
        data={"focal_point_id": "", "full_name": "Maria Santos", "member": "PHL"},
    )
    missing_member = office.post(
        f"/activities/{activity.id}/participants/new",
        data={"focal_point_id": "", "full_name": "No Member", "member": ""},
    )

    assert by_focal_point.status_code == 302 and by_name.status_code == 302
    assert missing_member.status_code == 422
    names = db.session.scalars(select(Participant.full_name).order_by(Participant.full_name))
    assert list(names) == ["Maria Santos", "Siti Rahayu"]
    page = office.get(f"/activities/{activity.id}").get_data(as_text=True)
    assert "Maria Santos" in page and "Philippines" in page


def test_removing_a_participant_from_the_page(office):
    activity = ActivityFactory()
    participant = Participant(
        activity=activity, full_name="Ana", member=member("TLS"), person_key="name:TLS:ana"
    )
    db.session.add(participant)
    db.session.commit()

    response = office.post(f"/participants/{participant.id}/delete")

    assert response.status_code == 302
    assert db.session.scalar(select(Participant.id)) is None


def test_alumni_page_filters(client, make_user, sign_in):
    sign_in(make_user("viewer"))
    activity = ActivityFactory(title="Maritime course", thematic_areas=["maritime"])
    for name, code in (("Anan Boonmee", "THA"), ("Maria Santos", "PHL")):
        db.session.add(
            Participant(
                activity=activity,
                full_name=name,
                member=member(code),
                person_key=f"name:{code}:{name}",
            )
        )
    db.session.commit()

    everyone = client.get("/alumni").get_data(as_text=True)
    thai = client.get("/alumni?member=THA&thematic_area=maritime").get_data(as_text=True)
    wrong = client.get("/alumni?member=XYZ")

    assert "Anan Boonmee" in everyone and "Maria Santos" in everyone
    assert "Irregular movement by sea" in everyone
    assert "Anan Boonmee" in thai and "Maria Santos" not in thai
    assert '<label for="alumni-member">Member</label>' in thai
    assert wrong.status_code == 422
