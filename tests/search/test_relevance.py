"""Full-text search on the real Meilisearch: typos, synonyms, ranking, sorting, highlights."""

from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from roster.directory.index import FocalPointSearch
from roster.experts.index import ExpertSearch
from roster.experts.models import Expert
from roster.extensions import db
from roster.privacy.contacts import ContactScope
from roster.reference.models import ThematicArea
from roster.search.text import sort_key
from tests.factories import ExpertFactory, FocalPointFactory
from tests.search import generated_roster as roster
from tests.search.searching import search_experts, search_focal_points

pytestmark = pytest.mark.usefixtures("meili")


def area(code: str) -> ThematicArea:
    return db.session.scalar(select(ThematicArea).where(ThematicArea.code == code))


@pytest.fixture
def people():
    """A handful of experts whose texts test matching and ranking."""
    made = {
        "somchai": ExpertFactory(
            full_name="Somchai Wongsakul",
            bio="Leads investigations into forced labour on fishing vessels.",
            thematic_areas=["labour-migration"],
        ),
        "tip": ExpertFactory(
            full_name="Maria Santos",
            bio="Prosecutor.",
            organisation="Department of Justice",
            thematic_areas=["trafficking-in-persons"],
        ),
        "smuggling": ExpertFactory(
            full_name="Budi Hartono",
            bio="Works on the smuggling of migrants by sea.",
            organisation="Indonesian National Police",
        ),
        "iuu": ExpertFactory(
            full_name="Olivia Brown",
            bio="Ten years on illegal unreported and unregulated fishing; safety of life at sea.",
        ),
        "script": ExpertFactory(
            full_name="Ahmad Ibrahim",
            bio="Writes <script>alert(1)</script> about unaccompanied minors in transit.",
        ),
    }
    roster.push()
    return made


def found(q: str, **filters) -> list[int]:
    result = search_experts(ExpertSearch(q=q, **filters), 1, 50)
    assert result.engine == "meilisearch"
    return result.ids


def test_a_typo_in_a_name_still_finds_the_person(people):
    assert found("Somchia Wongsakul") == [people["somchai"].id]
    assert found("wongsakal") == [people["somchai"].id]


def test_synonyms_of_trafficking_in_persons(people):
    for q in ("TIP", "human trafficking", "trafficking in persons", "people trafficking"):
        assert found(q) == [people["tip"].id], q


def test_synonyms_of_smuggling_and_other_abbreviations(people):
    for q in ("people smuggling", "migrant smuggling", "smuggling of migrants"):
        assert found(q) == [people["smuggling"].id], q
    # The last word of a query is also a prefix: "som" finds Somchai too.
    assert found("SOM") == [people["somchai"].id, people["smuggling"].id]
    assert found("IUU") == [people["iuu"].id]
    assert found("SOLAS") == [people["iuu"].id]
    assert found("UAM") == [people["script"].id]
    assert found("forced labor") == [people["somchai"].id]


def test_all_words_must_match(people):
    assert found("Somchai prosecutor") == []
    assert found("Maria prosecutor") == [people["tip"].id]


def test_codes_and_emails_take_no_typos(people):
    email = people["tip"].email
    office = ContactScope(everything=True)
    assert found(email, contact_scope=office) == [people["tip"].id]
    assert found(email.replace("expert", "expirt"), contact_scope=office) == []
    # A part of the email is text, not a lookup, searched for staff only: exact too.
    local_part = email.split("@")[0]
    staff_found = search_experts(ExpertSearch(q=local_part), 1, 50, viewer_is_staff=True).ids
    assert staff_found == [people["tip"].id]
    typo = ExpertSearch(q=local_part.replace("expert", "expirt"))
    assert search_experts(typo, 1, 50, viewer_is_staff=True).ids == []
    assert found(local_part) == []


def test_name_match_ranks_above_bio_match():
    in_bio = ExpertFactory(full_name="Lan Tran", bio="Worked with Santos on extradition.")
    in_name = ExpertFactory(full_name="Pedro Santos", bio="Customs officer.")
    roster.push()
    assert found("Santos") == [in_name.id, in_bio.id]


def test_highlights_are_escaped_and_marked(people):
    result = search_experts(ExpertSearch(q="unaccompanied"), 1, 10)
    bio = result.highlights[people["script"].id]["bio"]
    assert "<script>" not in bio
    assert "&lt;script&gt;" in bio
    assert "<mark>unaccompanied</mark>" in bio
    name = search_experts(ExpertSearch(q="Ahmad"), 1, 10).highlights[people["script"].id]["name"]
    assert name == "<mark>Ahmad</mark> Ibrahim"


def test_sorting_by_name_and_by_update():
    experts = roster.make_experts(count=60)
    roster.push()

    by_name = search_experts(ExpertSearch(sort="name"), 1, 100).ids
    assert by_name == [e.id for e in sorted(experts, key=lambda e: (sort_key(e.full_name), e.id))]
    assert search_experts(ExpertSearch(), 1, 100).ids == by_name

    by_update = search_experts(ExpertSearch(sort="updated_at"), 1, 100).ids
    newest_first = sorted(experts, key=lambda e: (e.updated_at, e.id), reverse=True)
    assert by_update == [expert.id for expert in newest_first]

    pages = [search_experts(ExpertSearch(sort="name"), page, 25) for page in (1, 2, 3)]
    assert [expert_id for page in pages for expert_id in page.ids] == by_name
    assert {page.total for page in pages} == {60}


def test_sort_by_name_orders_a_text_search_too():
    names = ["Zed Santos", "amy santos", "Ánh Santos", "Bob Santos"]
    for number, name in enumerate(names):
        ExpertFactory(full_name=name, updated_at=datetime(2026, 1, 1 + number, tzinfo=UTC))
    roster.push()
    result = search_experts(ExpertSearch(q="santos", sort="name"), 1, 10)
    named = {expert.id: expert.full_name for expert in db.session.scalars(select(Expert))}
    assert [named[i] for i in result.ids] == [
        "amy santos",
        "Ánh Santos",
        "Bob Santos",
        "Zed Santos",
    ]


def test_focal_points_by_holder_agency_and_member():
    siti = FocalPointFactory(holder__full_name="Siti Rahayu")
    vacant = FocalPointFactory(holder=False, position="Anti-Trafficking Desk")
    roster.push()

    def ids(q):
        result = search_focal_points(FocalPointSearch(q=q), 1, 10)
        assert result.engine == "meilisearch"
        return result.ids

    assert ids("Rahayu") == [siti.id]
    assert ids(siti.agency.acronym) == [siti.id]
    assert set(ids("Indonesia")) == {siti.id, vacant.id}
    assert ids("trafficking desk") == [vacant.id]
    assert search_focal_points(FocalPointSearch(sort="name"), 1, 10).ids == [siti.id, vacant.id]
