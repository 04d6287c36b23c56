from roster.mailings.models import Mailing


def mailing_to_api(mailing: Mailing, counts: dict[str, int]) -> dict:
    """The contract's fields; `failed` counts recipients skipped (deleted, no address) too."""
    return {
        "id": mailing.id,
        "recipients": mailing.recipient_count,
        "sent": counts["sent"],
        "failed": counts["failed"] + counts["skipped"],
        "skipped": counts["skipped"],
        "status": mailing.status,
        "audience": mailing.audience,
        "subject": mailing.subject,
        "created_at": mailing.created_at.isoformat(),
        "finished_at": mailing.finished_at.isoformat() if mailing.finished_at else None,
    }
