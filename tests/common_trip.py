import base64
from datetime import timedelta

from freezegun import freeze_time

from odoo import Command, fields
from odoo.addons.account.tests.common import AccountTestInvoicingCommon
from odoo.tests import Form, new_test_user

from .common import ApprovalNoticesMixin, test_users_time_zone


class IntlTripCommon(ApprovalNoticesMixin, AccountTestInvoicingCommon):
    """A company in tenge with an advances account, journals, users per role and a EUR rate."""

    @classmethod
    def _create_company(cls, **create_values):
        kzt = cls.env.ref("base.KZT")
        kzt.active = True
        create_values.setdefault("currency_id", kzt.id)
        return super()._create_company(**create_values)

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(su=True, context=dict(cls.env.context, tracking_disable=False,
                                       mail_create_nolog=True, mail_notrack=False))
        test_users_time_zone(cls.env)
        cls.company = cls.company_data["company"]
        cls.kzt = cls.company.currency_id
        cls.eur = cls.setup_other_currency("EUR", rates=[("2020-01-01", 1 / 500.0)])
        Account = cls.env["account.account"]
        cls.advance_account = Account.create({
            "name": "Short-term receivables from employees", "code": "1250",
            "account_type": "asset_receivable", "reconcile": True,
        })
        cls.per_diem_account = Account.create({
            "name": "Per diem expenses", "code": "7211", "account_type": "expense"})
        cls.travel_account = Account.create({
            "name": "Travel expenses", "code": "7212", "account_type": "expense"})
        cls.bank_journal = cls.company_data["default_journal_bank"]
        cls.misc_journal = cls.company_data["default_journal_misc"]
        cls.company._intl_setup_trip_accounting()
        ref = cls.env.ref
        cls.cat_per_diem = ref("intl_cooperation.intl_trip_expense_category_per_diem")
        cls.cat_accommodation = ref("intl_cooperation.intl_trip_expense_category_accommodation")
        cls.cat_fares = ref("intl_cooperation.intl_trip_expense_category_fares")
        cls.cat_per_diem.with_company(cls.company).account_id = cls.per_diem_account
        for category in (cls.cat_accommodation, cls.cat_fares):
            category.with_company(cls.company).account_id = cls.travel_account
        cls.funding_budget = ref("intl_cooperation.intl_funding_source_budget")
        cls.funding_host = ref("intl_cooperation.intl_funding_source_host")

        Department = cls.env["hr.department"]
        cls.institute = Department.create({"name": "Institute of IT (trip test)",
                                           "intl_kind": "institute"})
        cls.department = Department.create({"name": "Software Engineering (trip test)",
                                            "intl_kind": "academic", "parent_id": cls.institute.id})
        cls.other_institute = Department.create({"name": "Institute of Geology (trip test)",
                                                 "intl_kind": "institute"})
        company_ids = [Command.set(cls.company.ids)]

        def user(login, groups, department):
            new_user = new_test_user(
                cls.env, login=login, groups=",".join(["base.group_user", *groups]),
                name=login.replace("_", " ").title(), email=f"{login}@example.com",
                company_id=cls.company.id, company_ids=company_ids)
            employee = cls.env["hr.employee"].create({
                "name": new_user.name, "user_id": new_user.id, "department_id": department.id,
                "company_id": cls.company.id})
            return new_user, employee

        g = "intl_cooperation.group_intl_"
        cls.user_requester, cls.employee_requester = user("trip_requester", [], cls.department)
        cls.user_requester_other, cls.employee_requester_other = user(
            "trip_requester_other", [], cls.other_institute)
        cls.user_head, cls.employee_head = user("trip_head", [], cls.department)
        cls.user_coordinator, cls.employee_coordinator = user(
            "trip_coordinator", [g + "coordinator"], cls.institute)
        cls.user_officer, cls.employee_officer = user("trip_officer", [g + "officer"], cls.institute)
        cls.user_management, cls.employee_management = user(
            "trip_rector", [g + "management"], cls.institute)
        cls.user_accountant, cls.employee_accountant = user(
            "trip_accountant", [g + "accountant"], cls.institute)
        cls.user_hr, cls.employee_hr = user("trip_hr", [g + "hr"], cls.institute)
        cls.department.manager_id = cls.employee_head
        cls.institute.manager_id = cls.employee_coordinator
        cls.partner_host = cls.env["res.partner"].create({
            "name": "Technische Universität Test", "is_intl_institution": True,
            "intl_institution_type": "university", "country_id": cls.env.ref("base.de").id,
            "city": "Berlin"})
        cls.today = fields.Date.context_today(cls.env["intl.trip"])

    @classmethod
    def _trip_vals(cls, **vals):
        departure = vals.pop("departure", cls.today + timedelta(days=30))
        days = vals.pop("days", 5)
        return {
            "employee_id": cls.employee_requester.id,
            "country_id": cls.env.ref("base.de").id,
            "city": "Berlin",
            "host_partner_id": cls.partner_host.id,
            "purpose": "Joint curriculum workshop",
            "assignment": "Agree on the double-degree curriculum.",
            "date_departure": departure,
            "date_return": departure + timedelta(days=days - 1),
            "funding_source_id": cls.funding_budget.id,
            "company_id": cls.company.id,
            **vals,
        }

    def _create_trip(self, lines=None, attach=True, **vals):
        trip = self.env["intl.trip"].with_user(self.user_requester).create(self._trip_vals(**vals))
        if attach:
            self._attach_documents(trip, self.user_requester)
        if lines is None:
            lines = [(self.cat_accommodation, 4, 50000.0, self.kzt),
                     (self.cat_fares, 1, 300000.0, self.kzt)]
        trip.write({"estimate_line_ids": [Command.create({
            "category_id": category.id, "quantity": qty, "unit_amount": unit,
            "currency_id": currency.id, "name": category.name,
        }) for category, qty, unit, currency in lines]})
        return trip

    def _attach_documents(self, trip, user=None):
        """The traveller attaches the file's documents (§5.3: required for the submission)."""
        user = user or trip.user_id or self.user_requester
        trip._document_sync_checklist()
        lines = trip.sudo().document_line_ids.filtered(
            lambda line: line.required and line.state in ("missing", "rejected"))
        if not lines:
            return
        attachment = self.env["ir.attachment"].with_user(user).create({
            "name": "file.pdf", "datas": base64.b64encode(b"%PDF-1.4 file")})
        lines.with_user(user).write({"attachment_ids": [Command.set(attachment.ids)]})

    def _verify_documents(self, trip):
        lines = trip.sudo().document_line_ids.filtered("required")
        attachment = self.env["ir.attachment"].create({
            "name": "scan.pdf", "datas": base64.b64encode(b"%PDF-1.4 test"),
            "res_model": trip._name, "res_id": trip.id})
        lines.write({"attachment_ids": [Command.set(attachment.ids)]})
        lines.with_user(self.user_officer)._do_check_all()

    def _approve(self, trip):
        """Submit as the traveller and take the trip through the whole route."""
        trip.with_user(self.user_requester).action_submit()
        trip.with_user(self.user_head).action_approval_approve()
        self._verify_documents(trip)
        trip.with_user(self.user_officer).action_approval_approve()
        trip.with_user(self.user_management).action_approval_approve()
        self.assertEqual(trip.state, "approved")
        return trip


class IntlTripMoneyCommon(IntlTripCommon):
    """Helpers of the money tests: pay, return, report with receipts, settle."""

    def _payment_wizard(self, trip, amount=None, kind="advance"):
        """The accountant's payment wizard of ``trip``, filled in and saved, not yet confirmed."""
        wizard = Form(self.env["intl.trip.payment.wizard"].with_user(self.user_accountant).with_context(
            default_trip_id=trip.id, default_kind=kind))
        if amount is not None:
            wizard.amount = amount
        return wizard.save()

    def _pay(self, trip, amount=None, kind="advance"):
        self._payment_wizard(trip, amount, kind).action_confirm()
        return trip.payment_ids.sorted("id")[-1]

    def _return(self, trip, days_after=0):
        with freeze_time(trip.approved_date_to + timedelta(days=1)):
            trip.with_user(self.user_head)._register_return(
                trip.approved_date_to + timedelta(days=days_after))

    def _receipt(self):
        return self.env["ir.attachment"].with_user(self.user_requester).create({
            "name": "receipt.pdf", "datas": base64.b64encode(b"%PDF-1.4 receipt")})

    def _report(self, trip, lines, post=True, date=None):
        report = self.env["intl.trip.advance.report"].with_user(self.user_requester).create({
            "trip_id": trip.id, "date": trip.date_return_actual,
            "line_ids": [Command.create({
                "category_id": category.id, "name": category.name, "amount": amount,
                "currency_id": currency.id, "date": date or trip.date_departure,
                "receipt_number": f"R-{index}",
                "attachment_ids": [Command.set(self._receipt().ids)],
            }) for index, (category, amount, currency) in enumerate(lines)],
        })
        report.with_user(self.user_requester).action_submit()
        self.assertEqual(trip.money_state, "to_approve")
        if post:
            report.with_user(self.user_accountant).action_post()
        return report

    def _settle(self, trip, method="return", date=None, journal=None):
        action = trip.with_user(self.user_accountant).action_settle()
        self.assertEqual(action["res_model"], "intl.trip.settle.wizard")
        Wizard = self.env["intl.trip.settle.wizard"].with_user(self.user_accountant)
        wizard = Form(Wizard.with_context(**action["context"]))
        if method != "return":
            wizard.method = method
        if date:
            wizard.date = date
        if journal:
            wizard.journal_id = journal
        wizard.save().action_confirm()

    def _lines(self, move):
        return sorted((line.account_id.code, line.debit, line.credit, line.partner_id.id)
                      for line in move.line_ids)
