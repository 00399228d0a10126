"""Trip money: advances, advance reports, settlements, as the accountant and the travellers.

Needs a chart of accounts; without one the step leaves the trips unpaid.
"""
from datetime import timedelta

from odoo import Command

from .common import PDF, ref, today, user
from .trips import TRIPS


def _setup_accounting(env, company):
    """The accountant's setup: the advance account, expense accounts, foreign currency rates."""
    company._intl_setup_trip_accounting()
    if company.chart_template and not company.intl_advance_account_id:
        # a chart without the Kazakh 1250 (e.g. the generic one): open the account for the demo
        company.intl_advance_account_id = env["account.account"].create({
            "name": "Short-term receivables from employees (advances)", "code": "1250",
            "account_type": "asset_receivable", "reconcile": True,
            "company_ids": [Command.set(company.ids)]})
    if not (company.intl_advance_account_id and company.intl_advance_journal_id
            and company.intl_expense_journal_id):
        return False
    expense = env["account.account"].search([
        *env["account.account"]._check_company_domain(company),
        ("account_type", "=", "expense")], order="code", limit=1)
    for category in env["intl.trip.expense.category"].with_company(company).search([]):
        if not category.account_id:
            category.account_id = expense
    eur, usd = env.ref("base.EUR"), env.ref("base.USD")
    (eur | usd).filtered(lambda currency: not currency.active).active = True
    if company.currency_id.name == "KZT":
        # the university keeps its books in tenge: tenge is the reference of its rates (Odoo's
        # demo rates are quoted against the dollar)
        env["res.currency.rate"].search([
            ("currency_id", "=", company.currency_id.id),
            ("company_id", "in", [company.id, False])]).unlink()
        # tenge per euro / dollar: a year ago and since the autumn (the euro rose)
        for currency, days, kzt in ((eur, 400, 545.0), (eur, 115, 560.0), (usd, 400, 505.0)):
            date = today() - timedelta(days=days)
            if not currency.rate_ids.filtered(lambda r, d=date: r.company_id == company and r.name == d):
                env["res.currency.rate"].create({
                    "currency_id": currency.id, "company_id": company.id, "rate": 1 / kzt, "name": date})
        # the estimates were converted when the demo was loaded: convert them at these rates
        env["intl.trip.estimate.line"].search([("company_id", "=", company.id)]).modified(["unit_amount"])
        env.flush_all()
    if not company.intl_payroll_account_id:
        # a chart without the Kazakh 3350: open the payroll account for the demo
        company.intl_payroll_account_id = env["account.account"].create({
            "name": "Short-term payables to employees (salaries)", "code": "3350",
            "account_type": "liability_payable", "reconcile": True,
            "company_ids": [Command.set(company.ids)]})
    return True


def _advance_report(env, trip, money, traveller):
    eur = env.ref("base.EUR")
    visa = env.ref("intl_cooperation.intl_trip_expense_category_visa")
    spent = {"check": 1.04, "deduction": 0.9, "to_settle": 1.06, "foreign": 0.9}[money]
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
    return report


def run(env):
    company = env.company
    if not _setup_accounting(env, company):
        return
    accountant, officer = user(env, "user_accountant"), user(env, "user_dic_officer")
    eur = env.ref("base.EUR")
    Wizard = env["intl.trip.payment.wizard"].with_user(accountant)
    for suffix, (_stage, money) in TRIPS.items():
        trip = ref(env, f"intl_trip_{suffix}_demo")
        if not trip or not money or trip.payment_ids or trip.state not in ("approved", "returned"):
            continue
        paid_on = trip.approved_date_from - timedelta(days=3)
        currency = eur if money in ("check", "foreign") else company.currency_id
        # the accountant pays what the wizard proposes: the estimate in that currency on that day
        # (never more: the posting refuses an advance beyond the estimate)
        wizard = Wizard.create({"trip_id": trip.id, "kind": "advance", "date": paid_on,
                                "currency_id": currency.id})
        wizard.action_confirm()
        if money == "advance":
            continue
        # a traveller without a login hands the report to the accounting office
        report = _advance_report(env, trip, money, trip.user_id or accountant)
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
