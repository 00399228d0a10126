from datetime import date, timedelta

from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged

from .common_scholar import IntlScholarCommon


@tagged("post_install", "-at_install")
class TestScholarVisit(IntlScholarCommon):

    # -- the 40-day rule -------------------------------------------------

    def test_file_39_days_before_arrival_is_refused(self):
        visit = self._create_visit(arrival_in=39)
        self.assertTrue(visit.submit_late)
        with self.assertRaisesRegex(UserError, "40 days"):
            visit.with_user(self.user_coordinator).action_submit()
        self.assertEqual(visit.state, "draft")

    def test_file_40_days_before_arrival_is_accepted(self):
        visit = self._create_visit(arrival_in=40)
        self.assertFalse(visit.submit_late)
        visit.with_user(self.user_coordinator).action_submit()
        self.assertEqual(visit.state, "to_dic")
        self.assertEqual(visit.submit_date, self.today)

    def test_only_the_dic_director_overrides_with_a_reason(self):
        visit = self._create_visit(arrival_in=20)
        for user in (self.user_coordinator, self.user_officer, self.user_management):
            with self.assertRaises(UserError):
                visit.with_user(user)._do_allow_late("Urgent")
        with self.assertRaises(UserError):
            visit.with_user(self.user_coordinator).write({"late_override_reason": "I say so"})
        with self.assertRaises(UserError):
            visit.with_user(self.user_dic_director)._do_allow_late("  ")
        wizard = self.env["intl.scholar.override"].with_user(self.user_dic_director).create({
            "visit_id": visit.id, "reason": "The Ministry confirmed the funding late"})
        wizard.action_confirm()
        self.assertEqual(visit.late_override_user_id, self.user_dic_director)
        visit.with_user(self.user_coordinator).action_submit()
        self.assertEqual(visit.state, "to_dic")

    # -- DIC's decision within 3 days, processing 7-10 days ------------------

    def test_dic_decides_within_three_days(self):
        visit = self._create_visit()
        visit.with_user(self.user_coordinator).action_submit()
        self.assertEqual(visit.decision_deadline, self.today + timedelta(days=3))
        activity = visit.activity_ids.filtered(lambda a: a.user_id == self.user_dic_director)
        # the step's deadline: 3 working days of the DIC Director's calendar
        line = visit.sudo().approval_line_ids.filtered(lambda line: line.state == "pending")
        self.assertEqual(activity.date_deadline, line.date_deadline)
        self.assertGreaterEqual(activity.date_deadline, self.today + timedelta(days=3))
        self.assertEqual(visit.processing_date_from, self.today + timedelta(days=10))
        self.assertEqual(visit.processing_date_to, self.today + timedelta(days=13))
        # the programme documents must be verified before the acceptance
        with self.assertRaisesRegex(UserError, "documents"):
            visit.with_user(self.user_dic_director).action_approval_approve()
        # an officer is not the DIC Director
        with self.assertRaises(UserError):
            visit.with_user(self.user_officer).action_approval_approve()
        self._verify(visit, "scholar")
        # the programmes office's step (vacant: the DIC Director as the next level), then the DIC's
        visit.with_user(self.user_dic_director).action_approval_approve()
        self.assertEqual(visit.state, "to_dic")
        visit.with_user(self.user_dic_director).action_approval_approve()
        self.assertEqual(visit.state, "accepted")
        self.assertEqual(visit.accepted_date, self.today)
        self.assertEqual(visit.processing_date_from, self.today + timedelta(days=7))
        self.assertEqual(visit.processing_date_to, self.today + timedelta(days=10))
        # the visa documents are now mandatory, the arrival ones not yet
        required = visit.document_line_ids.filtered("required").type_id.process_ids.mapped("code")
        self.assertIn("scholar_visa", required)
        self.assertNotIn("scholar_arrival", required)

    def test_refused_file_can_be_filed_again(self):
        visit = self._create_visit()
        visit.with_user(self.user_coordinator).action_submit()
        visit.with_user(self.user_dic_director)._approval_do_reject("The lecture schedule is incomplete")
        self.assertEqual(visit.state, "refused")
        visit.with_user(self.user_coordinator).action_submit()
        self.assertEqual(visit.state, "to_dic")

    def test_the_filer_does_not_accept_their_own_file(self):
        visit = self.env["intl.scholar.visit"].with_user(self.user_dic_director).create(
            self._visit_vals())
        self._attach_file(visit, self.user_dic_director)
        visit.with_user(self.user_dic_director).action_submit()
        self.assertFalse(visit.with_user(self.user_dic_director).can_approve)

    # -- the lifecycle owns the status -----------------------------------------

    def test_status_and_workflow_fields_refused_outside_the_transitions(self):
        Visit = self.env["intl.scholar.visit"].with_user(self.user_coordinator)
        with self.assertRaises(UserError):
            Visit.create(self._visit_vals(state="accepted"))
        with self.assertRaises(UserError):
            Visit.create(self._visit_vals(accepted_date=self.today))
        visit = self._create_visit()
        for vals in ({"state": "accepted"}, {"submit_date": self.today},
                     {"decision_deadline": self.today}, {"date_arrival_actual": self.today}):
            with self.assertRaises(UserError):
                visit.with_user(self.user_coordinator).write(vals)
            with self.assertRaises(UserError):
                visit.with_user(self.user_officer).write(vals)
        lecture = visit.lecture_ids[0]
        with self.assertRaises(UserError):
            lecture.with_user(self.user_coordinator).write({"state": "given", "hours_given": 4})
        with self.assertRaises(UserError):
            visit.with_user(self.user_officer).action_register_arrival()

    def test_coordinator_cannot_edit_a_submitted_visit(self):
        visit = self._create_visit()
        visit.with_user(self.user_coordinator).action_submit()
        with self.assertRaises(UserError):
            visit.with_user(self.user_coordinator).write({"date_arrival": self.today + timedelta(days=5)})
        # the lecture schedule may still be completed; its own rules apply
        visit.with_user(self.user_coordinator).write({"lecture_ids": [(0, 0, {
            "date": visit.date_arrival, "time_from": 15.0, "time_to": 16.5, "group_name": "PhD-25",
            "level": "phd", "discipline": "Seminar", "hours_planned": 2.0})]})
        self.assertEqual(visit.hours_planned, 22.0)

    def test_dates_and_lectures_validated(self):
        with self.assertRaises(ValidationError):
            self._create_visit(days=-3)
        visit = self._create_visit()
        with self.assertRaises(ValidationError):
            visit.with_user(self.user_coordinator).write({"lecture_ids": [(0, 0, {
                "date": visit.date_departure + timedelta(days=3), "time_from": 10, "time_to": 11,
                "group_name": "X", "level": "phd", "discipline": "Y", "hours_planned": 2})]})
        with self.assertRaises(ValidationError):
            visit.lecture_ids[0].with_user(self.user_coordinator).write({"time_to": 9.0})

    # -- arrival, lectures, end of stay ---------------------------------------

    def test_arrival_needs_visa_documents_and_visa(self):
        visit = self._accepted_visit()
        with self.assertRaisesRegex(UserError, "visa documents"):
            visit.with_user(self.user_officer).action_register_arrival()
        self._verify(visit, "scholar_visa")
        with self.assertRaisesRegex(UserError, "visa issued"):
            visit.with_user(self.user_officer).action_register_arrival()
        self._record_visa(visit)
        with self.assertRaises(UserError):
            visit.with_user(self.user_coordinator).action_register_arrival()
        visit.with_user(self.user_officer).action_register_arrival()
        self.assertEqual(visit.state, "on_site")
        required = visit.document_line_ids.filtered("required").type_id.process_ids.mapped("code")
        self.assertIn("scholar_arrival", required)

    def test_lectures_given_and_end_of_stay(self):
        visit = self._on_site_visit()
        lectures = visit.lecture_ids
        with self.assertRaisesRegex(UserError, "not taken place"):
            lectures[0].with_user(self.user_coordinator).action_give()
        with freeze_time(visit.date_departure):
            lectures[:3].with_user(self.user_coordinator).action_give()
            lectures[3].with_user(self.user_coordinator).action_give(hours=2.0)
            lectures[4].with_user(self.user_coordinator).action_cancel()
            self.assertEqual(visit.hours_planned, 16.0)
            self.assertEqual(visit.hours_given, 14.0)
            with self.assertRaises(UserError):
                lectures[0].with_user(self.user_accountant).action_give()
            with self.assertRaisesRegex(UserError, "arrival documents"):
                visit.with_user(self.user_coordinator).action_end_stay()
            self._verify(visit, "scholar_arrival")
            visit.with_user(self.user_coordinator).action_end_stay()
        self.assertEqual(visit.state, "ended")
        with self.assertRaises(UserError):
            lectures[4].with_user(self.user_coordinator).action_reset()

    def test_plan_line_onchange_fills_the_visit(self):
        plan = self._approved_plan()
        with Form(self.env["intl.scholar.visit"].with_user(self.user_coordinator)) as form:
            form.plan_line_id = plan.line_ids
            form.purpose = "Lectures"
            self.assertEqual(form.scholar_id, self.scholar)
            self.assertEqual(form.date_arrival, plan.line_ids.date_from)
            self.assertEqual(form.contract_hours, 20.0)

    # -- the semester plan --------------------------------------------------

    def _plan(self):
        plan = self.env["intl.scholar.plan"].with_user(self.user_coordinator).create({
            "institute_id": self.institute.id, "academic_year": "2026/2027", "semester": "spring",
            "company_id": self.company.id,
            "line_ids": [(0, 0, {
                "scholar_id": self.scholar.id, "home_institution_id": self.partner_host.id,
                "field_of_study": "Petroleum engineering", "level_master": True, "level_phd": True,
                "date_from": self.today + timedelta(days=60), "date_to": self.today + timedelta(days=80),
                "funding_source_id": self.scholar_programme.id, "planned_cost": 1200000.0,
                "planned_hours": 20.0})]})
        return plan

    def _approved_plan(self):
        plan = self._plan()
        plan.with_user(self.user_coordinator).action_submit()
        plan.with_user(self.user_inst_director).action_approval_approve()
        plan.with_user(self.user_dic_director).action_approval_approve()
        self.assertEqual(plan.state, "to_approve")
        plan.with_user(self.user_management).action_approval_approve()
        self.assertEqual(plan.state, "approved")
        return plan

    def test_plan_agreed_and_approved_along_its_route(self):
        plan = self._plan()
        with self.assertRaises(UserError):
            plan.with_user(self.user_coordinator).write({"state": "approved"})
        plan.with_user(self.user_coordinator).action_submit()
        self.assertEqual(plan.state, "to_agree")
        # the rector cannot skip the institute director and the DIC Director
        with self.assertRaises(UserError):
            plan.with_user(self.user_management).action_approval_approve()
        plan.with_user(self.user_inst_director).action_approval_approve()
        plan.with_user(self.user_dic_director).action_approval_approve()
        plan.with_user(self.user_management).action_approval_approve()
        self.assertEqual(plan.state, "approved")
        with self.assertRaises(UserError):
            plan.line_ids.with_user(self.user_coordinator).write({"planned_cost": 1.0})

    def test_plan_needs_lines_and_shows_planned_against_actual(self):
        empty = self.env["intl.scholar.plan"].with_user(self.user_coordinator).create({
            "institute_id": self.institute.id, "academic_year": "2027/2028", "semester": "fall",
            "company_id": self.company.id})
        with self.assertRaisesRegex(UserError, "planned invitations"):
            empty.with_user(self.user_coordinator).action_submit()
        plan = self._approved_plan()
        line = plan.line_ids
        self.assertEqual(line.actual_hours, 0.0)
        visit = self._create_visit(plan_line_id=line.id)
        line.invalidate_recordset()
        self.assertEqual(line.actual_state, "Draft")
        self.assertEqual(line.actual_date_from, visit.date_arrival)
        self.assertEqual(plan.visit_count, 1)


@tagged("post_install", "-at_install")
class TestScholarFees(IntlScholarCommon):

    def _fee(self, kind, day):
        visit = self._accepted_visit()
        return self.env["intl.scholar.fee"].with_user(self.user_officer).create({
            "visit_id": visit.id, "kind_id": kind.id, "date": day})

    def test_fee_amount_from_the_mci_in_force_on_the_payment_date(self):
        visit = self._accepted_visit()
        Fee = self.env["intl.scholar.fee"].with_user(self.user_officer)
        march = Fee.create({"visit_id": visit.id, "kind_id": self.fee_single.id, "date": date(2022, 3, 31)})
        april = Fee.create({"visit_id": visit.id, "kind_id": self.fee_single.id, "date": date(2022, 4, 1)})
        now = Fee.create({"visit_id": visit.id, "kind_id": self.fee_invitation.id, "date": date(2026, 6, 1)})
        self.assertEqual((march.mci_value, april.mci_value, now.mci_value), (3063, 3180, 4325))
        self.assertEqual(march.amount, 7 * 3063)
        self.assertEqual(april.amount, 7 * 3180)
        self.assertEqual(now.amount, 0.5 * 4325)
        self.assertEqual((now.kbk, now.knp), ("108126", "911"))
        # the MCI table is data: a new budget law changes the amount of later payments only
        self.env["intl.mci"].create({"date_from": date(2027, 1, 1), "value": 4500})
        later = Fee.create({"visit_id": visit.id, "kind_id": self.fee_single.id, "date": date(2027, 2, 1)})
        self.assertEqual(later.amount, 7 * 4500)
        self.assertEqual(now.amount, 0.5 * 4325)
        with self.assertRaisesRegex(UserError, "MCI"):
            Fee.create({"visit_id": visit.id, "kind_id": self.fee_single.id, "date": date(2019, 1, 1)})

    def test_fee_posted_as_a_paid_vendor_bill(self):
        fee = self._fee(self.fee_single, self.today)
        with self.assertRaises(UserError):
            fee.with_user(self.user_officer).action_post()
        with self.assertRaises(UserError):
            fee.with_user(self.user_accountant).write({"state": "posted"})
        fee.with_user(self.user_accountant).action_post()
        self.assertEqual(fee.state, "posted")
        bill = fee.move_id
        self.assertEqual((bill.move_type, bill.state), ("in_invoice", "posted"))
        self.assertEqual(bill.partner_id, self.fee_partner)
        self.assertEqual(bill.amount_total, fee.amount)
        self.assertIn("KBK 108126", bill.ref)
        self.assertEqual(bill.invoice_line_ids.account_id, self.fee_account)
        self.assertIn(bill.payment_state, ("paid", "in_payment"))
        self.assertIn(fee.payment_id.state, ("in_process", "paid"))
        payable = bill.line_ids.filtered(lambda line: line.account_id.account_type == "liability_payable")
        self.assertTrue(payable.reconciled)
        with self.assertRaises(UserError):
            fee.with_user(self.user_accountant).write({"kbk": "000000"})
        with self.assertRaises(UserError):
            fee.with_user(self.user_officer).unlink()
