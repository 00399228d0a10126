import contextlib

from markupsafe import Markup

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

from ..models.mail_activity import FOLLOWERS_DONE, FOLLOWERS_KEY
from ..tools import intl_message
from .jsonrpc_common import JsonRpcRefusalMixin
from .test_approval_click_queries import ApprovalClickMixin
from .test_approval_link import ApprovalLinkCommon

CRON = "intl_cooperation.ir_cron_intl_approval_notices"


class ApprovalNoticesCommon(ApprovalLinkCommon):

    def _mails(self, agreement, user):
        return self.env["mail.mail"].sudo().search([
            ("model", "=", "intl.agreement"), ("res_id", "=", agreement.id),
            ("recipient_ids", "in", user.partner_id.ids)])

    def _last_message(self):
        return self.env["mail.message"].sudo().search([], order="id desc", limit=1).id

    def _notices(self, agreement, user, since):
        """The personal notices of ``user`` on ``agreement`` (their inbox or their e-mail) after
        the message ``since`` (Odoo also tells a curator, or the user of a hand-made activity)."""
        return self.env["mail.notification"].sudo().search([
            ("res_partner_id", "=", user.partner_id.id), ("mail_message_id.model", "=", "intl.agreement"),
            ("mail_message_id.res_id", "=", agreement.id), ("mail_message_id", ">", since),
            ("mail_message_id.message_type", "=", "user_notification")])

    def _approval_activities(self, agreement):
        approval = self.env.ref("intl_cooperation.mail_activity_type_approval")
        return agreement.sudo().activity_ids.filtered(lambda a: a.activity_type_id == approval)

    def _followers(self, agreement):
        return agreement.sudo().message_follower_ids.partner_id


@tagged("post_install", "-at_install")
class TestApprovalNotices(ApprovalNoticesCommon):
    """The approvers of a step just opened are made followers and told by the approval notices
    job the click triggers (within a minute), not by the click itself."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        for lang in ("ru_RU", "kk_KZ"):
            cls.env["res.lang"]._activate_lang(lang)
        # the legal step's three approvers: English by e-mail, Russian by e-mail, Kazakh in Odoo
        cls.user_legal.write({"lang": "en_US", "notification_type": "email"})
        cls.legal_ru = cls.user_legal.copy({"login": "t_legal_ru", "name": "Legal Russian",
                                            "email": "legal_ru@example.com"})
        cls.legal_ru.write({"lang": "ru_RU", "notification_type": "email"})
        cls.legal_kk = cls.user_legal.copy({"login": "t_legal_kk", "name": "Legal Kazakh",
                                            "email": "legal_kk@example.com"})
        cls.legal_kk.write({"lang": "kk_KZ", "notification_type": "inbox"})
        cls.legal_users = cls.user_legal | cls.legal_ru | cls.legal_kk

    def _triggers(self):
        return self.env["ir.cron.trigger"].sudo().search_count([("cron_id", "=", self.env.ref(CRON).id)])

    def test_the_click_tells_nobody_the_job_tells_each_approver_once(self):
        triggers = self._triggers()
        since = self._last_message()
        agreement, line = self._at_legal_step()
        self.assertLessEqual(self.legal_users, line.user_ids)
        activities = self._approval_activities(agreement)
        self.assertEqual(activities.user_id, line.user_ids)
        # the click: the activities, flagged, and the job triggered; no follower, message, e-mail
        self.assertTrue(all(activities.mapped("intl_notice_pending")))
        self.assertGreater(self._triggers(), triggers)
        self.assertFalse(self._followers(agreement) & self.legal_users.partner_id)
        for user in self.legal_users:
            self.assertFalse(self._mails(agreement, user), user.login)
            self.assertFalse(self._notices(agreement, user, since), user.login)
        self._run_approval_notices()
        self.assertFalse(any(activities.mapped("intl_notice_pending")))
        self.assertLessEqual(self.legal_users.partner_id, self._followers(agreement))
        subjects = {self.user_legal: ("assigned to you", "Agree: "),
                    self.legal_ru: ("назначенный вам", "Согласовать: "),
                    self.legal_kk: ("сізге тағайындалды", "Келісу: ")}
        for user, words in subjects.items():
            notice = self._notices(agreement, user, since)
            self.assertEqual(len(notice), 1, user.login)
            message = notice.mail_message_id
            for word in words:
                self.assertIn(word, message.subject, user.login)
            # from the DIC Director, who decided the step before: not from the job's user
            self.assertEqual(message.author_id, self.user_dic_director.partner_id)
            self.assertEqual(message.partner_ids, user.partner_id)
            # the activity's note: the agreement's summary and the approver's own links
            self.assertIn(agreement.title, str(message.body))
            self.assertIn(f"/intl/approval/{line.id}/approve?uid={user.id}", str(message.body))
        for user in self.user_legal | self.legal_ru:
            mail = self._mails(agreement, user)
            self.assertEqual(len(mail), 1, user.login)
            self.assertEqual(mail.notification_ids.notification_type, "email")
            self.assertIn(f"uid={user.id}", mail.body_html)
        self.assertEqual(self._notices(agreement, self.legal_kk, since).notification_type, "inbox")
        self.assertFalse(self._notices(agreement, self.legal_kk, since).is_read)
        self.assertFalse(self._mails(agreement, self.legal_kk))
        # a second run tells nobody again
        mails, notices = self.env["mail.mail"].sudo().search_count([]), \
            self.env["mail.notification"].sudo().search_count([])
        self.env["mail.activity"]._cron_intl_approval_notices()
        self.assertEqual(self.env["mail.mail"].sudo().search_count([]), mails)
        self.assertEqual(self.env["mail.notification"].sudo().search_count([]), notices)

    def test_activities_gone_before_the_job_are_not_told(self):
        """A step decided before the job ran (its activities deleted) and an activity marked
        done: nobody is told of them."""
        since = self._last_message()
        decided, _line = self._at_legal_step()
        decided.with_user(self.user_legal).action_approval_approve()
        self.assertEqual(decided.state, "management")
        self.assertFalse(self._approval_activities(decided).filtered(lambda a: a.user_id in self.legal_users))
        done, _line = self._at_legal_step()
        self._approval_activities(done).filtered(
            lambda a: a.user_id == self.legal_ru).with_user(self.legal_ru).action_feedback("Seen")
        self._run_approval_notices()
        for user in self.legal_users:
            self.assertFalse(self._notices(decided, user, since), user.login)
        self.assertFalse(self._notices(done, self.legal_ru, since))
        self.assertEqual(len(self._notices(done, self.user_legal, since)), 1)
        self.assertEqual(len(self._notices(done, self.legal_kk, since)), 1)
        # the next step's approvers of the decided agreement are told (by the legal officer)
        notice = self._notices(decided, self.user_management, since)
        self.assertEqual(len(notice), 1)
        self.assertEqual(notice.mail_message_id.author_id, self.user_legal.partner_id)

    def test_the_scheduled_action_runs_the_job(self):
        since = self._last_message()
        agreement, _line = self._at_legal_step()
        self.env.ref(CRON).method_direct_trigger()
        self.assertFalse(any(self._approval_activities(agreement).mapped("intl_notice_pending")))
        self.assertEqual(len(self._notices(agreement, self.legal_kk, since)), 1)

    def test_only_the_engine_sets_the_flag(self):
        agreement = self._create_agreement()
        Activity = self.env["mail.activity"].with_user(self.user_coordinator)
        values = {"res_model_id": self.env["ir.model"]._get_id("intl.agreement"), "res_id": agreement.id,
                  "user_id": self.user_officer.id, "summary": "Call the partner", "intl_notice_pending": True}
        activity = Activity.create(dict(values))
        self.assertFalse(activity.intl_notice_pending)
        with self.assertRaises(AccessError):
            activity.write({"intl_notice_pending": True})
        self.assertFalse(activity.intl_notice_pending)
        engine = intl_message.trusting(Activity).create(dict(values))
        self.assertTrue(engine.intl_notice_pending)
        with self.assertRaises(AccessError):
            self.env["mail.activity"].browse(engine.id).with_user(self.user_officer).write(
                {"intl_notice_pending": False})
        self.assertTrue(engine.intl_notice_pending)


@tagged("post_install", "-at_install")
class TestApprovalNoticesQueries(ApprovalNoticesCommon):
    """The job's queries do not grow with the activities of its batch."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        for lang in ("ru_RU", "kk_KZ"):
            cls.env["res.lang"]._activate_lang(lang)
        # three approvers who follow nothing yet: the job makes them followers of each record
        cls.approver_kk, cls.approver_ru, cls.approver_en = (new_test_user(
            cls.env, login=f"t_notice_{lang[:2]}", groups="base.group_user", lang=lang,
            notification_type=kind, email=f"notice_{lang[:2]}@example.com",
        ) for lang, kind in (("kk_KZ", "inbox"), ("ru_RU", "email"), ("en_US", "email")))
        cls.approvers = cls.approver_kk | cls.approver_ru | cls.approver_en

    def _pending(self, count):
        """``count`` agreements, each with an approval activity for each of three approvers (in
        Kazakh, Russian and English), created by the DIC Director as the engine creates them."""
        agreements = self.env["intl.agreement"]
        for index in range(count):
            agreements |= self._create_agreement(title=f"Memorandum {index}")
        type_id = self.env.ref("intl_cooperation.mail_activity_type_approval").id
        model_id = self.env["ir.model"]._get_id("intl.agreement")
        users = self.approvers
        # as _approval_create_activities creates them: no notice nor subscription at the creation
        engine = intl_message.trusting(self.env["mail.activity"]).with_context(**{
            "mail_activity_quick_update": True, FOLLOWERS_KEY: FOLLOWERS_DONE})
        activities = engine.with_user(self.user_dic_director).sudo().create([{
            "activity_type_id": type_id, "res_model_id": model_id, "res_model": "intl.agreement",
            "res_id": agreement.id, "user_id": user.id, "automated": True, "intl_notice_pending": True,
            "summary": f"Agree: Legal review of {agreement.title}",
            "note": Markup("<p>%s</p>") % agreement.title,
        } for agreement in agreements for user in users])
        self.assertEqual(set(activities.mapped("create_uid")), {self.user_dic_director})
        self.assertFalse(self.env["mail.followers"].sudo().search_count([
            ("res_model", "=", "intl.agreement"), ("res_id", "in", agreements.ids),
            ("partner_id", "in", self.approvers.partner_id.ids)]))
        return agreements

    def _run(self, agreements, expected=None):
        """Run the job once (as the cron worker: the end of its transaction included), with its
        query count checked against ``expected`` if given; its count."""
        since = self._last_message()
        self.env.flush_all()
        self.env.cr.flush()  # the end of the transaction that created the records (tracking)
        self.env.invalidate_all()
        before = self.cr.sql_log_count
        counted = self.assertQueryCount(expected) if expected else contextlib.nullcontext()
        with ApprovalClickMixin._profile(self), counted:
            self.env["mail.activity"]._cron_intl_approval_notices()
            self.env.flush_all()
            self.env.cr.flush()
        count = self.cr.sql_log_count - before
        for agreement in agreements:
            self.assertLessEqual(self.approvers.partner_id, self._followers(agreement))
            for user in self.approvers:
                self.assertEqual(len(self._notices(agreement, user, since)), 1)
        self.assertFalse(self.env["mail.activity"].sudo().search_count([("intl_notice_pending", "=", True)]))
        return count

    def test_the_job_costs_the_same_for_3_and_for_51_activities(self):
        """3 pending activities (one record, three approvers), then 51 (17 records): the same
        queries (each kind of row stays under the 100 the ORM inserts in one statement)."""
        self._run(self._pending(1))  # the caches of a cron worker
        baseline = self._run(self._pending(1))
        many = self._pending(17)
        self._run(many, expected=baseline)
        # 51 notices: 34 e-mails (Russian and English), 17 in the Kazakh officer's inbox
        mails = self.env["mail.mail"].sudo().search([("model", "=", "intl.agreement"), ("res_id", "in", many.ids)])
        self.assertEqual(len(mails), 34)
        self.assertEqual(mails.recipient_ids, (self.approver_ru | self.approver_en).partner_id)


@tagged("post_install", "-at_install")
class TestApprovalNoticesJsonRpc(JsonRpcRefusalMixin, ApprovalNoticesCommon, HttpCase):
    """Over JSON-RPC, nobody sets nor clears the pending notice of an activity."""

    def _call(self, model, method, args, kwargs=None):
        return self.make_jsonrpc_request("/web/dataset/call_kw", {
            "model": model, "method": method, "args": args, "kwargs": kwargs or {}})

    @mute_logger("odoo.http")  # the refusals are expected: each one is asserted below
    def test_no_client_sets_or_clears_the_flag(self):
        since = self._last_message()
        agreement, _line = self._at_legal_step()
        pending = self._approval_activities(agreement).filtered(lambda a: a.user_id == self.user_legal)
        self.assertTrue(pending.intl_notice_pending)
        # the approver cannot clear their own activity's notice (nor set it again later)
        self.authenticate(self.user_legal.login, self.user_legal.login)
        with self.assertRpcRefused(AccessError):
            self._call("mail.activity", "write", [pending.ids, {"intl_notice_pending": False}])
        self.env.invalidate_all()
        self.assertTrue(pending.intl_notice_pending)
        # the coordinator's own activity: created with the flag, it is ignored; written, refused
        self.authenticate(self.user_coordinator.login, self.user_coordinator.login)
        activity_id = self._call("mail.activity", "create", [{
            "res_model_id": self.env["ir.model"]._get_id("intl.agreement"), "res_id": agreement.id,
            "user_id": self.user_officer.id, "summary": "Call the partner", "intl_notice_pending": True}])
        self.assertFalse(self.env["mail.activity"].browse(activity_id).intl_notice_pending)
        with self.assertRpcRefused(AccessError):
            self._call("mail.activity", "write", [[activity_id], {"intl_notice_pending": True}])
        self.env.invalidate_all()
        self.assertFalse(self.env["mail.activity"].browse(activity_id).intl_notice_pending)
        # Odoo told the officer of the hand-made activity at its creation; the job, not again
        told = self._notices(agreement, self.user_officer, since)
        self._run_approval_notices()
        self.assertEqual(len(self._notices(agreement, self.user_legal, since)), 1)
        self.assertEqual(self._notices(agreement, self.user_officer, since), told)
