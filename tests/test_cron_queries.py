from datetime import timedelta

from odoo import Command
from odoo.tests import new_test_user, tagged

from .agreement_common import AgreementCommon


@tagged("post_install", "-at_install")
class TestAgreementCronQueries(AgreementCommon):
    """The daily run of the agreements costs the same for one agreement due as for forty-five, each
    with a contact of its own (one activity per user used to cost a subscription per user).

    Forty-five agreements make 90 activities and 90 followers, under the 100 rows the ORM inserts
    in one statement (past them, one INSERT more per 100 rows, the same at any size of data).
    """

    def _due(self, count):
        """``count`` agreements in force expiring in 20 days, each with its own contact person."""
        users = [new_test_user(self.env, login=f"cron_contact_{self._counter + index}",
                               groups="base.group_user") for index in range(count)]
        self._counter += count
        employees = self.env["hr.employee"].create([
            {"name": user.name, "user_id": user.id, "department_id": self.department.id}
            for user in users])
        signed = self.today - timedelta(days=400)
        return self.env["intl.agreement"]._lifecycle_create([{
            "title": "Memorandum (cron test)", "partner_id": self.partner_institution.id,
            "kind_id": self.kind_memo.id, "institute_id": self.institute.id, "state": "in_force",
            "date_sign_university": signed, "date_sign_partner": signed,
            "date_end": self.today + timedelta(days=20),
            "contact_employee_ids": [Command.set(employee.ids)], "curator_id": self.user_officer.id,
        } for employee in employees])

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
