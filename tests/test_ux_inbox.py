from datetime import datetime, time, timedelta

import pytz

from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from .common_trip import IntlTripCommon


@tagged("post_install", "-at_install")
class TestApprovalInbox(IntlTripCommon):
    """The approvals inbox: translated steps, record summaries, decisions with feedback."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_head.lang = "kk_KZ"
        cls.user_officer.lang = "ru_RU"
        cls.user_management.lang = "en_US"
        cls.Line = cls.env["intl.approval.line"]

    def _inbox(self, user):
        """The lines of the inbox as ``user`` sees them, in ``user``'s language."""
        return self.Line.with_user(user).with_context(lang=user.lang).search(
            [("state", "=", "pending"), ("user_ids", "in", [user.id])])

    def test_step_shown_in_each_reader_language(self):
        trip = self._create_trip()
        trip.with_user(self.user_requester).with_context(lang="en_US").action_submit()
        expected = {
            "kk_KZ": "Бөлімше басшысы",
            "ru_RU": "Руководитель подразделения",
            "en_US": "Head of the unit",
        }
        line = self._inbox(self.user_head)
        self.assertEqual(len(line), 1)
        for lang, name in expected.items():
            for user in (self.user_head, self.user_officer, self.user_management):
                user.lang = lang
                read = line.with_user(user).with_context(lang=lang).read(["step_name"])[0]
                self.assertEqual(read["step_name"], name, f"{user.login} in {lang}")
            # the record's "Awaiting" column follows the reader's language too
            self.assertEqual(trip.with_context(lang=lang).approval_step, name)

    def test_inbox_row_summarises_the_record(self):
        trip = self._create_trip()
        trip.with_user(self.user_requester).action_submit()
        line = self._inbox(self.user_head).with_context(lang="en_US")
        values = line.read(["process_name", "res_name", "summary_what", "summary_who", "summary_amount",
                            "summary_date_from", "summary_date_to", "activated_on", "date_deadline",
                            "can_decide"])[0]
        self.assertEqual(values["res_name"], trip.name)
        self.assertEqual(values["process_name"], "Business Trip Abroad")
        self.assertEqual(values["summary_what"], "Joint curriculum workshop")
        self.assertEqual(values["summary_who"], self.employee_requester.name)
        self.assertEqual(values["summary_amount"], 500000.0)
        self.assertEqual(values["summary_date_from"], trip.date_departure)
        self.assertEqual(values["summary_date_to"], trip.date_return)
        self.assertTrue(values["activated_on"])
        # two working days of the approver's calendar (holidays and transfers counted) after the
        # day the step opened there, in the calendar's time zone: at 23:30 UTC it is already the
        # next day in Brussels or Almaty
        calendar = self.employee_head.resource_calendar_id or self.employee_head.company_id.resource_calendar_id
        tz = pytz.timezone(calendar.tz or "UTC")
        opened = pytz.utc.localize(values["activated_on"]).astimezone(tz).date()
        day = calendar.plan_days(2, tz.localize(datetime.combine(opened + timedelta(days=1), time.min)),
                                 compute_leaves=True).astimezone(tz).date()
        self.assertEqual(values["date_deadline"], day)
        self.assertTrue(values["can_decide"])
        # someone who is not the approver sees no decision to make
        self.assertFalse(line.with_user(self.user_officer).can_decide)

    def test_approve_from_the_inbox_says_what_was_decided(self):
        trip = self._create_trip()
        trip.with_user(self.user_requester).action_submit()
        line = self._inbox(self.user_head)
        result = line.with_user(self.user_head).with_context(lang="en_US").action_approve()
        self.assertEqual(result["tag"], "display_notification")
        self.assertIn(trip.name, result["params"]["message"])
        self.assertIn("approved", result["params"]["message"])
        self.assertEqual(trip.state, "to_dic")
        self.assertEqual(line.state, "approved")
        # the step is decided: approving it again is refused
        with self.assertRaises(UserError):
            line.with_user(self.user_head).action_approve()
        # the DIC step shows in the officer's inbox, not the head's
        self.assertFalse(self._inbox(self.user_head))
        self.assertEqual(len(self._inbox(self.user_officer)), 1)

    def test_only_the_approver_decides_from_the_inbox(self):
        trip = self._create_trip()
        trip.with_user(self.user_requester).action_submit()
        line = self._inbox(self.user_head)
        for user in (self.user_requester, self.user_officer):
            with self.assertRaises(UserError):
                line.with_user(user).action_approve()
        self.assertEqual(trip.state, "to_head")

    def test_reject_from_the_inbox_asks_the_reason(self):
        trip = self._create_trip()
        trip.with_user(self.user_requester).action_submit()
        line = self._inbox(self.user_head)
        action = line.with_user(self.user_head).action_reject()
        self.assertEqual(action["res_model"], "intl.approval.reject")
        wizard = Form(self.env["intl.approval.reject"].with_user(self.user_head).with_context(
            **action["context"]))
        wizard.reason = "The conference is not in the unit's plan."
        result = wizard.save().action_reject()
        self.assertEqual(result["tag"], "display_notification")
        self.assertIn(trip.name, result["params"]["message"])
        self.assertEqual(trip.state, "draft")
        self.assertEqual(line.comment, "The conference is not in the unit's plan.")

    def test_approve_on_the_form_notifies(self):
        trip = self._create_trip()
        trip.with_user(self.user_requester).action_submit()
        result = trip.with_user(self.user_head).action_approval_approve()
        self.assertEqual(result["tag"], "display_notification")
        self.assertEqual(result["params"]["next"]["tag"], "soft_reload")
