from datetime import timedelta

from odoo import fields
from odoo.exceptions import UserError
from odoo.tests import HttpCase, tagged
from odoo.tools import format_date

from .common_scholar import IntlScholarCommon


class ScholarLateCommon(IntlScholarCommon):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        for user in (cls.user_coordinator, cls.user_dic_director):
            user.write({"lang": "en_US", "tz": "Asia/Almaty"})

    def _activities(self, visit):
        activity_type = self.env.ref("intl_cooperation.mail_activity_type_scholar_late_file")
        return visit.activity_ids.filtered(lambda a: a.activity_type_id == activity_type)


@tagged("post_install", "-at_install")
class TestUxScholarLate(ScholarLateCommon):
    """Issue 25, blocker 4: the 40-day rule asks the DIC Director instead of stopping the coordinator."""

    def test_request_reaches_the_director_who_allows(self):
        visit = self._create_visit(arrival_in=20)
        coordinator = visit.with_user(self.user_coordinator)
        self.assertTrue(coordinator.submit_late)
        # "filed today" is the coordinator's today (Asia/Almaty): past 19:00 UTC a day after UTC's
        earliest = fields.Date.context_today(coordinator) + timedelta(
            days=self.company.intl_scholar_submit_days)
        self.assertIn(format_date(self.env, earliest), coordinator.submit_late_message)
        self.assertTrue(coordinator.can_request_late)
        with self.assertRaises(UserError):
            coordinator.action_submit()
        with self.assertRaises(UserError):
            coordinator._do_request_late("   ")
        action = coordinator.action_request_late()
        self.assertEqual(action["res_model"], "intl.scholar.late.request")
        self.env["intl.scholar.late.request"].with_user(self.user_coordinator).create({
            "visit_id": visit.id, "reason": "The Ministry confirmed the funding late"}).action_confirm()
        activities = self._activities(visit)
        self.assertIn(self.user_dic_director, activities.user_id)
        self.assertFalse(activities.user_id - self.env.ref("intl_cooperation.group_intl_director").users)
        self.assertIn("The Ministry confirmed the funding late", str(activities.note))
        visit.invalidate_recordset()
        self.assertTrue(coordinator.late_request_pending)
        self.assertFalse(coordinator.can_request_late)
        # the director decides: the activity closes, the coordinator submits
        visit.with_user(self.user_dic_director)._do_allow_late("Funding confirmed late by the Ministry")
        self.assertFalse(self._activities(visit))
        coordinator.action_submit()
        self.assertEqual(visit.state, "to_dic")

    def test_only_late_drafts_and_coordinators_ask(self):
        in_time = self._create_visit(arrival_in=60)
        with self.assertRaises(UserError):
            in_time.with_user(self.user_coordinator)._do_request_late("No need")
        late = self._create_visit(arrival_in=20)
        with self.assertRaises(UserError):
            late.with_user(self.user_requester)._do_request_late("Not mine")
        self.assertFalse(self._activities(late))


@tagged("post_install", "-at_install")
class TestUxScholarLateTour(ScholarLateCommon, HttpCase):

    def test_coordinator_asks_the_director_allows(self):
        visit = self._create_visit(arrival_in=20)
        self.start_tour(f"/odoo/intl.scholar.visit/{visit.id}", "intl_scholar_late_request_tour",
                        login=self.user_coordinator.login)
        self.assertTrue(self._activities(visit))
        self.start_tour(f"/odoo/intl.scholar.visit/{visit.id}", "intl_scholar_late_allow_tour",
                        login=self.user_dic_director.login)
        self.assertEqual(visit.late_override_user_id, self.user_dic_director)
        self.assertFalse(self._activities(visit))
