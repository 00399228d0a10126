import base64
from datetime import timedelta

from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools import format_date

from .common_trip import IntlTripCommon


@tagged("post_install", "-at_install")
class TestTripGuidance(IntlTripCommon):
    """The trip form says early what is missing, and lets the traveller ask for a late submission."""

    def test_fifteen_day_rule_shows_as_soon_as_dates_are_entered(self):
        env = self.env(user=self.user_requester, context={"lang": "ru_RU"})
        self.user_requester.lang = "ru_RU"
        form = Form(env["intl.trip"])
        self.assertFalse(form.submission_late)
        departure = self.today + timedelta(days=5)
        form.date_departure = departure
        form.date_return = departure + timedelta(days=3)
        self.assertTrue(form.submission_late)
        message = form.submission_late_message
        # the date in the reader's format, never ISO
        self.assertIn(format_date(env, departure), message)
        self.assertNotIn(departure.isoformat(), message)
        self.assertIn(departure.strftime("%d.%m.%Y"), message)
        # the title of a new trip is not "/"
        self.assertEqual(form.name, "/")

    def test_everything_missing_is_listed_at_once(self):
        trip = self.env["intl.trip"].with_user(self.user_requester).create(
            self._trip_vals(departure=self.today + timedelta(days=3)))
        issues = trip.submission_issues
        self.assertIn(format_date(self.env, trip.date_departure), issues)
        self.assertIn("cost estimate", issues)
        with self.assertRaises(UserError) as error:
            trip.with_user(self.user_requester).action_submit()
        message = str(error.exception)
        self.assertIn("cost estimate", message)
        self.assertIn("15", message)
        self.assertEqual(trip.state, "draft")

    def test_ask_management_for_a_late_submission(self):
        trip = self._create_trip(departure=self.today + timedelta(days=4))
        self.assertTrue(trip.submission_late)
        action = trip.with_user(self.user_requester).action_request_late_submission()
        wizard = self.env[action["res_model"]].with_user(self.user_requester).with_context(
            **action["context"]).create({"reason": "The invitation arrived last week."})
        result = wizard.action_confirm()
        self.assertEqual(result["tag"], "display_notification")
        activity_type = self.env.ref("intl_cooperation.mail_activity_type_late_submission")
        activities = trip.activity_ids.filtered(lambda a: a.activity_type_id == activity_type)
        self.assertIn(self.user_management, activities.user_id)
        self.assertNotIn(self.user_requester, activities.user_id)
        self.assertIn("The invitation arrived last week.", str(activities[:1].note))
        self.assertTrue(trip.late_request_pending)
        # Management allows it: the request is answered and the trip can be submitted
        override = self.env["intl.trip.override"].with_user(self.user_management).create({
            "trip_id": trip.id, "reason": "Invitation received late."})
        override.action_confirm()
        self.assertFalse(trip.activity_ids.filtered(lambda a: a.activity_type_id == activity_type))
        self.assertFalse(trip.submission_late)
        trip.with_user(self.user_requester).action_submit()
        self.assertEqual(trip.state, "to_head")

    def test_only_a_late_draft_asks(self):
        trip = self._create_trip()
        trip.with_user(self.user_requester).action_submit()
        with self.assertRaises(UserError):
            trip.with_user(self.user_requester).action_request_late_submission()

    def test_checklist_previewed_before_the_first_save(self):
        form = Form(self.env["intl.trip"].with_user(self.user_requester))
        preview = str(form.document_preview)
        application = self.env.ref("intl_cooperation.intl_document_type_application")
        self.assertIn(application.display_name, preview)

    def test_absurd_amounts_are_refused(self):
        trip = self._create_trip()
        for quantity, unit in ((1, 1e30), (-1, 1000.0), (1, -5.0)):
            with self.assertRaises(ValidationError):
                trip.write({"estimate_line_ids": [Command.create({
                    "category_id": self.cat_fares.id, "quantity": quantity, "unit_amount": unit,
                    "currency_id": self.kzt.id})]})

    def test_case_facts_in_the_reader_language(self):
        trip = self._create_trip(departure=self.today + timedelta(days=20))
        trip.with_user(self.user_requester).action_submit()
        case = self.env["intl.disciplinary.case"]._open_for_trips(trip, "unapproved_departure")
        for lang in ("en_US", "ru_RU", "kk_KZ"):
            env = self.env(context={"lang": lang})
            facts = case.with_env(env).facts_summary
            self.assertIn(format_date(env, trip.date_departure), facts, lang)
            self.assertNotIn(trip.date_departure.isoformat(), facts, lang)
        self.assertIn("выезда", case.with_context(lang="ru_RU").facts_summary)

    def test_calendar_shows_who_and_where(self):
        trip = self._create_trip()
        self.assertEqual(trip.calendar_title, f"{self.employee_requester.name} — Berlin, Germany")


@tagged("post_install", "-at_install")
class TestChecklistAndMoney(IntlTripCommon):

    def test_reports_due_later_and_mandatory_first(self):
        trip = self._create_trip()
        self.env.invalidate_all()  # the checklist as the form reads it from the database
        lines = trip.document_line_ids
        report = self.env.ref("intl_cooperation.intl_document_type_assignment_report")
        report_line = lines.filtered(lambda line: line.type_id == report)
        self.assertEqual(report_line.display_state, "later")
        self.assertTrue(report_line.due_later)
        required = [line.required for line in lines]
        self.assertEqual(required, sorted(required, reverse=True), "mandatory documents come first")

    def test_owner_reads_a_checklist_file_uploaded_by_dic(self):
        trip = self._create_trip()
        line = trip.document_line_ids.filtered("required")[:1]
        # uploaded in the browser before being linked: res_id 0, private to its uploader
        attachment = self.env["ir.attachment"].with_user(self.user_officer).create({
            "name": "passport.pdf", "datas": base64.b64encode(b"%PDF-1.4 scan"),
            "res_model": "intl.document.line", "res_id": 0})
        line.with_user(self.user_officer).write({"attachment_ids": [Command.link(attachment.id)]})
        trip.invalidate_recordset()
        data = trip.with_user(self.user_requester).read(["document_line_ids"])[0]
        lines = self.env["intl.document.line"].with_user(self.user_requester).browse(
            data["document_line_ids"])
        lines.invalidate_recordset()
        files = lines.read(["attachment_ids"])
        self.assertIn(attachment.id, [i for values in files for i in values["attachment_ids"]])
        attachment.with_user(self.user_requester).read(["name"])

    def test_money_desk_shows_the_advance_to_pay(self):
        trip = self._approve(self._create_trip())
        self.assertEqual(trip.money_state, "to_pay")
        self.assertEqual(trip.amount_to_advance, 500000.0)
        desk = self.env["intl.trip"].with_user(self.user_accountant).search(
            [("id", "=", trip.id), ("money_state", "=", "to_pay")])
        self.assertEqual(desk, trip)
        action = trip.with_user(self.user_accountant).action_pay_advance()
        self.assertEqual(action["res_model"], "intl.trip.payment.wizard")

    def test_kanban_columns_in_lifecycle_order_final_folded(self):
        self._create_trip()
        groups = self.env["intl.trip"].read_group([], ["state"], ["state"])
        states = [group["state"] for group in groups]
        self.assertEqual(states, ["draft", "to_head", "to_dic", "to_management", "approved",
                                  "returned", "done", "cancel"])
        folded = {group["state"]: group.get("__fold") for group in groups}
        self.assertTrue(folded["done"] and folded["cancel"])
        self.assertFalse(folded["draft"] or folded["approved"])
        delegation_states = [group["state"] for group in self.env["intl.delegation"].read_group(
            [], ["state"], ["state"])]
        self.assertEqual(delegation_states[-3:], ["refused", "closed", "cancel"])
