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
            ).with_user(officer)._do_check_all()
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
    "approved": ("approved", None),  # the accountant pays its advance (tenge)
    "approved_eur": ("approved", None),  # the accountant pays its advance (euros)
    "abroad": ("approved", "advance"),
    "returned": ("returned", "check"),  # euro advance; report with receipts to check
    "settled_under": ("returned", "deduction"),  # rest deducted from the salary
    "settled_over": ("returned", "to_settle"),  # grant trip: the difference to pay
    "settled_foreign": ("returned", "foreign"),  # euro rest returned, matched with the bank
    "host": ("done", None),
    "late": ("returned", "advance"),
    # trips whose traveller came back late (or not yet): the disciplinary cases below
    "late_noreturn": ("approved", None),
    "late_explained": ("returned", None),
    "late_refusal": ("returned", None),
    "late_decided": ("returned", None),
    "late_closed": ("returned", None),
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
    # §5.3: the file's documents are attached before the submission
    trip._document_sync_checklist()
    attach(trip, trip.document_line_ids.filtered(
        lambda line: line.required and line.state == "missing" and not line.due_later), traveller)
    trip.with_user(traveller).action_submit()
    while trip.state != stage and trip.state in STAGES[:-1]:
        if trip.state == "to_dic":
            required = trip.document_line_ids.filtered("required")
            attach(trip, required, traveller)
            required.with_user(officer)._do_check_all()
        approve_current(trip)
    if stage in ("returned", "done"):
        # late travellers are back 4 calendar days after the period (at least 2 working days)
        late = 4 if suffix.startswith("late") else 0
        # the traveller reports the return; the unit head confirms it
        head = trip._unit_head_users()[:1] or officer
        trip.with_user(head)._register_return(trip.approved_date_to + timedelta(days=late))
    if stage == "done":
        trip.with_user(traveller).write({"results": "<p>Lectures given; joint publication agreed.</p>"})
        trip.with_user(traveller).action_submit_assignment_report()

# ----------------------------------------------------------------------
# Disciplinary cases: the unit head draws up the act, HR takes each case to a stage
# ----------------------------------------------------------------------
CASES = {
    "late_noreturn": "open", "late": "explanation_requested", "late_explained": "explanation_received",
    "late_refusal": "refusal", "late_decided": "decided", "late_closed": "closed",
}
hr_officer = user("user_hr")
witnesses = env.ref("intl_cooperation.hr_employee_dic_officer_demo") | env.ref(
    "intl_cooperation.hr_employee_coordinator_demo")
env["intl.trip"]._cron_check_trips()  # asks the unit heads and HR to confirm presence
for suffix, target in CASES.items():
    trip = ref(f"intl_trip_{suffix}_demo")
    if not trip or trip.sudo().case_ids or trip.state not in ("approved", "returned"):
        continue
    head = trip._unit_head_users()[:1]
    if not head:
        continue
    kind = "late_return" if trip.state == "returned" else "no_return"
    env["intl.disciplinary.act"].with_user(head).with_context(
        default_trip_id=trip.id, default_kind=kind).create({
            "witness_ids": [Command.set((witnesses - trip.employee_id).ids)]}).action_confirm()
    case = trip.sudo().case_ids.with_user(hr_officer)
    if target == "open":
        continue
    case.action_request_explanation()
    if target == "explanation_requested":
        continue
    if target == "refusal":
        # the request was handed over ten days ago: its two working days are over
        case.sudo()._lifecycle_write({
            "explanation_requested_on": fields.Date.today() - timedelta(days=10),
            "explanation_deadline": fields.Date.today() - timedelta(days=8)})
        case.action_refusal_act()
        continue
    case.write({"explanation": "The return flight was cancelled by the airline and the next one "
                               "left three days later; I did not warn the department in time."})
    case.action_record_explanation()
    if target == "decided":
        case.write({"decision": "reprimand"})
        case.action_decide()
    elif target == "closed":
        case.write({"closing_reason": "The airline's certificate confirms the cancellation: a good "
                                      "reason; no sanction."})
        case.action_close_without_sanction()

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
    eur, usd = env.ref("base.EUR"), env.ref("base.USD")
    (eur | usd).filtered(lambda currency: not currency.active).active = True  # the accountant's setup
    if company.currency_id.name == "KZT":
        # the university keeps its books in tenge: tenge is the reference of its rates (Odoo's
        # demo rates are quoted against the dollar)
        env["res.currency.rate"].search([
            ("currency_id", "=", company.currency_id.id),
            ("company_id", "in", [company.id, False])]).unlink()
        # tenge per euro / dollar: a year ago and since the autumn (the euro rose)
        today = fields.Date.today()
        for currency, days, kzt in ((eur, 400, 545.0), (eur, 115, 560.0), (usd, 400, 505.0)):
            date = today - timedelta(days=days)
            if not currency.rate_ids.filtered(lambda r, d=date: r.company_id == company and r.name == d):
                env["res.currency.rate"].create({
                    "currency_id": currency.id, "company_id": company.id, "rate": 1 / kzt,
                    "name": date})
        # the estimates were converted when the demo was loaded: convert them at these rates
        estimate_lines = env["intl.trip.estimate.line"].search([("company_id", "=", company.id)])
        estimate_lines.modified(["unit_amount"])
        env.flush_all()
    if not company.intl_payroll_account_id:
        # a chart without the Kazakh 3350: open the payroll account for the demo
        company.intl_payroll_account_id = env["account.account"].create({
            "name": "Short-term payables to employees (salaries)", "code": "3350",
            "account_type": "liability_payable", "reconcile": True,
            "company_ids": [Command.set(company.ids)]})
    accountant = user("user_accountant")
    Wizard = env["intl.trip.payment.wizard"].with_user(accountant)
    visa = env.ref("intl_cooperation.intl_trip_expense_category_visa")
    for suffix, (_stage, money) in TRIPS.items():
        trip = ref(f"intl_trip_{suffix}_demo")
        if not trip or not money or trip.payment_ids or trip.state not in ("approved", "returned"):
            continue
        paid_on = trip.approved_date_from - timedelta(days=3)
        currency = eur if money in ("check", "foreign") else company.currency_id
        amount = company.currency_id._convert(trip.estimate_total, currency, company, paid_on)
        Wizard.create({"trip_id": trip.id, "kind": "advance", "date": paid_on,
                       "currency_id": currency.id, "amount": round(amount, -1)}).action_confirm()
        if money == "advance":
            continue
        spent = {"check": 1.04, "deduction": 0.9, "to_settle": 1.06, "foreign": 0.9}[money]
        # a traveller without a login hands the report to the accounting office
        traveller = trip.user_id or accountant
        lines = []
        for number, line in enumerate(trip.estimate_line_ids, start=1):
            vals = {
                "category_id": line.category_id.id, "name": line.name or line.category_id.name,
                "amount": round(line.amount * spent, 2), "currency_id": line.currency_id.id,
                "date": trip.date_departure}
            if not line.category_id.is_per_diem:
                receipt = env["ir.attachment"].with_user(traveller).create({
                    "name": f"receipt {number} {trip.name}.pdf".replace("/", "-"), "datas": PDF})
                vals.update(receipt_number=f"{trip.name[-4:]}-{number:02d}",
                            attachment_ids=[Command.set(receipt.ids)])
            lines.append(Command.create(vals))
        if money == "foreign":
            receipt = env["ir.attachment"].with_user(traveller).create({
                "name": f"visa {trip.name}.pdf".replace("/", "-"), "datas": PDF})
            lines.append(Command.create({
                "category_id": visa.id, "name": "Schengen visa", "amount": 80.0,
                "currency_id": eur.id, "date": trip.date_departure, "receipt_number": "VFS-311875",
                "attachment_ids": [Command.set(receipt.ids)]}))
        report = env["intl.trip.advance.report"].with_user(traveller).create({
            "trip_id": trip.id, "date": trip.date_return_actual, "line_ids": lines})
        report.with_user(traveller).action_submit()
        if money == "check":
            continue  # the accountant checks it: per diem above the norm, receipts
        for line in report.line_ids.filtered("excess_amount"):
            if line.is_per_diem:
                line.with_user(accountant)._do_decide_excess("charge", False)
            else:
                line.with_user(accountant)._do_decide_excess(
                    "accept", "The hotel of the conference; no cheaper room was available.")
        report.with_user(accountant).action_post()
        reporter = trip.user_id or officer
        trip.with_user(reporter).write({"results": "<p>Assignment completed; see the attached programme.</p>"})
        trip.with_user(reporter).action_submit_assignment_report()
        if money == "to_settle":
            continue
        settled_on = trip.date_return_actual + timedelta(days=7)
        trip.with_user(accountant)._do_settle(
            method="deduction" if money == "deduction" else "return", date=settled_on)
        refund = trip.payment_ids.filtered(lambda p: p.kind == "return" and p.state == "posted")
        if refund:
            # the bank's statement brings the traveller's transfer (imported by the system)
            st_line = env["account.bank.statement.line"].create({
                "journal_id": refund.journal_id.id, "date": settled_on + timedelta(days=1),
                "payment_ref": f"Return of the advance, {trip.name}",
                "partner_id": trip._get_traveller_partner().id, "amount": refund.amount_company,
                **({"foreign_currency_id": refund.currency_id.id, "amount_currency": refund.amount}
                   if refund.currency_id != company.currency_id else {})})
            refund.with_user(accountant)._match_statement_line(st_line)
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
