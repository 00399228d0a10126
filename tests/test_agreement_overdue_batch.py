from datetime import timedelta

from odoo import fields
from odoo.tests import tagged

from .agreement_common import AgreementCommon


@tagged("post_install", "-at_install")
class TestAgreementOverdueBatch(AgreementCommon):
    """Found by the demo's date sweep (2028-02-29): two plan lines of one agreement falling
    overdue on the same day for the same employee made the daily run fail (Odoo subscribed the
    employee to the agreement twice in one insert)."""

    def test_two_overdue_lines_of_one_agreement_one_run(self):
        agreement = self._to_signed(self._create_agreement())
        agreement.plan_line_ids = [fields.Command.create({
            "name": name, "employee_id": self.employee_requester.id,
            "form_id": self.form_visits.id, "date_deadline": self.today - timedelta(days=1),
        }) for name in ("Guest lecture", "Joint seminar")]
        self.env["intl.agreement.reminder"]._cron_agreement_expiry()
        self.assertEqual(set(agreement.plan_line_ids.mapped("state")), {"overdue"})
        overdue_type = self.env.ref("intl_cooperation.mail_activity_type_plan_overdue")
        activities = agreement.activity_ids.filtered(lambda a: a.activity_type_id == overdue_type)
        self.assertEqual(len(activities), 2)
        self.assertEqual(activities.user_id, self.user_requester)
        followers = agreement.message_follower_ids.filtered(
            lambda f: f.partner_id == self.user_requester.partner_id)
        self.assertEqual(len(followers), 1)
