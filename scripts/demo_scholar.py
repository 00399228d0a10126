"""Invited-scholar demo through the real doors: run by `make run` in `odoo shell` (``env`` is given).

demo/intl_scholar_demo.xml loads the semester plans and the visits as drafts;
this script moves them as the demo users would: the coordinator submits, the
institute director / DIC Director / rector decide, DIC checks the documents,
records visas, fees and the arrival, the coordinator marks lectures and draws
the act, the accountant pays. Idempotent: records already moved are left alone.
"""
# ruff: noqa: F821  (``env`` is the odoo shell's)
import base64
from datetime import timedelta

from odoo import Command, fields

PDF = base64.b64encode(b"%PDF-1.4\n% demo scan\n")
TODAY = fields.Date.context_today(env["intl.scholar.visit"])


def user(xmlid):
    return env.ref(f"intl_cooperation.{xmlid}")


def ref(xmlid):
    return env.ref(f"intl_cooperation.{xmlid}", raise_if_not_found=False)


COORDINATOR, OFFICER = user("user_coordinator"), user("user_dic_officer")
DIRECTOR, ACCOUNTANT = user("user_dic_director"), user("user_accountant")


def approve_current(record):
    """The first current approver decides the pending step."""
    approver = record.approval_user_ids.filtered(lambda u: not u._is_superuser())[:1]
    record.with_user(approver).action_approval_approve()


def check_documents(visit, code, verify=True):
    """The coordinator attaches the scans of ``code``'s checklist, DIC verifies them."""
    lines = visit.document_line_ids.filtered(
        lambda line: code in line.type_id.process_ids.mapped("code") and line.state != "verified")
    for line in lines:
        attachment = env["ir.attachment"].with_user(COORDINATOR).create({
            "name": f"{line.type_id.name} {visit.name}.pdf".replace("/", "-"), "datas": PDF,
            "res_model": visit._name, "res_id": visit.id})
        line.with_user(COORDINATOR).write({"attachment_ids": [Command.link(attachment.id)]})
        if line.expires:
            line.with_user(OFFICER).write({"expiry_date": TODAY + timedelta(days=900)})
    if verify:
        lines.filtered("required").with_user(OFFICER)._do_check_all()


# ----------------------------------------------------------------------
# Semester plans
# ----------------------------------------------------------------------
for suffix, target in (("it_fall", "approved"), ("it_spring", "approved"), ("geo_spring", "to_agree")):
    plan = ref(f"intl_scholar_plan_{suffix}_demo")
    if not plan or plan.state != "draft":
        continue
    coordinator = COORDINATOR if plan.institute_id == ref("hr_department_inst_it_demo") \
        else user("user_coordinator_geo")
    plan.with_user(coordinator).action_submit()
    while target == "approved" and plan.state != "approved":
        approve_current(plan)

# ----------------------------------------------------------------------
# Visits at every stage
# ----------------------------------------------------------------------
ORDER = ["draft", "to_dic", "accepted", "on_site", "ended", "act", "done"]
VISITS = {"yilmaz": "draft", "li": "to_dic", "dubois": "refused", "kim": "accepted",
          "rossi": "on_site", "schmidt": "act", "weber": "done"}
for key, target in VISITS.items():
    visit = ref(f"intl_scholar_visit_{key}_demo")
    if not visit or visit.state != "draft" or target == "draft":
        continue
    if visit.submit_late:
        env["intl.scholar.override"].with_user(DIRECTOR).create({
            "visit_id": visit.id,
            "reason": "The file was handed over on paper before the system went live."}).action_confirm()
    # §5.5.1: the file's documents are attached before the submission
    check_documents(visit, "scholar", verify=False)
    visit.with_user(COORDINATOR).action_submit()
    if target == "to_dic":
        continue
    check_documents(visit, "scholar")
    if target == "refused":
        visit.with_user(DIRECTOR)._approval_do_reject(
            "The lecture schedule does not match the master programme; agree it with the department.")
        continue
    visit.with_user(DIRECTOR).action_approval_approve()
    Fee = env["intl.scholar.fee"].with_user(OFFICER)
    Fee.create({"visit_id": visit.id, "date": min(TODAY, visit.date_arrival - timedelta(days=20)),
                "kind_id": ref("intl_state_fee_kind_invitation").id})
    if target == "accepted":
        continue
    check_documents(visit, "scholar_visa")
    Fee.create({"visit_id": visit.id, "date": visit.date_arrival - timedelta(days=10),
                "kind_id": ref("intl_state_fee_kind_single").id})
    visa = env["intl.scholar.visa"].with_user(OFFICER).create({
        "visit_id": visit.id, "category_id": ref("intl_visa_category_b2").id, "entry": "single",
        "number": f"KZ{visit.id:07d}", "date_issue": visit.date_arrival - timedelta(days=7),
        "date_expiry": visit.date_departure + timedelta(days=10)})
    visa.action_issue()
    visit.with_user(OFFICER).action_register_arrival()
    visit.with_user(OFFICER).write({
        "registration_number": f"MR-{visit.id:05d}",
        "registration_expiry": visit.date_departure + timedelta(days=5)})
    check_documents(visit, "scholar_arrival")
    given = visit.lecture_ids.filtered(lambda lecture: lecture.date <= TODAY)
    given[:-1].with_user(COORDINATOR).action_give()
    given[-1:].with_user(COORDINATOR).action_give(hours=2.0)
    if target == "on_site":
        continue
    visit.with_user(COORDINATOR).action_end_stay()
    visit.with_user(COORDINATOR).action_draw_act()
    act = visit.act_ids
    act.with_user(COORDINATOR).action_submit()
    while act.state == "to_approve":
        approve_current(act)
    if target != "done":
        continue
    company = visit.company_id
    if not company.intl_scholar_service_account_id:
        Account = env["account.account"].with_company(company)
        expense = Account.search([*Account._check_company_domain(company),
                                  ("account_type", "=", "expense")], limit=1)
        if not expense:
            print("No chart of accounts: the demo act stays approved, waiting for the accountant.")
            continue
        partner = env["res.partner"].create({"name": "State Revenue Committee", "is_company": True,
                                             "country_id": env.ref("base.kz").id})
        company.write({"intl_scholar_service_account_id": expense.id,
                       "intl_scholar_fee_account_id": expense.id,
                       "intl_scholar_fee_partner_id": partner.id})
    visit.fee_ids.with_user(ACCOUNTANT).action_post()
    act.with_user(ACCOUNTANT).action_create_bill()
    act.with_user(ACCOUNTANT).action_pay()

env["intl.scholar.visit"]._cron_remind_expiries()
env.cr.commit()
