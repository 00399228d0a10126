"""Agreements at every stage, as the coordinators, DIC and the approvers move them."""
from datetime import timedelta

from .common import approve_current, attach, ref, today, user

AGREEMENTS = [
    ("polimi", "submitted"), ("kaist", "dic_review"), ("mines", "negotiation"),
    ("metu", "legal_review"), ("tsinghua", "management"), ("utp", "approved"),
    ("gubkin", "signed"), ("tu_berlin", "signed"), ("freiberg", "signed"), ("bgr", "signed"),
    ("iaea", "signed"),
]
ORDER = ["draft", "submitted", "dic_review", "negotiation", "drafting", "legal_review", "management",
         "approved", "signed", "in_force"]


def coordinator_for(env, agreement):
    """The coordinator of the agreement's institute (DIC when the institute has none)."""
    for xmlid in ("user_coordinator", "user_coordinator_geo"):
        candidate = user(env, xmlid)
        if candidate.employee_id.intl_institute_id == agreement.institute_id:
            return candidate
    return user(env, "user_dic_officer")


def advance_agreement(env, agreement, target):
    coordinator, officer = coordinator_for(env, agreement), user(env, "user_dic_officer")
    scan_type = env.ref("intl_cooperation.intl_document_type_signed_agreement")
    lines = agreement.document_line_ids
    if target != "signed":
        lines = lines.filtered(lambda line: line.type_id != scan_type)
    attach(env, agreement, lines, coordinator)
    while ORDER.index(agreement.state) < ORDER.index(target):
        state = agreement.state
        if state == "draft":
            agreement.with_user(coordinator).action_submit()
        elif state == "submitted":
            agreement.with_user(officer).action_approval_submit()
            agreement.document_line_ids.filtered(
                lambda line: line.required and line.state == "received"
            ).with_user(officer)._do_check_all()
        elif state == "dic_review" and target != "dic_review":
            agreement.with_user(officer).action_start_negotiation()
        elif state == "negotiation":
            agreement.with_user(officer).action_draft_ready()
        elif state == "approved":
            agreement.with_user(coordinator).action_sign()
        else:
            approve_current(agreement)


def run(env):
    for suffix, target in AGREEMENTS:
        agreement = ref(env, f"intl_agreement_{suffix}_demo")
        if agreement and agreement.state == "draft":
            advance_agreement(env, agreement, target)
    officer = user(env, "user_dic_officer")
    iaea = ref(env, "intl_agreement_iaea_demo")
    if iaea and iaea.state in ("signed", "in_force"):
        iaea.with_user(officer)._do_terminate(
            today() - timedelta(days=45),
            "The partner reorganised its education programme and gave notice.")
    tu_berlin = ref(env, "intl_agreement_tu_berlin_demo")
    if tu_berlin and tu_berlin.state in ("signed", "in_force") and not env["intl.agreement.annex"].search(
            [("agreement_id", "=", tu_berlin.id)]):
        # the coordinator registers the signed annex that extends the agreement
        env["intl.agreement.annex"].with_user(coordinator_for(env, tu_berlin)).create({
            "agreement_id": tu_berlin.id, "number": "1",
            "date": today() - timedelta(days=60),
            "summary": "Extends the agreement by two years and adds a double-degree track in data science.",
            "changes_expiry": True, "date_end_new": today() + timedelta(days=1430),
        })
    cancelled = ref(env, "intl_agreement_cancel_demo")
    if cancelled and cancelled.state == "draft":
        cancelled.with_user(coordinator_for(env, cancelled)).action_cancel()
    if tu_berlin:
        done = tu_berlin.plan_line_ids.filtered(lambda line: line.outcome and line.state == "planned")
        for line in done:
            line.with_user(line.employee_id.user_id or coordinator_for(env, tu_berlin)).action_done()
    # the daily run: starts, reminds, expires, marks overdue plan lines
    env["intl.agreement.reminder"]._cron_agreement_expiry()
    if tu_berlin and not tu_berlin.date_dic_copy_received:
        tu_berlin.with_user(officer).action_dic_copy_received()
