from datetime import timedelta

from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged

from .common_trip import IntlTripCommon


@tagged("post_install", "-at_install")
class TestIntlTrip(IntlTripCommon):

    def test_approval_route_records_the_order(self):
        trip = self._create_trip()
        self.assertEqual(trip.institute_id, self.institute)
        self.assertEqual(trip.department_id, self.department)
        self.assertEqual(trip.duration_days, 5)
        trip.with_user(self.user_requester).action_submit()
        self.assertEqual(trip.state, "to_head")
        self.assertEqual(trip.approval_user_ids, self.user_head)
        trip.with_user(self.user_head).action_approval_approve()
        self.assertEqual(trip.state, "to_dic")
        with self.assertRaises(UserError):  # documents not verified yet
            trip.with_user(self.user_officer).action_approval_approve()
        self._verify_documents(trip)
        trip.with_user(self.user_officer).action_approval_approve()
        self.assertEqual(trip.state, "to_management")
        self.assertFalse(trip.order_number)
        trip.with_user(self.user_management).action_approval_approve()
        self.assertEqual(trip.state, "approved")
        self.assertTrue(trip.order_number)
        self.assertEqual(trip.order_date, self.today)
        self.assertEqual(trip.approved_date_from, trip.date_departure)
        self.assertEqual(trip.approved_date_to, trip.date_return)

    def test_rejection_returns_to_draft(self):
        trip = self._create_trip()
        trip.with_user(self.user_requester).action_submit()
        trip.with_user(self.user_head)._approval_do_reject("Not in the plan")
        self.assertEqual(trip.state, "draft")

    def test_fifteen_day_rule_and_management_override(self):
        trip = self._create_trip(departure=self.today + timedelta(days=10))
        with self.assertRaisesRegex(UserError, "15"):
            trip.with_user(self.user_requester).action_submit()
        self.assertEqual(trip.state, "draft")
        with self.assertRaises(UserError):
            trip.with_user(self.user_requester).action_allow_late_submission()
        action = trip.with_user(self.user_management).action_allow_late_submission()
        wizard = self.env["intl.trip.override"].with_user(self.user_management).with_context(
            **action["context"]).create({"reason": "Conference invitation received late"})
        wizard.action_confirm()
        self.assertEqual(trip.late_submission_user_id, self.user_management)
        self.assertIn("Conference invitation received late", trip.message_ids[0].body)
        trip.with_user(self.user_requester).action_submit()
        self.assertEqual(trip.state, "to_head")

    def test_fifteen_days_exactly_is_accepted(self):
        trip = self._create_trip(departure=self.today + timedelta(days=15))
        trip.with_user(self.user_requester).action_submit()
        self.assertEqual(trip.state, "to_head")

    def test_host_funded_trip_needs_no_estimate(self):
        trip = self._create_trip(lines=[], funding_source_id=self.funding_host.id)
        estimate_type = self.env.ref("intl_cooperation.intl_document_type_cost_estimate")
        estimate_line = trip.document_line_ids.filtered(lambda line: line.type_id == estimate_type)
        self.assertFalse(estimate_line.required)
        self._approve(trip)
        self.assertEqual(trip.money_state, "none")
        # a university-funded trip without estimate is refused
        trip2 = self._create_trip(lines=[])
        self.assertTrue(trip2.document_line_ids.filtered(lambda line: line.type_id == estimate_type).required)
        with self.assertRaises(UserError):
            trip2.with_user(self.user_requester).action_submit()

    def test_estimate_in_foreign_currency_and_per_diem(self):
        trip = self._create_trip(lines=[(self.cat_accommodation, 4, 100.0, self.eur)])
        self.assertAlmostEqual(trip.estimate_line_ids.amount_company, 200000.0)
        self.env["intl.per.diem.rate"].create({
            "country_id": self.env.ref("base.de").id, "amount": 80.0, "currency_id": self.eur.id,
            "date_from": self.today - timedelta(days=1), "company_id": self.company.id})
        trip.with_user(self.user_requester).action_propose_per_diem()
        per_diem = trip.estimate_line_ids.filtered(lambda line: line.category_id == self.cat_per_diem)
        self.assertEqual(per_diem.quantity, 5)  # calendar days including travel days
        self.assertEqual(per_diem.unit_amount, 80.0)
        self.assertAlmostEqual(per_diem.amount_company, 5 * 80 * 500.0)
        self.assertAlmostEqual(trip.estimate_total, 400000.0)
        self.assertIn("thousand", trip.with_context(lang="en_US").estimate_total_words.lower())

    def test_dates_locked_after_order_and_submission(self):
        trip = self._create_trip()
        trip.with_user(self.user_requester).action_submit()
        with self.assertRaises(UserError):
            trip.with_user(self.user_requester).date_return = trip.date_return + timedelta(days=2)
        trip.with_user(self.user_head).action_approval_approve()
        self._verify_documents(trip)
        trip.with_user(self.user_officer).action_approval_approve()
        trip.with_user(self.user_management).action_approval_approve()
        with self.assertRaises(UserError):
            trip.with_user(self.user_officer).date_return = trip.date_return + timedelta(days=2)
        with self.assertRaises(UserError):
            trip.with_user(self.user_requester).purpose = "Holidays"

    def test_return_before_departure_refused(self):
        with self.assertRaises(ValidationError):
            self._create_trip(departure=self.today + timedelta(days=30), days=-3)

    def test_extension_changes_approved_period_with_history(self):
        trip = self._approve(self._create_trip())
        old_end = trip.approved_date_to
        new_end = old_end + timedelta(days=3)
        with freeze_time(old_end - timedelta(days=1)):
            self.env["intl.trip.extension"].with_user(self.user_requester).create({
                "trip_id": trip.id, "date_to": new_end, "reason": "Conference prolonged"})
        self.assertEqual(trip.approved_date_to, old_end)
        trip.with_user(self.user_officer).action_approval_approve()
        trip.with_user(self.user_management).action_approval_approve()
        self.assertEqual(trip.state, "approved")
        self.assertEqual(trip.approved_date_to, new_end)
        self.assertEqual(trip.extension_ids.state, "approved")
        self.assertEqual(trip.extension_ids.previous_date_to, old_end)
        # back in time: returning on the new end is not late, no case
        with freeze_time(new_end + timedelta(days=1)):
            trip.with_user(self.user_head)._register_return(new_end)
        self.assertEqual(trip.missed_days, 0)
        self.assertFalse(trip.case_ids)

    def test_extension_after_the_end_refused(self):
        trip = self._approve(self._create_trip())
        with freeze_time(trip.approved_date_to + timedelta(days=1)), self.assertRaises(UserError):
            self.env["intl.trip.extension"].with_user(self.user_requester).create({
                "trip_id": trip.id, "date_to": trip.approved_date_to + timedelta(days=5),
                "reason": "Too late"})

    def test_form_onchange_host_fills_destination(self):
        with Form(self.env["intl.trip"].with_user(self.user_requester)) as form:
            form.host_partner_id = self.partner_host
            self.assertEqual(form.country_id, self.env.ref("base.de"))
            self.assertEqual(form.city, "Berlin")
            form.purpose = "Visit"
            form.date_departure = self.today + timedelta(days=20)
            form.date_return = self.today + timedelta(days=22)
        self.assertEqual(form.record.employee_id, self.employee_requester)

    def test_draft_trip_deleted_but_not_submitted(self):
        trip = self._create_trip()
        trip.with_user(self.user_requester).action_submit()
        with self.assertRaises(UserError):
            trip.sudo().unlink()
        draft = self._create_trip()
        draft.with_user(self.user_requester).unlink()
        self.assertFalse(draft.exists())

    def test_plan_line_must_belong_to_agreement(self):
        agreement = self.env["intl.agreement"].sudo().create({
            "title": "Cooperation with TU Test", "partner_id": self.partner_host.id,
            "kind_id": self.env.ref("intl_cooperation.intl_agreement_kind_cooperation").id,
            "institute_id": self.institute.id, "company_id": self.company.id})
        line = self.env["intl.agreement.plan.line"].sudo().create({
            "agreement_id": agreement.id, "name": "Visit", "date_deadline": self.today + timedelta(days=30)})
        trip = self._create_trip()
        with self.assertRaises(ValidationError):
            trip.sudo().write({"plan_line_id": line.id, "agreement_id": False})
        trip.sudo().write({"agreement_id": agreement.id, "plan_line_id": line.id})
        self.assertEqual(trip.plan_line_id, line)
