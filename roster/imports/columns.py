"""Headers matched to fields by meaning: case, spacing and punctuation aside."""

import re

# field -> header spellings, already normalised by `normalise_header`.
EXPERT_COLUMNS = {
    "full_name": ("name", "fullname", "expert", "expertname", "nameinlatin", "latinname"),
    "name_local": ("localname", "namelocal", "nativename", "nameinownscript", "namelocalscript"),
    "email": ("email", "emailaddress", "mail"),
    "phone": ("phone", "mobile", "telephone", "tel", "phonenumber", "mobilenumber", "cellphone"),
    "nationality": ("nationality", "country", "citizenship", "nationalitycode"),
    "organisation": ("organisation", "organization", "org", "employer", "institution"),
    "position": ("position", "title", "jobtitle", "role", "function"),
    "bio": ("bio", "biography", "expertise", "summary", "profile", "areasofexpertise"),
    "thematic_areas": ("thematicareas", "thematicarea", "themes", "theme", "topics", "areas"),
    "languages": ("languages", "language", "languageskills"),
    "availability": ("availability", "available", "availabilitywindows"),
    "available_from": ("availablefrom", "availablestart", "from"),
    "available_to": ("availableto", "availableuntil", "availableend", "until", "to"),
}
FOCAL_POINT_COLUMNS = {
    "full_name": ("name", "fullname", "focalpoint", "holder", "contactname"),
    "name_local": ("localname", "namelocal", "nativename", "nameinownscript"),
    "email": ("email", "emailaddress", "mail"),
    "phone": ("phone", "mobile", "telephone", "tel", "phonenumber", "mobilenumber"),
    "member": ("member", "memberstate", "country", "membercode", "state"),
    "agency": ("agency", "ministry", "organisation", "organization", "department", "institution"),
    "position": ("position", "title", "jobtitle", "function", "role"),
    "shared_mailbox": ("sharedmailbox", "functionmailbox", "functionalmailbox", "mailbox"),
    "thematic_areas": ("thematicareas", "thematicarea", "themes", "theme", "topics", "areas"),
    "languages": ("languages", "language", "languageskills"),
    "holder_since": ("holdersince", "since", "startdate", "inpositionsince"),
}
COLUMNS = {"experts": EXPERT_COLUMNS, "focal_points": FOCAL_POINT_COLUMNS}
LABELS = {
    "full_name": "Name",
    "name_local": "Name in own script",
    "email": "Email",
    "phone": "Phone",
    "nationality": "Nationality",
    "organisation": "Organisation",
    "position": "Position",
    "bio": "Bio / expertise",
    "thematic_areas": "Thematic areas",
    "languages": "Languages",
    "availability": "Availability",
    "available_from": "Available from",
    "available_to": "Available to",
    "member": "Member",
    "agency": "Agency",
    "shared_mailbox": "Shared mailbox",
    "holder_since": "Holder since",
}


def normalise_header(header) -> str:
    """ "E-mail " -> "email", "Full_Name" -> "fullname"."""
    return re.sub(r"[\W_]+", "", str(header or "").casefold())


def match_columns(kind: str, headers: list) -> dict[int, str]:
    """{column position: field} for the headers that name a field; the first column wins."""
    known = {
        spelling: field for field, spellings in COLUMNS[kind].items() for spelling in spellings
    }
    mapping: dict[int, str] = {}
    for position, header in enumerate(headers):
        field = known.get(normalise_header(header))
        if field and field not in mapping.values():
            mapping[position] = field
    return mapping


def unknown_columns(headers: list, mapping: dict[int, str]) -> list[str]:
    """Headers no field was matched to (blank headers aside)."""
    return [
        str(header).strip()
        for position, header in enumerate(headers)
        if position not in mapping and str(header or "").strip()
    ]
