from datetime import date, timedelta

from odoo import Command
from odoo.tests import new_test_user, tagged

from .agreement_common import AgreementCommon
from .common_trip import IntlTripMoneyCommon


@tagged("post_install", "-at_install")
class TestAgreementCronQueries(AgreementCommon):
    """The daily run of the agreements costs the same for one agreement due as for forty-five, each
    with a contact of its own (one activity per user used to cost a subscription per user).

    Forty-five agreements make 90 activities and 90 followers, under the 100 rows the ORM inserts
    in one statement (past them, one INSERT more per 100 rows, the same at any size of data).
    """

    def _due(self, count, own_partners=False):
        """``count`` agreements in force expiring in 20 days, each with its own contact person
        (and, with ``own_partners``, its own partner institution)."""
        users = [new_test_user(self.env, login=f"cron_contact_{self._counter + index}",
                               groups="base.group_user") for index in range(count)]
        self._counter += count
        employees = self.env["hr.employee"].create([
            {"name": user.name, "user_id": user.id, "department_id": self.department.id}
            for user in users])
        signed = self.today - timedelta(days=400)
        partners = [self.partner_institution] * count
        if own_partners:
            partners = [self.partner_institution.copy({"name": f"University {self._counter + index}"})
                        for index in range(count)]
        return self.env["intl.agreement"]._lifecycle_create([{
            "title": "Memorandum (cron test)", "partner_id": partner.id,
            "kind_id": self.kind_memo.id, "institute_id": self.institute.id, "state": "in_force",
            "date_sign_university": signed, "date_sign_partner": signed,
            "date_end": self.today + timedelta(days=20),
            "contact_employee_ids": [Command.set(employee.ids)], "curator_id": self.user_officer.id,
        } for employee, partner in zip(employees, partners, strict=True)])

    def _queries(self, agreements):
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.cr.sql_log_count
        self.env["intl.agreement.reminder"]._cron_agreement_expiry()
        self.env.flush_all()
        count = self.cr.sql_log_count - before
        self.assertEqual(len(agreements.reminder_ids), len(agreements), "each one reminded once")
        self.assertEqual(len(agreements.activity_ids), 2 * len(agreements), "its contact and its curator")
        self.assertTrue(all(agreement.contact_employee_ids.user_id.partner_id in agreement.message_partner_ids
                            for agreement in agreements), "the reminded users follow their agreement")
        return count

    def test_reminders_cost_the_same_for_one_and_for_many(self):
        self._counter = 0
        self._queries(self._due(1))  # warms the caches, as the daily cron worker has them
        baseline = self._queries(self._due(1))
        self.assertEqual(self._queries(self._due(45)), baseline)

    def test_reminders_cost_the_same_with_budgets(self):
        """Fifty agreements due as one, each with its own partner institution (the notes name them:
        their display names are read at once), with the year's budgets of fifty funding sources."""
        self._counter = 100
        sources = self.env["intl.funding.source"].create([{"name": f"Source {index}"} for index in range(50)])
        self.env["intl.budget"].create([{
            "year": self.today.year, "company_id": self.env.company.id, "funding_source_id": source.id,
            "amount_allocated": 1000000.0} for source in sources])
        self._queries(self._due(1, own_partners=True))
        baseline = self._queries(self._due(1, own_partners=True))
        self.assertEqual(self._queries(self._due(50, own_partners=True)), baseline)


@tagged("post_install", "-at_install")
class TestRiskCronQueriesWithBudgets(IntlTripMoneyCommon):
    """The risk check reads the year's budgets and their posted entries at a constant cost: one
    budget with one entry as fifty budgets with fifty entries."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.risk = cls.env.ref("intl_cooperation.intl_risk_scholar_refusal")
        cls.risk.write({"indicator": "funds_used_november", "company_id": cls.company.id,
                        "owner_id": cls.user_officer.id, "threshold": 0.0, "threshold_direction": "above"})
        cls.expense = cls.company_data["default_account_expense"]
        cls.counter = 0

    def _budgets_with_entries(self, count):
        """``count`` budgets of this year, each with a posted expense entry in its analytic account."""
        self.counter += count
        sources = self.env["intl.funding.source"].create([
            {"name": f"Source {self.counter + index}"} for index in range(count)])
        budgets = self.env["intl.budget"].create([{
            "year": self.today.year, "company_id": self.company.id, "funding_source_id": source.id,
            "amount_allocated": 1000000.0} for source in sources])
        moves = self.env["account.move"].create([{
            "move_type": "entry", "journal_id": self.misc_journal.id, "date": date(self.today.year, 1, 15),
            "company_id": self.company.id, "line_ids": [
                Command.create({"name": "Hotel", "account_id": self.expense.id, "debit": 100000.0,
                                "analytic_distribution": {str(budget.analytic_account_id.id): 100.0}}),
                Command.create({"name": "Hotel", "account_id": self.company.intl_advance_account_id.id
                                or self.company_data["default_account_receivable"].id, "credit": 100000.0})]}
            for budget in budgets])
        moves.action_post()
        return budgets

    def _queries(self):
        Risk = self.env["intl.risk"]
        Risk._cron_check_risks()  # warms the caches and settles the alert, as the daily worker has
        self.env.flush_all()
        counts = []
        for _run in range(2):  # the steady cost: a cache refilled once in a run is not the data's
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            Risk._cron_check_risks()
            self.env.flush_all()
            counts.append(self.cr.sql_log_count - before)
        return min(counts)

    def test_risk_check_costs_the_same_with_fifty_budgets(self):
        first = self._budgets_with_entries(1)
        baseline = self._queries()
        self.risk.invalidate_recordset()
        self.assertAlmostEqual(self.risk.indicator_value, 10.0, msg="100 000 of 1 000 000")
        self._budgets_with_entries(50)
        self.assertEqual(self._queries(), baseline)
        self.risk.invalidate_recordset()
        self.assertAlmostEqual(self.risk.indicator_value, 10.0, msg="5 100 000 of 51 000 000")
        self.assertTrue(self.risk.in_alert)
        self.assertTrue(first.analytic_account_id)
