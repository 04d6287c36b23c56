"""Focal points as vCards 4.0 (RFC 6350), built with vobject from the serialized records."""

from collections.abc import Iterable, Iterator
from datetime import UTC, datetime

import vobject


def vcard(focal_point: dict, member_name: str) -> str:
    """One vCard: FN, N, ORG (agency; member), TITLE, EMAIL, TEL and REV, as far as shown."""
    card = vobject.vCard()
    card.add("version").value = "4.0"
    card.add("kind").value = "individual"
    name = focal_point.get("full_name") or focal_point.get("position") or ""
    card.add("fn").value = name
    words = name.split()
    card.add("n").value = vobject.vcard.Name(
        family=words[-1] if len(words) > 1 else name, given=" ".join(words[:-1])
    )
    card.add("org").value = [part for part in (focal_point.get("agency"), member_name) if part]
    if focal_point.get("position"):
        card.add("title").value = focal_point["position"]
    if focal_point.get("email"):
        email = card.add("email")
        email.value = focal_point["email"]
        email.type_param = "work"
    if focal_point.get("phone"):
        phone = card.add("tel")
        phone.value = f"tel:{focal_point['phone']}"
        phone.params["VALUE"] = ["uri"]
        phone.params["TYPE"] = ["work", "voice"]
    if focal_point.get("verified_at"):
        verified = datetime.fromisoformat(focal_point["verified_at"]).astimezone(UTC)
        card.add("rev").value = verified.strftime("%Y%m%dT%H%M%SZ")
    card.add("uid").value = f"urn:rso-roster:focal-point:{focal_point['id']}"
    return card.serialize()


def vcards(focal_points: Iterable[tuple[dict, str]]) -> Iterator[str]:
    for focal_point, member_name in focal_points:
        yield vcard(focal_point, member_name)
