"""Demo data through the real doors: run by `make run` in `odoo shell` (``env`` is given).

The demo records are loaded as drafts by demo/*.xml; this script moves them
through their declared transitions as the demo users would (coordinator,
DIC officer, approvers, traveller, accountant): nothing writes a status.
It is idempotent: records already moved are left alone.
"""
# ruff: noqa: F821  (``env`` is the odoo shell's)
import base64
from datetime import timedelta

from odoo import Command, fields

PDF = base64.b64encode(b"%PDF-1.4\n% demo scan\n")


def user(xmlid):
    return env.ref(f"intl_cooperation.{xmlid}")


def ref(xmlid):
    return env.ref(f"intl_cooperation.{xmlid}", raise_if_not_found=False)


def attach(record, lines, as_user):
    """The requester attaches a small PDF to each checklist line of ``lines``."""
    for line in lines.filtered(lambda line: not line.attachment_ids):
        name = f"{line.type_id.code or line.type_id.name} {record.name}.pdf".replace("/", "-")
        attachment = env["ir.attachment"].with_user(as_user).create({
            "name": name, "datas": PDF, "res_model": record._name, "res_id": record.id})
        line.with_user(as_user).write({"attachment_ids": [Command.link(attachment.id)]})


def approve_current(record):
    """The first current approver decides the pending step."""
    approver = record.approval_user_ids.filtered(lambda u: not u._is_superuser())[:1]
    record.with_user(approver).action_approval_approve()


# ----------------------------------------------------------------------
# Agreements
# ----------------------------------------------------------------------
AGREEMENTS = [
    ("polimi", "submitted"), ("kaist", "dic_review"), ("mines", "negotiation"),
    ("metu", "legal_review"), ("tsinghua", "management"), ("utp", "approved"),
    ("gubkin", "signed"), ("tu_berlin", "signed"), ("freiberg", "signed"), ("bgr", "signed"),
    ("iaea", "signed"),
]
ORDER = ["draft", "submitted", "dic_review", "negotiation", "drafting", "legal_review", "management",
         "approved", "signed", "in_force"]


def coordinator_for(agreement):
    """The coordinator of the agreement's institute (DIC when the institute has none)."""
    for xmlid in ("user_coordinator", "user_coordinator_geo"):
        candidate = user(xmlid)
        if candidate.employee_id.intl_institute_id == agreement.institute_id:
            return candidate
    return user("user_dic_officer")


def advance_agreement(agreement, target):
    coordinator, officer = coordinator_for(agreement), user("user_dic_officer")
    scan_type = env.ref("intl_cooperation.intl_document_type_signed_agreement")
    lines = agreement.document_line_ids
    if target != "signed":
        lines = lines.filtered(lambda line: line.type_id != scan_type)
    attach(agreement, lines, coordinator)
    while ORDER.index(agreement.state) < ORDER.index(target):
        state = agreement.state
        if state == "draft":
            agreement.with_user(coordinator).action_submit()
        elif state == "submitted":
            agreement.with_user(officer).action_approval_submit()
            agreement.document_line_ids.filtered(
                lambda line: line.required and line.state == "received"
            ).with_user(officer).action_verify()
        elif state == "dic_review" and target != "dic_review":
            agreement.with_user(officer).action_start_negotiation()
        elif state == "negotiation":
            agreement.with_user(officer).action_draft_ready()
        elif state == "approved":
            agreement.with_user(coordinator).action_sign()
        else:
            approve_current(agreement)


for suffix, target in AGREEMENTS:
    agreement = ref(f"intl_agreement_{suffix}_demo")
    if agreement and agreement.state == "draft":
        advance_agreement(agreement, target)
iaea = ref("intl_agreement_iaea_demo")
if iaea and iaea.state in ("signed", "in_force"):
    iaea.with_user(user("user_dic_officer"))._do_terminate(
        fields.Date.today() - timedelta(days=45),
        "The partner reorganised its education programme and gave notice.")
tu_berlin = ref("intl_agreement_tu_berlin_demo")
if tu_berlin and tu_berlin.state in ("signed", "in_force") and not env["intl.agreement.annex"].search(
        [("agreement_id", "=", tu_berlin.id)]):
    # the coordinator registers the signed annex that extends the agreement
    env["intl.agreement.annex"].with_user(coordinator_for(tu_berlin)).create({
        "agreement_id": tu_berlin.id, "number": "1",
        "date": fields.Date.today() - timedelta(days=60),
        "summary": "Extends the agreement by two years and adds a double-degree track in data science.",
        "changes_expiry": True, "date_end_new": fields.Date.today() + timedelta(days=1430),
    })
cancelled = ref("intl_agreement_cancel_demo")
if cancelled and cancelled.state == "draft":
    cancelled.with_user(coordinator_for(cancelled)).action_cancel()
tu_berlin = ref("intl_agreement_tu_berlin_demo")
if tu_berlin:
    done = tu_berlin.plan_line_ids.filtered(lambda line: line.outcome and line.state == "planned")
    for line in done:
        line.with_user(line.employee_id.user_id or coordinator_for(tu_berlin)).action_done()
# the daily run: starts, reminds, expires, marks overdue plan lines
env["intl.agreement.reminder"]._cron_agreement_expiry()
if tu_berlin and not tu_berlin.date_dic_copy_received:
    tu_berlin.with_user(user("user_dic_officer")).action_dic_copy_received()

# ----------------------------------------------------------------------
# Delegations
# ----------------------------------------------------------------------
DELEGATIONS = [
    ("tu_berlin", "closed", None), ("pw", "protocol_approved", None),
    ("polimi", "protocol_review", None), ("metu", "in_progress", None),
    ("freiberg", "programme_approved", None), ("tsinghua", "programme_review", None),
    ("kaist", "invitation_sent", None), ("mines", "approved", None),
    ("gubkin", "decision_requested", None),
    ("polimi_refused", "refused", "The budget for receptions of this quarter is spent."),
    ("metu_cancel", "cancel", "The delegation postponed its visit to next year."),
]
FLOW = [
    ("decision_requested", "action_request_decision"), ("approved", None),
    ("invitation_sent", "action_send_invitation"), ("programme_review", "action_submit_programme"),
    ("programme_approved", None), ("in_progress", "action_start_visit"),
    ("protocol_review", "action_submit_protocol"), ("protocol_approved", None),
    ("closed", "action_close"),
]
for suffix, target, reason in DELEGATIONS:
    visit = ref(f"intl_delegation_{suffix}_demo")
    if not visit or visit.state != "draft":
        continue
    officer = user("user_dic_officer")
    if target == "refused":
        visit.with_user(officer).action_request_decision()
        approver = visit.approval_user_ids.filtered(lambda u: not u._is_superuser())[:1]
        visit.with_user(approver)._approval_do_reject(reason)
        continue
    if target == "cancel":
        visit.with_user(officer)._check_can_cancel()
        visit.with_user(officer)._do_cancel(reason)
        continue
    for _state, method in FLOW:
        if visit.state == target:
            break
        if method:
            getattr(visit.with_user(officer), method)()
        else:
            approve_current(visit)
visit = ref("intl_delegation_tu_berlin_demo")
if visit and visit.protocol_decision_ids.filtered(lambda d: not d.plan_line_id):
    visit.with_user(user("user_dic_officer")).action_create_plan_lines()

# ----------------------------------------------------------------------
# Trips: approvals, returns, reports
# ----------------------------------------------------------------------
# xml id suffix -> (stage, money scenario)
TRIPS = {
    "to_head": ("to_head", None),
    "to_dic": ("to_dic", None),
    "to_management": ("to_management", None),
    "approved": ("approved", "advance"),
    "abroad": ("approved", "advance"),
    "returned": ("returned", "advance"),
    "settled_under": ("returned", "under"),
    "settled_over": ("returned", "over"),
    "settled_foreign": ("returned", "foreign"),
    "host": ("done", None),
    "late": ("returned", "advance"),
}
STAGES = ["to_head", "to_dic", "to_management", "approved"]
officer, rector = user("user_dic_officer"), user("user_rector")
for suffix, (stage, _money) in TRIPS.items():
    trip = ref(f"intl_trip_{suffix}_demo")
    if not trip or trip.state != "draft":
        continue
    # a traveller without a login is helped by DIC, as in real life
    traveller = trip.user_id or officer
    # these trips are recorded after the fact: Management allows the late application
    trip.with_user(rector)._do_allow_late_submission("Demo: trip recorded after the fact.")
    trip.with_user(traveller).action_submit()
    while trip.state != stage and trip.state in STAGES[:-1]:
        if trip.state == "to_dic":
            required = trip.document_line_ids.filtered("required")
            attach(trip, required, traveller)
            required.with_user(officer).action_verify()
        approve_current(trip)
    if stage in ("returned", "done"):
        late = 3 if suffix == "late" else 0
        trip.with_user(traveller)._register_return(trip.approved_date_to + timedelta(days=late))
    if stage == "done":
        trip.with_user(traveller).write({"results": "<p>Lectures given; joint publication agreed.</p>"})
        trip.with_user(traveller).action_submit_assignment_report()

# ----------------------------------------------------------------------
# Trip money: advances, advance reports, settlements (needs a chart of accounts)
# ----------------------------------------------------------------------
company = env.company
company._intl_setup_trip_accounting()
if company.chart_template and not company.intl_advance_account_id:
    # a chart without the Kazakh 1250 (e.g. the generic one): open the account for the demo
    company.intl_advance_account_id = env["account.account"].create({
        "name": "Short-term receivables from employees (advances)", "code": "1250",
        "account_type": "asset_receivable", "reconcile": True,
        "company_ids": [Command.set(company.ids)]})
if company.intl_advance_account_id and company.intl_advance_journal_id \
        and company.intl_expense_journal_id:
    expense = env["account.account"].search([
        *env["account.account"]._check_company_domain(company),
        ("account_type", "=", "expense")], order="code", limit=1)
    for category in env["intl.trip.expense.category"].with_company(company).search([]):
        if not category.account_id:
            category.account_id = expense
    eur = env.ref("base.EUR")
    if company.currency_id.name == "KZT" and not eur.rate_ids.filtered(
            lambda rate: rate.company_id == company):
        env["res.currency.rate"].create({
            "currency_id": eur.id, "company_id": company.id, "rate": 1 / 545.0,
            "name": fields.Date.today() - timedelta(days=400)})
    accountant = user("user_accountant")
    visa = env.ref("intl_cooperation.intl_trip_expense_category_visa")
    for suffix, (_stage, money) in TRIPS.items():
        trip = ref(f"intl_trip_{suffix}_demo")
        if not trip or not money or trip.payment_ids or trip.state not in ("approved", "returned"):
            continue
        env["intl.trip.payment"].with_user(accountant).create({
            "trip_id": trip.id, "amount": trip.estimate_total,
            "journal_id": company.intl_advance_journal_id.id,
            "date": trip.approved_date_from - timedelta(days=3)})._post()
        if money == "advance":
            continue
        spent = {"under": 0.9, "over": 1.12, "foreign": 0.95}[money]
        lines = [Command.create({
            "category_id": line.category_id.id, "name": line.name or line.category_id.name,
            "amount": round(line.amount * spent, 2), "currency_id": line.currency_id.id,
            "date": trip.date_departure}) for line in trip.estimate_line_ids]
        if money == "foreign":
            lines.append(Command.create({
                "category_id": visa.id, "name": "Schengen visa", "amount": 80.0,
                "currency_id": eur.id, "date": trip.date_departure}))
        traveller = trip.user_id or accountant
        report = env["intl.trip.advance.report"].with_user(traveller).create({
            "trip_id": trip.id, "date": trip.date_return_actual, "line_ids": lines})
        report.with_user(traveller).action_submit()
        report.with_user(accountant).action_post()
        reporter = trip.user_id or officer
        trip.with_user(reporter).write({"results": "<p>Assignment completed; see the attached programme.</p>"})
        trip.with_user(reporter).action_submit_assignment_report()
        trip.with_user(accountant)._do_settle(date=trip.date_return_actual + timedelta(days=7))
env.cr.commit()
print("demo: records moved through their transitions")

# ----------------------------------------------------------------------
# Evaluation (DP 717 section 7): indicators, the annual report, review actions, risks
# ----------------------------------------------------------------------
director, rector = user("user_dic_director"), user("user_rector")
year = fields.Date.today().year
Indicator = env["intl.institute.indicator"].with_user(director)
targets = {"trips_out": 6, "agreements_in_force": 4, "delegations": 2, "scholar_hours": 120,
           "incoming_students": 15}
for xmlid in ("hr_department_inst_it_demo", "hr_department_inst_geo_demo", "hr_department_inst_metal_demo"):
    institute = ref(xmlid)
    if institute and not Indicator.search_count([("institute_id", "=", institute.id), ("year", "=", year)]):
        Indicator.create([{"institute_id": institute.id, "year": year, "code": code, "target": target}
                          for code, target in targets.items()])
Report = env["intl.annual.report"].with_user(director)
if not Report.search_count([("year", "=", year)]):
    report = Report.create({
        "year": year, "lang": "ru_RU",
        "summary": "<p>The university widened its partnerships in Central Europe and East Asia; "
                   "outgoing mobility of faculty grew and two new memoranda were signed.</p>",
        "conclusions": "<p>Agreement approvals are still slow; trip reports are mostly on time.</p>",
        "proposals": "<p>Move agreement approvals to the electronic document flow; plan invited "
                     "scholars a semester ahead.</p>"})
    report.action_submit()
    report.with_user(rector).action_approval_approve()
    report.write({"review_date": fields.Date.today(),
                  "review_summary": "<p>Management review: mobility on track, agreements lag.</p>"})
    env["intl.review.action"].with_user(director).create([
        {"report_id": report.id, "origin": "review", "name": "Shorten the approval of agreements to 20 days",
         "owner_id": user("user_dic_officer").id, "date_deadline": fields.Date.today() + timedelta(days=60)},
        {"report_id": report.id, "origin": "council", "name": "Fund the invited scholars from January",
         "owner_id": director.id, "date_deadline": fields.Date.today() + timedelta(days=90)},
    ])
for risk in env["intl.risk"].search([("owner_id", "=", env.ref("base.user_admin").id)]):
    risk.owner_id = director
env["intl.risk"].search([("indicator", "=", "funds_used_november")]).write({"allocated_amount": 25000000})
env["intl.risk"]._cron_check_risks()
env.cr.commit()
print("demo: annual report, indicators, review actions and risks")
