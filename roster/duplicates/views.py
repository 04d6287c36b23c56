"""Staff pages: the list of candidate pairs, and the merge of one pair side by side."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from roster.auth.permissions import can_merge_experts
from roster.duplicates import merge, scan
from roster.errors import ValidationFailed, VersionConflict
from roster.experts.queries import expert_records_in_order, get_expert
from roster.extensions import db
from roster.validation import parse_id


def _check():
    if not can_merge_experts(current_user):
        abort(403)


@login_required
def duplicate_list():
    _check()
    found = scan.candidates()
    ids = sorted({expert_id for candidate in found[:200] for expert_id in candidate.expert_ids})
    experts = {expert.id: expert for expert in expert_records_in_order(ids)}
    return render_template(
        "duplicates/list.html", candidates=found[:200], total=len(found), experts=experts
    )


@login_required
def expert_merge(expert_id: int):
    _check()
    expert = get_expert(expert_id)
    if expert is None:
        abort(404)
    into_id = parse_id(request.values.get("into", ""))
    into = get_expert(into_id) if into_id else None
    if into is None or into.id == expert.id:
        abort(404)
    if request.method == "POST":
        version = parse_id(request.form.get("version", ""))
        try:
            survivor = merge.merge_experts(current_user, expert.id, into.id, version or 0)
        except merge.Gone:
            abort(404)
        except (VersionConflict, ValidationFailed):
            db.session.rollback()
            flash("One of the two records changed meanwhile: check the fields again.")
            return redirect(url_for("duplicates.expert_merge", expert_id=expert_id, into=into_id))
        db.session.commit()
        flash(f"Merged into {survivor.full_name}.")
        return redirect(url_for("experts.expert_detail", expert_id=survivor.id))
    return render_template(
        "duplicates/merge.html", expert=expert, into=into, choices=merge.plan(expert, into)
    )
