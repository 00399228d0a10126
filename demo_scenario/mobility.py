"""Outgoing mobility from the call to the learning agreement: the step "mobility" of the demo scenario,
after the calls of "ewp" and the partner's portal coordinator of "portal" (demo_scenario/__init__.py).

The institute opens a call for student traineeships at TU Berlin with one seat; two learners
apply; the commission selects one (the other in reserve). The coordinator nominates her to TU
Berlin (the nomination letter by e-mail, in the partner's language) and records TU Berlin's
acceptance: the outgoing mobility is planned. Her learning agreement is approved by the institute
and the Registrar Office, signed by the student and, as DIC records, by TU Berlin; then changed
during the mobility (one component removed, one added, each with its reason), approved and signed
again, so the first version reads as superseded. The lecturer selected by the staff call of "ewp"
is nominated too and waits for TU Berlin's answer. Idempotent: nothing is done twice.
"""
from odoo import Command

from .common import today, user
from .ewp import _attach_all

COMPONENTS = [
    ("Промышленная автоматизация", 5.0, "Industrial Automation Lab (internship project)", 6.0),
    ("Производственная практика", 10.0, "Traineeship at the Institute of Automation", 12.0),
]


def _nominate(env, application, coordinator):
    """The coordinator nominates and sends the letter from the composer the button opens."""
    action = application.with_user(coordinator).action_nominate()
    composer = env["mail.compose.message"].with_user(coordinator).with_context(**action["context"]).create({})
    composer._action_send_mail()


def _approve(plan, coordinator, director, registrar):
    plan.with_user(coordinator).action_submit()
    plan.with_user(director).action_approval_approve()
    plan.with_user(registrar).action_approval_approve()


def _sign(plan, coordinator, officer, partner_signatory):
    plan.with_user(coordinator).action_record_signature("student", today())
    plan.with_user(officer).action_record_signature("receiving", today(), partner_signatory)


def run(env):
    agreement = env.ref("intl_cooperation.intl_agreement_tu_berlin_demo", raise_if_not_found=False)
    condition = env.ref("intl_cooperation.intl_agreement_condition_tu_berlin_out_traineeship_demo",
                        raise_if_not_found=False)
    if not agreement or not condition or agreement.state not in ("signed", "in_force"):
        return False
    coordinator, officer = user(env, "user_coordinator"), user(env, "user_dic_officer")
    director, registrar = user(env, "user_institute_director"), user(env, "user_registrar")
    Call = env["intl.mobility.call"]
    # the lecturer selected by the staff call of "ewp" is nominated and waits for the answer
    teaching = env.ref("intl_cooperation.intl_agreement_condition_tu_berlin_out_teaching_demo")
    lecturer = env["intl.mobility.application"].search([
        ("call_id.condition_id", "=", teaching.id), ("state", "=", "selected")], limit=1)
    if lecturer:
        _nominate(env, lecturer, coordinator)
    if Call.search_count([("condition_id", "=", condition.id)]):
        return True
    year = condition._academic_years()[0]
    call = Call.with_user(coordinator).create({
        "condition_id": condition.id, "academic_year": year, "semester": "autumn", "min_gpa": 3.0, "seats": 1,
        "date_deadline": today(), "commission_user_ids": [Command.set(officer.ids)],
        # the host laboratory works in English: the call asks B1 in English instead of the condition's German
        "required_lang_id": env.ref("base.lang_en").id, "required_cefr": "B1",
    })
    call.action_open()
    learners = env["intl.learner"].search([("student_code", "in", ("SU-2024-0103", "SU-2024-0105"))])
    for learner in learners:
        application = env["intl.mobility.application"].with_user(coordinator).create({
            "call_id": call.id, "learner_id": learner.id,
            "motivation": "A traineeship in industrial automation at TU Berlin's laboratories.",
        })
        _attach_all(env, application, coordinator)
        application.action_submit()
    call.action_close_applications()
    call.decision_ref = "DIC-MOB-5/2026"
    call.with_user(officer).action_decide()
    selected = call.application_ids.filtered(lambda a: a.state == "selected")
    _nominate(env, selected, coordinator)
    selected.with_user(coordinator).date_partner_decision = today()
    selected.with_user(coordinator).action_accept()
    mobility = selected.mobility_id

    # the learning agreement before the mobility, approved and signed by the three parties
    signatory = "Hanna Weber, exchange coordinator, TU Berlin"
    action = mobility.with_user(coordinator).action_create_learning_agreement()
    plan = env["intl.study.plan"].browse(action["res_id"])
    plan.with_user(coordinator).write({
        "partner_contact": "Hanna Weber",
        "line_ids": [Command.create({
            "semester": 1, "home_discipline": home, "home_credits": home_credits,
            "partner_discipline": partner, "partner_credits": partner_credits,
        }) for home, home_credits, partner, partner_credits in COMPONENTS],
    })
    _approve(plan, coordinator, director, registrar)
    _sign(plan, coordinator, officer, signatory)

    # a change during the mobility: the laboratory project replaced by a course, with the reasons
    action = plan.with_user(coordinator).action_new_version()
    change = env["intl.study.plan"].browse(action["res_id"]).with_user(coordinator)
    removed = change.line_ids.filtered(lambda line: line.home_credits == 5.0)
    removed.write({"change": "removed", "change_reason": "The laboratory is closed for renovation this semester."})
    change.write({"line_ids": [Command.create({
        "semester": 1, "home_discipline": "Системы управления", "home_credits": 5.0,
        "partner_discipline": "Control Systems Engineering", "partner_credits": 6.0,
        "change_reason": "Replaces the laboratory project, agreed with the host supervisor.",
    })]})
    _approve(change, coordinator, director, registrar)
    _sign(change, coordinator, officer, signatory)
    return True
