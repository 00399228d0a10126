import base64
from datetime import timedelta

from odoo import Command, api, fields, models

# xml id suffix -> (stage, money scenario)
DEMO_TRIPS = {
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


class IntlTrip(models.Model):
    """Demo data only: move the demo trips through their stages and their money."""

    _inherit = "intl.trip"

    @api.model
    def _demo_setup_trips(self):
        """Approve / return the demo trips (approvals go through the engine as the approvers)."""
        for suffix, (stage, _money) in DEMO_TRIPS.items():
            trip = self.env.ref(f"intl_cooperation.intl_trip_{suffix}_demo", raise_if_not_found=False)
            if not trip or trip.state != "draft":
                continue
            trip.late_submission_reason = self.env._("Demo: trip recorded after the fact.")
            trip.with_user(trip.user_id or self.env.user).action_submit()
            order = ["to_head", "to_dic", "to_management", "approved"]
            target = order.index(stage) if stage in order else len(order) - 1
            while trip.state != order[target]:
                if trip.state == "to_dic":
                    lines = trip.document_line_ids.filtered("required")
                    pdf = self.env["ir.attachment"].create({
                        "name": "scan.pdf", "datas": base64.b64encode(b"%PDF-1.4 demo scan"),
                        "res_model": trip._name, "res_id": trip.id})
                    lines.write({"attachment_ids": [Command.set(pdf.ids)], "state": "verified"})
                approver = trip.approval_user_ids[:1]
                trip.with_user(approver).action_approval_approve()
            if stage in ("returned", "done"):
                actual = trip.approved_date_to + timedelta(days=3 if suffix == "late" else 0)
                trip._register_return(actual)
            if stage == "done":
                trip.write({"results": "<p>Lectures given; joint publication agreed.</p>",
                            "assignment_report_date": trip.date_return_actual})
                trip._close_if_complete()
        self._demo_setup_money()

    @api.model
    def _demo_setup_money(self):
        """Advances, advance reports and settlements of the demo trips; nothing without a chart."""
        company = self.env.company
        company._intl_setup_trip_accounting()
        if company.chart_template and not company.intl_advance_account_id:
            # a chart without the Kazakh 1250 (e.g. the generic one): open the account for the demo
            company.intl_advance_account_id = self.env["account.account"].create({
                "name": "Short-term receivables from employees (advances)", "code": "1250",
                "account_type": "asset_receivable", "reconcile": True,
                "company_ids": [Command.set(company.ids)]})
        if not (company.intl_advance_account_id and company.intl_advance_journal_id
                and company.intl_expense_journal_id):
            return
        expense = self.env["account.account"].search([
            *self.env["account.account"]._check_company_domain(company),
            ("account_type", "=", "expense")], order="code", limit=1)
        for category in self.env["intl.trip.expense.category"].with_company(company).search([]):
            if not category.account_id:
                category.account_id = expense
        eur = self.env.ref("base.EUR")
        if company.currency_id.name == "KZT" and not eur.rate_ids.filtered(
                lambda rate: rate.company_id == company):
            self.env["res.currency.rate"].create({
                "currency_id": eur.id, "company_id": company.id, "rate": 1 / 545.0,
                "name": fields.Date.context_today(self) - timedelta(days=400)})
        accountant = self.env.ref("intl_cooperation.user_accountant", raise_if_not_found=False) \
            or self.env.user
        categories = {code: self.env.ref(f"intl_cooperation.intl_trip_expense_category_{code}")
                      for code in ("per_diem", "accommodation", "fares", "visa")}
        for suffix, (_stage, money) in DEMO_TRIPS.items():
            trip = self.env.ref(f"intl_cooperation.intl_trip_{suffix}_demo", raise_if_not_found=False)
            if not trip or not money or trip.payment_ids or trip.state not in ("approved", "returned"):
                continue
            acc_trip = trip.with_user(accountant)
            self.env["intl.trip.payment"].with_user(accountant).create({
                "trip_id": trip.id, "amount": trip.estimate_total,
                "journal_id": company.intl_advance_journal_id.id,
                "date": trip.approved_date_from - timedelta(days=3)})._post()
            if money == "advance":
                continue
            spent = {"under": 0.9, "over": 1.12, "foreign": 0.95}[money]
            lines = []
            for line in trip.estimate_line_ids:
                lines.append(Command.create({
                    "category_id": line.category_id.id, "name": line.name or line.category_id.name,
                    "amount": round(line.amount * spent, 2), "currency_id": line.currency_id.id,
                    "date": trip.date_departure}))
            if money == "foreign":
                lines.append(Command.create({
                    "category_id": categories["visa"].id, "name": "Schengen visa",
                    "amount": 80.0, "currency_id": eur.id, "date": trip.date_departure}))
            report = self.env["intl.trip.advance.report"].with_user(trip.user_id).create({
                "trip_id": trip.id, "date": trip.date_return_actual, "line_ids": lines})
            report.with_user(trip.user_id).action_submit()
            report.with_user(accountant).action_post()
            trip.write({"results": "<p>Assignment completed; see the attached programme.</p>",
                        "assignment_report_date": trip.date_return_actual})
            acc_trip._do_settle(date=trip.date_return_actual + timedelta(days=7))
