from datetime import timedelta

from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common_scholar import IntlScholarCommon


@tagged("post_install", "-at_install")
class TestScholarAct(IntlScholarCommon):

    def _ended_visit(self, hours=(4.0, 4.0, 4.0, 2.0)):
        visit = self._on_site_visit()
        with freeze_time(visit.date_departure):
            for lecture, given in zip(visit.lecture_ids, hours, strict=False):
                lecture.with_user(self.user_coordinator).action_give(hours=given)
            self._verify(visit, "scholar_arrival")
            visit.with_user(self.user_coordinator).action_end_stay()
        return visit

    def _approved_act(self, visit):
        visit.with_user(self.user_coordinator).action_draw_act()
        act = visit.act_ids
        act.with_user(self.user_coordinator).action_submit()
        act.with_user(self.user_inst_director).action_approval_approve()
        act.with_user(self.user_dic_director).action_approval_approve()
        self.assertEqual(act.state, "approved")
        return act

    def test_act_amount_follows_the_hours_given(self):
        visit = self._ended_visit()
        self.assertEqual(visit.hours_given, 14.0)
        visit.with_user(self.user_coordinator).action_draw_act()
        act = visit.act_ids
        self.assertEqual(act.hours_given, 14.0)
        self.assertEqual(act.lecture_ids, visit.lecture_ids[:4])
        # 1 000 000 for 20 hours: 14 hours given
        self.assertEqual(act.amount, 700000.0)
        with self.assertRaises(UserError):
            visit.with_user(self.user_coordinator).action_draw_act()
        with self.assertRaises(UserError):
            act.with_user(self.user_coordinator).write({"amount": 1000000.0})
        with self.assertRaises(UserError):
            visit.with_user(self.user_coordinator).write({"contract_amount": 2000000.0})
        with self.assertRaises(UserError):
            self.env["intl.scholar.act"].with_user(self.user_coordinator).create({
                "visit_id": visit.id, "amount": 5000000.0, "hours_given": 99})

    def test_act_capped_at_the_contract(self):
        visit = self._ended_visit(hours=(6.0, 6.0, 6.0, 6.0, 6.0))
        visit.with_user(self.user_coordinator).action_draw_act()
        self.assertEqual(visit.act_ids.amount, 1000000.0)

    def test_act_needs_its_approvals_before_the_bill(self):
        visit = self._ended_visit()
        visit.with_user(self.user_coordinator).action_draw_act()
        act = visit.act_ids
        with self.assertRaises(UserError):
            act.with_user(self.user_accountant).action_create_bill()
        act.with_user(self.user_coordinator).action_submit()
        # the coordinator who drew the act cannot approve it
        with self.assertRaises(UserError):
            act.with_user(self.user_coordinator).action_approval_approve()
        with self.assertRaises(UserError):
            act.with_user(self.user_dic_director).action_approval_approve()
        act.with_user(self.user_inst_director).action_approval_approve()
        act.with_user(self.user_dic_director).action_approval_approve()
        self.assertEqual(act.state, "approved")

    def test_missing_bank_details_cannot_be_paid(self):
        act = self._approved_act(self._ended_visit())
        self.assertFalse(self.scholar.bank_ids)
        with self.assertRaisesRegex(UserError, "no bank account"):
            act.with_user(self.user_accountant).action_create_bill()
        self.assertEqual(act.state, "approved")
        self.assertFalse(act.move_id)

    def test_vendor_bill_and_payment_posted_and_reconciled(self):
        act = self._approved_act(self._ended_visit())
        bank = self.env["res.partner.bank"].create({
            "partner_id": self.scholar.id, "acc_number": "DE89370400440532013000"})
        with self.assertRaises(UserError):
            act.with_user(self.user_officer).action_create_bill()
        act.with_user(self.user_accountant).action_create_bill()
        bill = act.move_id
        self.assertEqual(act.state, "billed")
        self.assertEqual((bill.move_type, bill.state), ("in_invoice", "posted"))
        self.assertEqual(bill.partner_id, self.scholar)
        self.assertEqual(bill.partner_bank_id, bank)
        self.assertEqual(bill.amount_total, 700000.0)
        self.assertEqual(bill.invoice_line_ids.account_id, self.service_account)
        attachment = self.env["ir.attachment"].search([("res_model", "=", "account.move"),
                                                       ("res_id", "=", bill.id)])
        self.assertEqual(len(attachment), 1)
        self.assertIn(act.name, attachment.name)
        act.with_user(self.user_accountant).action_pay()
        self.assertEqual(act.state, "paid")
        self.assertEqual(act.payment_id.amount, 700000.0)
        self.assertIn(bill.payment_state, ("paid", "in_payment"))
        payable = bill.line_ids.filtered(lambda line: line.account_id.account_type == "liability_payable")
        self.assertTrue(payable.reconciled)
        visit = act.visit_id
        self.assertEqual(visit.state, "done")
        self.assertEqual(visit.amount_paid, 700000.0)
        with self.assertRaises(UserError):
            act.with_user(self.user_accountant).action_pay()


@tagged("post_install", "-at_install")
class TestScholarVisa(IntlScholarCommon):

    def test_visa_issue_extension_refusal_and_changes_logged(self):
        visit = self._accepted_visit()
        Visa = self.env["intl.scholar.visa"]
        with self.assertRaises(UserError):
            Visa.with_user(self.user_coordinator).create({
                "visit_id": visit.id, "category_id": self.visa_b1.id})
        visa = self._record_visa(visit)
        self.assertEqual(visit.visa_id, visa)
        with self.assertRaises(UserError):
            visa.with_user(self.user_officer).write({"date_expiry": visa.date_expiry + timedelta(days=30)})
        new_expiry = visa.date_expiry + timedelta(days=30)
        Event = self.env["intl.scholar.visa.event"].with_user(self.user_officer)
        Event.create({"visa_id": visa.id, "kind": "extension", "new_date_expiry": new_expiry})
        self.assertEqual(visa.date_expiry, new_expiry)
        self.assertEqual(visa.date_expiry_initial, new_expiry - timedelta(days=30))
        event = Event.create({"visa_id": visa.id, "kind": "term_change",
                              "new_date_expiry": new_expiry - timedelta(days=5),
                              "note": "The consulate shortened the term"})
        self.assertEqual(visit.visa_expiry, new_expiry - timedelta(days=5))
        with self.assertRaises(UserError):
            event.write({"note": "forged"})
        with self.assertRaises(UserError):
            event.unlink()
        with self.assertRaises(UserError):
            Event.with_user(self.user_coordinator).create({"visa_id": visa.id, "kind": "refusal"})
        second = Visa.with_user(self.user_officer).create({
            "visit_id": visit.id, "category_id": self.visa_b1.id, "issued_by": "migration"})
        second.action_refuse()
        self.assertEqual(second.state, "refused")
        self.assertEqual(second.event_ids.kind, "refusal")

    def test_visa_category_limits(self):
        visit = self._accepted_visit()
        visa = self.env["intl.scholar.visa"].with_user(self.user_officer).create({
            "visit_id": visit.id, "category_id": self.visa_b1.id, "number": "X1",
            "date_issue": self.today, "date_expiry": self.today + timedelta(days=120)})
        with self.assertRaisesRegex(UserError, "90 days"):
            visa.action_issue()
        self.assertEqual(len(self.env.ref("intl_cooperation.intl_visa_category_c3")), 1)
        categories = self.env["intl.visa.category"].search([]).mapped("code")
        for code in ("B1", "B2", "B3", "C1", "C2", "C3"):
            self.assertIn(code, categories)

    def test_reminders_before_visa_and_registration_expiry(self):
        visit = self._accepted_visit(curator_id=self.user_officer.id)
        visa = self._record_visa(visit)
        activity_type = self.env.ref("intl_cooperation.mail_activity_type_scholar_expiry")
        Visit = self.env["intl.scholar.visit"]
        Visit._cron_remind_expiries()
        self.assertFalse(visit.activity_ids.filtered(lambda a: a.activity_type_id == activity_type))
        with freeze_time(visa.date_expiry - timedelta(days=10)):
            Visit._cron_remind_expiries()
            Visit._cron_remind_expiries()
        reminders = visit.activity_ids.filtered(lambda a: a.activity_type_id == activity_type)
        self.assertEqual(len(reminders), 1)
        self.assertEqual(reminders.user_id, self.user_officer)
        self.assertEqual(reminders.date_deadline, visa.date_expiry)
