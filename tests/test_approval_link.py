import re
from datetime import timedelta
from urllib.parse import parse_qs, urlparse

from odoo import fields
from odoo.tests import HttpCase, tagged

from .agreement_common import AgreementCommon


class ApprovalLinkCommon(AgreementCommon):

    def _at_legal_step(self):
        agreement = self._create_agreement()
        self._to_drafting(agreement)
        agreement.with_user(self.user_dic_director).action_approval_approve()
        self.assertEqual(agreement.state, "legal_review")
        line = agreement.sudo().approval_line_ids.filtered(lambda line: line.state == "pending")
        return agreement, line

    @staticmethod
    def _params(url):
        query = parse_qs(urlparse(url).query)
        return {key: values[0] for key, values in query.items()}


@tagged("post_install", "-at_install")
class TestApprovalLink(ApprovalLinkCommon):
    """The e-mail's links: bound to one approver and one step, expiring, working once."""

    def test_the_activity_mail_carries_the_summary_and_links(self):
        agreement, line = self._at_legal_step()
        activity = agreement.activity_ids.filtered(lambda a: a.user_id == self.user_legal)
        self.assertIn(agreement.title, activity.note)
        self.assertIn(f"/intl/approval/{line.id}/approve?uid={self.user_legal.id}", activity.note)
        self.assertIn(f"/intl/approval/{line.id}/reject?uid={self.user_legal.id}", activity.note)

    def test_the_approvers_are_told_with_the_links(self):
        """Each approver of the opening step gets Odoo's assignment notice with the activity's
        note: by e-mail (in their language, with their own links), or in the Odoo inbox."""
        self.user_legal.write({"notification_type": "email", "lang": "ru_RU"})
        other_legal = self.user_legal.copy({"login": "t_legal_inbox", "name": "Legal Inbox",
                                            "email": "legal_inbox@example.com"})
        other_legal.notification_type = "inbox"
        agreement, line = self._at_legal_step()
        self.assertIn(other_legal, line.user_ids)
        self._run_approval_notices()
        self.assertLessEqual(self.user_legal.partner_id | other_legal.partner_id, agreement.message_partner_ids)
        mail = self.env["mail.mail"].sudo().search([("model", "=", "intl.agreement"), ("res_id", "=", agreement.id),
                                                    ("recipient_ids", "in", self.user_legal.partner_id.ids)])
        self.assertEqual(len(mail), 1)
        self.assertIn(f"/intl/approval/{line.id}/approve?uid={self.user_legal.id}", mail.body_html)
        self.assertNotIn(f"uid={other_legal.id}", mail.body_html)
        self.assertIn("назначенный вам", mail.subject)
        self.assertIn(agreement.title, mail.body_html)
        self.assertEqual(mail.notification_ids.res_partner_id, self.user_legal.partner_id)
        self.assertEqual(mail.notification_ids.notification_type, "email")
        inbox = self.env["mail.notification"].sudo().search([
            ("res_partner_id", "=", other_legal.partner_id.id), ("mail_message_id.res_id", "=", agreement.id),
            ("mail_message_id.model", "=", "intl.agreement")])
        self.assertEqual(inbox.notification_type, "inbox")
        self.assertFalse(inbox.is_read)
        self.assertIn(f"uid={other_legal.id}", str(inbox.mail_message_id.body))
        self.assertFalse(self.env["mail.mail"].sudo().search([("recipient_ids", "in", other_legal.partner_id.ids),
                                                              ("res_id", "=", agreement.id)]))

    def test_refused_links(self):
        _agreement, line = self._at_legal_step()
        params = self._params(line._approval_link_url(self.user_legal, "approve"))
        mine = line.with_user(self.user_legal)
        self.assertFalse(mine._approval_link_error(params["uid"], "approve", params["exp"], params["token"]))
        # tampered: another step, another approver, another decision, another expiry, a forged token
        tampered = params["token"][:-2] + ("00" if params["token"][-2:] != "00" else "11")
        self.assertIn("not valid", mine._approval_link_error(params["uid"], "approve", params["exp"], tampered))
        self.assertIn("not valid", mine._approval_link_error(params["uid"], "reject", params["exp"],
                                                             params["token"]))
        self.assertIn("not valid", mine._approval_link_error(params["uid"], "approve",
                                                             int(params["exp"]) + 3600, params["token"]))
        self.assertIn("not valid", mine._approval_link_error(self.user_officer.id, "approve", params["exp"],
                                                             params["token"]))
        self.assertIn("not valid", mine._approval_link_error("x", "approve", params["exp"], params["token"]))
        # foreign: someone else logged in opens the legal reviewer's link
        foreign = line.with_user(self.user_officer)
        self.assertIn("another approver", foreign._approval_link_error(
            params["uid"], "approve", params["exp"], params["token"]))
        # expired
        past = int((fields.Datetime.now() - timedelta(minutes=1)).timestamp())
        token = line._approval_link_token(self.user_legal.id, "approve", past)
        self.assertIn("expired", mine._approval_link_error(self.user_legal.id, "approve", past, token))
        # used: once decided the link (and the reject link) no longer works
        line._get_record().with_user(self.user_legal).action_approval_approve()
        self.assertIn("already decided", mine._approval_link_error(
            params["uid"], "approve", params["exp"], params["token"]))


@tagged("post_install", "-at_install")
class TestApprovalLinkHttp(ApprovalLinkCommon, HttpCase):
    """A browser clicks the e-mail's links: the same decision as the button."""

    def _open(self, url):
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        return response.text

    def _confirm(self, line, action, page, params, **data):
        csrf = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
        response = self.url_open(f"/intl/approval/{line.id}/{action}/confirm",
                                 data={"csrf_token": csrf, **params, **data})
        self.assertEqual(response.status_code, 200)
        self.env.invalidate_all()
        return response.text

    def test_click_approve_then_reuse(self):
        agreement, line = self._at_legal_step()
        url = line._approval_link_url(self.user_legal, "approve")
        params = self._params(url)
        self.authenticate(self.user_legal.login, self.user_legal.login)
        page = self._open(url)
        self.assertIn(agreement.title, page)
        self.assertIn("o_intl_approval_link_form", page)
        # opening the link decides nothing: a mail scanner's prefetch is harmless
        self.assertEqual(agreement.state, "legal_review")
        done = self._confirm(line, "approve", page, params)
        self.assertIn("o_intl_approval_link_done", done)
        self.assertEqual(agreement.state, "management")
        self.assertEqual(line.decided_by_id, self.user_legal)
        self.assertTrue(agreement.message_ids.filtered(lambda m: m.intl_body_key == "Agreed: %(step)s"))
        # the same link again: refused
        again = self._open(url)
        self.assertIn("already decided", again)
        self.assertNotIn("o_intl_approval_link_form", again)

    def test_click_reject_asks_the_reason(self):
        agreement, line = self._at_legal_step()
        url = line._approval_link_url(self.user_legal, "reject")
        params = self._params(url)
        self.authenticate(self.user_legal.login, self.user_legal.login)
        page = self._open(url)
        self.assertIn('name="reason"', page)
        refused = self._confirm(line, "reject", page, params, reason="  ")
        self.assertIn("reason", refused)
        self.assertEqual(agreement.state, "legal_review")
        self._confirm(line, "reject", page, params, reason="The liability clause is missing")
        self.assertEqual(line.state, "rejected")
        self.assertEqual(line.comment, "The liability clause is missing")
        self.assertEqual(agreement.state, "draft")

    def _decision_trace(self, agreement, since_message_id):
        """What a decision leaves: statuses, the decided step, the chatter, the activities."""
        self.env.invalidate_all()
        lines = agreement.sudo().approval_line_ids.sorted("sequence")
        approval = self.env.ref("intl_cooperation.mail_activity_type_approval")
        return {
            "state": agreement.state,
            "lines": [(line.name, line.state, line.decided_by_id, line.deputy_of_id, line.user_ids)
                      for line in lines],
            # the engine's notes (the status tracking is written when a transaction ends: the
            # link's request ended, the test's transaction has not)
            "notes": sorted((m.intl_body_key, m.message_type) for m in agreement.sudo().message_ids
                            if m.id > since_message_id and m.intl_body_key),
            "activities": sorted(agreement.activity_ids.filtered(
                lambda a: a.activity_type_id == approval).mapped("user_id.id")),
        }

    def test_link_decides_exactly_as_the_button(self):
        by_button, _line = self._at_legal_step()
        by_link, line = self._at_legal_step()
        last = max(self.env["mail.message"].sudo().search([], order="id desc", limit=1).ids)
        by_button.with_user(self.user_legal).action_approval_approve()
        url = line._approval_link_url(self.user_legal, "approve")
        self.authenticate(self.user_legal.login, self.user_legal.login)
        self._confirm(line, "approve", self._open(url), self._params(url))
        button, link = self._decision_trace(by_button, last), self._decision_trace(by_link, last)
        self.assertEqual(link, button)
        self.assertEqual(link["state"], "management")

    def test_browser_clicks_the_link_of_the_reminder_mail(self):
        """Chromium opens the Approve link of the approver's reminder e-mail and confirms:
        the step is decided exactly as by the button (the engine's note, the next step)."""
        agreement, line = self._at_legal_step()
        self._run_approval_notices()
        Mail = self.env["mail.mail"].sudo()
        mail_domain = [("model", "=", "intl.agreement"), ("res_id", "=", agreement.id),
                       ("recipient_ids", "in", self.user_legal.partner_id.ids)]
        opening_notice = Mail.search(mail_domain)  # the step's opening was told with the links too
        self.env["intl.approval.line"].browse(line.id)._remind()
        mail = Mail.search(mail_domain) - opening_notice
        self.assertEqual(len(mail), 1)
        href = re.search(r'href="([^"]*/intl/approval/%d/approve\?[^"]+)"' % line.id, mail.body_html).group(1)
        url = urlparse(href.replace("&amp;", "&"))
        self.start_tour(f"{url.path}?{url.query}", "intl_approval_link_tour", login=self.user_legal.login)
        self.env.invalidate_all()
        self.assertEqual(line.state, "approved")
        self.assertEqual(line.decided_by_id, self.user_legal)
        self.assertEqual(agreement.state, "management")
        self.assertTrue(agreement.message_ids.filtered(lambda m: m.intl_body_key == "Agreed: %(step)s"))

    def test_foreign_and_tampered_clicks_decide_nothing(self):
        agreement, line = self._at_legal_step()
        url = line._approval_link_url(self.user_legal, "approve")
        params = self._params(url)
        self.authenticate(self.user_officer.login, self.user_officer.login)
        page = self._open(url)
        self.assertIn("another approver", page)
        self.authenticate(self.user_legal.login, self.user_legal.login)
        page = self._open(url)
        forged = dict(params, token="0" * len(params["token"]))
        refused = self._confirm(line, "approve", page, forged)
        self.assertIn("not valid", refused)
        self.assertEqual(agreement.state, "legal_review")
