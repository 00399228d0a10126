"""Erasmus Without Paper and mobility calls through the real doors: the step "ewp" of the demo
scenario, after the agreements and the double degrees (demo_scenario/__init__.py).

DIC exports the signed TU Berlin agreement, its cooperation conditions as the
demo data negotiated them, as an EWP iias-get-response (IIA API v7) file
attached to the agreement, then reads that file back as a partner's: no
differences. Under its conditions the institute opens a call for student
studies (two learners apply, the call stays open) and a call for staff
teaching, to which a lecturer applies himself and which the commission
decides. Idempotent: nothing is done twice.
"""
import base64
from datetime import timedelta

from odoo import Command

from .common import today as demo_today

DEMO_PDF = base64.b64encode(b"%PDF-1.4\n% demo scan\n")


def _attach_all(env, record, user):
    for line in record.document_line_ids.filtered(lambda doc: not doc.attachment_ids):
        attachment = env["ir.attachment"].create({
            "name": f"{line.type_id.name}.pdf", "datas": DEMO_PDF, "res_model": record._name, "res_id": record.id,
        })
        line.with_user(user).write({
            "attachment_ids": [Command.link(attachment.id)],
            "expiry_date": demo_today() + timedelta(days=400) if line.expires else False,
        })


def run_demo_calls(env):
    """One call open with two applications, one decided (a lecturer selected), under TU Berlin's conditions."""
    agreement = env.ref("intl_cooperation.intl_agreement_tu_berlin_demo", raise_if_not_found=False)
    if not agreement or agreement.state not in ("signed", "in_force"):
        return False
    Call = env["intl.mobility.call"]
    coordinator = env.ref("intl_cooperation.user_coordinator")
    officer = env.ref("intl_cooperation.user_dic_officer")
    studies = env.ref("intl_cooperation.intl_agreement_condition_tu_berlin_out_studies_demo")
    teaching = env.ref("intl_cooperation.intl_agreement_condition_tu_berlin_out_teaching_demo")
    year = studies._academic_years()[0]
    if not Call.search_count([("condition_id", "=", studies.id)]):
        call = Call.with_user(coordinator).create({
            "condition_id": studies.id, "academic_year": year, "semester": "autumn", "min_gpa": 3.0,
            "date_deadline": demo_today() + timedelta(days=21),
            "commission_user_ids": [Command.set(officer.ids)],
        })
        # nobody appoints themselves: DIC appoints the coordinator to the commission
        call.with_user(officer).write({"commission_user_ids": [Command.link(coordinator.id)]})
        call.action_open()
        learners = env["intl.learner"].search([("student_code", "in", ("SU-2024-0101", "SU-2024-0102"))])
        for learner in learners:
            application = env["intl.mobility.application"].with_user(coordinator).create({
                "call_id": call.id, "learner_id": learner.id,
                "motivation": "Courses in data science and automation at TU Berlin.",
            })
            _attach_all(env, application, coordinator)
            application.action_submit()
    if not Call.search_count([("condition_id", "=", teaching.id)]):
        lecturer = env.ref("intl_cooperation.user_requester")
        call = Call.with_user(coordinator).create({
            "condition_id": teaching.id, "academic_year": year, "semester": "spring",
            "date_deadline": demo_today() + timedelta(days=7),
            "commission_user_ids": [Command.set(officer.ids)],
        })
        call.action_open()
        application = env["intl.mobility.application"].with_user(lecturer).create({
            "call_id": call.id, "employee_id": lecturer.employee_id.id,
            "motivation": "A week of guest lectures on industrial automation.",
        })
        _attach_all(env, application, coordinator)
        application.with_user(lecturer).action_submit()
        call.action_close_applications()
        call.decision_ref = "DIC-MOB-3/2026"
        call.with_user(officer).action_decide()
    return True


def run_demo_ewp(env):
    """Export the TU Berlin agreement once (as the DIC officer) and check the file reads back unchanged."""
    agreement = env.ref("intl_cooperation.intl_agreement_tu_berlin_demo", raise_if_not_found=False)
    officer = env.ref("intl_cooperation.user_dic_officer", raise_if_not_found=False)
    if not agreement or not officer or not agreement.condition_ids or agreement.state not in ("signed", "in_force"):
        return False
    Attachment = env["ir.attachment"]
    done = Attachment.search_count([
        ("res_model", "=", "intl.agreement"), ("res_id", "=", agreement.id), ("name", "=like", "EWP-IIA-%.xml"),
    ])
    if done:
        return False
    agreement = agreement.with_user(officer)
    attachment = agreement._ewp_export_attachment()
    reports = agreement.ewp_import(attachment.raw)
    assert reports[0]["agreement"] == agreement and not reports[0]["differences"], reports
    return attachment


def run(env):
    run_demo_ewp(env)
    run_demo_calls(env)
