from datetime import timedelta

from freezegun import freeze_time

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

from .common import IntlCommon
from .jsonrpc_common import JsonRpcRefusalMixin
from .test_mobility_call import MobilityCallCommon


class OpportunityCommon(IntlCommon):
    """Opportunities abroad of DIC's register, the coordinators reading kk and ru."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Opportunity = cls.env["intl.opportunity"]
        cls.user_coordinator.lang = "kk_KZ"
        cls.user_director_institute.lang = "ru_RU"
        cls.user_coordinator_other.lang = "ru_RU"
        cls.today = fields.Date.context_today(cls.Opportunity)

    def _opportunity(self, user=None, publish=True, **vals):
        opportunity = self.Opportunity.with_user(user or self.user_officer).create({
            "name": "DAAD research grants", "kind": "scholarship", "sponsor": "DAAD",
            "audience": "both", "link": "https://www.daad.de/en/",
            "date_deadline": self.today + timedelta(days=60), **vals})
        if publish:
            opportunity.with_user(user or self.user_officer).action_publish()
        return opportunity

    def _mails_to(self, mails, institute):
        return mails.filtered(lambda mail: mail.model == "hr.department" and mail.res_id == institute.id)


@tagged("post_install", "-at_install")
class TestOpportunity(OpportunityCommon):
    """§1 activity 5, §4: DIC's register of opportunities, read by everyone once published."""

    def test_dic_keeps_the_register(self):
        opportunity = self._opportunity(publish=False, institute_ids=[Command.set(self.institute.ids)])
        self.assertEqual(opportunity.state, "draft")
        self.env.flush_all()
        self.env.cr.precommit.run()  # the creation's request ends: the next changes are tracked
        opportunity.with_user(self.user_officer).action_publish()
        self.assertEqual(opportunity.state, "published")
        self.assertTrue(opportunity.date_published)
        self.env.flush_all()
        self.env.cr.precommit.run()  # the tracking, as at the end of the request
        self.env.invalidate_all()
        self.assertIn("Published", opportunity.sudo().message_ids.tracking_value_ids.mapped(
            "new_value_char"), "the status change is tracked in the chatter")
        opportunity.with_user(self.user_officer).action_close()
        self.assertEqual(opportunity.state, "closed")
        opportunity.with_user(self.user_officer).action_reset()
        self.assertEqual(opportunity.state, "draft")

    def test_link_is_a_web_address(self):
        for link in ("daad.de", "ftp://daad.de/file", "https://", "javascript:alert(1)", "https://da ad.de"):
            with self.subTest(link=link), self.assertRaises(ValidationError):
                self._opportunity(publish=False, link=link)
        self.assertEqual(self._opportunity(publish=False, link="http://erasmus.example.org/call?id=2").link,
                         "http://erasmus.example.org/call?id=2")

    def test_publish_needs_an_open_deadline(self):
        late = self._opportunity(publish=False, date_deadline=self.today - timedelta(days=1))
        with self.assertRaises(UserError) as caught:
            late.with_user(self.user_officer).action_publish()
        self.assertIn("deadline", str(caught.exception))
        self.assertEqual(late.state, "draft")
        bare = self._opportunity(publish=False, link=False, description=False)
        with self.assertRaises(UserError):
            bare.with_user(self.user_officer).action_publish()

    def test_only_dic_writes_everyone_reads_the_published(self):
        published = self._opportunity()
        draft = self._opportunity(publish=False, name="Not yet checked")
        for user in (self.user_coordinator, self.user_requester, self.user_accountant):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    self.Opportunity.with_user(user).create({"name": "Mine", "sponsor": "Me", "link": "https://a.b"})
                with self.assertRaises(AccessError):
                    published.with_user(user).write({"name": "Changed"})
                with self.assertRaises(UserError):
                    published.with_user(user).action_close()
                published.invalidate_recordset()
                self.assertEqual(published.with_user(user).read(["name", "state"])[0]["state"], "published")
                draft.invalidate_recordset()
                with self.assertRaises(AccessError):
                    draft.with_user(user).read(["name"])
                self.assertNotIn(draft, self.Opportunity.with_user(user).search([]))
        # the status moves only through the actions, even for DIC
        with self.assertRaises(UserError):
            draft.with_user(self.user_officer).write({"state": "published"})
        self.assertEqual(draft.state, "draft")

    def test_deadline_closes_it(self):
        soon = self._opportunity(date_deadline=self.today + timedelta(days=3))
        later = self._opportunity(date_deadline=self.today + timedelta(days=30))
        open_ended = self._opportunity(date_deadline=False)
        self.env.flush_all()
        self.env.cr.precommit.run()  # the publication's request ends: the cron's change is tracked
        with freeze_time(self.today + timedelta(days=4)):
            self.Opportunity._cron_close_expired()
        self.assertEqual(soon.state, "closed")
        self.assertEqual(later.state, "published")
        self.assertEqual(open_ended.state, "published")
        self.env.flush_all()
        self.env.cr.precommit.run()  # the tracking, as at the end of the cron's transaction
        self.env.invalidate_all()
        self.assertIn("Closed", soon.sudo().message_ids.tracking_value_ids.mapped("new_value_char"))

    def test_weekly_digest_per_institute_in_the_readers_language(self):
        concerned = self._opportunity(name="DAAD research grants", institute_ids=[Command.set(self.institute.ids)])
        concerned.with_context(lang="kk_KZ").name = "DAAD зерттеу гранттары"
        concerned.with_context(lang="ru_RU").name = "Исследовательские гранты DAAD"
        everyone = self._opportunity(name="Erasmus+ staff week", kind="seminar", audience="staff",
                                     link="https://erasmus.example.org", date_deadline=False)
        self._opportunity(name="Geology field school", kind="course",
                          institute_ids=[Command.set(self.other_institute.ids)])
        self._opportunity(name="Still a draft", publish=False)
        closed = self._opportunity(name="Closed one")
        closed.with_user(self.user_officer).action_close()
        # the other institutes of the database are not due this week
        Department = self.env["hr.department"]
        Department.search([("id", "not in", (self.institute | self.other_institute).ids)]).write(
            {"intl_opportunity_digest_at": fields.Datetime.now()})
        self.Opportunity._cron_weekly_digest()
        mails = self.env["mail.mail"].search([("model", "=", "hr.department"),
                                              ("res_id", "in", (self.institute | self.other_institute).ids)])
        ours = self._mails_to(mails, self.institute)
        self.assertEqual(len(ours), 2, "one mail per language of the institute's coordinators")
        kazakh = ours.filtered(lambda mail: mail.recipient_ids == self.user_coordinator.partner_id)
        russian = ours.filtered(lambda mail: mail.recipient_ids == self.user_director_institute.partner_id)
        self.assertIn("DAAD зерттеу гранттары", kazakh.body_html)
        self.assertIn("Исследовательские гранты DAAD", russian.body_html)
        for mail in ours:
            self.assertIn("Erasmus+ staff week", mail.body_html)
            self.assertIn("https://www.daad.de/en/", mail.body_html)
            for absent in ("Geology field school", "Still a draft", "Closed one"):
                self.assertNotIn(absent, mail.body_html)
        theirs = self._mails_to(mails, self.other_institute)
        self.assertEqual(theirs.recipient_ids, self.user_coordinator_other.partner_id)
        self.assertIn("Geology field school", theirs.body_html)
        self.assertNotIn("DAAD research grants", theirs.body_html)
        self.assertEqual(everyone.state, "published")
        # a week is a week: the cron run again the same day mails nobody
        self.Opportunity._cron_weekly_digest()
        self.assertEqual(self.env["mail.mail"].search_count([
            ("model", "=", "hr.department"), ("res_id", "in", (self.institute | self.other_institute).ids)]), 3)
        # a week later, what is no longer new is listed without the mark
        with freeze_time(fields.Datetime.now() + timedelta(days=7)):
            self.Opportunity._cron_weekly_digest()
        again = self._mails_to(self.env["mail.mail"].search([("model", "=", "hr.department")]), self.institute) - ours
        self.assertEqual(len(again), 2)
        self.assertIn("DAAD", again[0].body_html)


@tagged("post_install", "-at_install")
class TestOpportunityApplications(OpportunityCommon, MobilityCallCommon):
    """The applications an opportunity led to name it and count in the institutes' indicators."""

    def test_applications_counted_per_institute(self):
        opportunity = self._opportunity(name="Erasmus+ teaching mobility", kind="exchange", audience="staff")
        call = self._call(condition=self.teaching)
        call.with_user(self.user_coordinator).action_open()
        application = self.env["intl.mobility.application"].with_user(self.user_requester).create({
            "call_id": call.id, "employee_id": self.employee_requester.id, "motivation": "Guest lectures",
            "opportunity_id": opportunity.id})
        self._attach_all(application)
        application.with_user(self.user_requester).action_submit()
        # a trip of the other institute answering the same opportunity, under way
        trip_vals = {
            "employee_id": self.employee_requester_other.id, "country_id": self.env.ref("base.de").id,
            "city": "Berlin", "purpose": "Seminar", "assignment": "Attend the seminar",
            "opportunity_id": opportunity.id, "state": "approved",
            "date_departure": self.today - timedelta(days=3), "date_return": self.today + timedelta(days=2)}
        self.env["intl.trip"]._lifecycle_create([trip_vals, dict(trip_vals, state="draft")])
        self.assertEqual(opportunity.application_count, 3)
        year = self.today.year
        indicators = self.env["intl.institute.indicator"].with_user(self.user_dic_director).create([
            {"institute_id": institute.id, "year": year, "code": "opportunity_applications", "target": 5}
            for institute in (self.institute, self.other_institute)])
        self.assertEqual(indicators.mapped("actual"), [1.0, 1.0],
                         "the submitted application of the institute, the other's trip (not its draft)")
        self.assertTrue(all(indicators.mapped("is_live")))
        # the coordinator reads their institute's indicator
        indicators.invalidate_recordset()
        self.assertEqual(indicators[0].with_user(self.user_coordinator).read(["actual"])[0]["actual"], 1.0)


@tagged("post_install", "-at_install")
class TestOpportunityDigestQueries(OpportunityCommon):
    """The weekly digest costs the same for 5 institutes as for 15 (each with its coordinators in
    three languages and its own opportunities)."""

    def _institutes(self, count):
        Department = self.env["hr.department"]
        langs = ["en_US", "kk_KZ", "ru_RU"]
        institutes = Department.create([{"name": f"Institute {self._counter + index} (digest)",
                                         "intl_kind": "institute"} for index in range(count)])
        users = [new_test_user(self.env, login=f"digest_{self._counter + index}",
                               groups="base.group_user,intl_cooperation.group_intl_coordinator",
                               email=f"digest_{self._counter + index}@example.com",
                               lang=langs[index % 3]) for index in range(count)]
        self.env["hr.employee"].create([{"name": user.name, "user_id": user.id, "department_id": institute.id}
                                        for user, institute in zip(users, institutes, strict=True)])
        self._counter += count
        for institute in institutes:
            self._opportunity(name=f"Course for {institute.name}", institute_ids=[Command.set(institute.ids)])
        return institutes

    def _queries(self, institutes):
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.cr.sql_log_count
        self.Opportunity._cron_weekly_digest()
        self.env.flush_all()
        count = self.cr.sql_log_count - before
        mails = self.env["mail.mail"].search([("model", "=", "hr.department"), ("res_id", "in", institutes.ids)])
        self.assertEqual(len(mails), len(institutes))
        self.assertTrue(all(institutes.mapped("intl_opportunity_digest_at")))
        return count

    def test_digest_costs_the_same_for_few_and_many_institutes(self):
        self._counter = 0
        self._opportunity(name="For every institute", date_deadline=False)
        self.env["hr.department"].search([("intl_kind", "=", "institute")]).write(
            {"intl_opportunity_digest_at": fields.Datetime.now()})
        self._queries(self._institutes(3))  # warms the caches, as the cron worker has them
        baseline = self._queries(self._institutes(5))
        self.assertEqual(self._queries(self._institutes(15)), baseline)


@tagged("post_install", "-at_install")
class TestOpportunityJsonRpc(JsonRpcRefusalMixin, OpportunityCommon, HttpCase):
    """Over JSON-RPC: only DIC writes the register, nobody writes a status, drafts stay DIC's."""

    def _call(self, model, method, args, kwargs=None):
        return self.make_jsonrpc_request("/web/dataset/call_kw", {
            "model": model, "method": method, "args": args, "kwargs": kwargs or {}})

    @mute_logger("odoo.http")  # the refusals are expected: each one is asserted below
    def test_refusals(self):
        published = self._opportunity()
        draft = self._opportunity(publish=False, name="Draft call")
        self.user_coordinator.password = "coordinator-pw-1"
        self.authenticate(self.user_coordinator.login, "coordinator-pw-1")
        with self.assertRpcRefused(AccessError):
            self._call("intl.opportunity", "create", [[{"name": "Mine", "sponsor": "Me", "link": "https://a.b"}]])
        with self.assertRpcRefused(AccessError):
            self._call("intl.opportunity", "write", [[published.id], {"name": "Changed"}])
        with self.assertRpcRefused(AccessError):
            self._call("intl.opportunity", "read", [[draft.id], ["name"]])
        with self.assertRpcRefused(UserError):
            self._call("intl.opportunity", "action_close", [[published.id]])
        self.assertEqual(self._call("intl.opportunity", "read", [[published.id], ["state"]])[0]["state"], "published")
        self.user_officer.password = "officer-pw-1"
        self.authenticate(self.user_officer.login, "officer-pw-1")
        with self.assertRpcRefused(UserError):
            self._call("intl.opportunity", "write", [[draft.id], {"state": "published"}])
        with self.assertRpcRefused(UserError):
            self._call("intl.opportunity", "write", [[draft.id], {"date_published": "2026-01-01 10:00:00"}])
        with self.assertRpcRefused(ValidationError):
            self._call("intl.opportunity", "write", [[draft.id], {"link": "not a link"}])
        with self.assertRpcRefused(UserError):
            self._call("intl.opportunity", "create", [[{"name": "Forged", "sponsor": "X", "link": "https://a.b",
                                                        "state": "published"}]])
        draft.invalidate_recordset()
        self.assertEqual(draft.read(["state", "date_published", "link"])[0],
                         {"id": draft.id, "state": "draft", "date_published": False, "link": "https://www.daad.de/en/"})
        self._call("intl.opportunity", "action_publish", [[draft.id]])
        draft.invalidate_recordset()
        self.assertEqual(draft.read(["state"])[0]["state"], "published")
        # the digest flag of the institutes is the engine's
        self.authenticate(self.user_coordinator.login, "coordinator-pw-1")
        with self.assertRpcRefused(AccessError):
            self._call("hr.department", "write", [[self.institute.id], {
                "intl_opportunity_digest_at": "2026-01-01 10:00:00"}])
