from datetime import date, timedelta

from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import HttpCase, tagged
from odoo.tests.common import JsonRpcException
from odoo.tools import mute_logger

from .common_trip import IntlTripCommon


@tagged("post_install", "-at_install")
class TestClauseTripFile(IntlTripCommon):
    """§5.3: the 15-day rule applies to the file; a departure passed unsubmitted is flagged."""

    def _file_types(self):
        ref = self.env.ref
        return [ref(f"intl_cooperation.intl_document_type_{code}") for code in (
            "application", "unit_recommendation", "invitation", "cost_estimate")]

    def test_submission_needs_the_file(self):
        trip = self._create_trip(attach=False)
        issues = trip.with_user(self.user_requester).submission_issues
        for doc_type in self._file_types():
            self.assertIn(doc_type.display_name, issues)
        with self.assertRaises(UserError) as error:
            trip.with_user(self.user_requester).action_submit()
        self.assertIn(self._file_types()[0].display_name, str(error.exception))
        self.assertEqual(trip.state, "draft")
        # a document the report is for (717-02) is not asked before the trip
        report_type = self.env.ref("intl_cooperation.intl_document_type_assignment_report")
        self.assertNotIn(report_type.display_name, issues)
        # attached by the traveller: the file is complete, the submission goes through
        self._attach_documents(trip, self.user_requester)
        trip.invalidate_recordset(["submission_issues"])
        self.assertFalse(trip.with_user(self.user_requester).submission_issues)
        trip.with_user(self.user_requester).action_submit()
        self.assertEqual(trip.state, "to_head")

    def test_a_rejected_document_is_attached_again(self):
        trip = self._create_trip()
        line = trip.document_line_ids.filtered(lambda line: line.type_id == self._file_types()[2])
        line.with_user(self.user_officer).action_reject()
        self.assertIn(line.type_id.display_name, trip.with_user(self.user_requester).submission_issues)
        with self.assertRaises(UserError):
            trip.with_user(self.user_requester).action_submit()

    def test_host_paying_everything_needs_no_estimate(self):
        trip = self._create_trip(attach=False, lines=[],
                                 funding_source_id=self.funding_host.id)
        issues = trip.with_user(self.user_requester).submission_issues
        self.assertNotIn(self._file_types()[3].display_name, issues)
        self.assertIn(self._file_types()[0].display_name, issues)

    def test_a_late_file_goes_to_management(self):
        """Attached 10 days before departure: too late; Management's decision lets it through."""
        trip = self._create_trip(departure=self.today + timedelta(days=10))
        with self.assertRaises(UserError):
            trip.with_user(self.user_requester).action_submit()
        trip.with_user(self.user_management)._do_allow_late_submission("Invitation received late.")
        trip.with_user(self.user_requester).action_submit()
        self.assertEqual(trip.state, "to_head")

    def test_cron_flags_drafts_whose_departure_passed(self):
        with freeze_time("2021-03-02 06:00:00"):
            gone = self.env["intl.trip"].with_user(self.user_requester).create(
                self._trip_vals(departure=date(2021, 3, 10)))
            submitted = self._create_trip(departure=date(2021, 3, 25))
            submitted.with_user(self.user_requester).action_submit()
            upcoming = self.env["intl.trip"].with_user(self.user_requester).create(
                self._trip_vals(departure=date(2021, 4, 30)))
        activity_type = self.env.ref("intl_cooperation.mail_activity_type_trip_unsubmitted")
        with freeze_time("2021-03-26 06:00:00"):
            self.env["intl.trip"]._cron_flag_unsubmitted()
            self.env["intl.trip"]._cron_flag_unsubmitted()  # idempotent
        trips = gone | submitted | upcoming
        activities = self.env["mail.activity"].search([
            ("res_model", "=", "intl.trip"), ("res_id", "in", trips.ids),
            ("activity_type_id", "=", activity_type.id)])
        self.assertEqual(set(activities.mapped("res_id")), {gone.id})
        self.assertEqual(activities.user_id, self.user_requester | self.user_head)
        self.assertEqual(gone.unsubmitted_flagged_on, date(2021, 3, 26))
        self.assertFalse(submitted.unsubmitted_flagged_on)
        self.assertFalse(upcoming.unsubmitted_flagged_on)
        self.assertIn(gone.name, activities[:1].summary)
        self.assertIn("departure date passed", gone.message_ids[:1].body)
        # the traveller reads it in their language
        self.user_head.lang = "ru_RU"
        with freeze_time("2021-05-05 06:00:00"):
            self.env["intl.trip"]._cron_flag_unsubmitted()
        head_activity = self.env["mail.activity"].search([
            ("res_id", "=", upcoming.id), ("res_model", "=", "intl.trip"),
            ("user_id", "=", self.user_head.id)])
        self.assertIn(upcoming.name, head_activity.summary)
        self.assertNotIn("departure date passed", head_activity.summary)

    def test_cron_works_in_batches(self):
        with freeze_time("2021-03-02 06:00:00"):
            trips = self.env["intl.trip"].with_user(self.user_requester).create([
                self._trip_vals(departure=date(2021, 3, 10)) for _i in range(3)])
        with freeze_time("2021-03-26 06:00:00"):
            self.env["intl.trip"]._cron_flag_unsubmitted(batch_size=2)
            self.assertEqual(len(trips.filtered("unsubmitted_flagged_on")), 2)
            self.env["intl.trip"]._cron_flag_unsubmitted(batch_size=2)
            self.assertEqual(len(trips.filtered("unsubmitted_flagged_on")), 3)

    def test_the_flag_is_the_systems(self):
        trip = self._create_trip()
        with self.assertRaises(UserError):
            trip.with_user(self.user_requester).write({"unsubmitted_flagged_on": self.today})
        with self.assertRaises(UserError):
            trip.with_user(self.user_officer).write({"unsubmitted_flagged_on": self.today})


@tagged("post_install", "-at_install")
class TestClauseTripFileJsonRpc(IntlTripCommon, HttpCase):
    """Over JSON-RPC, as the traveller: no submission without the file, no flag by hand."""

    def _call(self, model, method, args, kwargs=None):
        return self.make_jsonrpc_request("/web/dataset/call_kw", {
            "model": model, "method": method, "args": args, "kwargs": kwargs or {}})

    @mute_logger("odoo.http")  # the refusals are expected: each one is asserted below
    def test_traveller_over_jsonrpc(self):
        trip = self._create_trip(attach=False)
        self.user_requester.password = "requester-pw-1"
        self.authenticate(self.user_requester.login, "requester-pw-1")
        for method, args in (("action_submit", [[trip.id]]),
                             ("write", [[trip.id], {"unsubmitted_flagged_on": "2026-01-01"}])):
            with self.subTest(method=method), self.assertRaises(JsonRpcException) as error:
                self._call("intl.trip", method, args)
            self.assertEqual(str(error.exception), "odoo.exceptions.UserError")
        trip.invalidate_recordset()
        self.assertEqual(trip.read(["state", "unsubmitted_flagged_on"])[0],
                         {"id": trip.id, "state": "draft", "unsubmitted_flagged_on": False})
        # attached, the same call submits
        self._attach_documents(trip, self.user_requester)
        self._call("intl.trip", "action_submit", [[trip.id]])
        trip.invalidate_recordset()
        self.assertEqual(trip.read(["state"])[0]["state"], "to_head")
