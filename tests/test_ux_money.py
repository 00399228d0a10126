from odoo.tests import Form, tagged

from .test_ux_receipts import ReceiptsCommon


@tagged("post_install", "-at_install")
class TestUxMoney(ReceiptsCommon):
    """Issue 25, friction 7: the payment wizard shows the rate, its age, the recipient; it ends
    with a message saying what was posted."""

    def test_payment_wizard_rate_recipient_and_message(self):
        trip = self._approve(self._create_trip())
        Wizard = self.env["intl.trip.payment.wizard"].with_user(self.user_accountant)
        form = Form(Wizard.with_context(default_trip_id=trip.id, default_kind="advance"))
        self.assertFalse(form.rate_note)  # tenge: no rate to show
        self.assertEqual(form.partner_id, self.employee_requester.work_contact_id)
        form.currency_id = self.eur
        self.assertIn("EUR", form.rate_note)
        self.assertIn("500", form.rate_note)
        # the only EUR rate is of 2020: older than the 7 days allowed by default
        self.assertIn("EUR", form.rate_warning)
        self.env["ir.config_parameter"].set_param("intl_cooperation.rate_max_age_days", "100000")
        form.date = form.date  # recompute
        wizard = form.save()
        wizard.invalidate_recordset(["rate_warning"])
        self.assertFalse(wizard.rate_warning)
        action = wizard.action_confirm()
        payment = trip.payment_ids
        self.assertEqual(action["tag"], "display_notification")
        self.assertIn(payment.move_id.name, action["params"]["message"])
        self.assertEqual(action["params"]["next"], {"type": "ir.actions.act_window_close"})
