from odoo import fields
from odoo.tests import Form, HttpCase, tagged

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


class MoneyCurrencyCommon(ReceiptsCommon):

    def _euro_trip_to_settle(self):
        trip = self._approve(self._create_trip())
        wizard = Form(self.env["intl.trip.payment.wizard"].with_user(self.user_accountant).with_context(
            default_trip_id=trip.id, default_kind="advance"))
        wizard.currency_id = self.eur
        wizard.amount = 1000.0
        self.env["ir.config_parameter"].set_param("intl_cooperation.rate_max_age_days", "100000")
        wizard.save().action_confirm()
        self._return(trip)
        self._report(trip, [(self.cat_fares, 800.0, self.eur)])
        return trip


@tagged("post_install", "-at_install")
class TestUxMoneyCurrency(MoneyCurrencyCommon):
    """Issue 25, friction 7: amounts in their currency and in tenge; the traveller on a payment."""

    def test_tenge_equivalents_as_booked(self):
        trip = self._euro_trip_to_settle()
        self.assertEqual(trip.money_currency_id, self.eur)
        self.assertEqual(trip.money_state, "to_settle")
        self.assertEqual((trip.amount_advanced, trip.amount_spent, trip.amount_balance),
                         (1000.0, 800.0, 200.0))
        self.assertEqual((trip.amount_advanced_company, trip.amount_spent_company,
                          trip.amount_balance_company), (500000.0, 400000.0, 100000.0))
        # read by the accountant as the list reads them
        trip.invalidate_recordset()
        values = trip.with_user(self.user_accountant).read(
            ["amount_advanced_company", "amount_balance_company", "money_currency_id"])[0]
        self.assertEqual(values["amount_balance_company"], 100000.0)

    def test_payment_partner_is_the_employee(self):
        trip = self._euro_trip_to_settle()
        account_payment = trip.payment_ids.sudo().account_payment_id
        self.assertTrue(account_payment.intl_to_employee)
        other = self.env["account.payment"].create({
            "payment_type": "outbound", "partner_type": "supplier",
            "partner_id": self.env.company.partner_id.id, "amount": 1.0,
            "journal_id": trip.payment_ids.journal_id.id})
        self.assertFalse(other.intl_to_employee)

    def _euro_advance_form(self, trip):
        """The advance wizard in euros (the currency of the trip's money once one is posted)."""
        form = Form(self.env["intl.trip.payment.wizard"].with_user(self.user_accountant).with_context(
            default_trip_id=trip.id, default_kind="advance"))
        if trip.payment_ids:
            self.assertEqual(form.currency_id, self.eur)
        else:
            form.currency_id = self.eur
        return form

    def _advance_to_pay(self, trip):
        """The trip's *Advance to Pay* as the accountant's money desk reads it."""
        trip.invalidate_recordset()
        return trip.with_user(self.user_accountant).read(["amount_to_advance"])[0]["amount_to_advance"]

    def test_advance_to_pay_follows_the_wizard_when_the_rate_moves(self):
        """Half of a 500 000 tenge estimate advanced in euros at 500, then the euro rises to 520:
        the tenge still to advance is what the wizard proposes in euros at today's rate, and
        nothing once that is paid (the booked tenge would leave 9 999.20 that no wizard pays)."""
        self.env["ir.config_parameter"].set_param("intl_cooperation.rate_max_age_days", "100000")
        trip = self._approve(self._create_trip())
        self.assertEqual(trip.estimate_total, 500000.0)
        first = self._euro_advance_form(trip)
        first.amount = 500.0
        first.save().action_confirm()
        self.assertEqual(self._advance_to_pay(trip), 250000.0)
        self.env["res.currency.rate"].create({
            "currency_id": self.eur.id, "name": fields.Date.context_today(trip), "rate": 1 / 520.0,
            "company_id": trip.company_id.id})
        second = self._euro_advance_form(trip)
        self.assertEqual(second.amount, 461.54)  # 500 000 / 520 - 500
        self.assertEqual(self._advance_to_pay(trip), 240000.8)  # 461.54 at 520
        second.save().action_confirm()
        self.assertEqual(trip.payment_ids.sorted("id").mapped("amount_company"), [250000.0, 240000.8])
        self.assertEqual(self._advance_to_pay(trip), 0.0)
        self.assertEqual(trip.money_state, "advanced")
        # nothing more can be advanced: the wizard proposes nothing and the posting refuses more
        self.assertEqual(self._euro_advance_form(trip).amount, 0.0)

    def test_pay_advance_disappears_once_paid(self):
        trip = self._approve(self._create_trip())
        view = self.env["intl.trip"].with_user(self.user_accountant).get_view(view_type="form")["arch"]
        self.assertIn("money_state == 'advanced' and not amount_to_advance", view)
        self._pay(trip)
        self.assertEqual((trip.money_state, trip.amount_to_advance), ("advanced", 0.0))


@tagged("post_install", "-at_install")
class TestUxMoneyCurrencyTour(MoneyCurrencyCommon, HttpCase):
    """The accountant's money desk in a browser: euros with their symbol and their tenge."""

    def test_money_desk_tour(self):
        trip = self._euro_trip_to_settle()
        self.user_accountant.tz = "Asia/Almaty"
        self.start_tour("/odoo/action-intl_cooperation.intl_trip_action_money_desk",
                        "intl_ux_money_desk_currency_tour", login=self.user_accountant.login)
        account_payment = trip.payment_ids.sudo().account_payment_id
        self.start_tour(f"/odoo/account.payment/{account_payment.id}", "intl_ux_payment_employee_tour",
                        login=self.user_accountant.login)
