import base64
import re
from datetime import timedelta

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, tagged
from odoo.tests.common import JsonRpcException
from odoo.tools import mute_logger

from .common_scholar import IntlScholarCommon
from .jsonrpc_common import JsonRpcRefusalMixin

PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=")


class PortalScholarCommon(IntlScholarCommon):
    """Two invited scholars, each a portal user with a visit of their own."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        portal = cls.env.ref("base.group_portal")

        def portal_user(login, partner, lang="en_US"):
            return cls.env["res.users"].with_context(no_reset_password=True).create({
                "name": partner.name, "login": login, "password": login, "partner_id": partner.id,
                "groups_id": [Command.set(portal.ids)], "lang": lang,
                "company_id": cls.company.id, "company_ids": [Command.set(cls.company.ids)]})

        cls.env.ref("base.lang_ru").active = True
        cls.portal_a = portal_user("portal_scholar_a", cls.scholar)
        cls.scholar_b = cls.env["res.partner"].create({
            "name": "Anna Keller", "intl_citizenship_id": cls.env.ref("base.ch").id,
            "intl_passport_number": "X1234567", "email": "anna.keller@example.com"})
        cls.portal_b = portal_user("portal_scholar_b", cls.scholar_b)
        Visit = cls.env["intl.scholar.visit"].with_user(cls.user_coordinator)
        cls.visit_a = Visit.create(cls._visit_vals())
        cls.visit_b = Visit.create(cls._visit_vals(
            scholar_id=cls.scholar_b.id, institute_id=cls.institute.id, contract_number="SC-2"))

    def _login(self, user):
        self.authenticate(user.login, user.login)

    def _csrf(self, url):
        page = self.url_open(url)
        self.assertEqual(page.status_code, 200)
        return re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)

    def _line(self, visit, xmlid):
        doc_type = self.env.ref(f"intl_cooperation.{xmlid}")
        return visit.sudo().document_line_ids.filtered(lambda line: line.type_id == doc_type)

    def _upload(self, visit, line, content, name="scan.pdf", token=None, csrf=True, mode="", **data):
        url = f"/my/scholar_visit/{visit.id}" + (f"?access_token={token}" if token else "")
        post = {"csrf_token": self._csrf(url)} if csrf else {}
        if token:
            post["access_token"] = token
        post.update(data)
        return self.url_open(f"/my/scholar_visit/{visit.id}/document/{line.id}{mode}", data=post,
                             files={"file": (name, content, "application/octet-stream")})


@tagged("post_install", "-at_install")
class TestPortalScholarAccess(JsonRpcRefusalMixin, PortalScholarCommon, HttpCase):
    """The scholar reaches their own visit only: pages, forms, attachments, chatter and JSON-RPC."""

    def test_list_and_page_only_own(self):
        self._login(self.portal_a)
        listing = self.url_open("/my/scholar_visits")
        self.assertEqual(listing.status_code, 200)
        self.assertIn(self.visit_a.name, listing.text)
        self.assertNotIn(self.visit_b.name, listing.text)
        page = self.url_open(f"/my/scholar_visit/{self.visit_a.id}")
        self.assertIn("Hans Becker", page.text)
        self.assertIn("Reservoir engineering", page.text, "the lecture schedule is shown")
        self.assertIn("Passport copy", page.text, "the missing documents are listed")
        # another scholar's visit: back to /my, nothing of it shown
        other = self.url_open(f"/my/scholar_visit/{self.visit_b.id}")
        self.assertNotIn("Anna Keller", other.text)
        self.assertNotIn(self.visit_b.name, other.text)

    def test_token_opens_its_visit_only(self):
        token_a = self.visit_a._portal_ensure_token()
        token_b = self.visit_b._portal_ensure_token()
        self.assertNotEqual(token_a, token_b)
        # no login: the link opens its own visit
        page = self.url_open(f"/my/scholar_visit/{self.visit_a.id}?access_token={token_a}")
        self.assertEqual(page.status_code, 200)
        self.assertIn(self.visit_a.name, page.text)
        # the token of one visit does not open the other (page, forms, print)
        refused = self.url_open(f"/my/scholar_visit/{self.visit_b.id}?access_token={token_a}")
        self.assertNotIn("Anna Keller", refused.text)
        line_b = self._line(self.visit_b, "intl_document_type_passport")
        with mute_logger("odoo.http"):
            forged = self.url_open(
                f"/my/scholar_visit/{self.visit_b.id}/document/{line_b.id}",
                data={"access_token": token_a, "csrf_token": self._csrf(
                    f"/my/scholar_visit/{self.visit_a.id}?access_token={token_a}")},
                files={"file": ("x.pdf", PDF, "application/pdf")})
        self.assertEqual(forged.status_code, 403)
        self.assertEqual(line_b.state, "missing")

    def test_expired_and_revoked_token(self):
        token = self.visit_a._portal_ensure_token()
        self.assertEqual(self.visit_a.portal_token_expiry, self.visit_a.date_departure + timedelta(days=60))
        url = f"/my/scholar_visit/{self.visit_a.id}?access_token={token}"
        self.assertIn(self.visit_a.name, self.url_open(url).text)
        # expired
        self.visit_a.sudo()._lifecycle_write({"portal_token_expiry": self.today - timedelta(days=1)})
        self.assertNotIn(self.visit_a.name, self.url_open(url).text)
        self.assertFalse(self.visit_a._intl_portal_token_valid(token))
        # a new link is made on the next sending; DIC revokes it and the link opens nothing
        token = self.visit_a._portal_ensure_token()
        url = f"/my/scholar_visit/{self.visit_a.id}?access_token={token}"
        self.assertIn(self.visit_a.name, self.url_open(url).text)
        with self.assertRaises(UserError):
            # the coordinator neither sets the token by hand nor revokes it: DIC does
            self.visit_a.with_user(self.user_coordinator).write({"access_token": "forged"})
        with self.assertRaises(UserError):
            self.visit_a.with_user(self.user_coordinator).write({"portal_token_expiry": "2099-01-01"})
        with self.assertRaises(UserError):
            self.visit_a.with_user(self.user_coordinator).action_portal_revoke()
        self.visit_a.with_user(self.user_officer).action_portal_revoke()
        self.assertNotIn(self.visit_a.name, self.url_open(url).text)
        self.assertFalse(self.visit_a._intl_portal_token_valid(token))

    def test_upload_lands_received_in_its_line(self):
        self._login(self.portal_a)
        line = self._line(self.visit_a, "intl_document_type_passport")
        response = self._upload(self.visit_a, line, PDF, "passport.pdf", comment="<b>Scan</b> of my passport")
        self.assertIn("sent=document", response.url)
        self.assertEqual(line.state, "received")
        self.assertEqual(line.attachment_ids.mapped("name"), ["passport.pdf"])
        self.assertEqual(line.attachment_ids.mimetype, "application/pdf")
        messages = self.visit_a.message_ids.filtered(lambda m: m.author_id == self.scholar)
        # (stored in the company's language, read in the reader's: checked in English)
        self.assertTrue(any("Passport copy" in (m._intl_body_in_lang("en_US") or m.body) for m in messages))
        self.assertTrue(any("&lt;b&gt;Scan&lt;/b&gt; of my passport" in m.body for m in messages),
                        "the scholar's note is kept in their words, escaped")
        # PNG is accepted too, on another line; DIC verifies as today
        profile = self._line(self.visit_a, "intl_document_type_scholar_profile")
        self._upload(self.visit_a, profile, PNG, "profile.png")
        self.assertEqual(profile.state, "received")
        line.with_user(self.user_officer).write({"expiry_date": self.today + timedelta(days=900)})
        line.with_user(self.user_officer)._do_check_all()
        self.assertEqual(line.state, "verified")
        # a verified document takes no more files through the portal
        response = self._upload(self.visit_a, line, PDF)
        self.assertIn("error=document", response.url)
        self.assertEqual(len(line.attachment_ids), 1)

    def test_received_document_replaced(self):
        """A received document is replaced by the scholar until DIC verifies it; nothing else is."""
        self._login(self.portal_a)
        line = self._line(self.visit_a, "intl_document_type_passport")
        # nothing received yet: nothing to replace
        response = self._upload(self.visit_a, line, PDF, "early.pdf", mode="/replace")
        self.assertIn("error=replace", response.url)
        self.assertFalse(line.attachment_ids)
        self._upload(self.visit_a, line, PDF, "blurred.pdf")
        old = line.attachment_ids
        self.assertEqual(line.state, "received")
        response = self._upload(self.visit_a, line, PNG, "sharp.png", mode="/replace")
        self.assertIn("sent=replaced", response.url)
        self.assertEqual(line.attachment_ids.mapped("name"), ["sharp.png"], "the new file in place of the old")
        self.assertFalse(old.exists(), "the replaced scan is not kept")
        self.assertEqual(line.state, "received", "DIC checks the new file")
        self.assertTrue(self.visit_a.message_ids.filtered(
            lambda m: m.author_id == self.scholar and "Replaced through the portal" in m._intl_body_in_lang("en_US")))
        # a bad file replaces nothing
        response = self._upload(self.visit_a, line, b"not a scan", "x.pdf", mode="/replace")
        self.assertIn("error=file_type", response.url)
        self.assertEqual(line.attachment_ids.mapped("name"), ["sharp.png"])
        # no CSRF token: refused before anything
        with mute_logger("odoo.http"):
            response = self._upload(self.visit_a, line, PDF, csrf=False, mode="/replace")
        self.assertEqual(response.status_code, 400)
        # another scholar's received line: through one's own visit, then through theirs
        line_b = self._line(self.visit_b, "intl_document_type_passport")
        file_b = self.env["ir.attachment"].create({"name": "keller.pdf", "raw": PDF, "res_model": line_b._name,
                                                   "res_id": line_b.id})
        line_b.sudo().write({"attachment_ids": [Command.link(file_b.id)]})
        self.assertEqual(line_b.state, "received")
        response = self._upload(self.visit_a, line_b, PDF, mode="/replace")
        self.assertIn("error=document", response.url)
        with mute_logger("odoo.http"):
            response = self.url_open(
                f"/my/scholar_visit/{self.visit_b.id}/document/{line_b.id}/replace",
                data={"csrf_token": self._csrf(f"/my/scholar_visit/{self.visit_a.id}")},
                files={"file": ("x.pdf", PDF, "application/pdf")})
        self.assertEqual(response.status_code, 403)
        self.assertEqual(line_b.attachment_ids, file_b)
        # the visit's link opens the replacement to whoever holds it (no login), a wrong one does not
        self.authenticate(None, None)
        token = self.visit_a._portal_ensure_token()
        response = self._upload(self.visit_a, line, PDF, "by-link.pdf", token=token, mode="/replace")
        self.assertIn("sent=replaced", response.url)
        self.assertEqual(line.attachment_ids.mapped("name"), ["by-link.pdf"])
        with mute_logger("odoo.http"):
            response = self.url_open(f"/my/scholar_visit/{self.visit_a.id}/document/{line.id}/replace", data={
                "access_token": "forged", "csrf_token": self._csrf(
                    f"/my/scholar_visit/{self.visit_a.id}?access_token={token}")},
                files={"file": ("x.pdf", PDF, "application/pdf")})
        self.assertEqual(response.status_code, 403)
        # verified by DIC: no longer replaced
        line.with_user(self.user_officer).write({"expiry_date": self.today + timedelta(days=900)})
        line.with_user(self.user_officer)._do_check_all()
        self.assertEqual(line.state, "verified")
        verified_files = line.attachment_ids
        response = self._upload(self.visit_a, line, PDF, "late.pdf", token=token, mode="/replace")
        self.assertIn("error=document", response.url)
        self.assertEqual(line.attachment_ids, verified_files)
        # nor is anything replaced once the visit no longer takes changes
        profile = self._line(self.visit_a, "intl_document_type_scholar_profile")
        self._upload(self.visit_a, profile, PNG, "profile.png", token=token)
        csrf = self._csrf(f"/my/scholar_visit/{self.visit_a.id}?access_token={token}")
        self.visit_a.sudo()._lifecycle_write({"state": "done"})
        response = self.url_open(f"/my/scholar_visit/{self.visit_a.id}/document/{profile.id}/replace", data={
            "access_token": token, "csrf_token": csrf}, files={"file": ("profile.pdf", PDF, "application/pdf")})
        self.assertIn("error=closed", response.url)
        self.assertEqual(profile.attachment_ids.mapped("name"), ["profile.png"])

    def test_upload_refusals(self):
        self._login(self.portal_a)
        line = self._line(self.visit_a, "intl_document_type_passport")
        # a text file named .pdf: the content decides
        response = self._upload(self.visit_a, line, b"just some text, not a scan", "passport.pdf")
        self.assertIn("error=file_type", response.url)
        self.assertIn("Only PDF, JPEG or PNG files are accepted.", response.text)
        # too large
        self.env["ir.config_parameter"].sudo().set_param("intl_cooperation.portal_upload_max_mb", "0.001")
        response = self._upload(self.visit_a, line, PDF + b"0" * 2000, "big.pdf")
        self.assertIn("error=file_size", response.url)
        # no CSRF token: refused before anything
        with mute_logger("odoo.http"):
            response = self._upload(self.visit_a, line, PDF, csrf=False)
        self.assertEqual(response.status_code, 400)
        # the line of another visit through one's own visit
        line_b = self._line(self.visit_b, "intl_document_type_passport")
        response = self.url_open(
            f"/my/scholar_visit/{self.visit_a.id}/document/{line_b.id}",
            data={"csrf_token": self._csrf(f"/my/scholar_visit/{self.visit_a.id}")},
            files={"file": ("x.pdf", PDF, "application/pdf")})
        self.assertIn("error=document", response.url)
        # a document DIC fills (not sent through the portal)
        memo = self._line(self.visit_a, "intl_document_type_service_memo")
        response = self._upload(self.visit_a, memo, PDF)
        self.assertIn("error=document", response.url)
        self.assertEqual((line | line_b | memo).mapped("state"), ["missing"] * 3)
        self.assertFalse((line | line_b | memo).attachment_ids)
        # the Russian page says it in Russian
        self.portal_a.lang = "ru_RU"
        page = self.url_open(f"/ru/my/scholar_visit/{self.visit_a.id}?error=file_type")
        self.assertIn("Принимаются только файлы PDF, JPEG или PNG.", page.text)

    def test_profile_escaped_and_passport_for_dic_only(self):
        self._login(self.portal_a)
        url = f"/my/scholar_visit/{self.visit_a.id}"
        response = self.url_open(f"{url}/profile", data={
            "csrf_token": self._csrf(url), "name": "Hans <script>alert(1)</script> Becker",
            "intl_name_cyrillic": "Ганс Беккер", "intl_degree": "PhD", "email": "hans@example.com",
            "intl_citizenship_id": str(self.env.ref("base.at").id), "intl_profile": "Geology",
            "passport_number": "P7654321", "passport_expiry": "2031-05-01",
            "bank_acc_number": "DE89370400440532013000", "bank_name": "Commerzbank", "bank_bic": "COBADEFFXXX"})
        self.assertIn("sent=profile", response.url)
        self.assertNotIn("<script>alert(1)</script>", response.text)
        self.assertIn("&lt;script&gt;alert(1)&lt;/script&gt;", response.text)
        self.assertNotIn("P7654321", response.text, "the passport is never shown back")
        scholar = self.scholar.sudo()
        self.assertEqual(scholar.intl_passport_number, "P7654321")
        self.assertEqual(scholar.intl_citizenship_id, self.env.ref("base.at"))
        self.assertEqual(scholar.bank_ids[:1].acc_number, "DE89370400440532013000")
        # the coordinator reads the profile, not the passport; the chatter names what changed, no value
        visit = self.visit_a.with_user(self.user_coordinator)
        visit.invalidate_recordset()
        self.assertEqual(visit.read(["degree"])[0]["degree"], "PhD")
        with self.assertRaises(AccessError):
            visit.read(["passport_number"])
        note = self.visit_a.message_ids.filtered(lambda m: "profile" in (m._intl_body_in_lang("en_US") or ""))[:1]
        self.assertIn("Passport data", note._intl_body_in_lang("en_US"))
        self.assertNotIn("P7654321", note.body)
        # invalid input: a translated message, nothing written
        response = self.url_open(f"{url}/profile", data={
            "csrf_token": self._csrf(url), "name": "Hans Becker", "email": "not an address"})
        self.assertIn("The e-mail address is not valid.", response.text)
        self.assertEqual(scholar.email, "hans@example.com")

    @mute_logger("odoo.http")  # the refusals are expected: each one is asserted below
    def test_jsonrpc_reaches_no_internal_model(self):
        line = self._line(self.visit_a, "intl_document_type_passport")
        self._login(self.portal_a)
        self._upload(self.visit_a, line, PDF)
        attachment = line.attachment_ids
        self.assertTrue(attachment)

        def call(model, method, args, kwargs=None):
            return self.make_jsonrpc_request("/web/dataset/call_kw", {
                "model": model, "method": method, "args": args, "kwargs": kwargs or {}})

        for model, res_id in (("intl.scholar.visit", self.visit_a.id), ("intl.scholar.visit", self.visit_b.id),
                              ("intl.document.line", line.id), ("intl.scholar.lecture",
                                                                self.visit_a.lecture_ids[0].id),
                              ("intl.agreement", False), ("intl.trip", False)):
            with self.subTest(model=model, res_id=res_id), self.assertRpcRefused(AccessError):
                if res_id:
                    call(model, "read", [[res_id], ["name" if model == "intl.scholar.visit" else "id"]])
                else:
                    call(model, "search_read", [[]], {"fields": ["id"]})
        for model, res_id, vals in (("intl.scholar.visit", self.visit_a.id, {"state": "accepted"}),
                                    ("intl.scholar.visit", self.visit_a.id, {"purpose": "Forged"}),
                                    ("intl.document.line", line.id, {"state": "verified"})):
            with self.subTest(model=model, vals=vals), self.assertRpcRefused(AccessError):
                call(model, "write", [[res_id], vals])
        with self.assertRpcRefused(AccessError):
            call("intl.scholar.visit", "action_submit", [[self.visit_a.id]])
        with self.assertRpcRefused(AccessError):
            call("ir.attachment", "read", [[attachment.id], ["datas"]])
        self.assertEqual(self.visit_a.state, "draft")
        # the other scholar reaches neither the file nor its line over HTTP
        self._login(self.portal_b)
        self.assertNotEqual(self.url_open(f"/web/content/{attachment.id}").status_code, 200)
        self.assertNotEqual(self.url_open(f"/web/content/{attachment.id}?download=true").status_code, 200)

    def test_chatter_public_messages_only(self):
        self.visit_a.with_user(self.user_coordinator).message_post(
            body="Internal: the DIC Director hesitates", subtype_xmlid="mail.mt_note")
        self.visit_a.with_user(self.user_coordinator).message_post(
            body="Welcome to Satbayev University", subtype_xmlid="mail.mt_comment", message_type="comment")
        token = self.visit_a._portal_ensure_token()
        self._login(self.portal_a)
        result = self.make_jsonrpc_request("/mail/chatter_fetch", {
            "thread_model": "intl.scholar.visit", "thread_id": self.visit_a.id, "token": token})
        bodies = " ".join(message["body"] for message in result["data"]["mail.message"])
        self.assertIn("Welcome to Satbayev University", bodies)
        self.assertNotIn("hesitates", bodies)
        # the token of one visit does not read the other's messages
        with mute_logger("odoo.http"), self.assertRaises(JsonRpcException) as caught:
            self.make_jsonrpc_request("/mail/chatter_fetch", {
                "thread_model": "intl.scholar.visit", "thread_id": self.visit_b.id, "token": token})
        self.assertIn("Forbidden", caught.exception.args[0])


@tagged("post_install", "-at_install")
class TestPortalScholarTour(PortalScholarCommon, HttpCase):
    """The scholar completes the profile and sends the documents until nothing is missing."""

    def _tour(self, lang):
        self.portal_a.lang = lang
        self.start_tour(f"/{lang[:2]}/my/scholar_visits", f"intl_portal_scholar_tour_{lang[:2]}",
                        login=self.portal_a.login)
        self.assertFalse(self.visit_a._intl_portal_missing_lines())
        self.assertEqual(self.scholar.sudo().intl_passport_number, "C01X00T47")
        self.assertTrue(self.scholar.sudo().bank_ids.filtered(lambda b: b.bank_id.name == "Commerzbank"))
        sent = self.visit_a.sudo().document_line_ids.filtered(lambda line: line.state == "received")
        self.assertEqual(len(sent), 2)

    def test_scholar_tour_en(self):
        self._tour("en_US")

    def test_scholar_tour_ru(self):
        self._tour("ru_RU")
