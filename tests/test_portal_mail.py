import base64
from datetime import date
from email.message import EmailMessage

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, HttpCase, tagged
from odoo.tools import mute_logger

from .jsonrpc_common import JsonRpcRefusalMixin
from .test_portal_delegation import PortalDelegationCommon
from .test_portal_partner import PortalPartnerCommon
from .test_portal_scholar import PDF, PortalScholarCommon


class PortalMailMixin:
    """An alias domain, so that the processes' aliases (scholars@, delegations@) exist."""

    @classmethod
    def _alias_domain(cls):
        domain = cls.env["mail.alias.domain"].create({"name": "satbayev.test", "catchall_alias": "catchall",
                                                      "bounce_alias": "bounce"})
        cls.env.company.alias_domain_id = domain
        for process in cls.env["intl.process"].search([("alias_id", "!=", False)]):
            process.alias_id.alias_domain_id = domain
        return domain

    def _send(self, record, method, user):
        action = getattr(record.with_user(user), method)()
        composer = Form(self.env["mail.compose.message"].with_user(user).with_context(**action["context"]))
        composer.save()._action_send_mail()
        return record.message_ids.filtered(lambda m: m.message_type == "comment")[:1]

    def _reply(self, to, message, subject, body, attachment=None):
        email = EmailMessage()
        email["From"] = "Hans Becker <hans.becker@tu-test.de>"
        email["To"] = to
        email["Subject"] = subject
        email["Message-ID"] = f"<reply-{abs(hash((subject, body)))}@tu-test.de>"
        if message:
            email["In-Reply-To"] = message.message_id
            email["References"] = message.message_id
        email.set_content(body)
        if attachment:
            email.add_attachment(attachment[1], maintype="application", subtype="pdf", filename=attachment[0])
        return self.env["mail.thread"].message_process(False, email.as_string())


@tagged("post_install", "-at_install")
class TestPortalMailScholar(PortalMailMixin, PortalScholarCommon, HttpCase):
    """The scholar's letters go out by e-mail in their language, with the PDF and the link; the
    reply lands on the visit."""

    browser_size = "1920x1080"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"].with_context(active_test=False).search([("code", "=", "kk_KZ")]).active = True
        cls.domain = cls._alias_domain()
        cls.scholar.email = "hans.becker@tu-test.de"

    def test_templates_in_three_languages(self):
        template = self.env.ref("intl_cooperation.mail_template_intl_scholar_invitation")
        expected = {"en_US": "invitation", "ru_RU": "приглашение", "kk_KZ": "шақыру"}
        for lang, word in expected.items():
            with self.subTest(lang=lang):
                self.scholar.lang = lang
                values = template._generate_template(self.visit_a.ids, ["subject", "body_html", "lang",
                                                                       "report_template_ids"])[self.visit_a.id]
                self.assertEqual(values["lang"], lang)
                self.assertIn(word, values["subject"])
                self.assertIn(self.visit_a.name, values["subject"])
                self.assertIn(f"/my/scholar_visit/{self.visit_a.id}?access_token=", values["body_html"])
                (name, content), = values["attachments"]
                # the invitation letter's report (the test mode renders its HTML, not the PDF)
                # (named in the recipient's language: Invitation, Приглашение...)
                self.assertRegex(name, rf"^\w+ {self.visit_a.name}\.(pdf|html)$")
                self.assertIn("Hans Becker", base64.b64decode(content).decode(errors="ignore"))

    def test_send_sets_invitation_sent_and_reply_lands(self):
        self._accept(self.visit_a)
        message = self._send(self.visit_a, "action_send_invitation_mail", self.user_officer)
        self.assertTrue(message.attachment_ids, "the invitation is attached")
        self.assertIn(self.scholar, message.partner_ids)
        self.assertEqual(self.visit_a.invitation_sent_date, self.today)
        self.assertIn("scholars@satbayev.test", message.reply_to)
        # the reply, with its attachment, on the right visit (the other visit gets nothing)
        self._reply("scholars@satbayev.test", message, f"Re: {message.subject}", "Thank you, my passport scan",
                    ("passport.pdf", PDF))
        reply = self.visit_a.message_ids[:1]
        self.assertIn("my passport scan", reply.body)
        self.assertEqual(reply.attachment_ids.mapped("name"), ["passport.pdf"])
        self.assertFalse(self.visit_b.message_ids.filtered(lambda m: "passport scan" in (m.body or "")))
        # no reference to a message: the subject names the visit, no visit is created
        count = self.env["intl.scholar.visit"].search_count([])
        self._reply("scholars@satbayev.test", None, f"Question about {self.visit_b.name}", "When do I arrive?")
        self.assertIn("When do I arrive?", self.visit_b.message_ids[:1].body)
        self.assertEqual(self.env["intl.scholar.visit"].search_count([]), count)

    def _accept(self, visit):
        visit.sudo()._lifecycle_write({"state": "accepted", "accepted_date": self.today})

    def test_letters_tour(self):
        """DIC sends the invitation and the visa-support petition from the visit in the browser."""
        self._accept(self.visit_a)
        self.start_tour(f"/odoo/action-intl_cooperation.intl_scholar_visit_action/{self.visit_a.id}",
                        "intl_letters_scholar_tour", login=self.user_officer.login)
        letters = self.visit_a.message_ids.filtered(lambda m: m.message_type == "comment" and m.attachment_ids)
        self.assertEqual(len(letters), 2, "the invitation and the petition")
        self.assertEqual(sorted(name.split()[0] for name in letters.attachment_ids.mapped("name")),
                         ["Invitation", "Petition"])
        for letter in letters:
            self.assertEqual(letter.author_id, self.user_officer.partner_id)
            self.assertEqual(letter.partner_ids, self.scholar)
            self.assertIn("scholars@satbayev.test", letter.reply_to)
            self.assertIn(f"/my/scholar_visit/{self.visit_a.id}?access_token=", letter.body)
        self.assertEqual(self.visit_a.invitation_sent_date, self.today, "set by the sending")
        self.assertEqual(len(self.env["mail.mail"].search([("mail_message_id", "in", letters.ids)])), 2,
                         "a mail to the scholar for each letter")


@tagged("post_install", "-at_install")
class TestPortalMailDelegation(PortalMailMixin, PortalDelegationCommon, HttpCase):

    def test_invitation_sent_by_the_sending(self):
        self._alias_domain()
        delegation = self.delegation_a
        self._run_to(delegation, "approved")
        template = self.env.ref("intl_cooperation.mail_template_intl_delegation_invitation")
        for lang in ("en_US", "ru_RU"):
            self.contact_a.lang = lang
            values = template._generate_template(delegation.ids, ["subject", "report_template_ids"])[delegation.id]
            self.assertEqual(len(values["attachments"]), 1)
        message = self._send(delegation, "action_send_invitation_mail", self.user_officer)
        self.assertEqual(delegation.state, "invitation_sent", "set by the sending, not by a click")
        self.assertTrue(message.attachment_ids)
        self._reply("delegations@satbayev.test", message, f"Re: {message.subject}", "We accept with pleasure",
                    ("members.pdf", PDF))
        self.assertEqual(delegation.message_ids[:1].attachment_ids.mapped("name"), ["members.pdf"])


@tagged("post_install", "-at_install")
class TestPortalMailGuarantee(JsonRpcRefusalMixin, PortalMailMixin, PortalDelegationCommon, HttpCase):
    """A supplier's guarantee letter goes out from its line, in the supplier's language with its own
    letter attached (not the other supplier's); the reply lands on the delegation; DIC only sends."""

    def setUp(self):
        super().setUp()
        self._alias_domain()
        self.env["res.lang"].with_context(active_test=False).search([("code", "=", "kk_KZ")]).active = True
        self.hotel.email = "booking@hotel-kz.test"
        self.restaurant.email = "events@navat.test"
        existing = self.delegation_a.guarantee_line_ids
        self.delegation_a.sudo()._lifecycle_write({"guarantee_line_ids": [
            Command.create({"supplier_type": "hotel", "partner_id": self.hotel.id, "services": "Rooms",
                            "amount": 450000}),
            Command.create({"supplier_type": "catering", "partner_id": self.restaurant.id, "services": "Dinner",
                            "amount": 120000}),
        ]})
        self.line_hotel, self.line_restaurant = (self.delegation_a.guarantee_line_ids - existing).sorted(
            "supplier_type", reverse=True)

    def test_template_in_three_languages(self):
        template = self.env.ref("intl_cooperation.mail_template_intl_delegation_guarantee")
        expected = {"en_US": "guarantee", "ru_RU": "гарант", "kk_KZ": "кепіл"}
        for lang, word in expected.items():
            with self.subTest(lang=lang):
                self.hotel.lang = lang
                values = template.with_context(intl_guarantee_line_id=self.line_hotel.id)._generate_template(
                    self.delegation_a.ids, ["subject", "body_html", "lang", "partner_to",
                                            "report_template_ids"])[self.delegation_a.id]
                self.assertEqual(values["lang"], lang)
                self.assertIn(word, values["subject"].lower())
                self.assertEqual(values["partner_ids"], self.hotel.ids, "only the chosen supplier")
                (name, content), = values["attachments"]
                self.assertRegex(name, r"\.(pdf|html)$")
                text = base64.b64decode(content).decode(errors="ignore")
                self.assertIn("Hotel Kazakhstan", text)
                self.assertNotIn("Restaurant Navat", text)

    def test_sent_and_reply_lands(self):
        action = self.line_restaurant.with_user(self.user_officer).action_send_guarantee_mail()
        composer = Form(self.env["mail.compose.message"].with_user(self.user_officer).with_context(
            **action["context"]))
        composer.save()._action_send_mail()
        message = self.delegation_a.message_ids.filtered(lambda m: m.message_type == "comment")[:1]
        self.assertEqual(message.partner_ids, self.restaurant)
        self.assertEqual(len(message.attachment_ids), 1)
        self.assertIn("delegations@satbayev.test", message.reply_to)
        self._reply("delegations@satbayev.test", message, f"Re: {message.subject}", "Menu confirmed",
                    ("menu.pdf", PDF))
        reply = self.delegation_a.message_ids[:1]
        self.assertIn("Menu confirmed", reply.body)
        self.assertEqual(reply.attachment_ids.mapped("name"), ["menu.pdf"])

    @mute_logger("odoo.http")
    def test_only_dic_sends(self):
        with self.assertRaises(AccessError):
            self.line_hotel.with_user(self.user_requester).action_send_guarantee_mail()
        self.authenticate("t_requester", "t_requester")
        with self.assertRpcRefused(AccessError):
            self.make_jsonrpc_request("/web/dataset/call_kw", {
                "model": "intl.delegation.guarantee.line", "method": "action_send_guarantee_mail",
                "args": [self.line_hotel.ids], "kwargs": {}})
        self.hotel.email = False
        with self.assertRaises(UserError):
            self.line_hotel.with_user(self.user_officer).action_send_guarantee_mail()


@tagged("post_install", "-at_install")
class TestPortalMailAgreement(JsonRpcRefusalMixin, PortalMailMixin, PortalPartnerCommon, HttpCase):
    """The partner's copy of the signed agreement goes to the partner's coordinator in their language,
    the signed scan attached and their page linked; the sending enters it in the copies register;
    the reply lands on the agreement (agreements@)."""

    browser_size = "1920x1080"

    def setUp(self):
        super().setUp()
        self._alias_domain()
        self.env["res.lang"].with_context(active_test=False).search([("code", "=", "kk_KZ")]).active = True
        scan_type = self.env.ref("intl_cooperation.intl_document_type_signed_agreement")
        line = self.agreement.document_line_ids.filtered(lambda line: line.type_id == scan_type)
        self.assertTrue(line, "the agreement has its signed scan's line")
        scan = self.env["ir.attachment"].create({"name": "Signed agreement.pdf", "raw": PDF,
                                                 "res_model": "intl.agreement", "res_id": self.agreement.id})
        line.sudo().write({"attachment_ids": [Command.link(scan.id)]})
        self.coordinator = self.portal_partner.partner_id

    def test_template_in_three_languages(self):
        template = self.env.ref("intl_cooperation.mail_template_intl_agreement_copy")
        expected = {"en_US": "signed agreement", "ru_RU": "подписанн", "kk_KZ": "қол қойылған"}
        for lang, word in expected.items():
            with self.subTest(lang=lang):
                self.coordinator.lang = lang
                values = template._generate_template(self.agreement.ids, [
                    "subject", "body_html", "lang", "partner_to", "report_template_ids"])[self.agreement.id]
                self.assertEqual(values["lang"], lang)
                self.assertIn(word, values["subject"].lower())
                self.assertEqual(values["partner_ids"], self.coordinator.ids, "the partner's coordinator")
                self.assertIn("/my/partner", values["body_html"])
                (name, content), = values["attachments"]
                self.assertEqual(name, "Signed agreement.pdf")
                self.assertEqual(base64.b64decode(content), PDF)

    def test_sent_and_reply_lands(self):
        message = self._send(self.agreement, "action_send_copy_mail", self.user_officer)
        self.assertEqual(message.partner_ids, self.coordinator)
        self.assertEqual(message.attachment_ids.mapped("name"), ["Signed agreement.pdf"])
        self.assertIn("agreements@satbayev.test", message.reply_to)
        self._reply("agreements@satbayev.test", message, f"Re: {message.subject}", "Received, thank you",
                    ("countersigned.pdf", PDF))
        reply = self.agreement.message_ids[:1]
        self.assertIn("Received, thank you", reply.body)
        self.assertEqual(reply.attachment_ids.mapped("name"), ["countersigned.pdf"])
        self.assertFalse(self.other_agreement.message_ids.filtered(lambda m: "Received" in (m.body or "")))

    def test_sending_enters_the_copies_register(self):
        # a student the partner nominated, with a portal login of their own, is not a coordinator
        student = self.env["res.partner"].create({"name": "Eva Novak", "email": "eva@tu-test.de",
                                                  "parent_id": self.partner_institution.id})
        self.env["res.users"].with_context(no_reset_password=True).create({
            "name": "Eva Novak", "login": "portal_student", "partner_id": student.id,
            "groups_id": [Command.set(self.env.ref("base.group_portal").ids)]})
        self.env["intl.mobility.nomination"].sudo()._lifecycle_create([{
            "partner_id": self.partner_institution.id, "applicant_id": student.id, "surname": "Novak",
            "first_name": "Eva", "email": student.email, "academic_year": "2027/2028",
            "date_start": date(2027, 9, 1), "date_end": date(2028, 1, 31)}])
        before = self.agreement.copy_ids
        message = self._send(self.agreement, "action_send_copy_mail", self.user_officer)
        sent = self.agreement.copy_ids - before
        self.assertEqual(len(sent), 1, "one row of the register per sending")
        sent.invalidate_recordset()
        row, = sent.with_user(self.user_officer).read(
            ["copy_type", "holder", "delivery", "date_sent", "sent_by_id", "recipient_ids", "message_id"])
        self.assertEqual((row["copy_type"], row["holder"], row["delivery"]), ("copy", "partner", "email"))
        self.assertEqual(row["sent_by_id"][0], self.user_officer.id, "who sent it")
        self.assertEqual(row["recipient_ids"], self.coordinator.ids, "to whom")
        self.assertEqual(row["message_id"][0], message.id)
        self.assertEqual(row["date_sent"], message.date, "when")
        self.assertTrue(self.agreement.message_ids.filtered(
            lambda m: "copies register" in (m._intl_body_in_lang("en_US") or "")
            and m.subtype_id == self.env.ref("mail.mt_note")))
        # the sending's fields are the sending's: nobody types them over JSON-RPC
        self.authenticate(self.user_officer.login, self.user_officer.login)
        with self.assertRpcRefused(UserError):
            self.make_jsonrpc_request("/web/dataset/call_kw", {
                "model": "intl.agreement.copy", "method": "create", "args": [[{
                    "agreement_id": self.agreement.id, "holder": "partner", "delivery": "email",
                    "sent_by_id": self.user_management.id}]], "kwargs": {}})
        with self.assertRpcRefused(UserError):
            self.make_jsonrpc_request("/web/dataset/call_kw", {
                "model": "intl.agreement.copy", "method": "write", "args": [sent.ids, {
                    "date_sent": "2020-01-01 10:00:00"}], "kwargs": {}})
        # a copy given by hand is still entered by hand
        by_hand = self.env["intl.agreement.copy"].with_user(self.user_officer).create({
            "agreement_id": self.agreement.id, "holder": "partner", "delivery": "hand", "note": "at the signing"})
        self.assertFalse(by_hand.sent_by_id)

    def test_copy_tour(self):
        """DIC sends the partner's copy from the agreement in the browser; the register shows it."""
        self.start_tour(f"/odoo/action-intl_cooperation.intl_agreement_action/{self.agreement.id}",
                        "intl_letters_agreement_tour", login=self.user_officer.login)
        sent = self.agreement.copy_ids.filtered(lambda row: row.delivery == "email")
        self.assertEqual(len(sent), 1)
        # (the composer of the browser also offers the agreement's partner: whom the mail went to)
        self.assertIn(self.coordinator, sent.recipient_ids)
        self.assertEqual(sent.recipient_ids, sent.message_id.partner_ids)
        self.assertEqual(sent.sent_by_id, self.user_officer)
        self.assertEqual(sent.message_id.attachment_ids.mapped("name"), ["Signed agreement.pdf"])

    @mute_logger("odoo.http")
    def test_only_dic_sends(self):
        with self.assertRaises(AccessError):
            self.agreement.with_user(self.user_coordinator).action_send_copy_mail()
        self.authenticate("t_requester", "t_requester")
        with self.assertRpcRefused(AccessError):
            self.make_jsonrpc_request("/web/dataset/call_kw", {
                "model": "intl.agreement", "method": "action_send_copy_mail",
                "args": [self.agreement.ids], "kwargs": {}})
        # not signed yet: nothing to send
        with self.assertRaises(UserError):
            self.other_agreement.with_user(self.user_officer).action_send_copy_mail()


@tagged("post_install", "-at_install")
class TestPortalMailNomination(JsonRpcRefusalMixin, PortalMailMixin, PortalPartnerCommon, HttpCase):
    """The nomination letter of an outgoing staff member goes to the host institution's coordinator in
    their language (the letter attached, their page linked); the reply lands on the mobility."""

    def setUp(self):
        super().setUp()
        self._alias_domain()
        self.env["res.lang"].with_context(active_test=False).search([("code", "=", "kk_KZ")]).active = True
        self.mobility = self.env["intl.mobility"].with_user(self.user_officer).create({
            "participant_type": "staff", "direction": "outgoing", "mobility_type": "teaching",
            "programme_type": "bilateral", "partner_id": self.partner_institution.id,
            "agreement_id": self.agreement.id, "employee_id": self.employee_coordinator.id,
            "academic_year": "2026/2027", "date_start": date(2026, 10, 5), "date_end": date(2026, 10, 9)})
        self.coordinator = self.portal_partner.partner_id

    def test_template_in_three_languages(self):
        template = self.env.ref("intl_cooperation.mail_template_intl_mobility_nomination")
        expected = {"en_US": "nomination", "ru_RU": "номинац", "kk_KZ": "ұсыным"}
        for lang, word in expected.items():
            with self.subTest(lang=lang):
                self.coordinator.lang = lang
                values = template._generate_template(self.mobility.ids, [
                    "subject", "body_html", "lang", "partner_to", "report_template_ids"])[self.mobility.id]
                self.assertEqual(values["lang"], lang)
                self.assertIn(word, values["subject"].lower())
                self.assertEqual(values["partner_ids"], self.coordinator.ids)
                self.assertIn("/my/partner", values["body_html"])
                (name, content), = values["attachments"]
                self.assertRegex(name, r"\.(pdf|html)$")
                text = base64.b64decode(content).decode(errors="ignore")
                self.assertIn(self.employee_coordinator.name, text)
                self.assertIn(self.partner_institution.name, text)

    def test_sent_and_reply_lands(self):
        other = self.mobility.copy({"date_start": date(2026, 11, 2), "date_end": date(2026, 11, 6)})
        message = self._send(self.mobility, "action_send_nomination_mail", self.user_coordinator)
        self.assertEqual(message.partner_ids, self.coordinator)
        self.assertEqual(len(message.attachment_ids), 1)
        # the outgoing mobility's own alias (mobility@ is the incoming nominations')
        self.assertIn("mobility.outgoing@satbayev.test", message.reply_to)
        alias = self.env.ref("intl_cooperation.intl_process_mobility_outgoing").alias_id
        self.assertEqual(alias.alias_model_id.model, "intl.mobility")
        self._reply("mobility.outgoing@satbayev.test", message, f"Re: {message.subject}", "The nominee is accepted",
                    ("acceptance.pdf", PDF))
        reply = self.mobility.message_ids[:1]
        self.assertIn("The nominee is accepted", reply.body)
        self.assertEqual(reply.attachment_ids.mapped("name"), ["acceptance.pdf"])
        self.assertFalse(other.message_ids.filtered(lambda m: "accepted" in (m.body or "")))
        # no reference to a message: the subject names the mobility, none is created
        count = self.env["intl.mobility"].search_count([])
        self._reply("mobility.outgoing@satbayev.test", None, f"Housing for {other.name}", "A room is booked",
                    ("housing.pdf", PDF))
        self.assertIn("A room is booked", other.message_ids[:1].body)
        self.assertEqual(other.message_ids[:1].attachment_ids.mapped("name"), ["housing.pdf"])
        self.assertEqual(self.env["intl.mobility"].search_count([]), count)
        self.assertFalse(self.env["intl.mobility.nomination"].search([("email", "=", "hans.becker@tu-test.de")]))

    @mute_logger("odoo.http")
    def test_only_dic_and_coordinator_send(self):
        with self.assertRaises(AccessError):
            self.mobility.with_user(self.user_coordinator_other).action_send_nomination_mail()
        self.authenticate("t_requester", "t_requester")
        with self.assertRpcRefused(AccessError):
            self.make_jsonrpc_request("/web/dataset/call_kw", {
                "model": "intl.mobility", "method": "action_send_nomination_mail",
                "args": [self.mobility.ids], "kwargs": {}})
        self.mobility.with_user(self.user_coordinator).action_cancel()
        with self.assertRaises(UserError):
            self.mobility.with_user(self.user_officer).action_send_nomination_mail()


@tagged("post_install", "-at_install")
class TestPortalDemo(HttpCase):
    """The demo's portal logins each have a record waiting (the step runs again: it is idempotent)."""

    def test_demo_logins(self):
        from ..demo_scenario import portal

        if not self.env.ref("intl_cooperation.intl_scholar_visit_kim_demo", raise_if_not_found=False):
            self.fail("the demo data is not installed")
        portal.run(self.env)
        portal.run(self.env)
        pages = {"scholar": "/my/scholar_visits", "delegation": "/my/delegations", "partner": "/my/partner",
                 "applicant": "/my/nominations"}
        for login, url in pages.items():
            with self.subTest(login=login):
                user = self.env["res.users"].search([("login", "=", login)])
                self.assertTrue(user.share)
                user.password = "intl"
                self.authenticate(login, "intl")
                page = self.url_open(url)
                self.assertEqual(page.status_code, 200)
                self.assertIn("/my/", page.url)
                self.assertRegex(page.text, r'href="/my/(scholar_visit|delegation|nomination)/\d+')
        self.assertEqual(self.env["intl.mobility.nomination"].search_count(
            [("applicant_id.email", "=", "lukas.brandt@tu-berlin.example")]), 1)

    def test_demo_letters(self):
        """The demo step 'letters' sends DIC's letters through the buttons' composer (once)."""
        from ..demo_scenario import letters, portal

        visit = self.env.ref("intl_cooperation.intl_scholar_visit_kim_demo", raise_if_not_found=False)
        agreement = self.env.ref("intl_cooperation.intl_agreement_tu_berlin_demo", raise_if_not_found=False)
        if not (visit and agreement):
            self.fail("the demo data is not installed")
        portal.run(self.env)
        letters.run(self.env)
        counts = {record: len(record.message_ids) for record in (visit, agreement)}
        letters.run(self.env)
        self.assertEqual({record: len(record.message_ids) for record in (visit, agreement)}, counts,
                         "idempotent: nothing is sent twice")
        officer = self.env.ref("intl_cooperation.user_dic_officer")
        sent = visit.message_ids.filtered(lambda m: m.message_type == "comment" and m.attachment_ids
                                          and m.author_id == officer.partner_id)
        self.assertEqual(len(sent), 2, "the invitation and the visa-support petition")
        self.assertTrue(visit.invitation_sent_date)
        delegation = self.env.ref("intl_cooperation.intl_delegation_tu_berlin_demo")
        hotel = self.env.ref("intl_cooperation.res_partner_hotel_rixos_demo")
        guarantee = delegation.message_ids.filtered(lambda m: m.message_type == "comment" and hotel in m.partner_ids)
        self.assertEqual(len(guarantee), 1)
        self.assertEqual(len(guarantee.attachment_ids), 1)
        row = agreement.copy_ids.filtered(lambda copy: copy.delivery == "email")
        self.assertEqual(len(row), 1)
        self.assertEqual(row.sent_by_id, officer)
        self.assertEqual(row.recipient_ids.mapped("email"), ["julia.hoffmann@tu-berlin.example"],
                         "the partner's coordinator, not the student it nominated")
