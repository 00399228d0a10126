"""Invited scholars, as the coordinator, the institute director, the DIC Director, DIC and the accountant.

The semester plans are submitted and decided; the visits are at every stage.
A visit that has already begun was filed in time under the 40-day rule: the
step files and accepts it on a working day six weeks before the arrival, so
no late file is allowed for it.
"""
from datetime import timedelta

from odoo import Command

from .common import PDF, approve_current, on_day, ref, today, user
from .dates import working_day_on_or_before

ORDER = ["draft", "to_dic", "accepted", "on_site", "ended", "act", "done"]
VISITS = {"yilmaz": "draft", "li": "to_dic", "dubois": "refused", "kim": "accepted",
          "rossi": "on_site", "schmidt": "act", "weber": "done"}


def check_documents(env, visit, code, verify=True):
    """The coordinator attaches the scans of ``code``'s checklist, DIC verifies them."""
    coordinator, officer = user(env, "user_coordinator"), user(env, "user_dic_officer")
    lines = visit.document_line_ids.filtered(
        lambda line: code in line.type_id.process_ids.mapped("code") and line.state != "verified")
    for line in lines:
        attachment = env["ir.attachment"].with_user(coordinator).create({
            "name": f"{line.type_id.name} {visit.name}.pdf".replace("/", "-"), "datas": PDF,
            "res_model": visit._name, "res_id": visit.id})
        line.with_user(coordinator).write({"attachment_ids": [Command.link(attachment.id)]})
        if line.expires:
            line.with_user(officer).write({"expiry_date": today() + timedelta(days=900)})
    if verify:
        lines.filtered("required").with_user(officer)._do_check_all()


def run_plans(env):
    for suffix, target in (("it_fall", "approved"), ("it_spring", "approved"), ("geo_spring", "to_agree")):
        plan = ref(env, f"intl_scholar_plan_{suffix}_demo")
        if not plan or plan.state != "draft":
            continue
        coordinator = user(env, "user_coordinator") if plan.institute_id == ref(env, "hr_department_inst_it_demo") \
            else user(env, "user_coordinator_geo")
        plan.with_user(coordinator).action_submit()
        while target == "approved" and plan.state != "approved":
            approve_current(plan)


def run_visit(env, visit, target):
    coordinator, officer = user(env, "user_coordinator"), user(env, "user_dic_officer")
    submit_days = visit.company_id.intl_scholar_submit_days
    filed_on = None
    if (visit.date_arrival - today()).days < submit_days:
        filed_on = working_day_on_or_before(env, visit.date_arrival - timedelta(days=submit_days + 5))
    with on_day(env, filed_on):
        # §5.5.1: the file's documents are attached before the submission
        check_documents(env, visit, "scholar", verify=False)
        visit.with_user(coordinator).action_submit()
        if target == "to_dic":
            return
        check_documents(env, visit, "scholar")
        if target == "refused":
            # the first step's approver: the head of the international programmes office (5.5.1)
            first = visit.approval_user_ids.filtered(lambda u: not u._is_superuser())[:1]
            visit.with_user(first)._approval_do_reject(
                "The lecture schedule does not match the master programme; agree it with the department.")
            return
        # 5.5.1: the head of the international programmes office, then the DIC Director
        while visit.state == "to_dic":
            approve_current(visit)
        Fee = env["intl.scholar.fee"].with_user(officer)
        Fee.create({"visit_id": visit.id, "date": min(today(), visit.date_arrival - timedelta(days=20)),
                    "kind_id": ref(env, "intl_state_fee_kind_invitation").id})
    if target == "accepted":
        return
    check_documents(env, visit, "scholar_visa")
    Fee.create({"visit_id": visit.id, "date": visit.date_arrival - timedelta(days=10),
                "kind_id": ref(env, "intl_state_fee_kind_single").id})
    visa = env["intl.scholar.visa"].with_user(officer).create({
        "visit_id": visit.id, "category_id": ref(env, "intl_visa_category_b2").id, "entry": "single",
        "number": f"KZ{visit.id:07d}", "date_issue": visit.date_arrival - timedelta(days=7),
        "date_expiry": visit.date_departure + timedelta(days=10)})
    visa.action_issue()
    visit.with_user(officer).action_register_arrival()
    visit.with_user(officer).write({
        "registration_number": f"MR-{visit.id:05d}",
        "registration_expiry": visit.date_departure + timedelta(days=5)})
    check_documents(env, visit, "scholar_arrival")
    given = visit.lecture_ids.filtered(lambda lecture: lecture.date <= today())
    given[:-1].with_user(coordinator).action_give()
    given[-1:].with_user(coordinator).action_give(hours=2.0)
    if target == "on_site":
        return
    visit.with_user(coordinator).action_end_stay()
    visit.with_user(coordinator).action_draw_act()
    act = visit.act_ids
    act.with_user(coordinator).action_submit()
    while act.state == "to_approve":
        approve_current(act)
    if target != "done":
        return
    _pay_act(env, visit)


def _scholar_accounts(env, company):
    """The accountant's setup of the scholars' accounts; False without a chart of accounts."""
    # the state fees are paid in tenge, whatever the company's currency
    env.ref("base.KZT").filtered(lambda currency: not currency.active).active = True
    if company.intl_scholar_service_account_id:
        return True
    Account = env["account.account"].with_company(company)
    expense = Account.search([*Account._check_company_domain(company),
                              ("account_type", "=", "expense")], limit=1)
    if not expense:
        return False
    partner = env["res.partner"].create({"name": "State Revenue Committee", "is_company": True,
                                         "country_id": env.ref("base.kz").id})
    company.write({"intl_scholar_service_account_id": expense.id,
                   "intl_scholar_fee_account_id": expense.id,
                   "intl_scholar_fee_partner_id": partner.id})
    return True


def _pay_act(env, visit):
    """The accountant posts the fees, books the approved act and pays it (not without a chart)."""
    accountant = user(env, "user_accountant")
    act = visit.act_ids.filtered(lambda a: a.state == "approved")[:1]
    if not act or not _scholar_accounts(env, visit.company_id):
        return
    visit.fee_ids.filtered(lambda f: f.state == "draft").with_user(accountant).action_post()
    act.with_user(accountant).action_create_bill()
    act.with_user(accountant).action_pay()


def run(env):
    run_plans(env)
    for key, target in VISITS.items():
        visit = ref(env, f"intl_scholar_visit_{key}_demo")
        if not visit or target == "draft":
            continue
        if visit.state == "draft":
            run_visit(env, visit, target)
        elif target == "done":
            _pay_act(env, visit)  # an act left approved by an install without a chart
    env["intl.scholar.visit"]._cron_remind_expiries()

